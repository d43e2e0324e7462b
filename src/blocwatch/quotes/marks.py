"""Finding quotations by their marks, with a linear scan over the body segments.

News prose follows a few conventions the scan relies on:
- a quotation that runs over several paragraphs leaves each paragraph but the last unclosed and reopens the
  next one with an opening mark;
- a quotation opened and never closed (a common scraping or editing slip) ends with its paragraph;
- curly single quotes mark a quotation only as a pair opened at a word boundary, since the closing one is also
  the apostrophe.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

DOUBLE_OPENERS = frozenset("“„«")
DOUBLE_CLOSERS = frozenset("”»")
STRAIGHT_DOUBLE = '"'
# Some wires (and the New York Times archive) write double quotes as two apostrophes.
DOUBLED_APOSTROPHE = "''"
SINGLE_OPENER = "‘"
SINGLE_CLOSER = "’"
# Characters after which an ambiguous mark reads as opening: nothing, space, brackets, dashes.
_OPENING_CONTEXT = frozenset(" \t\n\r\u00a0([{—–-/")
_WORD_PUNCT_AFTER_CLOSE = frozenset(" \t\n\r\u00a0.,;:!?)]}—–-…'\"”’")


@dataclass
class Quotation:
    """One quotation: the content spans (without marks) it covers in the article text, in order.

    A quotation has several pieces when it runs over paragraphs (one piece per paragraph).
    """

    pieces: list[tuple[int, int]] = field(default_factory=list)
    closed: bool = True
    single: bool = False

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _has_words(text: str, start: int, end: int) -> bool:
    return any(ch.isalnum() for ch in text[start:end])


def _reads_as_opening(text: str, pos: int, seg_start: int, seg_end: int, width: int = 1) -> bool | None:
    """For an ambiguous mark: True when it opens, False when it closes, None when context cannot tell."""
    before = text[pos - 1] if pos > seg_start else " "
    after = text[pos + width] if pos + width < seg_end else " "
    before_open = before in _OPENING_CONTEXT
    after_space = after.isspace() or after in _WORD_PUNCT_AFTER_CLOSE
    if before_open and not after_space:
        return True
    if not before_open and after_space:
        return False
    return None


def _segment_opens_with_quote(text: str, seg_start: int, seg_end: int) -> int | None:
    """Offset just after an opening double mark that begins the segment, if it does."""
    pos = seg_start
    while pos < seg_end and text[pos].isspace():
        pos += 1
    if pos < seg_end and (text[pos] in DOUBLE_OPENERS or text[pos] == STRAIGHT_DOUBLE):
        return pos + 1
    if text.startswith(DOUBLED_APOSTROPHE, pos, seg_end):
        return pos + 2
    return None


def _nested_ahead(text: str, pos: int, seg_end: int) -> bool:
    """True when the curly marks after an opener inside a quotation close twice before opening again."""
    closers = 0
    for ch in text[pos + 1 : seg_end]:
        if ch in DOUBLE_OPENERS:
            return False
        if ch in DOUBLE_CLOSERS:
            closers += 1
            if closers == 2:
                return True
    return False


def _next_closer(text: str, start: int, seg_end: int) -> int:
    return next(i for i in range(start, seg_end) if text[i] in DOUBLE_CLOSERS)


def _double_quotations(text: str, segments: Sequence[tuple[int, int]]) -> list[Quotation]:
    found: list[Quotation] = []
    current: Quotation | None = None
    piece_start = 0
    for seg_index, (seg_start, seg_end) in enumerate(segments):
        pos = seg_start
        if current is not None:
            # The previous paragraph left a quotation open and this one reopens it: the quotation continues.
            reopened = _segment_opens_with_quote(text, seg_start, seg_end)
            if reopened is None:  # pragma: no cover - the previous segment already settled this case
                current = None
            else:
                piece_start = reopened
                pos = reopened
        while pos < seg_end:
            ch = text[pos]
            width = 2 if text.startswith(DOUBLED_APOSTROPHE, pos, seg_end) else 1
            if width == 2 or ch in DOUBLE_OPENERS or ch in DOUBLE_CLOSERS or ch == STRAIGHT_DOUBLE:
                hint = _reads_as_opening(text, pos, seg_start, seg_end, width)
                if ch in DOUBLE_OPENERS:
                    opening = True
                elif ch in DOUBLE_CLOSERS:
                    # A closing mark glued to the next word and preceded by a space is a mistyped opener.
                    opening = hint is True
                else:
                    # Straight marks toggle; only a mark that cannot open (5'11") is left alone.
                    opening = current is None and hint is not False
                    if current is None and not opening:
                        pos += width
                        continue
                if current is None and opening:
                    current = Quotation()
                    piece_start = pos + width
                elif current is not None and not opening:
                    _close_piece(text, current, piece_start, pos)
                    if current.pieces:
                        found.append(current)
                    current = None
                elif (
                    current is not None
                    and opening
                    and ch in DOUBLE_OPENERS
                    and _nested_ahead(text, pos, seg_end)
                ):
                    # “a quote with “nested” words”: skip past the nested pair.
                    pos = _next_closer(text, pos + 1, seg_end) + 1
                    continue
                elif current is not None and opening:
                    # A second opening mark while one is open: the first was never closed; end it here.
                    _close_piece(text, current, piece_start, pos)
                    current.closed = False
                    if current.pieces:
                        found.append(current)
                    current = Quotation()
                    piece_start = pos + width
                # A closing mark with nothing open is a stray mark and is ignored.
            pos += width
        if current is not None:
            _close_piece(text, current, piece_start, seg_end)
            next_segment = segments[seg_index + 1] if seg_index + 1 < len(segments) else None
            continues = (
                next_segment is not None and _segment_opens_with_quote(text, *next_segment) is not None
            )
            if not continues:
                current.closed = False
                if current.pieces:
                    found.append(current)
                current = None
    return found


def _close_piece(text: str, quotation: Quotation, start: int, end: int) -> None:
    start, end = _trimmed(text, start, end)
    if start < end and _has_words(text, start, end):
        quotation.pieces.append((start, end))


def _single_quotations(
    text: str, segments: Sequence[tuple[int, int]], taken: Sequence[Quotation]
) -> list[Quotation]:
    """Curly single-quoted passages outside the double-quoted ones (nested quotes stay part of their host)."""
    covered = [(q.start, q.end) for q in taken]
    found: list[Quotation] = []
    for seg_start, seg_end in segments:
        pos = text.find(SINGLE_OPENER, seg_start, seg_end)
        while pos != -1:
            before = text[pos - 1] if pos > seg_start else " "
            after = text[pos + 1] if pos + 1 < seg_end else " "
            inside_double = any(s - 1 <= pos < e + 1 for s, e in covered)
            close = -1
            if before in _OPENING_CONTEXT and after.isalnum() and not inside_double:
                close = _single_closer(text, pos + 1, seg_end)
            if close != -1:
                start, end = _trimmed(text, pos + 1, close)
                if _has_words(text, start, end):
                    found.append(Quotation(pieces=[(start, end)], single=True))
                pos = text.find(SINGLE_OPENER, close + 1, seg_end)
            else:
                pos = text.find(SINGLE_OPENER, pos + 1, seg_end)
    return found


def _single_closer(text: str, start: int, seg_end: int) -> int:
    pos = text.find(SINGLE_CLOSER, start, seg_end)
    while pos != -1:
        after = text[pos + 1] if pos + 1 < seg_end else " "
        before = text[pos - 1]
        if after in _WORD_PUNCT_AFTER_CLOSE and not before.isspace():
            # "the voters’ choice": a plural possessive is followed by a space and a lower-case word.
            plural_possessive = (
                before == "s" and after == " " and pos + 2 < seg_end and text[pos + 2].islower()
            )
            if not plural_possessive:
                return pos
        pos = text.find(SINGLE_CLOSER, pos + 1, seg_end)
    return -1


_CAPITALISED_FUNCTION_WORDS = frozenset("a an the in on at of as and but for from to by with after before".split())


def _is_nickname(text: str, quotation: Quotation) -> bool:
    """True for a quoted nickname inside a name: `Marcia “Cia” Price`, `Thomas "Tip" O'Neill`.

    One or two capitalised words in marks, with a capitalised word right before the opening mark and right
    after the closing one, name a person; nobody is quoted.
    """
    if len(quotation.pieces) != 1 or not quotation.closed:
        return False
    start, end = quotation.pieces[0]
    words = text[start:end].split()
    if not 1 <= len(words) <= 2 or not all(w[:1].isupper() and w.strip(".").isalpha() for w in words):
        return False
    before = text[max(0, start - 40) : start].rstrip("“„«\"'")
    after = text[end : end + 40].lstrip("”»\"'")
    if not before.endswith(" ") or not after.startswith(" "):
        return False
    previous_word = before.split()[-1] if before.split() else ""
    next_word = after.split()[0] if after.split() else ""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_words = [w for w in text[line_start : line_end if line_end != -1 else len(text)].split() if w[:1].isalpha()]
    if sum(w[:1].isupper() for w in line_words) >= 0.7 * len(line_words):
        return False  # a Title Case headline capitalises every word: "Why She Felt “Invisible” As A Child"
    if previous_word.lower() in _CAPITALISED_FUNCTION_WORDS:
        return False  # "In “Snowden” Stone shows ...": a title after a sentence-initial word
    return previous_word[:1].isupper() and previous_word.isalpha() and next_word[:1].isupper()


def find_quotations(text: str, segments: Sequence[tuple[int, int]]) -> list[Quotation]:
    """All quotations in the given segments (article offsets, reading order), sorted by start."""
    doubles = [q for q in _double_quotations(text, segments) if not _is_nickname(text, q)]
    singles = _single_quotations(text, segments, doubles)
    return sorted(doubles + singles, key=lambda q: q.start)
