"""Helpers over the dependency parse that need no lexicon: clause shapes, coordination, modal and
purpose clauses, and small tests on actors. The event coder (`coder.py`) builds on them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Span, Token

from blocwatch.events import ontology
from blocwatch.events.vocabulary import (
    ABSTRACT_SUFFIXES,
    ACCUSING_WORDS,
    ACT_WORDS,
    ANAPHORIC_OBJECTS,
    APPEAL_VERBS,
    ATTEMPT_NOUNS,
    ATTENDING_VERBS,
    CAUSE_NOUNS,
    CIVIL_SECTORS,
    COMPLAINT_TOPIC_PREPS,
    COMPLAINT_VERBS,
    COUNTING_WORDS,
    CUSTODY_NOUNS,
    DEATH_VERBS,
    DEMAND_VERBS,
    DOMESTIC_BODIES,
    DOMESTIC_GROUPS,
    DOMESTIC_OFFICES,
    FOREIGN_FACING,
    HELPING_VERBS,
    HOPING_VERBS,
    INTENT_VERBS,
    KIN_WORDS,
    MAX_PHRASE_TOKENS,
    MEASURE_WORDS,
    MEDIUM_WORDS,
    MEETING_VERBS,
    MILITARY_HEADS,
    NON_ACTOR_HEADS,
    PURPOSE_CARRIERS,
    QUANTITY_NOUNS,
    REFUSE_VERBS,
    RELATIVE_PRONOUNS,
    RESOLVING_VERBS,
    SCORELINE,
    SPORT_WORDS,
    STANCE_PASSIVES,
    STATE_AGENTS,
    THING_WORDS,
    THREAT_VERBS,
    VIOLENT_VERBS,
    VISIT_WORDS,
)
from blocwatch.records import Actor, Event

# What refusing, appealing for or demanding an embedded act is coded as, by the act's code prefix (first match
# wins): "refused to meet" 125, "urged the release of" 0253, "demanded a ceasefire" 1056.
REFUSAL_CODES = (("04", "125"), ("0831", "1231"), ("084", "1243"), ("087", "1246"), ("08", "124"), ("06", "121"),
                 ("07", "122"))
APPEAL_CODES = (("04", "026"), ("0831", "0241"), ("084", "0253"), ("085", "0254"), ("087", "0256"), ("08", "025"),
                ("06", "021"), ("07", "023"), ("05", "022"), ("03", "022"))
DEMAND_CODES = (("04", "106"), ("0831", "1041"), ("084", "1053"), ("085", "1054"), ("087", "1056"), ("08", "105"),
                ("06", "101"), ("07", "103"))


def _by_prefix(table: tuple[tuple[str, str], ...], inner_code: str, default: str) -> str:
    return next((code for prefix, code in table if inner_code.startswith(prefix)), default)


def combine(governor: str, inner_code: str) -> str | None:
    """The CAMEO code of a verb that embeds another act ("agreed to meet", "threatened to strike", "urged X to
    release"), from the governing verb's class and the embedded act's code; None when they do not combine."""
    root = inner_code[:2]
    if governor in INTENT_VERBS:
        table = {"04": "036", "05": "032", "06": {"061": "0311", "062": "0312", "063": "0313", "064": "0314"}.get(inner_code[:3], "031"),
                 "07": {"072": "0332", "073": "0333", "074": "0334"}.get(inner_code[:3], "033"),
                 "08": {"0871": "0356", "087": "0356", "084": "0353", "0841": "0353", "085": "0354", "0831": "0341", "081": "0351"}.get(inner_code[:4], {"087": "0356", "084": "0353", "085": "0354", "083": "0342", "081": "0351", "086": "0355"}.get(inner_code[:3], "035")),
                 "03": inner_code, "02": "030", "01": "030"}
        if root in table:
            return table[root]
        if root in ("13", "14", "15", "16", "17", "18", "19", "20"):
            return combine("threaten", inner_code)
        return "030"
    if governor in THREAT_VERBS:
        if inner_code.startswith("163"):
            return "1312"
        if root == "16":
            return "1313" if inner_code[:3] == "161" else "131"
        if root in ("18", "19", "20"):
            return "138"
        if root == "14":
            return "133"
        if root == "17":
            return "137"
        if root in ("15",):
            return "138"
        return "130" if governor == "threaten" else None
    if governor in REFUSE_VERBS:
        return _by_prefix(REFUSAL_CODES, inner_code, "120")
    if governor in APPEAL_VERBS:
        return _by_prefix(APPEAL_CODES, inner_code, "020")
    if governor in DEMAND_VERBS:
        return _by_prefix(DEMAND_CODES, inner_code, "100")
    return None


def main_clause(tok: Token) -> bool:
    """The sentence's main verb, a verb coordinated with it, or a clause it reports or embeds."""
    while tok.dep_ in ("conj", "xcomp", "ccomp") and tok.head != tok:
        tok = tok.head
    return tok.dep_ == "ROOT"


def third_party(targets: list[Actor], sources: list[Actor], code: str) -> bool:
    """"Mexico and Canada agreed to lift tariffs on American products": a joint concession (CAMEO 08) or intent to
    yield (035) aimed at a placed party other than the partners is coded toward it, not between the partners
    (sharing information "on North Korea" stays between them)."""
    if code[:2] != "08" and code[:3] != "035":
        return False
    countries = {s.country for s in sources}
    return any(is_placed(t) and t.country not in countries for t in targets)


def coordinated(actors: list[Actor], sent: Span, offset: int) -> list[Actor]:
    """"Armenia and Azerbaijan agreed": partners named in one coordination are written as that coordination."""
    ordered = sorted(actors, key=lambda a: a.start)
    text = sent.doc.text
    if not ordered or any(not a.text for a in ordered):
        return actors
    for left, right in zip(ordered, ordered[1:], strict=False):
        if left.end > right.start or text[left.end - offset:right.start - offset].strip(" ,") not in ("and", "or", ""):
            return actors
    start, end = ordered[0].start, ordered[-1].end
    written = text[start - offset:end - offset]
    if len(written.split()) > MAX_PHRASE_TOKENS:
        return actors
    return [replace(a, text=written, start=start, end=end) for a in actors]


def reported_clause(verb: Token) -> Token | None:
    """The main clause a complaint verb set off after it reports: "Serbian police are harassing journalists, a press
    group *complained*" (the parser hangs the verb on the main clause or on an aside, not the clause on the verb)."""
    if verb.lemma_.lower() not in COMPLAINT_VERBS:
        return None
    reported = [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
    if reported:
        return reported[0]  # "protested that the government had ignored the refugees"
    if any(c.dep_ in ("dobj", "xcomp", "nsubjpass") or (c.dep_ == "prep" and c.lower_ in COMPLAINT_TOPIC_PREPS)
           for c in verb.children):
        return None
    root = verb.sent.root
    if root == verb or root.i > verb.i or root.pos_ not in ("VERB", "AUX"):
        return None
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children):
        return None
    doc = verb.doc
    if verb.dep_ in ("conj", "ccomp", "relcl") and root in verb.ancestors:
        if verb.dep_ == "conj" and any(c.dep_ == "cc" for c in verb.head.children if verb.i > c.i > verb.head.i):
            return None  # "police harassed journalists and the group complained": two acts, not a report
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS]
        speaker = subjects[0] if subjects else None
    elif verb.dep_ == "acl" and verb.head.i < verb.i and root in verb.ancestors:
        speaker = verb.head  # "..., a human rights group protested", parsed as an aside's participle
    else:
        return None
    if speaker is None or speaker.left_edge.i == 0 or doc[speaker.left_edge.i - 1].text != ",":
        return None
    return root


