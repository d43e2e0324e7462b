"""quotes stage: direct quotations and reported statements with their speakers.

`extract_quotes(text, docs, actors, resolve)` works over body segments the nlp stage already parsed;
`extract_quotes_from_text(text)` parses newline-separated paragraphs itself, for standalone use.
See docs/quotes.md for the conventions (offsets, multi-paragraph quotations, mixed quotes).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from blocwatch.quotes.extract import extract_quotes
from blocwatch.quotes.marks import Quotation, find_quotations
from blocwatch.records import Quote

_PARAGRAPH = re.compile(r"[^\n]+")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the non-blank lines of `text`: the paragraphs of plain-text news."""
    spans = []
    for match in _PARAGRAPH.finditer(text):
        if match.group().strip():
            spans.append((match.start(), match.end()))
    return spans


def parse_paragraphs(text: str, nlp: Language | None = None) -> list[tuple[int, Doc]]:
    """(offset, Doc) for each paragraph of `text`, parsed with `nlp` (default: blocwatch.nlp.load())."""
    if nlp is None:
        from blocwatch.nlp import load

        nlp = load()
    spans = paragraph_spans(text)
    docs = nlp.pipe(text[start:end] for start, end in spans)
    return [(start, doc) for (start, _), doc in zip(spans, docs, strict=True)]


def extract_quotes_from_text(text: str, nlp: Language | None = None) -> list[Quote]:
    """Quotes of a plain-text article whose paragraphs are separated by newlines."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    return extract_quotes(text, parse_paragraphs(text, nlp))


__all__ = [
    "Quotation",
    "extract_quotes",
    "extract_quotes_from_text",
    "find_quotations",
    "paragraph_spans",
    "parse_paragraphs",
]
