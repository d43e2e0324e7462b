"""Finding actor mentions in parsed text and resolving them against the knowledge base and the article.

One ``ActorResolver`` reads one article: it is fed the article's body segments in reading order and remembers
who was mentioned, so that "Kopyrkin", "He", "the ambassador" and "the alliance" later in the article point at
the actor named earlier.

Every Doc is scanned once: knowledge-base names and role words are found by dictionary look-ups of the token
runs starting at each token (at most a few per token), names from spaCy's PERSON entities and the knowledge
base. Noun phrases are then built around those anchors over the dependency parse.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from blocwatch.actors.kb import (
    Entry,
    IndexHit,
    KnowledgeBase,
    Person,
    PlaceReading,
    normalize_name,
    parse_date,
    slugify,
)
from blocwatch.actors.sectors import GROUP_SECTORS, STATE_SECTORS, Role, RoleLexicon, default_lexicon
from blocwatch.records import Actor

# Dependencies that attach a pre-modifier to the noun it modifies ("Russian" -> "President").
_MODIFIER_DEPS = frozenset(
    {"compound", "amod", "poss", "nmod", "npadvmod", "det", "nummod", "quantmod", "predet"}
)
# Prepositions after which a country is the one a role serves ("Minister of Armenia") or sits in ("in Yerevan").
_OF_PREPS = frozenset({"of", "for"})
_PEACEKEEPING_WORDS = frozenset({"peacekeeping", "peace-keeping", "peacekeepers", "peacekeeper"})
_PLACE_PREPS = frozenset({"in", "at", "from", "near", "inside", "within", "outside"})
# A country after these is the other party, not the role holder's ("Russia's Ambassador to Armenia").
_OTHER_PARTY_PREPS = frozenset(
    {"to", "with", "against", "between", "towards", "toward", "on", "over", "into", "by"}
)
_DETERMINERS = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "its", "their", "both", "all", "some"}
)
_TITLE_WORDS = frozenset(
    {"former", "deputy", "acting", "senior", "then", "top", "vice", "foreign", "defence", "defense", "interior",
     "finance", "chief", "prime", "incumbent", "outgoing", "new", "newly", "elected", "first", "interim", "late",
     "ex", "-", "of", "the", "'s", "'", "and", "general", "state", "security", "national", "affairs"}
)  # fmt: skip
# Heads of a phrase that names a place within a state ("the besieged town of Gorazde", "Iraqi border villages").
LOCALITY_WORDS = frozenset(
    {"town", "towns", "city", "cities", "village", "villages", "capital", "port", "territory", "area", "areas",
     "region", "province", "district", "neighbourhood", "neighborhood", "suburb", "suburbs", "settlement",
     "settlements", "enclave", "outskirts", "quarter"}
)  # fmt: skip
_MALE_FEMALE = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
_IT = frozenset({"it", "its"})
_THEY = frozenset({"they", "them", "their"})
_TWO_WORDS = frozenset({"two", "both"})

DateLike = dt.date | str | None


@dataclass
class _Match:
    start: int
    end: int
    hits: list[IndexHit]
    kind: str  # "country", "org", "group", "party", "person", "ambiguous"
    key: str | None  # iso3 / code / group id / party id / person_id when unambiguous


@dataclass
class _RoleMatch:
    start: int
    end: int
    role: Role


# Words that make an organisation unknown to the knowledge base a body of many countries.
_TRANSNATIONAL = re.compile(r"\b(International|World|Global|Inter-\w+|Pan-\w+|African|Arab|Asian|European|"
                            r"Latin American|Caribbean|Pacific|Islamic|Third World|Commonwealth|Regional|Continental)\b")
# Territories a state once held: "the former French colony" is not France.
_FORMER_POSSESSIONS = frozenset({"colony", "protectorate", "dominion", "satellite", "republic", "territory", "province",
                                 "possession", "mandate"})
# Offices held at home: an unknown holder with no country in the text governs where the story is.
HOME_OFFICES = frozenset({"head_of_state", "head_of_government"})
HOME_ROLES = frozenset({"vice-president", "vice president", "deputy prime minister", "vice premier", "interior minister",
                        "home minister", "minister for interior", "minister of interior", "finance minister"})


@dataclass
class _DocView:
    """What one scan of a Doc found, indexed by token."""

    doc: Doc
    matches: list[_Match] = field(default_factory=list)
    match_at: dict[int, _Match] = field(default_factory=dict)
    role_at: dict[int, _RoleMatch] = field(default_factory=dict)
    names: list[tuple[int, int, str | None]] = field(default_factory=list)  # (start, end, kb person_id)
    name_at: dict[int, tuple[int, int, str | None]] = field(default_factory=dict)


@dataclass
class _PhraseFacts:
    country: str | None = None
    country_rank: int = 9
    sector: str | None = None
    role_text: str | None = None
    head_role: Role | None = None
    role_keys: set[str] = field(default_factory=set)
    office: str | None = None
    former: bool = False
    is_person_role: bool = False
    org: str | None = None


@dataclass
class _Seen:
    actor: Actor
    sentence: int
    is_subject: bool
    role_keys: frozenset[str] = frozenset()


class ActorResolver:
    """Resolves the actor mentions of one article, segment by segment, keeping coreference state."""

    def __init__(
        self,
        kb: KnowledgeBase | None = None,
        article_date: DateLike = None,
        lexicon: RoleLexicon | None = None,
    ) -> None:
        if kb is None:
            from blocwatch.actors import load_kb

            kb = load_kb()
        self.kb = kb
        self.lexicon = lexicon or default_lexicon()
        try:
            self.article_date: dt.date | None = parse_date(article_date)
        except ValueError as exc:
            raise ValueError(f"article_date: {exc}") from exc
        self._seen: list[_Seen] = []
        self._people_by_word: dict[str, Actor] = {}
        self._leader_cache: dict[str, bool] = {}
        self._state_counts: Counter[str] = Counter()
        self._sentence_serial = 0
        self._sentence_of: dict[tuple[int, int], int] = {}
        self._views: dict[int, tuple[Doc, _DocView]] = {}
        # Normalised text of the segments read so far: explicit reading cues ("northern Greece") are looked for
        # in the whole article, not only in the sentence.
        self._article_text: list[str] = []

    # -- public ------------------------------------------------------------------------------------------------
    def resolve(self, doc: Doc, offset: int = 0) -> list[Actor]:
        """All actor mentions in ``doc`` (one body segment), in reading order; offsets shifted by ``offset``."""
        view = self._view(doc)
        actors: list[Actor] = []
        for sentence in doc.sents:
            self._sentence_serial += 1
            self._sentence_of[(id(doc), sentence.start)] = self._sentence_serial
            actors.extend(self._resolve_sentence(view, sentence, offset))
        actors.sort(key=lambda a: (a.start, a.end))
        return actors

    def actor_for_span(self, span: Span, offset: int = 0) -> Actor | None:
        """The actor a noun phrase stands for; its text and offsets are the phrase as given."""
        view = self._view(span.doc)
        found = self._phrase_actors(view, span.start, span.end, offset)
        if not found:
            return None
        first = found[0]
        return self._restamp(first, span, offset)

    def is_locality(self, actor: Actor) -> bool:
        """Whether a state actor was named by one of its places — a town, a region, its capital as a city
        ("Kharkiv", "the Bosnian town of Gorazde", "Iraqi towns") — rather than as the state itself."""
        if actor.kind != "state" or not actor.country or not actor.text:
            return False
        words = {w.strip(".,'’").lower() for w in actor.text.split()}
        if words & LOCALITY_WORDS:
            return True
        written = " ".join(w for w in actor.text.split() if w.lower() not in _DETERMINERS)
        if self.kb.place(written) is not None:
            return True
        country = self.kb.country(actor.country)
        return country is not None and normalize_name(written) in {normalize_name(c) for c in country.capital}

    def split_compound(self, span: Span, offset: int = 0) -> list[Actor]:
        """One actor per conjunct: "Armenia and the EU", "Hungarian and Romanian officials", "the two countries"."""
        view = self._view(span.doc)
        conjuncts = _conjunct_ranges(span)
        if len(conjuncts) < 2:
            return self._phrase_actors(view, span.start, span.end, offset)
        actors: list[Actor] = []
        head = span.root
        for start, end in conjuncts:
            for actor in self._phrase_actors(view, start, end, offset, shared_head=head):
                actors.append(actor)
        return actors

    # -- scanning a Doc ---------------------------------------------------------------------------------------
    def _view(self, doc: Doc) -> _DocView:
        cached = self._views.get(id(doc))
        if cached is not None and cached[0] is doc:
            return cached[1]
        view = self._scan(doc)
        if len(self._views) > 8:
            self._views.clear()
        self._views[id(doc)] = (doc, view)
        return view

    def _scan(self, doc: Doc) -> _DocView:
        view = _DocView(doc)
        texts = [normalize_name(token.text) for token in doc]
        lemmas = [normalize_name(token.lemma_) for token in doc]
        spaces = [" " if token.whitespace_ else "" for token in doc]
        self._scan_kb(view, texts, spaces)
        self._read_places(view, texts)
        self._scan_roles(view, texts, lemmas, spaces)
        self._scan_names(view)
        return view

    # -- place names that depend on the date and the article ------------------------------------------------
    def _read_places(self, view: _DocView, texts: list[str]) -> None:
        """Give each place name with another reading ("Tripoli", "Juba") the state it stands for here.

        A dated reading is decided by the article date. Otherwise the name keeps the knowledge base's state
        unless the text points at another reading's state: the sentence first, then the rest of the article.
        """
        self._article_text.append(" " + " ".join(texts) + " ")
        for match in view.matches:
            if match.kind != "country":
                continue
            readings = self.kb.readings_of(match.hits[0].alias)
            if not readings:
                continue
            reading = self._choose_reading(view, match, readings)
            if reading is not None:
                match.hits = [self.kb.reading_hit(hit, reading) for hit in match.hits]
                match.key = reading.country

    def _choose_reading(
        self, view: _DocView, match: _Match, readings: list[PlaceReading]
    ) -> PlaceReading | None:
        if self.article_date is not None:
            for reading in readings:
                if reading.holds_on(self.article_date):
                    return reading
            # Once the date is known, a dated reading that does not hold is out: "Sudanese" in a 2015 story
            # does not move Juba back to Sudan.
            readings = [reading for reading in readings if reading.before is None]
        if not readings:
            return None
        default = match.key
        sentence = view.doc[match.start].sent
        in_sentence = self._states_named(view, match, sentence.start, sentence.end)
        sentence_text = " " + " ".join(normalize_name(token.text) for token in sentence) + " "
        if default in in_sentence:
            return None
        for reading in readings:
            if self._points_at(reading, in_sentence, sentence_text):
                return reading
        # Nothing in the sentence: the article so far, by how often each state is mentioned.
        mentions = Counter(self._state_counts)
        mentions.update(self._states_named(view, match, 0, len(view.doc)))
        article_text = "".join(self._article_text)
        best: PlaceReading | None = None
        best_count = mentions[default] if default else 0
        for reading in readings:
            if reading.cues:
                count = sum(article_text.count(f" {normalize_name(cue)} ") for cue in reading.cues)
            else:
                count = mentions[reading.country]
            if count > best_count:
                best, best_count = reading, count
        return best

    def _points_at(self, reading: PlaceReading, states: set[str], text: str) -> bool:
        if reading.cues:
            return any(f" {normalize_name(cue)} " in text for cue in reading.cues)
        return reading.country in states

    def _states_named(self, view: _DocView, skip: _Match, start: int, end: int) -> set[str]:
        """States the knowledge-base names in tokens start..end point at, leaving out other ambiguous places."""
        states: set[str] = set()
        for match in view.matches:
            if match is skip or not (start <= match.start < end) or match.kind == "ambiguous":
                continue
            if self.kb.readings_of(match.hits[0].alias):
                continue  # a second ambiguous place is no evidence for the first
            if match.kind == "country" and match.key:
                states.add(match.key)
            elif match.kind in ("group", "party", "person"):
                country = self.kb.entry(match.hits[0], self.article_date).country
                if country and country != "IGO":
                    states.add(country)
        return states

    def _scan_kb(self, view: _DocView, texts: list[str], spaces: list[str]) -> None:
        doc = view.doc
        limit = self.kb.max_alias_tokens
        start = 0
        while start < len(doc):
            token = doc[start]
            best: tuple[int, list[IndexHit]] | None = None
            if token.is_alpha or token.text[:1].isalnum():
                key = ""
                for end in range(start, min(len(doc), start + limit)):
                    key = texts[end] if end == start else key + spaces[end - 1] + texts[end]
                    hits = self.kb.hits(key)
                    if hits:
                        written = doc[start : end + 1].text
                        usable = [hit for hit in hits if _case_fits(hit, written)]
                        if usable:
                            best = (end + 1, usable)
            if best is None and token.pos_ == "PROPN" and token.is_title:
                # "Ethopia has agreed", "an offer from Afganistan": a state's name one letter off.
                misspelled = self.kb.states_misspelled(token.text)
                best = (start + 1, misspelled) if misspelled else None
            if best is None:
                start += 1
                continue
            end, hits = best
            match = self._classify_match(start, end, hits)
            if match is not None and all(hit.kind == "party" for hit in hits) and _inside_longer_name(view, start):
                match = None  # "National Democratic Alliance" is not the "Democratic Alliance" the table knows
            if match is not None:
                view.matches.append(match)
                for index in range(start, end):
                    view.match_at[index] = match
            start = end

    def _classify_match(self, start: int, end: int, hits: list[IndexHit]) -> _Match | None:
        kinds = {hit.kind for hit in hits}
        for kind in ("country", "org", "group", "party", "person"):
            if kind not in kinds:
                continue
            keys = {hit.key for hit in hits if hit.kind == kind}
            chosen = [hit for hit in hits if hit.kind == kind]
            if kind == "person" and len(keys) > 1 and self.article_date:
                in_office = {k for k in keys if self.kb.people[k].terms_on(self.article_date)}
                keys = in_office or keys
                chosen = [hit for hit in chosen if hit.key in keys]
            if len(keys) == 1:
                return _Match(start, end, chosen, kind, next(iter(keys)))
            return _Match(start, end, chosen, "ambiguous", None)
        return None

    def _scan_roles(self, view: _DocView, texts: list[str], lemmas: list[str], spaces: list[str]) -> None:
        doc = view.doc
        limit = self.lexicon.max_words + 2
        for start in range(len(doc)):
            if not doc[start].is_alpha:
                continue
            key = ""
            best: _RoleMatch | None = None
            for end in range(start, min(len(doc), start + limit)):
                joined = texts[end] if end == start else key + spaces[end - 1] + texts[end]
                if doc[end].pos_ in ("NOUN", "PROPN"):
                    by_lemma = (key + spaces[end - 1] + lemmas[end]) if end > start else lemmas[end]
                    role = self.lexicon.get(joined) or self.lexicon.get(by_lemma)
                    if role is not None:
                        best = _RoleMatch(start, end + 1, role)
                key = joined
            if best is None or any(i in view.match_at for i in range(best.start, best.end)):
                continue
            for index in range(best.start, best.end):
                current = view.role_at.get(index)
                if current is None or (current.end - current.start) < (best.end - best.start):
                    view.role_at[index] = best

    def _scan_names(self, view: _DocView) -> None:
        doc = view.doc
        spans: list[tuple[int, int, str | None]] = []
        for match in view.matches:
            if match.kind == "person":
                spans.append((match.start, match.end, match.key))
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            start, end = self._trim_name(view, ent.start, ent.end)
            if end - start < 1 or any(_overlaps(start, end, s, e) for s, e, _ in spans):
                continue
            if any(i in view.match_at for i in range(start, end)):
                continue  # "Armenia Adamant": a name made of a country and a word is not a person
            body = view.role_at.get(start - 1)
            if body is not None and not body.role.is_person and body.end == start:
                continue  # "the opposition newspaper La Prensa": the name of the body just named, not a person
            if end - start == 1 and not self._known_or_titled(view, start):
                continue  # a lone capitalised word ("Karabakh") is too often a place the model took for a name
            spans.append((start, end, None))
        taken = {index for start, end, _ in spans for index in range(start, end)}
        for token in doc:
            if token.i in taken or token.i in view.match_at:
                continue
            word = normalize_name(token.text)
            if self._is_title_before_name(view, token.i):
                continue  # "King Hassan": a title, not the surname of a prime minister called King
            if token.pos_ == "PROPN" and token.text[:1].isupper() and token.ent_type_ not in ("DATE", "TIME") and (
                word in self._people_by_word or (token.ent_type_ in ("PERSON", "ORG", "") and self._is_known_leader(word))
            ):
                spans.append((token.i, token.i + 1, None))
                taken.add(token.i)
        spans.extend(self._names_after_titles(view, taken))
        spans.sort()
        for span in spans:
            view.names.append(span)
            for index in range(span[0], span[1]):
                view.name_at[index] = span

    @staticmethod
    def _is_title_before_name(view: _DocView, index: int) -> bool:
        """A person's title word written right before a capitalised name ("King Hassan", "Sheikh Karim")."""
        role = view.role_at.get(index)
        if role is None or not role.role.is_person or role.end != index + 1:
            return False
        doc = view.doc
        following = doc[index + 1] if index + 1 < len(doc) else None
        return (
            following is not None
            and following.pos_ == "PROPN"
            and following.text[:1].isupper()
            and following.i not in view.match_at
        )

    def _known_or_titled(self, view: _DocView, index: int) -> bool:
        doc = view.doc
        word = normalize_name(doc[index].text)
        if word in self._people_by_word or self._is_known_leader(word):
            return True
        previous = index - 1
        return previous >= 0 and previous in view.role_at and view.role_at[previous].role.is_person

    def _is_known_leader(self, surname: str) -> bool:
        """A surname that names exactly one head of state or government in the KB (on the article date if known)."""
        cached = self._leader_cache.get(surname)
        if cached is None:
            people = [self.kb.people[pid] for pid in self.kb.surnames.get(surname, ())]
            if self.article_date:
                people = [p for p in people if p.terms_on(self.article_date)]
            else:
                people = [p for p in people if any(t.office in ("head_of_state", "head_of_government") for t in p.terms)]
            cached = len(people) == 1
            self._leader_cache[surname] = cached
        return cached

    def _trim_name(self, view: _DocView, start: int, end: int) -> tuple[int, int]:
        doc = view.doc
        while end > start and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS"):
            end -= 1
        while start < end and (
            not doc[start].text[:1].isupper()
            or (start in view.role_at and end - start > 1)
            or (
                start in view.match_at
                and view.match_at[start].kind != "person"
                and end - view.match_at[start].end >= 2
            )
        ):
            start = view.match_at[start].end if start in view.match_at else start + 1
        if start < end and all(
            index in view.match_at and view.match_at[index].kind != "person" for index in range(start, end)
        ):
            return start, start
        return start, end

    def _names_after_titles(self, view: _DocView, taken: set[int]) -> list[tuple[int, int, str | None]]:
        """Two or three capitalised words right after a person's title ("... of Armenia Alen Simonyan")."""
        doc = view.doc
        found = []
        index = 1
        while index < len(doc):
            previous = index - 1
            title_before = (previous in view.role_at and view.role_at[previous].role.is_person) or (
                previous in view.match_at and self._title_has_person_role(view, previous)
            )
            if not title_before:
                index += 1
                continue
            end = index
            while (
                end < len(doc)
                and end - index < 3
                and doc[end].pos_ == "PROPN"
                and doc[end].text[:1].isupper()
                and doc[end].is_alpha
                and end not in taken
                and end not in view.match_at
                and end not in view.role_at
            ):
                end += 1
            # One name is enough before the state the title serves ("Sheikh Karim of Kuwait").
            one_of_state = end - index == 1 and self._state_follows_of(view, end)
            if (end - index >= 2 or one_of_state) and (end == len(doc) or doc[end].pos_ != "PROPN"):
                found.append((index, end, None))
                taken.update(range(index, end))
                index = end
            else:
                index += 1
        return found

    @staticmethod
    def _state_follows_of(view: _DocView, index: int) -> bool:
        doc = view.doc
        if index >= len(doc) or doc[index].lower_ != "of":
            return False
        index += 1
        if index < len(doc) and doc[index].lower_ == "the":
            index += 1
        match = view.match_at.get(index)
        return match is not None and match.start == index and match.kind == "country"

    def _title_has_person_role(self, view: _DocView, index: int) -> bool:
        doc = view.doc
        for back in range(index, max(-1, index - 9), -1):
            token = doc[back]
            if back in view.role_at and view.role_at[back].role.is_person:
                return True
            if token.pos_ in ("VERB", "AUX") or (token.is_punct and token.text not in ("-", "'s", "’s")):
                return False
        return False

    # -- one sentence -------------------------------------------------------------------------------------------
    def _resolve_sentence(self, view: _DocView, sentence: Span, offset: int) -> list[Actor]:
        doc = view.doc
        serial = self._sentence_serial
        consumed: set[int] = set()
        actors: list[Actor] = []

        def emit(found: list[Actor], start: int, end: int) -> None:
            consumed.update(range(start, end))
            for actor in found:
                actors.append(actor)
                self._remember(actor, doc, serial)

        names = [n for n in view.names if sentence.start <= n[0] < sentence.end]
        for name_start, name_end, person_id in names:
            if name_start in consumed:
                continue
            title_start = self._title_start(view, name_start, sentence.start)
            actor = self._person_actor(view, title_start, name_start, name_end, person_id, offset)
            emit([actor], title_start, name_end)
            for start, end in self._apposition_heads(view, name_start, name_end):
                consumed.update(index for index in range(start, end) if index not in view.match_at)

        for token in sentence:
            index = token.i
            if index in consumed:
                continue
            if token.pos_ == "PRON" or token.lower_ in _MALE_FEMALE | _IT | _THEY:
                actor = self._pronoun_actor(view, token, offset)
                if actor is not None:
                    emit([actor], index, index + 1)
                continue
            if index not in view.match_at and index not in view.role_at and not self._is_org_entity(token):
                continue
            start, end = self._noun_phrase(view, token, consumed, sentence)
            if start is None:
                continue
            match = view.match_at.get(index)
            place = match is not None and match.kind == "country" and self._is_place(view, start, end, match)
            if not self._stands_alone(view, start, end):
                continue
            conjuncts = _coordinated_modifiers(doc, start, end) or _coordinated_of_objects(view, start, end)
            found: list[Actor] = []
            if len(conjuncts) > 1:
                shared_head = _span_head(doc, start, end)
                for conj_start, conj_end in conjuncts:
                    found.extend(
                        self._phrase_actors(view, conj_start, conj_end, offset, shared_head=shared_head)
                    )
            else:
                found = self._phrase_actors(view, start, end, offset, in_resolve=True)
            if place:
                # "in Yerevan" says where, not who: the state is mentioned, its government is not.
                found = [replace(actor, sector=None) for actor in found]
            emit(found, start, end)
        return actors

    def _stands_alone(self, view: _DocView, start: int, end: int) -> bool:
        """A role word modifying a noun ("military contract", "state order") names no actor by itself."""
        if any(i in view.match_at for i in range(start, end)) or view.doc[start].ent_type_ == "ORG":
            return True
        head = _span_head(view.doc, start, end)
        return head.dep_ not in ("compound", "amod", "nmod", "npadvmod")

    def _is_org_entity(self, token: Token) -> bool:
        if token.ent_type_ != "ORG" or token.ent_iob_ != "B":
            return False
        ent = next((e for e in token.doc.ents if e.start == token.i), None)
        view = self._views[id(token.doc)][1]
        return ent is not None and not any(i in view.match_at for i in range(ent.start, ent.end))

    def _noun_phrase(
        self, view: _DocView, token: Token, consumed: set[int], sentence: Span
    ) -> tuple[int | None, int]:
        """The noun phrase an anchor token belongs to, climbing only into heads that are themselves actor-like."""
        doc = view.doc
        if token.ent_type_ == "ORG" and token.ent_iob_ == "B" and token.i not in view.match_at:
            ent = next((e for e in doc.ents if e.start == token.i), None)
            if ent is not None and not any(
                i in consumed or i in view.match_at for i in range(ent.start, ent.end)
            ):
                start = ent.start
                while start < ent.end and doc[start].lower_ in _DETERMINERS:
                    start += 1
                if start > ent.start:
                    start = ent.start
                return start, ent.end
        match = view.match_at.get(token.i)
        role = view.role_at.get(token.i)
        head = doc[match.end - 1] if match else doc[role.end - 1] if role else token
        climbed = head
        best = head
        steps = 0
        while steps < 4:
            parent = climbed.head
            if (
                parent.i <= climbed.i
                or parent.i >= sentence.end
                or parent.i in consumed
                or parent.i in view.name_at
            ):
                break
            if climbed.dep_ not in _MODIFIER_DEPS and climbed.dep_ not in (
                "conj",
                "cc",
                "case",
                "punct",
                "advmod",
            ):
                break
            if climbed.dep_ == "conj" and climbed.head.dep_ not in _MODIFIER_DEPS:
                break
            # A country does not become part of an organisation's or a person's name ("Russia's CSTO").
            if match is not None and parent.i in view.match_at and view.match_at[parent.i] is not match:
                break
            if climbed.dep_ == "poss" and (
                    not self._actor_like_head(view, parent) or parent.lower_ in self.lexicon.relation_words):
                break  # "Armenia's sovereign territory": the possessor is the actor
            if not self._actor_like_head(view, parent) and parent.pos_ not in (
                "NOUN",
                "PROPN",
                "ADJ",
                "VERB",
            ):
                break
            if parent.pos_ == "VERB" and parent.dep_ != "amod":
                break
            climbed = parent
            steps += 1
            # Through "Kurd" in "Turkish Kurd refugees" and "led" in "the Russian-led military alliance".
            if self._actor_like_head(view, climbed):
                best = climbed
        head = best
        start = min(head.i, token.i, match.start if match else token.i, role.start if role else token.i)
        head_match = view.match_at.get(head.i)
        if head_match is not None and head.i not in view.role_at:
            # A named state or organisation takes only its article, not the words before it ("Leave Russia").
            start = head_match.start
            if start > sentence.start and doc[start - 1].lower_ == "the" and doc[start - 1].head.i == head.i:
                start -= 1
        else:
            for child in head.lefts:
                if child.dep_ in _MODIFIER_DEPS or child.dep_ in ("punct", "cc", "conj"):
                    start = min(start, child.left_edge.i)
        while start < head.i and (start in consumed or doc[start].is_punct or doc[start].dep_ == "cc"):
            start += 1
        end = head.i + 1
        if head.i in view.role_at:
            end = max(end, view.role_at[head.i].end)
        if head.i in view.match_at:
            end = max(end, view.match_at[head.i].end)
        # "Ministry of Defence of Armenia", "President of Russia": keep an "of" phrase naming the same actor.
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ == "of" and child.i == end:
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if (
                    objects
                    and self._actor_like_head(view, objects[0])
                    and not any(i in consumed for i in range(child.i, objects[0].right_edge.i + 1))
                ):
                    if objects[0].i not in view.name_at:
                        end = objects[0].right_edge.i + 1
            # "Opposition groups in Zimbabwe", "security forces in Guinea": the country the body belongs to.
            elif child.dep_ == "prep" and child.lower_ == "in" and child.i == end and head.i in view.role_at:
                objects = [c for c in child.children if c.dep_ == "pobj"]
                has_country = any(
                    i in view.match_at and view.match_at[i].kind == "country" for i in range(start, end)
                )
                if objects and not has_country and objects[0].i in view.match_at:
                    country_match = view.match_at[objects[0].i]
                    if country_match.kind == "country" and country_match.end == objects[0].right_edge.i + 1:
                        end = country_match.end
        if any(index in consumed for index in range(start, end)):
            kept = [i for i in range(start, end) if i not in consumed]
            if not kept:
                return None, 0
            start = kept[0]
            end = next((i for i in range(start, end) if i in consumed), end)
        return start, end

    def _actor_like_head(self, view: _DocView, token: Token) -> bool:
        if token.pos_ not in ("NOUN", "PROPN"):
            return False
        if token.i in view.role_at or token.i in view.match_at:
            return True
        word = token.lemma_.lower()
        return (
            word in self.lexicon.alliance_words
            or word in self.lexicon.org_words
            or word in self.lexicon.state_words
        )

    def _is_place(self, view: _DocView, start: int, end: int, match: _Match) -> bool:
        """A capital after "in"/"at" is where something happened, not who did it."""
        if match.start != start or match.end != end:
            return False
        if not all(hit.field in ("capital",) for hit in match.hits):
            return False
        doc = view.doc
        head = doc[end - 1]
        return head.dep_ == "pobj" and head.head.lower_ in _PLACE_PREPS

    # -- people ---------------------------------------------------------------------------------------------
    def _title_start(self, view: _DocView, name_start: int, floor: int) -> int:
        doc = view.doc
        start = name_start
        index = name_start - 1
        while index >= floor:
            token = doc[index]
            word = normalize_name(token.text)
            if index in view.name_at:
                break
            allowed = (
                index in view.role_at
                or index in view.match_at
                or word in _TITLE_WORDS
                or word in self.lexicon.former_words
                or word in ("'s",)
                or token.pos_ == "ADJ"
                or (token.pos_ in ("PROPN", "NOUN") and token.text[:1].isupper())
            )
            if word == "and" and (
                index - 1 < floor or index - 1 in view.match_at or index + 1 in view.match_at
            ):
                break  # "Syria and Palestinian leader Yasser Arafat": a new conjunct, not "Planning and Investment"
            if not allowed or (token.is_punct and word not in ("-", "'s")):
                break
            start = index
            index -= 1
        while start < name_start and normalize_name(doc[start].text) in _DETERMINERS | {
            "of",
            "'s",
            "-",
            "and",
        }:
            start += 1
        if start < name_start and not any(i in view.role_at for i in range(start, name_start)):
            # Without a role word the capitalised words before a name are not a title ("Monday Putin").
            if not any(
                i in view.match_at and view.match_at[i].kind == "country" for i in range(start, name_start)
            ):
                return name_start
        return start

    def _apposition_heads(self, view: _DocView, name_start: int, name_end: int) -> list[tuple[int, int]]:
        """Token ranges of appositions describing the name ("Sergey Kopyrkin, Russia's Ambassador to Armenia,")."""
        doc = view.doc
        found = []
        for index in range(name_start, name_end):
            token = doc[index]
            for child in token.rights:
                if child.dep_ == "appos" and child.i >= name_end:
                    found.append((child.left_edge.i, child.right_edge.i + 1))
        if not found and name_end + 1 < len(doc) and doc[name_end].text == ",":
            end = name_end + 1
            while (
                end < len(doc)
                and doc[end].text not in (",", ".", ";")
                and doc[end].pos_ not in ("VERB", "AUX")
            ):
                end += 1
            if (
                end < len(doc)
                and doc[end].text in (",", ".")
                and any(
                    i in view.role_at and view.role_at[i].role.is_person for i in range(name_end + 1, end)
                )
            ):
                found.append((name_end + 1, end))
        # The name may itself be the apposition of a role ("Russia's ambassador, Sergey Kopyrkin,").
        head = _span_head(doc, name_start, name_end)
        if head.dep_ == "appos" and head.head.i < name_start and head.head.i in view.role_at:
            role_head = head.head
            found.append((role_head.left_edge.i, role_head.i + 1))
        return found

    def _person_actor(
        self,
        view: _DocView,
        title_start: int,
        name_start: int,
        name_end: int,
        person_id: str | None,
        offset: int,
    ) -> Actor:
        doc = view.doc
        name_text = doc[name_start:name_end].text
        facts = _PhraseFacts()
        if title_start < name_start:
            self._phrase_facts(view, title_start, name_start, facts, head_index=name_start - 1)
        for start, end in self._apposition_heads(view, name_start, name_end):
            appos = _PhraseFacts()
            self._phrase_facts(view, start, end, appos, head_index=_span_head(doc, start, end).i)
            _merge_facts(facts, appos)
        if facts.country is None:
            # "King Hassan of Morocco": the state the title serves, written after the name.
            found = view.name_at.get(name_start)
            full_end = max(name_end, found[1]) if found is not None and found[0] == name_start else name_end
            of_country = self._country_after_name(view, name_start, full_end)
            if of_country is not None and (title_start < name_start or person_id is not None):
                facts.country, facts.country_rank = of_country, 0
        earlier = None
        if person_id is None:
            earlier = self._people_by_word.get(normalize_name(name_text)) or (
                self._people_by_word.get(normalize_name(doc[name_end - 1].text))
                if name_end - name_start == 1
                else None
            )
            if earlier is None:
                person_id = self._kb_person_by_surname(name_text, facts, view, title_start, name_end)
        else:
            person_id = self._recheck_kb_person(view, title_start, name_start, name_end, person_id, facts)
        start_char, end_char = doc[title_start].idx, doc[name_end - 1].idx + len(doc[name_end - 1].text)
        text = doc.text[start_char:end_char]
        if earlier is not None and not facts.role_text:
            return replace(
                earlier,
                text=text,
                start=offset + start_char,
                end=offset + end_char,
                token_start=title_start,
                token_end=name_end,
                # "U.N. mediator Diego Cordovez" places a name the article never placed before.
                country=earlier.country or facts.country,
                org=earlier.org or facts.org,
            )
        if person_id is not None:
            entry = self.kb.entry(IndexHit("person", person_id, "name", name_text), self.article_date)
            country = facts.country or entry.country
            sector = facts.sector or entry.sector
            if facts.former:
                sector = "ELI"
            elif not facts.role_text and not entry.in_office and entry.office:
                sector = "ELI"
            role = facts.role_text or (
                entry.title if entry.in_office else f"former {entry.title}" if entry.title else None
            )
            by = "both" if (facts.role_text or facts.country) else "kb"
            actor = Actor(
                text=text,
                name=entry.name,
                kind="person",
                country=country,
                sector=sector,
                org=facts.org or entry.org,
                actor_id=entry.actor_id,
                role=role,
                resolved_by=by,
            )
        else:
            full_name = earlier.name if earlier is not None else name_text
            home = None
            if earlier is None and facts.country is None and not facts.former and (
                    facts.office in HOME_OFFICES or (facts.head_role is not None and facts.head_role.phrase in HOME_ROLES)):
                home = self._only_country_near(view, title_start, name_end)
            actor = Actor(
                text=text,
                name=full_name,
                kind="person",
                country=facts.country or (earlier.country if earlier else None) or home,
                sector=("ELI" if facts.former else facts.sector) or (earlier.sector if earlier else None),
                org=facts.org,
                actor_id=earlier.actor_id if earlier else f"person:{slugify(full_name)}",
                role=facts.role_text or (earlier.role if earlier else None),
                resolved_by="text",
            )
        actor.start, actor.end = offset + start_char, offset + end_char
        actor.token_start, actor.token_end = title_start, name_end
        self._register_person(actor, doc[name_start:name_end], facts)
        return actor

    def _only_country_near(self, view: _DocView, start: int, end: int) -> str | None:
        """The one state named in the sentence around a phrase (outside it), else the article's main state so far.

        "President Dos Santos conceded to demands from the National Union for the Total Independence of Angola":
        a head of state the knowledge base does not hold governs the state the sentence is about.
        """
        sentence = view.doc[start].sent
        codes: set[str] = set()
        for match in view.matches:
            if match.kind != "country" or not match.key or not sentence.start <= match.start < sentence.end:
                continue
            if start <= match.start < end or self._nationality_of_someone(view, match):
                continue
            codes.add(match.key)
        if len(codes) == 1:
            return next(iter(codes))
        return self._main_state() if not codes else None

    @staticmethod
    def _nationality_of_someone(view: _DocView, match: _Match) -> bool:
        """'South African' in 'South African leader de Klerk' says where that other person is from."""
        token = view.doc[match.end - 1]
        if token.dep_ not in ("amod", "compound", "poss", "nmod"):
            return False
        head = token.head
        role = view.role_at.get(head.i)
        return head.ent_type_ == "PERSON" or head.i in view.name_at or (role is not None and role.role.is_person)

    def _country_after_name(self, view: _DocView, name_start: int, name_end: int) -> str | None:
        """The state in an "of" phrase right after a name ("Hassan of Morocco", "Abdullah of the Jordanians")."""
        doc = view.doc
        index = name_end
        if index >= len(doc) or doc[index].lower_ != "of" or not (name_start <= doc[index].head.i < name_end):
            return None
        index += 1
        if index < len(doc) and doc[index].lower_ == "the":
            index += 1
        match = view.match_at.get(index)
        if match is None or match.start != index or match.kind != "country" or not match.key:
            return None
        return match.key

    def _recheck_kb_person(
        self, view: _DocView, title_start: int, name_start: int, name_end: int, person_id: str, facts: _PhraseFacts
    ) -> str | None:
        """A knowledge-base name ("King Abdullah") checked against namesakes the text may mean instead.

        The full name of one person stands; a title and one name ("King Abdullah") is weighed against every
        person so called ("Abdullah II" of Jordan): the phrase's state decides, then the sentence's, the
        article's and the date. A namesake the text cannot tell apart is not picked at all.
        """
        doc = view.doc
        # A phrase may hold only part of the name the scan found ("Sheikh Hamad" of "Sheikh Hamad bin Khalifa").
        found = view.name_at.get(name_start)
        full_end = max(name_end, found[1]) if found is not None and found[0] == name_start else name_end
        words = [doc[i] for i in range(name_start, full_end) if not self._is_title_word(doc[i])]
        if len(words) != 1:
            return person_id
        person = self.kb.people[person_id]
        namesakes = {p.person_id: p for p in self.kb.people_named(words[0].text)}
        namesakes.setdefault(person_id, person)
        facts_with_title = facts
        if facts.head_role is None and name_start < name_end and words[0].i != name_start:
            role = self.lexicon.get(normalize_name(doc[name_start].text))
            if role is not None and role.is_person:
                facts_with_title = replace(
                    facts, head_role=role, office=self.lexicon.offices.get(role.phrase) or role.office
                )
        chosen = self._pick_person(list(namesakes.values()), facts_with_title, view, title_start, name_end, person)
        if chosen is None and facts_with_title is not facts:
            # The title stays the role of the person the text does not identify.
            role = facts_with_title.head_role
            facts.head_role, facts.office, facts.is_person_role = role, facts_with_title.office, True
            facts.role_text = facts.role_text or doc[name_start].text
            facts.sector = facts.sector or (role.sector if role else None)
        return chosen.person_id if chosen is not None else None

    def _is_title_word(self, token: Token) -> bool:
        role = self.lexicon.get(normalize_name(token.text))
        return role is not None and role.is_person

    def _pick_person(
        self,
        candidates: list[Person],
        facts: _PhraseFacts,
        view: _DocView,
        start: int,
        end: int,
        preferred: Person | None = None,
    ) -> Person | None:
        """The one person among namesakes the text means, or None when it does not say.

        The state the phrase names comes first ("of Jordan", "Jordan's", "Jordanian"), then the title ("King"
        is not a president), then the one state among the namesakes' the sentence names, then the article's
        most mentioned one, then who was in office on the article's date. Namesakes of one state are one reading:
        the preferred (knowledge-base) one, else the latest.
        """
        if not candidates:
            return None
        if facts.country and facts.country != "IGO":
            candidates = [p for p in candidates if any(t.country == facts.country for t in p.terms)]
            if not candidates:
                return None
        if facts.head_role is not None:
            titled = [p for p in candidates if _title_fits(p, facts)]
            candidates = titled or candidates
        if len(_countries_of(candidates)) > 1:
            in_sentence = self._states_in_sentence(view, start, end)
            named = [p for p in candidates if _countries_of([p]) & in_sentence]
            if named and len(_countries_of(named)) == 1:
                candidates = named
        if len(_countries_of(candidates)) > 1 and self._state_counts:
            counts = {c: self._state_counts[c] for c in _countries_of(candidates)}
            best = max(counts.values())
            if best > 0 and sum(1 for v in counts.values() if v == best) == 1:
                candidates = [p for p in candidates if counts.get(p.country or "", 0) == best
                              or any(counts.get(t.country or "", 0) == best for t in p.terms)]
        if len(candidates) > 1 and self.article_date:
            candidates = [p for p in candidates if p.terms_on(self.article_date)] or candidates
        if len(candidates) > 1 and len(_countries_of(candidates)) == 1:
            if preferred is not None and preferred in candidates:
                return preferred
            if facts.head_role is not None:
                # "President Bush" with no date: one of the two, both American; the latest is the likelier reading.
                return max(candidates, key=lambda p: max((t.start for t in p.terms if t.start), default=dt.date.min))
        return candidates[0] if len(candidates) == 1 else None

    def _states_in_sentence(self, view: _DocView, start: int, end: int) -> set[str]:
        """States the sentence around a phrase names outside it (a person's nationality adjective included)."""
        sentence = view.doc[start].sent
        states: set[str] = set()
        for match in view.matches:
            if not sentence.start <= match.start < sentence.end or start <= match.start < end:
                continue
            if match.kind == "country" and match.key:
                states.add(match.key)
        return states

    def _kb_person_by_surname(
        self, name_text: str, facts: _PhraseFacts, view: _DocView, start: int, end: int
    ) -> str | None:
        """A KB person the name can only mean ("President Bouteflika"), narrowed by title, country and date."""
        candidates = self.kb.people_named(name_text)
        if len(name_text.split()) == 1 and facts.head_role is None:
            # A bare surname is a weak clue, but news writes "Putin", "Erdogan": accept it for a leader who held
            # office on the article's date (or, undated, for the only head of state or government so named).
            if self.article_date:
                leaders = [p for p in candidates if p.terms_on(self.article_date)]
            else:
                leaders = [p for p in candidates
                           if any(t.office in ("head_of_state", "head_of_government") for t in p.terms)]
            if facts.country and facts.country != "IGO":
                leaders = [p for p in leaders if any(t.country == facts.country for t in p.terms)]
            return leaders[0].person_id if len(leaders) == 1 else None
        if facts.office:
            with_office = [p for p in candidates if any(t.office == facts.office for t in p.terms)]
            candidates = with_office or candidates
        chosen = self._pick_person(candidates, facts, view, start, end)
        if chosen is None and not candidates:
            chosen = self._misspelled_leader(name_text, facts)
        return chosen.person_id if chosen is not None else None

    def _misspelled_leader(self, name_text: str, facts: _PhraseFacts) -> Person | None:
        """A head of state or government whose name is written one letter off ("President Francois Mitterand").

        Only for a title naming that office, a surname of six letters or more, and exactly one holder of that
        office (in the phrase's state; the one in office on the article's date if there is one) so named.
        """
        if facts.office not in HOME_OFFICES or facts.former:
            return None
        found = [
            p for p in self.kb.people_misspelled(name_text)
            if any(
                t.office == facts.office
                and (not facts.country or facts.country == "IGO" or t.country == facts.country)
                for t in p.terms
            )
        ]
        if self.article_date is not None:
            day = self.article_date
            # Someone holding another office on the date is not called by this title.
            found = [p for p in found if not p.terms_on(day) or any(t.office == facts.office for t in p.terms_on(day))]
            # Who held the office on the date; the date may be a stand-in, so else any holder so named.
            found = [p for p in found if any(t.office == facts.office for t in p.terms_on(day))] or found
        return found[0] if len(found) == 1 else None

    def _register_person(self, actor: Actor, name: Span, facts: _PhraseFacts) -> None:
        self._people_by_word.setdefault(normalize_name(name.text), actor)
        if len(name) >= 2:
            self._people_by_word[normalize_name(name[-1].text)] = actor
        entry = self.kb.person(actor.actor_id or "") if actor.actor_id else None
        if entry is not None:
            for alias in (entry.name, *entry.aliases):
                self._people_by_word.setdefault(normalize_name(alias), actor)
                self._people_by_word.setdefault(normalize_name(alias.split()[-1]), actor)

    # -- phrases ----------------------------------------------------------------------------------------------
    def _phrase_facts(
        self, view: _DocView, start: int, end: int, facts: _PhraseFacts, head_index: int
    ) -> None:
        """Country, sector and role a title or description gives ("Russia's Ambassador to Armenia")."""
        doc = view.doc
        boundary = end
        for index in range(start, end):
            if (doc[index].lower_ in _OF_PREPS | _PLACE_PREPS | _OTHER_PARTY_PREPS or doc[index].text == ",") and index > start:
                boundary = index
                break
        head_roles: list[_RoleMatch] = []
        later_roles: list[_RoleMatch] = []
        seen_roles: set[int] = set()
        index = start
        while index < end:
            role = view.role_at.get(index)
            if role is not None and any(i in view.match_at for i in range(role.start, role.end)):
                role = None  # "Organization" in "Collective Security Treaty Organization" is part of a name
            if role is not None and id(role) not in seen_roles and role.start >= start:
                seen_roles.add(id(role))
                (head_roles if role.start < boundary else later_roles).append(role)
                facts.role_keys.add(role.role.phrase)
            index += 1
        kb_sectors_head: list[str] = []
        kb_sectors_later: list[str] = []
        for match in {id(m): m for m in (view.match_at.get(i) for i in range(start, end)) if m}.values():
            rank = self._country_rank(view, match, start)
            if rank is None:
                continue
            entries = [self.kb.entry(hit, self.article_date) for hit in match.hits]
            sectors = {e.sector for e in entries}
            sector = sectors.pop() if len(sectors) == 1 else None
            if sector:
                (kb_sectors_head if match.start < boundary else kb_sectors_later).append(sector)
            if match.kind == "org":
                facts.org = facts.org or match.key
            country = None
            if match.kind == "country":
                country = match.key
            elif match.kind in ("group", "party", "person") and entries and entries[0].country:
                country = entries[0].country
            elif match.kind == "org":
                country = "IGO"
                rank += 1  # an organisation is a weaker clue than a named state
            if country and rank < facts.country_rank:
                facts.country, facts.country_rank = country, rank
        words = {doc[i].lower_ for i in range(start, end)}
        if words & self.lexicon.former_words or any(doc[i].lower_ == "ex" for i in range(start, end)):
            facts.former = True
        head_role = head_roles[-1] if head_roles else None
        sector: str | None = None
        if head_role is not None and not head_role.role.is_generic:
            sector = head_role.role.sector
        else:
            specific = [r.role.sector for r in head_roles if not r.role.is_generic and r.role.sector]
            specific = specific or kb_sectors_head
            later = [
                r.role.sector for r in later_roles if not r.role.is_generic and r.role.sector
            ] + kb_sectors_later
            if specific:
                sector = specific[-1]
            elif later and head_role is not None and doc[boundary].lower_ in _OF_PREPS:
                sector = later[0]
            elif head_role is not None:
                sector = head_role.role.sector
            elif later and not head_roles:
                sector = None
        if head_role is not None:
            facts.head_role = head_role.role
            facts.is_person_role = head_role.role.is_person
            first = start
            while first < end and doc[first].lower_ in _DETERMINERS:
                first += 1
            facts.role_text = doc[first:end].text if first < end else None
            office_key = head_role.role.phrase
            facts.office = self.lexicon.offices.get(office_key) or head_role.role.office
        if sector:
            facts.sector = sector
        elif kb_sectors_head and not facts.sector:
            facts.sector = kb_sectors_head[-1]

    def _country_rank(self, view: _DocView, match: _Match, floor: int) -> int | None:
        """How directly a name in a phrase gives the phrase's country; None when it names the other party."""
        doc = view.doc
        if _stance_only(doc, match.start, match.end):
            return None  # "pro-Iranian Hizbollah", "the Syrian-backed Amal militia" belong elsewhere
        index = match.start - 1
        while index >= floor and doc[index].lower_ in _DETERMINERS:
            index -= 1
        if index < floor:
            return 1
        word = doc[index].lower_
        if word in _OTHER_PARTY_PREPS:
            return None
        if word in _OF_PREPS:
            return 2
        if word in _PLACE_PREPS:
            return 3
        if doc[index].pos_ == "ADP":
            return None
        return 1

    def _phrase_actors(
        self,
        view: _DocView,
        start: int,
        end: int,
        offset: int,
        shared_head: Token | None = None,
        in_resolve: bool = False,
    ) -> list[Actor]:
        doc = view.doc
        while end > start and (
            doc[end - 1].is_punct or doc[end - 1].tag_ == "POS" or doc[end - 1].lower_ in ("'s", "’s")
        ):
            end -= 1
        while start < end and (doc[start].is_punct or doc[start].dep_ == "cc"):
            start += 1
        if start >= end:
            return []
        head = _span_head(doc, start, end)
        text_span = doc[start:end]
        stamp = {
            "text": text_span.text,
            "start": offset + doc[start].idx,
            "end": offset + doc[end - 1].idx + len(doc[end - 1].text),
            "token_start": start,
            "token_end": end,
        }

        def finish(actor: Actor) -> Actor:
            for key, value in stamp.items():
                setattr(actor, key, value)
            return actor

        # A pronoun.
        if head.pos_ == "PRON" or head.lower_ in _MALE_FEMALE | _IT | _THEY:
            if end - start == 1 or head.dep_ != "poss":
                found = self._pronoun_actor(view, head, offset)
                return [finish(found)] if found else []
        # A person's name in the phrase.
        name = next((view.name_at[i] for i in range(start, end) if i in view.name_at), None)
        if name is not None and (head.i in range(name[0], name[1]) or head.i < name[0]):
            title_start = start if start < name[0] else name[0]
            actor = self._person_actor(view, title_start, name[0], min(name[1], end), name[2], offset)
            return [finish(actor)]
        facts = _PhraseFacts()
        self._phrase_facts(view, start, end, facts, head.i)
        if facts.former and head.lemma_.lower() in _FORMER_POSSESSIONS:
            return []  # "the one-time French colony", "a former Soviet republic": no longer that state
        if head.lemma_.lower() in ("border", "frontier", "boundary") and head.i not in view.match_at:
            return []  # "the Thai border" lies between two states; it is where, not who
        if name is not None and facts.country is None and name[1] <= head.i:
            # "the Bush administration", "Putin's government": the named leader gives the country.
            leader = self._person_actor(view, name[0], name[0], name[1], name[2], offset)
            if leader is not None and leader.country and leader.country != "IGO":
                facts.country, facts.country_rank = leader.country, 1
        head_match = view.match_at.get(head.i)
        if shared_head is not None and head_match is not None and not start <= shared_head.i < end:
            # A coordinated modifier ("Hungarian" in "Hungarian and Romanian officials") takes the shared head's role.
            shared = _PhraseFacts()
            self._phrase_facts(view, shared_head.i, shared_head.i + 1, shared, shared_head.i)
            if shared.head_role is not None and head_match.kind == "country":
                shared.country, shared.country_rank = head_match.key, 1
                shared_role = _RoleMatch(shared_head.i, shared_head.i + 1, shared.head_role)
                found = self._role_actor(view, start, end, shared_head, shared, shared_role, in_resolve)
                return [finish(actor) for actor in found]
        if head_match is not None and not (
            head.i in view.role_at and view.role_at[head.i].start > head_match.start
        ):
            kin_state = self._state_of_minority(view, head_match, start, end)
            if kin_state is not None:
                return [finish(replace(self.state_actor(kin_state, "CVL"), role=text_span.text))]
            actor = self._match_actor(head_match, facts)
            return [finish(actor)] if actor else []
        head_word = head.lemma_.lower()
        role_match = view.role_at.get(head.i)
        if not in_resolve and (head_word in self.lexicon.part_words or head.lower_ in self.lexicon.part_words
                               or head.like_num):
            # "Thousands of Georgian students" are students, not the Georgian state; "members of the Association
            # of African Jurists" belong to the association.
            for prep in head.rights:
                if prep.dep_ != "prep" or prep.lower_ != "of":
                    continue
                for group in prep.children:
                    if group.dep_ == "pobj" and group.right_edge.i < end:
                        inner = self._phrase_actors(view, group.left_edge.i, group.right_edge.i + 1, offset)
                        if inner and (inner[0].country or inner[0].kind in ("state", "igo")):
                            return [finish(inner[0])]
                        if inner:  # "students throughout Indonesia": the place in the phrase places the group
                            place = next((self._match_actor(view.match_at[i], _PhraseFacts()) for i in range(start, end)
                                          if i in view.match_at), None)
                            if place is not None and place.country and place.country != "IGO":
                                inner[0].country = place.country
                            return [finish(inner[0])]
        if role_match is None and head_word in self.lexicon.alliance_words | self.lexicon.org_words:
            return [finish(a) for a in self._org_description(head_word, facts)]
        if role_match is None and head_word in self.lexicon.state_words:
            return [finish(a) for a in self._state_description(view, start, end, head, facts, in_resolve)]
        if role_match is not None:
            return [
                finish(a) for a in self._role_actor(view, start, end, head, facts, role_match, in_resolve)
            ]
        if head.ent_type_ == "ORG":
            org_name = _without_determiners(text_span)
            transnational = facts.country is None and bool(_TRANSNATIONAL.search(org_name))
            return [
                finish(
                    Actor(
                        text="",
                        name=org_name,
                        kind="org",
                        # "the Association of African Jurists", "the Third World Water Forum": a body of many
                        # countries, which CAMEO codes as NGO/IGO rather than as any one state.
                        country="IGO" if transnational else facts.country,
                        sector=facts.sector or ("NGO" if transnational else None),
                        org=facts.org,
                        actor_id=f"org:{slugify(org_name)}",
                        resolved_by="text",
                    )
                )
            ]
        if in_resolve:
            return []
        if head.tag_ == "NNPS" and head.ent_type_ == "NORP":
            # "Iraqi Kurds", "Syrian Druze": a people the state's adjective places, not the state itself.
            placing = next((view.match_at[i] for i in range(start, head.i) if i in view.match_at
                            and view.match_at[i].kind == "country" and view.match_at[i].key), None)
            if placing is not None:
                return [finish(Actor(text="", name=_without_determiners(text_span), kind="group",
                                     country=placing.key, sector="CVL", role=text_span.text, resolved_by="text"))]
        # Not an actor itself: the actor may be its possessor or modifier ("Croatian government's request").
        unplaced: Actor | None = None
        owner_is_other = head.lower_ in self.lexicon.relation_words  # "its partners" are not "it"
        for child in sorted(head.lefts, key=lambda c: c.dep_ != "poss"):
            if child.dep_ == "poss" and owner_is_other:
                continue
            if child.dep_ in ("poss", "compound", "amod", "nmod") and start <= child.left_edge.i:
                inner = self._phrase_actors(view, child.left_edge.i, child.right_edge.i + 1, offset)
                if inner and (inner[0].country or inner[0].kind in ("state", "igo")):
                    return [finish(inner[0])]
                # "Osama bin Laden's al-Qaeda network": a modifier we can place beats a possessor we cannot.
                unplaced = unplaced or (inner[0] if inner else None)
        if unplaced is not None:
            return [finish(unplaced)]
        owners = {t.i for c in head.lefts if c.dep_ == "poss" and owner_is_other for t in c.subtree}
        for index in range(start, end):
            if index in view.match_at and index not in owners:
                actor = self._match_actor(view.match_at[index], _PhraseFacts())
                if actor:
                    return [finish(actor)]
        if (
            head_word in self.lexicon.unknown_agents
            or normalize_name(text_span.text) in self.lexicon.unknown_agents
        ):
            return [
                finish(
                    Actor(
                        text="",
                        name=_without_determiners(text_span),
                        kind="org",
                        sector="UNK",
                        resolved_by="text",
                    )
                )
            ]
        return []

    def _match_actor(self, match: _Match, facts: _PhraseFacts) -> Actor | None:
        if match.kind == "ambiguous" and all(hit.kind == "party" for hit in match.hits):
            return self._shared_party_name(match, facts)
        if match.kind == "ambiguous":
            sectors = {self.kb.entry(hit).sector for hit in match.hits}
            if len(sectors) == 1 and facts.country:
                sector = sectors.pop()
                country = self.kb.country(facts.country)
                return Actor(
                    text="",
                    name=country.name if country else facts.country,
                    kind="state",
                    country=facts.country,
                    sector=sector,
                    actor_id=f"state:{facts.country}",
                    resolved_by="kb",
                )
            return None
        entry = self.kb.entry(match.hits[0], self.article_date)
        if match.kind == "country":
            sector = facts.sector or entry.sector
            if not facts.sector and entry.matched_field == "demonyms" and self._plural_at(match):
                # "Palestinians", "Algerians": the people, not the government (PLOVER codes them CVL).
                sector = "CVL"
            by = "both" if facts.sector and facts.sector != entry.sector else "kb"
            return Actor(
                text="",
                name=entry.name,
                kind="state",
                country=entry.key,
                sector=sector,
                actor_id=entry.actor_id,
                role=facts.role_text if facts.head_role else None,
                resolved_by=by,
            )
        if match.kind == "org":
            return Actor(
                text="",
                name=entry.name,
                kind="igo",
                country="IGO",
                sector=entry.sector,
                org=entry.key,
                actor_id=entry.actor_id,
                resolved_by="kb",
            )
        if match.kind == "group":
            return Actor(
                text="",
                name=entry.name,
                kind="group",
                country=entry.country,
                sector=entry.sector,
                actor_id=entry.actor_id,
                resolved_by="kb",
            )
        if match.kind == "party":
            if facts.country and facts.country not in ("IGO", entry.country):
                # "Kenya's Liberal Democratic Party" is not Japan's: the text's state wins over the name.
                return Actor(
                    text="",
                    name=match.hits[0].alias,
                    kind="org",
                    country=facts.country,
                    sector=facts.sector or entry.sector,
                    resolved_by="text",
                )
            return self._party_actor(entry, facts)
        return None

    def _state_of_minority(self, view: _DocView, head_match: _Match, start: int, end: int) -> str | None:
        """The state a phrase places a people in when they live outside their kin state ("Bosnian Serbs")."""
        if head_match.kind != "country" or not self._plural_at(head_match):
            return None
        if normalize_name(view.doc[head_match.start:head_match.end].text) not in self.lexicon.ethnic_peoples:
            return None
        others = {m.key for m in (view.match_at.get(i) for i in range(start, end))
                  if m is not None and m is not head_match and m.kind == "country" and m.key
                  and m.key != head_match.key and not _stance_only(view.doc, m.start, m.end)}
        return others.pop() if len(others) == 1 else None

    @staticmethod
    def _party_actor(entry: Entry, facts: _PhraseFacts) -> Actor:
        # A party is an organisation of its state (PLOVER sector PTY), not an armed group; a role the text gives
        # it ("the opposition Homeland Union") says more about the moment than the table can.
        sector = facts.sector or entry.sector
        return Actor(
            text="",
            name=entry.name,
            kind="org",
            country=entry.country,
            sector=sector,
            actor_id=entry.actor_id,
            resolved_by="both" if sector != entry.sector else "kb",
        )

    def _shared_party_name(self, match: _Match, facts: _PhraseFacts) -> Actor | None:
        """A name several states' parties bear ("Labour Party"): the one of the state the phrase or article names."""
        entries = {hit.key: self.kb.entry(hit, self.article_date) for hit in match.hits}
        by_country: dict[str | None, list[Entry]] = {}
        for entry in entries.values():
            by_country.setdefault(entry.country, []).append(entry)
        chosen: list[Entry] = []
        if facts.country and facts.country != "IGO":
            chosen = by_country.get(facts.country, [])
        if not chosen:
            # "Britain ... the Labour Party": the state the article has named most often so far.
            mentioned = [(self._state_counts[c], c) for c in by_country if c and self._state_counts[c]]
            if mentioned:
                best = max(mentioned)
                if sum(1 for count, _ in mentioned if count == best[0]) == 1:
                    chosen = by_country[best[1]]
        if len(chosen) == 1:
            return self._party_actor(chosen[0], facts)
        # Still several (or none): the state, if one was found, and the sector they share.
        sectors = {entry.sector for entry in entries.values()}
        country = chosen[0].country if chosen else facts.country
        return Actor(
            text="",
            name=match.hits[0].alias,
            kind="org",
            country=country if country != "IGO" else None,
            sector=facts.sector or (sectors.pop() if len(sectors) == 1 else None),
            resolved_by="kb",
        )

    def _plural_at(self, match: _Match) -> bool:
        alias = match.hits[0].alias
        return alias.endswith("s") and not any(
            hit.field in ("name", "short_names", "adjectives") for hit in match.hits
        )

    def _org_description(self, head_word: str, facts: _PhraseFacts) -> list[Actor]:
        wanted_alliance = head_word in self.lexicon.alliance_words
        for seen in reversed(self._seen):
            actor = seen.actor
            if actor.kind != "igo" or not actor.org:
                continue
            org = self.kb.org(actor.org)
            if wanted_alliance and org is not None and org.kind not in ("alliance", "bloc"):
                continue
            if org is None:
                return [replace(actor, role=None)]
            return [
                Actor(
                    text="",
                    name=org.name,
                    kind="igo",
                    country="IGO",
                    sector=org.sector,
                    org=org.code,
                    actor_id=f"igo:{org.code}",
                    resolved_by="text",
                )
            ]
        return []

    def _state_description(
        self, view: _DocView, start: int, end: int, head: Token, facts: _PhraseFacts, in_resolve: bool
    ) -> list[Actor]:
        doc = view.doc
        if facts.country and facts.country != "IGO":
            sector = "GOV" if head.lemma_.lower() in ("government", "side") else facts.sector
            return [self.state_actor(facts.country, sector, resolved_by="both")]
        words = {doc[i].lower_ for i in range(start, end)}
        plural = head.tag_ in ("NNS", "NNPS")
        definite = bool(words & {"the", "both", "this", "these", "that", "those"})
        if not definite:
            return []
        states = self._recent_states()
        if plural and words & _TWO_WORDS and len(states) >= 2:
            return [self.state_actor(code, None) for code in states[:2]][::-1]
        if plural or not states:
            return []
        sector = "GOV" if head.lemma_.lower() in ("government", "side") else None
        if sector == "GOV":
            code = self._main_state()
        else:
            code = states[0]
        return [self.state_actor(code, sector)] if code else []

    def state_actor(self, code: str, sector: str | None, role: str | None = None,
                    resolved_by: str = "text") -> Actor:
        """The state ``code`` as an actor not named by any mention (text empty)."""
        country = self.kb.country(code)
        return Actor(
            text="",
            name=country.name if country else code,
            kind="state",
            country=code,
            sector=sector,
            actor_id=f"state:{code}",
            role=role,
            resolved_by=resolved_by,
        )

    def _recent_states(self) -> list[str]:
        codes: list[str] = []
        for seen in reversed(self._seen):
            code = seen.actor.country
            if seen.actor.kind == "state" and code and code not in codes:
                codes.append(code)
        return codes

    def _main_state(self) -> str | None:
        recent = self._recent_states()
        if not recent:
            return None
        best = max(self._state_counts.values(), default=0)
        for code in recent:
            if self._state_counts[code] == best:
                return code
        return recent[0]

    def _role_actor(
        self,
        view: _DocView,
        start: int,
        end: int,
        head: Token,
        facts: _PhraseFacts,
        role_match: _RoleMatch,
        in_resolve: bool,
    ) -> list[Actor]:
        doc = view.doc
        role = facts.head_role or role_match.role
        sector = "ELI" if facts.former and role.is_person else facts.sector or role.sector
        words = {doc[i].lower_ for i in range(start, end)}
        plural = head.tag_ in ("NNS", "NNPS")
        definite = bool(words & {"the", "this", "that"}) or any(
            doc[i].tag_ == "POS" for i in range(start, end)
        )
        name = _without_determiners(doc[start:end])
        if role.is_person and not plural:
            referent = self._person_description(facts, definite and not facts.country or definite, start)
            if referent is not None:
                return [replace(referent, role=referent.role or facts.role_text)]
            return [
                Actor(
                    text="",
                    name=name,
                    kind="person",
                    country=facts.country,
                    sector=sector,
                    org=facts.org,
                    role=facts.role_text,
                    resolved_by="text",
                )
            ]
        if role.phrase in (
            "government",
            "ministry",
            "cabinet",
            "administration",
            "authorities",
            "authority",
        ) and (not facts.country and definite):
            code = self._main_state()
            if code:
                return [self.state_actor(code, "GOV")]
        if facts.country == "IGO" and facts.org:
            org = self.kb.org(facts.org)
            return [
                Actor(
                    text="",
                    name=org.name if org else facts.org,
                    kind="igo",
                    country="IGO",
                    sector=sector,
                    org=facts.org,
                    actor_id=f"igo:{facts.org}",
                    role=facts.role_text,
                    resolved_by="both",
                )
            ]
        if facts.country and sector in STATE_SECTORS:
            return [
                self.state_actor(facts.country, sector, role=facts.role_text, resolved_by="both")
            ]
        kind = "group" if (sector in GROUP_SECTORS or (role.is_person and plural)) else "org"
        if in_resolve and not facts.country and role.is_generic and sector is None:
            return []
        country = facts.country
        if country is None and words & _PEACEKEEPING_WORDS and words & {"a", "an"} and (
                head.lemma_.lower() in ("force", "contingent", "peacekeeper")):
            # "a regional peacekeeping force": a force no state is named for serves a body of many states
            # ("the peacekeepers" are those named before, often one state's; a mission is placed where it serves)
            country, sector = "IGO", sector or "MIL"
        return [
            Actor(
                text="",
                name=name,
                kind=kind,
                country=country,
                sector=sector,
                org=facts.org,
                role=facts.role_text,
                resolved_by="text",
            )
        ]

    def _person_description(self, facts: _PhraseFacts, definite: bool, start: int) -> Actor | None:
        """An earlier person in the role a description names ("the ambassador"), else the KB office holder."""
        if not definite:
            return None
        keys = facts.role_keys
        for seen in reversed(self._seen):
            actor = seen.actor
            if actor.kind != "person" or not actor.actor_id:
                continue
            if keys & seen.role_keys and (not facts.country or facts.country == actor.country):
                return replace(actor)
        if facts.office and facts.country and facts.country != "IGO" and self.article_date:
            holder = self.kb.office_holder(facts.country, facts.office, self.article_date)
            if holder is not None:
                entry = self.kb.entry(
                    IndexHit("person", holder.person_id, "name", holder.name), self.article_date
                )
                return Actor(
                    text="",
                    name=holder.name,
                    kind="person",
                    country=facts.country,
                    sector=facts.sector or entry.sector,
                    actor_id=entry.actor_id,
                    role=facts.role_text or entry.title,
                    resolved_by="both",
                )
        return None

    # -- pronouns ---------------------------------------------------------------------------------------------
    def _pronoun_actor(self, view: _DocView, token: Token, offset: int) -> Actor | None:
        word = token.lower_
        if word in _MALE_FEMALE:
            referent = self._previous_subject(token, lambda a: a.kind == "person", strict=False)
        elif word in _IT:
            if (
                token.dep_ == "expl"
                or token.head.lemma_ == "be"
                or token.dep_ not in ("nsubj", "nsubjpass", "poss")
            ):
                return None
            referent = self._previous_subject(token, lambda a: a.kind in ("state", "igo"), strict=True)
        else:
            return None
        if referent is None:
            return None
        actor = replace(
            referent,
            text=token.text,
            start=offset + token.idx,
            end=offset + token.idx + len(token.text),
            token_start=token.i,
            token_end=token.i + 1,
        )
        return actor

    def _previous_subject(self, token: Token, fits, strict: bool) -> Actor | None:
        serial = self._sentence_serial
        # A subject earlier in the same sentence ("Kopyrkin said he ..."), else the previous sentences.
        same = [
            s
            for s in self._seen
            if s.sentence == serial and s.actor.token_start is not None and s.actor.token_start < token.i
        ]
        subjects = [s for s in same if s.is_subject]
        if subjects:
            return subjects[-1].actor if fits(subjects[-1].actor) else None
        if strict and any(t.dep_ in ("nsubj", "nsubjpass") and t.i < token.i for t in token.sent):
            return None
        for sentence in range(serial - 1, max(0, serial - 4), -1):
            candidates = [s for s in self._seen if s.sentence == sentence]
            if not candidates:
                continue
            subjects = [s for s in candidates if s.is_subject]
            if subjects:
                first = subjects[0]
                if fits(first.actor):
                    return first.actor
                if strict:
                    return None
            fitting = [s for s in candidates if fits(s.actor)]
            if fitting and not strict:
                return fitting[-1].actor
            if strict:
                return None
        return None

    # -- state ------------------------------------------------------------------------------------------------
    def _remember(self, actor: Actor, doc: Doc, serial: int) -> None:
        is_subject = False
        if actor.token_start is not None and actor.token_end is not None:
            head = _span_head(doc, actor.token_start, actor.token_end)
            is_subject = head.dep_ in ("nsubj", "nsubjpass") or (
                head.dep_ == "conj" and head.head.dep_ in ("nsubj", "nsubjpass")
            )
        role_keys = frozenset(self._role_keys_of(actor))
        self._seen.append(_Seen(actor, serial, is_subject, role_keys))
        if actor.kind == "state" and actor.country:
            self._state_counts[actor.country] += 1

    def _role_keys_of(self, actor: Actor) -> set[str]:
        keys: set[str] = set()
        if actor.role:
            words = normalize_name(actor.role).replace("'s", " ").split()
            for size in (1, 2, 3):
                for index in range(len(words) - size + 1):
                    phrase = " ".join(words[index : index + size])
                    if phrase in self.lexicon.roles:
                        keys.add(phrase)
        return keys

    def _restamp(self, actor: Actor, span: Span, offset: int) -> Actor:
        return replace(
            actor,
            text=span.text,
            start=offset + span.start_char,
            end=offset + span.end_char,
            token_start=span.start,
            token_end=span.end,
        )


