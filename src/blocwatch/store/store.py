"""`Store`: articles with their events, actor mentions and quotes, plus rejected inputs, in one database."""

from __future__ import annotations

import hashlib
import re
import threading
import unicodedata
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from blocwatch.records import Actor, ArticleResult, Event, Quote
from blocwatch.store import schema
from blocwatch.store.backends import Backend, StoreError
from blocwatch.store.schema import quote_identifier as q

# Order of keys in the contract's actor dict (Actor.to_dict()).
CONTRACT_ACTOR_KEYS = (
    "text",
    "name",
    "kind",
    "country",
    "sector",
    "org",
    "start",
    "end",
    "id",
    "role",
    "resolved_by",
)

_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# Rejected samples are for a human to recognise the input, not to keep it.
MAX_REJECT_SAMPLE_CHARS = 1000

FilterValue = str | Sequence[str] | None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _actor_values(actor: Actor | None) -> list[Any]:
    if actor is None:
        return [None] * len(schema.ACTOR_FIELDS)
    as_dict = actor.to_dict()
    return [as_dict[key] for key, _ in schema.ACTOR_FIELDS]


def _actor_from_row(row: dict[str, Any], names: dict[str, str]) -> dict[str, Any] | None:
    values = {key: row[names[key]] for key in CONTRACT_ACTOR_KEYS}
    if all(v is None for v in values.values()):
        return None
    return values


def _as_filter_values(value: FilterValue, what: str) -> list[str]:
    if value is None:
        return []
    values = [value] if isinstance(value, str) else list(value)
    for v in values:
        if not isinstance(v, str) or not v.strip():
            raise ValueError(f"{what} filter must be a non-empty string, got {v!r}")
    return [v.strip().lower() for v in values]


