"""Writing stored events out: PLOVER JSON lines, CSV or Parquet of the events table.

The PLOVER record uses the field names of the PLOVER manual's "Data Fields" chapter (id, date, actor,
recipient, event, mode, context, quad_code, event_scale, event_text, text, text_info, cite_info,
coder, coded_date; entities with code, sector, entity_text, identifier_id, identifier_text, office).
What PLOVER has no field for (CAMEO code, Goldstein score, modality, confidence, ...) sits under the
key "blocwatch" of the record, and of each entity.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from blocwatch import __version__
from blocwatch.store import schema

if TYPE_CHECKING:
    from blocwatch.store.store import Store

EXPORT_FORMATS = ("plover-jsonl", "csv", "parquet")
EXTRAS_KEY = "blocwatch"

# PLOVER's codes for international non-state entities that take the place of a country code.
_PLOVER_IGO_CODES = {"UN": "UNO", "UNO": "UNO", "EU": "EUR", "EUR": "EUR"}


def plover_entity_code(kind: str | None, country: str | None, org: str | None) -> str | None:
    """The PLOVER `code` of an actor: its country, or UNO/EUR/IGO for intergovernmental organisations."""
    if kind == "igo":
        return _PLOVER_IGO_CODES.get((org or "").upper(), "IGO")
    return country


def _entity(row: dict[str, Any], prefix: str) -> dict[str, Any] | None:
    names = schema.actor_column_names(prefix)
    values = {key: row[column] for key, column in names.items()}
    if all(v is None for v in values.values()):
        return None
    return {
        "code": plover_entity_code(values["kind"], values["country"], values["org"]),
        "sector": values["sector"],
        "entity_text": values["text"],
        "identifier_id": values["id"],
        "identifier_text": values["name"],
        "office": values["role"],
        EXTRAS_KEY: {
            "kind": values["kind"],
            "country": values["country"],
            "org": values["org"],
            "start": values["start"],
            "end": values["end"],
            "resolved_by": values["resolved_by"],
        },
    }


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """One PLOVER JSON record from a stored event row joined with its article (see Store.event_records_for_export)."""
    actor = _entity(row, "actor_")
    recipient = _entity(row, "recipient_")
    ingested_at = row.get("article_ingested_at")
    return {
        "id": row["event_id"],
        "has_event": True,
        "date": row["date"] or row["article_date"],
        "actor": [actor] if actor else [],
        "recipient": [recipient] if recipient else [],
        "event": [row["type"]],
        # PLOVER asks for null rather than an empty list when no mode or context applies.
        "mode": [row["mode"]] if row["mode"] else None,
        "context": [row["context"]] if row["context"] else None,
        "quad_code": row["quad"],
        "event_scale": row["intensity"],
        "event_text": [row["trigger"]] if row["trigger"] else None,
        "text": row["evidence"],
        "text_info": {"sequence": row["sentence_index"], "start": row["start"], "end": row["end"]},
        "cite_info": {
            "url": row.get("article_url"),
            "title": row.get("article_title"),
            "publication": row.get("article_source"),
            "coder": f"blocwatch {__version__}",
            "codebook": "PLOVER, with CAMEO codes",
        },
        "coder": "blocwatch",
        "coded_date": ingested_at[:10] if ingested_at else None,
        EXTRAS_KEY: {
            "article_id": row["article_id"],
            "article_date": row["article_date"],
            "date_precision": row["date_precision"],
            "cameo": row["cameo"],
            "goldstein": row["goldstein"],
            "modality": row["modality"],
            "confidence": row["confidence"],
            "trigger_start": row["trigger_start"],
            "trigger_end": row["trigger_end"],
            "quote_id": row["quote_id"],
        },
    }


def export_events(store: Store, path: str | Path, format: str) -> int:
    if format not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {format!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    target = Path(path)
    if target.is_dir():
        raise ValueError(f"export path {target} is a directory; give a file name")
    target.parent.mkdir(parents=True, exist_ok=True)
    if format == "plover-jsonl":
        records = store.event_records_for_export()
        with target.open("w", encoding="utf-8") as out:
            for row in records:
                out.write(json.dumps(plover_record(row), ensure_ascii=False) + "\n")
        return len(records)
    events = store.events()
    if format == "csv":
        events.to_csv(target, index=False)
    else:
        events.to_parquet(target, index=False)
    return len(events)
