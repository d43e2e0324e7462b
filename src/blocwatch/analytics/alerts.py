"""Alerts: a dyad series or a member's drift moving beyond what its own history explains.

For each series (a dyad's volume-adjusted Goldstein sum per month, a member's drift per quarter) the value of a
period is compared with the mean and standard deviation of the ``baseline_periods`` periods before it:

    z = (value − mean) / max(std, std_floor)

An alert is raised when |z| ≥ ``z_threshold`` *and* |value − mean| ≥ ``min_change`` (so that a flat, quiet
series does not alert on a tiny wobble), given at least ``min_history`` periods of history. Periods in which a
dyad had no events count as zero; periods in which a state was not an active member are left out.

Each alert carries its evidence: the events of that period that fed the series, one per real-world event,
most important first by |Goldstein| × confidence, each with its sentence, the articles that reported it, the
quotes said in that sentence and the article titles.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from blocwatch.analytics.drift import COMPONENTS, FLAGS, EventArrays, _member_drift_with_rows
from blocwatch.analytics.dyads import all_dyad_series, window_starts
from blocwatch.analytics.periods import normalise_freq, period_end, period_starts
from blocwatch.analytics.prepare import AnalyticsInputError, prepare_events

ALERT_COLUMNS: tuple[str, ...] = (
    "kind", "subject", "alliance", "actor", "recipient", "metric", "period", "period_start", "value",
    "baseline", "baseline_std", "z", "change", "direction", "headline", "n_evidence", "evidence",
)  # fmt: skip
FLAG_LABELS = {
    "boycott": "boycott or skipped meeting",
    "accusation": "accusation against the leader",
    "rival_deal": "cooperation with a rival bloc",
    "exit_talk": "talk of leaving",
    "bloc": "relations with the bloc",
    "rival": "relations with a rival bloc",
}


MIN_QUOTE_CHARS = 25


@dataclass(frozen=True)
class Threshold:
    """When a change counts as an alert (see the module doc)."""

    z_threshold: float = 2.0
    min_change: float = 1.0
    std_floor: float = 0.25
    baseline_periods: int = 4
    min_history: int = 2


DYAD_THRESHOLD = Threshold(z_threshold=2.0, min_change=8.0, std_floor=2.0, baseline_periods=6, min_history=3)
DRIFT_THRESHOLD = Threshold(z_threshold=2.0, min_change=1.0, std_floor=0.25, baseline_periods=4, min_history=2)


def trailing_scores(matrix: np.ndarray, threshold: Threshold) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Mean, std and z of each cell against the `baseline_periods` cells before it in its row (NaN = absent).

    Rows are series, columns consecutive periods; cells without enough history get NaN z.
    """
    values = np.asarray(matrix, dtype="float64")
    present = ~np.isnan(values)
    filled = np.where(present, values, 0.0)
    zeros = np.zeros((values.shape[0], 1))
    sums = np.hstack([zeros, np.cumsum(filled, axis=1)])
    squares = np.hstack([zeros, np.cumsum(filled**2, axis=1)])
    counts = np.hstack([zeros, np.cumsum(present, axis=1)])
    columns = np.arange(values.shape[1])
    lower = np.maximum(columns - threshold.baseline_periods, 0)
    count = counts[:, columns] - counts[:, lower]
    total = sums[:, columns] - sums[:, lower]
    total_sq = squares[:, columns] - squares[:, lower]
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = total / count
        std = np.sqrt(np.maximum(total_sq / count - mean**2, 0.0))
        z = (values - mean) / np.maximum(std, threshold.std_floor)
    z[(count < threshold.min_history) | ~present] = np.nan
    return mean, std, z


def _flagged(matrix: np.ndarray, threshold: Threshold) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    mean, std, z = trailing_scores(matrix, threshold)
    change = matrix - mean
    with np.errstate(invalid="ignore"):
        hits = (np.abs(z) >= threshold.z_threshold) & (np.abs(change) >= threshold.min_change)
    return hits, mean, std, z


