"""The store's tables, described once as data so that DDL, inserts and reads cannot drift apart.

Every column type used here is accepted by both SQLite and PostgreSQL (SQLite maps
``DOUBLE PRECISION`` to REAL affinity and ``BOOLEAN`` to NUMERIC), so one DDL serves both backends.
Identifiers are always double-quoted because some column names (``end``, ``trigger``) are SQL keywords.
"""

from __future__ import annotations

from dataclasses import dataclass

SCHEMA_VERSION = 1

TEXT = "TEXT"
INTEGER = "INTEGER"
FLOAT = "DOUBLE PRECISION"
BOOLEAN = "BOOLEAN"


@dataclass(frozen=True)
class Column:
    name: str
    sql_type: str
    constraint: str = ""


def quote_identifier(name: str) -> str:
    # Only ever called with names from this module, never with user input.
    return '"' + name.replace('"', '""') + '"'


# Fields of an Actor stored wherever an actor appears; key = contract key of Actor.to_dict().
ACTOR_FIELDS: tuple[tuple[str, str], ...] = (
    ("id", TEXT),
    ("text", TEXT),
    ("name", TEXT),
    ("kind", TEXT),
    ("country", TEXT),
    ("sector", TEXT),
    ("org", TEXT),
    ("start", INTEGER),
    ("end", INTEGER),
    ("role", TEXT),
    ("resolved_by", TEXT),
)


def actor_column_names(prefix: str, renamed: dict[str, str] | None = None) -> dict[str, str]:
    """Map each actor field to its column name under `prefix` (e.g. "text" → "actor_text")."""
    renamed = renamed or {}
    return {key: prefix + renamed.get(key, key) for key, _ in ACTOR_FIELDS}


def actor_columns(prefix: str, renamed: dict[str, str] | None = None) -> list[Column]:
    names = actor_column_names(prefix, renamed)
    return [Column(names[key], sql_type) for key, sql_type in ACTOR_FIELDS]


# A quote's own speaker_text/speaker_start/speaker_end exist, so the speaker mention's fields get other names.
SPEAKER_RENAMES = {"text": "mention_text", "start": "mention_start", "end": "mention_end"}

ARTICLE_COLUMNS = [
    Column("article_id", TEXT, "PRIMARY KEY"),
    Column("title", TEXT),
    Column("date", TEXT),
    Column("url", TEXT),
    Column("source", TEXT),
    Column("text", TEXT, "NOT NULL"),
    Column("content_hash", TEXT, "NOT NULL UNIQUE"),
    Column("ingested_at", TEXT, "NOT NULL"),
]

EVENT_COLUMNS_SQL = [
    Column("event_id", TEXT, "PRIMARY KEY"),
    Column("article_id", TEXT, "NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE"),
    Column("event_index", INTEGER, "NOT NULL"),
    Column("article_date", TEXT),
    Column("date", TEXT),
    Column("date_precision", TEXT),
    *actor_columns("actor_"),
    *actor_columns("recipient_"),
    Column("type", TEXT, "NOT NULL"),
    Column("mode", TEXT),
    Column("cameo", TEXT),
    Column("quad", INTEGER),
    Column("intensity", FLOAT),
    Column("goldstein", FLOAT),
    Column("modality", TEXT),
    Column("confidence", FLOAT),
    Column("sentence_index", INTEGER),
    Column("start", INTEGER),
    Column("end", INTEGER),
    Column("evidence", TEXT),
    Column("trigger", TEXT),
    Column("trigger_start", INTEGER),
    Column("trigger_end", INTEGER),
    Column("quote_id", TEXT),
    Column("context", TEXT),
]

MENTION_COLUMNS = [
    Column("article_id", TEXT, "NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE"),
    Column("mention_index", INTEGER, "NOT NULL"),
    Column("actor_id", TEXT),
    Column("text", TEXT),
    Column("name", TEXT),
    Column("kind", TEXT),
    Column("country", TEXT),
    Column("sector", TEXT),
    Column("org", TEXT),
    Column("role", TEXT),
    Column("resolved_by", TEXT),
    Column("start", INTEGER),
    Column("end", INTEGER),
]

