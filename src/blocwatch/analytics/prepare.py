"""Turn the store's events table into the frame every analytic works on.

`prepare_events` checks the columns, decides which entity each side of an event stands for (people roll up to
their state, officials of an organisation to the organisation), places every event on a day, and clusters the
reports of one real-world event (see `dedupe.py`). Everything downstream reads only prepared frames, so the
work is done once per frame, with column operations only: a million events take seconds, not minutes.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from blocwatch.store.schema import EVENT_TABLE_COLUMNS

# The events table of docs/architecture.md, as the store defines it; analytics reads exactly these.
EVENT_COLUMNS: tuple[str, ...] = EVENT_TABLE_COLUMNS

MODALITIES: tuple[str, ...] = ("asserted", "negated", "hypothetical", "future")
# Columns added by prepare_events; their presence marks a frame as prepared.
PREPARED_COLUMNS: tuple[str, ...] = (
    "actor_entity", "recipient_entity", "day", "article_day", "root", "quad_class", "weight",
    "cluster_id", "cluster_size", "cluster_articles", "representative",
)  # fmt: skip

# How many example ids an error message lists.
_EXAMPLES = 3


class AnalyticsInputError(ValueError):
    """The events frame cannot be analysed; the message names the column and offending events."""


def _examples(frame: pd.DataFrame, mask: pd.Series, column: str) -> str:
    rows = frame.loc[mask, ["event_id", column]].head(_EXAMPLES)
    return ", ".join(f"{event_id!s}: {value!r}" for event_id, value in rows.itertuples(index=False))


def check_columns(events: pd.DataFrame) -> None:
    if not isinstance(events, pd.DataFrame):
        raise AnalyticsInputError(f"events: expected a pandas DataFrame, got {type(events).__name__}")
    missing = [column for column in EVENT_COLUMNS if column not in events.columns]
    if missing:
        raise AnalyticsInputError(
            f"events: missing column(s) {', '.join(missing)}; the events table of docs/architecture.md is expected"
        )


def is_prepared(events: pd.DataFrame) -> bool:
    return all(column in events.columns for column in PREPARED_COLUMNS)


def entity_codes(frame: pd.DataFrame, side: str) -> pd.Series:
    """The entity one side of each event stands for, as used in dyads.

    Organisations (and anyone speaking for one, whose country is "IGO") → the organisation code, e.g. "CSTO";
    states and people → the ISO3 country code; groups and firms without either → their actor id; no actor → NA.
    """
    kind = frame[f"{side}_kind"]
    country = frame[f"{side}_country"].astype("string").str.upper()
    org = frame[f"{side}_org"].astype("string").str.upper()
    speaks_for_org = (kind == "igo") | (country == "IGO")
    entity = org.where(speaks_for_org & org.notna())
    has_country = country.notna() & (country != "IGO") & (country != "")
    entity = entity.fillna(country.where(has_country & ~speaks_for_org))
    return entity.fillna(frame[f"{side}_id"].astype("string"))


def normalise_entity(code: str) -> str:
    """A user's way of naming an entity ("arm", "state:ARM", "igo:csto", "group:x") → the dyad code."""
    if not isinstance(code, str) or not code.strip():
        raise AnalyticsInputError(f"actor code: expected a country code, organisation code or actor id, got {code!r}")
    text = code.strip()
    prefix, _, rest = text.partition(":")
    if rest and prefix.lower() in ("state", "igo"):
        return rest.strip().upper()
    if rest:
        return text
    return text.upper()


