"""Direct quotations and reported statements, attributed to speakers over the existing dependency parse."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from blocwatch.quotes.lexicon import (
    CONTENT_PREPOSITIONS,
    GROUP_PRONOUNS,
    NAMING_VERBS,
    OBJECT_CONTENT_VERBS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    QUOTE_FRAME_VERBS,
    REPORTING_VERBS,
    SPEECH_NOUNS,
)
from blocwatch.quotes.marks import Quotation, find_quotations
from blocwatch.quotes.speakers import Resolver, SpeakerResolver, noun_phrase, relative_antecedent, subject_of
from blocwatch.records import Actor, Quote

_ADDRESSEE_VERBS = frozenset("tell inform assure reassure warn remind notify ask urge advise brief".split())
_CONTENT_TRIM = " \t\n\r\u00a0,;:—–-"
_MIN_STANDALONE_WORDS = 4
# How many words into the sentence after a quotation its cue may stand ("“...” | Rep. Ann Lee, D-Ohio, said").
_FRAME_HEAD_TOKENS = 14
# Dependents that carry what a verb says; a cue without them takes its words from a quotation nearby.
_CONTENT_DEPS = ("ccomp", "dobj", "xcomp", "oprd", "parataxis")


@dataclass
class _Segment:
    index: int
    start: int
    doc: Doc
    # Computed once: `Doc.text` rebuilds the whole string on every access, and `end` is asked for per token.
    end: int = field(init=False)

    def __post_init__(self) -> None:
        self.end = self.start + len(self.doc.text)


@dataclass
class _Sentence:
    index: int
    segment: _Segment
    span: Span

    @property
    def start(self) -> int:
        return self.segment.start + self.span.start_char

    @property
    def end(self) -> int:
        return self.segment.start + self.span.end_char


@dataclass
class _Attribution:
    cue: Token | None
    speaker_head: Token | None
    cue_text: str | None = None


@dataclass
class _Pending:
    """A quotation or statement found, waiting for its speaker to be resolved."""

    text: str
    start: int
    end: int
    direct: bool
    attribution: _Attribution | None
    sentence: int


class _Article:
    """The parsed article with the lookups the attribution rules need."""

    def __init__(self, text: str, docs: Sequence[tuple[int, Doc]]) -> None:
        self.text = text
        self.segments: list[_Segment] = []
        for index, (start, doc) in enumerate(docs):
            if not isinstance(doc, Doc):
                raise TypeError(f"docs[{index}] is not a spaCy Doc but {type(doc).__name__}")
            if start < 0 or text[start : start + len(doc.text)] != doc.text:
                raise ValueError(
                    f"docs[{index}] does not match the article text at offset {start}: "
                    f"segment starts {doc.text[:30]!r}, text there is {text[start : start + 30]!r}"
                )
            self.segments.append(_Segment(index, start, doc))
        self.sentences: list[_Sentence] = []
        for segment in self.segments:
            for span in segment.doc.sents:
                self.sentences.append(_Sentence(len(self.sentences), segment, span))
        self.sentence_starts = [s.start for s in self.sentences]
        self.quoted: dict[int, set[int]] = {}
        self.doc_segment = {id(seg.doc): seg for seg in self.segments}

    def segment_of(self, token: Token) -> _Segment:
        return self.doc_segment[id(token.doc)]

    def start_of(self, token: Token) -> int:
        return self.segment_of(token).start + token.idx

    def end_of(self, token: Token) -> int:
        return self.start_of(token) + len(token.text)

    def sentence_at(self, offset: int) -> _Sentence | None:
        index = bisect.bisect_right(self.sentence_starts, offset) - 1
        if index < 0:
            return None
        return self.sentences[index]

    def sentence_of(self, token: Token) -> _Sentence:
        found = self.sentence_at(self.start_of(token))
        assert found is not None
        return found

    def tokens_in(self, start: int, end: int) -> list[Token]:
        for segment in self.segments:
            if segment.start <= start < segment.end:
                span = segment.doc.char_span(
                    start - segment.start, min(end, segment.end) - segment.start, alignment_mode="expand"
                )
                return list(span) if span is not None else []
        return []

    def mark_quoted(self, quotations: Sequence[Quotation]) -> None:
        for quotation in quotations:
            for start, end in quotation.pieces:
                for token in self.tokens_in(start, end):
                    self.quoted.setdefault(id(token.doc), set()).add(token.i)
                # The marks themselves belong to the quotation too.
                for token in self.tokens_in(max(start - 1, 0), start) + self.tokens_in(end, end + 1):
                    if not token.text[0].isalnum():
                        self.quoted.setdefault(id(token.doc), set()).add(token.i)

    def is_quoted(self, token: Token) -> bool:
        return token.i in self.quoted.get(id(token.doc), ())


def _is_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.tag_.startswith("VB") or token.pos_ == "VERB"


def _frame_tokens(article: _Article, quotation: Quotation) -> list[Token]:
    """Words outside quotation marks in the sentences the quotation starts and ends in.

    A sentence that begins right after the closing mark ("... ,” | she said.") or ends right before the
    opening mark with a colon or comma belongs to the frame too, since the segmenter often splits there.
    """
    first = article.sentence_at(quotation.start)
    last = article.sentence_at(quotation.end - 1)
    sentences: list[_Sentence] = []
    for sentence in (first, last):
        if sentence is not None and sentence not in sentences:
            sentences.append(sentence)
    if last is not None and last.index + 1 < len(article.sentences):
        following = article.sentences[last.index + 1]
        if following.segment is last.segment and _continues_into(article, quotation, following):
            sentences.append(following)
    if first is not None and first.index > 0:
        preceding = article.sentences[first.index - 1]
        between = article.text[preceding.end : quotation.start].strip()
        tail = article.text[preceding.start : preceding.end].rstrip()
        if preceding.segment is first.segment and between in ("“", '"', "‘") and tail.endswith((":", ",")):
            sentences.insert(0, preceding)
    tokens: list[Token] = []
    for sentence in sentences:
        tokens.extend(t for t in sentence.span if not article.is_quoted(t))
    return tokens


def _continues_into(article: _Article, quotation: Quotation, following: _Sentence) -> bool:
    """True when the sentence after a quotation is its attribution ("“... ?” | Clinton said.").

    After a quotation closed by a full stop, only a bare cue qualifies ("“... .” | Trump said."): a cue with
    nothing said of its own, so the sentence cannot be a new statement ("Trump said he would ...").
    """
    between = article.text[quotation.end : following.start]
    if any(ch.isalnum() for ch in between):
        return False
    content_end = article.text[quotation.end - 1]
    first_word = next((t for t in following.span if not t.is_punct), None)
    if first_word is None:
        return False
    open_frame = content_end in ",?!—–-…:" or first_word.text[:1].islower()
    # Punctuation and quoted nicknames do not count towards the reach: a long credit is long in words
    # ("Del. Marcia “Cia” Price (D-Newport News), shouted").
    words = [t for t in following.span if not article.is_quoted(t) and not t.is_punct]
    head_words = words[:_FRAME_HEAD_TOKENS]
    return any(
        t.lemma_.lower() in QUOTE_FRAME_VERBS and _is_verb(t) and (open_frame or _bare_cue(t)) for t in head_words
    )


def _bare_cue(verb: Token) -> bool:
    """A speech verb heading its sentence with no content of its own: "Thompson said of the day."."""
    return verb.dep_ == "ROOT" and not any(c.dep_ in _CONTENT_DEPS for c in verb.children)


def _quote_tokens(article: _Article, quotation: Quotation) -> list[Token]:
    tokens: list[Token] = []
    for start, end in quotation.pieces:
        tokens.extend(article.tokens_in(start, end))
    return tokens


def _connected(cue: Token, quote_tokens: Sequence[Token]) -> int | None:
    """Tree distance between a cue and the quotation, when one hangs from the other."""
    best: int | None = None
    for token in quote_tokens:
        if token.doc is not cue.doc:
            continue
        steps = 0
        node = token
        while node.head != node and steps < 8:
            node = node.head
            steps += 1
            if node == cue:
                best = steps if best is None else min(best, steps)
                break
    if best is not None:
        return best
    quoted_ids = {t.i for t in quote_tokens if t.doc is cue.doc}
    steps = 0
    node = cue
    while node.head != node and steps < 4:
        node = node.head
        steps += 1
        if node.i in quoted_ids:
            return steps + 2
    return None


def _according_to_source(token: Token) -> Token | None:
    if token.lower_ != "according":
        return None
    for child in token.children:
        if child.lower_ == "to":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


_NAME_RUN_POS = ("PROPN", "NOUN", "ADJ", "DET", "NUM")


def _possessor_attribution(article: _Article, quote_tokens: Sequence[Token]) -> _Attribution | None:
    """The owner of the statement noun a quotation belongs to: "Smith's claim that the plan is “dead”".

    The walk up from the quotation stops at the first verb of saying: there the usual frame rules apply.
    """
    tops = [t for t in quote_tokens if t.head not in quote_tokens or t.head == t]
    if not tops:
        return None
    node = tops[0]
    for _ in range(6):
        if node.head == node:
            return None
        node = node.head
        if article.is_quoted(node):
            continue
        if _is_verb(node) and node.lemma_.lower() in QUOTE_FRAME_VERBS:
            return None
        if node.pos_ == "NOUN" and node.lemma_.lower() in SPEECH_NOUNS:
            owner = next((c for c in node.children if c.dep_ == "poss"), None)
            if owner is not None and not article.is_quoted(owner) and owner.lower_ not in ("its", "their"):
                return _Attribution(node, owner)
            return None
    return None


def _puts_it(verb: Token) -> bool:
    """ "As the memo put it, ...": a cue of quoting made of a plain verb, its "it" and "as"."""
    return (
        verb.lemma_.lower() == "put"
        and any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children)
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    )


def _inflects_frame_verb(token: Token) -> bool:
    """A cue word even when the tagger takes it for a name, as it does for a capitalised "Said" or "Added"."""
    lowered = token.lower_
    forms = {token.lemma_.lower(), lowered, lowered[:-1], lowered[:-2], "say" if lowered in ("said", "says") else ""}
    return bool(forms & (QUOTE_FRAME_VERBS | {"continue"}))


def _label_attribution(article: _Article, quotation: Quotation, frame: Sequence[Token]) -> _Attribution | None:
    """A speaker's name as a label before a colon: `Clinton: “...”`, `Rep. Ann Lee (D-Ohio): “...”`.

    Transcripts and fact checks write who speaks this way; the label may open with a cue ("Said Ellis:").
    After a dash, only the part after it is the label ("HEADLINE - Jane Roe: “...”").
    """
    label = [t for t in frame if article.end_of(t) <= quotation.start]
    if not label or not label[-1].text.endswith(":"):
        return None
    between = article.text[article.end_of(label[-1]) : quotation.start]
    if any(ch.isalnum() for ch in between):
        return None
    dashes = [
        i
        for i, t in enumerate(label)
        if t.text in ("-", "—", "–", "―") and t.whitespace_ and t.i > 0 and t.doc[t.i - 1].whitespace_
    ]
    if dashes:
        label = label[dashes[-1] + 1 :]
    # The colon may come glued to a closing bracket ("(R-Ohio):"), which then closes the label's aside.
    words = label if label[-1].text != ":" else label[:-1]
    if not words or len(words) > 12:
        return None
    cue = words[0] if _inflects_frame_verb(words[0]) else None
    if any(_is_verb(t) or t.pos_ == "ADV" for t in words if t is not cue):
        return None  # a clause or a time ("Then, later on CNN:") introduces, it does not name
    index = len(words) - 1
    if words[index].text.startswith(")"):
        while index > 0 and words[index].text != "(":
            index -= 1
        index -= 1
    if index < 0 or words[index].pos_ not in ("PROPN", "NOUN") or not words[index].text[:1].isupper():
        return None
    return _Attribution(cue, words[index])


def _name_run_head(tokens: Sequence[Token]) -> Token | None:
    """The last noun of the noun phrase that `tokens` starts with, when it opens with a name or a determiner."""
    if not tokens or tokens[0].pos_ not in ("PROPN", "DET"):
        return None
    head: Token | None = None
    for token in tokens:
        if token.pos_ not in _NAME_RUN_POS and token.tag_ != "HYPH":
            break
        if token.pos_ in ("PROPN", "NOUN"):
            head = token
    return head


def _trailing_speaker(article: _Article, quotation: Quotation, cue: Token) -> Token | None:
    """The speaker of a cue after a quotation when the parser gave it no subject.

    The parser sometimes hangs the name of `“...,” said Jane Roe, an aide who ...` on a later clause, or
    the name of `“...,” Jane Roe, an analyst, tweeted` on the quotation; the noun phrase right after the cue
    (inverted order) or right after the closing mark is then the speaker.
    """
    if article.start_of(cue) < quotation.end or cue.tag_ == "VBG":
        return None  # a participle ("..., citing a case") shares a subject the parser did find or not
    doc = cue.doc
    between = [t for t in doc[: cue.i] if article.start_of(t) >= quotation.end and not article.is_quoted(t)]
    while between and (between[0].is_punct or between[0].is_space):
        between.pop(0)
    if between:
        return _name_run_head(between)
    return _name_run_head(list(doc[cue.i + 1 : cue.i + 8]))


def _phrase_holds(head: Token, quote_tokens: Sequence[Token]) -> bool:
    """True when the noun phrase headed by `head`, written before the quotation, runs into it.

    A head after the quotation may have it hung on by the parser ("“...,” Roe, 69, told ..."), so only a
    phrase that opens before the quotation counts.
    """
    start, end = noun_phrase(head)
    inside = [t for t in quote_tokens if t.doc is head.doc and start <= t.i < end]
    return bool(inside) and head.i < inside[0].i


def _frame_attribution(
    article: _Article, quotation: Quotation, quote_tokens: list[Token], frame: Sequence[Token]
) -> _Attribution | None:
    candidates: list[tuple[tuple[int, int], _Attribution]] = []
    for token in frame:
        source = _according_to_source(token)
        if source is not None:
            cue_text = article.text[article.start_of(token) : article.end_of(token) + 3]
            attribution = _Attribution(token, source, cue_text)
        elif (token.lemma_.lower() in QUOTE_FRAME_VERBS or _puts_it(token)) and _is_verb(token):
            speaker = subject_of(token, article.is_quoted)
            if speaker is None or article.is_quoted(speaker):
                speaker = _trailing_speaker(article, quotation, token)
            if speaker is None or _phrase_holds(speaker, quote_tokens):
                # "X said the ad “...” suggests that ...": a quotation inside the subject is what the
                # subject is called, so that cue frames something else.
                continue
            attribution = _Attribution(token, speaker)
        else:
            continue
        distance = _connected(token, quote_tokens)
        offset = article.start_of(token)
        gap = min(abs(offset - quotation.start), abs(offset - quotation.end))
        # A cue whose subject is "it" ("she says it underscores ...") yields to one with a real speaker.
        # So does a cue inside a relative clause ("anybody who complains ... “is not having a good night”").
        weak_subject = attribution.speaker_head is not None and (
            attribution.speaker_head.lower_ == "it" or token.dep_ == "relcl"
        )
        rank = (0 if distance is not None else 1, weak_subject, distance or 0, gap)
        candidates.append((rank, attribution))
    if candidates:
        best = min(candidates, key=lambda item: item[0])[1]
        return _outer_source(article, best) or best
    return None


def _outer_source(article: _Article, attribution: _Attribution) -> _Attribution | None:
    """The source a report leads with, "According to the agency, Roe said “...”": it carries the whole report.

    Attribution corpora credit the outer source of such a nested report, which is who the reader hears it from.
    """
    cue, speaker = attribution.cue, attribution.speaker_head
    if cue is None or speaker is None or not _is_verb(cue):
        return None
    for child in cue.children:
        source = _according_to_source(child)
        if source is not None and child.i < speaker.i and not article.is_quoted(source):
            cue_text = article.text[article.start_of(child) : article.end_of(child) + 3]
            return _Attribution(child, source, cue_text)
    return None


def _clause_subject_attribution(article: _Article, quote_tokens: list[Token]) -> _Attribution | None:
    """A quoted fragment inside running text: the subject of the nearest clause governing it."""
    tops = [t for t in quote_tokens if t.head not in quote_tokens or t.head == t]
    if not tops:
        return None
    node = tops[0]
    path_deps: list[str] = []
    steps = 0
    while node.head != node and steps < 8:
        path_deps.append(node.dep_)
        node = node.head
        steps += 1
        if article.is_quoted(node):
            continue
        if _is_verb(node):
            if any(dep in ("nsubj", "nsubjpass", "csubj") for dep in path_deps):
                return None  # the quotation is part of the subject ("the ad, titled “Arrogant,”")
            speaker = subject_of(node, article.is_quoted)
            if speaker is not None and not article.is_quoted(speaker):
                if node.lemma_.lower() not in _GOVERNING_VERBS and not _could_speak(speaker):
                    # "the report found that money was coming from “...”": a thing is described, the
                    # speaker is whoever reports it further up.
                    return _reporting_ancestor(article, node) or _Attribution(node, speaker)
                return _Attribution(node, speaker)
            return None
    return None


def _could_speak(token: Token) -> bool:
    """A subject that may be someone talking: a person, a group, a name or a pronoun for one."""
    return (
        token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or token.pos_ == "PROPN"
        or token.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS
        or token.lower_ in PERSON_NOUNS
    )


def _reporting_ancestor(article: _Article, verb: Token) -> _Attribution | None:
    """The nearest reporting verb governing `verb` whose subject may be someone talking."""
    for ancestor in verb.ancestors:
        if article.is_quoted(ancestor) or not _is_verb(ancestor):
            continue
        if ancestor.lemma_.lower() in _GOVERNING_VERBS:
            speaker = subject_of(ancestor, article.is_quoted)
            if speaker is not None and not article.is_quoted(speaker) and speaker.lower_ not in ("it", "that"):
                return _Attribution(ancestor, speaker)
            return None
    return None


def _previous_sentence_attribution(article: _Article, sentence: _Sentence) -> _Attribution | None:
    """A speaker named in the sentence before a standalone quotation: "X said ..." or "X rebuked Y."."""
    if sentence.index == 0:
        return None
    previous = article.sentences[sentence.index - 1]
    cues = [
        t
        for t in previous.span
        if t.lemma_.lower() in QUOTE_FRAME_VERBS and _is_verb(t) and not article.is_quoted(t)
    ]
    for cue in cues:
        speaker = subject_of(cue, article.is_quoted)
        if speaker is not None and not article.is_quoted(speaker):
            return _Attribution(cue, speaker)
    for token in previous.span:
        source = _according_to_source(token)
        if source is not None:
            return _Attribution(token, source, "according to")
    introduces = previous.span.text.rstrip().endswith(":")
    if previous.segment is not sentence.segment and not introduces:
        return None
    root = previous.span.root
    speaker = subject_of(root, article.is_quoted) if _is_verb(root) else None
    if (
        speaker is not None
        and not article.is_quoted(speaker)
        and (speaker.ent_type_ == "PERSON" or speaker.pos_ in ("PROPN", "PRON"))
    ):
        return _Attribution(None, speaker)
    return None


# Pronouns that, as the subject of a clause inside someone's statement, are usually that someone again.
_BOUND_PRONOUNS = frozenset("he she they it i we".split())
_COMPLEMENT_DEPS = ("ccomp", "xcomp")
_GOVERNING_VERBS = REPORTING_VERBS | QUOTE_FRAME_VERBS | OBJECT_CONTENT_VERBS


def _is_complement(verb: Token) -> bool:
    """A clause that carries its governor's content: a complement, or a bare participle ("..., saying she")."""
    if verb.dep_ in _COMPLEMENT_DEPS:
        return True
    return verb.dep_ == "advcl" and verb.tag_ == "VBG" and not any(c.dep_ == "mark" for c in verb.children)


