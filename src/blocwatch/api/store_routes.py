"""Read-only endpoints over the store: stats, events, articles, quotes, actors, rejects.

Every event row carries its evidence sentence, article_id, sentence_index and character offsets, so any number
the dashboard shows can be traced back to the words it came from.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request

from blocwatch import __version__
from blocwatch.api.convert import frame_records, jsonable
from blocwatch.store import Store

PARTIAL_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
DEFAULT_PAGE = 500
MAX_PAGE = 10_000

router = APIRouter(prefix="/api")


def get_store(request: Request) -> Store:
    return request.app.state.store


StoreDep = Annotated[Store, Depends(get_store)]
FilterParam = Annotated[
    list[str] | None, Query(description="repeat the parameter to match any of several values")
]
DateParam = Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD")]
LimitParam = Annotated[int, Query(ge=1, le=MAX_PAGE)]
OffsetParam = Annotated[int, Query(ge=0)]


def checked_partial_date(value: str | None, name: str) -> str | None:
    """`value` if it is a real year, month or day written YYYY, YYYY-MM or YYYY-MM-DD; else a 422 naming `name`."""
    if value is None or value == "":
        return None
    padded = value + "-01-01" if len(value) == 4 else value + "-01" if len(value) == 7 else value
    valid = re.match(PARTIAL_DATE_PATTERN, value) is not None
    if valid:
        try:
            dt.date.fromisoformat(padded)
        except ValueError:
            valid = False
    if not valid:
        raise HTTPException(
            status_code=422,
            detail=f"query.{name}: {value!r} is not a date written YYYY, YYYY-MM or YYYY-MM-DD",
        )
    return value


def _bad_filter(error: ValueError) -> HTTPException:
    return HTTPException(status_code=422, detail=str(error))


@router.get("/health")
def health(request: Request) -> dict[str, Any]:
    from blocwatch.api.analytics_routes import analytics_problem

    store: Store = request.app.state.store
    problem = analytics_problem()
    return {
        "status": "ok",
        "version": __version__,
        "backend": store.backend,
        "analytics": problem is None,
        "analytics_problem": problem,
    }


@router.get("/stats")
def stats(store: StoreDep) -> dict[str, Any]:
    return jsonable(store.stats())


@router.get("/events")
def events(
    store: StoreDep,
    actor: FilterParam = None,
    recipient: FilterParam = None,
    type: FilterParam = None,
    since: DateParam = None,
    until: DateParam = None,
    modality: FilterParam = None,
    article_id: str | None = None,
    limit: LimitParam = DEFAULT_PAGE,
    offset: OffsetParam = 0,
) -> list[dict[str, Any]]:
    """Event rows (the events table of docs/architecture.md) in date order, `limit` rows from `offset`."""
    since, until = checked_partial_date(since, "since"), checked_partial_date(until, "until")
    try:
        frame = store.events(
            actor=actor, recipient=recipient, type=type, since=since, until=until,
            modality=modality, article_id=article_id, limit=offset + limit,
        )  # fmt: skip
    except ValueError as error:
        raise _bad_filter(error) from error
    return frame_records(frame.iloc[offset:])


@router.get("/articles")
def articles(
    store: StoreDep, limit: LimitParam = DEFAULT_PAGE, offset: OffsetParam = 0
) -> list[dict[str, Any]]:
    return frame_records(store.articles().iloc[offset : offset + limit])


@router.get("/articles/{article_id:path}")
def article(article_id: str, store: StoreDep) -> dict[str, Any]:
    """The stored article with its text, events, quotes and actor mentions (offsets point into `text`)."""
    found = store.article(article_id)
    if found is None:
        raise HTTPException(status_code=404, detail=f"no article with id {article_id!r} in the store")
    # Event ids are stable (`{article_id}#e{n}`), so the article view can link to and from the events table.
    for n, event in enumerate(found["events"]):
        event["event_id"] = f"{found['id']}#e{n}"
    return jsonable(found)


@router.get("/quotes")
def quotes(
    store: StoreDep,
    speaker: FilterParam = None,
    article_id: str | None = None,
    limit: LimitParam = DEFAULT_PAGE,
    offset: OffsetParam = 0,
) -> list[dict[str, Any]]:
    try:
        frame = store.quotes(speaker=speaker, article_id=article_id)
    except ValueError as error:
        raise _bad_filter(error) from error
    return frame_records(frame.iloc[offset : offset + limit])


@router.get("/actors")
def actors(
    store: StoreDep,
    kind: FilterParam = None,
    limit: LimitParam = DEFAULT_PAGE,
    offset: OffsetParam = 0,
) -> list[dict[str, Any]]:
    """Distinct actors with mention, article and event counts, most mentioned first."""
    frame = store.actors()
    if kind:
        wanted = {k.strip().lower() for k in kind}
        frame = frame[frame["kind"].str.lower().isin(wanted)]
    return frame_records(frame.iloc[offset : offset + limit])


@router.get("/rejects")
def rejects(
    store: StoreDep, limit: LimitParam = DEFAULT_PAGE, offset: OffsetParam = 0
) -> list[dict[str, Any]]:
    return frame_records(store.rejects().iloc[offset : offset + limit])