def names_a_party(tok: Token) -> bool:
    """A noun naming a party by name or nationality ("Turkish police", "Islamic fundamentalists", "NATO"), not a
    means ("by a 286-344 vote", "by force")."""
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("NORP", "GPE", "ORG", "PERSON"):
        return True
    return tok.pos_ == "NOUN" and any(c.dep_ in ("amod", "compound", "nmod", "poss") and (
        c.ent_type_ in ("NORP", "GPE", "ORG") or c.pos_ == "PROPN") for c in tok.children)


def death_caused_by(noun: Token) -> Token | None:
    """The verb of dying an act is named as the cause of: "died *of* torture", "died as a result *of* beatings"."""
    node = noun
    for _ in range(5):
        head = node.head
        if head == node:
            return None
        if head.pos_ == "VERB":
            return head if head.lemma_.lower() in DEATH_VERBS and node.dep_ == "prep" else None
        if head.pos_ == "NOUN" and head.lemma_.lower() not in CAUSE_NOUNS:
            return None
        node = head
    return None


def custody_holder(verb: Token) -> list[Token]:
    """Who held the one the verb tells of: "died in Turkish police custody", "in the custody of Kazakh police"."""
    for custody in prep_objects(verb, ("in", "under")):
        if custody.lemma_.lower() not in CUSTODY_NOUNS:
            continue
        holders = prep_objects(custody, ("of",))
        if holders:
            return holders
        return [c for c in custody.children if c.dep_ in ("amod", "compound", "poss")
                and (c.ent_type_ in ("NORP", "GPE", "ORG") or c.pos_ == "PROPN")]
    return []