# -- helpers -----------------------------------------------------------------------------------------------------


def _inside_longer_name(view: _DocView, start: int) -> bool:
    """A capitalised word right before a party name makes it part of a longer, unknown name ("National ...")."""
    if start == 0:
        return False
    before = view.doc[start - 1]
    if before.is_sent_start or (start - 1) in view.match_at or before.lower_ in _DETERMINERS:
        return False
    return before.is_alpha and before.text[:1].isupper() and before.pos_ in ("PROPN", "ADJ", "NOUN")


def _case_fits(hit: IndexHit, written: str) -> bool:
    """Names are matched case-insensitively except that "US" is not "us" and "turkey" is not "Turkey"."""
    first_alpha = next((ch for ch in written if ch.isalpha()), "")
    alias_first = next((ch for ch in hit.alias.removeprefix("the ").removeprefix("The ") if ch.isalpha()), "")
    if hit.is_acronym:
        return not any(ch.islower() for ch in written)
    if alias_first.isupper() and not first_alpha.isupper():
        return False
    return True


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _span_head(doc: Doc, start: int, end: int) -> Token:
    """The token of doc[start:end] whose head lies outside it (the rightmost such token)."""
    candidates = [
        doc[i] for i in range(start, end) if not (start <= doc[i].head.i < end) or doc[i].head.i == i
    ]
    if not candidates:
        return doc[end - 1]
    nouns = [t for t in candidates if t.pos_ in ("NOUN", "PROPN", "PRON")]
    return (nouns or candidates)[-1] if len(candidates) > 1 else candidates[0]


