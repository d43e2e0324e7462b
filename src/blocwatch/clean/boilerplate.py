"""Recognising the parts of a scraped page that are not the article.

Two kinds of marker lines: block markers ("Keep Reading", "Related", "Most read") introduce a list of
teaser headlines for other articles, which go with them; line markers ("Advertisement",
"Share this article", a copyright notice) are dropped alone. Every pattern must match a whole line,
so prose that merely starts with "Related" or "Read" is never touched.
"""

from __future__ import annotations

import re

from blocwatch.clean.paragraphs import CLOSERS

_DECORATION = r"[\s:.\-–—»›>→|•*#]*"

_BLOCK_MARKER = re.compile(
    _DECORATION + r"(?:keep reading|read more|read next|read also|also read|more to read|"
    r"related(?: (?:articles?|stories|story|news|content|coverage|posts|reading|links|topics|videos))?|"
    r"recommended(?: (?:stories|articles|reading|for you|videos))?|"
    r"more (?:from|on|in) [\w .'’&-]{1,40}|more (?:stories|news|headlines|on this story)|"
    r"most (?:read|popular|viewed|shared|watched)|(?:you|we think you) (?:may|might|would) (?:also )?"
    r"(?:like|enjoy|be interested in)|see also|trending(?: now| stories| news)?|top stories|"
    r"editors?['’]? (?:picks|choice)|what to read next|latest (?:news|stories|headlines)|in other news|"
    r"other stories|don['’]t miss|popular now)" + _DECORATION,
    re.IGNORECASE,
)

_LINE_MARKERS = [
    r"advertisements?|ad|sponsored(?: content)?|story continues below(?: advertisement)?|"
    r"scroll (?:down )?to continue(?: reading)?|continue reading(?: below)?|skip (?:to|ad).*|"
    r"share(?: this)?(?: article| story| page| post)?(?: on [\w ]+)?|share via .*|print|email|"
    r"(?:subscribe|sign up|signup|register|log ?in|follow us|follow \w+ on|click here|tap here)\b.*|"
    r"(?:©|\(c\)|copyright\b).*|.*\ball rights reserved\b.*|"
    r"reuters?|\(?(?:additional )?(?:reporting|writing|editing|compiled|edited) by .*|"
    r"(?:photo|image|picture|file photo|video|source)(?: credit)?\s*:.*|"
    r"(?:read more|also read|read also|related|see also|read next|more|watch|listen)\s*[:|»›]\s*.+|"
    r"(?:accept|reject|allow|manage)(?: all)?(?: cookies| preferences| settings)?|"
    r"(?:privacy policy|terms of (?:use|service)|cookie (?:policy|settings|preferences)).*|"
    r"(?:tags?|topics?|filed under)\s*:.*|comments?(?: \(\d+\))?|\d+ comments?|loading\W*",
]
_WIRE_SIGNOFF = re.compile(r"\s*(?:reuters?|ap|afp)\W*", re.IGNORECASE)
_LINE_MARKER = re.compile(_DECORATION + "(?:" + "|".join(_LINE_MARKERS) + ")" + _DECORATION, re.IGNORECASE)
# Long marker-like lines are more likely prose ("Sign up for ..." never runs to forty words).
_MARKER_MAX_WORDS = 30

_COOKIE_WORDS = re.compile(r"\bcookies?\b", re.IGNORECASE)
_CONSENT_WORDS = re.compile(
    r"\b(?:accept|consent|agree|policy|settings|preferences|continuing|continue)\b", re.IGNORECASE
)
# A banner speaks to the reader about the site; an article about cookie rules does not.
_SITE_VOICE = re.compile(r"\b(?:we|our|this (?:web)?site|you)\b", re.IGNORECASE)

_BYLINE = re.compile(
    r"[Bb]y\s+[A-Z][\w.'’-]*(?:[\s,&]+(?:and\s+)?[A-Z][\w.'’-]*|\s+(?:de|van|von|al|bin|la)\b)*\s*",
    re.UNICODE,
)

# Words left lower case in a title-case headline.
_MINOR_WORDS = frozenset(
    "a an and as at but by for from in into nor of off on onto or over per the to up upon via vs with".split()
)


def _continues_a_sentence(line: str) -> bool:
    """A line starting in lower case ("share.", "comment.") is the tail of a wrapped sentence,
    whatever its words; only the wire sign-off is written that way on purpose."""
    first_letter = next((character for character in line if character.isalpha()), "")
    return first_letter.islower() and _WIRE_SIGNOFF.fullmatch(line) is None


def is_block_marker(line: str) -> bool:
    return (
        len(line.split()) <= 8
        and not _continues_a_sentence(line)
        and _BLOCK_MARKER.fullmatch(line) is not None
    )


def is_line_marker(line: str) -> bool:
    if len(line.split()) > _MARKER_MAX_WORDS or _continues_a_sentence(line):
        return False
    if _LINE_MARKER.fullmatch(line) is not None:
        return True
    return is_cookie_notice(line)


def is_cookie_notice(line: str) -> bool:
    return (
        len(line.split()) <= 60
        and _COOKIE_WORDS.search(line) is not None
        and _CONSENT_WORDS.search(line) is not None
        and _SITE_VOICE.search(line) is not None
    )


def is_boilerplate(line: str) -> bool:
    return is_block_marker(line) or is_line_marker(line)


def is_byline(line: str) -> bool:
    return len(line.split()) <= 10 and _BYLINE.fullmatch(line) is not None


def title_case_ratio(words: list[str]) -> float:
    """Share of a line's significant words that start with a capital letter or a digit."""
    significant = [word for word in words if word.lower().strip(CLOSERS + "\"'“‘(") not in _MINOR_WORDS]
    if not significant:
        return 0.0
    capitalised = sum(1 for word in significant if word.lstrip("\"'“‘(")[:1].isupper() or word[:1].isdigit())
    return capitalised / len(significant)


def is_headline_like(line: str) -> bool:
    """Short, starts with a capital, and lacks the punctuation that ends a sentence.

    Headlines that are questions count when they are in title case; lines of 13-19 words only
    when they are in title case, since long sentence-case lines without a full stop are more often
    prose whose punctuation got lost.
    """
    words = line.split()
    if not words or len(words) >= 20:
        return False
    first_letter = next((character for character in line if character.isalpha()), "")
    if first_letter.islower():
        return False
    stripped = line.rstrip(CLOSERS + " ")
    if not stripped:
        return False
    last = stripped[-1]
    if last in ".!;:,…":
        return False
    if last == "?" or len(words) > 12:
        return title_case_ratio(words) >= 0.6
    return True