def _partial_date(value: str | date | None, what: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()[:10]
    text = str(value).strip()
    if not _PARTIAL_DATE.match(text):
        raise ValueError(f"{what} date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    return text


class Store:
    """One database of extraction results. Open it with `open_store`; use it as a context manager."""

    def __init__(self, backend: Backend) -> None:
        self._backend = backend
        self._lock = threading.RLock()
        self._create_schema()

    # ---- lifecycle -------------------------------------------------------------------------------------------

    @property
    def backend(self) -> str:
        return self._backend.name

    @property
    def location(self) -> str:
        return self._backend.location

    def close(self) -> None:
        with self._lock:
            self._backend.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _create_schema(self) -> None:
        try:
            with self._lock:
                version = self._stored_schema_version()
                if version is None:
                    with self._backend.transaction():
                        for statement in schema.create_statements():
                            self._backend.execute(statement)
                        self._backend.execute(
                            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT DO NOTHING",
                            ("schema_version", str(schema.SCHEMA_VERSION)),
                        )
                    version = self._stored_schema_version()
        except self._backend.driver_error as exc:
            raise StoreError(f"cannot prepare database {self.location}: {exc}") from exc
        if version is None or version > schema.SCHEMA_VERSION:
            raise StoreError(
                f"database {self.location} has schema version {version}, which this blocwatch "
                f"(schema {schema.SCHEMA_VERSION}) cannot read; upgrade blocwatch"
            )

    def _stored_schema_version(self) -> int | None:
        """The schema version recorded in the database; None when it has no blocwatch tables yet."""
        try:
            rows = self._backend.execute("SELECT value FROM meta WHERE key = ?", ("schema_version",))
        except self._backend.driver_error:
            # No meta table yet; a database that is broken in some other way fails again while creating it.
            return None
        return int(rows[0][0]) if rows else None

    def journal_mode(self) -> str:
        """SQLite's journal mode ("wal" for a file database); "postgresql" for PostgreSQL."""
        with self._lock:
            return self._backend.journal_mode()

    # ---- writing ---------------------------------------------------------------------------------------------

    @staticmethod
    def content_hash(text: str) -> str:
        """sha256 of the text after Unicode NFC and whitespace collapsing, so re-wrapped copies match."""
        normalised = " ".join(unicodedata.normalize("NFC", text).split())
        return hashlib.sha256(normalised.encode("utf-8")).hexdigest()

    def has_article(self, content_hash: str) -> bool:
        with self._lock:
            return self._article_id_for_hash(content_hash) is not None

    def _article_id_for_hash(self, content_hash: str) -> str | None:
        rows = self._backend.execute(
            "SELECT article_id FROM articles WHERE content_hash = ?", (content_hash,)
        )
        return rows[0][0] if rows else None

    def _article_id_taken(self, article_id: str) -> bool:
        return bool(self._backend.execute("SELECT 1 FROM articles WHERE article_id = ?", (article_id,)))

    def add_article(self, result: ArticleResult, *, source: str | None = None) -> tuple[str, bool]:
        """Store one article with everything extracted from it, in one transaction.

        Returns (article_id, inserted). Text already stored (same content hash) → (its id, False) and
        nothing changes. An id already used by different text → stored as ``{id}~{hash[:8]}``.
        """
        _check_article(result)
        digest = self.content_hash(result.text)
        with self._lock:
            try:
                existing = self._article_id_for_hash(digest)
                if existing is not None:
                    return existing, False
                article_id = self._free_article_id(result.id, digest)
                self._insert_article(result, article_id, digest, source)
            except self._backend.driver_error as exc:
                if self._backend.is_integrity_error(exc):
                    # Another process stored the same text between our check and our insert.
                    existing = self._article_id_for_hash(digest)
                    if existing is not None:
                        return existing, False
                raise StoreError(f"could not store article {result.id!r} in {self.location}: {exc}") from exc
        return article_id, True

    def _free_article_id(self, wanted: str, digest: str) -> str:
        if not self._article_id_taken(wanted):
            return wanted
        for length in (8, 16, len(digest)):
            candidate = f"{wanted}~{digest[:length]}"
            if not self._article_id_taken(candidate):
                return candidate
        raise StoreError(
            f"article id {wanted!r} and all its hash-suffixed variants are taken in {self.location}"
        )

    def _insert_article(
        self, result: ArticleResult, article_id: str, digest: str, source: str | None
    ) -> None:
        article_row = (article_id, result.title, result.date, result.url, source, result.text, digest, _now())
        event_rows = [_event_row(article_id, result.date, n, event) for n, event in enumerate(result.events)]
        mention_rows = [_mention_row(article_id, n, actor) for n, actor in enumerate(result.actors)]
        quote_rows = [_quote_row(article_id, n, quote) for n, quote in enumerate(result.quotes)]
        with self._backend.transaction():
            self._backend.execute(schema.insert_statement("articles", schema.ARTICLE_COLUMNS), article_row)
            self._backend.executemany(schema.insert_statement("quotes", schema.QUOTE_COLUMNS), quote_rows)
            self._backend.executemany(schema.insert_statement("events", schema.EVENT_COLUMNS_SQL), event_rows)
            self._backend.executemany(schema.insert_statement("actors", schema.MENTION_COLUMNS), mention_rows)

    def add_rejection(
        self, source: str, reason: str, *, item_id: str | None = None, sample: str | None = None
    ) -> None:
        """Record an input that was refused and why; the same (source, reason) is recorded once."""
        if not source or not reason:
            raise ValueError(
                f"a rejection needs a source and a reason, got source={source!r} reason={reason!r}"
            )
        if sample is not None:
            sample = sample[:MAX_REJECT_SAMPLE_CHARS]
        statement = schema.insert_statement("rejects", schema.REJECT_COLUMNS, on_conflict_ignore=True)
        with self._lock:
            try:
                with self._backend.transaction():
                    self._backend.execute(statement, (source, reason, item_id, sample, _now()))
            except self._backend.driver_error as exc:
                raise StoreError(
                    f"could not record rejection of {source!r} in {self.location}: {exc}"
                ) from exc

    def delete_article(self, article_id: str) -> bool:
        """Remove an article with its events, mentions and quotes (e.g. to store a re-extraction); False if unknown."""
        with self._lock:
            try:
                with self._backend.transaction():
                    if not self._article_id_taken(article_id):
                        return False
                    for table in ("events", "actors", "quotes", "articles"):
                        self._backend.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
            except self._backend.driver_error as exc:
                raise StoreError(
                    f"could not delete article {article_id!r} from {self.location}: {exc}"
                ) from exc
        return True

    # ---- reading ---------------------------------------------------------------------------------------------

    def _frame(
        self, sql: str, params: Sequence[Any] = (), columns: Sequence[str] | None = None
    ) -> pd.DataFrame:
        with self._lock:
            names, rows = self._backend.query(sql, params)
        return pd.DataFrame.from_records(rows, columns=list(columns or names))

    def _dicts(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        with self._lock:
            names, rows = self._backend.query(sql, params)
        return [dict(zip(names, row, strict=True)) for row in rows]

    def articles(self) -> pd.DataFrame:
        sql = (
            "SELECT a.article_id, a.title, a.date, a.url, a.source,"
            " (SELECT COUNT(*) FROM events e WHERE e.article_id = a.article_id) AS n_events,"
            " (SELECT COUNT(*) FROM quotes qt WHERE qt.article_id = a.article_id) AS n_quotes,"
            " a.ingested_at FROM articles a ORDER BY a.ingested_at, a.article_id"
        )
        columns = ["article_id", "title", "date", "url", "source", "n_events", "n_quotes", "ingested_at"]
        frame = self._frame(sql, columns=columns)
        return frame.astype({"n_events": "int64", "n_quotes": "int64"})

    def article(self, article_id: str) -> dict[str, Any] | None:
        """The stored article in the shape of the `extract` contract, with its text and url; None if unknown."""
        found = self._dicts(
            "SELECT article_id, title, date, url, text FROM articles WHERE article_id = ?", (article_id,)
        )
        if not found:
            return None
        row = found[0]
        events = self._dicts("SELECT * FROM events WHERE article_id = ? ORDER BY event_index", (article_id,))
        quotes = self._dicts("SELECT * FROM quotes WHERE article_id = ? ORDER BY quote_index", (article_id,))
        mentions = self._dicts(
            "SELECT * FROM actors WHERE article_id = ? ORDER BY mention_index", (article_id,)
        )
        return {
            "id": row["article_id"],
            "title": row["title"],
            "date": row["date"],
            "url": row["url"],
            "text": row["text"],
            "events": [_event_dict(e) for e in events],
            "quotes": [_quote_dict(qt) for qt in quotes],
            "actors": [_mention_dict(m) for m in mentions],
        }

    def events(
        self,
        actor: FilterValue = None,
        recipient: FilterValue = None,
        type: FilterValue = None,
        since: str | date | None = None,
        until: str | date | None = None,
        modality: FilterValue = None,
        article_id: str | None = None,
        limit: int | None = None,
    ) -> pd.DataFrame:
        """The events table (docs/architecture.md) filtered; each filter accepts one value or a list.

        actor/recipient match the country code, organisation code, actor id or name, ignoring case.
        type matches the PLOVER type, or a CAMEO code prefix when given digits. since/until compare the
        event date (the article date when the event has none) at the coarser of the two precisions, so
        an event dated "2023" is kept by since="2023-09"; events with no date at all are left out.
        """
        where: list[str] = []
        params: list[Any] = []
        for prefix, value in (("actor", actor), ("recipient", recipient)):
            values = _as_filter_values(value, prefix)
            if values:
                fields = [f"{prefix}_country", f"{prefix}_org", f"{prefix}_id", f"{prefix}_name"]
                alternatives = []
                for v in values:
                    alternatives.extend(f"LOWER({q(f)}) = ?" for f in fields)
                    params.extend([v] * len(fields))
                where.append("(" + " OR ".join(alternatives) + ")")
        type_values = _as_filter_values(type, "type")
        if type_values:
            alternatives = []
            for v in type_values:
                if v.isdigit():
                    alternatives.append(f"substr({q('cameo')}, 1, ?) = ?")
                    params.extend([len(v), v])
                else:
                    alternatives.append(f"LOWER({q('type')}) = ?")
                    params.append(v)
            where.append("(" + " OR ".join(alternatives) + ")")
        modality_values = _as_filter_values(modality, "modality")
        if modality_values:
            where.append("(" + " OR ".join(f"LOWER({q('modality')}) = ?" for _ in modality_values) + ")")
            params.extend(modality_values)
        if article_id is not None:
            where.append(f"{q('article_id')} = ?")
            params.append(article_id)
        effective_date = f"COALESCE({q('date')}, {q('article_date')})"
        for bound, operator in ((_partial_date(since, "since"), ">="), (_partial_date(until, "until"), "<=")):
            if bound is None:
                continue
            # Cut both dates to the shorter of the two, so "2023-09" vs "2023-09-14" compares as equal.
            event_cut = f"substr({effective_date}, 1, ?)"
            where.append(f"{event_cut} {operator} substr(?, 1, length({event_cut}))")
            params.extend([len(bound), bound, len(bound)])
        sql = "SELECT " + ", ".join(q(c) for c in schema.EVENT_TABLE_COLUMNS) + " FROM events"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += (
            f" ORDER BY ({effective_date} IS NULL), {effective_date}, {q('article_id')}, {q('event_index')}"
        )
        if limit is not None:
            if not isinstance(limit, int) or limit < 0:
                raise ValueError(f"limit must be a non-negative integer, got {limit!r}")
            sql += " LIMIT ?"
            params.append(limit)
        return _typed_events(self._frame(sql, params, schema.EVENT_TABLE_COLUMNS))

    def quotes(self, speaker: FilterValue = None, article_id: str | None = None) -> pd.DataFrame:
        """One row per quote; speaker matches the speaker's id, name, country, organisation or text."""
        columns = [
            "quote_id", "article_id", "quote_index", "article_date", "text", "start", "end", "direct", "cue",
            "speaker_id", "speaker_name", "speaker_kind", "speaker_country", "speaker_org", "speaker_text",
            "addressee_id", "addressee_name", "sentence_index",
        ]  # fmt: skip
        selected = [
            f"a.{q('date')} AS article_date" if c == "article_date" else f"qt.{q(c)}" for c in columns
        ]
        where: list[str] = []
        params: list[Any] = []
        speakers = _as_filter_values(speaker, "speaker")
        if speakers:
            fields = ["speaker_id", "speaker_name", "speaker_country", "speaker_org", "speaker_text"]
            alternatives = []
            for v in speakers:
                alternatives.extend(f"LOWER(qt.{q(f)}) = ?" for f in fields)
                params.extend([v] * len(fields))
            where.append("(" + " OR ".join(alternatives) + ")")
        if article_id is not None:
            where.append("qt.article_id = ?")
            params.append(article_id)
        sql = (
            "SELECT "
            + ", ".join(selected)
            + " FROM quotes qt JOIN articles a ON a.article_id = qt.article_id"
        )
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY a.ingested_at, qt.article_id, qt.quote_index"
        frame = self._frame(sql, params, columns)
        frame["direct"] = frame["direct"].map(lambda v: None if v is None else bool(v)).astype("boolean")
        return frame.astype({c: "Int64" for c in ("quote_index", "start", "end", "sentence_index")})

    def actors(self) -> pd.DataFrame:
        """One row per distinct actor_id: mention and article counts, and how often it acts or receives.

        Mentions the resolver left without an id are grouped by (name, kind) with actor_id empty.
        """
        sql = (
            "SELECT actor_id, MIN(name) AS name, MIN(kind) AS kind, MIN(country) AS country,"
            " MIN(sector) AS sector, MIN(org) AS org, COUNT(*) AS mentions,"
            " COUNT(DISTINCT article_id) AS articles"
            " FROM actors WHERE actor_id IS NOT NULL GROUP BY actor_id"
            " UNION ALL"
            " SELECT NULL, name, kind, MIN(country), MIN(sector), MIN(org), COUNT(*), COUNT(DISTINCT article_id)"
            " FROM actors WHERE actor_id IS NULL GROUP BY name, kind"
        )
        columns = ["actor_id", "name", "kind", "country", "sector", "org", "mentions", "articles"]
        frame = self._frame(sql, columns=columns)
        as_actor = self._frame(
            "SELECT actor_id, COUNT(*) FROM events WHERE actor_id IS NOT NULL GROUP BY actor_id",
            columns=["actor_id", "events_as_actor"],
        )
        as_recipient = self._frame(
            "SELECT recipient_id, COUNT(*) FROM events WHERE recipient_id IS NOT NULL GROUP BY recipient_id",
            columns=["actor_id", "events_as_recipient"],
        )
        frame = frame.merge(as_actor, on="actor_id", how="left").merge(
            as_recipient, on="actor_id", how="left"
        )
        for column in ("mentions", "articles", "events_as_actor", "events_as_recipient"):
            frame[column] = frame[column].fillna(0).astype("int64")
        return frame.sort_values(["mentions", "actor_id"], ascending=[False, True], ignore_index=True)

    def rejects(self) -> pd.DataFrame:
        return self._frame(
            "SELECT source, reason, item_id, sample, rejected_at FROM rejects ORDER BY rejected_at, source, reason",
            columns=["source", "reason", "item_id", "sample", "rejected_at"],
        )

    def event_records_for_export(self) -> list[dict[str, Any]]:
        """Every stored event column plus its article's title, url, source and ingestion time."""
        return self._dicts(
            "SELECT e.*, a.title AS article_title, a.url AS article_url, a.source AS article_source,"
            " a.ingested_at AS article_ingested_at FROM events e JOIN articles a ON a.article_id = e.article_id"
            f" ORDER BY a.ingested_at, e.article_id, e.{q('event_index')}"
        )

    def export(self, path: str | Path, format: str) -> int:
        """Write every event to `path` as "plover-jsonl", "csv" or "parquet"; returns the rows written."""
        from blocwatch.store.export import export_events

        return export_events(self, path, format)

    def stats(self) -> dict[str, Any]:
        counts = {}
        for table, label in (
            ("articles", "articles"),
            ("events", "events"),
            ("quotes", "quotes"),
            ("actors", "actor_mentions"),
            ("rejects", "rejects"),
        ):
            counts[label] = int(self._backend_scalar(f"SELECT COUNT(*) FROM {table}"))
        counts["actors"] = int(
            self._backend_scalar("SELECT COUNT(DISTINCT actor_id) FROM actors WHERE actor_id IS NOT NULL")
        )
        effective_date = f"COALESCE({q('date')}, {q('article_date')})"
        first, last = self._dicts(
            f"SELECT MIN({effective_date}) AS f, MAX({effective_date}) AS l FROM events"
        )[0].values()
        return {
            "backend": self.backend,
            "location": self.location,
            "schema_version": schema.SCHEMA_VERSION,
            **counts,
            "first_event_date": first,
            "last_event_date": last,
        }

    def _backend_scalar(self, sql: str) -> Any:
        with self._lock:
            return self._backend.execute(sql)[0][0]


# ---- row building and rebuilding -------------------------------------------------------------------------------


def _check_article(result: ArticleResult) -> None:
    if not isinstance(result, ArticleResult):
        raise TypeError(f"add_article needs an ArticleResult, got {type(result).__name__}")
    if not isinstance(result.id, str) or not result.id.strip():
        raise ValueError(f"article id must be a non-empty string, got {result.id!r}")
    if not isinstance(result.text, str):
        raise ValueError(f"article {result.id!r}: text must be a string, got {type(result.text).__name__}")
    for n, event in enumerate(result.events):
        if not isinstance(event.type, str) or not event.type:
            raise ValueError(f"article {result.id!r}: event {n} has no type")
        if event.quote_index is not None and not 0 <= event.quote_index < len(result.quotes):
            raise ValueError(
                f"article {result.id!r}: event {n} refers to quote {event.quote_index}, "
                f"but the article has {len(result.quotes)} quotes"
            )


def quote_id_for(article_id: str, quote_index: int) -> str:
    return f"{article_id}#q{quote_index}"


def _event_row(article_id: str, article_date: str | None, n: int, event: Event) -> tuple[Any, ...]:
    quote_id = quote_id_for(article_id, event.quote_index) if event.quote_index is not None else None
    return (
        f"{article_id}#e{n}", article_id, n, article_date, event.date, event.date_precision,
        *_actor_values(event.actor), *_actor_values(event.recipient),
        event.type, event.mode, event.cameo, event.quad, event.intensity, event.goldstein, event.modality,
        event.confidence, event.sentence_index, event.start, event.end, event.evidence,
        event.trigger, event.trigger_start, event.trigger_end, quote_id, event.context,
    )  # fmt: skip


def _mention_row(article_id: str, n: int, actor: Actor) -> tuple[Any, ...]:
    return (
        article_id, n, actor.actor_id, actor.text, actor.name, actor.kind, actor.country, actor.sector,
        actor.org, actor.role, actor.resolved_by, actor.start, actor.end,
    )  # fmt: skip


def _quote_row(article_id: str, n: int, quote: Quote) -> tuple[Any, ...]:
    return (
        quote_id_for(article_id, n), article_id, n, quote.text, quote.start, quote.end, bool(quote.direct),
        quote.cue, quote.sentence_index, quote.speaker_text, quote.speaker_start, quote.speaker_end,
        *_actor_values(quote.speaker), *_actor_values(quote.addressee),
    )  # fmt: skip


_EVENT_ACTOR = schema.actor_column_names("actor_")
_EVENT_RECIPIENT = schema.actor_column_names("recipient_")
_QUOTE_SPEAKER = schema.actor_column_names("speaker_", schema.SPEAKER_RENAMES)
_QUOTE_ADDRESSEE = schema.actor_column_names("addressee_")


def _event_dict(row: dict[str, Any]) -> dict[str, Any]:
    quote_id = row["quote_id"]
    confidence = row["confidence"]
    return {
        "actor": _actor_from_row(row, _EVENT_ACTOR),
        "recipient": _actor_from_row(row, _EVENT_RECIPIENT),
        "type": row["type"],
        "mode": row["mode"],
        "cameo": row["cameo"],
        "quad": row["quad"],
        "intensity": row["intensity"],
        "goldstein": row["goldstein"],
        "modality": row["modality"],
        "date": row["date"],
        "date_precision": row["date_precision"],
        "sentence_index": row["sentence_index"],
        "start": row["start"],
        "end": row["end"],
        "evidence": row["evidence"],
        "confidence": round(confidence, 3) if confidence is not None else None,
        "trigger": row["trigger"],
        "trigger_start": row["trigger_start"],
        "trigger_end": row["trigger_end"],
        "quote_index": int(quote_id.rsplit("#q", 1)[1]) if quote_id else None,
        "context": row["context"],
    }


def _quote_dict(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "text": row["text"],
        "start": row["start"],
        "end": row["end"],
        "direct": bool(row["direct"]),
        "cue": row["cue"],
        "speaker": _actor_from_row(row, _QUOTE_SPEAKER),
        "speaker_start": row["speaker_start"],
        "speaker_end": row["speaker_end"],
        "speaker_text": row["speaker_text"],
        "addressee": _actor_from_row(row, _QUOTE_ADDRESSEE),
    }


def _mention_dict(row: dict[str, Any]) -> dict[str, Any]:
    return {key: row["actor_id" if key == "id" else key] for key in CONTRACT_ACTOR_KEYS}


def _typed_events(frame: pd.DataFrame) -> pd.DataFrame:
    # Nullable integers keep "no quad" distinct from 0; floats stay float even when a column is all empty.
    types: dict[str, str] = {c: "Int64" for c in schema.INTEGER_EVENT_COLUMNS}
    types.update({c: "float64" for c in schema.FLOAT_EVENT_COLUMNS})
    return frame.astype(types)
