"""The two things the ingest stage yields: a document to clean, or the reason an input was refused."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

ContentType = Literal["text", "html"]

# How much of a refused input to show back to the user.
SAMPLE_CHARS = 200


@dataclass
class RawDocument:
    """One article as read from an input, before any cleaning."""

    id: str
    # Where it came from: "path", "path:LINE" (JSONL), "path#entryN" (feeds), "path@offset" (WARC).
    source: str
    content: str
    content_type: ContentType
    title: str | None = None
    # YYYY-MM-DD when the input states it.
    date: str | None = None
    url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class Rejection:
    """An input (or one record of it) that could not be read, and why."""

    source: str
    reason: str
    id: str | None = None
    # The first characters of the refused input, when they could be decoded.
    sample: str | None = None

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


def sample_of(text: str | None) -> str | None:
    if text is None:
        return None
    return text[:SAMPLE_CHARS]