def _quote_lookup(quotes: pd.DataFrame | None) -> tuple[dict[str, str], dict[tuple[str, int], list[str]]]:
    if quotes is None or quotes.empty:
        return {}, {}
    by_id = dict(zip(quotes["quote_id"].astype(str), quotes["text"].astype(str), strict=True))
    by_sentence: dict[tuple[str, int], list[str]] = {}
    # Short quoted phrases in the sentence ("Interaction-2023", scare quotes) are names, not statements.
    located = quotes[quotes["sentence_index"].notna() & (quotes["text"].astype("string").str.len() >= MIN_QUOTE_CHARS)]
    for article_id, sentence, text in zip(located["article_id"], located["sentence_index"], located["text"],
                                          strict=True):  # fmt: skip
        by_sentence.setdefault((str(article_id), int(sentence)), []).append(str(text))
    return by_id, by_sentence


class EvidenceBuilder:
    """Turns event positions in a prepared frame into ranked, de-duplicated evidence records."""

    def __init__(
        self, prepared: pd.DataFrame, quotes: pd.DataFrame | None, articles: pd.DataFrame | None
    ) -> None:
        self.prepared = prepared
        self.quotes_by_id, self.quotes_by_sentence = _quote_lookup(quotes)
        self.titles: dict[str, tuple[str, str]] = {}
        if articles is not None and not articles.empty:
            url = articles["url"] if "url" in articles else pd.Series([None] * len(articles))
            for article_id, title, link in zip(articles["article_id"], articles["title"], url, strict=True):
                self.titles[str(article_id)] = ("" if pd.isna(title) else str(title), "" if pd.isna(link) else str(link))

    def records(self, rows: Iterable[int], reasons: dict[int, str] | None = None, limit: int = 5) -> list[dict[str, Any]]:
        positions = np.unique(np.fromiter(rows, dtype=np.int64))
        if not len(positions):
            return []
        chosen = self.prepared.iloc[positions]
        chosen = chosen.assign(_position=positions).sort_values(["weight", "confidence", "day"],
                                                                ascending=[False, False, True])  # fmt: skip
        # One record per real-world event, and one per sentence (a sentence may hold A→B and B→A).
        chosen = chosen.drop_duplicates("cluster_id").drop_duplicates(["article_id", "start", "end"]).head(limit)
        clusters = self.prepared[self.prepared["cluster_id"].isin(chosen["cluster_id"])]
        articles_of = clusters.groupby("cluster_id")["article_id"].agg(lambda ids: sorted(set(map(str, ids))))
        records = []
        for row in chosen.to_dict(orient="records"):
            article_id = str(row["article_id"])
            quotes = []
            if isinstance(row.get("quote_id"), str) and row["quote_id"] in self.quotes_by_id:
                quotes.append(self.quotes_by_id[row["quote_id"]])
            if pd.notna(row.get("sentence_index")):
                quotes.extend(q for q in self.quotes_by_sentence.get((article_id, int(row["sentence_index"])), [])
                              if q not in quotes)  # fmt: skip
            title, url = self.titles.get(article_id, ("", ""))
            records.append({
                "event_id": str(row["event_id"]),
                "article_id": article_id,
                "title": title,
                "url": url,
                "date": row["day"].date().isoformat() if pd.notna(row["day"]) else None,
                "actor": _label(row, "actor"),
                "recipient": _label(row, "recipient"),
                "type": None if pd.isna(row["type"]) else str(row["type"]),
                "cameo": None if pd.isna(row["cameo"]) else str(row["cameo"]),
                "modality": row["modality"],
                "goldstein": None if pd.isna(row["goldstein"]) else float(row["goldstein"]),
                "confidence": None if pd.isna(row["confidence"]) else float(row["confidence"]),
                "weight": round(float(row["weight"]), 3),
                "reason": (reasons or {}).get(int(row["_position"]), ""),
                "evidence": "" if pd.isna(row["evidence"]) else str(row["evidence"]),
                "quotes": quotes,
                "reported_by": articles_of.get(row["cluster_id"], [article_id]),
            })  # fmt: skip
        return records