QUOTE_COLUMNS = [
    Column("quote_id", TEXT, "PRIMARY KEY"),
    Column("article_id", TEXT, "NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE"),
    Column("quote_index", INTEGER, "NOT NULL"),
    Column("text", TEXT),
    Column("start", INTEGER),
    Column("end", INTEGER),
    Column("direct", BOOLEAN),
    Column("cue", TEXT),
    Column("sentence_index", INTEGER),
    Column("speaker_text", TEXT),
    Column("speaker_start", INTEGER),
    Column("speaker_end", INTEGER),
    *actor_columns("speaker_", SPEAKER_RENAMES),
    *actor_columns("addressee_"),
]

REJECT_COLUMNS = [
    Column("source", TEXT, "NOT NULL"),
    Column("reason", TEXT, "NOT NULL"),
    Column("item_id", TEXT),
    Column("sample", TEXT),
    Column("rejected_at", TEXT, "NOT NULL"),
]

TABLES: dict[str, tuple[list[Column], str]] = {
    "meta": ([Column("key", TEXT, "PRIMARY KEY"), Column("value", TEXT)], ""),
    "articles": (ARTICLE_COLUMNS, ""),
    "events": (EVENT_COLUMNS_SQL, ""),
    "actors": (MENTION_COLUMNS, "PRIMARY KEY (article_id, mention_index)"),
    "quotes": (QUOTE_COLUMNS, ""),
    "rejects": (REJECT_COLUMNS, "PRIMARY KEY (source, reason)"),
}

INDEXES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("idx_events_actor_country", "events", ("actor_country",)),
    ("idx_events_recipient_country", "events", ("recipient_country",)),
    ("idx_events_date", "events", ("date",)),
    ("idx_events_type", "events", ("type",)),
    ("idx_events_actor_id", "events", ("actor_id",)),
    ("idx_events_recipient_id", "events", ("recipient_id",)),
    ("idx_events_article", "events", ("article_id",)),
    ("idx_actors_actor_id", "actors", ("actor_id",)),
    ("idx_quotes_article", "quotes", ("article_id",)),
    ("idx_quotes_speaker", "quotes", ("speaker_id",)),
)


def create_statements() -> list[str]:
    statements = []
    for table, (columns, table_constraint) in TABLES.items():
        parts = [f"{quote_identifier(c.name)} {c.sql_type} {c.constraint}".rstrip() for c in columns]
        if table_constraint:
            parts.append(table_constraint)
        statements.append(f"CREATE TABLE IF NOT EXISTS {table} (\n  " + ",\n  ".join(parts) + "\n)")
    for index_name, table, index_columns in INDEXES:
        cols = ", ".join(quote_identifier(c) for c in index_columns)
        statements.append(f"CREATE INDEX IF NOT EXISTS {index_name} ON {table} ({cols})")
    return statements


def insert_statement(table: str, columns: list[Column], on_conflict_ignore: bool = False) -> str:
    names = ", ".join(quote_identifier(c.name) for c in columns)
    placeholders = ", ".join("?" for _ in columns)
    sql = f"INSERT INTO {table} ({names}) VALUES ({placeholders})"
    if on_conflict_ignore:
        sql += " ON CONFLICT DO NOTHING"
    return sql


# The events table every consumer sees (docs/architecture.md, "Events table"); analytics reads exactly these.
EVENT_TABLE_COLUMNS: tuple[str, ...] = (
    "event_id", "article_id", "article_date", "date", "date_precision",
    "actor_id", "actor_text", "actor_name", "actor_kind", "actor_country", "actor_sector", "actor_org",
    "recipient_id", "recipient_text", "recipient_name", "recipient_kind", "recipient_country",
    "recipient_sector", "recipient_org",
    "type", "mode", "cameo", "quad", "intensity", "goldstein", "modality",
    "confidence", "sentence_index", "start", "end", "evidence", "quote_id",
)  # fmt: skip

INTEGER_EVENT_COLUMNS = frozenset({"quad", "sentence_index", "start", "end"})
FLOAT_EVENT_COLUMNS = frozenset({"intensity", "goldstein", "confidence"})
