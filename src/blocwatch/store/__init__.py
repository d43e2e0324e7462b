"""store stage: extraction results in SQLite (default) or PostgreSQL, and their exports.

with open_store() as store:              # config.default_db_path()
    store.add_article(result, source="feed.xml")
    store.events(actor="ARM", since="2023-09")
"""

from __future__ import annotations

from pathlib import Path

from blocwatch import config
from blocwatch.store.backends import PostgresBackend, SQLiteBackend, StoreError, is_postgres_url
from blocwatch.store.export import EXPORT_FORMATS, plover_record
from blocwatch.store.schema import EVENT_TABLE_COLUMNS, SCHEMA_VERSION
from blocwatch.store.store import Store


def open_store(path: str | Path | None = None, *, create: bool = True) -> Store:
    """Open (and if needed create) the store at `path`.

    None → config.default_db_path(); a "postgresql://" URL → PostgreSQL (needs blocwatch[postgres]);
    anything else is a SQLite file (":memory:" for a throwaway one). With create=False a missing
    SQLite file is an error instead of a new empty database.
    """
    location = config.default_db_path() if path is None else path
    if is_postgres_url(location):
        return Store(PostgresBackend(str(location)))
    return Store(SQLiteBackend(location, create=create))


__all__ = [
    "EVENT_TABLE_COLUMNS",
    "EXPORT_FORMATS",
    "SCHEMA_VERSION",
    "Store",
    "StoreError",
    "open_store",
    "plover_record",
]
