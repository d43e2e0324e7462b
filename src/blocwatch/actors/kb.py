"""The actor knowledge base: states, intergovernmental organisations, armed groups, parties and office holders.

The package ships the tables in ``actors/data``; a user folder (``blocwatch.config.user_data_dir()``) may hold
files with the same names and columns (CSV) or the same rows as YAML (a list of row dicts under the file's stem,
e.g. ``countries: [...]``). A user row whose key equals a shipped row's key replaces the fields it names; other
user rows are added.

Every name, short name, adjective, demonym, capital, acronym and alias goes into one dictionary keyed by a
normalised form of the name, so finding mentions in a parsed sentence is a handful of dictionary look-ups per
token rather than a scan over the tables.
"""

from __future__ import annotations

import csv
import datetime as dt
import logging
import re
import unicodedata
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

PACKAGE_DATA_DIR = Path(__file__).parent / "data"

COUNTRY_COLUMNS = (
    "iso3", "iso2", "name", "short_names", "former_names", "adjectives", "demonyms", "capital",
    "seats_of_power", "armed_forces", "legislature", "government_names",
)  # fmt: skip
ORG_COLUMNS = ("code", "name", "acronyms", "aliases", "kind", "headquarters", "sector", "founded")
GROUP_COLUMNS = ("name", "aliases", "country", "sector", "kind", "note")
PARTY_COLUMNS = ("name", "aliases", "country", "sector", "role", "note")
PARTY_ROLES = frozenset({"government", "opposition", "both"})
OFFICE_COLUMNS = ("person_id", "name", "aliases", "country", "office", "title", "start", "end", "sector")
OFFICIAL_COLUMNS = (*OFFICE_COLUMNS, "org")
PLACE_COLUMNS = ("name", "aliases", "country", "kind", "note")
PLACE_KINDS = frozenset({"region", "city", "disputed", "island", "sea", "border", "people"})
# A word shorter than this is not read as a misspelled state name ("Chad" one letter off is too many things).
MISSPELLING_MIN_LENGTH = 6
# The IndexHit field of a sub-national place: it names its country but, unlike a capital, implies no sector.
PLACE_FIELD = "place"
# Other readings of a place name already in the knowledge base: another place of the same name in another state
# ("Tripoli" in Lebanon), or the state the same place belonged to before a date ("Juba" in Sudan before 2011).
READING_COLUMNS = ("name", "aliases", "country", "before", "cues", "note")

# Which column identifies a row, so that a user row can replace a shipped one.
TABLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "countries": (COUNTRY_COLUMNS, ("iso3",)),
    "igos": (ORG_COLUMNS, ("code",)),
    "armed_groups": (GROUP_COLUMNS, ("name",)),
    # Political parties and movements; two countries may have a party of the same name ("Labour Party").
    "parties": (PARTY_COLUMNS, ("name", "country")),
    "office_holders": (OFFICE_COLUMNS, ("person_id", "office", "start")),
    "officials": (OFFICIAL_COLUMNS, ("person_id", "office", "start")),
    # Heads of state and government since 1975 beyond office_holders.csv's 2000-on core, by region.
    "leaders_europe_americas_pacific": (OFFICE_COLUMNS, ("person_id", "office", "start")),
    "leaders_africa_asia": (OFFICE_COLUMNS, ("person_id", "office", "start")),
    # Regions, cities, disputed territories, islands, seas and crossings, each standing for one state.
    "places": (PLACE_COLUMNS, ("name",)),
    # A name can have one reading per other state; a user row with the same name and country replaces it.
    "place_readings": (READING_COLUMNS, ("name", "country")),
}
PEOPLE_TABLES = ("office_holders", "officials", "leaders_europe_americas_pacific", "leaders_africa_asia")

# Sector a country alias implies when it stands for the state ("Yerevan said", "the Duma voted").
FIELD_SECTORS: dict[str, str | None] = {
    "name": None,
    "short_names": None,
    "former_names": None,
    "adjectives": None,
    "demonyms": None,
    "capital": "GOV",
    "seats_of_power": "GOV",
    "armed_forces": "MIL",
    "legislature": "LEG",
    "government_names": "GOV",
}

_COUNTRY_CODE = re.compile(r"^(?:[A-Z]{3}|IGO)$")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "\u02bc": "'"})
_DASHES = re.compile(r"\s*[\u2010-\u2015\u2212-]\s*")
_SPACES = re.compile(r"\s+")

DateLike = dt.date | str | None

_LOG = logging.getLogger(__name__)


class KnowledgeBaseError(ValueError):
    """A knowledge-base file is malformed; the message names the file, the row and the problem."""