def _governing_subject(article: _Article, pronoun: Token, could_be: Callable[[str, Token], bool]) -> Token:
    """The subject the speaker pronoun stands for when a report governs its clause: "Lynch said she recalled ...".

    Attribution corpora (and readers) credit such a quotation to the reporting subject as written, so the
    pronoun gives way to it: to a noun phrase that agrees, or to the same pronoun further out ("She said she
    ..."). Only complement clauses are climbed: a relative clause ("an ad in which he says"), a parenthetical
    ("The plan, she said, ...") or an adverbial one ("though he said") has its own speaker.
    """
    lowered = pronoun.lower_
    found = pronoun
    node = pronoun.head
    while _is_complement(node) and node.head != node:
        node = node.head
        if not _is_verb(node) or node.lemma_.lower() not in _GOVERNING_VERBS:
            continue
        subject = subject_of(node, article.is_quoted)
        if subject is None or subject == found or subject.i > found.i or article.is_quoted(subject):
            continue
        antecedent = relative_antecedent(subject)
        if antecedent is not None:
            subject = antecedent
        if subject.lower_ == lowered:
            found = subject
        elif subject.pos_ != "PRON" and could_be(lowered, subject):
            return subject
        else:
            break
    return found


def _word_count(text: str) -> int:
    return sum(1 for word in text.split() if any(ch.isalnum() for ch in word))