def _without_determiners(span: Span) -> str:
    tokens = list(span)
    while tokens and (tokens[0].lower_ in _DETERMINERS or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].tag_ == "POS"):
        tokens = tokens[:-1]
    if not tokens:
        return span.text
    return span.doc[tokens[0].i : tokens[-1].i + 1].text


def _merge_facts(into: _PhraseFacts, other: _PhraseFacts) -> None:
    if other.country and other.country_rank < into.country_rank:
        into.country, into.country_rank = other.country, other.country_rank
    if other.sector and (not into.sector or (into.head_role and into.head_role.is_generic)):
        into.sector = other.sector
    if other.role_text and not into.role_text:
        into.role_text = other.role_text
        into.head_role = other.head_role
    into.role_keys |= other.role_keys
    into.office = into.office or other.office
    into.former = into.former or other.former
    into.org = into.org or other.org


def _countries_of(people: list[Person]) -> set[str]:
    return {t.country for p in people for t in p.terms if t.country}


def _title_fits(person: Person, facts: _PhraseFacts) -> bool:
    """Whether a person held an office the title names ("King" a king, "President" a head of state)."""
    role = facts.head_role
    for term in person.terms:
        if role is not None and term.title and role.phrase in normalize_name(term.title).split():
            return True
        if facts.office and term.office == facts.office and not _is_monarch_title(role):
            return True
    return False