def normalize_name(text: str) -> str:
    """Case-, diacritics-, apostrophe- and dash-insensitive form of a name; a leading "the" is dropped."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.translate(_APOSTROPHES).casefold()
    plain = _DASHES.sub("-", plain)
    plain = _SPACES.sub(" ", plain).strip()
    if plain.startswith("the "):
        plain = plain[4:]
    return plain


# Letters that Unicode does not decompose to a Latin base letter ("Kılıç", "Łukasz", "Ørsted").
_LATIN_FOLDS = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ß": "ss", "æ": "ae",
                              "œ": "oe", "ə": "a"})


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", normalize_name(text).translate(_LATIN_FOLDS)).strip("-")


def parse_date(value: DateLike, *, end_of_period: bool = False) -> dt.date | None:
    """Accept a date, "YYYY-MM-DD", "YYYY-MM" or "YYYY"; a partial date stands for its first (or last) day."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    match = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", text)
    if not match:
        raise ValueError(f"not a date (expected YYYY-MM-DD): {value!r}")
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else (12 if end_of_period else 1)
    if match.group(3):
        return dt.date(year, month, int(match.group(3)))
    if not end_of_period:
        return dt.date(year, month, 1)
    next_month = dt.date(year + month // 12, month % 12 + 1, 1)
    return next_month - dt.timedelta(days=1)


def _split(cell: Any) -> list[str]:
    if cell is None:
        return []
    if isinstance(cell, list | tuple):
        return [str(v).strip() for v in cell if str(v).strip()]
    return [part.strip() for part in str(cell).split("|") if part.strip()]


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    name: str
    short_names: tuple[str, ...] = ()
    former_names: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capital: tuple[str, ...] = ()
    seats_of_power: tuple[str, ...] = ()
    armed_forces: tuple[str, ...] = ()
    legislature: tuple[str, ...] = ()
    government_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class Org:
    code: str
    name: str
    acronyms: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    kind: str = "igo"
    headquarters: str | None = None
    sector: str | None = None
    founded: str | None = None


@dataclass(frozen=True)
class ArmedGroup:
    group_id: str
    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    sector: str | None = "REB"
    kind: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Party:
    """A political party or movement ("Likud", "Homeland Union") and the state it is active in."""

    party_id: str
    name: str
    country: str
    aliases: tuple[str, ...] = ()
    sector: str = "PTY"
    role: str | None = None  # mainly "government", "opposition" or "both" since 1975
    note: str | None = None


@dataclass(frozen=True)
class Place:
    """A sub-national place ("West Bank", "Darfur", "Mosul") and the state event coding assigns it to."""

    place_id: str
    name: str
    country: str
    kind: str
    aliases: tuple[str, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class PlaceReading:
    """Another state a place name can stand for than the one the knowledge base gives it.

    Without ``before`` the name also denotes a different place ("Tripoli", Lebanon's northern port): the resolver
    takes this reading when the text points at ``country`` (see ``cues``). With ``before`` it is the same place
    under an earlier sovereign ("Juba" was in Sudan before 2011-07-09): the reading holds on every date before
    that day and never after it; when the date is unknown the text decides, as for a different place.
    """

    name: str
    country: str
    aliases: tuple[str, ...] = ()
    before: dt.date | None = None
    # Phrases that point at this reading. Empty: any mention of ``country`` (its names, adjectives, capital,
    # places, people) does. Set them where the other state is named for other reasons in most stories about
    # the place ("Greece" in nearly every story on Macedonia's name).
    cues: tuple[str, ...] = ()
    note: str | None = None
    where: str | None = field(default=None, compare=False)  # file and line, for error messages

    def holds_on(self, day: dt.date) -> bool:
        """Whether a dated reading holds on ``day``; an undated reading is never forced by the date."""
        return self.before is not None and day < self.before


@dataclass(frozen=True)
class Term:
    """One office held by one person from ``start`` to ``end`` (``end`` None: still in office)."""

    office: str
    title: str | None
    country: str | None
    start: dt.date | None
    end: dt.date | None
    sector: str | None
    org: str | None = None

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class Person:
    person_id: str
    name: str
    aliases: tuple[str, ...] = ()
    terms: list[Term] = field(default_factory=list)

    def terms_on(self, day: dt.date) -> list[Term]:
        return [term for term in self.terms if term.covers(day)]

    def term_on(self, day: DateLike) -> tuple[Term | None, bool]:
        """The office held on ``day`` and whether it is current; else the latest earlier one (current=False)."""
        when = parse_date(day) if day is not None else None
        if when is None:
            current = [term for term in self.terms if term.end is None]
            chosen = current or sorted(self.terms, key=lambda t: t.start or dt.date.min)[-1:]
            return (chosen[0] if chosen else None), bool(current)
        holding = self.terms_on(when)
        if holding:
            return _most_senior(holding), True
        earlier = [term for term in self.terms if term.end is not None and term.end < when]
        if earlier:
            return max(earlier, key=lambda t: t.end or dt.date.min), False
        return None, False

    @property
    def country(self) -> str | None:
        return self.terms[0].country if self.terms else None


_OFFICE_RANK = {"head_of_state": 0, "head_of_government": 1, "foreign_minister": 2, "defence_minister": 3}


def _most_senior(terms: list[Term]) -> Term:
    return min(terms, key=lambda t: _OFFICE_RANK.get(t.office, 9))


@dataclass(frozen=True)
class IndexHit:
    """One way a normalised name points at a knowledge-base record."""

    kind: str  # "country", "org", "group", "party" or "person"
    key: str  # iso3, org code, group id, party id or person_id
    field: str  # the column the name came from, e.g. "adjectives", "acronyms"
    alias: str  # the name as written in the table

    @property
    def is_acronym(self) -> bool:
        letters = [ch for ch in self.alias if ch.isalpha()]
        return bool(letters) and not any(ch.islower() for ch in letters)


@dataclass(frozen=True)
class Entry:
    """What ``KnowledgeBase.lookup`` returns: a record a name stands for, seen on a given date."""

    kind: str  # "country", "org", "group", "party" or "person"
    key: str
    name: str
    matched_field: str
    country: str | None
    sector: str | None
    org: str | None = None
    office: str | None = None
    title: str | None = None
    in_office: bool = False
    place: str | None = None  # the place's own name when a place name matched ("Darfur" -> Sudan)

    @property
    def actor_id(self) -> str:
        prefix = {"country": "state", "org": "igo", "group": "group", "party": "party", "person": "person"}[self.kind]
        if self.kind == "person" and self.key.startswith("person:"):
            return self.key
        return f"{prefix}:{self.key}"


class KnowledgeBase:
    def __init__(
        self,
        countries: Iterable[Country] = (),
        orgs: Iterable[Org] = (),
        groups: Iterable[ArmedGroup] = (),
        people: Iterable[Person] = (),
        places: Iterable[Place] = (),
        parties: Iterable[Party] = (),
        readings: Iterable[PlaceReading] = (),
    ) -> None:
        self.countries: dict[str, Country] = {c.iso3: c for c in countries}
        self.orgs: dict[str, Org] = {o.code: o for o in orgs}
        self.groups: dict[str, ArmedGroup] = {g.group_id: g for g in groups}
        self.people: dict[str, Person] = {p.person_id: p for p in people}
        self.parties: dict[str, Party] = {p.party_id: p for p in parties}
        self.places: dict[str, Place] = {p.place_id: p for p in places}
        self.readings: list[PlaceReading] = list(readings)
        # Normalised name -> the other readings of that name, dated ones first.
        self._readings_by_key: dict[str, list[PlaceReading]] = defaultdict(list)
        # Normalised place name or alias -> the place, to tell ``entry`` which place a hit came from.
        self._place_by_key: dict[str, Place] = {}
        # (place name, alias, what it would have shadowed): place names that lost to an existing record.
        self.shadowed_places: list[tuple[str, str, str]] = []
        self.index: dict[str, list[IndexHit]] = defaultdict(list)
        self._holders: dict[tuple[str, str], list[tuple[dt.date, dt.date | None, str]]] = defaultdict(list)
        # Last word of every person's name and aliases -> person ids ("Bouteflika" -> abdelaziz-bouteflika).
        self.surnames: dict[str, set[str]] = defaultdict(set)
        # One-word state names by key, built on the first misspelling looked up, and the answers given so far.
        self._state_word_hits: dict[str, list[IndexHit]] | None = None
        self._misspelled: dict[str, list[IndexHit]] = {}
        self._build_index()

    # -- building -------------------------------------------------------------------------------------------
    def _add(self, name: str, hit: IndexHit) -> None:
        for key in _index_keys(name):
            bucket = self.index[key]
            # "the Kremlin" and "Kremlin" are one name.
            if not any((h.kind, h.key, h.field) == (hit.kind, hit.key, hit.field) for h in bucket):
                bucket.append(hit)

    def _build_index(self) -> None:
        for country in self.countries.values():
            self._add(country.name, IndexHit("country", country.iso3, "name", country.name))
            for column in FIELD_SECTORS:
                if column == "name":
                    continue
                for alias in getattr(country, column):
                    self._add(alias, IndexHit("country", country.iso3, column, alias))
        for org in self.orgs.values():
            self._add(org.name, IndexHit("org", org.code, "name", org.name))
            self._add(org.code, IndexHit("org", org.code, "acronyms", org.code))
            for column in ("acronyms", "aliases"):
                for alias in getattr(org, column):
                    self._add(alias, IndexHit("org", org.code, column, alias))
        for group in self.groups.values():
            self._add(group.name, IndexHit("group", group.group_id, "name", group.name))
            for alias in group.aliases:
                self._add(alias, IndexHit("group", group.group_id, "aliases", alias))
        for party in self.parties.values():
            if party.country not in self.countries:
                raise KnowledgeBaseError(
                    f"party {party.name!r}: country {party.country!r} is not in the countries table"
                )
            self._add(party.name, IndexHit("party", party.party_id, "name", party.name))
            for alias in party.aliases:
                self._add(alias, IndexHit("party", party.party_id, "aliases", alias))
        for person in self.people.values():
            self._add(person.name, IndexHit("person", person.person_id, "name", person.name))
            for alias in person.aliases:
                self._add(alias, IndexHit("person", person.person_id, "aliases", alias))
            for written in (person.name, *person.aliases):
                for surname in _surname_keys(written):
                    self.surnames[surname].add(person.person_id)
            for term in person.terms:
                if term.country:
                    self._holders[(term.country, term.office)].append(
                        (term.start or dt.date.min, term.end, person.person_id)
                    )
        for spans in self._holders.values():
            spans.sort(key=lambda span: span[0])
        self._index_places()
        self._index_readings()
        # The resolver matches normalised keys, so the longest key bounds its scan window.
        self.max_alias_tokens = max((_token_count(key) for key in self.index), default=1)

    def _index_places(self) -> None:
        """Place names point at their country; indexed last so that they never shadow another record's name."""
        for place in self.places.values():
            if place.country not in self.countries:
                raise KnowledgeBaseError(
                    f"place {place.name!r}: country {place.country!r} is not in the countries table"
                )
            for alias in (place.name, *place.aliases):
                keys = list(_index_keys(alias))
                taken = [hit for key in keys for hit in self.index.get(key, []) if hit.field != PLACE_FIELD]
                if taken:
                    self.shadowed_places.append((place.name, alias, f"{taken[0].kind}:{taken[0].key}"))
                    continue
                self._add(alias, IndexHit("country", place.country, PLACE_FIELD, alias))
                for key in keys:
                    self._place_by_key.setdefault(key, place)
        if self.shadowed_places:
            _LOG.warning(
                "%d place name(s) skipped because they already name another record: %s",
                len(self.shadowed_places),
                ", ".join(f"{alias!r} ({what})" for _, alias, what in self.shadowed_places[:10]),
            )

    def _index_readings(self) -> None:
        """Attach each reading to its name's keys; the name must already stand for one state in the index."""
        for reading in self.readings:
            where = f"{reading.where or '?'}: reading of {reading.name!r}"
            if reading.country not in self.countries:
                raise KnowledgeBaseError(f"{where}: country {reading.country!r} is not in the countries table")
            place = self.place(reading.name)
            forms = (reading.name, *reading.aliases, *(place.aliases if place else ()))
            for form in forms:
                keys = list(_index_keys(form))
                states = {hit.key for key in keys for hit in self.index.get(key, []) if hit.kind == "country"}
                if not states:
                    raise KnowledgeBaseError(f"{where}: {form!r} names no state or place in the knowledge base")
                if reading.country in states:
                    raise KnowledgeBaseError(f"{where}: {form!r} already stands for {reading.country}")
                for key in keys:
                    bucket = self._readings_by_key[key]
                    if reading not in bucket:
                        bucket.append(reading)
                        # A dated reading is decided by the date before any text is read, so it comes first.
                        bucket.sort(key=lambda r: r.before is None)

    # -- queries --------------------------------------------------------------------------------------------
    def readings_of(self, name: str) -> list[PlaceReading]:
        """The other readings of a place name ("Tripoli" -> Lebanon), dated ones first; [] for most names."""
        return self._readings_by_key.get(normalize_name(name), [])

    def reading_hit(self, hit: IndexHit, reading: PlaceReading) -> IndexHit:
        """``hit`` read as ``reading``: a place in the reading's state, with no sector (it is not that capital)."""
        return IndexHit("country", reading.country, PLACE_FIELD, hit.alias)

    def hits(self, key: str) -> list[IndexHit]:
        """Raw index hits for an already normalised key (the resolver's fast path)."""
        return self.index.get(key, [])

    def lookup(self, name: str, on: DateLike = None) -> list[Entry]:
        """Every record ``name`` is a name of (case- and diacritics-insensitive), people with their office on ``on``."""
        key = normalize_name(name)
        found = self.index.get(key)
        if not found:
            for variant in _lookup_variants(key):
                found = self.index.get(variant)
                if found:
                    key = variant
                    break
        day = parse_date(on)
        found = found or []
        if day is not None:
            # On a date a dated reading holds, the place was in another state ("Juba" in 2005 -> Sudan).
            dated = next((r for r in self._readings_by_key.get(key, []) if r.holds_on(day)), None)
            if dated is not None:
                found = [self.reading_hit(hit, dated) if hit.kind == "country" else hit for hit in found]
        entries = [self.entry(hit, day) for hit in found]
        # People in office on the date come before namesakes who are not.
        entries.sort(key=lambda e: e.kind == "person" and not e.in_office)
        return entries

    def entry(self, hit: IndexHit, day: dt.date | None = None) -> Entry:
        if hit.kind == "country":
            country = self.countries[hit.key]
            place = self._place_by_key.get(normalize_name(hit.alias)) if hit.field == PLACE_FIELD else None
            return Entry(
                "country",
                hit.key,
                country.name,
                hit.field,
                hit.key,
                # A people ("the Yoruba") is civilians of its state, never its government.
                "CVL" if place is not None and place.kind == "people" else FIELD_SECTORS.get(hit.field),
                # A reading of a capital ("Tripoli" in Lebanon) has no place row: the name as written stands in.
                place=place.name if place else hit.alias if hit.field == PLACE_FIELD else None,
            )
        if hit.kind == "org":
            org = self.orgs[hit.key]
            return Entry("org", hit.key, org.name, hit.field, "IGO", org.sector or None, org=org.code)
        if hit.kind == "group":
            group = self.groups[hit.key]
            return Entry("group", hit.key, group.name, hit.field, group.country, group.sector)
        if hit.kind == "party":
            party = self.parties[hit.key]
            return Entry("party", hit.key, party.name, hit.field, party.country, party.sector)
        person = self.people[hit.key]
        term, current = person.term_on(day)
        return Entry(
            "person",
            person.person_id,
            person.name,
            hit.field,
            term.country if term else person.country,
            term.sector if term else None,
            org=term.org if term else None,
            office=term.office if term else None,
            title=term.title if term else None,
            in_office=current,
        )

    def people_named(self, name: str) -> list[Person]:
        """People whose surname is the last word of ``name`` and, if it has more words, whose first word fits."""
        words = normalize_name(name).split()
        if not words:
            return []
        found = [self.people[pid] for pid in sorted(self.surnames.get(words[-1], ()))]
        if len(words) >= 2:
            found = [
                person
                for person in found
                if any(
                    normalize_name(written).split()[0] == words[0]
                    for written in (person.name, *person.aliases)
                )
            ]
        return found

    def people_misspelled(self, name: str, min_length: int = 6) -> list[Person]:
        """People whose surname is one letter off the last word of ``name`` ("Mitterand" -> Mitterrand).

        Only surnames of at least ``min_length`` letters are compared; with more words the first must fit exactly.
        """
        words = normalize_name(name).split()
        if not words or len(words[-1]) < min_length:
            return []
        last = words[-1]
        ids = {
            pid
            for surname, pids in self.surnames.items()
            if len(surname) >= min_length and surname != last and _one_edit_apart(surname, last)
            for pid in pids
        }
        found = [self.people[pid] for pid in sorted(ids)]
        if len(words) >= 2:
            found = [
                person
                for person in found
                if any(normalize_name(written).split()[0] == words[0] for written in (person.name, *person.aliases))
            ]
        return found

    def states_misspelled(self, word: str) -> list[IndexHit]:
        """The hits of the one state whose one-word name, adjective or demonym is a letter off ``word``
        ("Afganistan" -> Afghanistan, "Ethopia" -> Ethiopia); [] when none or several are."""
        key = normalize_name(word)
        if len(key) < MISSPELLING_MIN_LENGTH or " " in key or key in self.index:
            return []
        if key not in self._misspelled:  # the resolver asks for every unknown capitalised word
            found = [hits for alias_key, hits in self._state_words().items() if _one_edit_apart(alias_key, key)]
            states = {hit.key for hits in found for hit in hits}
            self._misspelled[key] = found[0] if len(states) == 1 and len(found) == 1 else []
        return self._misspelled[key]

    def _state_words(self) -> dict[str, list[IndexHit]]:
        """One-word names of states (not of their places) long enough to be misspelled, built on first use."""
        if self._state_word_hits is None:
            self._state_word_hits = {}
            for alias_key, hits in self.index.items():
                states = [hit for hit in hits if hit.kind == "country" and hit.field != PLACE_FIELD]
                if states and " " not in alias_key and len(alias_key) >= MISSPELLING_MIN_LENGTH - 1:
                    self._state_word_hits[alias_key] = states
        return self._state_word_hits

    def office_holder(self, country: str, office: str, on: DateLike) -> Person | None:
        """Who held ``office`` in ``country`` on the date, e.g. ("ARM", "head_of_government", "2017-05-01")."""
        day = parse_date(on)
        if day is None:
            raise ValueError("office_holder needs a date")
        spans = self._holders.get((country.upper(), office), [])
        position = bisect_right([span[0] for span in spans], day)
        for start, end, person_id in reversed(spans[:position]):
            if start <= day and (end is None or day <= end):
                return self.people[person_id]
        return None

    def person(self, person_id: str) -> Person | None:
        return self.people.get(person_id.removeprefix("person:"))

    def country(self, iso3: str) -> Country | None:
        return self.countries.get(iso3.upper())

    def org(self, code: str) -> Org | None:
        return self.orgs.get(code) or self.orgs.get(code.upper())

    def group(self, group_id: str) -> ArmedGroup | None:
        return self.groups.get(group_id)

    def party(self, party_id: str) -> Party | None:
        return self.parties.get(party_id.removeprefix("party:"))

    def place(self, name: str) -> Place | None:
        """The place ``name`` (or one of its aliases) names, e.g. "Deraa" -> Daraa in Syria."""
        return self._place_by_key.get(normalize_name(name))


def _one_edit_apart(a: str, b: str) -> bool:
    """Whether one letter inserted, deleted or replaced turns ``a`` into ``b`` (a != b)."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    for i in range(len(long_)):
        if long_[:i] + long_[i + 1 :] == short:
            return True
    return False


_REGNAL_NUMBER = re.compile(r"^(?:i{1,3}|iv|v|vi{1,3}|ix|x|xi{1,3}|xiv|xv|xvi{1,3})$")


def _surname_keys(written: str) -> list[str]:
    """The words a name is called by alone: its last word; for a monarch also the regnal name without its number
    ("Hassan II" -> "hassan") and the name before a territorial "of" ("Abdullah of Pahang" -> "abdullah")."""
    words = normalize_name(written).split()
    if not words:
        return []
    keys = [words[-1]]
    if "of" in words[1:]:
        words = words[: words.index("of", 1)]
        keys = [words[-1]]
    if len(words) >= 2 and _REGNAL_NUMBER.match(words[-1]):
        keys.append(words[-2])
    return keys


def _token_count(alias: str) -> int:
    return len(re.findall(r"\w+|[^\w\s]", alias))


def _index_keys(name: str) -> Iterator[str]:
    key = normalize_name(name)
    if not key:
        return
    yield key
    # "U.S." is also written "US"; both spellings are keys.
    if "." in key:
        undotted = key.replace(".", "")
        if undotted and undotted != key:
            yield undotted
    # The Arabic article is written "al-Bashir", "al Bashir", "el-Bashir" and "El Bashir" for one name.
    if _ARTICLE.search(key):
        for article in ("al-", "al ", "el-", "el "):
            variant = _ARTICLE.sub(r"\g<1>" + article, key)
            if variant != key:
                yield variant


_ARTICLE = re.compile(r"(^|\s)(?:al|el)[- ](?=\w)")


def _lookup_variants(key: str) -> Iterator[str]:
    for suffix in ("'s", "'"):
        if key.endswith(suffix):
            yield key[: -len(suffix)]
    if "." in key:
        yield key.replace(".", "")


# -- loading ----------------------------------------------------------------------------------------------------


def read_table(stem: str, folder: Path) -> list[dict[str, str]]:
    """Rows of ``folder/<stem>.csv`` and ``folder/<stem>.yaml``/``.yml``; [] when there is neither."""
    columns, _ = TABLES[stem]
    csv_path = folder / f"{stem}.csv"
    yaml_paths = [folder / f"{stem}.yaml", folder / f"{stem}.yml"]
    rows: list[dict[str, str]] = []
    if csv_path.exists():
        rows.extend(_read_csv(csv_path, columns))
    for path in yaml_paths:
        if path.exists():
            rows.extend(_read_yaml(path, stem, columns))
    return rows


def _read_csv(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames or []
        unknown = [name for name in header if name not in columns]
        if unknown:
            raise KnowledgeBaseError(f"{path}: unknown column(s) {unknown}; expected {list(columns)}")
        if columns[0] not in header:
            raise KnowledgeBaseError(f"{path}: missing key column {columns[0]!r}")
        rows = []
        for line_number, row in enumerate(reader, start=2):
            if None in row:
                raise KnowledgeBaseError(f"{path}, line {line_number}: more cells than columns")
            cleaned = {name: (value or "").strip() for name, value in row.items()}
            if not any(cleaned.values()):
                continue
            cleaned["_where"] = f"{path}, line {line_number}"
            rows.append(cleaned)
        return rows


def _read_yaml(path: Path, stem: str, columns: tuple[str, ...]) -> list[dict[str, Any]]:
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise KnowledgeBaseError(f"{path}: not valid YAML: {exc}") from exc
    if document is None:
        return []
    if not isinstance(document, dict) or not isinstance(document.get(stem), list):
        raise KnowledgeBaseError(f"{path}: expected a list of rows under the key {stem!r}")
    rows = []
    for number, row in enumerate(document[stem], start=1):
        if not isinstance(row, dict):
            raise KnowledgeBaseError(f"{path}: row {number} is not a mapping")
        unknown = [name for name in row if name not in columns]
        if unknown:
            raise KnowledgeBaseError(f"{path}: row {number} has unknown field(s) {unknown}")
        cleaned: dict[str, Any] = {
            name: ("" if value is None else value if isinstance(value, list) else str(value).strip())
            for name, value in row.items()
        }
        cleaned["_where"] = f"{path}, row {number}"
        rows.append(cleaned)
    return rows


def _merge(
    base: list[dict[str, Any]], extra: list[dict[str, Any]], key_columns: tuple[str, ...]
) -> list[dict]:
    def key_of(row: dict[str, Any]) -> tuple:
        return tuple(str(row.get(column, "")) for column in key_columns)

    merged: dict[tuple, dict[str, Any]] = {}
    for row in base:
        merged[key_of(row)] = dict(row)
    for row in extra:
        key = key_of(row)
        if key in merged:
            merged[key].update(row)
        else:
            merged[key] = dict(row)
    return list(merged.values())


def _require(row: dict[str, Any], column: str) -> str:
    value = row.get(column)
    if value is None or value == "" or value == []:
        raise KnowledgeBaseError(f"{row.get('_where', '?')}: empty {column!r}")
    return str(value)


def _country_code(row: dict[str, Any], column: str, *, optional: bool) -> str | None:
    value = str(row.get(column) or "").strip().upper()
    if not value:
        if optional:
            return None
        raise KnowledgeBaseError(f"{row.get('_where', '?')}: empty {column!r}")
    if not _COUNTRY_CODE.match(value):
        raise KnowledgeBaseError(
            f"{row.get('_where', '?')}: {column} {value!r} is not an ISO 3166 alpha-3 code"
        )
    return value


def _row_date(row: dict[str, Any], column: str, *, end_of_period: bool) -> dt.date | None:
    try:
        return parse_date(row.get(column) or None, end_of_period=end_of_period)
    except ValueError as exc:
        raise KnowledgeBaseError(f"{row.get('_where', '?')}: {column}: {exc}") from exc


def _optional(row: dict[str, Any], column: str) -> str | None:
    value = row.get(column)
    return str(value).strip() or None if value not in (None, "") else None


def build_kb(tables: dict[str, list[dict[str, Any]]]) -> KnowledgeBase:
    countries = [
        Country(
            iso3=_country_code(row, "iso3", optional=False) or "",
            iso2=str(row.get("iso2") or ""),
            name=_require(row, "name"),
            **{column: tuple(_split(row.get(column))) for column in COUNTRY_COLUMNS[3:]},
        )
        for row in tables.get("countries", [])
    ]
    orgs = [
        Org(
            code=_require(row, "code"),
            name=_require(row, "name"),
            acronyms=tuple(_split(row.get("acronyms"))),
            aliases=tuple(_split(row.get("aliases"))),
            kind=_optional(row, "kind") or "igo",
            headquarters=_optional(row, "headquarters"),
            sector=_optional(row, "sector"),
            founded=_optional(row, "founded"),
        )
        for row in tables.get("igos", [])
    ]
    groups = [
        ArmedGroup(
            group_id=slugify(_require(row, "name")),
            name=_require(row, "name"),
            aliases=tuple(_split(row.get("aliases"))),
            country=_country_code(row, "country", optional=True),
            sector=_optional(row, "sector") or "REB",
            kind=_optional(row, "kind"),
            note=_optional(row, "note"),
        )
        for row in tables.get("armed_groups", [])
    ]
    people: dict[str, Person] = {}
    for stem in PEOPLE_TABLES:
        for row in tables.get(stem, []):
            person_id = _require(row, "person_id")
            person = people.get(person_id)
            if person is None:
                person = people[person_id] = Person(person_id, _require(row, "name"))
            aliases = tuple(a for a in _split(row.get("aliases")) if a not in person.aliases)
            person.aliases = person.aliases + aliases
            person.terms.append(
                Term(
                    office=_require(row, "office"),
                    title=_optional(row, "title"),
                    country=_country_code(row, "country", optional=True),
                    start=_row_date(row, "start", end_of_period=False),
                    end=_row_date(row, "end", end_of_period=True),
                    sector=_optional(row, "sector"),
                    org=_optional(row, "org"),
                )
            )
    known = {country.iso3 for country in countries}
    places = [_place(row, known) for row in tables.get("places", [])]
    parties = [_party(row, known) for row in tables.get("parties", [])]
    readings = [_reading(row) for row in tables.get("place_readings", [])]
    return KnowledgeBase(countries, orgs, groups, people.values(), places, parties, readings)


def _party(row: dict[str, Any], known_countries: set[str]) -> Party:
    name = _require(row, "name")
    country = _known_country(row, known_countries)
    role = _optional(row, "role")
    if role is not None and role not in PARTY_ROLES:
        raise KnowledgeBaseError(
            f"{row.get('_where', '?')}: role {role!r} is not one of {sorted(PARTY_ROLES)}"
        )
    return Party(
        # The country is part of the id: "Labour Party" names a British and a Norwegian party.
        party_id=f"{slugify(name)}-{country.lower()}",
        name=name,
        country=country,
        aliases=tuple(_split(row.get("aliases"))),
        sector=_optional(row, "sector") or "PTY",
        role=role,
        note=_optional(row, "note"),
    )


def _known_country(row: dict[str, Any], known_countries: set[str]) -> str:
    """The row's required country code, which must name a row of the countries table."""
    country = _country_code(row, "country", optional=False) or ""
    if country not in known_countries:
        raise KnowledgeBaseError(
            f"{row.get('_where', '?')}: country {country!r} is not in the countries table"
        )
    return country


def _place(row: dict[str, Any], known_countries: set[str]) -> Place:
    kind = _require(row, "kind")
    if kind not in PLACE_KINDS:
        raise KnowledgeBaseError(
            f"{row.get('_where', '?')}: kind {kind!r} is not one of {sorted(PLACE_KINDS)}"
        )
    country = _known_country(row, known_countries)
    return Place(
        place_id=slugify(_require(row, "name")),
        name=_require(row, "name"),
        country=country,
        kind=kind,
        aliases=tuple(_split(row.get("aliases"))),
        note=_optional(row, "note"),
    )


def _reading(row: dict[str, Any]) -> PlaceReading:
    return PlaceReading(
        name=_require(row, "name"),
        country=_country_code(row, "country", optional=False) or "",
        aliases=tuple(_split(row.get("aliases"))),
        before=_row_date(row, "before", end_of_period=False),
        cues=tuple(_split(row.get("cues"))),
        note=_optional(row, "note"),
        where=str(row.get("_where") or "") or None,
    )


def load_tables(data_dir: Path, user_dir: Path | None) -> dict[str, list[dict[str, Any]]]:
    if not data_dir.is_dir():
        raise KnowledgeBaseError(f"knowledge-base folder {data_dir} does not exist")
    if user_dir is not None and not user_dir.is_dir():
        raise KnowledgeBaseError(f"user knowledge-base folder {user_dir} does not exist or is not a folder")
    tables: dict[str, list[dict[str, Any]]] = {}
    for stem, (_, key_columns) in TABLES.items():
        rows = read_table(stem, data_dir)
        if user_dir is not None:
            rows = _merge(rows, read_table(stem, user_dir), key_columns)
        tables[stem] = rows
    return tables


__all__ = [
    "ArmedGroup",
    "Country",
    "Entry",
    "IndexHit",
    "KnowledgeBase",
    "KnowledgeBaseError",
    "Org",
    "Party",
    "Person",
    "Place",
    "PlaceReading",
    "Term",
    "build_kb",
    "load_tables",
    "normalize_name",
    "parse_date",
    "slugify",
]