def _label(row: dict[str, Any], side: str) -> str:
    for key in (f"{side}_name", f"{side}_text", f"{side}_entity", f"{side}_id"):
        value = row.get(key)
        if isinstance(value, str) and value:
            return value
    return "?"


def _dyad_alerts(prepared: pd.DataFrame, freq: str, threshold: Threshold, min_events: int,
                 builder: EvidenceBuilder, limit: int) -> list[dict[str, Any]]:  # fmt: skip
    series = all_dyad_series(prepared, freq=freq, min_events=min_events)
    starts = pd.DatetimeIndex(window_starts(prepared, freq))
    if series.empty or starts.empty:
        return []
    matrix_frame = series.pivot_table(index=["actor", "recipient"], columns="period_start", values="goldstein_adj",
                                      aggfunc="sum", fill_value=0.0).reindex(columns=starts, fill_value=0.0)  # fmt: skip
    matrix = matrix_frame.to_numpy(dtype="float64")
    hits, mean, std, z = _flagged(matrix, threshold)
    labels = dict(zip(series["period_start"], series["period"], strict=False))
    alerts = []
    dyad_rows = None
    for row_index, column in zip(*np.nonzero(hits), strict=True):
        actor, recipient = matrix_frame.index[row_index]
        start = starts[column]
        if dyad_rows is None:
            dyad_rows = prepared[prepared["representative"]].assign(
                _start=pd.to_datetime(_starts_of(prepared[prepared["representative"]], freq))
            )
        moved = dyad_rows[(dyad_rows["actor_entity"] == actor) & (dyad_rows["recipient_entity"] == recipient)
                          & (dyad_rows["_start"] == start)]  # fmt: skip
        value, change = float(matrix[row_index, column]), float(matrix[row_index, column] - mean[row_index, column])
        direction = "warmer" if change > 0 else "colder"
        evidence = builder.records(prepared.index.get_indexer(moved.index), limit=limit)
        alerts.append({
            "kind": "dyad", "subject": f"{actor}→{recipient}", "alliance": None, "actor": actor,
            "recipient": recipient, "metric": "goldstein_adj", "period": labels.get(start, str(start.date())),
            "period_start": start, "value": value, "baseline": float(mean[row_index, column]),
            "baseline_std": float(std[row_index, column]), "z": float(z[row_index, column]), "change": change,
            "direction": direction,
            "headline": f"{actor}→{recipient} relations turned {direction} in {labels.get(start, start.date())} "
                        f"(Goldstein {value:+.1f} vs. {mean[row_index, column]:+.1f} usual)",
            "n_evidence": len(evidence), "evidence": evidence,
        })  # fmt: skip
    return alerts


def _starts_of(frame: pd.DataFrame, freq: str) -> np.ndarray:
    return period_starts(frame["day"], freq)


