"""The small dialect layer between `Store` and a database driver.

`Store` writes its SQL once with ``?`` placeholders; each backend runs it on its driver. Both backends
take parameters separately from the SQL text, so untrusted text is never formatted into a statement.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any


class StoreError(RuntimeError):
    """The database could not be opened or used; the message names the database and the problem."""


Rows = list[tuple[Any, ...]]


class SQLiteBackend:
    name = "sqlite"

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        self.location = str(path)
        in_memory = self.location == ":memory:"
        if not in_memory:
            db_path = Path(path).expanduser()
            self.location = str(db_path)
            if not db_path.exists():
                if not create:
                    raise StoreError(
                        f"no blocwatch database at {db_path} (ingest something first, or pass --db)"
                    )
                db_path.parent.mkdir(parents=True, exist_ok=True)
            elif db_path.is_dir():
                raise StoreError(f"{db_path} is a directory, not a database file")
        try:
            # isolation_level=None: transactions are begun and ended explicitly in transaction().
            self._conn = sqlite3.connect(
                self.location, isolation_level=None, check_same_thread=False, timeout=30
            )
            if not in_memory:
                self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA foreign_keys=ON")
            # With WAL, NORMAL keeps the database consistent after a crash and avoids an fsync per article.
            self._conn.execute("PRAGMA synchronous=NORMAL")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open SQLite database {self.location}: {exc}") from exc

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Rows:
        return self._conn.execute(sql, params).fetchall()

    def query(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], Rows]:
        cursor = self._conn.execute(sql, params)
        rows = cursor.fetchall()
        return [d[0] for d in cursor.description or ()], rows

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            self._conn.executemany(sql, rows)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        # IMMEDIATE takes the write lock up front, so two writers wait for each other instead of failing mid-way.
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def is_integrity_error(self, exc: BaseException) -> bool:
        return isinstance(exc, sqlite3.IntegrityError)

    @property
    def driver_error(self) -> type[Exception]:
        return sqlite3.Error

    def journal_mode(self) -> str:
        return str(self._conn.execute("PRAGMA journal_mode").fetchone()[0])

    def close(self) -> None:
        self._conn.close()


def redact_url(url: str) -> str:
    """The URL without its password, fit for error messages and stats."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


class PostgresBackend:
    name = "postgresql"

    def __init__(self, url: str) -> None:
        self.location = redact_url(url)
        try:
            import psycopg
        except ImportError as exc:
            raise StoreError(
                f"the database {self.location} is PostgreSQL, which needs the psycopg driver: "
                "pip install 'blocwatch[postgres]'"
            ) from exc
        self._psycopg = psycopg
        try:
            self._conn = psycopg.connect(url, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to PostgreSQL database {self.location}: {exc}") from exc

    @staticmethod
    def _dialect(sql: str) -> str:
        # Store's SQL is constant text with no literal '?' or '%', so a plain swap of placeholders is exact.
        return sql.replace("?", "%s")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Rows:
        cursor = self._conn.execute(self._dialect(sql), params)
        return cursor.fetchall() if cursor.description else []

    def query(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], Rows]:
        cursor = self._conn.execute(self._dialect(sql), params)
        if not cursor.description:
            return [], []
        return [d.name for d in cursor.description], cursor.fetchall()

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            with self._conn.cursor() as cursor:
                cursor.executemany(self._dialect(sql), rows)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self._conn.transaction():
            yield

    def is_integrity_error(self, exc: BaseException) -> bool:
        return isinstance(exc, self._psycopg.IntegrityError)

    @property
    def driver_error(self) -> type[Exception]:
        return self._psycopg.Error

    def journal_mode(self) -> str:
        return "postgresql"

    def close(self) -> None:
        self._conn.close()


Backend = SQLiteBackend | PostgresBackend


def is_postgres_url(location: str | Path) -> bool:
    return isinstance(location, str) and location.startswith(("postgresql://", "postgres://"))
