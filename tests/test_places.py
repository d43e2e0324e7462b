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


# -- other readings of a place name: by the article (Tripoli) and by the date (Juba) ---------------------------

READING_COLUMNS = ["name", "aliases", "country", "before", "cues", "note"]


@pytest.fixture(scope="module")
def readings() -> list[dict[str, str]]:
    return _rows("place_readings.csv")


def test_readings_file_is_well_formed(readings: list[dict[str, str]], kb) -> None:
    with (DATA_DIR / "place_readings.csv").open(encoding="utf-8", newline="") as handle:
        assert next(csv.reader(handle)) == READING_COLUMNS
    countries = {row["iso3"] for row in _rows("countries.csv")}
    seen: set[tuple[str, str]] = set()
    for row in readings:
        where = f"{row['name']} -> {row['country']}"
        assert row["country"] in countries, where
        assert row["note"], f"{where}: no note"
        assert (row["name"], row["country"]) not in seen, f"{where}: twice"
        seen.add((row["name"], row["country"]))
        assert row["country"] not in {e.country for e in kb.lookup(row["name"])}, f"{where}: same as the default"
    assert len(kb.readings) == len(readings)


def test_every_place_of_a_state_born_since_1990_has_its_earlier_state(places, kb) -> None:
    # A town of Kosovo, Eritrea or South Sudan mentioned before independence was in the state it left.
    earlier = {"SSD": ("SDN", "2011-07-09"), "ERI": ("ETH", "1993-05-24"), "XKX": ("SRB", "2008-02-17")}
    for row in places:
        if row["country"] in earlier and row["kind"] != "people":
            state, independence = earlier[row["country"]]
            dated = [(r.country, r.before.isoformat()) for r in kb.readings_of(row["name"]) if r.before]
            assert dated == [(state, independence)], row["name"]


def test_lookup_on_a_date_gives_the_state_of_that_date(kb) -> None:
    assert [(e.key, e.matched_field, e.sector) for e in kb.lookup("Juba", "2005-01-09")] == [("SDN", PLACE_FIELD, None)]
    assert [(e.key, e.matched_field, e.sector) for e in kb.lookup("Juba", "2011-07-09")] == [("SSD", "capital", "GOV")]
    assert [e.key for e in kb.lookup("Prishtina", "1999-03-24")] == ["SRB"]
    assert [e.key for e in kb.lookup("Mitrovica", "2008-02-17")] == ["XKX"]
    # Without a date and without a text the knowledge base's own reading stands.
    assert [e.key for e in kb.lookup("Juba")] == ["SSD"]
    assert [e.key for e in kb.lookup("Tripoli", "1984-01-01")] == ["LBY"]


def test_user_folder_can_add_and_replace_readings(tmp_path: Path) -> None:
    (tmp_path / "place_readings.csv").write_text(
        "name,aliases,country,before,cues,note\n"
        "Gyumri,,RUS,1991-09-21,,test: Soviet Armenia coded to the USSR's successor\n"
        "Tripoli,,LBN,,Mina,test: only this cue points at Lebanon\n",
        encoding="utf-8",
    )
    (tmp_path / "places.csv").write_text("name,aliases,country,kind,note\nGyumri,Leninakan,ARM,city,test\n",
                                         encoding="utf-8")
    kb = load_kb(user_dir=tmp_path)
    assert [e.key for e in kb.lookup("Leninakan", "1988-12-07")] == ["RUS"]
    assert [e.key for e in kb.lookup("Gyumri", "1992-01-01")] == ["ARM"]
    [tripoli] = kb.readings_of("Tripoli")
    assert (tripoli.country, tripoli.cues) == ("LBN", ("Mina",))


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"name": "Atlantis", "country": "ARM"}, "names no state or place"),
        ({"name": "Yerevan", "country": "ARM"}, "already stands for ARM"),
        ({"name": "Yerevan", "country": "ZZZ"}, "not in the countries table"),
        ({"name": "Yerevan", "country": "RUS", "before": "1991-13-01"}, "before"),
    ],
)
def test_bad_readings_are_rejected(row: dict[str, str], message: str) -> None:
    russia = {"iso3": "RUS", "iso2": "RU", "name": "Russia", "_where": "countries.csv, line 3"}
    tables = _tiny_tables()
    tables["countries"].append(russia)
    tables["place_readings"] = [{**row, "_where": "place_readings.csv, line 2"}]
    with pytest.raises(KnowledgeBaseError, match=message) as raised:
        build_kb(tables)
    assert "place_readings.csv, line 2" in str(raised.value)


