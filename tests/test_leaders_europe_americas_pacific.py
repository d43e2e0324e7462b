"""The shipped leaders table for Europe, the Americas, East Asia and the Pacific since 1975.

It extends office_holders.csv backwards and sideways, so besides being well-formed it must agree with that table:
no repeated keys, one name per person id, and no term that overlaps a term of the other table in the same office.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pytest

from blocwatch.actors import load_kb
from office_tables import COLUMNS, SLUG, read_table, term

OFFICES = {"head_of_state", "head_of_government"}
SECTORS = {"GOV", "MIL"}
# Co-principalities and joint heads of state legitimately overlap.
JOINT_HEADS = {"AND", "SMR"}


@pytest.fixture(scope="module")
def leaders() -> list[dict[str, str]]:
    header, rows = read_table("leaders_europe_americas_pacific.csv")
    assert header == COLUMNS
    return rows


@pytest.fixture(scope="module")
def holders() -> list[dict[str, str]]:
    return read_table("office_holders.csv")[1]


@pytest.fixture(scope="module")
def iso3_codes() -> set[str]:
    return {row["iso3"] for row in read_table("countries.csv")[1]}


@pytest.fixture(scope="module")
def kb():
    return load_kb(user_dir=None)


def test_every_row_is_well_formed(leaders: list[dict[str, str]], iso3_codes: set[str]) -> None:
    assert len(leaders) > 1000
    problems = []
    for number, row in enumerate(leaders, start=2):
        where = f"line {number} ({row['person_id']})"
        if not SLUG.match(row["person_id"]):
            problems.append(f"{where}: person_id is not a slug")
        if not row["name"].strip() or not row["title"].strip():
            problems.append(f"{where}: empty name or title")
        if row["country"] not in iso3_codes:
            problems.append(f"{where}: unknown country {row['country']}")
        if row["office"] not in OFFICES:
            problems.append(f"{where}: office {row['office']}")
        if row["sector"] not in SECTORS:
            problems.append(f"{where}: sector {row['sector']}")
        if any(not alias.strip() for alias in row["aliases"].split("|")) and row["aliases"]:
            problems.append(f"{where}: empty alias in {row['aliases']!r}")
        try:
            start, end = term(row)
        except ValueError as error:
            problems.append(f"{where}: {error}")
            continue
        if end < start:
            problems.append(f"{where}: ends {row['end']} before it starts {row['start']}")
    assert not problems, "\n".join(problems)


def test_keys_are_unique_and_not_repeated_from_office_holders(
    leaders: list[dict[str, str]], holders: list[dict[str, str]]
) -> None:
    def key(row: dict[str, str]) -> tuple[str, str, str]:
        return row["person_id"], row["office"], row["start"]

    mine = [key(row) for row in leaders]
    assert len(mine) == len(set(mine)), [k for k in mine if mine.count(k) > 1]
    assert not set(mine) & {key(row) for row in holders}


def test_one_name_per_person_across_both_tables(
    leaders: list[dict[str, str]], holders: list[dict[str, str]]
) -> None:
    names: dict[str, set[str]] = defaultdict(set)
    for row in leaders + holders:
        names[row["person_id"]].add(row["name"])
    mine = {row["person_id"] for row in leaders}
    assert {pid: sorted(found) for pid, found in names.items() if pid in mine and len(found) > 1} == {}


def _overlaps(rows: list[dict[str, str]]) -> list[str]:
    found = []
    by_office: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        if row["country"] not in JOINT_HEADS:
            by_office[(row["country"], row["office"])].append(row)
    for (country, office), terms in by_office.items():
        terms.sort(key=lambda row: row["start"])
        for earlier, later in zip(terms, terms[1:], strict=False):
            if term(later)[0] < term(earlier)[1]:
                found.append(
                    f"{country} {office}: {earlier['person_id']} {earlier['start']}..{earlier['end']}"
                    f" and {later['person_id']} from {later['start']}"
                )
    return found


def test_no_overlapping_terms_in_one_office(leaders: list[dict[str, str]]) -> None:
    assert _overlaps(leaders) == []


def test_no_overlap_with_office_holders(leaders: list[dict[str, str]], holders: list[dict[str, str]]) -> None:
    heads = [row for row in holders if row["office"] in OFFICES]
    offices = {(row["country"], row["office"]) for row in leaders}
    combined = leaders + [row for row in heads if (row["country"], row["office"]) in offices]
    assert [clash for clash in _overlaps(combined) if clash not in _overlaps(heads)] == []


def test_aliases_are_not_bare_surnames(leaders: list[dict[str, str]]) -> None:
    bare = [
        (row["person_id"], alias)
        for row in leaders
        for alias in filter(None, row["aliases"].split("|"))
        if " " not in alias and alias in row["name"].split()
    ]
    assert bare == []


@pytest.mark.parametrize(
    ("country", "office", "day", "person_id"),
    [
        ("USA", "head_of_state", "1985-01-01", "ronald-reagan"),
        ("USA", "head_of_government", "1978-06-01", "jimmy-carter"),
        ("USA", "head_of_state", "1990-06-01", "george-h-w-bush"),
        ("GBR", "head_of_government", "1985-01-01", "margaret-thatcher"),
        ("GBR", "head_of_government", "1995-01-01", "john-major"),
        ("FRA", "head_of_state", "1985-01-01", "francois-mitterrand"),
        ("DEU", "head_of_government", "1990-10-03", "helmut-kohl"),
        ("DEU", "head_of_government", "1980-01-01", "helmut-schmidt"),
        ("RUS", "head_of_state", "1980-01-01", "leonid-brezhnev"),
        ("RUS", "head_of_state", "1987-01-01", "mikhail-gorbachev"),
        ("RUS", "head_of_state", "1995-01-01", "boris-yeltsin"),
        ("POL", "head_of_state", "1992-01-01", "lech-walesa"),
        ("SRB", "head_of_state", "1978-01-01", "josip-broz-tito"),
        ("ROU", "head_of_state", "1985-01-01", "nicolae-ceausescu"),
        ("PHL", "head_of_state", "1980-01-01", "ferdinand-marcos"),
        ("PHL", "head_of_state", "1987-01-01", "corazon-aquino"),
        ("IDN", "head_of_state", "1990-01-01", "suharto"),
        ("SGP", "head_of_government", "1980-01-01", "lee-kuan-yew"),
        ("JPN", "head_of_government", "1985-01-01", "yasuhiro-nakasone"),
        ("KOR", "head_of_state", "1985-01-01", "chun-doo-hwan"),
        ("CHN", "head_of_government", "1990-01-01", "li-peng"),
        ("AUS", "head_of_government", "1990-01-01", "bob-hawke"),
        ("CAN", "head_of_government", "1990-01-01", "brian-mulroney"),
        ("CHL", "head_of_state", "1980-01-01", "augusto-pinochet"),
        ("ARG", "head_of_state", "1995-01-01", "carlos-menem"),
        ("BRA", "head_of_state", "1988-01-01", "jose-sarney"),
        ("CUB", "head_of_state", "1990-01-01", "fidel-castro"),
        ("VEN", "head_of_state", "2005-01-01", "hugo-chavez"),
        ("NZL", "head_of_government", "2020-01-01", "jacinda-ardern"),
        ("CHE", "head_of_state", "2024-06-01", "viola-amherd"),
    ],
)
def test_known_office_holders(kb, country: str, office: str, day: str, person_id: str) -> None:
    holder = kb.office_holder(country, office, day)
    assert holder is not None and holder.person_id == person_id


def test_military_rulers_are_marked(leaders: list[dict[str, str]]) -> None:
    sectors = {(row["person_id"], row["country"]): row["sector"] for row in leaders}
    assert sectors[("augusto-pinochet", "CHL")] == "MIL"
    assert sectors[("jorge-rafael-videla", "ARG")] == "MIL"
    assert sectors[("margaret-thatcher", "GBR")] == "GOV"


def test_most_countries_have_a_leader_on_1_january_1990(leaders: list[dict[str, str]]) -> None:
    day = dt.date(1990, 1, 1)
    covered = {row["country"] for row in leaders if term(row)[0] <= day < term(row)[1]}
    assert len(covered) >= 80
