"""Code events from parsed sentences: triggers from the lexicon, actors and recipients from the dependency parse.

One trigger gives one event per (actor, recipient) pair; a sentence can hold several triggers. Triggers are verbs
("invaded", "pulled out of"), light verbs with event nouns ("held talks", "imposed sanctions"), verbs that embed
another act ("agreed to meet", "refused to attend", "urged X to release"), and nominal events with their own
arguments ("Azerbaijan's offensive", "criticism from Russia").
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from blocwatch.events import ontology
from blocwatch.events.arguments import ArgumentReader
from blocwatch.events.dates import event_date
from blocwatch.events.lexicon import Lexicon, load_lexicon
from blocwatch.events.modality import QUOTE_MARKS, modality_of
from blocwatch.events.parties import PartyReader, SpanResolver
from blocwatch.events.syntax import (
    about_sport,
    actor_like,
    anaphoric,
    as_list,
    attempt_of,
    combine,
    compatriots,
    conditional,
    coordinated,
    counted_lists,
    custody_holder,
    death_caused_by,
    dedupe,
    event_type,
    full_phrase,
    future_or_modal,
    home_authority,
    hoped_subject,
    is_placed,
    main_clause,
    names_a_time,
    only_own_state,
    partner,
    peacekeeping_deployment,
    placed_in,
    political,
    prep_objects,
    readying,
    third_party,
    threat_unless,
    when_clauses,
)
from blocwatch.events.triggers import Trigger, TriggerFinder
from blocwatch.events.vocabulary import (
    BLOCKED_WAYS,
    CONFLICT_ROOTS,
    EXPULSION_VERBS,
    GATHERING_VERBS,
    GOVERNMENT_WORDS,
    INTENT_ADJECTIVES,
    JOINT_ADVERBS,
    MILITARY_ACTS,
    NON_ACTOR_HEADS,
    PLACE_PREPS,
    RECIPROCAL_TRIGGERS,
    SPEECH_ONLY_WITH_CONTENT,
    STANCE_CODES,
    SYMMETRIC_CODES,
    VIOLENT_VERBS,
    VISIT_CODES,
)
from blocwatch.records import Actor, Event

LOG = logging.getLogger(__name__)


class EventCoder(TriggerFinder, ArgumentReader, PartyReader):
    """Codes a parsed sentence's events: its triggers (`triggers.py`), each trigger's arguments
    (`arguments.py`) read as parties (`parties.py`), then one event per actor-recipient pair, with modality,
    date and confidence (this module)."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or load_lexicon()
        self._actor_cache: dict[tuple[int, int, int], Actor | None] = {}

    # ------------------------------------------------------------------ events
    def code_sentence(self, sent: Span, sentence_index: int, offset: int, resolver: SpanResolver,
                      published: str | date | None, previous: Sequence[Event] = ()) -> list[Event]:
        if about_sport(sent):
            return []  # "Real Madrid beat Barcelona 3-1": not an assault
        self._actor_cache = {}
        events: list[Event] = []
        background: set[int] = set()
        described: set[int] = set()
        for trig in self._triggers(sent):
            found = self._events_for(trig, sent, sentence_index, offset, resolver, published, previous)
            if not main_clause(trig.token):
                background.update(id(e) for e in found)
            if trig.token.dep_ in ("relcl", "acl") and not trig.nominal and trig.token.tag_ == "VBN":
                described.update(id(e) for e in found)
            events.extend(found)
        if not any(not e.cameo.startswith("01") for e in events):
            statement = self._statement(sent, sentence_index, offset, resolver, published)
            if statement is not None and not events:
                events.append(statement)
        else:
            events.extend(self._hopes_addressed(sent, sentence_index, offset, resolver, published, events))
        if any(is_placed(e.actor) or is_placed(e.recipient) for e in events):
            # Beside an act between parties we can place, a background act between parties we cannot
            # ("detainees held after the escape") is one no dyad can use.
            events = [e for e in events
                      if is_placed(e.actor) or is_placed(e.recipient) or id(e) not in background]
        if any(id(e) not in background and is_placed(e.actor) and is_placed(e.recipient) for e in events):
            # Beside the act the sentence reports between two placed parties, a coder leaves out background: a
            # participle describing a noun ("property seized by government forces in the 1970s") and acts told in
            # subordinate clauses or noun phrases with a side the text does not place ("after last month's U.S.
            # invasion", "when Idi Amin expelled them") — no dyad can use those.
            events = [e for e in events if id(e) not in described and (
                id(e) not in background or (is_placed(e.actor) and is_placed(e.recipient)))]
        return dedupe(events)


    def _events_for(self, trig: Trigger, sent: Span, sentence_index: int, offset: int, resolver: SpanResolver,
                    published: str | date | None, previous: Sequence[Event]) -> list[Event]:
        verb = trig.token
        reciprocal_args = False
        place: Actor | None = None
        patients: list[Token] = []
        candidates: list[tuple[str, list[Token]]] = []
        if trig.nominal:
            source_toks, target_toks, reciprocal_args = self._noun_args(verb)
            if not source_toks and verb.dep_ == "attr" and verb.head.lemma_ == "be":
                source_toks, _ = self._subject_tokens(verb.head)  # "Germany is the largest donor of aid to Iraq"
            anchor = verb  # "launched artillery, mortar and rocket fire": the last conjunct acts like the first
            while anchor.dep_ == "conj" and anchor.head != anchor and anchor.head.pos_ in ("NOUN", "PROPN"):
                anchor = anchor.head
            if (not source_toks and anchor.dep_ == "pobj" and anchor.head.lower_ in ("for", "in", "to")
                    and anchor.head.head.lemma_.lower() in GATHERING_VERBS):
                source_toks, _ = self._subject_tokens(anchor.head.head)  # "thousands converged for a rally"
            elif (not source_toks and anchor.dep_ == "pobj" and anchor.head.lower_ == "during"
                  and anchor.head.head.pos_ == "VERB" and self._protest_code(anchor)):
                # "youths threw stones during demonstrations against ...": who acted during a protest took part in it
                source_toks, _ = self._subject_tokens(anchor.head.head)
            elif not source_toks and anchor.dep_ in ("dobj", "nsubjpass") and anchor.head.pos_ == "VERB":
                # "failed to renew the arms embargo on Iran": who renews it imposes it
                source_toks, _ = self._subject_tokens(anchor.head)
            elif (not source_toks and verb.dep_ == "nsubj" and verb.head.dep_ in ("ccomp", "xcomp")
                  and verb.head.head.lemma_.lower() in self.lexicon.light_verbs | self.lexicon.speech_verbs):
                # "announced a ceasefire to coincide with ...", parsed with the ceasefire as a clause subject
                source_toks, _ = self._subject_tokens(verb.head.head)
            elif (not source_toks and verb.dep_ == "pobj" and verb.head.head.pos_ == "ADJ"
                  and verb.head.head.lemma_.lower() in ("responsible", "guilty", "culpable", "behind")):
                adjective = verb.head.head  # "is responsible for mass killings"
                if adjective.head != adjective:
                    source_toks, _ = self._subject_tokens(adjective.head)
            if trig.code[:2] == "14" and (aims := self._protested(verb, verb, None)):
                # "a rally to protest abuses by the army", "demonstrations against violations by the police":
                # whom the protest confronts, before where it is held
                aimed, _ = self._choose_recipient([("core", c) for c in aims], offset, resolver)
                target_toks = aimed or target_toks
            if not source_toks and not target_toks and trig.code[:2] in ("18", "19", "20") and (
                    dying := death_caused_by(verb)) is not None:
                # "a prisoner died as a result of torture in Israeli police custody": the one who died suffered it,
                # at the hands of whoever held him
                target_toks = [c for c in dying.children if c.dep_ == "nsubj"]
                source_toks = custody_holder(dying)
            if not source_toks and not target_toks:
                return []
        elif trig.flip:
            subjects, _ = self._subject_tokens(verb)
            source_toks = self._noun_args(trig.obj)[0] if trig.obj is not None else []
            if not source_toks:  # "drew criticism from Russia" with the prepositional phrase on the verb
                source_toks = [g for c in verb.children if c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by")
                               for g in c.children if g.dep_ == "pobj"]
            target_toks = subjects
        else:
            source_toks, patients = self._subject_tokens(verb)
            agentless = not source_toks
            if patients and agentless and verb.lemma_.lower() in EXPULSION_VERBS:
                # "inspectors have been expelled from North Korea": the state they leave is the one expelling them.
                source_toks = prep_objects(verb, ("from",))
            candidates = self._recipient_candidates(trig)
            if patients and agentless and trig.code.startswith("087"):
                # "UN peacekeepers were shipped out of Gorazde": the force withdrawn is the one withdrawing, from
                # the place it leaves.
                source_toks, patients = patients, []
                left = prep_objects(verb, ("from",)) + [g for p in verb.children if p.dep_ in ("prep", "prt")
                                                         and p.lower_ == "out" for g in prep_objects(p, ("of",))]
                candidates.insert(0, ("core", left))
            if patients and agentless:
                candidates.insert(0, ("core", patients))  # "a missionary was arrested in Lebanon"
                # "UN sanctions against Iran were lifted": a measure acted on falls on whom it targets, as in the
                # active "lifted UN sanctions against Iran".
                measured = [r for p in patients if self._noun_key(p) for r in self._noun_args(p)[1]]
                if measured:
                    candidates.insert(0, ("core", measured))
            elif patients:
                candidates.append(("core", patients))
            # "inspectors were expelled from North Korea": the state they leave, taken as the actor, is not
            # also whom the act falls on.
            taken = {t.i for t in source_toks}
            candidates = [(kind, [t for t in candidate if t.i not in taken]) for kind, candidate in candidates]
            target_toks, place = self._choose_recipient(candidates, offset, resolver)
            if not source_toks and verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
                # "the agreement between Russia and Armenia signed on ...": the noun carries the parties.
                noun_actors, noun_targets, reciprocal_args = self._noun_args(verb.head)
                if not noun_actors and verb.head.dep_ == "pobj" and verb.head.head.head.pos_ == "NOUN":
                    noun_actors, noun_targets, reciprocal_args = self._noun_args(verb.head.head.head)
                source_toks = noun_actors
                target_toks = noun_targets or target_toks
        sources = self._actors(self._expand(source_toks), offset, resolver)
        if any(t.lemma_.lower() in MILITARY_ACTS for t in source_toks):
            # "US Predator attacks have killed ...", "Russian air strikes hit ...": a state's strikes are its military's
            sources = [replace(a, sector="MIL") if a.kind == "state" and a.sector is None else a for a in sources]
        if trig.code[:2] in ("03", "04", "05", "06", "07", "08") or peacekeeping_deployment(trig.code, verb):
            # "sent troops to the UN peacekeeping force in South Sudan": help given to a mission goes to the
            # country it serves; a host agreeing to a mission on its own soil deals with the mission itself.
            own = {a.country for a in sources}
            target_toks = [self._mission_place(t, offset, resolver, own) or t for t in target_toks]
        targets: list[Actor] = []
        anaphoric_target = False
        partners: set[int] = set()  # where the other side of a symmetric act is named
        for t in self._expand(counted_lists(target_toks)):
            if anaphoric(t) and previous:
                anaphoric_target = True
                continue
            found = self._actors([t], offset, resolver)
            if trig.code in SYMMETRIC_CODES | VISIT_CODES and partner(t):
                # a town or city visited is where, not who hosts ("will visit Paris")
                partners.update(a.start for a in found
                                if trig.code in SYMMETRIC_CODES or not resolver.is_locality(a))
            targets.extend(found)
        if place is None and not trig.nominal:
            place = self._place_of(source_toks, offset, resolver)  # "a roadside bombing near Samarra killed ..."
        if place is None and not trig.nominal and (attempt := attempt_of(verb)) is not None and attempt.head != attempt:
            # "an attempt to assassinate the governor was thwarted in Khanty-Mansiysk": where it was made
            place = self._place_of([attempt.head], offset, resolver)
        struck_at: Actor | None = None
        if place is None and not trig.nominal and trig.code[:2] in ("18", "19", "20"):
            # "killed 23 people when they blew themselves up in Tel Aviv": the clause telling how the blow fell
            # names where the victims were (not who struck them).
            struck_at = self._place_within(when_clauses(verb), offset, resolver)
        if place is None and trig.code[:2] == "14" and trig.obj is not None and trig.obj.lemma_.lower() in BLOCKED_WAYS:
            place = self._place_of([trig.obj], offset, resolver)  # "blocked streets in Hong Kong"
        if (not sources and not any(t.pos_ == "PRON" for t in source_toks) and place is not None and place.country
                and (trig.code[:2] in ("17", "18", "19", "20") or (trig.code[:2] == "09" and patients))):
            # Violence or coercion by an unnamed hand ("was arrested in Lebanon") is coded to where it happened,
            # as CAMEO coders do; so is someone put under investigation there, by the authorities of the place.
            sources = [Actor(text="", name="unknown", kind="org", country=place.country,
                             start=offset + verb.idx, end=offset + verb.idx, resolved_by="text")]
        targets = [self._not_the_actor(t, sources, sent, offset, resolver) for t in targets]
        if trig.code[:2] in ("18", "19", "20") and (struck := self._struck_by_main_act(verb, offset, resolver)):
            # "a camp for Congolese refugees was attacked, killing 156 people", "killed one U.S. soldier and wounded
            # two others": the victims of the follow-on act are those the main act struck.
            targets = [placed_in(t, struck) for t in targets] or [
                replace(struck, text="", start=offset + verb.idx, end=offset + verb.idx)]  # "..., killing 50"
        if place is not None or struck_at is not None:
            # An unplaced recipient ("a 35-year-old inmate", "civilians") is where the act happened: "Russian troops
            # killed civilians in Bucha" are Ukrainian civilians.
            targets = [placed_in(t, place or struck_at) for t in targets]
        # "Egyptian police dispersed demonstrators", "protesters marched against the government": an unplaced
        # domestic group is the other side's compatriots, as CAMEO codes domestic events.
        targets = [compatriots(t, sources) for t in targets]
        if place is not None:
            sources = [placed_in(a, place) for a in sources]  # "prisoners rioted at a jail in Dili"
        sources = [compatriots(a, targets) for a in sources]
        if trig.code[:2] == "17" and (jurisdiction := home_authority(sources)) is not None:
            # Whoever a state's authorities arrest, detain or search is within their reach: on their territory.
            targets = [placed_in(t, jurisdiction) if t.kind != "igo" else t for t in targets]
        if not trig.nominal:
            targets = self._placed_by_setting(targets, target_toks, trig, offset, resolver)
        if trig.code[:2] in CONFLICT_ROOTS - {"14"} and any(
                t.dep_ == "pobj" and t.head.lower_ in PLACE_PREPS for t in target_toks):
            # "a curfew in Abidjan", "aid deliveries suspended in Baghdad": a capital named as the place of a
            # coercive act stands for the people there, not for the government seated in it.
            targets = [replace(t, sector="CVL") if t.kind == "state" and t.sector in (None, "GOV") else t
                       for t in targets]
        elif trig.code[:2] in CONFLICT_ROOTS - {"14"} and any(
                t.pos_ == "NOUN" and any(c.dep_ == "prep" and c.lower_ in PLACE_PREPS for c in t.children)
                for t in target_toks):
            # "to ban voting in East Jerusalem": an activity curbed in a place falls on the people doing it there.
            targets = [replace(t, sector="CVL") if t.sector in (None, "GOV") and resolver.is_locality(t) else t
                       for t in targets]
        if trig.code[:2] in ("07", "08", "18", "19", "20") or trig.code in ("138", "139"):
            # "shelled the town of Gorazde", "evacuated the wounded from Gorazde", "aid to Kharkiv": force, help and
            # rescue aimed at a place fall on the people there (a protest blocking the capital confronts the
            # government seated there, and keeps its sector).
            targets = [replace(t, sector="CVL") if t.sector in (None, "GOV") and resolver.is_locality(t) else t
                       for t in targets]
        if anaphoric_target and previous:
            # "this drew criticism": the target is whoever did the act just reported.
            last_trigger = previous[-1].trigger_start
            seen_ids: set[str | None] = set()
            for prior in previous:
                if prior.trigger_start != last_trigger:
                    continue
                for actor in as_list(prior.actor):
                    if actor.actor_id not in seen_ids:
                        seen_ids.add(actor.actor_id)
                        targets.append(actor)
        if not targets and not anaphoric_target and not trig.nominal and trig.code in STANCE_CODES:
            topic = self._stance_topic(candidates, trig, offset)
            if topic is not None:
                targets = [topic]
        if not targets and not anaphoric_target and not trig.nominal and trig.code[:2] == "15":
            # "strengthened its forces in the Gulf", "remained on alert in the north region": a show of force
            # with no one named is aimed at where it is made.
            targets = self._posture_place(candidates, offset, resolver)
        if not sources and not targets:
            return []
        if any(t.lemma_.lower() in NON_ACTOR_HEADS or t.lower_ in NON_ACTOR_HEADS for t in source_toks):
            return []  # an earthquake, the markets or a team did it: not a political event
        if not actor_like(sources) and not actor_like(targets) and (trig.nominal or not sources):
            # A verb is kept when someone unplaceable acts, or is acted on in the passive ("a missionary was
            # arrested"); not when a storm, a market or a team is the subject.
            if trig.nominal or not targets or any(t.lemma_.lower() in NON_ACTOR_HEADS for t in source_toks):
                return []
        code = self._refine_violence(trig.code, verb, source_toks)
        if code[:2] in ("18", "19") and verb.dep_ == "advcl" and verb.tag_ == "VBG":
            # "rebels shelled Juba, killing 20": the killing was done by the shelling, and is coded as it is.
            main_code = self._refine_violence(self._match_verb(verb.head)[1] or "", verb.head,
                                              self._subject_tokens(verb.head)[0])
            if main_code[:2] in ("18", "19") and main_code[:2] != code[:2]:
                code = main_code[:2] + "0"
        if peacekeeping_deployment(code, verb):
            code = "074"  # sending or deploying forces for peacekeeping is material cooperation
        if code.startswith("01") and not sources:
            return []
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in INTENT_ADJECTIVES and verb.head.head != verb.head:
            modality = modality_of(verb.head.head)  # "is (not) willing to provide": the stance is what is asserted
        elif (attempt := attempt_of(verb)) is not None and attempt.head.pos_ in ("VERB", "AUX"):
            modality = modality_of(attempt.head)  # "an attempt to kill him was foiled": the attempt is what happened
        else:
            governors = [verb.head] if verb.dep_ in ("xcomp", "ccomp") else []
            modality = modality_of(verb, governors)
        if modality in ("future", "asserted") and threat_unless(verb):
            # "will withdraw its force unless the president agrees": an ultimatum, made now (CAMEO 13x).
            code, modality = combine("threaten", code) or "130", "asserted"
        if modality == "negated" and code[:2] in ("03", "04", "05", "06", "07", "08") and future_or_modal(verb):
            # "will not release the hostages" is an asserted refusal (CAMEO 12x), not a negated release.
            code = combine("refuse", code) or "120"
            modality = "asserted"
        if modality == "future" and not trig.nominal:
            # CAMEO codes announced future acts as intentions (03x) or threats (13x); the modality keeps "future".
            code = combine("agree", code) or code if code[:2] in ("04", "05", "06", "07", "08") else code
            if code[:2] in ("14", "15", "16", "17", "18", "19", "20"):
                code = combine("threaten", code) or code
        if (code[:2] in ("18", "19", "20") or code == "138") and readying(verb):
            code = "150"  # "the army prepared to resume shelling": a force readied, not yet used (CAMEO 15)
        if sources and not anaphoric_target and (not targets or only_own_state(targets, sources)):
            # "lifted a state of emergency in West Darfur State": the place within the actor's own state is where
            # a domestic measure falls; named only so, it would otherwise pair the state with itself.
            targets = self._home_side(code, sources, verb, offset, resolver) or targets
        try:
            info = ontology.lookup(code)
        except KeyError:
            return []
        resolved = event_date(verb, published, future=modality == "future")
        evidence_start = offset + sent.start_char
        evidence_end = offset + sent.end_char
        pairs: list[tuple[Actor | None, Actor | None]] = []
        # "India and Pakistan violated the ceasefire": a truce binds both sides, so each breaks it against the other.
        mutual_breach = code == "196" and len(sources) > 1
        reciprocal = verb.lemma_.lower() in RECIPROCAL_TRIGGERS or code[:2] in ("03", "04", "05", "06") or mutual_breach
        joint = any(c.lower_ in JOINT_ADVERBS for c in verb.children)
        if len(sources) > 1 and joint:
            # "Armenia and the EU jointly deployed ...": the act is cooperation between the partners.
            if code[:2] not in ("03", "04", "05", "06"):
                code = "060"
                info = ontology.lookup(code)
            together = coordinated(sources, sent, offset)
            pairs = [(a, b) for a in together for b in together if a is not b and a.actor_id != b.actor_id]
        elif len(sources) > 1 and reciprocal and (not targets or code[:2] in ("03", "04", "05", "06") or mutual_breach) \
                and not third_party(targets, sources, code) and not (
                any(t.dep_ == "pobj" and t.head.lower_ == "with" for t in target_toks)
                and (source_countries := {a.country for a in sources if a.country})
                and any(t.country and t.country not in source_countries for t in targets)):
            # "Hungarian and Romanian officials agreed": each with the other; but "Fabius and a group of deputies
            # held talks with Romania's leaders" is one side meeting the other.
            together = coordinated(sources, sent, offset)
            pairs = [(a, b) for a in together for b in together if a is not b and a.actor_id != b.actor_id]
        else:
            for source in sources or [None]:
                for target in targets or [None]:
                    if source is not None and target is not None and (
                            source.start == target.start or (source.actor_id and source.actor_id == target.actor_id
                                                             and source.kind == target.kind == "state"
                                                             and source.sector == target.sector)):
                        continue  # the same mention, or the state twice; "Nigerian police arrested Nigerians" stays
                    pairs.append((source, target))
                    if source is not None and target is not None and (reciprocal_args or (
                            target.start in partners and code[:2] in ("03", "04", "05")
                            and (trig.code in SYMMETRIC_CODES or code.startswith("03"))
                            and modality in ("asserted", "future") and not conditional(verb))):
                        pairs.append((target, source))
            if not pairs:  # every recipient turned out to be the actor itself
                pairs = [(source, None) for source in sources]
        confidence = trig.confidence
        if verb.dep_ in ("relcl", "acl") or (trig.nominal and verb.dep_ not in ("ROOT", "dobj", "nsubj")):
            confidence -= 0.15  # background told in a relative clause or a noun phrase ranks below the main act
        if sources:
            confidence += 0.1
        if targets:
            confidence += 0.1
        if modality != "asserted":
            confidence -= 0.05
        out: list[Event] = []
        for source, target in pairs:
            out.append(Event(
                actor=source, recipient=target, type=event_type(info), mode=info.plover_mode or None,
                cameo=info.cameo, quad=info.quad, intensity=info.intensity, goldstein=info.goldstein,
                modality=modality, date=resolved.value if resolved else None,
                date_precision=resolved.precision if resolved else None,  # type: ignore[arg-type]
                sentence_index=sentence_index, start=evidence_start, end=evidence_end, evidence=sent.text,
                confidence=max(0.05, min(0.99, confidence)), trigger=verb.text,
                trigger_start=offset + verb.idx, trigger_end=offset + verb.idx + len(verb.text),
                context=info.plover_context or None,
            ))
        return out

    def _struck_by_main_act(self, verb: Token, offset: int, resolver: SpanResolver) -> Actor | None:
        """The placed victim of the violent act a participle or conjoined verb follows on from, if any."""
        main = verb.head
        if verb.dep_ not in ("advcl", "conj") or main == verb or (verb.dep_ == "advcl" and verb.tag_ != "VBG"):
            return None
        victims: list[Token] = []
        if main.lemma_.lower() in VIOLENT_VERBS:
            victims = [c for c in main.children if c.dep_ in ("dobj", "nsubjpass")]
        else:  # "launched rocket fire against guerrilla camps, killing 50"
            for act in (c for c in self._expand([c for c in main.children if c.dep_ == "dobj"]) if self._noun_key(c)):
                if self._noun_code(act)[:2] in ("18", "19", "20"):
                    victims.extend(self._noun_args(act)[1])
        if not victims and verb.dep_ == "conj":
            return self._struck_by_main_act(main, offset, resolver)  # "..., killing or wounding 50"
        for victim in victims:
            housing = prep_objects(victim, ("for", "of"))  # "a camp for Congolese refugees"
            for actor in self._actors(self._expand([victim, *housing]), offset, resolver):
                if actor.country and actor.country != "IGO":
                    return actor
        return None

    def _home_side(self, code: str, sources: list[Actor], verb: Token, offset: int,
                   resolver: SpanResolver) -> list[Actor]:
        """Who a domestic act falls on when the text names no one, as CAMEO codes domestic events.

        Protests, strikes and blockades (14) by people of one country confront their own government
        ("Egyptian demonstrators rioted" is EGY CVL -> EGY GOV). Coercion (17: a curfew, martial law, arrests), its
        threat (137) and
        concessions (08: releases, easing, allowing) by one country's authorities fall on that country; by a
        rebel group, union or party, on its government. Actors of several countries, or organisations, imply
        no target.
        """
        countries = {a.country for a in sources}
        if len(countries) != 1 or None in countries or "IGO" in countries:
            return []
        country = next(iter(countries))
        official = any(a.kind == "igo" or a.sector in ("GOV", "MIL", "COP", "JUD", "LEG", "SPY")
                       or (a.kind == "state" and a.sector is None) for a in sources)
        if code.startswith("14"):
            if official:
                return []  # a government protesting names its target or has none
            home = resolver.state_actor(country, "GOV", resolved_by="text")
        elif code[:2] in ("08", "17") or code == "137":  # "prepared to impose martial law": threatened repression
            home = resolver.state_actor(country, None if official else "GOV", resolved_by="text")
        else:
            return []
        named = self._named_home(country, sources, verb, offset, resolver)
        if named is not None:  # "resigned as president of Indonesia": written where the sentence names it
            # ... keeping the sector of the body named ("to convince the Lithuanian Parliament": LEG)
            return [replace(home, text=named.text, start=named.start, end=named.end,
                            sector=named.sector if named.sector in ("LEG", "JUD", "MIL", "COP", "SPY") else home.sector)]
        position = offset + verb.idx
        return [replace(home, start=position, end=position)]

    def _named_home(self, country: str, sources: list[Actor], verb: Token, offset: int,
                    resolver: SpanResolver) -> Actor | None:
        """The first place in the act's clause, outside its actors, that names the home country itself."""
        taken = [(a.start, a.end) for a in sources]
        for tok in verb.subtree:
            if tok.pos_ not in ("PROPN", "NOUN") or tok.dep_ not in ("pobj", "dobj") or any(
                    s <= offset + tok.idx < e for s, e in taken):
                continue
            found = self._actor(tok, offset, resolver)
            # a name ("in Bolivia"), or a common noun only when it names the government ("after the agreement with
            # the Indian government"; "across the country" is where, not whom)
            if found is not None and found.kind == "state" and found.country == country and found.text and (
                    tok.pos_ == "PROPN" or tok.lemma_.lower() in GOVERNMENT_WORDS):
                return found
        measures = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
        # "declared a state of siege in the northern province of Alta Verapaz"; "lifted the state of emergency in
        # four states", "eased restrictions on the formation of parties": where or on what the measure applies
        scopes = [p for p in verb.children if p.dep_ == "prep" and p.lower_ in PLACE_PREPS] + [
            p for m in measures for p in m.children if p.dep_ == "prep" and p.lower_ in PLACE_PREPS | {"on"}]
        for prep in scopes:
            for pobj in prep.children:
                if pobj.dep_ != "pobj" or pobj.pos_ not in ("NOUN", "PROPN") or names_a_time(prep):
                    continue
                found = self._actor(pobj, offset, resolver)
                if found is None or found.country in (None, country):
                    phrase = full_phrase(pobj)
                    return Actor(text=phrase.text, name=phrase.text, kind="state", country=country,
                                 start=offset + phrase.start_char, end=offset + phrase.end_char, resolved_by="text")
        return None

    def _hoped_of(self, speech: Token, offset: int, resolver: SpanResolver) -> Actor | None:
        """Whom a reported hope or expectation is about: "said they hoped that Gambari would be in Myanmar", "said it
        expects that most pupils will return"."""
        subject = hoped_subject(speech)
        return self._actor(subject, offset, resolver) if subject is not None else None

    def _hopes_addressed(self, sent: Span, sentence_index: int, offset: int, resolver: SpanResolver,
                         published: str | date | None, events: list[Event]) -> list[Event]:
        """A reported hope that named parties will act, beside the act hoped for: "the minister said he hopes Chile
        and the EU will persuade Caracas to free the prisoners" also tells Chile and the EU what is hoped of them.
        Only those the act's own events leave unnamed as recipients, and never the speaker."""
        statement = self._statement(sent, sentence_index, offset, resolver, published)
        if statement is None:
            return []
        speech = next((t for t in sent if offset + t.idx == statement.trigger_start), None)
        subject = hoped_subject(speech) if speech is not None else None
        if subject is None:
            return []
        named = {a.start for e in events for a in as_list(e.recipient)}
        speakers = {a.actor_id for a in as_list(statement.actor)}
        hoped = self._actors(self._expand([subject]), offset, resolver)
        if not hoped and subject.pos_ == "NOUN":
            # "hoped that insurers would not ...": a party named by a common noun is addressed as written
            phrase = full_phrase(subject)
            hoped = [Actor(text=phrase.text, name=phrase.text, kind="org", start=offset + phrase.start_char,
                           end=offset + phrase.end_char, resolved_by="text")]
        return [replace(statement, recipient=a) for a in hoped if a.start not in named and (
            a.actor_id is None or a.actor_id not in speakers)]

    def _statement(self, sent: Span, sentence_index: int, offset: int, resolver: SpanResolver,
                   published: str | date | None) -> Event | None:
        for tok in sent:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in self.lexicon.speech_verbs:
                continue
            if tok.lemma_.lower() in SPEECH_ONLY_WITH_CONTENT and not any(
                    c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "punct" and c.text in QUOTE_MARKS) for c in tok.children):
                continue  # "units observed parts of the manoeuvres" watched; they did not say anything
            sources, _ = self._subject_tokens(tok)
            actors = [a for a in (self._actor(t, offset, resolver) for t in sources) if a]
            if not any(political(a) for a in actors):
                continue  # a farmer's view of the harvest is not a political statement
            recipient = None
            for child in tok.children:
                if child.dep_ in ("dative", "dobj") and child.pos_ in ("PROPN", "NOUN"):
                    recipient = self._actor(child, offset, resolver)
            if recipient is None:
                recipient = self._hoped_of(tok, offset, resolver)
            info = ontology.lookup("010")
            modality = modality_of(tok)
            resolved = event_date(tok, published)
            return Event(
                actor=actors[0], recipient=recipient, type=event_type(info), mode=info.plover_mode or None,
                cameo=info.cameo, quad=info.quad, intensity=info.intensity, goldstein=info.goldstein,
                modality=modality, date=resolved.value if resolved else None,
                date_precision=resolved.precision if resolved else None,  # type: ignore[arg-type]
                sentence_index=sentence_index, start=offset + sent.start_char, end=offset + sent.end_char,
                evidence=sent.text, confidence=0.35, trigger=tok.text, trigger_start=offset + tok.idx,
                trigger_end=offset + tok.idx + len(tok.text),
            )
        return None

    def code_doc(self, doc: Doc, offset: int, first_sentence_index: int, resolver: SpanResolver,
                 published: str | date | None, previous: list[Event] | None = None) -> tuple[list[Event], int]:
        """Events of every sentence of a parsed segment; returns them and the next sentence index."""
        events: list[Event] = []
        history = previous if previous is not None else []
        index = first_sentence_index
        for sent in doc.sents:
            if sent.text.strip():
                try:
                    found = self.code_sentence(sent, index, offset, resolver, published, history)
                except Exception:  # one odd parse must not cost the article its other events
                    LOG.warning("event coding failed on sentence %d: %r", index, sent.text[:80], exc_info=True)
                    found = []
                events.extend(found)
                history.extend(found)
                index += 1
        return events, index


__all__ = ["EventCoder"]
