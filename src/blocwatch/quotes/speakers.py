"""Who is speaking: the subject of a cue, its written noun phrase, and the actor it stands for."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from blocwatch.quotes.lexicon import (
    FEMALE_FIRST_NAMES,
    GROUP_PRONOUNS,
    MALE_FIRST_NAMES,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    PERSON_TITLES,
    PRONOUN_GENDER,
    QUOTE_FRAME_VERBS,
)
from blocwatch.records import Actor

Resolver = Callable[[int, int], Actor | None]

_SUBJECT_DEPS = ("nsubj",)
# Clauses that share the subject of the clause they hang from ("..., adding that", "and warned that").
_SUBJECT_SHARING_DEPS = ("conj", "xcomp", "advcl")
# Subjects that cannot be who is speaking: demonstratives and question words.
_NOT_SPEAKERS = frozenset("this that these those which what there".split())
_OBJECT_PRONOUNS = frozenset("them him her us me".split())
_NAMED_ENTITY_KINDS = {"PERSON": "person", "ORG": "org", "GPE": "state", "NORP": "group"}
_HONORIFIC_NAME = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.? ([A-Z][\w'’-]+)")
_NAME_TRIM = " \t\n\r\u00a0,.;:—–-\"“”‘’'()"


def subject_of(verb: Token, skip: Callable[[Token], bool] | None = None, depth: int = 0) -> Token | None:
    """The token heading the speaker of a cue verb, following shared subjects up a few clauses.

    `skip` rules out candidate subjects (words inside quotation marks, which the parser sometimes hangs
    from the cue: "“My reaction,” the strategist said").
    """
    subject_deps = _SUBJECT_DEPS if depth == 0 else (*_SUBJECT_DEPS, "nsubjpass")
    for child in verb.children:
        if child.dep_ in subject_deps and child.lower_ in _OBJECT_PRONOUNS and verb.head != verb:
            # "let them know that ...": the one letting them know is speaking.
            return subject_of(verb.head, skip, depth + 1) if depth < 3 else None
        if child.dep_ in subject_deps and child.text.strip("―—–-") == "":
            continue  # a dash the parser took for a noun ("... made public ― Trump boasted")
        if child.dep_ in subject_deps and not (skip is not None and skip(child)):
            if child.lower_ in _NOT_SPEAKERS and relative_antecedent(child) is None:
                return None
            return child
        if child.dep_ == "nsubjpass" and verb.lemma_ == "quote":
            return child  # "X was quoted as saying"
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    if depth < 3 and _comma_participle(verb) and _relative_subject(verb.head):
        # "X defended not paying an architect who said ..., saying, “...”": a participle set off by a comma
        # after a relative clause on its noun ("who said") shares the subject of the clause the noun sits in.
        # A relative clause with its own subject ("a news conference in which he said") keeps it.
        outer = next((a for a in verb.head.head.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if outer is not None:
            return subject_of(outer, skip, depth)  # strictly higher in the tree, so the climb ends
    if depth < 3 and verb.dep_ in _SUBJECT_SHARING_DEPS and verb.head != verb:
        return subject_of(verb.head, skip, depth + 1)
    if depth < 3 and verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head != verb.head:
        return subject_of(verb.head.head, skip, depth + 1)  # "After saying ..., she ..."
    return None


def _comma_participle(verb: Token) -> bool:
    """A participle clause after a comma: "..., saying ..."."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.i == 0 or verb.i < verb.head.i:
        return False
    return verb.doc[verb.i - 1].text == ","


def _relative_subject(verb: Token) -> bool:
    """True for a relative clause whose subject is its relative pronoun: "an architect who said"."""
    return verb.dep_ == "relcl" and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WP", "WDT") for c in verb.children
    )


def relative_antecedent(token: Token) -> Token | None:
    """The noun a relative pronoun stands for ("the minister, who said" → minister), else None."""
    if token.tag_ in ("WP", "WDT") and token.head.dep_ == "relcl" and token.head.head != token.head:
        return token.head.head
    return None