def done_by(noun: Token) -> list[Token]:
    """Who a deed was done by, named in a "by" phrase: "crimes committed by Croat forces", "abuses by the police"."""
    doers = prep_objects(noun, ("by",))
    for participle in (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"):
        doers.extend(g for a in participle.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj")
    return [d for d in doers if d.pos_ != "PRON"]


def attempt_of(verb: Token) -> Token | None:
    """The noun of an attempt whose infinitive the verb is: "an *attempt* to assassinate the governor"."""
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in ATTEMPT_NOUNS and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return verb.head
    return None


def when_clauses(verb: Token) -> list[Token]:
    """Adverbial clauses that tell when, how or to what end the verb's act happened: "killed nine people *when he
    opened fire*", "to fight *until they gain control of the villages*"."""
    return [c for c in verb.children if c.dep_ == "advcl" and any(
        m.dep_ in ("advmod", "mark") and m.lower_ in ("when", "as", "while", "after", "until") and m.i < c.i
        for m in c.children)]


def purpose_targets(noun: Token) -> list[list[Token]]:
    """Whom an effort, a commitment or an invitation is for, named in its purpose clause: "to support the police", "designed to
    help the Government and the secessionists reach a settlement", "to resolve the rift between X and Y"."""
    found: list[list[Token]] = []
    clauses = [c for c in noun.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]
    # "a formula for ending its dispute with its partners": the purpose told by a gerund
    clauses += [g for p in noun.children if p.dep_ == "prep" and p.lower_ == "for"
                for g in p.children if g.dep_ == "pcomp" and g.tag_ == "VBG"]
    while clauses:
        clause = clauses.pop(0)
        lemma = clause.lemma_.lower()
        if lemma in PURPOSE_CARRIERS:
            clauses.extend(c for c in clause.children if c.dep_ == "xcomp" and c.pos_ == "VERB")
        elif lemma in MEETING_VERBS:  # "an invitation to meet with Kim Jong Un": the other side of the meeting
            found.append([g for c in clause.children if c.dep_ == "prep" and c.lower_ == "with"
                          for g in c.children if g.dep_ == "pobj"]
                         + [c for c in clause.children if c.dep_ == "dobj" and c.pos_ == "PROPN"])
        elif lemma in ATTENDING_VERBS:  # "an invitation to attend a meeting of Palestinian factions": its holders
            for gathering in (c for c in clause.children if c.dep_ == "dobj"):
                found.append([t for t in prep_objects(gathering, ("of", "with", "between")) + [
                    c for c in gathering.children if c.dep_ == "poss"] if t.pos_ in ("NOUN", "PROPN")])
        elif lemma in HELPING_VERBS | RESOLVING_VERBS:
            objects = [c for c in clause.children if c.dep_ in ("dobj", "dative") and c.pos_ in ("NOUN", "PROPN")]
            helped = [s for c in clause.children if c.dep_ == "ccomp" for s in c.children
                      if s.dep_ == "nsubj" and s.pos_ in ("NOUN", "PROPN")]  # "help X reach a settlement"
            between = [p for o in objects for prep in o.children if prep.dep_ == "prep" and prep.lower_ == "between"
                       for p in prep.children if p.dep_ == "pobj"]  # "the rift between Qatar and other Gulf states"
            # "ending its dispute with its partners": the other side of the quarrel
            opposed = ([p for o in [clause, *objects] for p in prep_objects(o, ("with",))]
                       if lemma in RESOLVING_VERBS and objects else [])
            found.append(between or (objects if lemma in HELPING_VERBS else []) or helped or opposed)
    return [f for f in found if f]


def partner(tok: Token) -> bool:
    """The other side of a meeting, talks or an agreement: "met B", "talks with B", "an agreement with B"."""
    if tok.pos_ == "NOUN" and not agentive(tok):
        return False  # "meet the needs of", "a deal with conditions"
    while tok.dep_ == "conj" and tok.head != tok:
        tok = tok.head
    if tok.dep_ == "pobj":
        return tok.head.lower_ == "with" or (tok.head.lower_ == "to" and tok.head.head.lemma_.lower() in VISIT_WORDS)
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("meet", "consult", "telephone", "phone", "call",
                                                              *VISIT_WORDS)


def conditional(verb: Token) -> bool:
    """"would meet the mediator if he gave them a veto": a conditional offer is one side's stance."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
               for c in verb.children)


def listed_apposition(tok: Token) -> bool:
    """"The United States, India, Israel and Pakistan": the parser's apposition that is really a list item. So is a
    comma-set name the list's "and" follows at once, its last item hung on the first: "the Border Police, Customs
    Service (CS) and other agencies" (not "its envoy, John Smith, and the press")."""
    if tok.dep_ != "appos" or tok.pos_ != "PROPN":
        return False
    if any(c.dep_ == "conj" for c in tok.children):
        return True
    doc = tok.doc
    after = tok.right_edge.i + 1
    while after < len(doc) and doc[after].text in (")", "]"):
        after += 1
    head = tok.head
    return (head.pos_ == "PROPN" and head.i < tok.i and tok.left_edge.i > 0 and doc[tok.left_edge.i - 1].text == ","
            and after < len(doc) and doc[after].dep_ == "cc" and doc[after].head == head
            and any(c.dep_ == "conj" and c.i > after for c in head.children))


def names_a_time(modifier: Token) -> bool:
    heads = [modifier] if modifier.dep_ == "npadvmod" else [c for c in modifier.children if c.dep_ == "pobj"]
    return bool(heads) and all(h.ent_type_ in ("DATE", "TIME") for h in heads)


def full_phrase(tok: Token) -> Span:
    """The noun phrase under `tok` without coordinated siblings, relative clauses, comma-set asides or punctuation."""
    doc = tok.doc
    start, end = tok.left_edge.i, tok.i + 1
    for child in tok.children:
        if child.i < tok.i or child.dep_ in ("cc", "conj", "punct"):
            continue
        if child.dep_ in ("relcl", "advcl", "acl") or (child.dep_ == "appos" and doc[child.left_edge.i - 1].text == ","):
            continue  # clauses and comma-set asides
        if child.dep_ == "prep" and any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound")
                                        for t in child.subtree):
            continue  # "efforts at restoring peace ...": a clause in disguise; "Serb-held parts" is no clause
        if child.dep_ == "prep" and child.lower_ == "as":
            continue  # "families as human shields": what they are used as, not who they are
        if child.dep_ == "prep" and child.lower_ == "of" and charge_of(tok, child):
            continue  # "accused the military of mass killings": the charge, not who is accused
        if child.dep_ in ("prep", "npadvmod") and names_a_time(child):
            continue  # "The United Nations on Tuesday": when, not who
        if child.dep_ == "appos":
            # "the Russian space agency Roscosmos and the Indian space agency": the name, not its conjuncts
            end = max(end, compact_edge(child) + 1)
            continue
        if child.dep_ == "prep" and child.lower_ == "in" and any(
                g.dep_ == "pobj" and g.lemma_.lower() in MEDIUM_WORDS for g in child.children):
            continue  # "the attacks in messages to the media": how it was said, not what was meant
        end = max(end, child.right_edge.i + 1)
    opened = [t.i for t in doc[start:end] if t.text == "("]
    closes = False
    if opened and not any(t.text == ")" for t in doc[opened[-1]:end]):
        if end < len(doc) and doc[end].text == ")" and end - opened[-1] <= 4:
            end += 1  # "the Kachin Independence Organization (KIO)": the bracketed acronym is part of the name
            closes = True
        else:
            end = opened[-1]  # "the Islamic Salvation Front (FIS" loses its unclosed parenthesis
    while end - 1 > start and doc[end - 1].is_punct and not (closes and doc[end - 1].text == ")"):
        end -= 1
    while start < end - 1 and doc[start].is_punct:
        start += 1
    return doc[start:end]


def charge_of(tok: Token, prep: Token) -> bool:
    """Whether the "of" phrase `prep` on `tok` is the charge of an accusation made against or by `tok` ("accused the
    military of mass killings", "accusations by the US of genocide"), not part of its name ("the government of
    Sierra Leone")."""
    if any(g.pos_ == "PROPN" or g.ent_type_ in ("GPE", "ORG", "NORP", "LOC") for g in prep.children):
        return False
    if tok.dep_ == "dobj":
        return tok.head.lemma_.lower() in ACCUSING_WORDS
    return tok.dep_ == "pobj" and tok.head.lower_ == "by" and tok.head.head.lemma_.lower() in ACCUSING_WORDS


def compact_edge(tok: Token) -> int:
    """The last token of a phrase without its relative clauses, participles and comma-set appositions."""
    last = tok.i
    for child in tok.children:
        if child.i < tok.i or child.dep_ in ("relcl", "acl", "punct", "cc", "conj", "advcl") or (
                child.dep_ == "appos" and child.i > 0 and tok.doc[child.left_edge.i - 1].is_punct):
            continue
        last = max(last, compact_edge(child))
    return last


def agentive(tok: Token) -> bool:
    """A singular noun that can name someone acted upon ("a former presidential candidate", "the hospital")."""
    word = tok.lemma_.lower()
    return (not word.endswith(ABSTRACT_SUFFIXES) and word not in NON_ACTOR_HEADS and word not in ACT_WORDS | THING_WORDS
            and len(word) > 2)


def counting_head(tok: Token) -> Token | None:
    """The quantity word that counts `tok` in "dozens of demonstrators", "a group of diplomats", if any."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "of" or prep.head == prep:
        return None
    counter = prep.head
    return counter if counter.lemma_.lower() in COUNTING_WORDS or counter.lower_ in COUNTING_WORDS else None


def counted(noun: Token) -> Token:
    """What a quantity or group counts, for agreement: "a group of leaders ... they" agrees with "leaders"."""
    if noun.lemma_.lower() not in QUANTITY_NOUNS:
        return noun
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return noun


def number_agrees(pronoun: Token, noun: Token) -> bool:
    if pronoun.lower_ in ("it", "its"):  # "Turkey's president says it will ...": the country or body, not a person
        return noun.ent_type_ != "PERSON" and noun.tag_ in ("NN", "NNP")
    plural_pronoun = pronoun.lower_ in ("they", "them", "their")
    plural_noun = noun.tag_ in ("NNS", "NNPS")
    if noun.ent_type_ in ("GPE", "ORG", "NORP") and noun.tag_ == "NNP":
        return True  # "Russia said they ..." is loose but common in news
    return plural_pronoun == plural_noun


def about_sport(sent: Span) -> bool:
    words = {t.lower_ for t in sent}
    hits = len(words & SPORT_WORDS) + (1 if SCORELINE.search(sent.text) else 0)
    if words & STATE_AGENTS:
        return hits >= 3  # "authorities jailed 52 separatists for playing in a football tournament" is politics
    return hits >= 2 or bool(words & {"tournament", "championship", "goalkeeper", "striker", "footballer"})


def about_peacekeeping(verb: Token) -> bool:
    return any(t.lower_.startswith(("peacekeep", "peace-keep")) for t in verb.subtree) or any(
        t.lower_ == "peacekeeping" for t in verb.sent)


def peacekeeping_deployment(code: str, verb: Token) -> bool:
    """Whether a deployment, dispatch or arrival is of peacekeepers ("peacekeepers were killed" is still a killing)."""
    return code in ("154", "042", "190", "0861") and about_peacekeeping(verb) and (
        verb.lemma_.lower() not in VIOLENT_VERBS)


def purpose_clause(verb: Token) -> bool:
    """An infinitive adjunct of purpose: 'to protect them', 'in order to end the war', 'so as to ...'."""
    if verb.dep_ not in ("advcl", "acl", "relcl"):
        return False
    has_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    return has_to and not has_subject


def anaphoric(tok: Token) -> bool:
    """'this', 'that', or 'the/this move': a reference back to the act just reported."""
    if tok.lower_ in ("this", "that") or (tok.lower_ == "it" and tok.dep_ in ("nsubj", "nsubjpass")):
        return True
    return tok.lemma_.lower() in ANAPHORIC_OBJECTS and tok.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in ("this", "that", "the", "such") for c in tok.children)


def is_transfer(code: str) -> bool:
    """Acts of giving or handing over, whose recipient is the "to" phrase rather than the object."""
    return code[:2] == "07" or code[:3] in ("063", "084", "075") and code != "0841" or code == "0874"


def prefix_piece(tok: Token) -> bool:
    """A prefix or hyphen the tokenizer cut off a verb ("re" and "-" in "re-open")."""
    following = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return following is not None and not tok.whitespace_ and (tok.text == "-" or following.text == "-")


def stance_passive(verb: Token) -> bool:
    return verb.lemma_.lower() in STANCE_PASSIVES and not any(c.dep_ == "agent" for c in verb.children)


def active(verb: Token) -> bool:
    return verb.tag_ != "VBN" and not any(c.dep_ == "auxpass" for c in verb.children)


def prep_objects(tok: Token, words: tuple[str, ...]) -> list[Token]:
    """Objects of the prepositions `words` under `tok` ("from North Korea" -> North Korea)."""
    return [g for prep in tok.children if prep.dep_ == "prep" and prep.lower_ in words
            for g in prep.children if g.dep_ == "pobj"]


def is_placed(actor: Actor | None) -> bool:
    """An actor with a country, or a state or organisation that stands for itself."""
    return actor is not None and bool(actor.country or actor.kind in ("state", "igo"))


def compatriots(actor: Actor, others: list[Actor]) -> Actor:
    if actor.country or actor.kind in ("state", "igo") or not actor.text:
        return actor
    words = [w.lower().strip(".,") for w in actor.text.split()]
    domestic_group = "ethnic" in words or any(w.rstrip("s") in DOMESTIC_GROUPS or w in DOMESTIC_GROUPS
                                              for w in words[-2:])
    # "Judge Alejandro Rivera ... against Chilean officials": an unknown holder of a home office acts at home.
    home_office = (actor.kind == "person" and bool(set(words[:3]) & DOMESTIC_OFFICES)
                   and not set(words[:3]) & FOREIGN_FACING)
    # "began a hunger strike outside Parliament", "warned that police will ...": an unnamed home institution.
    home_body = actor.kind == "org" and len(words) <= 3 and words[-1] in DOMESTIC_BODIES
    # "ordered the opposition newspaper La Prensa to close": an unplaced paper, party or union that a state's own
    # authorities act on (or that acts on them) is one of theirs.
    civil_body = actor.kind == "org" and actor.sector in CIVIL_SECTORS and any(
        o.kind == "state" and o.sector in ("GOV", "COP", "JUD", "LEG", "MIL", "SPY") for o in others)
    if not (domestic_group or home_office or home_body or civil_body):
        return actor
    if home_office and len({o.country for o in others if o.country and o.country != "IGO"}) > 1:
        return actor  # "President X criticised Romania and Ukraine": which one he leads is not said
    for other in others:
        if home_office and other.kind == "person":
            continue  # "President X welcomed South African leader de Klerk": a counterpart is a foreigner
        if other.country and other.country != "IGO" and other.kind in ("state", "person", "group"):
            return replace(actor, country=other.country, sector=actor.sector or "CVL", resolved_by="text")
    return actor


def only_own_state(targets: list[Actor], sources: list[Actor]) -> bool:
    """Every recipient is the state that also acts, named again (a region or city of it, or its name)."""
    own = {(a.actor_id, a.sector) for a in sources if a.kind == "state" and a.actor_id}
    return bool(own) and all(t.kind == "state" and (t.actor_id, t.sector) in own for t in targets)


def subject_of_misread_main_verb(noun: Token) -> bool:
    """"Palestinian youths resorted to throwing stones ..., officials said": the parser made the act a participle
    of its subject and the subject a second subject of the report; a report has only one."""
    report = noun.head
    return noun.dep_ == "nsubj" and report != noun and sum(c.dep_ == "nsubj" for c in report.children) > 1 and any(
        c.dep_ == "nsubj" and c.i > noun.i for c in report.children)


def for_to_clause(verb: Token) -> Token | None:
    """The "for X to do" clause of a verb ("called for Serbia to recognise Kosovo"), with X as its subject."""
    for clause in verb.children:
        if clause.dep_ in ("advcl", "ccomp", "xcomp") and clause.pos_ in ("VERB", "AUX") and any(
                m.dep_ == "mark" and m.lower_ == "for" for m in clause.children) and any(
                c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN") for c in clause.children):
            return clause
    return None


def that_clause(head: Token, after: Token | None = None) -> Token | None:
    """The clause a noun announces with "that" ("its demand that Israel ease ..."), not a relative clause; or
    the parser's reading of it as the verb's complement after that noun ("reiterated its demand today that")."""
    for clause in head.children:
        if after is not None and clause.i < after.i:
            continue
        if clause.dep_ in ("acl", "ccomp") and clause.pos_ in ("VERB", "AUX") and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
            return clause
    return None


def own_forces(tok: Token) -> bool:
    """Troops or forces the clause's own actor owns ("its peacekeeping forces", "their soldiers")."""
    return tok.lower_ in MILITARY_HEADS and any(
        c.dep_ == "poss" and c.lower_ in ("its", "their", "our") for c in tok.children)


def home_authority(sources: list[Actor]) -> Actor | None:
    """The one state whose own authorities (government, police, courts, army) are the actors, if so."""
    countries = {a.country for a in sources}
    if len(countries) != 1 or None in countries or "IGO" in countries:
        return None
    if not all(a.sector in ("GOV", "COP", "JUD", "MIL", "SPY") for a in sources):
        return None
    return sources[0]


def placed_in(actor: Actor, place: Actor) -> Actor:
    if actor.country or actor.kind in ("state", "igo") or not place.country or place.country == "IGO":
        return actor
    return replace(actor, country=place.country, resolved_by="text")


def dangling_object(prep: Token) -> list[Token]:
    """The object the parser took for the subject of the next clause: in "granted asylum to five officers holed
    up in a residence", "officers" hangs as the subject of "holed" and "to" is left empty."""
    if any(c.dep_ == "pobj" for c in prep.children) or prep.i + 1 >= len(prep.doc):
        return []
    if prep.lower_ in ("outside", "out", "ahead", "because", "instead") and (inner := prep_objects(prep, ("of",))):
        return inner  # "outside of the Iraqi city of Basra"
    shared = [g for c in prep.children if c.dep_ == "conj" and c.pos_ == "ADP" for g in c.children if g.dep_ == "pobj"]
    if shared:
        return shared  # "travel curbs to and from North Korea": both prepositions take the one object
    for clause in prep.head.children:
        if clause.dep_ in ("advcl", "ccomp", "relcl", "acl", "conj") and clause.i > prep.i:
            subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.left_edge.i == prep.i + 1]
            if subjects:
                return subjects
    return []


