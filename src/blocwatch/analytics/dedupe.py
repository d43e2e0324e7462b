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

# Evidence shorter than this (after normalising) is too generic to prove two reports are the same event.
MIN_EVIDENCE_CHARS = 24
_MAX_PROPAGATION_ROUNDS = 20


def normalised_evidence(evidence: pd.Series) -> pd.Series:
    text = evidence.astype("string").str.lower().str.replace(r"[^0-9a-z]+", " ", regex=True).str.strip()
    return text.where(text.str.len() >= MIN_EVIDENCE_CHARS)


def assign_clusters(frame: pd.DataFrame, window_days: int = 3) -> None:
    """Add cluster_id, cluster_size, cluster_articles and representative to a frame being prepared (in place)."""
    if not isinstance(window_days, int | np.integer) or window_days < 0:
        raise ValueError(f"window_days must be a non-negative integer, got {window_days!r}")
    if frame.empty:
        for column, dtype in (("cluster_id", "int64"), ("cluster_size", "int64"), ("cluster_articles", "int64"),
                              ("representative", "bool")):
            frame[column] = pd.Series(dtype=dtype)
        return
    event_type = frame["type"].astype("string").fillna(frame["root"])
    keys = pd.DataFrame(
        {
            "actor": frame["actor_entity"].fillna(""),
            "recipient": frame["recipient_entity"].fillna(""),
            "type": event_type.fillna(""),
            "modality": frame["modality"],
        }
    )
    group = keys.groupby(list(keys.columns), sort=False, dropna=False).ngroup().to_numpy()
    day_number = frame["day"].to_numpy(dtype="datetime64[ns]").astype("datetime64[D]").astype("float64")
    day_number[np.isnat(frame["day"].to_numpy(dtype="datetime64[ns]"))] = np.nan

    order = np.lexsort((day_number, group))
    sorted_group = group[order]
    sorted_day = day_number[order]
    undated = np.isnan(sorted_day)
    new_group = np.r_[True, sorted_group[1:] != sorted_group[:-1]]
    gap = np.r_[np.inf, np.diff(sorted_day)]
    # Undated events never join a date cluster (they may still join one through their evidence).
    starts_chain = new_group | (gap > window_days) | undated | np.r_[False, undated[:-1]]
    chain = np.cumsum(starts_chain)
    chain_start = pd.Series(sorted_day).groupby(chain).transform("min").to_numpy()
    offset = np.nan_to_num(sorted_day - chain_start, nan=0.0)
    piece = (offset // (window_days + 1)).astype(np.int64)
    window_cluster_sorted = pd.DataFrame({"chain": chain, "piece": piece}).groupby(
        ["chain", "piece"], sort=False
    ).ngroup().to_numpy()
    window_cluster = np.empty_like(window_cluster_sorted)
    window_cluster[order] = window_cluster_sorted

    labels = pd.Series(window_cluster, index=frame.index)
    evidence = normalised_evidence(frame["evidence"])
    has_evidence = evidence.notna().to_numpy()
    if has_evidence.any():
        evidence_key = pd.Series(group[has_evidence]).astype(str).to_numpy() + "|" + evidence[has_evidence].to_numpy(
            dtype=object
        ).astype(str)
        evidence_group = pd.Series(evidence_key).groupby(evidence_key, sort=False).ngroup().to_numpy()
        for _ in range(_MAX_PROPAGATION_ROUNDS):
            before = labels.to_numpy().copy()
            by_evidence = pd.Series(before[has_evidence]).groupby(evidence_group).transform("min").to_numpy()
            merged = before.copy()
            merged[has_evidence] = by_evidence
            labels = pd.Series(merged, index=frame.index).groupby(window_cluster).transform("min")
            if np.array_equal(labels.to_numpy(), before):
                break
    cluster = labels.groupby(labels.to_numpy(), sort=True).ngroup().to_numpy()
    frame["cluster_id"] = cluster
    frame["cluster_size"] = frame.groupby("cluster_id")["event_id"].transform("size").astype("int64")
    frame["cluster_articles"] = frame.groupby("cluster_id")["article_id"].transform("nunique").astype("int64")
    ranking = frame[["cluster_id", "confidence", "day", "event_id"]].sort_values(
        ["cluster_id", "confidence", "day", "event_id"], ascending=[True, False, True, True], na_position="last"
    )
    representative = np.zeros(len(frame), dtype=bool)
    first = ~ranking["cluster_id"].duplicated().to_numpy()
    representative[frame.index.get_indexer(ranking.index[first])] = True
    frame["representative"] = representative


def dedupe_events(events: pd.DataFrame, window_days: int = 3) -> pd.DataFrame:
    """One row per real-world event: each cluster's representative, with cluster_size and cluster_articles."""
    from blocwatch.analytics.prepare import prepare_events

    prepared = prepare_events(events, window_days=window_days)
    return prepared[prepared["representative"]].reset_index(drop=True)


def cluster_members(events: pd.DataFrame, cluster_id: int) -> pd.DataFrame:
    """Every report in one cluster of a prepared frame (for showing which articles told the same event)."""
    return events[events["cluster_id"] == cluster_id]
