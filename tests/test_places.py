"""Sub-national places (places.csv): the data itself, how the knowledge base indexes it, and how the resolver uses it."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from blocwatch import nlp
from blocwatch.actors import ActorResolver, KnowledgeBaseError, load_kb
from blocwatch.actors.kb import PLACE_FIELD, PLACE_KINDS, build_kb, normalize_name

DATA_DIR = Path(__file__).resolve().parents[1] / "src" / "blocwatch" / "actors" / "data"
PLACE_COLUMNS = ["name", "aliases", "country", "kind", "note"]


def _rows(file_name: str) -> list[dict[str, str]]:
    with (DATA_DIR / file_name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _forms(row: dict[str, str], columns: list[str]) -> list[str]:
    return [form.strip() for column in columns for form in (row.get(column) or "").split("|") if form.strip()]


@pytest.fixture(scope="module")
def places() -> list[dict[str, str]]:
    return _rows("places.csv")


@pytest.fixture(scope="module")
def kb():
    return load_kb(user_dir=None)


@pytest.fixture(scope="module")
def spacy_nlp():
    return nlp.load()


# -- the data ---------------------------------------------------------------------------------------------------


def test_header_and_cells(places: list[dict[str, str]]) -> None:
    with (DATA_DIR / "places.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        assert next(reader) == PLACE_COLUMNS
        for line, cells in enumerate(reader, start=2):
            assert len(cells) == len(PLACE_COLUMNS), f"line {line}: {cells}"
            assert all(cell == cell.strip() for cell in cells), f"line {line}: stray spaces"
    assert len(places) >= 900


def test_every_row_is_valid(places: list[dict[str, str]]) -> None:
    countries = {row["iso3"] for row in _rows("countries.csv")}
    for row in places:
        where = row["name"]
        assert row["name"], row
        assert row["country"] in countries, f"{where}: unknown country {row['country']!r}"
        assert row["kind"] in PLACE_KINDS, f"{where}: kind {row['kind']!r}"
        assert row["note"], f"{where}: no note"
        if row["aliases"]:
            assert all(part.strip() for part in row["aliases"].split("|")), f"{where}: empty alias"


def test_no_name_or_alias_is_used_twice(places: list[dict[str, str]]) -> None:
    owner: dict[str, str] = {}
    for row in places:
        for form in _forms(row, ["name", "aliases"]):
            key = normalize_name(form)
            assert owner.setdefault(key, row["name"]) == row["name"], (
                f"{form!r} names both {owner[key]!r} and {row['name']!r}"
            )


def test_no_place_collides_with_a_state_organisation_or_armed_group(places: list[dict[str, str]]) -> None:
    taken: dict[str, str] = {}
    for row in _rows("countries.csv"):
        for form in _forms(row, ["name", "short_names", "former_names", "adjectives", "demonyms", "capital",
                                 "seats_of_power", "armed_forces", "legislature", "government_names"]):
            taken[normalize_name(form)] = f"country {row['iso3']}"
    for row in _rows("igos.csv"):
        for form in _forms(row, ["code", "name", "acronyms", "aliases"]):
            taken[normalize_name(form)] = f"organisation {row['code']}"
    for row in _rows("armed_groups.csv"):
        for form in _forms(row, ["name", "aliases"]):
            taken[normalize_name(form)] = f"armed group {row['name']}"
    clashes = [
        (form, taken[normalize_name(form)])
        for row in places
        for form in _forms(row, ["name", "aliases"])
        if normalize_name(form) in taken
    ]
    assert clashes == []


def test_shipped_places_shadow_nothing_in_the_loaded_kb(kb) -> None:
    # The loader skips a place name that already names a state, organisation, group or person; none should.
    assert kb.shadowed_places == []


def test_places_cover_the_main_conflict_zones(places: list[dict[str, str]]) -> None:
    by_form = {normalize_name(form): row["country"] for row in places for form in _forms(row, ["name", "aliases"])}
    expected = {
        "Gaza Strip": "PSE", "Golan Heights": "SYR", "Artsakh": "AZE", "Zangezur": "ARM", "Donbas": "UKR",
        "Tskhinvali": "GEO", "Transnistria": "MDA", "Azad Kashmir": "PAK", "Northern Cyprus": "CYP",
        "Mitrovica": "XKX", "Chechnya": "RUS", "Xinjiang": "CHN", "Kordofan": "SDN", "Tigray": "ETH",
        "Cabo Delgado": "MOZ", "Iraqi Kurdistan": "IRQ", "Deraa": "SYR", "Samarra": "IRQ", "Helmand": "AFG",
        "Waziristan": "PAK", "Arakan": "MMR", "Marawi": "PHL", "Aceh": "IDN", "Maiduguri": "NGA",
        "North Kivu": "COD", "Hodeidah": "YEM", "Benghazi": "LBY", "Sinai": "EGY", "Srebrenica": "BIH",
        "Krajina": "HRV", "Catalonia": "ESP", "Ulster": "GBR", "Corsica": "FRA", "Odessa": "UKR",
        "Khan Younis": "PSE", "Bombay": "IND",
    }  # fmt: skip
    assert {form: by_form.get(normalize_name(form)) for form in expected} == expected


# -- the knowledge base -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "iso3"),
    [("West Bank", "PSE"), ("Darfur", "SDN"), ("Crimea", "UKR"), ("Mosul", "IRQ"), ("Nagorno-Karabakh", "AZE"),
     ("Deir ez-Zor", "SYR"), ("St. Petersburg", "RUS"), ("the Golan Heights", "SYR"), ("Khan Yunis", "PSE")],
)  # fmt: skip
def test_lookup_gives_the_country_with_no_sector(kb, name: str, iso3: str) -> None:
    entries = kb.lookup(name)
    assert [(e.kind, e.key, e.matched_field, e.sector) for e in entries] == [("country", iso3, PLACE_FIELD, None)]
    assert entries[0].actor_id == f"state:{iso3}"
    assert entries[0].place == kb.place(name).name


def test_place_knows_its_canonical_row(kb) -> None:
    daraa = kb.place("Deraa")
    assert (daraa.name, daraa.country, daraa.kind) == ("Daraa", "SYR", "city")
    assert kb.place("Atlantis") is None


def test_capitals_keep_their_government_sector(kb) -> None:
    # Places are indexed after the countries, so a capital still stands for the government.
    assert [(e.key, e.matched_field, e.sector) for e in kb.lookup("Khartoum")] == [("SDN", "capital", "GOV")]


def _tiny_tables(*place_rows: dict[str, str]) -> dict[str, list[dict[str, str]]]:
    country = {"iso3": "ARM", "iso2": "AM", "name": "Armenia", "capital": "Yerevan", "_where": "countries.csv, line 2"}
    return {"countries": [country], "places": list(place_rows)}


def test_a_place_named_like_a_capital_is_skipped_and_reported() -> None:
    rows = (
        {"name": "Yerevan", "aliases": "", "country": "ARM", "kind": "city", "note": "x", "_where": "p.csv, line 2"},
        {"name": "Gyumri", "aliases": "Leninakan", "country": "ARM", "kind": "city", "note": "x",
         "_where": "p.csv, line 3"},
    )  # fmt: skip
    kb = build_kb(_tiny_tables(*rows))
    assert kb.shadowed_places == [("Yerevan", "Yerevan", "country:ARM")]
    assert [e.matched_field for e in kb.lookup("Yerevan")] == ["capital"]
    assert [e.matched_field for e in kb.lookup("Leninakan")] == [PLACE_FIELD]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"name": "Gyumri", "country": "ARM", "kind": "town", "note": "x"}, "kind 'town'"),
        ({"name": "Gyumri", "country": "AZE", "kind": "city", "note": "x"}, "country 'AZE'"),
        ({"name": "Gyumri", "country": "", "kind": "city", "note": "x"}, "empty 'country'"),
        ({"name": "", "country": "ARM", "kind": "city", "note": "x"}, "empty 'name'"),
    ],
)
def test_bad_place_rows_are_rejected_with_their_location(row: dict[str, str], message: str) -> None:
    with pytest.raises(KnowledgeBaseError, match=message) as raised:
        build_kb(_tiny_tables({**row, "_where": "places.csv, line 7"}))
    assert "places.csv, line 7" in str(raised.value)


def test_user_folder_can_add_a_place(tmp_path: Path) -> None:
    (tmp_path / "places.csv").write_text(
        "name,aliases,country,kind,note\nMartuni,Khojavend,AZE,city,test row\n", encoding="utf-8"
    )
    kb = load_kb(user_dir=tmp_path)
    assert [(e.key, e.place) for e in kb.lookup("Khojavend")] == [("AZE", "Martuni")]
    assert [e.key for e in kb.lookup("Darfur")] == ["SDN"]


# -- the resolver -----------------------------------------------------------------------------------------------


def _actors(kb, spacy_nlp, text: str) -> list[tuple[str, str | None, str | None]]:
    return [(a.text, a.country, a.sector) for a in ActorResolver(kb).resolve(spacy_nlp(text), 0)]


def test_a_place_after_in_is_its_state_without_a_sector(kb, spacy_nlp) -> None:
    actors = _actors(kb, spacy_nlp, "Israeli troops remained on alert in the West Bank.")
    assert ("Israeli troops", "ISR", "MIL") in actors
    assert any(country == "PSE" and sector is None for _, country, sector in actors)


def test_a_place_before_a_role_word_gives_the_country(kb, spacy_nlp) -> None:
    actors = _actors(kb, spacy_nlp, "Darfur rebels attacked a convoy.")
    assert ("Darfur rebels", "SDN", "REB") in actors


def test_a_named_state_outranks_a_place_in_the_same_phrase(kb, spacy_nlp) -> None:
    actors = _actors(kb, spacy_nlp, "Russian forces in Donetsk shelled the town.")
    assert actors[0][1:] == ("RUS", "MIL")