def verb_taken_for_noun(tok: Token) -> bool:
    """A headline verb the tagger reads as a noun: "EU and UN hand over supplies to Nigeria" (a root noun with a
    subject and an object of its own)."""
    if tok.pos_ != "NOUN" or tok.dep_ != "ROOT":
        return False
    deps = {c.dep_ for c in tok.children}
    return "nsubj" in deps and bool(deps & {"dobj", "prt"})


def measured_content(noun: Token) -> Token:
    """The thing a measure or a sum counts ("700 kg of medicine" -> medicine, "$33 million in assistance" ->
    assistance); any other noun as it is."""
    amount = noun.like_num or noun.ent_type_ == "MONEY" or noun.lemma_.lower() in ("million", "billion", "thousand")
    if noun.lemma_.lower() not in MEASURE_WORDS and not amount:
        return noun
    for prep in noun.children:
        if prep.dep_ == "prep" and (prep.lower_ == "of" or (amount and prep.lower_ == "in")):
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN"):
                    return pobj
    return noun


def readying(verb: Token) -> bool:
    """'prepared to resume shelling', 'poised to attack': the act is what the force is made ready for."""
    clause = verb
    for _ in range(3):
        if clause.dep_ not in ("xcomp", "advcl", "dobj", "pcomp") or clause.head == clause:
            return False
        clause = clause.head
        if clause.lemma_.lower() in ("prepare", "poise", "gear", "ready") or clause.lower_ in ("poised", "ready"):
            return True
    return False


