"""blocwatch: who did what to whom, when, in whose words, and what it means for alliances."""

from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from blocwatch.records import ArticleResult
    from blocwatch.store import Store


def extract(text: str, date: str | None = None, title: str | None = None, id: str = "article") -> ArticleResult:
    """Extract events, actors and quotes from one article's plain text."""
    from blocwatch.pipeline import extract_text

    return extract_text(text, date=date, title=title, article_id=id)


def open_store(path: Any = None) -> Store:
    """Open (or create) a store: a SQLite file path, or a postgresql:// URL."""
    from blocwatch.store import open_store as _open

    return _open(path)


__all__ = ["__version__", "extract", "open_store"]
