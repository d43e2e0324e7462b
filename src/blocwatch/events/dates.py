"""Resolve the date an event happened from the words around its trigger and the publication date.

News dates are mostly relative ("on Tuesday", "last month", "in September"); a historical event keeps its
own date ("signed on June 25, 2013"). The result carries its precision: day, month or year.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Span, Token

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS.update({"sept": 9})
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
WEEKDAYS.update({name.lower(): i for i, name in enumerate(calendar.day_abbr)})

_MONTH_RE = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])\.?"
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)\b"), "iso"),
    (re.compile(_MONTH_RE + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I), "mdy"),
    (re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_RE + r",?\s+(?P<year>(?:19|20)\d\d)\b", re.I), "dmy"),
    (re.compile(_MONTH_RE + r"\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)\b", re.I), "my"),
    (re.compile(_MONTH_RE + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!\s*,?\s*(?:19|20)\d\d)", re.I), "md"),
    (re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_RE + r"(?!\s*,?\s*(?:19|20)\d\d)", re.I), "dm"),
    (re.compile(r"\b(?P<rel>last|next|this|earlier this|later this|past|coming)\s+(?P<unit>week|month|year|weekend)\b", re.I), "rel"),
    (re.compile(r"\b(?P<rel>last|next|this|on|earlier on|late on|early on)?\s*(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I), "weekday"),
    (re.compile(r"\b(?P<word>today|yesterday|tomorrow|tonight|overnight)\b", re.I), "word"),
    (re.compile(r"\b(?P<n>\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|several|a few)\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>ago|earlier|later|before)\b", re.I), "ago"),
    (re.compile(r"\b(?:in|since|during|by|until|of)\s+" + _MONTH_RE + r"(?!\s*\d)", re.I), "month_only"),
    (re.compile(r"\b(?:in|since|during|by|until)\s+(?:late\s+|early\s+|mid-?)?(?P<year>(?:19|20)\d\d)\b", re.I), "year"),
    (re.compile(r"^(?:late\s+|early\s+|mid-?)?(?P<year>(?:19|20)\d\d)$", re.I), "year"),
    # A bare month ("Azerbaijan's September offensive"); only ever applied to text spaCy marked as a date.
    (re.compile(r"\b" + _MONTH_RE + r"(?!\s*\d)", re.I), "month_only"),
]
_NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "several": 3, "a few": 3}


@dataclass(frozen=True)
class ResolvedDate:
    value: str
    precision: str  # "day" | "month" | "year"
    text: str = ""
    explicit: bool = True

    def as_date(self) -> date:
        parts = [int(p) for p in self.value.split("-")] + [1, 1]
        return date(parts[0], parts[1], parts[2])


def parse_iso(value: str | date | None) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _fmt(d: date, precision: str) -> str:
    if precision == "year":
        return f"{d.year:04d}"
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


def _shift_months(d: date, months: int) -> date:
    index = d.year * 12 + (d.month - 1) + months
    return date(index // 12, index % 12 + 1, 1)


def resolve_expression(text: str, published: date | None, future: bool = False) -> ResolvedDate | None:
    """The first date expression in `text`, resolved against the publication date."""
    best: tuple[int, ResolvedDate] | None = None
    for pattern, kind in _PATTERNS:
        for match in pattern.finditer(text):
            resolved = _resolve_match(kind, match, published, future)
            if resolved is not None and (best is None or match.start() < best[0]):
                best = (match.start(), resolved)
            break
    return best[1] if best else None


def _resolve_match(kind: str, m: re.Match[str], published: date | None, future: bool) -> ResolvedDate | None:
    g = m.groupdict()
    text = m.group(0).strip()
    month = MONTHS.get((g.get("month") or "").lower().rstrip(".")) if g.get("month") else None
    try:
        if kind == "iso":
            return ResolvedDate(date(int(g["year"]), int(g["mnum"]), int(g["day"])).isoformat(), "day", text)
        if kind in ("mdy", "dmy") and month:
            return ResolvedDate(date(int(g["year"]), month, int(g["day"])).isoformat(), "day", text)
        if kind == "my" and month:
            return ResolvedDate(f"{int(g['year']):04d}-{month:02d}", "month", text)
        if kind == "year":
            return ResolvedDate(f"{int(g['year']):04d}", "year", text)
    except ValueError:
        return None
    if published is None:
        return None
    if kind in ("md", "dm") and month:
        year = _nearest_year(month, published, future)
        try:
            return ResolvedDate(date(year, month, int(g["day"])).isoformat(), "day", text)
        except ValueError:
            return None
    if kind == "month_only" and month:
        year = _nearest_year(month, published, future)
        return ResolvedDate(f"{year:04d}-{month:02d}", "month", text)
    if kind == "rel":
        rel, unit = g["rel"].lower(), g["unit"].lower()
        step = 1 if rel in ("next", "coming") else (0 if "this" in rel else -1)
        if unit in ("week", "weekend"):
            d = published + timedelta(days=7 * step)
            return ResolvedDate(_fmt(d, "month"), "month", text)
        if unit == "month":
            return ResolvedDate(_fmt(_shift_months(published, step), "month"), "month", text)
        return ResolvedDate(f"{published.year + step:04d}", "year", text)
    if kind == "weekday":
        target = WEEKDAYS[g["weekday"].lower()]
        rel = (g.get("rel") or "").lower()
        delta = (published.weekday() - target) % 7
        if future or rel == "next":
            ahead = (target - published.weekday()) % 7 or (7 if rel == "next" else 0)
            return ResolvedDate((published + timedelta(days=ahead)).isoformat(), "day", text)
        if rel == "last" and delta == 0:
            delta = 7
        return ResolvedDate((published - timedelta(days=delta)).isoformat(), "day", text)
    if kind == "word":
        offset = {"today": 0, "tonight": 0, "overnight": 0, "yesterday": -1, "tomorrow": 1}[g["word"].lower()]
        return ResolvedDate((published + timedelta(days=offset)).isoformat(), "day", text)
    if kind == "ago":
        n = int(g["n"]) if g["n"].isdigit() else _NUMBER_WORDS.get(g["n"].lower(), 1)
        sign = 1 if g["dir"].lower() == "later" else -1
        unit = g["unit"].lower()
        if unit == "day":
            return ResolvedDate((published + timedelta(days=sign * n)).isoformat(), "day", text)
        if unit == "week":
            return ResolvedDate(_fmt(published + timedelta(days=sign * 7 * n), "month"), "month", text)
        if unit == "month":
            return ResolvedDate(_fmt(_shift_months(published, sign * n), "month"), "month", text)
        return ResolvedDate(f"{published.year + sign * n:04d}", "year", text)
    return None


def _nearest_year(month: int, published: date, future: bool) -> int:
    """A month named without a year: the latest such month not after publication (the next one for future events)."""
    if future:
        return published.year if month >= published.month else published.year + 1
    return published.year if month <= published.month else published.year - 1


_CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "acl", "xcomp", "conj", "parataxis", "csubj"}


def _own_tokens(trigger: Token) -> list[Token]:
    """Tokens in the trigger's own clause: its subtree without nested clauses that carry events of their own."""
    out: list[Token] = []
    stack = [trigger]
    while stack:
        tok = stack.pop()
        out.append(tok)
        for child in tok.children:
            if child.dep_ in _CLAUSE_DEPS and child.pos_ in ("VERB", "AUX"):
                continue
            stack.append(child)
    return sorted(out, key=lambda t: t.i)