def _signature(article: _Article, quotation: Quotation) -> _Attribution | None:
    """A quotation signed with a dash after it: "“...” ― Carlos Raúl"."""
    last = article.sentence_at(quotation.end - 1)
    if last is None:
        return None
    tail = article.text[quotation.end : last.segment.end]
    stripped = tail.lstrip('”"’ \u00a0\t')
    segment_end = last.segment.end
    if not stripped.strip(" .") and last.segment.index + 1 < len(article.segments):
        # Fact-check and vox-pop layouts put the credit on a line of its own: "“...”" then "- Jane Roe.".
        following = article.segments[last.segment.index + 1]
        if following.start - segment_end <= 3:
            stripped, segment_end = following.doc.text, following.end
            tail = article.text[quotation.end : segment_end]
    if stripped and stripped[0] not in "―—–-":
        stripped = _credit_closing_the_line(article, quotation, tail) or ""
    if not stripped or stripped[0] not in "―—–-":
        return None
    name_start = quotation.end + len(tail) - len(stripped) + 1
    tokens = [t for t in article.tokens_in(name_start, segment_end) if not (t.is_punct or t.is_space)]
    if not tokens or not tokens[0].text[:1].isupper() or len(tokens) > 8:
        return None
    if stripped.rstrip(" .")[-1:] in "―—–-" or any(_is_verb(t) for t in tokens):
        return None  # "– Next steps –" is a subheading, not a credit
    head = next((t for t in tokens if t.head == t or t.head not in tokens), tokens[0])
    return _Attribution(None, head)


