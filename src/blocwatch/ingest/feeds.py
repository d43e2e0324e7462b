"""RSS and Atom feeds: each entry becomes a document from its content (or summary) HTML."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser

from blocwatch.ingest.dates import parse_date
from blocwatch.ingest.documents import RawDocument, Rejection, sample_of

_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML_TYPES = {"text/html", "application/xhtml+xml", "html", "xhtml"}


def looks_like_feed(data: bytes) -> bool:
    """True when the document's root element (within the first 2 kB) is <rss>, <feed> or <rdf:RDF>."""
    return bool(_FEED_ROOT.search(data[:2048]))


def _entry_date(entry: Any) -> str | None:
    for key in ("published", "updated", "created"):
        written = entry.get(key)
        if written:
            # Parsed from the string as written, to keep the publisher's calendar day (feedparser's
            # *_parsed fields are shifted to UTC).
            parsed = parse_date(written)
            if parsed:
                return parsed
        parsed_struct = entry.get(f"{key}_parsed")
        if parsed_struct:
            return f"{parsed_struct.tm_year:04d}-{parsed_struct.tm_mon:02d}-{parsed_struct.tm_mday:02d}"
    return None


def _entry_body(entry: Any) -> tuple[str, str] | None:
    """(content, content_type) from the fullest body the entry carries."""
    candidates: list[Any] = list(entry.get("content") or [])
    if entry.get("summary_detail"):
        candidates.append(entry["summary_detail"])
    for detail in candidates:
        value = (detail.get("value") or "").strip()
        if value:
            kind = "html" if (detail.get("type") or "text/html").lower() in _HTML_TYPES else "text"
            return value, kind
    return None


def read_feed(data: bytes, source: str) -> Iterator[RawDocument | Rejection]:
    # A stream, never a string: feedparser would treat a string that looks like a URL as one to fetch.
    parsed = feedparser.parse(io.BytesIO(data))
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            problem = parsed.get("bozo_exception")
            yield Rejection(source, f"not a readable RSS/Atom feed: {problem}")
        else:
            yield Rejection(source, "feed has no entries")
        return
    stem = Path(source).stem
    feed_title = (parsed.get("feed") or {}).get("title")
    for number, entry in enumerate(entries, start=1):
        where = f"{source}#entry{number}"
        entry_id = entry.get("id") or entry.get("link") or f"{stem}#entry{number}"
        title = (entry.get("title") or "").strip() or None
        body = _entry_body(entry)
        if body is None:
            yield Rejection(
                where, "feed entry has no content or summary", id=entry_id, sample=sample_of(title)
            )
            continue
        content, content_type = body
        yield RawDocument(
            id=entry_id,
            source=where,
            content=content,
            content_type=content_type,  # type: ignore[arg-type]
            title=title,
            date=_entry_date(entry),
            url=entry.get("link") or None,
            meta={"feed_title": feed_title} if feed_title else {},
        )
