"""Split plain text into paragraphs without changing it: every paragraph is a span of the input.

Most scraped text puts one paragraph per line. Hard-wrapped text (wire copy, e-mail, the Reuters
corpus) breaks lines inside sentences; there a paragraph ends at a blank line, at an indented line
(when indentation marks new paragraphs) or after a sentence that stops well short of the wrap width.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

# Closing quotes and brackets that may follow a sentence's final punctuation.
CLOSERS = "\"'”’»)]*"
TERMINAL_PUNCTUATION = ".!?…:;,"

# Wire copy indents new paragraphs by several spaces; a single leading space is noise.
PARAGRAPH_INDENT = 2

_LINE_BREAK = re.compile(r"\r\n|[\r\n\u2028\u2029\x85\x0c]")
_BULLET = re.compile(r"[-*•·▪]\s")


@dataclass(frozen=True)
class Line:
    start: int  # first non-blank character
    end: int  # one past the last non-blank character
    indent: int
    text: str

    @property
    def blank(self) -> bool:
        return self.start == self.end


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    text: str


def split_lines(text: str) -> list[Line]:
    lines = []
    position = 0
    while position <= len(text):
        match = _LINE_BREAK.search(text, position)
        end = match.start() if match else len(text)
        content = text[position:end]
        stripped_left = content.lstrip()
        indent = len(content) - len(stripped_left)
        stripped = stripped_left.rstrip()
        start = position + indent
        lines.append(Line(start, start + len(stripped), indent, stripped))
        if match is None:
            break
        position = match.end()
    return lines


def ends_sentence(text: str) -> bool:
    stripped = text.rstrip(CLOSERS + " ")
    return bool(stripped) and stripped[-1] in ".!?…"


def _ends_quote_or_credit(text: str) -> bool:
    """A line that closes a quotation, possibly followed by a short speaker credit ("…shame.” ― Sonya Herridge")."""
    stripped = text.rstrip()
    if ends_sentence(stripped):
        return True
    last_close = max(stripped.rfind("”"), stripped.rfind('"'), stripped.rfind("»"))
    return last_close > 0 and len(stripped[last_close + 1:].split()) <= 5


def _starts_lowercase(text: str) -> bool:
    return bool(text) and text[0].islower()


def _is_hard_wrapped(lines: list[Line]) -> bool:
    """True when many lines continue a sentence begun on the line before."""
    pairs = continued = 0
    for before, after in zip(lines, lines[1:], strict=False):
        if before.blank or after.blank:
            continue
        pairs += 1
        if _starts_lowercase(after.text) and not ends_sentence(before.text):
            continued += 1
    return continued >= 2 and continued >= 0.2 * pairs


def split_paragraphs(text: str, stands_alone: Callable[[str], bool] | None = None) -> list[Paragraph]:
    """Paragraphs of `text`; `stands_alone(line)` marks lines never joined to a neighbour (boilerplate)."""
    lines = split_lines(text)
    if not _is_hard_wrapped(lines):
        return [Paragraph(line.start, line.end, line.text) for line in lines if not line.blank]
    lengths = sorted(len(line.text) + line.indent for line in lines if not line.blank)
    wrap_width = lengths[int(0.9 * (len(lengths) - 1))]
    uses_indent = any(line.indent == 0 for line in lines if not line.blank)
    paragraphs: list[Paragraph] = []
    current: list[Line] = []
    for line in lines:
        if line.blank:
            _close(current, text, paragraphs)
            continue
        if current:
            previous = current[-1]
            starts_new = (
                (uses_indent and line.indent >= PARAGRAPH_INDENT)
                or _BULLET.match(line.text) is not None
                or (stands_alone is not None and stands_alone(previous.text))
                # "...told\nReuters." finishes a sentence; a bare "Reuter" sign-off does not.
                or (
                    stands_alone is not None
                    and stands_alone(line.text)
                    and (ends_sentence(previous.text) or not ends_sentence(line.text))
                )
                or (ends_sentence(previous.text) and len(previous.text) + previous.indent < 0.7 * wrap_width)
                # A new quotation after a finished line or a speaker credit ("...shame." ― Sonya Herridge).
                or (line.text.startswith(("“", '"', "«", "„")) and _ends_quote_or_credit(previous.text))
            )
            if starts_new:
                _close(current, text, paragraphs)
        current.append(line)
    _close(current, text, paragraphs)
    return paragraphs


def _close(current: list[Line], text: str, paragraphs: list[Paragraph]) -> None:
    if current:
        start, end = current[0].start, current[-1].end
        paragraphs.append(Paragraph(start, end, text[start:end]))
        current.clear()