def _credit_closing_the_line(article: _Article, quotation: Quotation, tail: str) -> str | None:
    """The dash credit ending a reader's comment that opens with the quotation, from its dash on.

    Vox-pop layouts sign a whole comment once, at its end: "“...” And that is all. ― Jane Roe." The comment
    must open with the quotation and its remaining words must hold no cue of their own.
    """
    first = article.sentence_at(quotation.start)
    if first is None or len(quotation.pieces) != 1:
        return None
    opening = article.text[first.segment.start : quotation.start]
    if opening.strip(' “"\u00a0\t'):
        return None
    dash = max(tail.rfind(d) for d in "―—–")
    if dash <= 0 or not tail[dash - 1].isspace():
        return None
    before = article.tokens_in(quotation.end, quotation.end + dash)
    if any(t.lemma_.lower() in QUOTE_FRAME_VERBS and _is_verb(t) for t in before):
        return None
    return tail[dash:]


def _standalone(frame: Sequence[Token]) -> bool:
    """True when no narrative words surround the quotation in its sentences."""
    return not any(t.text[:1].isalnum() for t in frame)


class _Extractor:
    def __init__(
        self, text: str, docs: Sequence[tuple[int, Doc]], actors: Sequence[Actor], resolve: Resolver | None
    ) -> None:
        self.article = _Article(text, docs)
        entities: list[tuple[int, int, str]] = []
        subject_starts: set[int] = set()
        for segment in self.article.segments:
            for ent in segment.doc.ents:
                entities.append((segment.start + ent.start_char, segment.start + ent.end_char, ent.label_))
                if ent.root.dep_ in ("nsubj", "nsubjpass"):
                    subject_starts.add(segment.start + ent.start_char)
        offsets = {id(segment.doc): segment.start for segment in self.article.segments}
        self.speakers = SpeakerResolver(text, actors, resolve, entities, frozenset(subject_starts), offsets)

    # --- building records -------------------------------------------------------------------------------

    def _speaker_fields(
        self, head: Token | None, cue: Token | None = None
    ) -> tuple[Actor | None, int | None, int | None, str | None]:
        if head is None:
            return None, None, None, None
        start_i, end_i = noun_phrase(head)
        doc = head.doc
        # A misparse can put the cue inside the speaker's phrase ("Jane Roe, who runs x.org posted",
        # "Said Roe:"); the mention never includes it.
        if cue is not None and cue.doc is doc and head.i < cue.i < end_i:
            end_i = cue.i
            while end_i - 1 > head.i and (doc[end_i - 1].is_punct or doc[end_i - 1].is_space):
                end_i -= 1
        if cue is not None and cue.doc is doc and start_i <= cue.i < head.i:
            start_i = cue.i + 1
        segment = self.article.segment_of(head)
        start = segment.start + doc[start_i].idx
        end = segment.start + doc[end_i - 1].idx + len(doc[end_i - 1].text)
        actor = self.speakers.speaker(start, end, head, segment.start + head.idx)
        return actor, start, end, self.article.text[start:end]

    def _addressee(self, cue: Token | None) -> Actor | None:
        if cue is None:
            return None
        target: Token | None = None
        if cue.lemma_.lower() in _ADDRESSEE_VERBS:
            target = next((c for c in cue.children if c.dep_ in ("dative", "dobj")), None)
        if target is None and cue.lemma_.lower() in ("say", "speak", "explain", "write", "complain"):
            for prep in cue.children:
                if prep.dep_ in ("prep", "dative") and prep.lower_ == "to":
                    target = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if target is None or self.article.is_quoted(target):
            return None
        start_i, end_i = noun_phrase(target)
        segment = self.article.segment_of(target)
        start = segment.start + target.doc[start_i].idx
        end = segment.start + target.doc[end_i - 1].idx + len(target.doc[end_i - 1].text)
        return self.speakers.speaker(start, end, target, segment.start + target.idx)

    def _cue_text(self, attribution: _Attribution) -> str | None:
        if attribution.cue_text is not None:
            return attribution.cue_text
        cue = attribution.cue
        if cue is None:
            return None
        # Particles belong to the cue ("pointed out"); auxiliaries are left to the caller's taste.
        parts = [cue] + [c for c in cue.children if c.dep_ == "prt"]
        start = min(self.article.start_of(t) for t in parts)
        end = max(self.article.end_of(t) for t in parts)
        return self.article.text[start:end]

    # --- direct quotations ------------------------------------------------------------------------------

    def direct(self, quotations: Sequence[Quotation]) -> list[_Pending]:
        quotes: list[_Pending] = []
        previous: tuple[int, _Attribution] | None = None  # (last sentence index, attribution) of last quote
        for quotation in quotations:
            quote_tokens = _quote_tokens(self.article, quotation)
            if not quote_tokens:
                continue
            first = self.article.sentence_at(quotation.start)
            last = self.article.sentence_at(quotation.end - 1)
            if first is None or last is None:
                continue
            frame = _frame_tokens(self.article, quotation)
            standalone = _standalone(frame)
            attribution = _signature(self.article, quotation) or _label_attribution(self.article, quotation, frame)
            if attribution is None and not standalone:
                attribution = _possessor_attribution(self.article, quote_tokens)
            if attribution is None and not standalone:
                attribution = _frame_attribution(self.article, quotation, quote_tokens, frame)
            partial = False
            if attribution is None and not standalone:
                attribution = _clause_subject_attribution(self.article, quote_tokens)
                partial = attribution is not None
            if attribution is None and (standalone or _word_count(self._content(quotation)) >= 6):
                attribution = _previous_sentence_attribution(self.article, first)
                if previous is not None and first.index - previous[0] <= 2:
                    if attribution is None or first.index - previous[0] <= 1:
                        attribution = previous[1]
            attribution = self._reporting_subject(attribution)
            content = self._content(quotation)
            if attribution is None and not standalone and _word_count(content) < _MIN_STANDALONE_WORDS:
                continue  # a title or a scare-quoted word with nobody saying it
            if partial and attribution is not None and attribution.cue is not None:
                lemma = attribution.cue.lemma_.lower()
                title_like = content[:1].isupper() and _word_count(content) <= 4
                if lemma not in QUOTE_FRAME_VERBS and lemma not in NAMING_VERBS and title_like:
                    continue
            quote = self._pending(quotation.start, quotation.end, content, True, attribution, first.index)
            quotes.append(quote)
            if attribution is not None and attribution.speaker_head is not None:
                previous = (last.index, attribution)
        return quotes

    def _reporting_subject(self, attribution: _Attribution | None) -> _Attribution | None:
        """The attribution with a pronoun speaker replaced by the subject of the report governing it, if any."""
        if attribution is None or attribution.speaker_head is None:
            return attribution
        head = attribution.speaker_head
        if head.lower_ not in _BOUND_PRONOUNS or head.dep_ not in ("nsubj", "nsubjpass"):
            return attribution
        outer = _governing_subject(self.article, head, self.speakers.could_be)
        return attribution if outer == head else _Attribution(attribution.cue, outer, attribution.cue_text)

    def _content(self, quotation: Quotation) -> str:
        return "\n".join(self.article.text[s:e] for s, e in quotation.pieces)

    def _pending(
        self,
        start: int,
        end: int,
        content: str,
        direct: bool,
        attribution: _Attribution | None,
        sentence: int,
    ) -> _Pending:
        return _Pending(content, start, end, direct, attribution, sentence)

    def build(self, pending: Sequence[_Pending]) -> list[Quote]:
        """Quote records, resolving speakers in the order they are written so pronouns can look back."""

        def speaker_position(item: _Pending) -> int:
            head = item.attribution.speaker_head if item.attribution else None
            return self.article.start_of(head) if head is not None else item.start

        built: list[tuple[_Pending, Quote]] = []
        for item in sorted(pending, key=speaker_position):
            attribution = item.attribution
            if attribution is None:
                quote = Quote(
                    item.text,
                    item.start,
                    item.end,
                    item.direct,
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    item.sentence,
                )
            else:
                speaker, speaker_start, speaker_end, speaker_text = self._speaker_fields(
                    attribution.speaker_head, attribution.cue
                )
                quote = Quote(
                    text=item.text,
                    start=item.start,
                    end=item.end,
                    direct=item.direct,
                    cue=self._cue_text(attribution),
                    speaker=speaker,
                    speaker_start=speaker_start,
                    speaker_end=speaker_end,
                    speaker_text=speaker_text,
                    addressee=self._addressee(attribution.cue),
                    sentence_index=item.sentence,
                )
            built.append((item, quote))
        return [quote for _, quote in sorted(built, key=lambda pair: (pair[0].start, not pair[0].direct))]

    # --- reported speech --------------------------------------------------------------------------------

    def reported(self, quotations: Sequence[Quotation]) -> list[_Pending]:
        quoted_spans = [piece for q in quotations for piece in q.pieces]
        quotes: list[_Pending] = []
        for sentence in self.article.sentences:
            for token in sentence.span:
                if self.article.is_quoted(token):
                    continue
                found = self._reported_at(token, sentence)
                if found is None:
                    continue
                start, end, attribution = found
                attribution = self._reporting_subject(attribution)
                if any(s < end and start < e for s, e in quoted_spans):
                    continue  # words in quotation marks make it a direct (mixed) quotation, found above
                content = self.article.text[start:end]
                if _word_count(content) < 2:
                    continue
                quotes.append(self._pending(start, end, content, False, attribution, sentence.index))
        return quotes

    def _reported_at(self, token: Token, sentence: _Sentence) -> tuple[int, int, _Attribution] | None:
        source = _according_to_source(token)
        if source is not None:
            span = self._according_content(token, sentence)
            if span is None:
                return None
            cue_end = self.article.end_of(next(c for c in token.children if c.lower_ == "to"))
            cue_text = self.article.text[self.article.start_of(token) : cue_end]
            return span[0], span[1], _Attribution(token, source, cue_text)
        lemma = token.lemma_.lower()
        if lemma not in REPORTING_VERBS and lemma not in OBJECT_CONTENT_VERBS or not _is_verb(token):
            return None
        speaker = subject_of(token, self.article.is_quoted)
        if speaker is None or self.article.is_quoted(speaker) or speaker.dep_ == "expl":
            return None
        complement = next((c for c in token.children if c.dep_ == "ccomp"), None)
        objects = [
            c
            for c in token.rights
            if c.dep_ in ("dobj", "oprd", "xcomp")
            or c.dep_ == "prep"
            and c.lower_ in CONTENT_PREPOSITIONS
            and c.i == token.i + 1
        ]
        if complement is not None and lemma in REPORTING_VERBS:
            first, last = complement.left_edge.i, complement.right_edge.i
        elif token.dep_ in ("parataxis", "ccomp") and token.head != token and lemma in REPORTING_VERBS:
            if token.head.i < token.i:
                # "The plan will fail, he said": the statement is what comes before the inverted cue.
                first, last = token.head.left_edge.i, token.left_edge.i - 1
            else:
                # "The test, North Korea said, was its biggest": the cue sits inside the statement.
                first, last = token.head.left_edge.i, token.head.right_edge.i
        elif objects and lemma in OBJECT_CONTENT_VERBS:
            first = min(c.left_edge.i for c in objects)
            last = max(c.right_edge.i for c in objects)
        else:
            return None
        doc = token.doc
        first = max(first, sentence.span.start)
        last = min(last, sentence.span.end - 1)
        if last < first:
            return None
        segment = self.article.segment_of(token)
        start = segment.start + doc[first].idx
        end = segment.start + doc[last].idx + len(doc[last].text)
        start, end = self._trim(start, end)
        if end <= start:
            return None
        return start, end, _Attribution(token, speaker)

    def _according_content(self, token: Token, sentence: _Sentence) -> tuple[int, int] | None:
        phrase_first, phrase_last = token.left_edge.i, token.right_edge.i
        span = sentence.span
        before = (span.start, phrase_first - 1)
        after = (phrase_last + 1, span.end - 1)
        first, last = after if after[1] - after[0] >= before[1] - before[0] else before
        if last < first:
            return None
        doc = token.doc
        segment = self.article.segment_of(token)
        start = segment.start + doc[first].idx
        end = segment.start + doc[last].idx + len(doc[last].text)
        start, end = self._trim(start, end)
        return (start, end) if end > start else None

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        text = self.article.text
        while start < end and text[start] in _CONTENT_TRIM:
            start += 1
        while end > start and (text[end - 1] in _CONTENT_TRIM or text[end - 1] == "."):
            end -= 1
        return start, end


def extract_quotes(
    text: str,
    docs: Sequence[tuple[int, Doc]],
    actors: Sequence[Actor] = (),
    resolve: Resolver | None = None,
) -> list[Quote]:
    """Direct quotations and reported statements of an article, each with its speaker when one is found.

    `docs` are the parsed body segments as (article offset, Doc) in reading order. Direct quotes come from
    quotation marks; reported statements from a cue verb's clausal complement or "according to".
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    extractor = _Extractor(text, docs, actors, resolve)
    quotations = find_quotations(text, [(s.start, s.end) for s in extractor.article.segments])
    extractor.article.mark_quoted(quotations)
    direct = extractor.direct(quotations)
    reported = extractor.reported(quotations)
    return extractor.build(direct + reported)