def noun_phrase(head: Token) -> tuple[int, int]:
    """Token span [start, end) of the noun phrase headed by `head`: appositions and titles in, clauses out."""
    if head.pos_ == "PRON":
        return head.i, head.i + 1
    start = head.left_edge.i
    end = head.right_edge.i + 1
    for child in head.rights:
        if child.dep_ in ("relcl", "acl", "advcl", "ccomp", "parataxis") or (
            child.dep_ == "prep" and child.i - head.i > 6
        ):
            end = min(end, child.left_edge.i)
    doc = head.doc
    sent = head.sent
    start = max(start, sent.start)
    end = min(end, sent.end)
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].dep_ in ("cc", "punct")):
        end -= 1
    while start < end - 1 and doc[start].is_punct:
        start += 1
    if end - start > 14:
        # A long subject is mostly a description; the head with its own modifiers names the speaker.
        start = min(t.i for t in head.lefts) if any(True for t in head.lefts) else head.i
        end = head.i + 1
    return start, end


def _titled_name(head: Token) -> str | None:
    """The proper name in a noun phrase that carries a person's title, e.g. "Alen Simonyan".

    The head is either the name ("Deputy Minister Mher Grigoryan") or the title itself, with the name at the
    end of its phrase ("President of the National Assembly of Armenia Alen Simonyan").
    """
    name_token = head
    if head.lower_ in PERSON_TITLES:
        name_token = head.right_edge
    if name_token.pos_ != "PROPN" or name_token.lower_ in PERSON_TITLES:
        return None
    run = [name_token]
    for left in reversed(list(name_token.lefts)):
        if left.i == run[0].i - 1 and left.dep_ == "compound" and left.pos_ == "PROPN":
            if left.lower_ in PERSON_TITLES:
                break
            run.insert(0, left)
        else:
            break
    if len(run) < 2 or not all(t.text[:1].isupper() for t in run):
        return None
    # A longer run usually starts with a place or body ("Armenia Alen Simonyan"): keep given name and surname.
    run = run[-2:]
    phrase = head.doc[head.left_edge.i : run[0].i]
    if head.lower_ not in PERSON_TITLES and not any(t.lower_ in PERSON_TITLES for t in phrase):
        return None
    return " ".join(t.text for t in run)


@dataclass
class Mention:
    """A person named in the article so far, used to resolve pronouns and surnames."""

    name: str
    start: int
    kind: str


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