def event_date(trigger: Token, published: str | date | None, future: bool = False,
               extra: list[Token] | None = None) -> ResolvedDate | None:
    """The event's own date: a date expression in the trigger's clause, else the publication date."""
    pub = parse_iso(published)
    tokens = _own_tokens(trigger) + list(extra or [])
    pieces = _date_pieces(tokens)
    for piece in pieces:
        resolved = resolve_expression(piece, pub, future)
        if resolved is not None:
            return resolved
    if pub is not None:
        return ResolvedDate(pub.isoformat(), "day", "", explicit=False)
    return None


def _date_pieces(tokens: list[Token]) -> list[str]:
    """Runs of tokens that spaCy marks as DATE entities, or that sit under a temporal preposition."""
    pieces: list[str] = []
    seen: set[int] = set()
    for tok in tokens:
        if tok.i in seen:
            continue
        if tok.ent_type_ == "DATE":
            ent = _entity_of(tok)
            if ent is not None:
                seen.update(range(ent.start, ent.end))
                prev = ent.doc[ent.start - 1] if ent.start > 0 else None
                prefix = prev.text + " " if prev is not None and prev.lower_ in ("in", "since", "during", "on", "by", "until", "of") else ""
                pieces.append(prefix + ent.text)
        elif tok.lower_ in WEEKDAYS or tok.lower_ in ("today", "yesterday", "tomorrow"):
            pieces.append(tok.text)
    return pieces


def _entity_of(tok: Token) -> Span | None:
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end:
            return ent
    return None


__all__ = ["ResolvedDate", "event_date", "parse_iso", "resolve_expression"]
