"""Relations, alliances and alerts: the alliance registry plus the analytics stage over stored events.

The registry (blocwatch.actors.alliances) always works. The analytics functions are looked up when a request
needs them; when the analytics stage cannot be imported or lacks a function, those endpoints answer 503
"analytics not available: ..." while everything else keeps working.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query

from blocwatch.actors import alliances as registry
from blocwatch.api.convert import jsonable
from blocwatch.api.store_routes import DateParam, StoreDep, checked_partial_date

ANALYTICS_MODULE = "blocwatch.analytics"
# The public functions of the analytics stage this API calls, and the endpoints that need them.
ANALYTICS_FUNCTIONS = ("dyad_series", "member_drift", "alliance_standing", "cohesion", "detect_alerts")
# Columns of a dyad series that are bookkeeping rather than something to chart.
SERIES_KEYS = ("actor", "recipient", "period", "period_start")
DEFAULT_ALLIANCE_FREQ = "quarter"

router = APIRouter(prefix="/api")


def analytics_problem(names: tuple[str, ...] = ANALYTICS_FUNCTIONS) -> str | None:
    """Why the analytics functions `names` cannot be used, or None when they can."""
    try:
        module = importlib.import_module(ANALYTICS_MODULE)
    except Exception as error:  # noqa: BLE001 - any import failure means the same thing to a client
        return f"{ANALYTICS_MODULE} cannot be imported ({type(error).__name__}: {error})"
    missing = [name for name in names if not callable(getattr(module, name, None))]
    if missing:
        return f"{ANALYTICS_MODULE} has no {', '.join(missing)}"
    return None


def analytics_function(name: str) -> Callable[..., Any]:
    """The analytics function `name`, or a 503 "analytics not available" for the client."""
    problem = analytics_problem((name,))
    if problem is not None:
        raise HTTPException(status_code=503, detail=f"analytics not available: {problem}")
    return getattr(importlib.import_module(ANALYTICS_MODULE), name)


def _events_frame(store: Any, since: str | None = None, until: str | None = None) -> Any:
    try:
        return store.events(since=since, until=until)
    except ValueError as error:
        raise HTTPException(status_code=422, detail=str(error)) from error


def _analyse(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run an analytics function; its ValueErrors (bad freq, unknown code, bad dates) are the client's input."""
    try:
        return function(*args, **kwargs)
    except ValueError as error:
        raise HTTPException(status_code=422, detail=str(error)) from error