class SpeakerResolver:
    """Turns a written speaker mention into an Actor, using (in order) the actor stage, its mentions, the text."""

    def __init__(
        self,
        text: str,
        actors: Sequence[Actor],
        resolve: Resolver | None,
        entities: Sequence[tuple[int, int, str]],
        subject_starts: frozenset[int] = frozenset(),
        segment_offsets: dict[int, int] | None = None,
    ) -> None:
        self.text = text
        self.actors = sorted(actors, key=lambda a: a.start)
        self.resolve = resolve
        # (start, end, label) of named entities in article offsets, sorted.
        self.entities = sorted(entities)
        # Start offsets of the entities that are grammatical subjects.
        self.subject_starts = subject_starts
        self.person_names = [
            text[s:e].strip(_NAME_TRIM) for s, e, label in self.entities if label == "PERSON"
        ]
        self.segment_offsets = dict(segment_offsets or {})
        # Surnames whose gender the article gives by an honorific ("Mr. Burman", "Mrs. Clinton").
        self.genders: dict[str, str] = {}
        for match in _HONORIFIC_NAME.finditer(text):
            self.genders.setdefault(match.group(2).lower(), "m" if match.group(1) == "Mr" else "f")
        # Speakers already resolved in this article, so that "he" can point back to the last one.
        self.spoken: list[Mention] = []

    def full_name(self, name: str) -> str:
        """The usual longer form of a person's name in the article ("Kopyrkin" → "Sergey Kopyrkin").

        Among the person names ending with `name`, the most frequent wins, so that a one-off epithet
        ("Crooked Hillary Clinton") does not rename the person; ties go to the shorter form.
        """
        lowered = name.lower()
        counts: dict[str, int] = {}
        for candidate in self.person_names:
            cand_lower = candidate.lower()
            if cand_lower.endswith(" " + lowered) and " " in candidate:
                counts[candidate] = counts.get(candidate, 0) + 1
        if not counts:
            return name
        return max(counts, key=lambda c: (counts[c], -len(c)))

    def _actor_in(self, start: int, end: int) -> Actor | None:
        best: Actor | None = None
        best_overlap = 0
        for actor in self.actors:
            overlap = min(end, actor.end) - max(start, actor.start)
            if overlap > best_overlap or (
                overlap == best_overlap and overlap > 0 and best is not None and actor.kind == "person"
            ):
                best, best_overlap = actor, overlap
        return best

    def gender_of(self, name: str) -> str | None:
        """The gender ("f" or "m") a name has in this article (honorific) or by a common first name, if any."""
        words = name.replace(".", " ").split()
        if not words:
            return None
        known = self.genders.get(words[-1].lower())
        if known is not None:
            return known
        first = words[0].lower()
        if first in FEMALE_FIRST_NAMES:
            return "f"
        if first in MALE_FIRST_NAMES:
            return "m"
        return None

    def _agrees(self, name: str, pronoun: str | None) -> bool:
        wanted = PRONOUN_GENDER.get(pronoun or "")
        found = self.gender_of(name)
        return wanted is None or found is None or wanted == found

    def _antecedent(self, before: int, person: bool, pronoun: str | None = None) -> Actor | None:
        """The most recent person (or, for "it"/"they", non-person) named before offset `before`.

        For "he"/"she", a person whose gender the article or a first name gives otherwise is passed over.
        """
        candidates: list[tuple[int, Actor]] = []
        for actor in self.actors:
            if (
                actor.end <= before
                and (actor.kind == "person") == person
                and actor.text.lower() not in (PERSON_PRONOUNS | GROUP_PRONOUNS)
            ):
                candidates.append((actor.start, actor))
        for start, end, label in self.entities:
            if end > before:
                break
            if person and label == "PERSON" and candidates and start not in self.subject_starts:
                continue  # a person only mentioned in passing is a weaker antecedent than one who acts
            if person and label == "PERSON" or not person and label in ("ORG", "GPE", "NORP"):
                name = self.text[start:end].strip(_NAME_TRIM)
                if person:
                    name = self.full_name(name)
                candidates.append((start, self._text_actor(name, label, start, end)))
        for mention in self.spoken:
            if mention.start < before and (mention.kind == "person") == person:
                label = "PERSON" if person else "ORG"
                candidates.append((mention.start, self._text_actor(mention.name, label, mention.start, None)))
        agreeing = [c for c in candidates if not person or self._agrees(c[1].name, pronoun)]
        if not agreeing:
            return None
        return max(agreeing, key=lambda item: item[0])[1]

    def _governing_speaker(self, pronoun: Token, lowered: str) -> Actor | None:
        """In "Ditto said she expects ...", "she" is Ditto: the named subject of a cue governing the pronoun."""
        offset = self.text_offset(pronoun)
        for ancestor in pronoun.ancestors:
            if ancestor.lemma_.lower() not in QUOTE_FRAME_VERBS:
                continue
            subject = subject_of(ancestor)
            if subject is None or subject == pronoun or subject.pos_ == "PRON" or subject.i > pronoun.i:
                continue
            first, last = noun_phrase(subject)
            doc = subject.doc
            found = self.speaker(
                offset + doc[first].idx,
                offset + doc[last - 1].idx + len(doc[last - 1].text),
                subject,
                offset + subject.idx,
            )
            if found is not None and found.kind == "person" and self._agrees(found.name, lowered):
                return found
            return None
        return None

    def could_be(self, pronoun: str, subject: Token) -> bool:
        """True when `subject` names someone the pronoun `pronoun` may stand for, by kind, gender and number."""
        if pronoun in PRONOUN_GENDER:
            person_like = subject.ent_type_ == "PERSON" or (
                subject.pos_ == "PROPN" and subject.ent_type_ not in ("ORG", "GPE", "NORP", "FAC", "LOC")
            ) or (subject.pos_ == "NOUN" and subject.tag_ == "NN" and subject.lower_ in PERSON_NOUNS)
            first, last = noun_phrase(subject)
            written = subject.doc[first:last].text.strip(_NAME_TRIM)
            # The tagger may miss a surname ("Ditto said"); a longer person name ending with it settles it.
            if not person_like and not (subject.text[:1].isupper() and self.full_name(written) != written):
                return False
            return self._agrees(self.full_name(written), pronoun)
        if pronoun == "they":
            return subject.tag_ in ("NNS", "NNPS") or subject.ent_type_ in ("ORG", "NORP", "GPE")
        return False

    def text_offset(self, token: Token) -> int:
        """Offset of the token's Doc in the article (the segment start)."""
        return self.segment_offsets[id(token.doc)]

    def _text_actor(self, name: str, label: str | None, start: int, end: int | None) -> Actor:
        kind = "person" if label == "PERSON" else "org"
        actor_id = f"{kind}:{_slug(name)}" if label in _NAMED_ENTITY_KINDS and _slug(name) else None
        return Actor(
            text=self.text[start:end] if end is not None else name,
            name=name,
            kind=kind,
            start=start,
            end=end if end is not None else start + len(name),
            actor_id=actor_id,
            resolved_by="text",
        )

    def speaker(self, start: int, end: int, head: Token | None, head_start: int | None) -> Actor | None:
        """The Actor for the speaker mention text[start:end]; `head` is its syntactic head when known."""
        written = self.text[start:end]
        actor: Actor | None = None
        if self.resolve is not None:
            actor = self.resolve(start, end)
        antecedent = relative_antecedent(head) if head is not None else None
        if actor is None and antecedent is not None:
            # "Smith, who said ...": the mention is "who", the speaker is whoever it stands for.
            doc = antecedent.doc
            ante_start, ante_end = noun_phrase(antecedent)
            offset = start - head.idx  # the segment's offset in the article
            found = self.speaker(
                offset + doc[ante_start].idx,
                offset + doc[ante_end - 1].idx + len(doc[ante_end - 1].text),
                antecedent,
                offset + antecedent.idx,
            )
            if found is not None:
                actor = Actor(**{**found.__dict__, "text": written, "start": start, "end": end})
        if actor is None:
            actor = self._actor_in(start, end)
        pronoun = (
            head is not None and head.pos_ == "PRON" or written.lower() in PERSON_PRONOUNS | GROUP_PRONOUNS
        )
        if actor is None and pronoun:
            lowered = written.lower()
            if lowered in PERSON_PRONOUNS:
                found = self._governing_speaker(head, lowered) if head is not None else None
                if found is None:
                    found = self._antecedent(start, person=True, pronoun=lowered)
            elif lowered in ("it",):
                found = self._antecedent(start, person=False)
            else:
                found = None
            if found is not None:
                actor = Actor(
                    text=written,
                    name=found.name,
                    kind=found.kind,
                    country=found.country,
                    sector=found.sector,
                    org=found.org,
                    start=start,
                    end=end,
                    actor_id=found.actor_id,
                    role=found.role,
                    resolved_by=found.resolved_by or "text",
                )
        if actor is None:
            actor = self._from_text(start, end, head, head_start)
        if actor.kind == "person" or actor.kind in ("org", "state", "igo", "group"):
            self.spoken.append(Mention(name=actor.name, start=start, kind=actor.kind))
        return actor

    def _from_text(self, start: int, end: int, head: Token | None, head_start: int | None) -> Actor:
        """An actor built from the words alone: the named entity inside the mention, or the mention itself."""
        inside = [(s, e, label) for s, e, label in self.entities if s >= start and e <= end]
        chosen: tuple[int, int, str] | None = None
        if head_start is not None:
            for entity in inside:
                if entity[0] <= head_start < entity[1]:
                    chosen = entity
        if chosen is None:
            persons = [entity for entity in inside if entity[2] == "PERSON"]
            named = [entity for entity in inside if entity[2] in _NAMED_ENTITY_KINDS]
            chosen = (persons or named or [None])[0]
        written = self.text[start:end]
        titled = _titled_name(head) if head is not None else None
        if titled is not None and (chosen is None or chosen[2] != "PERSON"):
            # The tagger often swallows "Speaker of the Assembly Alen Simonyan" into one organisation.
            name = self.full_name(titled)
            actor = self._text_actor(name, "PERSON", start, end)
            actor.text = written
            return actor
        if chosen is not None:
            name = self.text[chosen[0] : chosen[1]].strip(_NAME_TRIM)
            label = chosen[2]
            if label != "PERSON" and head is not None and head.pos_ == "PROPN":
                # The tagger sometimes calls a surname a place; a longer person name ending with it settles it.
                expanded = self.full_name(head.text)
                if expanded != head.text:
                    name, label = expanded, "PERSON"
            elif label == "PERSON":
                name = self.full_name(name)
        elif head is not None and head.pos_ == "PROPN" and self.full_name(head.text) != head.text:
            name, label = self.full_name(head.text), "PERSON"
        else:
            name, label = written.strip(_NAME_TRIM), None
        actor = self._text_actor(name, label, start, end)
        actor.text = written
        return actor
