"""analytics stage: dyad series, alliance cohesion and member drift, alerts with their evidence.

    events = store.events()
    dyad_series(events, "ARM", "RUS", freq="M")      # one row per month, asserted events, deduplicated
    member_drift(events, "CSTO", freq="Q")           # per member and quarter, one column per component
    cohesion(events, "CSTO")                         # the alliance aggregate
    detect_alerts(events, store.quotes(), store.articles())

Formulas: docs/analytics.md.
"""

from blocwatch.analytics.alerts import DRIFT_THRESHOLD, DYAD_THRESHOLD, Threshold, detect_alerts
from blocwatch.analytics.dedupe import dedupe_events
from blocwatch.analytics.demo import demo_section
from blocwatch.analytics.drift import (
    COMPONENTS,
    DRIFT_WEIGHTS,
    all_alliance_drift,
    alliance_standing,
    cohesion,
    member_drift,
)
from blocwatch.analytics.dyads import all_dyad_series, dyad_series
from blocwatch.analytics.prepare import EVENT_COLUMNS, AnalyticsInputError, prepare_events

__all__ = [
    "COMPONENTS",
    "DRIFT_THRESHOLD",
    "DRIFT_WEIGHTS",
    "DYAD_THRESHOLD",
    "EVENT_COLUMNS",
    "AnalyticsInputError",
    "Threshold",
    "all_alliance_drift",
    "all_dyad_series",
    "alliance_standing",
    "cohesion",
    "dedupe_events",
    "demo_section",
    "detect_alerts",
    "dyad_series",
    "member_drift",
    "prepare_events",
]
