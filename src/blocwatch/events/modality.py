"""Whether an event is asserted, negated, hypothetical or future, read off the dependency parse."""

from __future__ import annotations

from spacy.tokens import Token

HYPOTHETICAL_MODALS = {"could", "might", "may", "would", "should", "must", "can", "ought", "'d"}
FUTURE_MODALS = {"will", "shall", "'ll", "wo"}
CONDITIONAL_MARKS = {"if", "unless", "whether", "lest", "provided", "once"}
NEGATORS = {"not", "n't", "never", "no", "neither", "nor", "without"}
# Verbs that put the event they govern in the future ("plans to visit", "is set to sign").
FUTURE_GOVERNORS = {"plan", "set", "schedule", "expect", "due", "poise", "prepare", "aim", "intend", "go", "slate"}
# Verbs and nouns that put what they govern in the realm of the possible ("considering withdrawing").
HYPOTHETICAL_GOVERNORS = {"consider", "contemplate", "weigh", "mull", "threaten", "propose", "suggest", "want", "wish",
                          "hope", "seek", "try", "attempt", "speculate", "fear", "possibility", "speculation", "option",
                          "ready", "willing", "able", "likely", "unlikely", "possible", "prepared", "may", "might"}
FAIL_VERBS = {"fail", "refrain", "decline", "neglect", "stop", "cease", "avoid"}


def _aux_words(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}


def _is_negated(tok: Token) -> bool:
    for child in tok.children:
        if child.dep_ == "neg" or (child.dep_ in ("advmod", "npadvmod") and child.lower_ in ("never", "no longer")):
            return True
        if child.dep_ == "advmod" and child.lower_ == "longer" and any(g.lower_ == "no" for g in child.children):
            return True
    return False


def _has_condition(tok: Token) -> bool:
    """The clause is conditional ("if ..."), or governs a condition: "If the vote goes ahead, they would boycott",
    "Were Baku to attack again, Yerevan would ask ..." (an inverted condition)."""
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in tok.children):
        return True
    # "would ... if" is counterfactual, unless reported ("said they would meet him if ...": the reported
    # "will", a conditional intention).
    would = any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "'d") for c in tok.children) and not (
        _reported_in_past(tok))
    for child in tok.children:
        if child.dep_ != "advcl":
            continue
        if would and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in child.children):
            return True  # "would ... if": counterfactual; "will ... unless" is a conditional announcement
        first = child.doc[child.left_edge.i]
        if first.lower_ in ("were", "had", "should") and first.i < child.i:
            return True
    return False


