"""Plain text to CleanArticle: title, headings, body paragraphs and dropped boilerplate, as spans of
the unchanged input text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from blocwatch.clean.boilerplate import (
    is_block_marker,
    is_boilerplate,
    is_byline,
    is_headline_like,
    is_line_marker,
)
from blocwatch.clean.errors import CleanError
from blocwatch.clean.paragraphs import Paragraph, split_paragraphs
from blocwatch.ingest import parse_date
from blocwatch.ingest.dates import DAY_PATTERN, MONTH_PATTERN
from blocwatch.records import CleanArticle, Segment

# "Published: 12 March 2023", "Updated March 3, 2023 10:45 GMT", or the bare date.
_DATE_LINE = re.compile(
    r"(?P<label>(?:first |last )?(?:published|posted|updated|modified|date)(?: on)?)?\s*:?\s*(?P<date>.+)",
    re.IGNORECASE,
)
# A date line stands near the top: among the first few paragraphs, before the body starts.
_TOP_PARAGRAPHS = 6

_WRITTEN_DATE = (
    rf"(?i:{MONTH_PATTERN}\s+{DAY_PATTERN}(?:,?\s+\d{{4}})?|{DAY_PATTERN}\s+{MONTH_PATTERN}(?:,?\s+\d{{4}})?)"
)
# "YEREVAN, March 3, 2023 (Reuters) — ", "MOSCOW (AP) — ", "Feb 12 (Reuters) - ", "KYIV, Ukraine — ".
_DATELINE = re.compile(
    r"(?:(?P<place>[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+)*)"
    r"(?:,\s*[A-Z][A-Za-z.'’\-]+(?:\s+[A-Z][A-Za-z.'’\-]+)*)?"
    rf"(?:,?\s+(?P<date>{_WRITTEN_DATE}))?"
    rf"|(?P<date_only>{_WRITTEN_DATE})(?=\s*\())"
    r"\s*(?P<agency>\([A-Z][\w .&/'’-]{0,30}\))?"
    r"\s*(?:—|–|--|-)\s+"
)


@dataclass
class _Decision:
    paragraph: Paragraph
    role: str  # "title", "heading", "body", "dropped" or "undecided"


def _date_from_line(line: str) -> tuple[str, bool] | None:
    """(date, is_publication_date) when the whole line is a date with an optional label."""
    if len(line.split()) > 12:
        return None
    match = _DATE_LINE.fullmatch(line.strip())
    if not match:
        return None
    parsed = parse_date(match["date"])
    if parsed is None:
        return None
    label = (match["label"] or "").lower()
    return parsed, not ("updated" in label or "modified" in label)


def find_dateline(paragraph_text: str) -> tuple[int, str | None] | None:
    """(length of the dateline, its date if it names a year) at the start of a body paragraph."""
    match = _DATELINE.match(paragraph_text)
    if not match:
        return None
    has_date = match["date"] or match["date_only"]
    if not (match["place"] or (has_date and match["agency"])):
        return None
    return match.end(), parse_date(has_date) if has_date else None


def _similar(first: str, second: str) -> bool:
    def words(text: str) -> set[str]:
        return set(re.findall(r"\w+", text.lower()))

    one, two = words(first), words(second)
    if not one or not two:
        return False
    return len(one & two) / min(len(one), len(two)) >= 0.8


def segment_text(
    text: str, title: str | None = None, date: str | None = None, url: str | None = None
) -> CleanArticle:
    """Classify every paragraph of `text`; shared by plain text and text extracted from HTML."""
    paragraphs = split_paragraphs(text, stands_alone=is_boilerplate)
    if not paragraphs:
        raise CleanError("text is empty")
    decisions = [_Decision(paragraph, "undecided") for paragraph in paragraphs]

    for decision in decisions:
        if is_line_marker(decision.paragraph.text) or is_block_marker(decision.paragraph.text):
            decision.role = "dropped"
    _drop_teasers(decisions)

    # Date lines and bylines are only looked for above the first prose paragraph.
    found_date: str | None = None
    found_update: str | None = None
    for index, decision in enumerate(decisions[:_TOP_PARAGRAPHS]):
        line = decision.paragraph.text
        if decision.role != "undecided" or (index == 0 and title is not None and _similar(title, line)):
            continue
        dated = _date_from_line(line)
        if not dated and not is_headline_like(line):
            break
        if dated:
            decision.role = "dropped"
            if dated[1]:
                found_date = found_date or dated[0]
            else:
                found_update = found_update or dated[0]
        elif is_byline(line) and index > 0:
            decision.role = "dropped"

    remaining = [decision for decision in decisions if decision.role == "undecided"]
    if len(paragraphs) > 1 and remaining:
        first = remaining[0]
        first_text = first.paragraph.text
        if title is not None and _similar(title, first_text) and len(first_text) <= 2 * len(title) + 10:
            # The given title repeated atop the text, even with a full stop some exports add.
            first.role = "title"
        elif title is None and is_headline_like(first_text):
            first.role = "title"
            title = first_text

    for decision in decisions:
        if decision.role == "undecided":
            decision.role = "heading" if is_headline_like(decision.paragraph.text) else "body"

    if not any(decision.role == "body" for decision in decisions):
        # A text of headlines only (or a single short line) still has something to say.
        for decision in decisions:
            if decision.role in {"heading", "title"}:
                decision.role = "body"
        if not any(decision.role == "body" for decision in decisions):
            raise CleanError(
                f"text has no article prose: every paragraph ({len(paragraphs)}) is boilerplate, "
                f"e.g. {paragraphs[0].text[:60]!r}"
            )

    segments: list[Segment] = []
    dropped: list[Segment] = []
    first_body = True
    for decision in decisions:
        paragraph = decision.paragraph
        if decision.role == "dropped":
            dropped.append(Segment(paragraph.start, paragraph.end, "body"))
            continue
        start = paragraph.start
        if decision.role == "body" and first_body:
            first_body = False
            dateline = find_dateline(paragraph.text)
            if dateline and dateline[0] < len(paragraph.text):
                dateline_text = paragraph.text[: dateline[0]].rstrip()
                dropped.append(Segment(start, start + len(dateline_text), "body"))
                start += dateline[0]
                found_date = found_date or dateline[1]
        segments.append(Segment(start, paragraph.end, decision.role))  # type: ignore[arg-type]

    return CleanArticle(
        text=text,
        title=title,
        date=date or found_date or found_update,
        segments=segments,
        url=url,
        dropped=dropped,
    )


def _drop_teasers(decisions: list[_Decision]) -> None:
    """After a block marker, the headline-like lines are teasers for other articles, except the
    last one right before a prose paragraph, which is the next section's heading."""
    index = 0
    while index < len(decisions):
        if not is_block_marker(decisions[index].paragraph.text):
            index += 1
            continue
        run: list[_Decision] = []
        index += 1
        while index < len(decisions):
            decision = decisions[index]
            line = decision.paragraph.text
            if is_block_marker(line):
                break
            if decision.role == "dropped":
                index += 1
                continue
            if not is_headline_like(line):
                break
            run.append(decision)
            index += 1
        followed_by_prose = index < len(decisions) and decisions[index].role == "undecided"
        if followed_by_prose and run:
            run.pop()
        for teaser in run:
            teaser.role = "dropped"


def clean_text(
    text: str, title: str | None = None, date: str | None = None, url: str | None = None
) -> CleanArticle:
    """CleanArticle over `text` itself, unchanged, so offsets point into the input."""
    if not text.strip():
        raise CleanError("text is empty")
    return segment_text(text, title=title, date=date, url=url)
