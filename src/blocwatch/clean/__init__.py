"""clean stage: a raw document becomes a CleanArticle — its text, title, publication date, the spans
that carry body prose, and the boilerplate spans that were dropped. See docs/architecture.md."""

from __future__ import annotations

from blocwatch.clean.errors import CleanError
from blocwatch.clean.html import clean_html
from blocwatch.clean.text import clean_text
from blocwatch.ingest import RawDocument
from blocwatch.records import CleanArticle


def clean(raw: RawDocument) -> CleanArticle:
    """Clean one document according to its content type."""
    # A WARC capture date says when the page was fetched; a date the page states is better.
    given_date = None if raw.meta.get("date_source") == "capture" else raw.date
    if raw.content_type == "text":
        article = clean_text(raw.content, title=raw.title, date=given_date, url=raw.url)
    elif raw.content_type == "html":
        article = clean_html(raw.content, title=raw.title, date=given_date, url=raw.url)
    else:
        raise CleanError(
            f"{raw.source}: unknown content type {raw.content_type!r} (expected 'text' or 'html')"
        )
    if article.date is None:
        article.date = raw.date
    return article


__all__ = ["CleanError", "clean", "clean_html", "clean_text"]