def threat_unless(verb: Token) -> bool:
    """'X will (not) do A unless B': a conditional announcement of one's own act, a threat."""
    if not any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll", "wo") for c in verb.children):
        return False
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
               for c in verb.children)


def future_or_modal(verb: Token) -> bool:
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxes & {"will", "wo", "shall", "would", "can", "ca", "could"}:
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("plan", "intend", "want", "wish")


def has_demand_modal(clause: Token) -> bool:
    """'X must ...', 'X has to ...', 'X needs to ...', 'X should ...' (what the speaker requires of X)."""
    for child in clause.children:
        if child.dep_ == "aux" and child.lower_ in ("must", "ought"):
            return True
    if clause.lemma_.lower() in ("have", "need") and any(c.dep_ == "xcomp" for c in clause.children):
        return not any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might") for c in clause.children)
    return False


def event_type(info: ontology.CameoCode) -> str:
    """PLOVER's type; CAMEO statements (01) and appeals (02), which PLOVER leaves out, keep a name of their own."""
    if info.plover_type:
        return info.plover_type
    return "APPEAL" if info.root == "02" else "STATEMENT"


def as_list(actor: Actor | list[Actor] | None) -> list[Actor]:
    if actor is None:
        return []
    return actor if isinstance(actor, list) else [actor]


