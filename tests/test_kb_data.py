"""Checks on the actor knowledge-base data files (countries, IGOs, armed groups, parties).

These read the CSVs with the `csv` module directly, so they test the data itself, independent of the loader.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

import pytest

DATA_DIR = Path(__file__).resolve().parents[1] / "src" / "blocwatch" / "actors" / "data"

COUNTRY_COLUMNS = [
    "iso3", "iso2", "name", "short_names", "former_names", "adjectives", "demonyms",
    "capital", "seats_of_power", "armed_forces", "legislature", "government_names",
]  # fmt: skip
IGO_COLUMNS = ["code", "name", "acronyms", "aliases", "kind", "headquarters", "sector", "founded"]
GROUP_COLUMNS = ["name", "aliases", "country", "sector", "kind", "note"]
PARTY_COLUMNS = ["name", "aliases", "country", "sector", "role", "note"]

# Columns whose cells hold several `|`-separated surface forms.
COUNTRY_SURFACE_COLUMNS = COUNTRY_COLUMNS[2:]
IGO_SURFACE_COLUMNS = ["name", "acronyms", "aliases"]
GROUP_SURFACE_COLUMNS = ["name", "aliases"]
PARTY_SURFACE_COLUMNS = ["name", "aliases"]

# PLOVER sector codes (PLOVER manual, "Sector Codes" table).
PLOVER_SECTORS = {
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS", "CRM",
    "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC",
}  # fmt: skip
IGO_KINDS = {"igo", "alliance", "bloc", "court", "agency", "ngo", "forum"}

# The 193 member states of the United Nations, as ISO 3166-1 alpha-3 codes.
UN_MEMBERS = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN BGR BFA BDI
CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI
EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA
JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM
MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR
MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE
SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split()

TRICKY_CODES = [
    "ROU", "SRB", "MNE", "COD", "COG", "PRK", "KOR", "SSD", "TLS", "XKX", "PSE", "TWN", "MKD", "SWZ", "CIV",
    "CPV", "MMR", "ARM", "AZE", "GEO", "KAZ", "KGZ", "TJK", "UZB", "TKM", "BLR", "RUS", "UKR", "MDA", "VAT",
]  # fmt: skip

REQUIRED_IGOS = {
    # surface form a reader would use -> the code it must resolve to
    "UN": "UN", "EU": "EU", "NATO": "NATO", "CSTO": "CSTO", "CIS": "CIS", "EAEU": "EAEU", "SCO": "SCO",
    "OSCE": "OSCE", "AU": "AU", "ASEAN": "ASEAN", "Arab League": "ARAB_LEAGUE", "GCC": "GCC", "OPEC": "OPEC",
    "G7": "G7", "G20": "G20", "IMF": "IMF", "World Bank": "WORLD_BANK", "WTO": "WTO", "IAEA": "IAEA",
    "ICC": "ICC", "BRICS": "BRICS",
}  # fmt: skip


def read_rows(file_name: str, expected_columns: list[str]) -> list[dict[str, str]]:
    path = DATA_DIR / file_name
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == expected_columns, f"{file_name}: unexpected header {reader.fieldnames}"
        rows = list(reader)
    for line_number, row in enumerate(rows, start=2):
        # DictReader puts surplus cells under None and fills missing ones with None.
        assert None not in row and None not in row.values(), f"{file_name}:{line_number}: wrong cell count"
    return rows


def items(cell: str) -> list[str]:
    return cell.split("|") if cell else []


@pytest.fixture(scope="module")
def countries() -> list[dict[str, str]]:
    return read_rows("countries.csv", COUNTRY_COLUMNS)


@pytest.fixture(scope="module")
def countries_by_iso3(countries: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    return {row["iso3"]: row for row in countries}


@pytest.fixture(scope="module")
def igos() -> list[dict[str, str]]:
    return read_rows("igos.csv", IGO_COLUMNS)


@pytest.fixture(scope="module")
def groups() -> list[dict[str, str]]:
    return read_rows("armed_groups.csv", GROUP_COLUMNS)


@pytest.fixture(scope="module")
def parties() -> list[dict[str, str]]:
    return read_rows("parties.csv", PARTY_COLUMNS)


@pytest.mark.parametrize(
    ("file_name", "columns"),
    [
        ("countries.csv", COUNTRY_COLUMNS), ("igos.csv", IGO_COLUMNS), ("armed_groups.csv", GROUP_COLUMNS),
        ("parties.csv", PARTY_COLUMNS),
    ],
)  # fmt: skip
def test_cells_are_clean(file_name: str, columns: list[str]) -> None:
    problems = []
    for line_number, row in enumerate(read_rows(file_name, columns), start=2):
        for column, cell in row.items():
            if cell != cell.strip():
                problems.append(f"{line_number} {column}: surrounding spaces in {cell!r}")
            if "\n" in cell:
                problems.append(f"{line_number} {column}: line break in {cell!r}")
            if column == "note":
                continue
            for item in items(cell):
                if not item or item != item.strip():
                    problems.append(f"{line_number} {column}: empty or padded item in {cell!r}")
            if len(items(cell)) != len(set(items(cell))):
                problems.append(f"{line_number} {column}: repeated item in {cell!r}")
    assert not problems, f"{file_name}: " + "; ".join(problems)


def test_country_codes_are_well_formed_and_unique(countries: list[dict[str, str]]) -> None:
    iso3_codes = [row["iso3"] for row in countries]
    iso2_codes = [row["iso2"] for row in countries]
    assert all(re.fullmatch(r"[A-Z]{3}", code) for code in iso3_codes)
    assert all(re.fullmatch(r"[A-Z]{2}", code) for code in iso2_codes)
    assert len(set(iso3_codes)) == len(iso3_codes)
    assert len(set(iso2_codes)) == len(iso2_codes)
    assert all(row["name"] for row in countries)


def test_all_un_members_and_tricky_codes_present(countries_by_iso3: dict[str, dict[str, str]]) -> None:
    assert len(UN_MEMBERS) == 193 and len(set(UN_MEMBERS)) == 193
    assert len(countries_by_iso3) >= 195
    missing = sorted(set(UN_MEMBERS) - set(countries_by_iso3))
    assert not missing, f"UN members missing: {missing}"
    assert not [code for code in TRICKY_CODES if code not in countries_by_iso3]
    # Codes that are easy to get wrong from memory or from CAMEO-era data.
    for wrong_code in ("ROM", "YUG", "ZAR", "TMP", "BUR", "JAP", "ITL", "KOS", "SUN"):
        assert wrong_code not in countries_by_iso3


@pytest.mark.parametrize(
    ("iso3", "iso2", "name"),
    [
        ("ROU", "RO", "Romania"), ("SRB", "RS", "Serbia"), ("MNE", "ME", "Montenegro"), ("COD", "CD", "DR Congo"),
        ("COG", "CG", "Republic of the Congo"), ("PRK", "KP", "North Korea"), ("KOR", "KR", "South Korea"),
        ("SSD", "SS", "South Sudan"), ("TLS", "TL", "Timor-Leste"), ("XKX", "XK", "Kosovo"),
        ("PSE", "PS", "Palestine"), ("TWN", "TW", "Taiwan"), ("MKD", "MK", "North Macedonia"),
        ("SWZ", "SZ", "Eswatini"), ("GBR", "GB", "United Kingdom"), ("CHE", "CH", "Switzerland"),
        ("DEU", "DE", "Germany"), ("ARE", "AE", "United Arab Emirates"), ("AUT", "AT", "Austria"),
        ("AUS", "AU", "Australia"), ("SVK", "SK", "Slovakia"), ("SVN", "SI", "Slovenia"),
    ],
)  # fmt: skip
def test_code_name_pairs(
    countries_by_iso3: dict[str, dict[str, str]], iso3: str, iso2: str, name: str
) -> None:
    row = countries_by_iso3[iso3]
    assert (row["iso2"], row["name"]) == (iso2, name)


@pytest.mark.parametrize(
    ("iso3", "column", "expected"),
    [
        ("ARM", "capital", "Yerevan"),
        ("RUS", "seats_of_power", "the Kremlin"),
        ("USA", "seats_of_power", "the White House"),
        ("AZE", "adjectives", "Azerbaijani"),
        ("AZE", "adjectives", "Azeri"),
        ("USA", "adjectives", "American"),
        ("GBR", "demonyms", "Britons"),
        ("UKR", "capital", "Kyiv"),
        ("UKR", "capital", "Kiev"),
        ("RUS", "former_names", "Soviet Union"),
        ("RUS", "former_names", "USSR"),
        ("RUS", "short_names", "Russian Federation"),
        ("RUS", "legislature", "State Duma"),
        ("MMR", "former_names", "Burma"),
        ("SWZ", "former_names", "Swaziland"),
        ("COD", "former_names", "Zaire"),
        ("SRB", "former_names", "Yugoslavia"),
        ("CZE", "former_names", "Czechoslovakia"),
        ("MKD", "former_names", "FYROM"),
        ("ISR", "armed_forces", "IDF"),
        ("CHN", "armed_forces", "People's Liberation Army"),
        ("DEU", "armed_forces", "Bundeswehr"),
        ("ARM", "armed_forces", "Armed Forces of Armenia"),
        ("ISR", "legislature", "Knesset"),
        ("UKR", "legislature", "Verkhovna Rada"),
        ("AZE", "legislature", "Milli Majlis"),
        ("ARE", "adjectives", "Emirati"),
        ("NLD", "adjectives", "Dutch"),
        ("KOR", "seats_of_power", "the Blue House"),
        ("CHN", "seats_of_power", "Zhongnanhai"),
        ("FRA", "seats_of_power", "Quai d'Orsay"),
        ("GBR", "seats_of_power", "Downing Street"),
        ("TUR", "short_names", "Türkiye"),
        ("KAZ", "capital", "Astana"),
        ("BDI", "capital", "Gitega"),
    ],
)
def test_specific_country_facts(
    countries_by_iso3: dict[str, dict[str, str]], iso3: str, column: str, expected: str
) -> None:
    assert expected in items(countries_by_iso3[iso3][column])


def test_generic_words_are_not_country_names(countries: list[dict[str, str]]) -> None:
    # A bare generic word as a name, capital or metonym would tag ordinary prose as a state.
    forbidden = {
        "Parliament",
        "Government",
        "Ministry",
        "Foreign Ministry",
        "National Assembly",
        "Army",
        "Navy",
    }
    for row in countries:
        for column in COUNTRY_SURFACE_COLUMNS:
            clash = forbidden & set(items(row[column]))
            assert not clash, f"{row['iso3']} {column}: generic {clash}"


def test_no_surface_form_names_two_countries(countries: list[dict[str, str]]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for row in countries:
        for column in COUNTRY_SURFACE_COLUMNS:
            for form in items(row[column]):
                owners[form.casefold()].add(row["iso3"])
    shared = {form: sorted(codes) for form, codes in owners.items() if len(codes) > 1}
    assert not shared, f"surface forms claimed by several countries: {shared}"


def test_igo_rows(igos: list[dict[str, str]]) -> None:
    assert len(igos) >= 80
    codes = [row["code"] for row in igos]
    assert len(set(codes)) == len(codes)
    for row in igos:
        assert re.fullmatch(r"[A-Z0-9_]+", row["code"]), row["code"]
        assert row["name"], row["code"]
        assert row["kind"] in IGO_KINDS, (row["code"], row["kind"])
        assert row["sector"] in PLOVER_SECTORS, (row["code"], row["sector"])
        assert re.fullmatch(r"\d{4}", row["founded"]) and 1800 <= int(row["founded"]) <= 2026, row["code"]


def test_required_igos_found_by_acronym_or_alias(igos: list[dict[str, str]]) -> None:
    codes_by_form: dict[str, set[str]] = defaultdict(set)
    for row in igos:
        for column in IGO_SURFACE_COLUMNS:
            for form in items(row[column]):
                codes_by_form[form].add(row["code"])
    for form, code in REQUIRED_IGOS.items():
        assert codes_by_form.get(form) == {code}, f"{form!r} -> {codes_by_form.get(form)}, expected {code}"


@pytest.mark.parametrize(
    ("form", "code"),
    [
        ("Collective Security Treaty Organisation", "CSTO"), ("ODKB", "CSTO"), ("EEU", "EAEU"),
        ("EU Monitoring Mission in Armenia", "EUMA"), ("Minsk Group", "OSCE_MINSK_GROUP"),
        ("League of Arab States", "ARAB_LEAGUE"), ("Atlantic Alliance", "NATO"), ("OPEC+", "OPEC_PLUS"),
        ("Security Council", "UNSC"), ("Doctors Without Borders", "MSF"), ("Red Cross", "ICRC"),
        ("Turkic Council", "OTS"), ("Union State", "UNION_STATE"), ("Warsaw Pact", "WARSAW_PACT"),
    ],
)  # fmt: skip
def test_igo_aliases(igos: list[dict[str, str]], form: str, code: str) -> None:
    holders = {row["code"] for row in igos for column in IGO_SURFACE_COLUMNS if form in items(row[column])}
    assert holders == {code}


def test_no_surface_form_names_two_igos(igos: list[dict[str, str]]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for row in igos:
        for column in IGO_SURFACE_COLUMNS:
            for form in items(row[column]):
                owners[form.casefold()].add(row["code"])
    assert not {form: codes for form, codes in owners.items() if len(codes) > 1}


def test_armed_groups(groups: list[dict[str, str]], countries_by_iso3: dict[str, dict[str, str]]) -> None:
    assert len(groups) >= 60
    names = [row["name"] for row in groups]
    assert len(set(names)) == len(names)
    for row in groups:
        # "IGO": a network of many countries, as CAMEO's international militarized groups (al-Qaeda's centre)
        assert row["country"] in countries_by_iso3 or row["country"] == "IGO", (
            f"{row['name']}: unknown country {row['country']!r}")
        assert row["sector"] in PLOVER_SECTORS, (row["name"], row["sector"])
        assert row["kind"] == "group", row["name"]
        assert row["note"], f"{row['name']}: note is empty"


def test_no_surface_form_names_two_groups(groups: list[dict[str, str]]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for row in groups:
        for column in GROUP_SURFACE_COLUMNS:
            for form in items(row[column]):
                owners[form.casefold()].add(row["name"])
    assert not {form: names for form, names in owners.items() if len(names) > 1}


@pytest.mark.parametrize(
    ("form", "name", "country"),
    [
        ("ISIS", "Islamic State", "SYR"), ("Daesh", "Islamic State", "SYR"), ("Hizbollah", "Hezbollah", "LBN"),
        ("Ansar Allah", "Houthis", "YEM"), ("PMC Wagner", "Wagner Group", "RUS"), ("HTS", "Hayat Tahrir al-Sham", "SYR"),
        ("Artsakh Defense Army", "Karabakh Defense Army", "AZE"), ("DPR", "Donetsk People's Republic", "UKR"),
        ("RSF", "Rapid Support Forces", "SDN"), ("Pakistani Taliban", "TTP", "PAK"), ("Al-Shabaab", "al-Shabaab", "SOM"),
    ],
)  # fmt: skip
def test_group_aliases(groups: list[dict[str, str]], form: str, name: str, country: str) -> None:
    matches = [row for row in groups if form == row["name"] or form in items(row["aliases"])]
    assert [(row["name"], row["country"]) for row in matches] == [(name, country)]


def test_no_surface_form_shared_across_files(
    countries: list[dict[str, str]],
    igos: list[dict[str, str]],
    groups: list[dict[str, str]],
    parties: list[dict[str, str]],
) -> None:
    # One string, one actor: a form listed for a state and for a group would make resolution a coin toss.
    owners: dict[str, set[str]] = defaultdict(set)
    for row in countries:
        for column in COUNTRY_SURFACE_COLUMNS:
            for form in items(row[column]):
                owners[form.casefold()].add(f"state:{row['iso3']}")
    for row in igos:
        for column in IGO_SURFACE_COLUMNS:
            for form in items(row[column]):
                owners[form.casefold()].add(f"igo:{row['code']}")
    for row in groups:
        for column in GROUP_SURFACE_COLUMNS:
            for form in items(row[column]):
                owners[form.casefold()].add(f"group:{row['name']}")
    for row in parties:
        for column in PARTY_SURFACE_COLUMNS:
            for form in items(row[column]):
                # Parties of different states may share a name ("Labour Party"): they count as one owner here.
                owners[form.casefold()].add("party")
    shared = {form: sorted(ids) for form, ids in owners.items() if len(ids) > 1}
    assert not shared, f"surface forms claimed by several actors: {shared}"


# -- parties ----------------------------------------------------------------------------------------------------

PARTY_ROLES = {"government", "opposition", "both", ""}

# States whose main parties the table must cover: G20 (but Saudi Arabia, which has none), EU, NATO, past and
# present CSTO members, the South Caucasus and Central Asia, and a spread of large states elsewhere.
PARTY_STATES = """
ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS ZAF TUR GBR USA
AUT BEL BGR HRV CYP CZE DNK EST FIN GRC HUN IRL LVA LTU LUX MLT NLD POL PRT ROU SVK SVN ESP SWE
ALB ISL MNE MKD NOR
ARM AZE GEO BLR KAZ KGZ TJK UZB TKM UKR MDA
ISR PSE LBN SYR IRQ IRN EGY TUN DZA MAR YEM
NGA ETH KEN TZA UGA COD ZWE AGO MOZ GHA SEN SDN
PAK BGD LKA NPL MMR THA MYS PHL VNM TWN PRK KHM
COL VEN PER CHL BOL ECU URY PRY NIC SLV CUB
""".split()

# Acronyms left out on purpose because they name something else as often (see SOURCES.md).
LEFT_OUT_ACRONYMS = [
    "PTI", "PPP", "BNP", "NDP", "APC", "PDP", "NPP", "NDC", "PAS", "PT", "DA", "EFF", "PAP", "DPP", "RPG", "UDA",
    "MK", "PCR", "NCP", "CPI", "RSS", "SVP", "DSS", "ITN", "RAF", "NRA", "FACT", "USC", "EPL", "AQI", "PLC",
]  # fmt: skip


def test_parties(parties: list[dict[str, str]], countries_by_iso3: dict[str, dict[str, str]]) -> None:
    assert len(parties) >= 400
    keys = [(row["name"], row["country"]) for row in parties]
    assert len(set(keys)) == len(keys), "a (name, country) pair is the key of a party row"
    for row in parties:
        assert row["country"] in countries_by_iso3, f"{row['name']}: unknown country {row['country']!r}"
        assert row["sector"] in {"PTY", "LAB"}, (row["name"], row["sector"])
        assert row["role"] in PARTY_ROLES, (row["name"], row["role"])
        assert row["note"], f"{row['name']}: note is empty"
    missing = sorted(set(PARTY_STATES) - {row["country"] for row in parties})
    assert not missing, f"states without a party: {missing}"


def test_no_surface_form_names_two_parties_of_one_state(parties: list[dict[str, str]]) -> None:
    # Parties of different states may share a name; the resolver tells them apart by the state the text names.
    # Two parties of one state with a shared form could never be told apart.
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in parties:
        for column in PARTY_SURFACE_COLUMNS:
            for form in items(row[column]):
                owners[(form.casefold(), row["country"])].add(row["name"])
    assert not {key: names for key, names in owners.items() if len(names) > 1}


def test_ambiguous_acronyms_are_left_out(parties: list[dict[str, str]], groups: list[dict[str, str]]) -> None:
    forms = {form for row in (*parties, *groups) for column in ("name", "aliases") for form in items(row[column])}
    assert not sorted(set(LEFT_OUT_ACRONYMS) & forms)


@pytest.mark.parametrize(
    ("form", "country"),
    [
        ("ANC", "ZAF"), ("BJP", "IND"), ("Likud", "ISR"), ("Civil Contract", "ARM"), ("Homeland Union", "LTU"),
        ("PRI", "MEX"), ("AKP", "TUR"), ("Fidesz", "HUN"), ("Kuomintang", "TWN"), ("KMT", "TWN"),
        ("Sandinista National Liberation Front", "NIC"), ("FSLN", "NIC"), ("Georgian Dream", "GEO"),
        ("United Russia", "RUS"), ("ZANU-PF", "ZWE"), ("CCP", "CHN"), ("Dashnaktsutyun", "ARM"),
    ],
)  # fmt: skip
def test_party_aliases(parties: list[dict[str, str]], form: str, country: str) -> None:
    matches = [row for row in parties if form == row["name"] or form in items(row["aliases"])]
    assert [row["country"] for row in matches] == [country]


@pytest.mark.parametrize(
    ("form", "country"),
    [
        ("UNITA", "AGO"), ("RENAMO", "MOZ"), ("RUF", "SLE"), ("SPLM", "SSD"), ("NPFL", "LBR"), ("FMLN", "SLV"),
        ("Contras", "NIC"), ("Khmer Rouge", "KHM"), ("CNDD-FDD", "BDI"), ("LURD", "LBR"), ("MFDC", "SEN"),
        ("ONLF", "ETH"), ("RPF", "RWA"), ("Red Brigades", "ITA"),
    ],
)  # fmt: skip
def test_historical_armed_groups(groups: list[dict[str, str]], form: str, country: str) -> None:
    matches = [row for row in groups if form == row["name"] or form in items(row["aliases"])]
    assert [row["country"] for row in matches] == [country]