_MONARCH_TITLES = frozenset({"king", "queen", "emir", "sultan", "monarch", "prince", "crown prince", "sheikh"})


def _is_monarch_title(role: Role | None) -> bool:
    return role is not None and role.phrase in _MONARCH_TITLES


def _conjunct_ranges(span: Span) -> list[tuple[int, int]]:
    """Token ranges of the conjuncts of a coordinated phrase; [] when it is not coordinated."""
    doc = span.doc
    root = span.root
    heads = [root, *[t for t in root.conjuncts if span.start <= t.i < span.end]]
    if len(heads) > 1:
        ranges = []
        for head in sorted(heads, key=lambda t: t.i):
            left = head.left_edge.i
            right = head.i + 1
            for child in head.rights:
                if child.dep_ not in ("cc", "conj", "punct") and child.i < span.end:
                    right = max(right, child.right_edge.i + 1)
            ranges.append((max(left, span.start), min(right, span.end)))
        return ranges
    modifiers = _coordinated_modifiers(doc, span.start, span.end)
    return modifiers


def _coordinated_of_objects(view: _DocView, start: int, end: int) -> list[tuple[int, int]]:
    """("Russia", "Armenia") in "government agencies of Russia and Armenia", each keeping the head's role."""
    doc = view.doc
    for index in range(start, end):
        token = doc[index]
        if token.dep_ == "pobj" and token.head.lower_ in _OF_PREPS and token.i in view.match_at:
            conjuncts = [c for c in token.conjuncts if start <= c.i < end and c.i in view.match_at]
            if conjuncts:
                members = sorted([token, *conjuncts], key=lambda t: t.i)
                return [(view.match_at[m.i].start, view.match_at[m.i].end) for m in members]
    return []


