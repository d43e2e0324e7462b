"""Reading the packaged office-holder tables (leaders, office holders, officials) for their data tests."""

from __future__ import annotations

import csv
import datetime as dt
import re

from blocwatch.actors.kb import PACKAGE_DATA_DIR

COLUMNS = ["person_id", "name", "aliases", "country", "office", "title", "start", "end", "sector"]
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def read_table(name: str) -> tuple[list[str], list[dict[str, str]]]:
    """Header and rows of the packaged table `name` ("office_holders.csv")."""
    with (PACKAGE_DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def term(row: dict[str, str]) -> tuple[dt.date, dt.date]:
    """First and last day of a row's term; an open term runs to date.max."""
    start = dt.date.fromisoformat(row["start"])
    end = dt.date.fromisoformat(row["end"]) if row["end"] else dt.date.max
    return start, end


def holders_on(rows: list[dict[str, str]], country: str, office: str, day: str) -> set[str]:
    """Person ids holding `office` of `country` on `day`."""
    when = dt.date.fromisoformat(day)
    found = set()
    for row in rows:
        if row["country"] == country and row["office"] == office:
            start, end = term(row)
            if start <= when < end:
                found.add(row["person_id"])
    return found
