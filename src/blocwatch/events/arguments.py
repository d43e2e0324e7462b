"""Who acts and whom an act is aimed at (`ArgumentReader`, a part of `EventCoder`): subjects, recipient
candidates in order of likelihood, places, and the phrases that name them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from spacy.tokens import Span, Token

from blocwatch.events.lexicon import Lexicon
from blocwatch.events.parties import SpanResolver
from blocwatch.events.syntax import (
    active,
    anaphoric,
    attempt_of,
    bereaved,
    charge_of,
    compact_edge,
    dangling_object,
    done_by,
    full_phrase,
    is_placed,
    is_transfer,
    listed_apposition,
    names_a_party,
    own_forces,
    placed_in,
    prep_objects,
    purpose_clause,
    purpose_targets,
    reported_clause,
    stance_passive,
    subject_of_misread_main_verb,
    when_clauses,
)
from blocwatch.events.triggers import Trigger
from blocwatch.events.vocabulary import (
    ACCUSING_WORDS,
    ADJECTIVAL_PASSIVES,
    APPEAL_VERBS,
    BLOCKED_WAYS,
    DEMAND_VERBS,
    DOMESTIC_GROUPS,
    FRAMING_NOUNS,
    GENERIC_HEADS,
    GIVING_VERBS,
    HELPING_VERBS,
    ISSUING_VERBS,
    MAX_PHRASE_TOKENS,
    MEDIUM_WORDS,
    MISSION_KINDS,
    MISSION_NOUNS,
    NEWS_OUTLETS,
    PERMIT_VERBS,
    PHRASAL_NOUNS,
    PLACE_PREPS,
    PROSPECT_NOUNS,
    PROTEST_PURPOSES,
    QUANTITY_NOUNS,
    REACTIVE_ROOTS,
    RELATIVE_PRONOUNS,
    RELEASED_PEOPLE,
    ROLE_HEADS,
    SENDING_VERBS,
    SENTIMENT_NOUNS,
    SETTING_WORDS,
    STATEMENT_WORDS,
    TARGET_PREPS,
    VIOLENT_VERBS,
    WITHDRAWING_VERBS,
)
from blocwatch.records import Actor


class ArgumentReader:
    """The event coder's reading of an act's arguments; it reads `self.lexicon`."""

    lexicon: Lexicon

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
        """Candidate recipients, most likely first, each tagged "core" (an argument of the act), "deep" (a target
        named deeper in its clauses), "place" (where it happened) or "whole" (the act's object as a whole, placed by
        who it belongs to)."""
        verb = trig.token
        if trig.nominal:
            return [("core", self._noun_args(trig.token)[1])]
        core: list[list[Token]] = []
        places: list[list[Token]] = []
        if trig.clause_subject is not None:
            core.append([c for c in trig.clause_subject.children if c.dep_ in ("nsubj", "nsubjpass")])
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
            # "complained to the UN over Israeli air raids", "an investigation into an allegation by the LPC": the
            # complaint or inquiry is aimed at who carried out (or made) what it is about.
            preps = ("over", "about", "into") if trig.code.startswith("09") else ("over", "about")
            for head in heads:
                for pobj in prep_objects(head, preps):
                    authors = self._noun_args(pobj)[0] if self._noun_key(pobj) else []
                    authors = [a for a in authors if a.pos_ != "PRON"] or done_by(pobj)
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
        deeper = [[g for g in p.children if g.dep_ == "pobj"] for p in holder.subtree
                  if p.dep_ == "prep" and p.lower_ == "against" and p.i not in subjects and p.head != holder
                  and (not self._noun_key(p.head) or self._protest_code(p.head))]
        # "against the abuses by the Belarusian police": a deed is aimed at by aiming at its doer
        deeper = [(len(c) == 1 and done_by(c[0])) or c for c in deeper]
        # What is said ("called on Arabs to mobilize against Sharon") is aimed at the deeper target even past an
        # unplaced addressee; what is done ("students were killed during protests against the police") is not.
        deep_kind = "core" if trig.code[:2] in ("01", "02", "10", "11", "12", "13") else "deep"
        tagged = [("core", c) for c in core if c] + [(deep_kind, c) for c in deeper if c]
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
            elif kind == "deep":
                if placed and not first_unplaced:
                    # "students were killed during demonstrations against the police": the act's own argument,
                    # even unplaced, comes before a target named deeper in its clauses
                    chosen = candidate
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
            return ("with", "to", "toward", "towards", "of", "between")  # "a summit in Minsk" names a place
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