def _event_days(frame: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """The day each event is placed on.

    A day-precise event date is used as is. A month or year date is placed on the article's date when that lies
    inside the same month or year (reports usually follow the event closely), otherwise on the period's first
    day. An event without a date takes its article's date.
    """
    date = frame["date"].astype("string").str.strip()
    article_date = frame["article_date"].astype("string").str.strip()
    day = pd.to_datetime(date, format="%Y-%m-%d", errors="coerce")
    article_day = pd.to_datetime(article_date.str.slice(0, 10), format="%Y-%m-%d", errors="coerce")
    coarse = day.isna() & date.notna()
    if coarse.any():
        coarse_text = date[coarse]
        length = coarse_text.str.len()
        padded = coarse_text.where(length != 7, coarse_text + "-01").where(length != 4, coarse_text + "-01-01")
        start = pd.to_datetime(padded, format="%Y-%m-%d", errors="coerce")
        bad = start.isna()
        if bad.any():
            mask = pd.Series(False, index=frame.index)
            mask[bad[bad].index] = True
            raise AnalyticsInputError(
                f"events: column 'date' holds values that are not YYYY-MM-DD, YYYY-MM or YYYY ({_examples(frame, mask, 'date')})"
            )
        article_inside = article_date[coarse].str.slice(0, 7).where(length == 7, article_date[coarse].str.slice(0, 4))
        inside = (article_inside == coarse_text).fillna(False).astype(bool)
        day[coarse] = article_day[coarse].where(inside, start)
    undated = day.isna()
    day[undated] = article_day[undated]
    bad_article_date = day.isna() & article_date.notna() & date.isna()
    if bad_article_date.any():
        raise AnalyticsInputError(
            "events: column 'article_date' holds values that are not YYYY-MM-DD "
            f"({_examples(frame, bad_article_date, 'article_date')})"
        )
    return day, article_day


def reporting_window(prepared: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """First and last day of the corpus's reporting: the span of its article dates (of its event days when no
    article has a date). Series cover this span; an event dated outside it (background such as "the treaty of
    1992", or a plan for a later year) is kept in the frame but falls outside every series period."""
    days = prepared["article_day"].dropna()
    if days.empty:
        days = prepared["day"].dropna()
    if days.empty:
        return None
    return days.min(), days.max()


def prepare_events(events: pd.DataFrame, window_days: int = 3) -> pd.DataFrame:
    """A copy of `events` with entities, days and duplicate clusters added (see module doc).

    Events with neither a date nor an article date cannot be placed in time: they stay in the frame with
    day = NaT, are left out of every series, and their number is kept in ``frame.attrs["undated_events"]``.
    """
    from blocwatch.analytics.dedupe import assign_clusters

    check_columns(events)
    if is_prepared(events):
        return events
    frame = events.loc[:, list(EVENT_COLUMNS)].reset_index(drop=True)
    modality = frame["modality"].astype("string").str.strip().str.lower()
    unknown = ~modality.isin(MODALITIES) | modality.isna()
    if unknown.any():
        raise AnalyticsInputError(
            f"events: column 'modality' must be one of {', '.join(MODALITIES)} ({_examples(frame, unknown, 'modality')})"
        )
    frame["modality"] = modality
    frame["actor_entity"] = entity_codes(frame, "actor")
    frame["recipient_entity"] = entity_codes(frame, "recipient")
    frame["day"], frame["article_day"] = _event_days(frame)
    cameo = frame["cameo"].astype("string").str.strip()
    frame["root"] = cameo.str.slice(0, 2)
    quad = pd.to_numeric(frame["quad"], errors="coerce")
    bad_quad = quad.notna() & ~quad.isin([1, 2, 3, 4])
    if bad_quad.any():
        raise AnalyticsInputError(f"events: column 'quad' must be 1-4 or empty ({_examples(frame, bad_quad, 'quad')})")
    frame["quad_class"] = quad.fillna(0).astype(np.int8)
    for column in ("goldstein", "intensity", "confidence"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
    # An event without a confidence is trusted as much as the coder trusts a typical event.
    confidence = frame["confidence"].fillna(1.0).clip(0.0, 1.0)
    frame["weight"] = frame["goldstein"].abs().fillna(0.0) * confidence
    assign_clusters(frame, window_days=window_days)
    frame.attrs["undated_events"] = int(frame["day"].isna().sum())
    return frame