def _drift_alerts(prepared: pd.DataFrame, alliance: str, freq: str, threshold: Threshold, arrays: EventArrays,
                  builder: EvidenceBuilder, limit: int) -> list[dict[str, Any]]:  # fmt: skip
    drift, rows = _member_drift_with_rows(prepared, alliance, None, freq, None, arrays)
    if drift.empty:
        return []
    matrix_frame = drift.pivot(index="member", columns="period_start", values="drift")
    matrix = matrix_frame.to_numpy(dtype="float64")
    hits, mean, std, z = _flagged(matrix, threshold)
    labels = dict(zip(drift["period_start"], drift["period"], strict=False))
    alerts = []
    for row_index, column in zip(*np.nonzero(hits), strict=True):
        member = matrix_frame.index[row_index]
        start = matrix_frame.columns[column]
        moved = rows[(rows["member"] == member) & (rows["period_start"] == start)]
        if moved.empty:
            continue  # a quarter the corpus says nothing of the member in is silence, not a change to report
        reasons = {}
        for flag in FLAGS:  # later flags are more specific and overwrite the general ones
            for position in moved.loc[moved[flag], "event_row"]:
                reasons[int(position)] = FLAG_LABELS[flag]
        value, change = float(matrix[row_index, column]), float(matrix[row_index, column] - mean[row_index, column])
        direction = "drifting away" if change > 0 else "closing ranks"
        record = drift[(drift["member"] == member) & (drift["period_start"] == start)].iloc[0]
        parts = ", ".join(f"{name} {record[name]:+.2f}" for name in COMPONENTS if record[name])
        label = labels.get(start, str(pd.Timestamp(start).date()))
        evidence = builder.records(moved["event_row"], reasons, limit=limit)
        alerts.append({
            "kind": "drift", "subject": f"{alliance}:{member}", "alliance": alliance, "actor": member,
            "recipient": alliance, "metric": "drift", "period": label, "period_start": pd.Timestamp(start),
            "value": value, "baseline": float(mean[row_index, column]), "baseline_std": float(std[row_index, column]),
            "z": float(z[row_index, column]), "change": change, "direction": direction,
            "headline": f"{member} {direction} in the {alliance} in {label}: drift {value:+.2f} vs. "
                        f"{mean[row_index, column]:+.2f} usual ({parts or 'no component'})",
            "n_evidence": len(evidence), "evidence": evidence,
        })  # fmt: skip
    return alerts


def detect_alerts(
    events: pd.DataFrame,
    quotes: pd.DataFrame | None = None,
    articles: pd.DataFrame | None = None,
    alliances: Iterable[str] | None = ("CSTO",),
    dyads: bool = True,
    since: dt.date | str | None = None,
    dyad_freq: str = "M",
    drift_freq: str = "Q",
    dyad_threshold: Threshold = DYAD_THRESHOLD,
    drift_threshold: Threshold = DRIFT_THRESHOLD,
    min_dyad_events: int = 3,
    max_evidence: int = 5,
) -> pd.DataFrame:
    """Alerts on dyad series and member drift (see the module doc), strongest first within each period.

    ``alliances=None`` scores every alliance of the registry. ``quotes`` and ``articles`` (from the store) add
    quotes and article titles to the evidence. ``since`` keeps alerts of periods ending on or after it.
    """
    prepared = prepare_events(events)
    builder = EvidenceBuilder(prepared, quotes, articles)
    alerts: list[dict[str, Any]] = []
    if dyads:
        alerts += _dyad_alerts(prepared, normalise_freq(dyad_freq), dyad_threshold, min_dyad_events, builder,
                               max_evidence)  # fmt: skip
    if alliances is None:
        from blocwatch.actors.alliances import load_registry

        alliances = sorted(load_registry())
    arrays = EventArrays.from_prepared(prepared)
    for code in alliances:
        alerts += _drift_alerts(prepared, code.upper(), normalise_freq(drift_freq), drift_threshold, arrays, builder,
                                max_evidence)  # fmt: skip
    frame = pd.DataFrame(alerts, columns=list(ALERT_COLUMNS))
    if since is not None:
        try:
            since_day = pd.Timestamp(since)
        except (ValueError, TypeError) as error:
            raise AnalyticsInputError(f"since: expected a date as YYYY-MM-DD, got {since!r}") from error
        freqs = {"dyad": normalise_freq(dyad_freq), "drift": normalise_freq(drift_freq)}
        ends = [period_end(start, freqs[kind]) for kind, start in zip(frame["kind"], frame["period_start"], strict=True)]
        frame = frame[[end >= since_day for end in ends]]
    frame = frame.assign(_strength=frame["z"].abs()).sort_values(
        ["period_start", "_strength"], ascending=[False, False]
    )
    return frame.drop(columns="_strength").reset_index(drop=True)
