"""One real-world event reported by several articles counts once.

Two coded events are taken for reports of the same event when they have the same dyad (actor and recipient
entities), the same event type and the same modality, and either

* their days are close: sorted by day, a gap of more than ``window_days`` starts a new cluster, and a cluster
  never spans more than ``window_days`` (so a dyad with daily events is not chained into one long cluster), or
* their evidence sentences are near-identical: equal once lower-cased with punctuation and spacing removed
  (wire copy republished by several outlets, whatever date each gave it).

Clusters are the connected components of both relations. Each cluster keeps one representative, the event
coded with the highest confidence; counts and scores use representatives only.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

# Evidence shorter than this (after normalising) is too generic to prove two reports are the same event.
MIN_EVIDENCE_CHARS = 24
_MAX_PROPAGATION_ROUNDS = 20


def normalised_evidence(evidence: pd.Series) -> pd.Series:
    """Evidence lower-cased with everything but letters and digits removed; NA when too short to compare."""
    text = evidence.astype("string[pyarrow]")
    arrow = pa.chunked_array(text.array._pa_array) if hasattr(text.array, "_pa_array") else pa.array(text)
    squeezed = pc.utf8_lower(pc.replace_substring_regex(arrow, r"[^0-9A-Za-z]+", ""))
    result = pd.Series(pd.arrays.ArrowStringArray(squeezed), index=evidence.index)
    return result.where(result.str.len() >= MIN_EVIDENCE_CHARS)


def _codes(values: pd.Series) -> np.ndarray:
    """Integer codes of a column; missing values get a code of their own."""
    codes, _ = pd.factorize(values, use_na_sentinel=False)
    return codes.astype(np.int64)


def _combine(*codes: np.ndarray) -> np.ndarray:
    """One compact integer code (0..k-1) per distinct combination of several non-negative code arrays."""
    combined = np.zeros(len(codes[0]), dtype=np.int64)
    for column in codes:
        width = int(column.max(initial=0)) + 1
        if int(combined.max(initial=0)) >= (2**62) // width:
            combined = pd.factorize(combined)[0].astype(np.int64)
        combined = combined * width + column
    return pd.factorize(combined)[0].astype(np.int64)


def _connected_min(labels: np.ndarray, groupings: list[np.ndarray]) -> np.ndarray:
    """Smallest label reachable through rows sharing a code in any grouping (-1 = takes no part)."""
    labels = labels.copy()
    for _ in range(_MAX_PROPAGATION_ROUNDS):
        before = labels.copy()
        for grouping in groupings:
            part = grouping >= 0
            if not part.any():
                continue
            minimum = np.full(int(grouping.max()) + 1, np.iinfo(np.int64).max, dtype=np.int64)
            np.minimum.at(minimum, grouping[part], labels[part])
            labels[part] = minimum[grouping[part]]
        if np.array_equal(labels, before):
            break
    return labels


def assign_clusters(frame: pd.DataFrame, window_days: int = 3) -> None:
    """Add cluster_id, cluster_size, cluster_articles and representative to a frame being prepared (in place)."""
    if isinstance(window_days, bool) or not isinstance(window_days, int | np.integer) or window_days < 0:
        raise ValueError(f"window_days must be a non-negative integer, got {window_days!r}")
    count = len(frame)
    event_type = frame["type"].astype("string").fillna(frame["root"])
    group = _combine(
        _codes(frame["actor_entity"]), _codes(frame["recipient_entity"]), _codes(event_type),
        _codes(frame["modality"]),
    )  # fmt: skip
    days = frame["day"].to_numpy(dtype="datetime64[ns]")
    day_number = days.astype("datetime64[D]").astype("int64").astype("float64")
    day_number[np.isnat(days)] = np.nan

    order = np.lexsort((day_number, group))
    sorted_group = group[order]
    sorted_day = day_number[order]
    undated = np.isnan(sorted_day)
    new_group = np.r_[True, sorted_group[1:] != sorted_group[:-1]] if count else np.zeros(0, dtype=bool)
    gap = np.r_[np.inf, np.diff(sorted_day)] if count else np.zeros(0)
    # Undated events never join a date cluster (they may still join one through their evidence).
    starts_chain = new_group | (gap > window_days) | undated | np.r_[False, undated[:-1]][:count]
    chain = np.cumsum(starts_chain) - 1
    # Sorted by day within a chain, so each chain's first row holds its first day.
    first_index = np.flatnonzero(starts_chain)
    chain_start = sorted_day[first_index][chain] if count else sorted_day
    offset = np.nan_to_num(sorted_day - chain_start, nan=0.0)
    piece = (offset // (window_days + 1)).astype(np.int64)
    window_sorted = _combine(chain, piece) if count else chain
    window_cluster = np.empty(count, dtype=np.int64)
    window_cluster[order] = window_sorted

    # Evidence can only join clusters of a group that has more than one: compare only those rows' sentences.
    first_cluster = np.full(int(group.max(initial=-1)) + 1, -1, dtype=np.int64)
    first_cluster[group[::-1]] = window_cluster[::-1]
    may_merge = window_cluster != first_cluster[group]
    may_merge = np.bincount(group, weights=may_merge, minlength=len(first_cluster))[group] > 0
    evidence_group = np.full(count, -1, dtype=np.int64)
    if may_merge.any():
        evidence = normalised_evidence(frame["evidence"][may_merge])
        has_evidence = evidence.notna().to_numpy()
        rows = np.flatnonzero(may_merge)[has_evidence]
        if len(rows):
            evidence_codes, _ = pd.factorize(evidence[has_evidence])
            evidence_group[rows] = _combine(group[rows], evidence_codes.astype(np.int64))
    labels = _connected_min(window_cluster, [evidence_group, window_cluster])
    cluster = _combine(labels)
    frame["cluster_id"] = cluster.astype(np.int64)
    frame["cluster_size"] = np.bincount(cluster, minlength=1)[cluster].astype(np.int64) if count else cluster
    article_codes = _codes(frame["article_id"])
    _, first_of_pair = np.unique(_combine(cluster, article_codes), return_index=True)
    articles_per_cluster = np.bincount(cluster[first_of_pair], minlength=int(cluster.max(initial=-1)) + 1)
    frame["cluster_articles"] = articles_per_cluster[cluster].astype(np.int64) if count else cluster
    confidence = frame["confidence"].fillna(-1.0).to_numpy()
    # Representative: highest confidence, then first in the frame (the store lists events by date).
    ranking = np.lexsort((-confidence, cluster))
    first = np.r_[True, cluster[ranking][1:] != cluster[ranking][:-1]] if count else np.zeros(0, dtype=bool)
    representative = np.zeros(count, dtype=bool)
    representative[ranking[first]] = True
    frame["representative"] = representative


def dedupe_events(events: pd.DataFrame, window_days: int = 3) -> pd.DataFrame:
    """One row per real-world event: each cluster's representative, with cluster_size and cluster_articles."""
    from blocwatch.analytics.prepare import prepare_events

    prepared = prepare_events(events, window_days=window_days)
    return prepared[prepared["representative"]].reset_index(drop=True)


def cluster_members(events: pd.DataFrame, cluster_id: int) -> pd.DataFrame:
    """Every report in one cluster of a prepared frame (for showing which articles told the same event)."""
    return events[events["cluster_id"] == cluster_id]