def actor_like(actors: Sequence[Actor]) -> bool:
    """Someone who can act: a resolved state, organisation or person, or a named body ("the CLO")."""
    return any(a.country or a.sector or a.kind in ("person", "state", "igo", "group") or is_named(a) for a in actors)


def political(actor: Actor) -> bool:
    """States, organisations, armed groups and officials — not civilians, businesses or unnamed bodies."""
    if actor.kind in ("state", "igo", "group"):
        return True
    if actor.sector in ("CVL", "BUS", "MED", "JRN", "EDU", "REL", "UNK", "HLH", "AGR"):
        return False
    return bool(actor.country or actor.sector) or (actor.kind == "person" and actor.resolved_by in ("kb", "both"))


def is_named(actor: Actor) -> bool:
    words = [w for w in actor.text.split() if w.lower() not in ("the", "a", "an")]
    return bool(words) and all(w[:1].isupper() or not w[:1].isalpha() for w in words[:2])


def dedupe(events: list[Event]) -> list[Event]:
    best: dict[tuple, Event] = {}
    for event in events:
        key = (
            event.actor.actor_id or event.actor.text if event.actor else None,
            event.recipient.actor_id or event.recipient.text if event.recipient else None,
            event.cameo[:2],
            event.trigger_start,
        )
        loose = (key[0], key[1], key[2])
        current = best.get(loose)
        if current is None or event.confidence > current.confidence:
            best[loose] = event
    kept = set(id(e) for e in best.values())
    return [e for e in events if id(e) in kept]


