"""Turn the date spellings found in inputs into YYYY-MM-DD.

Accepted: YYYY-MM-DD, ISO 8601 timestamps, RFC 822 dates (RSS), and written dates such as
"March 3, 2023", "Mar. 3 2023", "3 March 2023", "Friday, 3rd March 2023".
A timestamp keeps the calendar day it was written in; it is not shifted to UTC, because the
publisher's local day is the one the article talks about.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1,
    "february": 2, "feb": 2,
    "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "may": 5,
    "june": 6, "jun": 6,
    "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

# A month name or its abbreviation, with the optional period of "Sept." or "Mar.".
MONTH_PATTERN = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DAY_PATTERN = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
WEEKDAY_PATTERN = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?"

_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH_FIRST = re.compile(
    rf"(?:{WEEKDAY_PATTERN}\s+)?(?P<month>{MONTH_PATTERN})\s+(?P<day>{DAY_PATTERN}),?\s+(?P<year>\d{{4}})",
    re.IGNORECASE,
)
_DAY_FIRST = re.compile(
    rf"(?:{WEEKDAY_PATTERN}\s+)?(?P<day>{DAY_PATTERN})\s+(?:of\s+)?(?P<month>{MONTH_PATTERN}),?\s+(?P<year>\d{{4}})",
    re.IGNORECASE,
)


def _from_parts(year: str, month: str, day: str) -> str | None:
    month_number = MONTHS.get(month.lower().rstrip("."))
    if month_number is None:
        return None
    day_digits = re.match(r"\d+", day)
    if day_digits is None:
        return None
    try:
        return date(int(year), month_number, int(day_digits.group())).isoformat()
    except ValueError:
        return None


def parse_date(value: str) -> str | None:
    """YYYY-MM-DD for a date written in one of the accepted forms, else None."""
    text = value.strip()
    if not text:
        return None
    iso = _ISO_DAY.match(text)
    if iso:
        if len(text) == 10:
            try:
                return date.fromisoformat(text).isoformat()
            except ValueError:
                return None
        try:
            return datetime.fromisoformat(text.replace(" ", "T", 1)).date().isoformat()
        except ValueError:
            pass
        # Timestamps with odd suffixes ("2023-03-03T10:00:00.123456789Z") still name a valid day.
        try:
            return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3))).isoformat()
        except ValueError:
            return None
    for pattern in (_MONTH_FIRST, _DAY_FIRST):
        written = pattern.fullmatch(text) or pattern.match(text)
        if written and _rest_is_time(text[written.end() :]):
            return _from_parts(written["year"], written["month"], written["day"])
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _rest_is_time(rest: str) -> bool:
    """True when what follows a written date is only a time of day and a zone ("10:32 GMT")."""
    return bool(
        re.fullmatch(
            r"\s*(?:,|at|-|\|)?\s*(?:\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*"
            r"(?:[A-Z]{2,5}|UTC\s*[+-]\s*\d{1,2}(?::?\d{2})?|[+-]\d{4})?)?\s*",
            rest,
            re.IGNORECASE,
        )
    )


def normalise_date(value: object) -> str | None:
    """YYYY-MM-DD for an input's date field; None when it is absent; ValueError when it is not a date."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"date {value!r} is not a string (expected YYYY-MM-DD)")
    if not value.strip():
        return None
    parsed = parse_date(value)
    if parsed is None:
        raise ValueError(f"date {value.strip()!r} is not YYYY-MM-DD (nor an ISO or RFC 822 timestamp)")
    return parsed
