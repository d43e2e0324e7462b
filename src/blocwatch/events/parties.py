"""Reading the parties of an act from its tokens (`PartyReader`, a part of `EventCoder`): the resolver's
actor for each phrase, then what the rest of the sentence says of it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Protocol

from spacy.tokens import Span, Token

from blocwatch.events.lexicon import Lexicon
from blocwatch.events.syntax import (
    agentive,
    compact_edge,
    counted,
    counting_head,
    full_phrase,
    is_placed,
    number_agrees,
    prep_objects,
)
from blocwatch.events.vocabulary import (
    ETHNIC_COLLECTIVES,
    GENERIC_HEADS,
    IRREGULAR_HEADS,
    MAX_PHRASE_TOKENS,
    MILITARY_HEADS,
    NON_ACTOR_HEADS,
    PERSONAL_PRONOUNS,
    PLACE_PREPS,
    POPULATION_NOUNS,
    THING_WORDS,
    VIOLENT_VERBS,
)
from blocwatch.records import Actor


class SpanResolver(Protocol):
    """What the coder needs from the actors stage (`blocwatch.actors.ActorResolver` provides it)."""

    def actor_for_span(self, span: Span, offset: int = 0) -> Actor | None: ...

    def state_actor(self, code: str, sector: str | None, role: str | None = None,
                    resolved_by: str = "text") -> Actor: ...

    def is_locality(self, actor: Actor) -> bool: ...

    def split_compound(self, span: Span, offset: int = 0) -> list[Actor]: ...


class PartyReader:
    """The event coder's reading of actors from tokens; it reads `self.lexicon`."""

    lexicon: Lexicon
    # The actor read for each token of the sentence being coded (cleared per sentence by the coder).
    _actor_cache: dict[tuple[int, int, int], Actor | None]

    def _actors(self, tokens: Iterable[Token], offset: int, resolver: SpanResolver) -> list[Actor]:
        """Actors for argument heads; "Hungarian and Romanian officials" gives one actor per country."""
        out: list[Actor] = []
        for tok in tokens:
            if tok.is_punct:
                continue
            parts = self._one_per_country(tok, offset, resolver)
            if parts:
                out.extend(parts)
                continue
            speaker = self._reporting_subject(tok)
            if speaker is not None:
                actor = self._actor(speaker, offset, resolver)
                if actor is not None:
                    # "Russia said it had expelled ...": the actor is named where the sentence names it.
                    out.append(replace(actor, resolved_by="text"))
                    continue
            appositions = [c for c in tok.children if c.dep_ == "appos" and c.i == tok.i + 1]
            actor = self._actor(appositions[0], offset, resolver) if appositions else None
            if actor is not None and actor.country is not None and appositions[0].left_edge.i == tok.i + 1:
                # "its NATO ally Turkey": named by the apposition, written as the whole phrase
                whole = tok.doc[tok.left_edge.i:compact_edge(appositions[0]) + 1]
                actor = replace(actor, text=whole.text, start=offset + whole.start_char, end=offset + whole.end_char)
            if actor is None or actor.country is None:
                actor = self._actor(tok, offset, resolver) or actor
            if actor is not None:
                out.append(self._read_in_context(tok, actor, offset, resolver))
        return out

    def _one_per_country(self, tok: Token, offset: int, resolver: SpanResolver) -> list[Actor]:
        """A phrase that names several states' parties, one actor each; [] for any other phrase."""
        modifiers_joined = any(c.dep_ in ("amod", "compound", "nmod") and any(g.dep_ == "conj" for g in c.children)
                               for c in tok.children)
        if modifiers_joined:
            phrase = self._phrase(tok)
            parts = resolver.split_compound(phrase, offset)
            if len(parts) > 1:
                # One actor per country, each written as the whole phrase ("Russian and Syrian warplanes").
                return [replace(part, text=phrase.text, start=offset + phrase.start_char, end=offset + phrase.end_char)
                        for part in parts]
        owners = [g for g in prep_objects(tok, ("of",)) if any(x.dep_ == "conj" for x in g.children)]
        if owners and (tok.lower_ in GENERIC_HEADS or tok.lemma_.lower() in GENERIC_HEADS):
            # "the armies of Brazil and Argentina": one actor per country, written as the whole phrase
            phrase = full_phrase(tok)
            parts = [a for a in (self._actor(o, offset, resolver) for o in self._expand(owners[:1])) if a]
            if len(parts) > 1 and all(p.country for p in parts):
                head = resolver.actor_for_span(tok.doc[tok.left_edge.i:tok.i + 1], offset)
                sector = head.sector if head is not None and head.sector else None
                return [replace(p, text=phrase.text, start=offset + phrase.start_char, end=offset + phrase.end_char,
                                sector=sector or p.sector) for p in parts]
        homes = [g for g in prep_objects(tok, ("in",)) if any(x.dep_ == "conj" for x in g.children)]
        if homes and tok.tag_ == "NNS" and tok.lemma_.lower() in POPULATION_NOUNS:
            # "people in Somalia, Ethiopia and Kenya": one party per country, the first written with its head.
            places = [a for a in (self._actor(o, offset, resolver) for o in self._expand(homes[:1])) if a]
            if len(places) > 1 and all(p.country and p.kind == "state" for p in places):
                first = tok.doc[tok.left_edge.i:homes[0].i + 1]
                sector = "REF" if tok.lemma_.lower() == "refugee" else "CVL"
                return [replace(places[0], text=first.text, start=offset + first.start_char,
                                end=offset + first.end_char, kind="group", sector=sector, actor_id=None),
                        *(replace(p, kind="group", sector=sector, actor_id=None) for p in places[1:])]
        return []

    def _read_in_context(self, tok: Token, actor: Actor, offset: int, resolver: SpanResolver) -> Actor:
        """What the rest of the sentence says of an argument its own phrase leaves open: where an ethnic group
        lives, a nationality's shared noun, a thing's owner, civilians among officials, a speaker's forces."""
        if ("ethnic" in tok.sent.text.lower() and any(t.lower_ == "ethnic" for t in self._phrase(tok))) or (
                tok.lemma_.lower() in ETHNIC_COLLECTIVES and actor.kind != "igo" and actor.country):
            # "the Albanian population of the province", "the Turkish minority": a people where it lives
            actor = self._ethnic_group(tok, actor, offset, resolver)
        if actor.sector is None and actor.kind == "state" and tok.pos_ in ("PROPN", "ADJ"):
            # "Sierra Leonean and Liberian refugees", parsed as "Sierra Leonean" and "Liberian refugees": the
            # nationality shares the coordinated noun's role.
            nouns = [c for c in tok.children if c.dep_ == "conj" and c.pos_ == "NOUN"
                     and any(g.dep_ in ("amod", "compound") and g.pos_ in ("ADJ", "PROPN") for g in c.children)]
            shared = self._actor(nouns[0], offset, resolver) if nouns else None
            if shared is not None and shared.sector:
                actor = replace(actor, sector=shared.sector, kind="group")
        if actor.sector is None and actor.country and tok.pos_ == "NOUN":
            # "the computers of South Korean army officers", "the right of Russian troops": whose they are;
            # "support from the Kenyan parliament", "autonomy from Serbian authorities": whom it is asked of
            owners = [o for o in prep_objects(tok, ("of", "from")) if o.pos_ in ("NOUN", "PROPN")]
            owner = self._actor(owners[0], offset, resolver) if owners else None
            if owner is not None and owner.sector and owner.country == actor.country:
                actor = replace(actor, sector=owner.sector)
        if actor.sector not in (None, "CVL") and any(c.dep_ == "amod" and c.lower_ == "civilian" for c in tok.children):
            actor = replace(actor, sector="CVL")  # "16 Russian civilian advisers" are civilians, not officials
        if actor.country is None and tok.dep_ in ("nsubj", "nsubjpass"):
            # "Bosnian Serbs said their forces had completed ...": whose forces the speaker says they are.
            owners = [c for c in tok.children if c.dep_ == "poss" and c.lower_ in ("their", "its", "his", "her")]
            speaker = self._reporting_subject(owners[0], clause=tok.head) if owners else None
            owner = self._actor(speaker, offset, resolver) if speaker is not None else None
            if owner is not None and owner.country:
                actor = replace(actor, country=owner.country, resolved_by="text")
        return actor

    def _ethnic_group(self, tok: Token, actor: Actor, offset: int, resolver: SpanResolver) -> Actor:
        """'Ethnic Albanians in south Serbia' are coded to the state they live in, not the nation named; with no
        place in the phrase they stay unplaced so that the place of the act can give their state."""
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "of", "from"):
                for pobj in child.children:
                    place = self._actor(pobj, offset, resolver) if pobj.dep_ == "pobj" else None
                    if place is not None and place.country and place.kind == "state":
                        return replace(actor, country=place.country, kind="group", sector="CVL", resolved_by="text")
        lives_in = self._place_within([tok], offset, resolver)  # "ethnic Albanian guerrillas operating in Macedonia"
        if lives_in is not None and lives_in.country != actor.country:
            return replace(actor, country=lives_in.country, kind="group", sector=actor.sector or "CVL",
                           actor_id=None, resolved_by="text")
        return replace(actor, country=None, kind="group", sector=actor.sector or "CVL", actor_id=None,
                       resolved_by="text")

    def _reporting_subject(self, tok: Token, clause: Token | None = None) -> Token | None:
        """'X said they/he will ...': a pronoun subject of a reported clause is usually the speaker X (with
        `clause`, a possessive pronoun in that clause's subject: "X said their forces ...")."""
        if clause is None and (tok.lower_ not in PERSONAL_PRONOUNS - {"we", "us", "i"}
                               or tok.dep_ not in ("nsubj", "nsubjpass")):
            return None
        clause = clause if clause is not None else tok.head
        for _ in range(3):
            if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in self.lexicon.speech_verbs:
                speech = clause.head
                subjects = [c for c in speech.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
                if not subjects and speech.dep_ == "conj" and speech.head != speech:
                    # "rebels rejected the plan, and said they also opposed ...": the first verb's subject speaks
                    subjects = [c for c in speech.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
                if not subjects and speech.dep_ == "pcomp" and speech.head.dep_ == "prep":
                    # "King Hassan was quoted as saying he would ...": the one quoted.
                    subjects = [c for c in speech.head.head.children
                                if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"]
                if subjects and number_agrees(tok, counted(subjects[0])):
                    return subjects[0]
                return None
            if clause.dep_ in ("xcomp", "conj", "acomp") and clause.head != clause:
                clause = clause.head
            else:
                return None
        return None

    def _refine_violence(self, code: str, verb: Token, source_toks: Sequence[Token]) -> str:
        """Who does the violence decides between CAMEO 18 (unconventional) and 19 (military force)."""
        if verb.lemma_.lower() not in VIOLENT_VERBS or code[:2] not in ("18", "19"):
            return code
        # "was killed in a car bomb explosion": the means named in the passive is the violence used.
        means = prep_objects(verb, ("in", "by")) if not source_toks else []
        for tok in [*source_toks, *means]:
            head = tok.lower_
            key = self._noun_key(tok)
            if key and self.lexicon.nouns[key][:2] in ("18", "19"):  # "a roadside bombing killed ..."
                return self.lexicon.nouns[key]
            if head in MILITARY_HEADS:
                return "195" if head in ("aircraft", "jets", "jet", "warplanes", "warplane", "drones", "helicopters", "gunships") else code if code[:2] == "19" else "190"
            if head in IRREGULAR_HEADS:
                return code if code[:2] == "18" else "180"
        return code

    def _actor(self, tok: Token, offset: int, resolver: SpanResolver) -> Actor | None:
        # The same argument is looked at by several candidate lists; resolve it once per sentence.
        key = (id(tok.doc), tok.i, offset)
        if key not in self._actor_cache:
            self._actor_cache[key] = self._written_actor(tok, offset, resolver)
        return self._actor_cache[key]

    def _written_actor(self, tok: Token, offset: int, resolver: SpanResolver) -> Actor | None:
        actor = self._resolve_actor(tok, offset, resolver)
        if actor is None or not actor.text:
            return actor
        # The mention as written is the whole noun phrase with its prepositional tails (not its relative
        # clauses, asides or coordinated siblings); the compact phrase was only used to resolve it.
        setting = self._named_setting(tok, actor, offset, resolver)
        if setting is not None:
            return setting
        full = full_phrase(tok)
        counter = counting_head(tok)
        if counter is not None:  # "dozens of demonstrators", "a group of Moroccan diplomats": the count is written too
            full = tok.doc[counter.left_edge.i:full.end]
        if len(full) <= MAX_PHRASE_TOKENS and full.start_char + offset <= actor.start and actor.end <= full.end_char + offset:
            return replace(actor, text=full.text, start=offset + full.start_char, end=offset + full.end_char)
        if actor.kind == "state" and tok.ent_type_ in ("GPE", "LOC") and full.start_char + offset == actor.start:
            # "Haifa, Israel's third largest city": a place is named by its name; the aside only describes it
            return replace(actor, text=full.text, start=offset + full.start_char, end=offset + full.end_char)
        return actor

    def _named_setting(self, tok: Token, actor: Actor, offset: int, resolver: SpanResolver) -> Actor | None:
        """"a ceasefire in Afghanistan", "aid in Yemen", "the normalization of the situation in Mali": an act or a
        thing is no party; the state it stands for is the place its phrase names, and that place is the mention."""
        if actor.kind != "state" or tok.pos_ != "NOUN" or (agentive(tok) and not self._noun_key(tok)):
            return None
        if resolver.actor_for_span(tok.doc[tok.left_edge.i:tok.i + 1], offset) is not None:
            return None  # "Ukrainian forces in the Crimea": named by itself
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in PLACE_PREPS | {"of"}:
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                if prep.lower_ == "of":  # "the normalization of the situation in Mali"
                    place = self._named_setting(pobj, actor, offset, resolver)
                else:
                    place = self._actor(pobj, offset, resolver)
                if place is not None and place.kind == "state" and place.country == actor.country:
                    return replace(actor, text=place.text, start=place.start, end=place.end)
        return None

    def _resolve_actor(self, tok: Token, offset: int, resolver: SpanResolver) -> Actor | None:
        if tok.lemma_.lower() in NON_ACTOR_HEADS or tok.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"):
            return None
        phrase = self._phrase(tok)
        actor = resolver.actor_for_span(phrase, offset)
        if actor is None and (tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")):
            # A single capitalised word the model calls a person is as often a place ("Karabakh").
            kind = "person" if tok.ent_type_ == "PERSON" and len(phrase) > 1 else "org"
            actor = Actor(text=phrase.text, name=phrase.text, kind=kind, start=offset + phrase.start_char,
                          end=offset + phrase.end_char, resolved_by="text")
        elif actor is None and tok.lower_ in ("we", "us", "i", "me"):
            # Resolved against the speaker once quotes are known (pipeline._link_quotes).
            actor = Actor(text=tok.text, name=tok.text, kind="org", start=offset + tok.idx,
                          end=offset + tok.idx + len(tok.text), resolved_by="text")
        elif actor is None and tok.pos_ == "NOUN" and not self._noun_key(tok) and (
                (tok.tag_ == "NNS" and tok.lemma_.lower() not in THING_WORDS)
                or (tok.dep_ in ("dobj", "pobj", "nsubjpass", "dative") and agentive(tok))):
            # "Musicians", "protesters": a group the knowledge base cannot place, kept as the text names it.
            actor = Actor(text=phrase.text, name=phrase.text, kind="org", start=offset + phrase.start_char,
                          end=offset + phrase.end_char, resolved_by="text")
        if actor is not None and not is_placed(actor):
            # "militants loyal to Iraq's al-Qaeda frontman", "forces loyal to Gbagbo": the side they are loyal to.
            for loyalty in (c for c in tok.children if c.dep_ == "amod" and c.lower_ in ("loyal", "faithful")):
                for patron in prep_objects(loyalty, ("to",)):
                    side = self._actor(patron, offset, resolver)
                    if side is not None and side.country and side.country != "IGO":
                        return replace(actor, country=side.country, resolved_by="text")
            # "troops from the Collective Security Treaty Organization": sent by the organisation
            for sender in prep_objects(tok, ("from",)):
                body = self._actor(sender, offset, resolver)
                if body is not None and body.kind == "igo":
                    return replace(actor, country=body.country, org=body.org, resolved_by="text")
        if not is_placed(actor):
            named = self._named_in_apposition(tok, offset, resolver)
            if named is not None:
                return replace(named, text=phrase.text, start=offset + phrase.start_char,
                               end=offset + phrase.end_char)
        return actor

    def _named_in_apposition(self, tok: Token, offset: int, resolver: SpanResolver) -> Actor | None:
        """'The main rebel group, Forces for Defence of Democracy (FDD)': a description the knowledge base cannot
        place is the organisation its apposition, or that name's bracketed acronym, names."""
        queue = [c for c in tok.children if c.dep_ == "appos"]
        index = 0
        while index < min(len(queue), 8):
            current = queue[index]
            index += 1
            if current.pos_ == "PROPN":
                bracketed = current.i > 0 and current.nbor(-1).text == "("
                span = current.doc[current.i:current.i + 1] if bracketed else self._phrase(current)
                found = resolver.actor_for_span(span, offset)
                if found is not None and is_placed(found) and found.kind != "person":
                    return found
            queue.extend(c for c in current.subtree if c.dep_ == "appos" and c is not current)
        return None