def counted_lists(tokens: Sequence[Token]) -> list[Token]:
    """A count of a list of named peoples or bodies stands for the list's items, each a party of its own: "a large
    number of Sudanese, Chadians and Eritreans" is the Sudanese, the Chadians and the Eritreans (a count of one
    group, "dozens of rebels", stays whole)."""
    out: list[Token] = []
    for tok in tokens:
        counted = prep_objects(tok, ("of",)) if tok.lemma_.lower() in COUNTING_WORDS else []
        listed = [g for g in counted if any(c.dep_ == "conj" for c in g.children)]
        members = [m for g in listed for m in [g, *(c for c in g.subtree if c.dep_ == "conj" and c.head.dep_ in (
            "pobj", "conj"))]]
        if listed and all(m.pos_ == "PROPN" or m.ent_type_ in ("NORP", "GPE", "ORG") for m in members):
            out.extend(listed)
        else:
            out.append(tok)
    return out


def hoped_subject(speech: Token) -> Token | None:
    """Who a hope reported by `speech` is about, when named by noun: "said they hoped that Gambari would be in
    Myanmar" gives Gambari; None when no hope is reported or its clause's subject is a pronoun."""
    # the tagger sometimes lemmatises "hoped" as "hop"
    for hope in (c for c in speech.children if c.dep_ == "ccomp" and (
            c.lemma_.lower() in HOPING_VERBS or c.lower_ in ("hoped", "hopes", "hoping"))):
        for clause in (c for c in hope.children if c.dep_ == "ccomp"):
            for subject in (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")):
                if subject.pos_ in ("PROPN", "NOUN"):
                    return subject
    return None


def bereaved(noun: Token) -> bool:
    """Whether `noun` heads a phrase naming the kin of people lost: "the families", "relatives", "family members"."""
    lemma = noun.lemma_.lower()
    return lemma in KIN_WORDS or (lemma == "member" and any(
        c.dep_ == "compound" and c.lemma_.lower() == "family" for c in noun.children))

