"""Event dates resolved against the publication date: relative, partial and historical expressions."""

from __future__ import annotations

import pytest

from blocwatch.events.dates import parse_iso, resolve_expression

PUBLISHED = parse_iso("2023-12-18")  # a Monday


@pytest.mark.parametrize(
    ("text", "future", "value", "precision"),
    [
        ("in September", False, "2023-09", "month"),
        ("in September", True, "2024-09", "month"),
        ("last month", False, "2023-11", "month"),
        ("next month", True, "2024-01", "month"),
        ("on June 25, 2013", False, "2013-06-25", "day"),
        ("on Tuesday", False, "2023-12-12", "day"),  # the Tuesday before a Monday publication
        ("on Tuesday", True, "2023-12-19", "day"),  # "will meet on Tuesday": the next one
        ("on Monday", False, "2023-12-18", "day"),  # the publication day itself
        ("yesterday", False, "2023-12-17", "day"),
        ("three days ago", False, "2023-12-15", "day"),
        ("in 2013", False, "2013", "year"),
        ("March 3", False, "2023-03-03", "day"),
        ("in Sept.", False, "2023-09", "month"),
        ("12 March 2021", False, "2021-03-12", "day"),
    ],
)
def test_expressions(text: str, future: bool, value: str, precision: str) -> None:
    resolved = resolve_expression(text, PUBLISHED, future)
    assert resolved is not None and (resolved.value, resolved.precision) == (value, precision)


@pytest.mark.parametrize("text", ["three decades", "the alliance's history", "a decade of war", "mayhem"])
def test_words_that_merely_start_like_a_month_are_not_dates(text: str) -> None:
    assert resolve_expression(text, PUBLISHED) is None


def test_relative_dates_need_a_publication_date_but_absolute_ones_do_not() -> None:
    assert resolve_expression("last month", None) is None
    assert resolve_expression("on June 25, 2013", None).value == "2013-06-25"
