"""The shipped office-holder and official tables: well-formed, free of overlaps, and right on known cases."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

import pytest

from blocwatch.actors import alliances
from office_tables import COLUMNS, SLUG, holders_on, read_table, term

OFFICES = {"head_of_state", "head_of_government", "foreign_minister", "defence_minister"}
G20_STATES = "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA".split()


@pytest.fixture(scope="module")
def holders() -> list[dict[str, str]]:
    header, rows = read_table("office_holders.csv")
    assert header == COLUMNS
    return rows


@pytest.fixture(scope="module")
def officials() -> list[dict[str, str]]:
    header, rows = read_table("officials.csv")
    assert header == [*COLUMNS, "org"]
    return rows


def _check_row(row: dict[str, str], where: str) -> None:
    assert SLUG.match(row["person_id"]), where
    assert row["name"].strip() and row["title"].strip(), where
    assert re.fullmatch(r"[A-Z]{3}", row["country"]), where
    assert row["sector"] in {"GOV", "MIL"}, where
    start, end = term(row)
    assert start <= end, where
    aliases = [alias for alias in row["aliases"].split("|") if alias]
    # Surnames are derived by the resolver; listing one as an alias would make it match on its own.
    surname = row["name"].split()[-1].casefold()
    assert all(alias.casefold() != surname for alias in aliases), f"{where}: bare surname among aliases"
    assert len(aliases) == len(set(aliases)) and row["name"] not in aliases, where


def test_every_office_holder_row_is_valid(holders):
    assert len(holders) > 900
    for number, row in enumerate(holders, start=2):
        where = f"office_holders.csv line {number}: {row}"
        _check_row(row, where)
        assert row["office"] in OFFICES, where


def test_one_person_one_name(holders, officials):
    names = defaultdict(set)
    for row in holders + officials:
        names[row["person_id"]].add(row["name"])
    assert {pid: found for pid, found in names.items() if len(found) > 1} == {}


def test_no_overlapping_terms_in_one_office(holders):
    by_office = defaultdict(list)
    for row in holders:
        by_office[row["country"], row["office"]].append(row)
    for key, rows in by_office.items():
        rows.sort(key=lambda row: row["start"])
        for earlier, later in zip(rows, rows[1:], strict=False):
            # A handover day may appear as the end of one term and the start of the next.
            assert term(earlier)[1] <= term(later)[0], (
                f"{key}: {earlier['person_id']} / {later['person_id']}"
            )


@pytest.mark.parametrize(
    ("country", "office", "day", "expected"),
    [
        ("ARM", "head_of_government", "2017-05-01", "karen-karapetyan"),
        ("ARM", "head_of_government", "2019-05-01", "nikol-pashinyan"),
        ("ARM", "head_of_government", "2018-04-20", "serzh-sargsyan"),
        ("ARM", "head_of_state", "2010-01-01", "serzh-sargsyan"),
        ("ARM", "foreign_minister", "2019-06-01", "zohrab-mnatsakanyan"),
        ("ARM", "defence_minister", "2023-06-01", "suren-papikyan"),
        ("RUS", "head_of_state", "2010-01-01", "dmitry-medvedev"),
        ("RUS", "head_of_government", "2010-01-01", "vladimir-putin"),
        ("RUS", "foreign_minister", "2023-11-01", "sergey-lavrov"),
        ("USA", "head_of_state", "2026-06-01", "donald-trump"),
        ("USA", "head_of_state", "2022-06-01", "joe-biden"),
        ("AZE", "head_of_state", "2023-09-20", "ilham-aliyev"),
        ("TUR", "head_of_state", "2024-01-01", "recep-tayyip-erdogan"),
        ("GBR", "head_of_government", "2022-10-01", "liz-truss"),
        ("DEU", "head_of_government", "2015-01-01", "angela-merkel"),
    ],
)
def test_known_office_holders(holders, country, office, day, expected):
    assert holders_on(holders, country, office, day) == {expected}


def test_one_person_id_across_offices(holders):
    putin = {(row["office"], row["start"]) for row in holders if row["person_id"] == "vladimir-putin"}
    assert ("head_of_government", "2008-05-08") in putin
    assert ("head_of_state", "2012-05-07") in putin


def test_heads_covering_2024_for_every_bloc_state(holders):
    registry = alliances.load_registry()
    required = set(G20_STATES) | set("ARM AZE GEO KAZ KGZ TJK TKM UZB UKR MDA ISR IRN PRK".split())
    required |= set(registry["NATO"].members("2024-03-08", statuses=("member",)))
    required |= set(registry["EU"].members("2024-01-01", statuses=("member",)))
    required |= set(registry["CSTO"].countries())
    missing = [
        country
        for country in sorted(required)
        if not (
            holders_on(holders, country, "head_of_state", "2024-01-01")
            or holders_on(holders, country, "head_of_government", "2024-01-01")
        )
    ]
    assert missing == []


def test_ministers_for_priority_states(holders):
    for country in "RUS USA CHN ARM AZE GEO KAZ KGZ TJK UZB TKM BLR UKR TUR IRN FRA DEU GBR".split():
        assert holders_on(holders, country, "foreign_minister", "2024-01-01"), country
        if country != "TKM":
            assert holders_on(holders, country, "defence_minister", "2024-01-01"), country


def test_every_official_row_is_valid(officials):
    assert len(officials) >= 60
    for number, row in enumerate(officials, start=2):
        where = f"officials.csv line {number}: {row}"
        if row["country"] != "IGO":
            _check_row(row, where)
        else:
            assert row["org"], f"{where}: IGO officials need an org"
        assert re.fullmatch(r"[a-z_]+", row["office"]), where
        assert term(row)[0] <= term(row)[1], where


@pytest.mark.parametrize(
    ("person_id", "day", "office", "org"),
    [
        ("alen-simonyan", "2023-11-01", "speaker_of_parliament", ""),
        ("sergey-kopyrkin", "2023-11-01", "ambassador", ""),
        ("maria-zakharova", "2024-01-01", "spokesperson", ""),
        ("jens-stoltenberg", "2020-01-01", "secretary_general", "NATO"),
        ("antonio-guterres", "2024-01-01", "secretary_general", "UN"),
    ],
)
def test_known_officials(officials, person_id, day, office, org):
    when = dt.date.fromisoformat(day)
    rows = [row for row in officials if row["person_id"] == person_id and row["office"] == office]
    assert any(term(row)[0] <= when < term(row)[1] and row["org"] == org for row in rows), rows