def _coordinated_modifiers(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """("Hungarian", "Romanian") in "Hungarian and Romanian officials"; [] when there is no such pair."""
    for index in range(start, end):
        token = doc[index]
        if token.dep_ in ("amod", "compound", "nmod", "poss") and token.head.i < end and token.head.i > index:
            conjuncts = [c for c in token.conjuncts if start <= c.i < end]
            if conjuncts:
                ranges = []
                for member in sorted([token, *conjuncts], key=lambda t: t.i):
                    ranges.append((member.i, member.i + 1))
                return ranges
    return []


__all__ = ["ActorResolver"]


_STANCE_PREFIXES = frozenset({"pro", "anti"})
_SPONSOR_SUFFIXES = frozenset({"backed", "sponsored", "funded", "supported", "aligned", "allied", "armed", "trained",
                               "occupied", "held", "controlled", "annexed", "administered"})


def _stance_only(doc: Doc, start: int, end: int) -> bool:
    """Whether a name in a phrase tells whom its owner favours, is backed by or is held by ("Israeli-occupied West
    Bank"), not where it belongs."""
    if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in _STANCE_PREFIXES:
        return True
    if start >= 1 and doc[start - 1].lower_ in ("pro-", "anti-"):
        return True
    return end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in _SPONSOR_SUFFIXES