def _country_of(kb, spacy_nlp, place: str, *sentences: str, date: str | None = None) -> str | None:
    """The country the resolver gives the last mention of ``place`` in an article made of ``sentences``."""
    resolver = ActorResolver(kb, article_date=date)
    found = [a for text in sentences for a in resolver.resolve(spacy_nlp(text), 0) if place in a.text]
    assert found, f"{place!r} not resolved"
    return found[-1].country


def test_an_ambiguous_name_keeps_its_usual_state_without_a_pointer(kb, spacy_nlp) -> None:
    assert _country_of(kb, spacy_nlp, "Tripoli", "Gunmen fought for control of the airport road in Tripoli.") == "LBY"
    assert _country_of(kb, spacy_nlp, "Georgetown", "The opposition marched through Georgetown on Friday.") == "GUY"


def test_the_sentence_can_point_at_the_other_state(kb, spacy_nlp) -> None:
    text = "Army units deployed in Tripoli after a week of sniper fire between Lebanese neighbourhoods."
    assert _country_of(kb, spacy_nlp, "Tripoli", text) == "LBN"
    text = "Protesters gathered in Georgetown, the capital of Penang, to oppose the new tax."
    assert _country_of(kb, spacy_nlp, "Georgetown", text) == "MYS"
    text = "Pakistani police arrested twelve activists in Hyderabad after riots in Sindh."
    assert _country_of(kb, spacy_nlp, "Hyderabad", text) == "PAK"


def test_naming_both_states_keeps_the_usual_reading(kb, spacy_nlp) -> None:
    text = "Libyan and Lebanese envoys met in Tripoli to discuss the missing cleric."
    assert _country_of(kb, spacy_nlp, "Tripoli", text) == "LBY"


def test_the_rest_of_the_article_can_point_at_the_other_state(kb, spacy_nlp) -> None:
    first = "Lebanon's army sent reinforcements north on Monday."
    second = "Snipers killed three people in Tripoli overnight."
    assert _country_of(kb, spacy_nlp, "Tripoli", first, second) == "LBN"
    assert _country_of(kb, spacy_nlp, "Tripoli", "Libya's army sent reinforcements west on Monday.", second) == "LBY"


def test_a_reading_with_explicit_cues_ignores_a_mere_mention_of_its_state(kb, spacy_nlp) -> None:
    # Greece is named in most stories about its neighbour's name; only a phrase such as "northern Greece" moves
    # "Macedonia" to the Greek region.
    text = "Greece blocked talks on Macedonia joining the alliance."
    assert _country_of(kb, spacy_nlp, "Macedonia", text) == "MKD"
    text = "Farmers blocked highways across Macedonia in northern Greece to protest fuel prices."
    assert _country_of(kb, spacy_nlp, "Macedonia", text) == "GRC"


def test_a_place_is_in_the_state_it_belonged_to_on_the_article_date(kb, spacy_nlp) -> None:
    text = "Rebel artillery hit the airport in Juba on Tuesday."
    assert _country_of(kb, spacy_nlp, "Juba", text, date="2004-06-01") == "SDN"
    assert _country_of(kb, spacy_nlp, "Juba", text, date="2014-06-01") == "SSD"
    text = "Serbian police sealed off Pristina after the protest."
    assert _country_of(kb, spacy_nlp, "Pristina", text, date="1998-03-02") == "SRB"
    assert _country_of(kb, spacy_nlp, "Pristina", text, date="2012-03-02") == "XKX"
    assert _country_of(kb, spacy_nlp, "Asmara", "Guerrillas shelled Asmara.", date="1990-02-10") == "ETH"


def test_after_the_date_a_pointer_to_the_old_state_does_not_move_the_place_back(kb, spacy_nlp) -> None:
    text = "A Sudanese delegation flew to Juba for talks on oil transit fees."
    assert _country_of(kb, spacy_nlp, "Juba", text, date="2013-01-05") == "SSD"


def test_without_a_date_the_text_decides_a_dated_place(kb, spacy_nlp) -> None:
    assert _country_of(kb, spacy_nlp, "Juba", "Sudanese army units withdrew from Juba.") == "SDN"
    assert _country_of(kb, spacy_nlp, "Juba", "Rebel artillery hit the airport in Juba.") == "SSD"
