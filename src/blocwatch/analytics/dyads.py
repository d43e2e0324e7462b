"""Dyad series: how one entity acted towards another, period by period.

Only asserted events count in the main columns; negated, hypothetical and future events are counted apart
in the ``signal_*`` columns (what was denied, threatened or promised is a signal, not an event). Each
real-world event counts once (see dedupe.py). ``volume`` is the number of asserted events of the whole corpus
in the period; ``share`` and the ``*_adj`` columns divide by it, so a busy news month does not look like a
worse month for a dyad just because more was written.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from blocwatch.analytics.periods import normalise_freq, period_labels, period_range, period_starts
from blocwatch.analytics.prepare import (
    AnalyticsInputError,
    normalise_entity,
    prepare_events,
    reporting_window,
)

COUNT_COLUMNS: tuple[str, ...] = (
    "events", "verbal_coop", "material_coop", "verbal_conflict", "material_conflict", "statements",
    "intensity_sum", "goldstein_sum",
    "signal_events", "signal_negated", "signal_hypothetical", "signal_future", "signal_conflict",
    "signal_goldstein_sum",
)  # fmt: skip
SERIES_COLUMNS: tuple[str, ...] = (
    "actor", "recipient", "period", "period_start", *COUNT_COLUMNS,
    "intensity_mean", "goldstein_mean", "conflict_share", "volume", "share", "events_adj", "goldstein_adj",
)  # fmt: skip
QUAD_COLUMNS = {1: "verbal_coop", 2: "material_coop", 3: "verbal_conflict", 4: "material_conflict"}


def _tallies(prepared: pd.DataFrame, freq: str) -> pd.DataFrame:
    """Per-event numbers to be summed: one row per cluster representative that has a day and a dyad."""
    keep = prepared["representative"].to_numpy() & prepared["day"].notna().to_numpy()
    keep &= prepared["actor_entity"].notna().to_numpy() & prepared["recipient_entity"].notna().to_numpy()
    rows = prepared.loc[keep]
    asserted = (rows["modality"] == "asserted").to_numpy()
    quad = rows["quad_class"].to_numpy()
    goldstein = rows["goldstein"].fillna(0.0).to_numpy()
    tallies = {
        "actor": rows["actor_entity"].to_numpy(),
        "recipient": rows["recipient_entity"].to_numpy(),
        "period_start": period_starts(rows["day"], freq),
        "events": asserted.astype(np.int64),
        **{name: (asserted & (quad == q)).astype(np.int64) for q, name in QUAD_COLUMNS.items()},
        "statements": (asserted & (quad == 0)).astype(np.int64),
        "intensity_n": (asserted & rows["intensity"].notna().to_numpy()).astype(np.int64),
        "intensity_sum": np.where(asserted, rows["intensity"].fillna(0.0).to_numpy(), 0.0),
        "goldstein_n": (asserted & rows["goldstein"].notna().to_numpy()).astype(np.int64),
        "goldstein_sum": np.where(asserted, goldstein, 0.0),
        "signal_events": (~asserted).astype(np.int64),
    }
    modality = rows["modality"].to_numpy()
    for name in ("negated", "hypothetical", "future"):
        tallies[f"signal_{name}"] = (modality == name).astype(np.int64)
    tallies["signal_conflict"] = (~asserted & (quad >= 3)).astype(np.int64)
    tallies["signal_goldstein_sum"] = np.where(asserted, 0.0, goldstein)
    return pd.DataFrame(tallies, copy=False)


def corpus_volume(prepared: pd.DataFrame, freq: str) -> pd.Series:
    """Asserted real-world events per period in the whole corpus (with or without a dyad), indexed by start."""
    keep = prepared["representative"] & prepared["day"].notna() & (prepared["modality"] == "asserted")
    starts = pd.Series(period_starts(prepared.loc[keep, "day"], freq))
    return starts.value_counts().sort_index().rename("volume")


def _finish(sums: pd.DataFrame, volume: pd.Series, freq: str) -> pd.DataFrame:
    """Derived columns (means, shares, volume-adjusted values) from summed tallies."""
    out = sums.copy()
    out["intensity_mean"] = out["intensity_sum"] / out.pop("intensity_n").where(lambda n: n > 0)
    out["goldstein_mean"] = out["goldstein_sum"] / out.pop("goldstein_n").where(lambda n: n > 0)
    classified = out[list(QUAD_COLUMNS.values())].sum(axis=1)
    out["conflict_share"] = (out["verbal_conflict"] + out["material_conflict"]) / classified.where(classified > 0)
    period_volume = volume.reindex(pd.DatetimeIndex(out["period_start"])).fillna(0).to_numpy()
    out["volume"] = period_volume.astype(np.int64)
    typical = float(volume[volume > 0].median()) if (volume > 0).any() else 1.0
    safe_volume = np.where(period_volume > 0, period_volume, np.nan)
    out["share"] = out["events"] / safe_volume
    # Scaled to a typical period: "this many events / Goldstein points, had the news volume been median".
    out["events_adj"] = (out["events"] * typical / safe_volume).fillna(0.0)
    out["goldstein_adj"] = (out["goldstein_sum"] * typical / safe_volume).fillna(0.0)
    out["share"] = out["share"].fillna(0.0)
    out["period"] = period_labels(out["period_start"], freq)
    out["period_start"] = pd.to_datetime(out["period_start"])
    return out.loc[:, list(SERIES_COLUMNS)]


def window_starts(prepared: pd.DataFrame, freq: str) -> np.ndarray:
    """Period starts covering the corpus's reporting window (see prepare.reporting_window)."""
    window = reporting_window(prepared)
    if window is None:
        return np.array([], dtype="datetime64[D]")
    return period_range(window[0].to_datetime64(), window[1].to_datetime64(), freq)


