"""Code events from parsed sentences: triggers from the lexicon, actors and recipients from the dependency parse.

One trigger gives one event per (actor, recipient) pair; a sentence can hold several triggers. Triggers are verbs
("invaded", "pulled out of"), light verbs with event nouns ("held talks", "imposed sanctions"), verbs that embed
another act ("agreed to meet", "refused to attend", "urged X to release"), and nominal events with their own
arguments ("Azerbaijan's offensive", "criticism from Russia").
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from blocwatch.events import ontology
from blocwatch.events.dates import event_date
from blocwatch.events.lexicon import Lexicon, Pattern, load_lexicon
from blocwatch.events.modality import modality_of
from blocwatch.events.syntax import (
    about_sport,
    active,
    actor_like,
    agentive,
    anaphoric,
    as_list,
    attempt_of,
    bereaved,
    charge_of,
    combine,
    compact_edge,
    compatriots,
    conditional,
    coordinated,
    counted,
    counted_lists,
    counting_head,
    custody_holder,
    dangling_object,
    death_caused_by,
    dedupe,
    done_by,
    event_type,
    for_to_clause,
    full_phrase,
    future_or_modal,
    has_demand_modal,
    home_authority,
    hoped_subject,
    is_placed,
    is_transfer,
    listed_apposition,
    main_clause,
    measured_content,
    names_a_party,
    names_a_time,
    number_agrees,
    only_own_state,
    own_forces,
    partner,
    peacekeeping_deployment,
    placed_in,
    political,
    prefix_piece,
    prep_objects,
    purpose_clause,
    purpose_targets,
    readying,
    reported_clause,
    stance_passive,
    subject_of_misread_main_verb,
    that_clause,
    third_party,
    threat_unless,
    verb_taken_for_noun,
    when_clauses,
)
from blocwatch.events.vocabulary import (
    ACCUSING_WORDS,
    ADJECTIVAL_PASSIVES,
    APPEAL_VERBS,
    BLOCKED_WAYS,
    CESSATION_VERBS,
    CLAIM_VERBS,
    CONFLICT_ROOTS,
    CONSIDER_VERBS,
    DECISION_VERBS,
    DEMAND_VERBS,
    DENY_VERBS,
    DOMESTIC_GROUPS,
    ETHNIC_COLLECTIVES,
    EVENT_CARRIER_NOUNS,
    EXPULSION_VERBS,
    FRAMING_NOUNS,
    GATHERING_VERBS,
    GENERIC_HEADS,
    GIVING_VERBS,
    GOVERNMENT_WORDS,
    HELPING_VERBS,
    INTENT_ADJECTIVES,
    INTENT_VERBS,
    IRREGULAR_HEADS,
    IRREGULAR_PAST,
    ISSUING_VERBS,
    JOINT_ADVERBS,
    KILLING_VERBS,
    LEAVING_VERBS,
    MAX_PHRASE_TOKENS,
    MEDIUM_WORDS,
    MILITARY_ACTS,
    MILITARY_HEADS,
    MISSION_KINDS,
    MISSION_NOUNS,
    NEWS_OUTLETS,
    NON_ACTOR_HEADS,
    PERMIT_VERBS,
    PERSONAL_PRONOUNS,
    PHRASAL_NOUNS,
    PLACE_PREPS,
    POPULATION_NOUNS,
    PREPOSITIONAL_LIGHT_VERBS,
    PROSPECT_NOUNS,
    PROTEST_PURPOSES,
    QUANTITY_NOUNS,
    QUOTE_MARKS,
    REACTIVE_ROOTS,
    RECEIVING_VERBS,
    RECIPROCAL_TRIGGERS,
    REFUSE_VERBS,
    RELATIVE_PRONOUNS,
    RELEASED_PEOPLE,
    ROLE_HEADS,
    SENDING_VERBS,
    SENTIMENT_NOUNS,
    SETTING_WORDS,
    SPEECH_ONLY_WITH_CONTENT,
    STANCE_CODES,
    STATEMENT_WORDS,
    SYMMETRIC_CODES,
    TARGET_PREPS,
    THING_WORDS,
    THREAT_VERBS,
    TOPIC_NOUNS,
    VIOLENT_VERBS,
    VISIT_CODES,
    WITHDRAWING_VERBS,
)
from blocwatch.records import Actor, Event

LOG = logging.getLogger(__name__)


class SpanResolver(Protocol):
    """What the coder needs from the actors stage (`blocwatch.actors.ActorResolver` provides it)."""

    def actor_for_span(self, span: Span, offset: int = 0) -> Actor | None: ...

    def state_actor(self, code: str, sector: str | None, role: str | None = None,
                    resolved_by: str = "text") -> Actor: ...

    def is_locality(self, actor: Actor) -> bool: ...

    def split_compound(self, span: Span, offset: int = 0) -> list[Actor]: ...


@dataclass
class Trigger:
    token: Token
    code: str
    obj: Token | None = None  # the object whose modifiers carry the recipient (event nouns) or that is the recipient
    governors: list[Token] = field(default_factory=list)
    recipient_from: Token | None = None  # where to look for the recipient when it is not the trigger's object
    nominal: bool = False
    confidence: float = 0.6
    flip: bool = False  # receiving verbs: subject is the target, "from" is the source
    obj_is_event: bool = False  # the object names the act ("held talks"): the recipient sits inside it
    clause_subject: Token | None = None  # "demanded that X ...": X, the subject of this clause, is the recipient


class EventCoder:
    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or load_lexicon()
        self._actor_cache: dict[tuple[int, int, int], Actor | None] = {}

    # ------------------------------------------------------------------ triggers
    def _object_of(self, verb: Token) -> Token | None:
        prep_word = PREPOSITIONAL_LIGHT_VERBS.get(verb.lemma_.lower())
        if prep_word:
            for child in verb.children:
                if child.dep_ == "prep" and child.lower_ == prep_word:
                    for grand in child.children:
                        if grand.dep_ == "pobj" and self._noun_key(grand):
                            return grand
        for child in verb.children:
            if child.dep_ in ("dobj", "attr", "oprd"):
                if child.lemma_.lower() in QUANTITY_NOUNS:
                    for prep in child.children:
                        if prep.dep_ == "prep" and prep.lower_ == "of":
                            inner = [g for g in prep.children if g.dep_ == "pobj"]
                            if inner:
                                return inner[0]
                return child
        if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN" and reported_clause(verb) is None:
            return verb.head  # "the agreement signed on ..."
        for child in verb.children:
            # "denounced as an ugly crime Serbia's suppression of ...": the object moved after its description.
            if child.dep_ == "prep" and child.lower_ == "as":
                for description in (g for g in child.children if g.dep_ == "pobj"):
                    moved = [a for a in description.children if a.dep_ == "appos" and a.i > description.i]
                    if moved:
                        return moved[0]
        for child in verb.children:
            # "accept any refugees fleeing the violence", misparsed as a clause "refugees fleeing ..."
            if child.dep_ == "ccomp" and child.tag_ == "VBG":
                subjects = [g for g in child.children if g.dep_ == "nsubj" and g.pos_ in ("NOUN", "PROPN")]
                if subjects:
                    return subjects[0]
        if stance_passive(verb):
            return None  # "Israel is opposed to ...": its subject holds the stance
        for child in verb.children:
            if child.dep_ == "nsubjpass":
                return child
        return None

    def _noun_key(self, noun: Token) -> str | None:
        """The lexicon key of an event noun, trying compounds first ("war games" -> "war game")."""
        lemma = noun.lemma_.lower()
        nouns = self.lexicon.nouns
        doc = noun.doc
        if noun.i >= 2 and doc[noun.i - 1].text == "-" and not doc[noun.i - 1].whitespace_:
            hyphenated = f"{doc[noun.i - 2].lower_}-{lemma}"  # "cease-fire", "war-game" split by the tokenizer
            if hyphenated in nouns:
                return hyphenated
        left = [c for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i]
        if left:
            two = f"{left[-1].lemma_.lower()} {lemma}"
            if two in nouns:
                return two
            two_text = f"{left[-1].lower_} {lemma}"
            if two_text in nouns:
                return two_text
        if lemma in nouns:
            return lemma
        if left and lemma in EVENT_CARRIER_NOUNS:  # "mediation efforts", "peace mission", "aid package"
            modifier = left[-1].lemma_.lower()
            if modifier in nouns:
                return modifier
        return None

    def _verb_lemma(self, verb: Token) -> str:
        """The lemma, repaired where the small model's lemmatiser slips ("staged" -> "stag")."""
        lemma = verb.lemma_.lower()
        if self.lexicon.patterns_for(lemma) or lemma in self.lexicon.light_verbs:
            return lemma
        text = verb.lower_
        irregular = IRREGULAR_PAST.get(text)
        if irregular and (self.lexicon.patterns_for(irregular) or irregular in self.lexicon.light_verbs):
            return irregular
        for suffix, replacement in (("ied", "y"), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""), ("es", ""), ("s", "")):
            if text.endswith(suffix):
                guess = text[: -len(suffix)] + replacement
                if self.lexicon.patterns_for(guess) or guess in self.lexicon.light_verbs:
                    return guess
        return lemma

    def _is_light(self, verb: Token, lemma: str) -> bool:
        """A verb that takes its act from its object noun, also as a phrasal verb ("stepped up the withdrawal")."""
        light = self.lexicon.light_verbs
        return lemma in light or any(f"{lemma} {c.lower_}" in light for c in verb.children if c.dep_ == "prt")

    def _match_verb(self, verb: Token) -> tuple[Pattern | None, str | None, Token | None, bool]:
        lemma = self._verb_lemma(verb)
        patterns = self.lexicon.patterns_for(lemma)
        # Particles and prepositions of the verb; "on Wednesday" is a time, not the "on" of "call on".
        present = {c.lower_ for c in verb.children
                   if c.dep_ in ("prt", "prep", "advmod", "agent", "dative", "acomp", "oprd")
                   and not any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in c.children)}
        obj = self._object_of(verb)
        if verb.i + 1 < len(verb.doc) and verb.nbor().lower_ in ("free", "loose") and verb.nbor().pos_ == "ADJ":
            # "let free the activists": "free" parsed as the object's adjective, or as a clause holding the object
            present.add(verb.nbor().lower_)
            obj = obj or next((c for c in verb.nbor().children if c.dep_ == "dobj"), None)
        # "handed over 700 kg of medicine": the medicine says what the act is; the measure keeps the phrases
        # that name the recipient ("70 million dollars of aid for Romania").
        content = measured_content(obj) if obj is not None else None
        obj_words: set[str] = set()
        if content is not None:
            obj_words = {content.lemma_.lower(), content.lower_}
            key = self._noun_key(content)
            if key:
                obj_words.add(key.split()[-1])
        # Objects of a particle preposition ("call for the release"): pobj under the verb's prep children.
        prep_objs: dict[str, Token] = {}
        for child in verb.children:
            if child.dep_ in ("prep", "prt", "agent"):
                for grand in child.children:
                    if grand.dep_ == "pobj":
                        prep_objs[child.lower_] = grand
        xcomps = [c.lemma_.lower() for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")]
        placed_preps = {word for word, pobj in prep_objs.items()
                        if word in PLACE_PREPS and pobj.ent_type_ in ("GPE", "LOC", "FAC")}
        bare_codes: list[str] = []
        for pattern in patterns:
            if pattern.particles and not set(pattern.particles) <= present:
                if not (pattern.particles[0] in present or all(p in present for p in pattern.particles)):
                    continue
                if pattern.particles[0] not in present:
                    continue
            if pattern.xcomp and pattern.xcomp not in xcomps:
                continue
            if (pattern.particles and not pattern.objects and obj is not None
                    and pattern.particles[-1] in placed_preps):
                continue  # "gave a welcome to him in Berlin" is not "give in"
            if pattern.objects:
                target_obj = obj
                if pattern.particles and pattern.particles[-1] in prep_objs:
                    target_obj = prep_objs[pattern.particles[-1]]
                if target_obj is None:
                    continue
                measured = content if target_obj == obj else measured_content(target_obj)
                words = {measured.lemma_.lower(), measured.lower_}
                words.update(c.lemma_.lower() for c in measured.children if c.dep_ in ("compound", "amod"))
                key = self._noun_key(measured)
                if key:
                    words.add(key.split()[-1])
                    words.add(key)
                if not words & pattern.objects:
                    continue
                # "expelled inspectors", "released prisoners": the object is who the act is done to.
                return pattern, pattern.code, target_obj, not (words & self._actor_object_words)
            if not pattern.particles and not pattern.xcomp:
                bare_codes.append(pattern.code)
                continue
            return pattern, pattern.code, obj, False
        if content is not None and (self._is_light(verb, lemma) or (
                content.dep_ == "pobj" and content.head.head == verb
                and content.head.lower_ == PREPOSITIONAL_LIGHT_VERBS.get(lemma))):  # "put under investigation"
            key = self._noun_key(content)
            if key:
                return None, self.lexicon.nouns[key], content, True
        if bare_codes:
            code = self.lexicon.verb_defaults.get(lemma)
            if code not in bare_codes:
                code = bare_codes[0]
            if (obj is not None and code[:2] in ("06", "07", "08", "17", "18", "19")
                    and obj.lemma_.lower() in self.lexicon.noun_classes.get("DOCUMENT", frozenset())):
                return None, None, obj, False  # "released a report", "burned the plan": not the physical act
            if (code[:2] in ("17", "18", "19", "20") and content is not None
                    and content.lemma_.lower() in self.lexicon.noun_classes.get("SCOURGE", frozenset())):
                return None, None, obj, False  # "to fight the Ebola epidemic", "combat poverty": no one is attacked
            if (code[:2] == "17" and obj is not None
                    and obj.lemma_.lower() in self.lexicon.noun_classes.get("HELD_THING", frozenset())):
                return None, None, obj, False  # "held elections", "holds the post": nobody is detained
            if code == "154" and obj is not None and obj.lemma_.lower() in self.lexicon.noun_classes.get("AID", frozenset()):
                return None, None, obj, False  # "mobilising additional funds" is not a military mobilisation
            if (lemma == "withdraw" and content is not None and content.pos_ == "NOUN" and not content.ent_type_
                    and content.lemma_.lower() not in self._withdrawable):
                return None, None, obj, False  # "withdrew the nomination", "withdrew its ratings": no retreat
            if (code[:2] == "03" and content is not None
                    and content.lemma_.lower() in self.lexicon.noun_classes.get("MISDEED", frozenset())):
                return None, None, obj, False  # "crimes committed by Croat forces": a deed done, not a pledge
            if lemma in ("charge", "allege") and any(c.dep_ == "ccomp" for c in verb.children):
                return None, "112", obj, False  # "charged that Canada was protecting jobs": an accusation
            if lemma == "call" and any(c.dep_ in ("oprd", "xcomp", "ccomp") for c in verb.children):
                return None, None, obj, False  # "called the vote a betrayal" names, it does not telephone
            return None, code, obj, False
        return None, None, obj, False

    def _noun_code(self, noun: Token) -> str:
        """The CAMEO code of an event noun ("demand" -> "100"); "" for a noun that names no act."""
        key = self._noun_key(noun)
        return self.lexicon.nouns[key] if key else ""

    def _protest_code(self, tok: Token) -> bool:
        """Whether `tok` names a protest (CAMEO 14): "demonstrated", "a hunger strike"."""
        if tok.pos_ == "VERB":
            return (self._match_verb(tok)[1] or "").startswith("14")
        return self._noun_code(tok).startswith("14")

    def _embedded(self, verb: Token) -> Token | None:
        for child in verb.children:
            if child.dep_ in ("xcomp", "ccomp") and child.pos_ in ("VERB", "AUX"):
                if prefix_piece(child):
                    continue  # "agreed to re-open": the verb is "open", not its cut-off prefix
                if self._trailing_report(verb, child):
                    continue  # "demanded the withdrawal ..., diplomats quoted a declaration as saying"
                return child
        # "called for the withdrawal", "agreed on a ceasefire": event noun under a preposition.
        return None

    def _trailing_report(self, verb: Token, clause: Token) -> bool:
        """A reporting clause set off by a comma after the act ("..., officials said") that the parser hung on the
        act as its complement: it says who reported the act, not what was demanded or agreed."""
        doc = verb.doc
        left = clause.left_edge.i
        set_off = doc[left].text == "," or (left > 0 and doc[left - 1].text == ",")
        return (clause.i > verb.i and clause.dep_ == "ccomp" and set_off
                and (clause.lemma_.lower() in self.lexicon.speech_verbs or clause.lemma_.lower() == "quote"))

    def _triggers(self, sent: Span) -> list[Trigger]:
        triggers: list[Trigger] = []
        consumed: set[int] = set()
        for tok in sent:
            if tok.i in consumed:
                continue
            if (tok.pos_ == "VERB" or (tok.tag_.startswith("VB") and tok.pos_ != "AUX") or verb_taken_for_noun(tok)
                    or (tok.lemma_ == "be" and any(c.dep_ == "acomp" for c in tok.children))):  # "is skeptical
                trig = self._verb_trigger(tok, consumed)
                if trig is not None:
                    triggers.append(trig)
        for tok in sent:
            if tok.i in consumed or tok.pos_ != "NOUN":  # a capitalised "Mission" names an organisation
                continue
            trig = self._noun_trigger(tok)
            if trig is not None:
                triggers.append(trig)
        return triggers

    def _topic_of_statement(self, noun: Token) -> bool:
        """'condolences over the attack', 'concern about the fighting': what a comment is about is not coded."""
        head = noun.head
        for _ in range(3):
            if head.dep_ == "prep" or head.pos_ in ("ADP",):
                head = head.head
                continue
            break
        if head == noun:
            return False
        words = {head.lemma_.lower()}
        words.update(c.lemma_.lower() for c in head.children if c.dep_ == "dobj")
        return bool(words & STATEMENT_WORDS)

    def _inside_statement_topic(self, tok: Token) -> bool:
        """'claimed responsibility for the attack that killed ...', 'denied charges that it tortured ...': the act
        is what is claimed, denied or regretted, not an event coded on its own (CAMEO codes the 01x statement)."""
        node = tok
        for _ in range(6):
            head = node.head
            if head == node:
                return False
            if head.pos_ == "NOUN" and head.lemma_.lower() in TOPIC_NOUNS and node.dep_ in ("prep", "pobj", "acl", "relcl", "ccomp"):
                return True
            if head.pos_ == "NOUN" and head.lemma_.lower() in TOPIC_NOUNS and node.dep_ == "pcomp":
                return True
            node = head
        return False

    def _verb_trigger(self, verb: Token, consumed: set[int]) -> Trigger | None:
        lemma = self._verb_lemma(verb)
        if self._inside_statement_topic(verb):
            return None
        if lemma in ("arm", "equip") and verb.dep_ == "acl" and verb.tag_ == "VBN":
            return None  # "militiamen armed with machetes" says how they were armed, not who armed them
        if (lemma in APPEAL_VERBS | DEMAND_VERBS and verb.dep_ in ("advcl", "acl", "xcomp", "relcl")
                and self._protest_code(verb.head)):
            # "demonstrated in Kirkuk calling for independence", "a hunger strike to demand the resignation of
            # the president": what a protest demands is its issue, coded with the protest, not a second event.
            consumed.update(c.i for c in verb.children if c.dep_ in ("dobj", "xcomp", "ccomp"))
            return None
        if lemma in DECISION_VERBS and any(c.dep_ == "xcomp" and self._match_verb(c)[1] for c in verb.children):
            return None  # the embedded act is coded on its own verb
        attempted_violence = attempt_of(verb) is not None and (self._match_verb(verb)[1] or "")[:2] in ("18", "19", "20")
        if purpose_clause(verb) and not attempted_violence and (verb.head.lemma_.lower() not in SENDING_VERBS and (
                self._match_verb(verb.head)[1] is not None or verb.head.pos_ != "VERB")):
            # "demanded a presence to protect them": the purpose is not an event; but "sent a team to
            # investigate" is coded as the investigation, as CAMEO does.
            return None
        pattern, code, obj, obj_is_event = self._match_verb(verb)
        if code is None and lemma in LEAVING_VERBS and obj is not None and obj.pos_ == "PROPN" and any(
                c.lower_ in MILITARY_HEADS | {"peacekeepers", "contingent"} for c in self._subject_tokens(verb)[0]):
            # "our troops will leave Niger": a force leaving a country withdraws from it
            return Trigger(verb, "0874", obj=obj, confidence=0.6)
        inner = self._embedded(verb)
        if code is not None and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in INTENT_ADJECTIVES:
            combined = combine("agree", code) or code
            return Trigger(verb, combined, obj=obj, confidence=0.7, obj_is_event=obj_is_event)
        cessation = [c for c in verb.children if c.dep_ in ("xcomp", "pcomp", "dobj") and c.tag_ == "VBG"]
        if lemma in CESSATION_VERBS and cessation:
            # "stopped shelling", "gave up fighting": the conflict ends — de-escalation (CAMEO 087) for violence;
            # "stop interfering" is neither a coercion nor the act it stops.
            inner_code = self._match_verb(cessation[0])[1] or ""
            consumed.add(cessation[0].i)
            if inner_code[:2] in ("14", "15", "17", "18", "19", "20"):
                return Trigger(verb, "087", obj=None, confidence=0.6)
            return None
        if inner is not None and lemma in CONSIDER_VERBS | CLAIM_VERBS | DENY_VERBS:
            # "is considering sending aid" is CAMEO 014, "claimed they had attacked" 015, "denied that ..." 016:
            # the embedded act is what is considered, claimed or denied, not an event of its own.
            _, inner_code, _, _ = self._match_verb(inner)
            if inner_code is not None:
                consumed.add(inner.i)
                code = "014" if lemma in CONSIDER_VERBS else ("015" if lemma in CLAIM_VERBS else "016")
                _, _, inner_obj, inner_is_event = self._match_verb(inner)
                return Trigger(verb, code, obj=inner_obj, recipient_from=inner, confidence=0.6,
                               obj_is_event=inner_is_event)
        if (inner is not None and inner.dep_ == "ccomp" and lemma in self.lexicon.speech_verbs
                and has_demand_modal(inner) and any(c.dep_ == "nsubj" and c.lemma_.lower() not in NON_ACTOR_HEADS
                                                     and c.pos_ in ("PROPN", "NOUN") for c in inner.children)):
            # "Russia said Sudan must return the helicopter": a demand addressed to the clause's subject.
            _, inner_code, _, _ = self._match_verb(inner)
            consumed.add(inner.i)
            return Trigger(verb, combine("demand", inner_code or "100") or "100", obj=None,
                           recipient_from=None, confidence=0.65, clause_subject=inner)
        if obj is not None and obj.pos_ == "NOUN" and self._noun_code(obj)[:2] in ("02", "10") and (
                clause := that_clause(obj) or that_clause(verb, after=obj)) is not None and any(
                c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN") for c in clause.children):
            # "reiterated its demand that Israel ease restrictions": a demand on the clause's subject, not the easing
            consumed.add(clause.i)
            governor = "demand" if self._noun_code(obj).startswith("10") else "urge"
            return Trigger(verb, combine(governor, self._match_verb(clause)[1] or "")
                           or self._noun_code(obj), obj=None, confidence=0.65, clause_subject=clause)
        if lemma in ISSUING_VERBS and obj is not None and obj.pos_ == "NOUN":
            # "issued a stern reminder to Iraq that it must cooperate", "sent a message that Belgrade must
            # withdraw": a demand carried by what is issued, aimed at whom it is sent to, else the clause's subject.
            for clause in obj.children:
                if clause.dep_ in ("acl", "ccomp") and has_demand_modal(clause) and any(
                        m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
                    consumed.add(clause.i)
                    addressed = any(c.dep_ in ("dative", "iobj") for c in verb.children)
                    spoken_to = clause if not addressed and not any(
                        c.dep_ == "nsubj" and c.pos_ == "PRON" for c in clause.children) else None
                    return Trigger(verb, combine("demand", self._match_verb(clause)[1] or "100") or "100", obj=obj,
                                   confidence=0.65, clause_subject=spoken_to)
        if lemma in DEMAND_VERBS | APPEAL_VERBS and (clause := for_to_clause(verb)) is not None:
            # "called on Friday for Britain to stay in the single market", "is pushing for the government to
            # propose a ceasefire": an appeal or demand to the clause's subject, whose act is only asked for
            _, inner_code, _, _ = self._match_verb(clause)
            consumed.add(clause.i)
            governor = "demand" if lemma in DEMAND_VERBS else "urge"
            return Trigger(verb, combine(governor, inner_code or ("100" if governor == "demand" else "020")) or "100",
                           obj=None, confidence=0.7, clause_subject=clause)
        if inner is not None and inner.dep_ == "ccomp" and lemma in DEMAND_VERBS | APPEAL_VERBS:
            _, inner_code, _, _ = self._match_verb(inner)
            consumed.add(inner.i)
            governor = "demand" if lemma in DEMAND_VERBS else "urge"
            return Trigger(verb, combine(governor, inner_code or ("100" if governor == "demand" else "020")) or "100",
                           obj=None, confidence=0.7, clause_subject=inner)
        if inner is not None and inner.dep_ == "ccomp" and lemma in ("agree", "concur") and self._match_verb(inner)[1] is None:
            return Trigger(verb, "019", obj=None, confidence=0.55)  # "agreed that there was an urgent need ..."
        desire_only = lemma in ("want", "wish") and not any(c.dep_ in ("dobj", "nsubj") and c.head == inner
                                                            or c.dep_ == "dobj" for c in verb.children)
        if inner is not None and not desire_only and lemma in (
                INTENT_VERBS | THREAT_VERBS | REFUSE_VERBS | APPEAL_VERBS | DEMAND_VERBS):
            _, inner_code, inner_obj, inner_is_event = self._match_verb(inner)
            if pattern is not None and pattern.xcomp:  # a lexicon entry already names the combination
                consumed.add(inner.i)
                return Trigger(verb, pattern.code, obj=inner_obj or obj, recipient_from=inner, confidence=0.8,
                               obj_is_event=inner_is_event if inner_obj is not None else obj_is_event)
            if inner_code is not None:
                combined = combine(lemma, inner_code)
                if combined is not None:
                    consumed.add(inner.i)
                    recipient_from = None if lemma in APPEAL_VERBS | DEMAND_VERBS else inner
                    return Trigger(verb, combined, obj=obj if recipient_from is None else inner_obj,
                                   recipient_from=recipient_from, confidence=0.75,
                                   obj_is_event=obj_is_event if recipient_from is None else inner_is_event)
        if code is None and (aimed := self._weapons_aimed(verb, obj)) is not None:
            # "manufacturing chemical weapons to use against the United States": arms readied for use against
            # someone threaten them with force (CAMEO 138)
            consumed.add(aimed.i)  # the strike is only intended
            targets = [c for c in aimed.children if c.dep_ == "dobj"]
            return Trigger(verb, "138", obj=targets[0] if targets else None, recipient_from=aimed, confidence=0.6)
        if code is None:
            # Receiving verbs: "drew criticism from Russia".
            if lemma in RECEIVING_VERBS and obj is not None:
                key = self._noun_key(obj)
                if key:
                    consumed.add(obj.i)
                    return Trigger(verb, self.lexicon.nouns[key], obj=obj, flip=True, confidence=0.55, obj_is_event=True)
            return None
        if obj is not None and self._noun_key(obj):
            consumed.add(obj.i)
        # Verbs of saying make statements only when nothing else is coded; handled later.
        if lemma in self.lexicon.speech_verbs and code.startswith("01") and code not in ("011", "012", "013", "015", "016", "017", "018"):
            return None
        confidence = 0.7 if pattern is not None and pattern.specificity > 1 else 0.6
        if obj is None and inner is not None and inner.dep_ == "xcomp" and lemma in REFUSE_VERBS:
            # "refused to respond to a demand from the US": what is refused is aimed where the act would be.
            inner_objects = [c for c in inner.children if c.dep_ == "dobj"]
            return Trigger(verb, code, obj=inner_objects[0] if inner_objects else None, recipient_from=inner,
                           confidence=confidence, obj_is_event=bool(inner_objects and self._noun_key(inner_objects[0])))
        if code[:2] == "14" and reported_clause(verb) is not None:
            code = "110"  # "..., a rights group protested": a protest that reports a clause is said, not staged
        if code[:2] in ("18", "19", "20") and lemma in KILLING_VERBS and attempt_of(verb) is not None:
            code = "185"  # "an attempt to assassinate the deputy governor": an attempted assassination
        return Trigger(verb, code, obj=obj, confidence=confidence, obj_is_event=obj_is_event)

    def _weapons_aimed(self, verb: Token, obj: Token | None) -> Token | None:
        """The purpose clause aiming the weapons a verb makes or gets at someone: "building missiles *to use
        against Israel*", "stockpiling rockets *to strike Tel Aviv*"."""
        if obj is None or obj.lemma_.lower() not in self.lexicon.noun_classes.get("WEAPON", frozenset()):
            return None
        for clause in (c for c in verb.children if c.dep_ in ("advcl", "xcomp") or purpose_clause(c)):
            if not any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children):
                continue
            lemma = self._verb_lemma(clause)
            if lemma == "use" and prep_objects(clause, ("against",)):
                return clause
            if lemma in VIOLENT_VERBS and any(c.dep_ == "dobj" for c in clause.children):
                return clause
        return None

    def _noun_trigger(self, noun: Token) -> Trigger | None:
        key = self._noun_key(noun)
        if key is None or (key in self.lexicon.light_only_nouns and not self._aimed_protest(noun)):
            return None
        if self._topic_of_statement(noun) or self._inside_statement_topic(noun):
            return None
        if noun.dep_ in ("dobj",) and self._is_light(noun.head, noun.head.lemma_.lower()):
            return None  # coded with its verb
        return Trigger(noun, self.lexicon.nouns[key], obj=noun, nominal=True, confidence=0.45)

    def _aimed_protest(self, noun: Token) -> bool:
        """A protest noun told with what it is against is an event on its own, not a topic: "converged for a rally
        to protest the abuses", "stones thrown during demonstrations against the occupation". One that is banned,
        broken up or planned ("banned a rally against the law") is the object of another act instead."""
        if not self._noun_code(noun).startswith("14") or noun.dep_ in ("dobj", "nsubjpass", "conj"):
            return False
        return any((c.dep_ == "prep" and c.lower_ == "against" and any(g.dep_ == "pobj" for g in c.children))
                   or (purpose_clause(c) and c.lemma_.lower() in PROTEST_PURPOSES) for c in noun.children)

    # ------------------------------------------------------------------ arguments
    def _subject_tokens(self, verb: Token) -> tuple[list[Token], list[Token]]:
        """(sources, patients-from-passive) for a verb."""
        sources: list[Token] = []
        patients: list[Token] = []
        for child in verb.children:
            if child.dep_ in ("nsubj", "csubj"):
                if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl" and verb.head != verb:
                    sources.append(verb.head)
                else:
                    sources.append(child)
            elif child.dep_ == "nsubjpass":
                if verb.lemma_.lower() in ADJECTIVAL_PASSIVES or stance_passive(verb):
                    sources.append(child)
                else:
                    patients.append(child)
            elif child.dep_ == "agent":
                sources.extend(g for g in child.children if g.dep_ == "pobj")
        pieces = [c for c in verb.children if c.dep_ == "nsubj"]
        if len(pieces) > 1 and (all(t.pos_ in ("PROPN", "PUNCT") for t in verb.doc[pieces[0].i:pieces[-1].i + 1]) or (
                not any(t.pos_ == "CCONJ" for t in verb.doc[pieces[0].i:pieces[-1].i])
                and verb.doc[pieces[1].left_edge.i - 1].text == ",")):
            # "Sheikh Hamad bin Khalifa al-Thani launched": one name the parser cut into several subjects; and
            # "Members of the Association, a body linked to the OAU, investigated": an aside, not a second subject.
            sources = [s for s in sources if s not in pieces[1:]]
        if not sources and not patients:
            # "The UK and France however have opposed ...": the parser hangs the subject on the auxiliary.
            for aux in (c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i):
                sources.extend(g for g in aux.children if g.dep_ in ("nsubj", "csubj"))
                patients.extend(g for g in aux.children if g.dep_ == "nsubjpass")
        if not sources and verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ == "VERB":
            return self._subject_tokens(verb.head.head)  # "resorted to throwing stones"
        if not sources and verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ == "ADJ":
            adjective = verb.head.head  # "are guilty of violating", "responsible for killing"
            if adjective.head != adjective and adjective.head.pos_ in ("VERB", "AUX"):
                return self._subject_tokens(adjective.head)
        if not sources:
            head = verb.head
            if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ in ("acomp", "amod", "xcomp") and head.head != head:
                head = head.head  # "is willing to send": the subject of "is"
                return self._subject_tokens(head) if head.pos_ in ("VERB", "AUX") else ([], [])
            # "if it is attacked": an adverbial passive with its own subject has an unknown agent, not the main one.
            # "it said 100 people were killed": nor is the one reporting a killing in the passive its agent.
            # Nor is a news outlet the agent of any act it reports in the passive ("a US national has been put under
            # investigation, Ansa news agency reported").
            own_passive = bool(patients) and (verb.dep_ == "advcl" or (
                verb.dep_ == "ccomp" and (verb.lemma_.lower() in VIOLENT_VERBS or any(
                    c.dep_ == "nsubj" and c.lemma_.lower() in NEWS_OUTLETS for c in head.children))))
            if (verb.dep_ in ("xcomp", "conj", "advcl", "ccomp", "acomp") and not own_passive and head != verb
                    and head.pos_ in ("VERB", "AUX")):
                if verb.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in head.children) and head.lemma_.lower() in APPEAL_VERBS | DEMAND_VERBS:
                    sources = [c for c in head.children if c.dep_ == "dobj"]
                elif verb.dep_ == "conj" and active(verb) and not active(head) and (
                        passive_subjects := [c for c in head.children if c.dep_ == "nsubjpass"]):
                    # "has been indicted by the court and will resign": who resigns is the one indicted.
                    sources = passive_subjects
                else:
                    head_sources, head_patients = self._subject_tokens(head)
                    sources = head_sources if head_sources else []
                    if not sources and not patients and verb.dep_ == "conj":
                        patients = head_patients
                    if (not sources and verb.dep_ == "conj" and head.dep_ == "ccomp" and head != head.head
                            and verb.lemma_.lower() not in VIOLENT_VERBS):
                        # "authorities say 200 were killed and 10,000 detained": the killing has no named
                        # agent, the detaining is the reporting authorities' own.
                        sources = self._subject_tokens(head.head)[0]
            elif verb.dep_ == "relcl" and head != verb:
                sources = [head]
            elif (attempt := attempt_of(verb)) is not None:
                # "an attempt by rebels to kill the governor": who made the attempt (often no one named)
                sources = [a for a in self._noun_args(attempt)[0] if a.pos_ != "PRON"]
                if not sources and attempt.dep_ == "dobj":  # "rebels made an attempt to kill ..."
                    sources = self._subject_tokens(attempt.head)[0]
            elif verb.dep_ == "acl" and reported_clause(verb) is not None:
                sources = [head]  # "..., a human rights group protested": the aside is who complains
            elif verb.dep_ == "acl" and (verb.tag_ == "VBG" or any(c.dep_ == "dobj" for c in verb.children)
                                         or subject_of_misread_main_verb(head)):
                # "forces killing ...", and a misparsed main verb: "an earthquake(ROOT) killed(acl) twelve people"
                # (a participle with its own object is not passive)
                if (head.dep_ == "dobj"
                        and head.lemma_.lower() in self.lexicon.noun_classes.get("DOCUMENT", frozenset())
                        and head.head.lemma_.lower() in ISSUING_VERBS):
                    return self._subject_tokens(head.head)  # "issued a declaration demanding": who issued it
                sources = [head]
        return sources, patients

    def _recipient_candidates(self, trig: Trigger) -> list[tuple[str, list[Token]]]:
        """Candidate recipients, most likely first, each tagged "core" (an argument of the act), "place" (where it
        happened) or "whole" (the act's object as a whole, placed by who it belongs to)."""
        verb = trig.token
        if trig.nominal:
            return [("core", self._noun_args(trig.token)[1])]
        core: list[list[Token]] = []
        places: list[list[Token]] = []
        if trig.clause_subject is not None:
            core.append([c for c in trig.clause_subject.children if c.dep_ in ("nsubj", "nsubjpass")])
        if trig.obj_is_event and trig.obj is not None and self._noun_code(trig.obj)[:2] in ("02", "10", "13"):
            # "reiterated its demand today that Israel ease restrictions": the parser hangs the demand's clause on
            # the verb; who is to act is whom the demand is aimed at
            core.extend([g for g in c.children if g.dep_ in ("nsubj", "nsubjpass") and g.pos_ != "PRON"]
                        for c in verb.children if c.dep_ == "ccomp" and c.i > trig.obj.i
                        and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children))
        if not trig.nominal and (reported := reported_clause(verb)) is not None:
            # "Croatia is failing its refugees, a rights group protested": the complaint is aimed at who the
            # reported clause blames
            core.append([c for c in reported.children if c.dep_ in ("nsubj", "nsubjpass")])
        holder = trig.recipient_from or verb
        obj = trig.obj
        object_candidates: list[list[Token]] = []
        if obj is not None and obj != verb.head:
            if trig.obj_is_event or self._noun_key(obj):
                actors, recipients, reciprocal = self._noun_args(obj)
                if not actors and active(verb) and obj.dep_ == "dobj":
                    # "protested the arrests of students by Turkish police": the parser hangs the author of the
                    # object's act on the verb, which has no agent of its own
                    actors = [g for g in prep_objects(verb, ("by",)) if names_a_party(g)]
                if reciprocal:
                    # "hosted a meeting between an Israeli group and the PLO": the act reaches both sides (the
                    # first one named brings its conjuncts along).
                    object_candidates.append([a for a in actors if a.head.lower_ == "between"])
                object_candidates.extend([r] for r in recipients)
                for topic in recipients:  # "optimism about a deal with Uzbekistan": the deal's other party
                    if self._noun_key(topic):
                        object_candidates.extend([r] for r in self._noun_args(topic)[1])
                    elif trig.code[:2] in REACTIVE_ROOTS - {"01"} and (authors := done_by(topic)):
                        # "an investigation into crimes committed by Croat forces": who did what is looked into
                        # or condemned, before the deeds themselves
                        object_candidates.insert(object_candidates.index([topic]), authors)
                # "snubbed the bloc's meetings" (its host), "denounced Serbia's suppression", "rejected calls by
                # Annan" (its author): whoever the object's act belongs to is the one the verb answers, before
                # whoever that act fell on ("condemned Russia's occupation of Abkhazia").
                # "accepted the demands of the union": the union; but "renewed its appeal" is the subject's own.
                requested = self._noun_code(obj)[:2] in ("02", "10") and not any(
                    a.pos_ == "PRON" for a in actors)
                if obj.lemma_.lower() in SENTIMENT_NOUNS:
                    actors = [a for a in actors if a.pos_ != "PRON"]  # "expressed its condolences": its own
                # "protested the arrests of students by the police": a protest confronts who did what it protests
                if (trig.code[:2] in REACTIVE_ROOTS | {"14"} and not trig.obj_is_event) or requested:
                    object_candidates.insert(0, actors)
                elif obj.lemma_.lower() in self._hosted_nouns or trig.code[:2] in REACTIVE_ROOTS:
                    if obj.lemma_.lower() in self.lexicon.noun_classes.get("PARTICIPATION", frozenset()):
                        actors = [a for a in actors if a.pos_ != "PRON"]  # "reiterated its commitment": its own
                    object_candidates.append(actors)
                if not trig.obj_is_event:  # "leaving the alliance": an actor named by a word that can name an act
                    object_candidates.append([obj])
                # "lifted sanctions imposed on Eritrea", "return weapons seized from civilians", "lift the ban
                # that they imposed on aid agencies": whom the object was imposed on or taken from.
                object_candidates.extend([g] for c in obj.children
                                         if (c.dep_ == "acl" and c.tag_ == "VBN") or c.dep_ == "relcl"
                                         for g in prep_objects(c, ("on", "against", "from")))
            elif trig.code[:2] == "14" and obj.lemma_.lower() in BLOCKED_WAYS:
                pass  # "blocked streets in Hong Kong in defiance of the authorities": a way blocked is no party
            elif obj.dep_ in ("dobj", "nsubjpass", "pobj", "attr", "dative", "nsubj", "appos"):
                objects = [c for c in obj.head.children if c.dep_ == obj.dep_ and c.pos_ in ("PROPN", "NOUN", "PRON")]
                if obj.dep_ == "dobj" and objects:
                    # "met his counterpart Sergio Mattarella": the name; but "abused immigrants with impunity, a
                    # rights group charged": a second object set off by a comma is the parser's reading of the source.
                    doc = obj.doc
                    adjacent = [o for o in objects if not any(t.text == "," for t in doc[objects[0].i:o.left_edge.i])]
                    object_candidates.append(adjacent[-1:])
                elif obj.pos_ in ("PROPN", "NOUN", "PRON"):
                    object_candidates.append([obj])
                if trig.code[:2] in ("02", "10"):
                    # "demanded an admission by Moscow", "sought support from the Assembly": who is to give it.
                    object_candidates.extend([g for g in c.children if g.dep_ == "pobj"] for c in obj.children
                                             if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from"))
        receivers: list[list[Token]] = []
        for child in holder.children:
            if child.dep_ in ("dative", "iobj"):
                if child.pos_ == "ADP":  # "provide support to refugees"
                    receivers.append([g for g in child.children if g.dep_ == "pobj"] or dangling_object(child))
                else:
                    receivers.append([child])
        heads = [holder] + ([obj] if obj is not None and obj != verb.head else [])
        heads += [c for c in holder.children if c.dep_ == "prt"]  # "kidnapped up to 16 advisers"
        stances = [c for c in holder.children if c.dep_ == "acomp"]  # "is skeptical about the plan"
        prepositional: list[list[Token]] = []
        to_objects: list[list[Token]] = []
        for prep_word in TARGET_PREPS:
            for head in heads:
                for child in head.children:
                    if child.dep_ in ("prep", "prt") and child.lower_ == prep_word:
                        pobjs = [g for g in child.children if g.dep_ == "pobj"] or dangling_object(child)
                        if prep_word == "to":
                            to_objects.append(pobjs)
                        # "fired a missile at military positions": what force is aimed at, not where it happened
                        aimed = prep_word == "at" and head == holder and trig.code[:2] in ("18", "19")
                        if prep_word in PLACE_PREPS and not aimed:
                            # "in defiance of Chinese authorities", "in response to": a phrase, not a place
                            places.append([p for p in pobjs if p.lemma_.lower() not in PHRASAL_NOUNS])
                        else:
                            prepositional.append(pobjs)
                        for pobj in pobjs:  # "mobilized reservists for a war against Iraq"
                            if self._noun_key(pobj):
                                authors, targets, _ = self._noun_args(pobj)
                                answers = (trig.code[:2] in REACTIVE_ROOTS and obj is None and prep_word in ("to", "against")
                                           or self._noun_code(pobj)[:2] in ("02", "10"))
                                if answers:
                                    # "opposed to French mediation", "conceded to demands from UNITA": their author
                                    prepositional.insert(0, authors)
                                prepositional.extend([r] for r in targets)
        for head in heads:
            # "imposed sanctions in relation to Iraq", "measures with regard to Myanmar": a compound preposition
            # names whom the act concerns, not where it happened.
            for framing in prep_objects(head, ("in", "with")):
                if framing.lemma_.lower() in FRAMING_NOUNS:
                    prepositional.append(prep_objects(framing, ("to", "of")))
        if obj is not None and obj.dep_ == "pobj" and obj.head.lower_ == "as" and obj.head.head == holder:
            # "held civilians as human shields in Raqqa": the pattern's word is what they are made, its place where;
            # the object is who
            object_candidates = [[c for c in holder.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]]
        if trig.code[:2] in ("01", "11", "12"):
            # "denied charges by Central American clergymen that it tortured ...": a denial or rejection of an
            # accusation answers whoever made it, before anyone the accusation's own clause names.
            for charge in [c for h in {verb.i: verb, holder.i: holder}.values() for c in h.children
                           if c.dep_ == "dobj" and c.lemma_.lower() in ACCUSING_WORDS]:
                # an active verb has no "by" agent: "denied charges by X" hangs the charge's author on the verb
                hung = [g for p in charge.head.children if p.dep_ == "prep" and p.lower_ == "by"
                        for g in p.children if g.dep_ == "pobj"] if not any(
                    c.dep_ in ("auxpass", "nsubjpass") for c in charge.head.children) else []
                authors = [a for a in self._noun_args(charge)[0] + hung if a.pos_ != "PRON"]
                if authors:
                    object_candidates.insert(0, authors)
        if trig.code[:2] in ("09", "11", "12", "16"):
            # "complained to the UN over Israeli air raids", "an investigation into crimes committed by Croat
            # forces": the complaint or inquiry is aimed at who carried them out.
            preps = ("over", "about", "into") if trig.code.startswith("09") else ("over", "about")
            for head in heads:
                for pobj in prep_objects(head, preps):
                    authors = self._noun_args(pobj)[0] if self._noun_key(pobj) else []
                    authors = [a for a in authors if a.pos_ != "PRON"] or [
                        g for c in pobj.children if c.dep_ == "acl" and c.tag_ == "VBN"
                        for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
                    if authors:
                        prepositional.insert(0, authors)
        if obj is not None and obj.lemma_.lower() in SENTIMENT_NOUNS:
            stances.append(holder)  # "expressed pessimism Friday over Alitalia's future": the topic hangs on the verb
        for stance in stances:
            for child in [*stance.children, *(c for c in holder.children if c.dep_ == "ccomp")]:
                if child.dep_ == "prep" and child.lower_ in ("about", "of", "over", "on", "toward", "towards",
                                                             "regarding", "concerning"):
                    # "skeptical about the ministry being able to pay": who the clause is about, before what it does
                    clause_subjects = [d for g in child.children if g.dep_ == "pcomp" for d in g.children
                                       if d.dep_ in ("nsubj", "nsubjpass") and d.pos_ in ("NOUN", "PROPN")]
                    topics = [g for g in child.children if g.dep_ == "pobj"] or clause_subjects or [
                        d for g in child.children if g.dep_ == "pcomp" for d in g.children if d.dep_ == "dobj"]
                    prepositional.append(topics)
                    for topic in topics:  # "optimistic about talks with Serbia"
                        if self._noun_key(topic):
                            prepositional.extend([r] for r in self._noun_args(topic)[1])
                elif child.dep_ == "ccomp":  # "pessimistic that the Olympics will go ahead"
                    prepositional.append([g for g in child.children if g.dep_ in ("nsubj", "nsubjpass")])
        released = trig.code.startswith(("084", "174")) and obj is not None and obj != verb.head and (
            obj.ent_type_ in ("PERSON", "NORP") or obj.lemma_.lower() in DOMESTIC_GROUPS | RELEASED_PEOPLE
            | self.lexicon.noun_classes.get("PRISONER", frozenset()))
        if released:
            # "will release a Cuban physician to U.S. diplomats", "deported 2,374 migrants to Honduras": the people
            # set free or sent away, not whom they are handed to or where they are sent
            core.extend(object_candidates + [c for c in prepositional if not any(c is t for t in to_objects)])
            if trig.code.startswith("174"):
                places.extend(to_objects)  # those deported "to Honduras" are placed where they are sent
        elif is_transfer(trig.code) or (holder != verb and holder.lemma_.lower() in GIVING_VERBS):
            # "returned the artifacts to the government of Iraq": what is handed over is not the recipient; nor
            # when the act considered or planned is a giving ("considering giving a voucher to every household").
            to_phrases = [c for c in prepositional if c and any(c is t for t in to_objects)]
            if not to_phrases and obj is not None and obj != verb.head:
                # "returned a portrait of a young girl to its owner": the parser hangs the "to" phrase on the object
                to_phrases = [[g for g in p.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")]
                              for p in obj.subtree if p.dep_ == "prep" and p.lower_ == "to" and p.head != obj]
                to_phrases = [c for c in to_phrases if c]
            core.extend(receivers + to_phrases + object_candidates
                        + [c for c in prepositional if c not in to_phrases])
        else:
            core.extend(object_candidates + receivers + prepositional)
        if holder != verb or (obj is not None and obj.dep_ == "pobj" and obj.head.head == verb):
            # "put a Russian banker under investigation": the act is named by the verb's preposition, done to its object
            core.append([c for c in verb.children if c.dep_ in ("dobj", "dative") and c.pos_ in ("PROPN", "NOUN", "PRON")])
        if obj is not None and obj.lemma_.lower() in SENTIMENT_NOUNS:
            for clause in [c for c in obj.children if c.dep_ in ("acl", "ccomp")]:  # "hopes the government will ..."
                core.append([c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")])
        if (holder.lemma_.lower() in PERMIT_VERBS and not any(c.dep_ == "dobj" for c in holder.children)
                and any(names_a_party(s) or s.pos_ == "PRON" for s in self._subject_tokens(verb)[0])):
            # "refused to allow United Nations planes to land": the parser makes them the subject of the act let
            core.extend([g for g in c.children if g.dep_ == "nsubj" and g.pos_ in ("NOUN", "PROPN")]
                        for c in holder.children if c.dep_ in ("ccomp", "xcomp"))
        for clause in [c for c in holder.children if c.dep_ in ("advcl", "xcomp")]:
            if clause.lemma_.lower() in HELPING_VERBS:  # "sent aid to help North Korea", "to support projects"
                core.append([c for c in clause.children if c.dep_ in ("dobj", "dative")])
                # "aid to help Haiti cope with the earthquake": whom it helps is the subject of what it helps do
                core.append([g for c in clause.children if c.dep_ in ("ccomp", "xcomp")
                             for g in c.children if g.dep_ == "nsubj" and g.pos_ in ("PROPN", "NOUN")])
        if obj is not None and obj != verb.head:
            # "its commitment to support the police", "a mediation effort to resolve the rift between Qatar and ..."
            core.extend(purpose_targets(obj))
        if trig.code[:2] == "14":
            core.extend(self._protested(verb, holder, trig.obj))
        if trig.code[:2] in ("10", "11", "13"):
            # "warned that police will no longer tolerate rallies by the group": whose acts the warning is about.
            for clause in [c for c in holder.children if c.dep_ == "ccomp"]:
                for act in [c for c in clause.children if c.dep_ in ("dobj", "pobj") and self._noun_key(c)]:
                    core.append([a for a in self._noun_args(act)[0] if a.pos_ != "PRON"])
        if trig.code[:2] in ("10", "13"):
            # "threatened to halt the talks if the United States deploys ...": the condition names the target.
            for clause in (verb, holder):
                for child in clause.children:
                    if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in child.children):
                        core.append([c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")])
        if verb.dep_ in ("advcl", "xcomp") and verb.head.lemma_.lower() in SENDING_VERBS | {"write"}:
            # "sent a letter to the head of the WHO threatening to ...", "dispatched a team to Detroit to
            # investigate ...": what the sending was for is aimed at where it went.
            sent = [verb.head] + [c for c in verb.head.children if c.dep_ == "dobj"]  # "a team to Detroit"
            core.append([g for s in sent for c in s.children if c.dep_ in ("dative", "prep") and c.lower_ == "to"
                         for g in c.children if g.dep_ == "pobj"])
        if (verb.lemma_.lower() in WITHDRAWING_VERBS and obj is not None and obj != verb.head
                and obj.lemma_.lower() in self._withdrawable):
            # "withdrew peacekeepers from the Eritrea-Djibouti border": the forces are the actor's own; the act
            # falls on where they are pulled out of.
            left = [place for place in prep_objects(holder, ("from",)) + prep_objects(obj, ("from",))
                    if not any(t.dep_ == "poss" and t.pos_ == "PRON" for t in place.subtree)]  # not "its stations"
            if left:
                core.insert(0, left)
        if obj is not None and obj != verb.head and obj.lemma_.lower() in PROSPECT_NOUNS:
            # "exploring the possibility of transferring helicopters from another mission to Darfur": the act
            # weighed is aimed where its transfer goes.
            for gerund in (g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                           for g in p.children if g.dep_ == "pcomp"):
                hangers = [gerund] + [c for c in gerund.children if c.dep_ in ("dobj", "prep")]
                destinations = [g for h in hangers for p in h.children if p.dep_ == "prep" and p.lower_ == "to"
                                for g in p.children if g.dep_ == "pobj"]
                if destinations:
                    core.insert(0, destinations)
        # "claims to be making weapons to use against the United States": an "against" phrase deeper in the act's
        # own clauses still names whom it is aimed at, when nothing nearer does.
        subjects = {t.i for c in holder.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        # ("in response to aggression against Belarus" is another act's target; "during protests against" is not)
        core.extend([g for g in p.children if g.dep_ == "pobj"] for p in holder.subtree
                    if p.dep_ == "prep" and p.lower_ == "against" and p.i not in subjects and p.head != holder
                    and (not self._noun_key(p.head) or self._protest_code(p.head)))
        tagged = [("core", c) for c in core if c]
        if obj is not None and obj != verb.head and (trig.obj_is_event or self._noun_key(obj)):
            tagged.append(("whole", [obj]))  # "an Afghan government offer", "China's exports", "the CSTO summit"
        return tagged + [("place", c) for c in places if c]

    @property
    def _withdrawable(self) -> frozenset[str]:
        """What a military withdrawal takes away: troops and forces, or the people of a mission."""
        classes = self.lexicon.noun_classes
        return classes.get("TROOP", frozenset()) | classes.get("PEACEKEEPER", frozenset()) | {
            "fighter", "militant", "rebel", "convoy", "vehicle", "artillery", "weapon", "arm"}

    @property
    def _actor_object_words(self) -> frozenset[str]:
        classes = self.lexicon.noun_classes
        return (classes.get("PEACEKEEPER", frozenset()) | classes.get("PRISONER", frozenset())
                | classes.get("AMBASSADOR", frozenset()) | classes.get("REFUGEE", frozenset())
                | classes.get("BANNED", frozenset()))

    @property
    def _hosted_nouns(self) -> frozenset[str]:
        classes = self.lexicon.noun_classes
        return classes.get("MEETING", frozenset()) | classes.get("PARTICIPATION", frozenset()) | {"summit", "meeting"}

    def _protested(self, verb: Token, holder: Token, obj: Token | None) -> list[list[Token]]:
        """Whom a protest is aimed at, named by its purpose: "staged a strike to protest President Assad's
        failure", "blocked roads to press demands from Bouteflika's government", "in defiance of the authorities"."""
        found: list[list[Token]] = []
        objects: list[Token] = []
        for clause in {id(t): t for t in (verb, holder, obj) if t is not None}.values():
            for child in clause.children:
                if (child.dep_ in ("advcl", "xcomp") or purpose_clause(child)) and child.lemma_.lower() in PROTEST_PURPOSES:
                    protested = [g for g in child.children if g.dep_ == "dobj"]
                    objects.extend(protested)
                    if protested and active(child):
                        # "to protest the rights violations under Sharia law by Islamic fundamentalists": the
                        # parser hangs the author of what is protested on the verb
                        found.extend([a] for a in prep_objects(child, ("by",)) if names_a_party(a))
                    objects.extend(prep_objects(child, ("against", "over", "for", "at", "on")))  # "calling on X"
                elif child.dep_ == "prep" and child.lower_ in ("in", "against", "over"):
                    for pobj in (g for g in child.children if g.dep_ == "pobj"):
                        if child.lower_ in ("against", "over"):  # "went on strike over a bill signed by X"
                            objects.append(pobj)
                        elif pobj.lemma_.lower() in ("protest", "defiance", "opposition", "solidarity"):
                            objects.extend(prep_objects(pobj, ("against", "of", "at", "over", "to")))
        for obj in objects:
            if not self._noun_key(obj) and obj.pos_ in ("NOUN", "PROPN"):
                found.append(done_by(obj))  # "over a pay freeze imposed by the government": who imposed it
                found.append([obj])  # "in defiance of Chinese authorities": the authorities themselves
            actors, recipients, _ = self._noun_args(obj)
            actors = [a for a in actors if a.pos_ != "PRON"]  # "their demands" are the protesters' own
            if actors:
                found.append(actors)
            if self._noun_code(obj)[:3] == "084":
                continue  # "to demand the return of property": what is to be handed back is not whom they confront
            found.extend([r] for r in recipients)
            found.append([obj])
            for owner in recipients:  # "disapproval for the United States' policies"
                found.append([c for c in owner.children if c.dep_ == "poss"])
        return [f for f in found if f]

    def _noun_args(self, noun: Token) -> tuple[list[Token], list[Token], bool]:
        """(actors, recipients, reciprocal) attached to an event noun: possessor/by/from, of/on/against/with/in,
        and "between X and Y" (reciprocal)."""
        actors: list[Token] = []
        recipients: list[Token] = []
        reciprocal = False
        for child in noun.children:
            if child.dep_ == "poss":
                actors.append(child)
            elif child.dep_ in ("amod", "compound") and (child.ent_type_ in ("NORP", "GPE", "ORG")
                                                         or child.pos_ == "PROPN"):
                actors.append(child)  # "the CSTO summit", "Azerbaijani offensive"
            elif child.dep_ == "prep":
                pobjs = [g for g in child.children if g.dep_ == "pobj"]
                if not pobjs and noun.lemma_.lower() in SENTIMENT_NOUNS:
                    # "pessimism about bringing the standoff to an end": the topic is what the gerund acts on
                    pobjs = [d for g in child.children if g.dep_ == "pcomp" for d in g.children if d.dep_ == "dobj"]
                word = child.lower_
                if word in ("by", "from"):
                    actors.extend(pobjs)
                elif word in ("between", "among") and self._noun_code(noun).startswith("045"):
                    # "mediation between Syria and Arafat", "mediation efforts among Serbia's republics": both
                    # sides are whom the mediator acts toward.
                    for p in pobjs:
                        recipients.append(p)
                        recipients.extend(c for c in p.children if c.dep_ == "conj")
                elif word == "between":
                    reciprocal = True
                    for p in pobjs:
                        actors.append(p)
                        recipients.extend(c for c in p.children if c.dep_ == "conj")
                elif word in self._recipient_preps(noun):
                    recipients.extend(pobjs)
            elif child.dep_ == "acl" and child.tag_ == "VBN" and child.i == noun.i + 1:
                # "the appeal lodged by the Centre", "laws imposed by the government": whose it is
                actors.extend(g for a in child.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj")
            elif child.dep_ in ("acl", "ccomp") and (self._noun_code(noun)[:2]
                                                     in ("02", "10", "13")):
                # "its demand that Israel ease restrictions": who is to act is who the demand is aimed at.
                # A pronoun there most often points back to who answers the demand ("demands that it reform").
                recipients.extend(c for c in child.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON")
        return actors, recipients, reciprocal

    def _place_of(self, tokens: Sequence[Token], offset: int, resolver: SpanResolver) -> Actor | None:
        for tok in tokens:
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ in PLACE_PREPS:
                    for pobj in child.children:
                        found = self._actor(pobj, offset, resolver) if pobj.dep_ == "pobj" else None
                        if found is not None and found.country and found.country != "IGO":
                            return found
        return None

    def _place_within(self, tokens: Sequence[Token], offset: int, resolver: SpanResolver) -> Actor | None:
        """The first country-level place named by a locative phrase inside these tokens' phrases
        ("refugees fleeing the war in Liberia", "a research centre in Tokyo")."""
        for tok in tokens:
            for inner in tok.subtree:
                # "power lines leading into Kabul": where a thing runs places it as well as where it stands
                if inner.dep_ != "prep" or inner.lower_ not in PLACE_PREPS | {"into", "along"}:
                    continue
                for pobj in inner.children:
                    if pobj.dep_ != "pobj":
                        continue
                    # "near Macedonia's border", "in Kabul's old city": a place named by the country it lies in
                    for named in [pobj, *(c for c in pobj.children if c.dep_ == "poss" and c.pos_ == "PROPN")]:
                        found = self._actor(named, offset, resolver)
                        if found is not None and found.country and found.country != "IGO" and found.kind != "person":
                            return found
        return None

    def _placed_by_setting(self, targets: list[Actor], target_toks: Sequence[Token], trig: Trigger, offset: int,
                           resolver: SpanResolver) -> list[Actor]:
        """Recipients still without a country take the place their own phrase names; an act on no actor at all
        ("set up a research centre in Tokyo", "blocked streets in Hong Kong") falls on the place, as CAMEO
        coders code a location when no other target is named."""
        if targets:
            if all(is_placed(t) for t in targets):
                return targets
            setting = self._place_within(target_toks, offset, resolver)
            return [placed_in(t, setting) for t in targets] if setting is not None else targets
        verb = trig.token
        objects = [trig.obj] if trig.obj is not None and trig.obj != verb.head else [
            clause for clause in verb.children if clause.dep_ == "xcomp" and clause.pos_ == "VERB"]
        for obj in objects:  # "agreed to build a research centre in Hanoi": the embedded act and its object
            if obj.pos_ not in ("NOUN", "PROPN", "VERB"):
                continue
            setting = self._place_within([obj], offset, resolver)
            if setting is not None:
                return [replace(setting, start=offset + obj.idx, end=offset + obj.idx, resolved_by="text")]
        if is_transfer(trig.code):
            receiver = self._receiver_within(verb, offset, resolver)
            if receiver is not None:
                return [receiver]
        if trig.code[:2] in ("18", "19", "20") or trig.code == "138":
            # "sworn to fight until they gain control of villages near Macedonia's border": force aimed at no one
            # named falls where the clause telling its course or goal places it
            clauses = when_clauses(verb)
            if verb.dep_ in ("xcomp", "advcl") and verb.head != verb:  # "sworn [to fight] until ...": the governor's
                clauses += [c for c in when_clauses(verb.head) if c.i > verb.i]
            for clause in clauses:
                setting = self._place_within([clause], offset, resolver)
                if setting is not None:
                    return [replace(setting, start=offset + clause.idx, end=offset + clause.idx, resolved_by="text")]
        return targets

    def _receiver_within(self, verb: Token, offset: int, resolver: SpanResolver) -> Actor | None:
        """Who aid goes to when the parse hangs the "to" phrase deeper ("sent supplies and doctors to Nepal",
        "provide ammunition alongside assistance to Turkey"), or the place its purpose names ("euros to promote
        investment in Ethiopia")."""
        subjects = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj") for t in c.subtree}
        for tok in verb.subtree:
            if tok.i in subjects or tok.dep_ != "prep" or tok.lower_ not in ("to", "for") or tok.head == verb:
                continue
            for pobj in tok.children:
                found = self._actor(pobj, offset, resolver) if pobj.dep_ == "pobj" else None
                if found is not None and is_placed(found) and found.kind != "person":
                    return found
        purposes = [c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB"
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
        if not purposes:
            return None
        # "to stem and ultimately end the outbreak": the parser hangs the purpose's second verb on the main one
        purposes += [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > purposes[0].i
                     and not any(g.dep_ in ("nsubj", "nsubjpass", "aux") for g in c.children)]
        return self._place_within(purposes, offset, resolver) or self._stricken_region(purposes, offset)

    def _stricken_region(self, purposes: Sequence[Token], offset: int) -> Actor | None:
        """The region an epidemic or famine that aid is to fight strikes, when it is no country ("funds to fight the
        cholera epidemic in East Africa", "to stem and end the outbreak in Central Asia"): help against a scourge
        goes to where it rages. None when no such region is named."""
        scourges = self.lexicon.noun_classes.get("SCOURGE", frozenset())
        acts = [a for clause in purposes for a in (clause, *(c for c in clause.children if c.dep_ == "conj"))]
        for scourge in (o for a in acts for o in a.children if o.dep_ == "dobj" and o.lemma_.lower() in scourges):
            for region in prep_objects(scourge, ("in",)):
                if region.ent_type_ in ("LOC", "GPE") and region.pos_ == "PROPN":
                    phrase = full_phrase(region)
                    return Actor(text=phrase.text, name=phrase.text, kind="org", start=offset + phrase.start_char,
                                 end=offset + phrase.end_char, resolved_by="text")
        return None

    def _not_the_actor(self, target: Actor, sources: list[Actor], sent: Span, offset: int,
                       resolver: SpanResolver) -> Actor:
        """'Trump called Erdogan and urged him ...': an object pronoun is not the clause's own subject, so it
        points to the nearest other person or state named before it in the sentence."""
        if target.text.lower() not in ("him", "her", "them") or not any(
                s.actor_id and s.actor_id == target.actor_id for s in sources):
            return target
        source_ids = {s.actor_id for s in sources}
        for tok in reversed([t for t in sent if offset + t.idx < target.start]):
            if tok.pos_ != "PROPN" and tok.ent_type_ not in ("PERSON", "GPE", "NORP", "ORG"):
                continue
            candidate = self._actor(tok, offset, resolver)
            if candidate is not None and candidate.actor_id not in source_ids and (
                    candidate.kind == "person" or target.text.lower() == "them"):
                return replace(candidate, text=target.text, start=target.start, end=target.end,
                               resolved_by="text")
        return target

    def _choose_recipient(self, candidates: list[tuple[str, list[Token]]], offset: int,
                          resolver: SpanResolver) -> tuple[list[Token], Actor | None]:
        """The first argument that names an actor (an anaphoric "this" counts); failing that, a placed actor
        from where it happened or from the act's object. Also returns the placed actor of the first place
        phrase, from which an unplaced recipient takes its country."""
        chosen: list[Token] = []
        first_unplaced: list[Token] = []
        fallback: list[Token] = []
        place_actor: Actor | None = None
        for kind, candidate in candidates:
            if kind == "core" and candidate and all(own_forces(t) for t in candidate):
                continue  # "rejected a call for its peacekeepers to be deployed in East Timor": its own, not a party
            found = [a for a in (self._actor(t, offset, resolver) for t in candidate) if a]
            placed = [a for a in found if is_placed(a)]
            if kind == "place" and place_actor is None:
                # "rioted at a jail in Dili": the place phrase may name its country further in
                place_actor = placed[0] if placed else self._place_within(candidate, offset, resolver)
            if chosen:
                continue
            if kind == "core":
                if any(anaphoric(t) for t in candidate) or placed:
                    chosen = candidate  # an argument we can place beats an unplaced one named earlier
                elif found and not first_unplaced:
                    first_unplaced = candidate
            elif placed and not fallback:
                fallback = candidate
        if not chosen and first_unplaced:
            # "a suspension of air links with Serbia", "property seized by the army": a thing unplaced by itself
            # is the act's object; the placed party in its tail is the recipient.
            nested = self._placed_in_tail(first_unplaced, offset, resolver)
            if nested:
                return nested, place_actor
        return chosen or first_unplaced or fallback, place_actor

    def _placed_in_tail(self, candidate: list[Token], offset: int, resolver: SpanResolver) -> list[Token]:
        for tok in candidate:
            actor = self._actor(tok, offset, resolver)
            if tok.pos_ != "NOUN" or actor is None or actor.kind == "person" or actor.resolved_by != "text":
                continue
            for prep in tok.children:
                if prep.dep_ != "prep" or prep.lower_ not in ("with", "to", "against", "from", "by", "for", "on"):
                    continue
                pobjs = [g for g in prep.children if g.dep_ == "pobj"]
                if pobjs and all(is_placed(self._actor(p, offset, resolver)) for p in pobjs):
                    return pobjs
        return []

    def _posture_place(self, candidates: list[tuple[str, list[Token]]], offset: int,
                       resolver: SpanResolver) -> list[Actor]:
        """The place a show of force is made in, as written ("its forces in the Gulf"); [] when none is named."""
        for kind, candidate in candidates:
            if kind != "place":
                continue
            for tok in candidate:
                if tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() in SETTING_WORDS or tok.ent_type_ in (
                        "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL"):
                    continue  # "on alert in case of more fighting": no place
                found = self._actor(tok, offset, resolver)
                if found is not None and found.country:
                    return [found]
                phrase = full_phrase(tok)
                if len(phrase) <= MAX_PHRASE_TOKENS:
                    return [Actor(text=phrase.text, name=phrase.text, kind="org", start=offset + phrase.start_char,
                                  end=offset + phrase.end_char, resolved_by="text")]
        return []

    def _stance_topic(self, candidates: list[tuple[str, list[Token]]], trig: Trigger, offset: int) -> Actor | None:
        """What a stance is taken on when it names no actor: "is pessimistic about the possibility of a deal",
        "expressed pessimism over the airline's future", "agree with the recommendation". Coders take the topic as
        the recipient; it is kept as written, unplaced."""
        own = {trig.token.i} | ({trig.obj.i} if trig.obj is not None else set())
        for kind, candidate in candidates:
            if kind == "whole":
                continue
            for tok in candidate:
                if (tok.i in own or tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() in SENTIMENT_NOUNS
                        or tok.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY")):
                    continue
                if tok.lemma_.lower() in MEDIUM_WORDS | STATEMENT_WORDS | self._hosted_nouns | SETTING_WORDS or (
                        kind == "place" and (tok.pos_ != "NOUN" or tok.ent_type_)):
                    continue  # "optimism at a bipartisan deal" is a topic; "at a news conference" is where
                phrase = full_phrase(tok)
                if len(phrase) > MAX_PHRASE_TOKENS:
                    continue
                return Actor(text=phrase.text, name=phrase.text, kind="org", start=offset + phrase.start_char,
                             end=offset + phrase.end_char, resolved_by="text")
        return None

    def _mission_place(self, tok: Token, offset: int, resolver: SpanResolver,
                       own_countries: set[str | None]) -> Token | None:
        """The country a peace mission named by `tok` serves, if its phrase names it ("the United Nations
        peacekeeping force in South Sudan", "an extension of the peacekeeping mission in Cyprus", "the NATO-led
        security force in Afghanistan"); None for any other phrase, or when it serves one of `own_countries`."""
        missions = [tok] + [o for o in prep_objects(tok, ("of",)) if tok.pos_ == "NOUN"]
        for mission in missions:
            if mission.lemma_.lower() not in MISSION_NOUNS:
                continue
            modifiers = [c for c in mission.children if c.dep_ in ("compound", "amod")]
            peacekeeping = any(c.lower_.startswith(("peacekeep", "peace-keep")) for c in modifiers)
            if not peacekeeping:
                # a "security force" is a mission only when an international body leads it: not "Iraqi
                # security forces in Basra"
                led = self._actor(mission, offset, resolver)
                if led is None or led.kind != "igo" or not any(c.lemma_.lower() in MISSION_KINDS for c in modifiers):
                    continue
            for place in prep_objects(mission, ("in",)):
                found = self._actor(place, offset, resolver)
                if found is not None and found.kind == "state" and found.country not in own_countries | {None, "IGO"}:
                    return place
        return None

    def _recipient_preps(self, noun: Token) -> tuple[str, ...]:
        """Cooperation is "with"/"to" a partner ("talks on X" name a topic); conflict falls "on"/"against" a target."""
        key = self._noun_key(noun)
        code = self.lexicon.nouns.get(key or "", "")
        lemma = noun.lemma_.lower()
        if lemma in self.lexicon.noun_classes.get("PARTICIPATION", frozenset()):
            return ("in", "with", "to", "of")  # "participation in the CSTO"
        if lemma in SENTIMENT_NOUNS:
            return ("at", "about", "over", "in", "for", "on", "to", "with", "toward", "towards", "regarding",
                    "concerning")  # "optimism at a deal", "concern regarding the plan"
        if code[:2] in ("01", "02", "03", "04", "05", "06", "07", "08") or lemma in self._hosted_nouns:
            # "a summit in Minsk" names a place; "mediation among the feuding republics" its parties
            return ("with", "to", "toward", "towards", "of", "between", "among", "amongst")
        return ("of", "on", "against", "with", "in", "to", "into", "toward", "towards", "over", "around")

    def _expand(self, tokens: Iterable[Token]) -> list[Token]:
        out: list[Token] = []
        for tok in tokens:
            out.append(tok)
            stack = [c for c in tok.children if c.dep_ == "conj" or listed_apposition(c)]
            while stack:
                conj = stack.pop(0)
                if conj.pos_ in ("NOUN", "PROPN", "PRON"):
                    out.append(conj)
                    stack.extend(c for c in conj.children if c.dep_ == "conj")
        return out

    def _reports(self, apposition: Token) -> bool:
        """Whether a comma-set "apposition" is really the speaker of a report that follows it: "withdrew troops
        from Syria, Defence Minister Sergei Shoigu said"."""
        after = compact_edge(apposition) + 1
        doc = apposition.doc
        return after < len(doc) and doc[after].pos_ == "VERB" and doc[after].lemma_.lower() in self.lexicon.speech_verbs

    def _phrase(self, tok: Token) -> Span:
        doc = tok.doc
        start = tok.left_edge.i
        end = tok.i + 1
        for child in tok.children:
            if child.i <= tok.i:
                continue
            appos_start = child.left_edge.i
            if child.dep_ == "appos" and not listed_apposition(child) and (appos_start == end or (appos_start == end + 1 and doc[end].text == ",")):
                # "its NATO ally Turkey", "Thomas Shannon, U.S. undersecretary of state": the apposition names it too
                if not any(t.pos_ in ("VERB", "AUX") for t in child.subtree) and not self._reports(child):
                    end = max(end, compact_edge(child) + 1)
                continue
            if child.dep_ == "acl" and child.tag_ == "VBN" and child.i == end and child.right_edge.i - tok.i <= 7 and any(
                    g.dep_ in ("prep", "agent") for g in child.children):
                end = max(end, child.right_edge.i + 1)  # "hackers linked to the Iranian government"
                continue
            if child.dep_ != "prep" or child.i != end or not (
                    tok.pos_ in ("NOUN", "PROPN") or tok.lower_ in GENERIC_HEADS or tok.lemma_.lower() in QUANTITY_NOUNS):
                continue
            if child.lower_ == "for" and (tok.lower_ in GENERIC_HEADS or tok.lower_ in ROLE_HEADS):
                end = max(end, compact_edge(child) + 1)  # "a spokesman for the Taliban", "Minister for Foreign Affairs"
                continue
            # "the government of Liberia", "Doctors from two American aid groups", "rebels in Darfur" — but not
            # "civilians in an attack on a village in ...": a place phrase joins only when it is short.
            if child.lower_ == "of" and bereaved(tok):
                # "the families of the migrants found in a truck", "relatives of those who perished in the attack":
                # the bereaved are named by whom they lost, told in full
                end = max(end, child.right_edge.i + 1)
                continue
            short_place = compact_edge(child) - child.i <= 4 and any(
                g.ent_type_ in ("GPE", "LOC", "NORP", "ORG") for g in child.subtree)
            if (child.lower_ == "of" and not charge_of(tok, child)) or (child.lower_ in ("from", "in") and short_place):
                end = max(end, compact_edge(child) + 1)

        # Don't swallow a leading conjunct's siblings or punctuation.
        while start < end - 1 and doc[start].is_punct:
            start += 1
        while end - 1 > start and doc[end - 1].is_punct:
            end -= 1
        return doc[start:end]

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