def modality_of(trigger: Token, governors: list[Token] | None = None) -> str:
    """The modality of the event whose trigger is `trigger`.

    `governors` are the verbs a composite event was built from (e.g. "refused" in "refused to attend"): their
    negation counts, but a governing "refuse" itself makes an asserted rejection, not a negated attendance.
    """
    chain: list[Token] = [trigger, *(governors or [])]
    # Climb through xcomp/conj/acl links: "did not agree to meet", "will travel and meet".
    tok = trigger
    for _ in range(4):
        if tok.dep_ in ("xcomp", "conj", "acomp") and tok.head != tok:
            tok = tok.head
            chain.append(tok)
        else:
            break
    # Any condition on the clause or on the clauses it hangs from.
    clause = trigger
    for _ in range(6):
        if _has_condition(clause):
            return "hypothetical"
        if clause.dep_ in ("ROOT",) or clause.head == clause:
            break
        if clause.dep_ == "advcl" and _has_condition(clause):
            return "hypothetical"
        clause = clause.head
    if _under_speculation(trigger):
        return "hypothetical"
    if any(_is_negated(t) for t in chain):
        return "negated"
    if _subject_negated(trigger):
        return "negated"
    auxes = set().union(*(_aux_words(t) for t in chain))
    if "would" in auxes and not (auxes & (HYPOTHETICAL_MODALS - {"would"})) and _reported_in_past(trigger):
        return "future"  # "said it would allow": the reported "will", shifted into the past
    if auxes & HYPOTHETICAL_MODALS:
        return "hypothetical"
    for gov in chain[1:]:
        if gov.lemma_.lower() in HYPOTHETICAL_GOVERNORS:
            return "hypothetical"
    # "X is considering leaving", "speculation that Y is leaving".
    head = trigger.head
    if trigger.dep_ in ("xcomp", "ccomp", "acl", "pcomp", "advcl") and head.lemma_.lower() in HYPOTHETICAL_GOVERNORS:
        return "hypothetical"
    if head.dep_ == "prep" and head.head.lemma_.lower() in HYPOTHETICAL_GOVERNORS:
        return "hypothetical"
    if auxes & FUTURE_MODALS:
        return "future"
    for gov in chain[1:]:
        if gov.lemma_.lower() in FUTURE_GOVERNORS:
            return "future"
        if gov.lemma_.lower() == "be" and trigger.dep_ == "xcomp":  # "is to visit"
            return "future"
    if trigger.dep_ == "xcomp" and head.lemma_.lower() in FUTURE_GOVERNORS:
        return "future"
    if trigger.dep_ == "xcomp" and head.lemma_.lower() in FAIL_VERBS:
        return "negated"
    if trigger.tag_ == "VBG" and head.lemma_ == "be" and any(c.lower_ in ("going",) for c in [trigger]):
        return "future"
    return "asserted"


SPECULATIVE_NOUNS = {"speculation", "rumour", "rumor", "possibility", "prospect", "fear", "chance", "likelihood",
                     "doubt", "expectation", "scenario", "suggestion", "risk", "threat", "talk", "option"}


def _under_speculation(trigger: Token) -> bool:
    """'speculation is high that Yerevan is leaving', 'the possibility that Armenia leaves'."""
    if trigger.dep_ not in ("ccomp", "acl"):
        return False  # only what the speculation says ("speculation ... that Yerevan is leaving"), not adjuncts
    head = trigger.head
    for _ in range(3):
        if head.lemma_.lower() in SPECULATIVE_NOUNS:
            return True
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in SPECULATIVE_NOUNS for c in head.children):
            return True
        if head.head == head:
            break
        head = head.head
    return False


QUOTE_MARKS = {'"', "“", "”", "«", "»", "„"}
REPORTING_VERBS = {"say", "announce", "tell", "state", "declare", "confirm", "promise", "pledge", "vow", "indicate",
                   "add", "report", "insist", "warn", "threaten", "write", "reply", "respond", "agree", "decide"}


def _reported_in_past(trigger: Token) -> bool:
    clause = trigger
    for _ in range(3):
        if clause.dep_ in ("ccomp", "xcomp") and clause.head.lemma_.lower() in REPORTING_VERBS:
            doc = clause.doc
            edge = clause.left_edge.i
            quoted = any(t.text in QUOTE_MARKS for t in doc[max(edge - 1, 0):clause.right_edge.i + 2])
            # Direct speech keeps the speaker's own tense; only indirect speech shifts "will" to "would".
            return clause.head.tag_ in ("VBD", "VBN", "VBG") and not quoted
        if clause.dep_ == "conj" and clause.head != clause:
            clause = clause.head
            continue
        return False
    return False


def _subject_negated(trigger: Token) -> bool:
    """'No country attended', 'neither side signed'."""
    for child in trigger.children:
        if child.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if child.lower_ in ("nobody", "none", "noone", "neither"):
            return True
        for mod in child.subtree:
            if mod.i >= child.i:
                break
            if (mod.dep_ == "det" and mod.lower_ in ("no", "neither")) or (
                    mod.lower_ in ("not", "never") and mod.dep_ in ("neg", "advmod", "preconj")):
                return True  # "no country attended", "not one leader condemned"
    return False


def is_future_context(trigger: Token) -> bool:
    return modality_of(trigger) == "future"


__all__ = ["modality_of", "is_future_context"]