def _grouped_sums(tallies: pd.DataFrame) -> pd.DataFrame:
    """Tallies summed per (actor, recipient, period_start), with integer keys and bincount rather than a
    groupby over strings: the difference between seconds and a fraction of a second at a million events."""
    actor_codes, actors = pd.factorize(tallies["actor"])
    recipient_codes, recipients = pd.factorize(tallies["recipient"])
    period_codes, periods = pd.factorize(tallies["period_start"])
    key = (actor_codes.astype(np.int64) * len(recipients) + recipient_codes) * max(len(periods), 1) + period_codes
    groups, keys = pd.factorize(key)
    keys = np.asarray(keys, dtype=np.int64)
    out = {
        "actor": np.asarray(actors, dtype=object)[keys // max(len(periods), 1) // max(len(recipients), 1)],
        "recipient": np.asarray(recipients, dtype=object)[keys // max(len(periods), 1) % max(len(recipients), 1)],
        "period_start": np.asarray(periods)[keys % max(len(periods), 1)],
    }
    for column in tallies.columns.drop(["actor", "recipient", "period_start"]):
        values = tallies[column].to_numpy()
        summed = np.bincount(groups, weights=values, minlength=len(keys))
        out[column] = summed.astype(np.int64) if values.dtype.kind in "iub" else summed
    frame = pd.DataFrame(out)
    return frame.sort_values(["actor", "recipient", "period_start"], ignore_index=True)


def all_dyad_series(events: pd.DataFrame, freq: str = "M", min_events: int = 1) -> pd.DataFrame:
    """Every ordered dyad's series, long format, only the periods in which the dyad had events.

    ``min_events`` keeps dyads with at least that many asserted real-world events in total.
    """
    code = normalise_freq(freq)
    prepared = prepare_events(events)
    tallies = _tallies(prepared, code)
    starts = window_starts(prepared, code)
    if len(starts):
        inside = (tallies["period_start"] >= starts[0]) & (tallies["period_start"] <= starts[-1])
        tallies = tallies[inside.to_numpy()]
    sums = _grouped_sums(tallies)
    if min_events > 1:
        totals = sums.groupby(["actor", "recipient"])["events"].transform("sum")
        sums = sums[totals >= min_events]
    return _finish(sums, corpus_volume(prepared, code), code).reset_index(drop=True)


def dyad_series(
    events: pd.DataFrame,
    actor: str,
    recipient: str,
    freq: str = "M",
    directed: bool = True,
    sector: str | None = None,
) -> pd.DataFrame:
    """The series of one ordered pair (actor → recipient), one row per period of the corpus, zeros included.

    `actor`/`recipient` are ISO3 codes, organisation codes or actor ids ("ARM", "igo:CSTO", "group:..."); people
    count for their country. With ``directed=False`` both directions are summed. ``sector`` (e.g. "MIL") keeps
    only events whose acting person or body belongs to that sector.
    """
    code = normalise_freq(freq)
    prepared = prepare_events(events)
    a, b = normalise_entity(actor), normalise_entity(recipient)
    forward = (prepared["actor_entity"] == a) & (prepared["recipient_entity"] == b)
    mask = forward | ((prepared["actor_entity"] == b) & (prepared["recipient_entity"] == a)) if not directed else forward
    if sector is not None:
        if not isinstance(sector, str) or not sector.strip():
            raise AnalyticsInputError(f"sector: expected a sector code such as GOV or MIL, got {sector!r}")
        mask &= prepared["actor_sector"].astype("string").str.upper() == sector.strip().upper()
    tallies = _tallies(prepared[mask.fillna(False)], code)
    tallies["actor"], tallies["recipient"] = a, b
    sums = tallies.groupby("period_start").sum(numeric_only=True)
    starts = window_starts(prepared, code)
    sums = sums.reindex(pd.DatetimeIndex(starts, name="period_start"), fill_value=0).reset_index()
    sums.insert(0, "actor", a)
    sums.insert(1, "recipient", b)
    for column in ("intensity_n", "goldstein_n"):
        if column not in sums:
            sums[column] = 0
    return _finish(sums, corpus_volume(prepared, code), code)
