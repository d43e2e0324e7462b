"""The shipped table of heads of state and government of Africa, the Middle East, South and Central Asia."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pytest

from blocwatch.actors import load_kb
from blocwatch.actors.kb import normalize_name
from office_tables import COLUMNS, SLUG, holders_on, read_table, term

OFFICES = {"head_of_state", "head_of_government"}
SECTORS = {"GOV", "MIL"}


@pytest.fixture(scope="module")
def leaders() -> list[dict[str, str]]:
    header, rows = read_table("leaders_africa_asia.csv")
    assert header == COLUMNS
    return rows


@pytest.fixture(scope="module")
def holders() -> list[dict[str, str]]:
    return read_table("office_holders.csv")[1]


@pytest.fixture(scope="module")
def officials() -> list[dict[str, str]]:
    return read_table("officials.csv")[1]


@pytest.fixture(scope="module")
def country_codes() -> set[str]:
    return {row["iso3"] for row in read_table("countries.csv")[1]}


def test_every_row_is_well_formed(leaders: list[dict[str, str]], country_codes: set[str]) -> None:
    assert len(leaders) > 1000
    for number, row in enumerate(leaders, start=2):
        where = f"leaders_africa_asia.csv line {number}: {row}"
        assert None not in row.values(), where
        assert SLUG.match(row["person_id"]), where
        assert row["name"].strip() == row["name"] and row["name"], where
        assert row["country"] in country_codes, where
        assert row["office"] in OFFICES, where
        assert row["title"], where
        assert row["sector"] in SECTORS, where
        start, end = term(row)
        assert start <= end, where
        assert dt.date(1930, 1, 1) <= start <= dt.date(2026, 12, 31), where
        aliases = [alias for alias in row["aliases"].split("|") if alias]
        assert all(alias.strip() == alias for alias in aliases), where
        assert row["name"] not in aliases, where


def test_no_row_repeats_the_office_holders_table(
    leaders: list[dict[str, str]], holders: list[dict[str, str]]
) -> None:
    shipped = {(row["person_id"], row["office"], row["start"]) for row in holders}
    repeated = [row for row in leaders if (row["person_id"], row["office"], row["start"]) in shipped]
    assert repeated == []


def test_no_key_is_duplicated(leaders: list[dict[str, str]]) -> None:
    keys = [(row["person_id"], row["office"], row["start"]) for row in leaders]
    assert len(keys) == len(set(keys))


def test_one_person_id_one_name_across_the_people_tables(
    leaders: list[dict[str, str]], holders: list[dict[str, str]], officials: list[dict[str, str]]
) -> None:
    mine = {row["person_id"] for row in leaders}
    names: dict[str, set[str]] = defaultdict(set)
    for row in [*holders, *officials, *leaders]:
        if row["person_id"] in mine:
            names[row["person_id"]].add(row["name"])
    assert {pid: found for pid, found in names.items() if len(found) > 1} == {}


def test_people_already_known_keep_their_id(
    leaders: list[dict[str, str]], holders: list[dict[str, str]], officials: list[dict[str, str]]
) -> None:
    # A name or alias that office_holders.csv or officials.csv gives to someone must lead to that same id here,
    # or the knowledge base would hold one person twice.
    known: dict[str, set[str]] = defaultdict(set)
    for row in [*holders, *officials]:
        for written in [row["name"], *row["aliases"].split("|")]:
            if written:
                known[normalize_name(written)].add(row["person_id"])
    clashes = {
        (row["person_id"], written)
        for row in leaders
        for written in [row["name"], *row["aliases"].split("|")]
        if written and known.get(normalize_name(written), {row["person_id"]}) != {row["person_id"]}
    }
    assert clashes == set()


def test_terms_of_one_office_do_not_overlap(leaders: list[dict[str, str]]) -> None:
    by_office: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for row in leaders:
        by_office[(row["country"], row["office"])].append(row)
    for key, rows in by_office.items():
        spans = sorted(term(row) for row in rows)
        for (_, earlier_end), (later_start, _) in zip(spans, spans[1:], strict=False):
            assert earlier_end <= later_start, (
                f"{key}: a term ending {earlier_end} overlaps one from {later_start}"
            )


def test_terms_meet_the_office_holders_table_without_overlap(
    leaders: list[dict[str, str]], holders: list[dict[str, str]]
) -> None:
    # The older terms here lead into the 2000-on core of office_holders.csv; the two must not overlap.
    mine: dict[tuple[str, str], list[tuple[dt.date, dt.date]]] = defaultdict(list)
    for row in leaders:
        mine[(row["country"], row["office"])].append(term(row))
    for row in holders:
        key = (row["country"], row["office"])
        if key not in mine:
            continue
        start, end = term(row)
        for my_start, my_end in mine[key]:
            assert my_end <= start or end <= my_start, (
                f"{key}: {row['person_id']} overlaps a term from {my_start}"
            )


@pytest.mark.parametrize(
    ("country", "office", "day", "person_id"),
    [
        ("ZWE", "head_of_state", "2000-01-01", "robert-mugabe"),
        ("EGY", "head_of_state", "2005-01-01", "hosni-mubarak"),
        ("DZA", "head_of_state", "2005-01-01", "abdelaziz-bouteflika"),
        ("EGY", "head_of_state", "1979-03-26", "anwar-sadat"),
        ("ISR", "head_of_government", "1978-09-17", "menachem-begin"),
        ("IRN", "head_of_state", "1985-01-01", "ruhollah-khomeini"),
        ("IRQ", "head_of_state", "1990-08-02", "saddam-hussein"),
        ("LBY", "head_of_state", "1986-04-15", "muammar-gaddafi"),
        ("IND", "head_of_government", "1971-12-16", "indira-gandhi"),
        ("PAK", "head_of_state", "1985-01-01", "muhammad-zia-ul-haq"),
        ("SAU", "head_of_state", "1979-11-20", "khalid-bin-abdulaziz"),
        ("AFG", "head_of_state", "1990-01-01", "mohammad-najibullah"),
        ("PSE", "head_of_state", "2000-07-11", "yasser-arafat"),
        ("NGA", "head_of_state", "1995-01-01", "sani-abacha"),
        ("COD", "head_of_state", "1990-01-01", "mobutu-sese-seko"),
        ("ZAF", "head_of_state", "1995-01-01", "nelson-mandela"),
    ],
)
def test_known_holders(
    leaders: list[dict[str, str]], country: str, office: str, day: str, person_id: str
) -> None:
    assert holders_on(leaders, country, office, day) == {person_id}


def test_reused_people_keep_the_office_holders_id(leaders: list[dict[str, str]]) -> None:
    ids = {row["person_id"] for row in leaders}
    # Fahd and Khamenei are in office_holders.csv; their predecessors here must hand over to the same ids.
    assert {"benjamin-netanyahu", "shimon-peres", "atal-bihari-vajpayee", "suleyman-demirel"} <= ids
    khalid = [
        row
        for row in leaders
        if row["person_id"] == "khalid-bin-abdulaziz" and row["office"] == "head_of_state"
    ]
    assert [row["end"] for row in khalid] == ["1982-06-13"]


def test_most_of_the_region_is_covered_in_1995(leaders: list[dict[str, str]]) -> None:
    covered = {row["country"] for row in leaders if term(row)[0] <= dt.date(1995, 1, 1) < term(row)[1]}
    assert len(covered) >= 70, sorted(covered)


def test_the_knowledge_base_finds_people_from_this_table() -> None:
    kb = load_kb(user_dir=None)
    person = kb.office_holder("LBY", "head_of_state", "1986-04-15")
    assert person is not None and person.person_id == "muammar-gaddafi"
    assert "Qaddafi" in " ".join(person.aliases)
    before_fahd = kb.office_holder("SAU", "head_of_state", "1980-01-01")
    assert before_fahd is not None and before_fahd.person_id == "khalid-bin-abdulaziz"
