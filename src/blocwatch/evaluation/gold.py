"""Reading gold files into one shape, whatever their origin.

Four formats are recognised from their fields (see `detect_format`):

* ``cameo``      events with numeric CAMEO ``code`` and optional ``source``/``target`` country codes
                 (cameo-codebook ``records.jsonl`` and ``records_with_actors.jsonl``);
* ``plover``     events with a PLOVER ``code`` and ``code_scheme: "PLOVER"`` (plover-gsr);
* ``conflibert`` records with ``penta_class`` and/or ``source_spans``/``target_spans`` (conflibert-train);
* ``modality``   records with ``modality`` and ``trigger`` (the packaged modality set, see
                 ``docs/accuracy.md`` for its format).
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from blocwatch.events.ontology import PLOVER_TYPES, root_of

GoldFormat = Literal["cameo", "plover", "conflibert", "modality"]
MODALITIES = ("asserted", "negated", "hypothetical", "future")

# Old CAMEO country codes that differ from ISO 3166 alpha-3.
COUNTRY_ALIASES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VAT"}
# CAMEO roots for actors that are not states: all scored as one class, "IGO".
NON_STATE_ROOTS = frozenset({"IGO", "NGO", "IMG", "ISM", "MNC", "UNO", "INT"})
# PLOVER 0.5 categories that the 2021 version folded into others.
PLOVER_05_TO_2021 = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}

SHARED_ENV = "BLOCWATCH_SHARED"
# The four development files, relative to the shared folder.
DEFAULT_GOLD: tuple[str, ...] = (
    "data/dev/cameo-codebook/records.jsonl",
    "data/dev/cameo-codebook/records_with_actors.jsonl",
    "data/dev/plover-gsr/records.jsonl",
    "data/dev/conflibert-train/records.jsonl",
)
MODALITY_SET = Path(__file__).with_name("modality_set.jsonl")


def shared_dir() -> Path:
    """BLOCWATCH_SHARED when set, else ../shared relative to the current directory."""
    return Path(os.environ.get(SHARED_ENV) or Path.cwd() / ".." / "shared")


def default_gold_paths(include_shared: bool = True) -> list[Path]:
    """The four development files (when the shared folder exists) followed by the modality set."""
    paths: list[Path] = []
    if include_shared:
        base = shared_dir()
        paths.extend(base / relative for relative in DEFAULT_GOLD if (base / relative).is_file())
    paths.append(MODALITY_SET)
    return paths


def normalise_country(code: str | None) -> str | None:
    """ISO3-style country code; old CAMEO codes mapped, non-state roots collapsed to "IGO"."""
    if not code or not isinstance(code, str):
        return None
    upper = code.strip().upper()
    if not upper or upper == "***":
        return None
    upper = upper[:3]
    upper = COUNTRY_ALIASES.get(upper, upper)
    return "IGO" if upper in NON_STATE_ROOTS else upper


def normalise_sector(sector: str | None) -> str | None:
    """First three letters upper-cased ("CVLalb" -> "CVL"); "***" and empty are no sector."""
    if not sector or not isinstance(sector, str):
        return None
    cleaned = sector.strip()[:3].upper()
    return None if not cleaned or cleaned == "***" else cleaned


def normalise_plover_type(code: str | None) -> str | None:
    if not code:
        return None
    upper = code.strip().upper()
    return PLOVER_05_TO_2021.get(upper, upper)


@dataclass(frozen=True)
class GoldEvent:
    actor: str | None = None
    recipient: str | None = None
    root: str | None = None
    plover_type: str | None = None
    actor_sector: str | None = None
    recipient_sector: str | None = None


@dataclass
class GoldItem:
    id: str
    text: str
    date: str | None = None
    title: str | None = None
    # None: the file does not say which events the record holds; []: it holds none.
    events: list[GoldEvent] | None = None
    penta: int | None = None
    actor_spans: list[str] | None = None
    recipient_spans: list[str] | None = None
    modality: str | None = None
    trigger: str | None = None

    def input_record(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "date": self.date, "title": self.title}


@dataclass
class GoldSet:
    name: str
    path: Path
    format: GoldFormat
    items: list[GoldItem] = field(default_factory=list)
    # Things about the file a reader of the scores should know (e.g. ids renamed to be unique).
    warnings: list[str] = field(default_factory=list)


def detect_format(record: dict[str, Any]) -> GoldFormat:
    """Which gold format a record is in, from its fields; ValueError when none fits."""
    if "modality" in record and "trigger" in record:
        return "modality"
    if "penta_class" in record or "source_spans" in record:
        return "conflibert"
    events = record.get("events")
    if isinstance(events, list):
        if any(isinstance(e, dict) and e.get("code_scheme") == "PLOVER" for e in events):
            return "plover"
        codes = [e.get("code") for e in events if isinstance(e, dict)]
        if codes and all(isinstance(c, str) and c.isdigit() for c in codes):
            return "cameo"
        if codes and all(isinstance(c, str) and normalise_plover_type(c) in PLOVER_TYPES for c in codes):
            return "plover"
        if events == []:
            return "cameo"
    raise ValueError(
        f"record {record.get('id')!r}: cannot tell its gold format (expected CAMEO or PLOVER events, "
        "penta_class/source_spans, or modality+trigger)"
    )


def _root(code: Any, where: str) -> str:
    if not isinstance(code, str):
        raise ValueError(f"{where}: CAMEO code {code!r} is not a string")
    try:
        return root_of(code)
    except ValueError as exc:
        raise ValueError(f"{where}: {exc}") from None


def _cameo_events(record: dict[str, Any], where: str) -> list[GoldEvent]:
    return [
        GoldEvent(
            actor=normalise_country(event.get("source")),
            recipient=normalise_country(event.get("target")),
            root=_root(event.get("code"), where),
            actor_sector=normalise_sector(event.get("source_sector")),
            recipient_sector=normalise_sector(event.get("target_sector")),
        )
        for event in record["events"]
    ]


def _plover_events(record: dict[str, Any], where: str) -> list[GoldEvent]:
    events = []
    for event in record["events"]:
        plover_type = normalise_plover_type(event.get("code"))
        if plover_type not in PLOVER_TYPES:
            raise ValueError(f"{where}: unknown PLOVER event type {event.get('code')!r}")
        events.append(
            GoldEvent(
                actor=normalise_country(event.get("source")),
                recipient=normalise_country(event.get("target")),
                plover_type=plover_type,
                actor_sector=normalise_sector(event.get("source_sector")),
                recipient_sector=normalise_sector(event.get("target_sector")),
            )
        )
    return events


def _span_texts(record: dict[str, Any], key: str) -> list[str]:
    return [span["text"] for span in record.get(key) or [] if span.get("text")]


def _conflibert_item(record: dict[str, Any], where: str) -> GoldItem:
    penta = record.get("penta_class")
    if penta is not None and penta not in (0, 1, 2, 3, 4):
        raise ValueError(f"{where}: penta_class {penta!r} is not 0-4")
    has_spans = "source_spans" in record or "target_spans" in record
    # Reciprocal spans (BIO tag R) play both roles.
    reciprocal = _span_texts(record, "reciprocal_spans")
    return GoldItem(
        id=str(record["id"]),
        text=record["text"],
        date=record.get("date"),
        title=record.get("title"),
        penta=penta,
        actor_spans=_span_texts(record, "source_spans") + reciprocal if has_spans else None,
        recipient_spans=_span_texts(record, "target_spans") + reciprocal if has_spans else None,
    )


def _modality_item(record: dict[str, Any], where: str) -> GoldItem:
    modality = record.get("modality")
    if modality is not None and modality not in MODALITIES:
        raise ValueError(f"{where}: modality {modality!r} is not one of {', '.join(MODALITIES)} or null")
    root = record.get("cameo_root")
    if modality is None:
        events: list[GoldEvent] | None = []
    else:
        events = [GoldEvent(root=_root(root, where))] if root else None
    return GoldItem(
        id=str(record["id"]),
        text=record["text"],
        date=record.get("date"),
        title=record.get("title"),
        events=events,
        modality=modality,
        trigger=record.get("trigger"),
    )


def gold_item(record: dict[str, Any], gold_format: GoldFormat, where: str) -> GoldItem:
    for key in ("id", "text"):
        if not isinstance(record.get(key), str) or not record[key]:
            raise ValueError(f"{where}: missing or empty {key!r}")
    if gold_format == "conflibert":
        return _conflibert_item(record, where)
    if gold_format == "modality":
        return _modality_item(record, where)
    events = record.get("events")
    if events is not None and not isinstance(events, list):
        raise ValueError(f"{where}: 'events' must be a list or null")
    parsed = None
    if events is not None:
        parsed = _cameo_events(record, where) if gold_format == "cameo" else _plover_events(record, where)
    return GoldItem(
        id=str(record["id"]),
        text=record["text"],
        date=record.get("date"),
        title=record.get("title"),
        events=parsed,
    )


def set_name(path: Path) -> str:
    """"cameo-codebook" for .../cameo-codebook/records.jsonl, "cameo-codebook/records_with_actors"
    for the other file there, "modality" for the packaged modality set, else the file stem."""
    if path.resolve() == MODALITY_SET.resolve():
        return "modality"
    if path.stem == "records" and path.parent.name:
        return path.parent.name
    if path.stem.startswith("records") and path.parent.name:
        return f"{path.parent.name}/{path.stem}"
    return path.stem


def load_gold(path: Path, limit: int | None = None) -> GoldSet:
    """Read one JSONL gold file (first `limit` records when given) and detect its format."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"gold file {path} does not exist")
    records: list[tuple[str, dict[str, Any]]] = []
    with path.open(encoding="utf-8") as handle:
        for line_number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{path}:{line_number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{where}: not valid JSON ({exc.msg})") from None
            if not isinstance(record, dict):
                raise ValueError(f"{where}: a gold record must be a JSON object")
            records.append((where, record))
            if limit is not None and len(records) >= limit:
                break
    if not records:
        raise ValueError(f"gold file {path} holds no records")
    formats: Counter[str] = Counter()
    for where, record in records:
        try:
            formats[detect_format(record)] += 1
        except ValueError as exc:
            raise ValueError(f"{where}: {exc}") from None
    if len(formats) > 1:
        raise ValueError(f"gold file {path} mixes formats: {dict(formats)}")
    gold_format = next(iter(formats))
    items = [gold_item(record, gold_format, where) for where, record in records]
    warnings = []
    # Upstream files occasionally reuse an id for two different sentences; both stay in the set,
    # the later ones under "<id>#2", "#3", ... so that outputs can be matched back by id.
    seen: Counter[str] = Counter()
    for item in items:
        seen[item.id] += 1
        if seen[item.id] > 1:
            renamed = f"{item.id}#{seen[item.id]}"
            warnings.append(f"id {item.id!r} repeats; the repeat is scored as {renamed!r}")
            item.id = renamed
    return GoldSet(name=set_name(path), path=path, format=gold_format, items=items, warnings=warnings)
