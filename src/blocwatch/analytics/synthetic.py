"""Events frames built in memory: small hand-written ones for tests, large random ones for benchmarks."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from blocwatch.analytics.prepare import EVENT_COLUMNS

# Enough of the CAMEO table to make plausible random events: (cameo, PLOVER type, quad, intensity, goldstein).
_CODES: tuple[tuple[str, str, int | None, float | None, float], ...] = (
    ("010", "STATEMENT", None, None, 0.0),
    ("036", "AGREE", 1, 1.0, 4.0),
    ("040", "CONSULT", 1, 1.0, 1.0),
    ("042", "CONSULT", 1, 1.0, 1.9),
    ("051", "SUPPORT", 1, 1.5, 3.4),
    ("057", "SUPPORT", 1, 3.0, 8.0),
    ("061", "COOPERATE", 2, 4.0, 6.4),
    ("062", "COOPERATE", 2, 4.0, 7.4),
    ("073", "AID", 2, 5.0, 7.4),
    ("111", "ACCUSE", 3, -2.0, -2.0),
    ("112", "ACCUSE", 3, -2.0, -2.0),
    ("120", "REJECT", 3, -2.0, -4.0),
    ("130", "THREATEN", 3, -3.5, -4.4),
    ("161", "SANCTION", 4, -6.0, -4.0),
    ("163", "COERCE", 4, -7.0, -8.0),
    ("190", "ASSAULT", 4, -8.0, -10.0),
)


def _kind_of(entity: str) -> tuple[str, str, str | None]:
    """(kind, country, org) of a synthetic entity: ISO3 codes are states, anything else an organisation."""
    if len(entity) == 3 and entity.isalpha() and entity.isupper():
        return "state", entity, None
    return "igo", "IGO", entity


def event_frame(rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """An events frame with exactly the store's columns from short row dicts.

    Each row gives at least ``actor`` and ``recipient`` (ISO3 or organisation code), ``date`` and ``cameo``;
    anything else (modality, evidence, article_id, confidence, actor_kind, ...) overrides the defaults, which
    come from the CAMEO code and a day-precision, asserted, confidence-0.9 event.
    """
    codes = {code[0]: code for code in _CODES}
    built = []
    for n, given in enumerate(rows):
        row: dict[str, Any] = dict.fromkeys(EVENT_COLUMNS)
        cameo = str(given.get("cameo", "040"))
        _, event_type, quad, intensity, goldstein = codes.get(cameo, (cameo, "OTHER", None, None, 0.0))
        date = str(given["date"])
        row.update({
            "event_id": f"ev-{n}", "article_id": f"art-{n}", "article_date": date, "date": date,
            "date_precision": {10: "day", 7: "month", 4: "year"}.get(len(date), "day"),
            "type": event_type, "cameo": cameo, "quad": quad, "intensity": intensity, "goldstein": goldstein,
            "modality": "asserted", "confidence": 0.9, "sentence_index": 0, "start": 0, "end": 10,
            "evidence": f"Synthetic event {n}: {given['actor']} {cameo} {given['recipient']}.",
        })  # fmt: skip
        for side in ("actor", "recipient"):
            kind, country, org = _kind_of(str(given[side]))
            row.update({f"{side}_kind": kind, f"{side}_country": country, f"{side}_org": org,
                        f"{side}_id": f"{kind}:{given[side]}", f"{side}_name": str(given[side]),
                        f"{side}_text": str(given[side])})  # fmt: skip
        row.update({key: value for key, value in given.items() if key in EVENT_COLUMNS})
        built.append(row)
    return pd.DataFrame(built, columns=list(EVENT_COLUMNS))


def synthetic_events(
    n_events: int,
    seed: int = 0,
    n_states: int = 120,
    organisations: tuple[str, ...] = ("CSTO", "NATO", "EU", "EAEU", "CIS", "SCO", "ASEAN", "AU", "GCC", "OPEC"),
    first_day: str = "2015-01-01",
    n_days: int = 3650,
    duplicate_share: float = 0.2,
    states: tuple[str, ...] | None = None,
) -> pd.DataFrame:
    """`n_events` random events with the store's columns, built with numpy only (no per-event Python).

    A `duplicate_share` of the events repeat an earlier event in another article one or two days later, as
    several outlets reporting one event would.
    """
    rng = np.random.default_rng(seed)
    if states is None:
        from blocwatch.actors.alliances import load_registry

        known = sorted({country for entry in load_registry().values() for country in entry.countries()})
        states = tuple(known[:n_states])
    entities = np.array([*states, *organisations], dtype=object)
    # A few very active entities, as in real news (Zipf-like weights).
    weights = 1.0 / np.arange(1, len(entities) + 1) ** 0.8
    weights /= weights.sum()
    actor = rng.choice(len(entities), size=n_events, p=weights)
    recipient = rng.choice(len(entities), size=n_events, p=weights)
    recipient = np.where(recipient == actor, (recipient + 1) % len(entities), recipient)
    code_index = rng.integers(0, len(_CODES), size=n_events)
    day = np.datetime64(first_day) + rng.integers(0, n_days, size=n_events).astype("timedelta64[D]")
    originals = rng.random(n_events) >= duplicate_share
    originals[0] = True
    # Each duplicate copies the nearest earlier original and is dated a day or two later.
    source = np.maximum.accumulate(np.where(originals, np.arange(n_events), 0))
    for array in (actor, recipient, code_index):
        array[:] = array[source]
    day = np.where(originals, day, day[source] + rng.integers(0, 3, size=n_events).astype("timedelta64[D]"))
    modality = rng.choice(np.array(["asserted", "negated", "hypothetical", "future"], dtype=object), size=n_events,
                          p=[0.85, 0.06, 0.05, 0.04])  # fmt: skip
    modality = np.where(originals, modality, modality[source])
    article = np.cumsum(rng.random(n_events) < 0.25)
    article = np.where(originals, article, article + n_events)
    codes = np.array(_CODES, dtype=object)
    actor_names = entities[actor]
    recipient_names = entities[recipient]
    frame = pd.DataFrame({
        "event_id": pd.RangeIndex(n_events).astype(str),
        "article_id": pd.Series(article).astype(str).radd("a"),
        "article_date": pd.Series(day).dt.strftime("%Y-%m-%d"),
        "date": pd.Series(day).dt.strftime("%Y-%m-%d"),
        "date_precision": "day",
    })  # fmt: skip
    for side, names in (("actor", actor_names), ("recipient", recipient_names)):
        is_state = np.array([len(name) == 3 for name in entities], dtype=bool)[actor if side == "actor" else recipient]
        frame[f"{side}_id"] = np.where(is_state, "state:", "igo:") + names.astype(str)
        frame[f"{side}_text"] = names
        frame[f"{side}_name"] = names
        frame[f"{side}_kind"] = np.where(is_state, "state", "igo")
        frame[f"{side}_country"] = np.where(is_state, names, "IGO")
        frame[f"{side}_sector"] = None
        frame[f"{side}_org"] = np.where(is_state, None, names)
    frame["type"] = codes[code_index, 1]
    frame["mode"] = None
    frame["cameo"] = codes[code_index, 0]
    frame["quad"] = pd.array(codes[code_index, 2], dtype="Int64")
    frame["intensity"] = codes[code_index, 3].astype("float64")
    frame["goldstein"] = codes[code_index, 4].astype("float64")
    frame["modality"] = modality
    frame["confidence"] = rng.uniform(0.5, 1.0, size=n_events)
    frame["sentence_index"] = rng.integers(0, 30, size=n_events)
    frame["start"] = rng.integers(0, 5000, size=n_events)
    frame["end"] = frame["start"] + 80
    # Evidence repeats for the duplicates; originals get their own sentence number.
    frame["evidence"] = pd.Series(source).astype(str).radd("Reported sentence number ") + " about the event."
    frame["quote_id"] = None
    return frame.loc[:, list(EVENT_COLUMNS)]