def _day(value: str | None, what: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise HTTPException(
            status_code=422, detail=f"{what} {value!r} is not a date written YYYY-MM-DD"
        ) from None


def _alliance(code: str) -> registry.Alliance:
    try:
        return registry.alliance(code)
    except KeyError as error:
        raise HTTPException(status_code=404, detail=str(error.args[0])) from None


def _alliance_summary(entry: registry.Alliance, on: dt.date) -> dict[str, Any]:
    return {
        "code": entry.code,
        "name": entry.name,
        "kind": entry.kind,
        "leader": entry.leader,
        "rivals": list(entry.rivals),
        "signed": entry.signed,
        "in_force": entry.in_force,
        "source": entry.source,
        "members": entry.members(on),
    }


@router.get("/alliances")
def alliances(on: str | None = None) -> list[dict[str, Any]]:
    """Every alliance in the registry with its members (member, frozen, suspended or leaving) on `on`."""
    day = _day(on, "on") or dt.date.today()
    return jsonable([_alliance_summary(entry, day) for _, entry in sorted(registry.load_registry().items())])


def _numeric_columns(frame: Any, leave_out: tuple[str, ...]) -> list[str]:
    return [str(c) for c in frame.columns if c not in leave_out and frame[c].dtype.kind in "iuf"]


@router.get("/relations")
def relations(
    store: StoreDep,
    a: Annotated[
        str, Query(min_length=1, max_length=200, description="country code, organisation code or actor id")
    ],
    b: Annotated[str, Query(min_length=1, max_length=200)],
    freq: str = "month",
    since: DateParam = None,
    until: DateParam = None,
) -> dict[str, Any]:
    """The dyad series between `a` and `b` per period: a→b, b→a and both directions together.

    The events behind every period are `GET /api/events?actor=a&recipient=b` (and the reverse) with the
    period's dates, each with its evidence sentence.
    """
    since, until = checked_partial_date(since, "since"), checked_partial_date(until, "until")
    dyad_series = analytics_function("dyad_series")
    events = _events_frame(store, since, until)
    forward = _analyse(dyad_series, events, a, b, freq=freq, directed=True)
    backward = _analyse(dyad_series, events, b, a, freq=freq, directed=True)
    both = _analyse(dyad_series, events, a, b, freq=freq, directed=False)
    return {
        "a": a,
        "b": b,
        "freq": freq,
        "since": since,
        "until": until,
        "metrics": _numeric_columns(both, SERIES_KEYS),
        "forward": jsonable(forward),
        "backward": jsonable(backward),
        "series": jsonable(both),
    }


def _registry_standing(entry: registry.Alliance, day: dt.date) -> list[dict[str, Any]]:
    """Members and their standing from the registry alone (used when the analytics stage is not available)."""
    rows = []
    for country in entry.countries():
        status = entry.status_of(country, day)
        if status is None:
            continue
        history = [change for change in entry.history(country) if change.date <= day]
        rows.append(
            {
                "member": country,
                "status": status,
                "since": history[-1].date.isoformat() if history else None,
                "source": history[-1].source if history else "",
                "drift": None,
            }
        )
    return rows


def _standing_rows(standing: Any, components: list[str]) -> list[dict[str, Any]]:
    rows = []
    for row in jsonable(standing):
        row["drift"] = {name: row.pop(name, None) for name in components}
        rows.append(row)
    return rows


@router.get("/alliances/{code}")
def alliance_detail(
    code: str,
    store: StoreDep,
    on: str | None = None,
    freq: str = DEFAULT_ALLIANCE_FREQ,
) -> dict[str, Any]:
    """An alliance on `on` (default today): every related state with its registry status and drift components,
    the drift of each member per period, the alliance's cohesion per period, and the membership history."""
    entry = _alliance(code)
    day = _day(on, "on") or dt.date.today()
    answer = _alliance_summary(entry, day)
    answer["on"] = day.isoformat()
    answer["freq"] = freq
    answer["history"] = [
        {"member": c.country, "date": c.date, "status": c.status, "source": c.source} for c in entry.changes
    ]
    problem = analytics_problem(("member_drift", "alliance_standing", "cohesion"))
    answer["analytics_problem"] = problem
    if problem is not None:
        answer.update(
            standing=_registry_standing(entry, day), drift_components=[], drift_series=[], cohesion=[]
        )
        return jsonable(answer)
    events = _events_frame(store)
    drift = _analyse(analytics_function("member_drift"), events, entry.code, on=day, freq=freq)
    standing = _analyse(analytics_function("alliance_standing"), events, entry.code, on=day, freq=freq)
    cohesion = _analyse(analytics_function("cohesion"), events, entry.code, on=day, freq=freq, drift=drift)
    components = [c for c in _numeric_columns(standing, ()) if c not in ("since",)]
    answer.update(
        standing=_standing_rows(standing, components),
        drift_components=components,
        drift_series=jsonable(drift),
        cohesion=jsonable(cohesion),
    )
    return jsonable(answer)


# Where each evidence sentence sits in its article: added to the analytics stage's evidence records.
LOCATION_FIELDS = ("sentence_index", "start", "end")


def _locate_evidence(alerts: list[dict[str, Any]], events: Any) -> None:
    """Give every evidence record of every alert its sentence index and character offsets in the article.

    An evidence record whose event is not in the store any more keeps null offsets rather than disappearing.
    """
    located = {row["event_id"]: row for row in jsonable(events.loc[:, ["event_id", *LOCATION_FIELDS]])}
    for alert in alerts:
        for record in alert.get("evidence") or []:
            place = located.get(record.get("event_id"), {})
            for field in LOCATION_FIELDS:
                record[field] = place.get(field)


@router.get("/alerts")
def alerts(
    store: StoreDep,
    since: DateParam = None,
    alliance: Annotated[
        list[str] | None,
        Query(description="alliances whose member drift is scored (default CSTO); 'all' for every one"),
    ] = None,
    dyads: bool = True,
) -> list[dict[str, Any]]:
    """Alerts of periods ending on or after `since`, strongest first within each period, each with the evidence
    sentences behind it (article, event id, sentence index and character offsets)."""
    since = checked_partial_date(since, "since")
    detect_alerts = analytics_function("detect_alerts")
    codes: list[str] | None = ["CSTO"] if not alliance else [code.strip().upper() for code in alliance]
    if codes is not None and "ALL" in codes:
        codes = None
    elif codes is not None:
        for code in codes:
            _alliance(code)  # an unknown code is a 404 naming the known ones, not an empty list
    events = _events_frame(store)
    found = _analyse(
        detect_alerts, events, store.quotes(), store.articles(), alliances=codes, dyads=dyads, since=since
    )
    answer = jsonable(found)
    _locate_evidence(answer, events)
    return answer
