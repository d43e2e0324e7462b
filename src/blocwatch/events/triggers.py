"""Finding what acts a sentence tells: verbs, light verbs with event nouns, embedding verbs, event nouns
(`TriggerFinder`, a part of `EventCoder`), matched against the lexicon."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from blocwatch.events.lexicon import Lexicon, Pattern
from blocwatch.events.syntax import (
    attempt_of,
    combine,
    for_to_clause,
    has_demand_modal,
    measured_content,
    prefix_piece,
    prep_objects,
    purpose_clause,
    reported_clause,
    stance_passive,
    that_clause,
    verb_taken_for_noun,
)
from blocwatch.events.vocabulary import (
    APPEAL_VERBS,
    CESSATION_VERBS,
    CLAIM_VERBS,
    CONSIDER_VERBS,
    DECISION_VERBS,
    DEMAND_VERBS,
    DENY_VERBS,
    EVENT_CARRIER_NOUNS,
    INTENT_ADJECTIVES,
    INTENT_VERBS,
    IRREGULAR_PAST,
    ISSUING_VERBS,
    KILLING_VERBS,
    LEAVING_VERBS,
    MILITARY_HEADS,
    NON_ACTOR_HEADS,
    PLACE_PREPS,
    PREPOSITIONAL_LIGHT_VERBS,
    PROTEST_PURPOSES,
    QUANTITY_NOUNS,
    RECEIVING_VERBS,
    REFUSE_VERBS,
    SENDING_VERBS,
    STATEMENT_WORDS,
    THREAT_VERBS,
    TOPIC_NOUNS,
    VIOLENT_VERBS,
)


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


class TriggerFinder:
    """The event coder's trigger finding; it reads `self.lexicon`."""

    lexicon: Lexicon

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
            clause = that_clause(obj)
            if clause is not None and has_demand_modal(clause):
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

