"""Runs the stages for articles: clean → nlp → actors → events and quotes.

Articles are parsed in batches (spaCy's `pipe` over every body segment of the batch), then each article is coded
in reading order so that actor resolution can carry "he", "the minister" and "Yerevan" across its sentences.
"""

from __future__ import annotations

import hashlib
import logging
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from blocwatch import nlp as nlp_stage
from blocwatch.actors import ActorResolver, load_kb
from blocwatch.clean import CleanError, clean, clean_text
from blocwatch.events.coder import EventCoder
from blocwatch.events.dates import parse_iso
from blocwatch.ingest import RawDocument
from blocwatch.quotes import extract_quotes
from blocwatch.records import Actor, ArticleResult, CleanArticle, Event, Quote

FIRST_PERSON = {"we", "us", "our", "i", "me", "my", "ours"}
PRONOUNS = FIRST_PERSON | {"he", "she", "him", "her", "his", "they", "them", "their", "it", "its"}


class ExtractionError(ValueError):
    """An input record that cannot be processed; the message says why."""


@dataclass
class ArticleFailure:
    """An article the pipeline could not code (a bug, not bad input): reported, never silently dropped."""

    id: str
    reason: str


LOG = logging.getLogger(__name__)


_CODER: EventCoder | None = None


def _coder() -> EventCoder:
    global _CODER
    if _CODER is None:
        _CODER = EventCoder()
    return _CODER


def extract_text(text: str, date: str | None = None, title: str | None = None, article_id: str = "article",
                 url: str | None = None) -> ArticleResult:
    """Events, actors and quotes of one plain-text article."""
    if not isinstance(text, str):
        raise ExtractionError(f"text must be a string, not {type(text).__name__}")
    article = clean_text(text, title=title, date=_checked_date(date), url=url)
    return _one(extract_articles([(article_id, article)]))


def extract_raw(raw: RawDocument) -> ArticleResult:
    return _one(extract_articles([(raw.id, clean(raw))]))


def _one(results: Iterable[ArticleResult | ArticleFailure]) -> ArticleResult:
    result = next(iter(results))
    if isinstance(result, ArticleFailure):
        raise ExtractionError(result.reason)
    return result


def extract_articles(articles: Iterable[tuple[str, CleanArticle]], nlp: Language | None = None,
                     batch_size: int = 16) -> Iterator[ArticleResult | ArticleFailure]:
    """Extraction results for (id, cleaned article) pairs, in order."""
    language = nlp or nlp_stage.load()
    batch: list[tuple[str, CleanArticle]] = []
    for item in articles:
        batch.append(item)
        if len(batch) >= batch_size:
            yield from _extract_batch(batch, language)
            batch = []
    if batch:
        yield from _extract_batch(batch, language)


def _extract_batch(batch: list[tuple[str, CleanArticle]], language: Language) -> Iterator[ArticleResult | ArticleFailure]:
    texts: list[str] = []
    owners: list[tuple[int, int]] = []
    kinds: list[str] = []
    for index, (_, article) in enumerate(batch):
        for segment in article.segments:
            if segment.kind in ("body", "heading"):
                texts.append(article.text[segment.start:segment.end])
                owners.append((index, segment.start))
                kinds.append(segment.kind)
    parsed: list[list[tuple[int, Doc]]] = [[] for _ in batch]
    headings: list[list[tuple[int, Doc]]] = [[] for _ in batch]
    docs_out = language.pipe(texts, batch_size=64)
    for (index, offset), kind, doc in zip(owners, kinds, docs_out, strict=True):
        (parsed if kind == "body" else headings)[index].append((offset, doc))
    for (article_id, article), docs, heading_docs in zip(batch, parsed, headings, strict=True):
        try:
            yield code_article(article_id, article, docs, heading_docs)
        except Exception as exc:  # keep the run going; the record says what happened
            LOG.exception("extraction failed on article %s", article_id)
            yield ArticleFailure(article_id, f"internal error while extracting: {type(exc).__name__}: {exc}")


def code_article(article_id: str, article: CleanArticle, docs: list[tuple[int, Doc]],
                 heading_docs: list[tuple[int, Doc]] | None = None) -> ArticleResult:
    """Actors, events and quotes of an article whose body segments are already parsed.

    Headings carry no events, but the quotes stage sees them: in a vox-pop list the short line after a quoted
    paragraph ("Jane Doe") is the speaker's credit."""
    resolver = ActorResolver(load_kb(), article_date=article.date)
    coder = _coder()
    mentions: list[Actor] = []
    events: list[Event] = []
    sentence_index = 0
    for offset, doc in docs:
        mentions.extend(resolver.resolve(doc, offset))
        found, sentence_index = coder.code_doc(doc, offset, sentence_index, resolver, article.date, events)
        del found  # already appended to `events` through the shared history list

    # Pronoun speakers are left to the quotes stage, which weighs gender and who spoke last.
    named = [m for m in mentions if m.text.lower() not in PRONOUNS]

    def resolve_chars(start: int, end: int) -> Actor | None:
        if article.text[start:end].strip().lower() in PRONOUNS:
            return None
        inside = [m for m in named if start <= m.start and m.end <= end]
        if inside:
            people = [m for m in inside if m.kind == "person"]
            return (people or inside)[0]
        for offset, doc in docs:
            if offset <= start and end <= offset + len(doc.text):
                span = doc.char_span(start - offset, end - offset, alignment_mode="expand")
                if span is not None and len(span):
                    return resolver.actor_for_span(span, offset)
        return None

    quote_docs = sorted(docs + (heading_docs or []), key=lambda item: item[0])
    quotes = extract_quotes(article.text, quote_docs, named, resolve_chars)
    _link_quotes(events, quotes)
    for event in events:
        if event.actor is None:  # the contract always names an actor; PLOVER codes an unnamed one as unknown
            event.actor = Actor(text="", name="unknown", kind="org", start=event.trigger_start or event.start,
                                end=event.trigger_start or event.start, resolved_by=None)
    return ArticleResult(
        id=article_id,
        title=article.title,
        date=article.date,
        text=article.text,
        events=events,
        quotes=quotes,
        actors=_unique_mentions(mentions),
        url=article.url,
    )


def _link_quotes(events: list[Event], quotes: list[Quote]) -> None:
    """Events coded inside a quote point to it; 'we' in a quote is the speaker's side."""
    for event in events:
        anchor = event.trigger_start if event.trigger_start is not None else event.start
        for index, quote in enumerate(quotes):
            if quote.start <= anchor < quote.end:
                event.quote_index = index
                if quote.speaker is not None:
                    event.actor = _speaker_side(event.actor, quote.speaker)
                    event.recipient = _speaker_side(event.recipient, quote.speaker)
                break


def _speaker_side(actor: Actor | None, speaker: Actor) -> Actor | None:
    if actor is None or actor.text.lower() not in FIRST_PERSON or not speaker.country:
        return actor
    if speaker.kind in ("state", "igo"):
        return replace(speaker, text=actor.text, start=actor.start, end=actor.end, resolved_by="text")
    return Actor(text=actor.text, name=speaker.country, kind="state" if speaker.country != "IGO" else "igo",
                 country=speaker.country, sector=speaker.sector, org=speaker.org, start=actor.start, end=actor.end,
                 actor_id=f"state:{speaker.country}" if speaker.country != "IGO" else speaker.actor_id,
                 resolved_by="text")


def _unique_mentions(mentions: list[Actor]) -> list[Actor]:
    seen: set[tuple[int, int]] = set()
    out: list[Actor] = []
    for mention in sorted(mentions, key=lambda a: (a.start, -a.end)):
        key = (mention.start, mention.end)
        if key not in seen:
            seen.add(key)
            out.append(mention)
    return out


def _checked_date(value: object) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value.isoformat()
    # A full ISO 8601 timestamp ("1987-02-26T15:20:13") is accepted for its day.
    if not isinstance(value, str) or parse_iso(value) is None or not (
            len(value) == 10 or (len(value) > 10 and value[10] in "T ")):
        raise ExtractionError(f"date {value!r} is not YYYY-MM-DD")
    return value[:10]


def article_from_record(record: object, position: int) -> tuple[str, CleanArticle]:
    """Validate one `extract` input record and clean its text or HTML."""
    if not isinstance(record, dict):
        raise ExtractionError(f"record {position} is not a JSON object")
    if "text" not in record and "html" not in record:
        raise ExtractionError("record has no 'text' field")
    article_id = str(record.get("id") if record.get("id") is not None else f"record-{position}")
    date_value = _checked_date(record.get("date"))
    title = record.get("title")
    if title is not None and not isinstance(title, str):
        raise ExtractionError("'title' must be a string")
    url = record.get("url") if isinstance(record.get("url"), str) else None
    if "html" in record and "text" not in record:
        html = record["html"]
        if not isinstance(html, str) or not html.strip():
            raise ExtractionError("'html' is empty or not a string")
        raw = RawDocument(id=article_id, source=f"record {position}", content=html, content_type="html",
                          title=title, date=date_value, url=url)
        return article_id, clean(raw)
    text = record["text"]
    if not isinstance(text, str):
        raise ExtractionError(f"'text' must be a string, not {type(text).__name__}")
    if not text.strip():
        raise ExtractionError("'text' is empty")
    return article_id, clean_text(text, title=title, date=date_value, url=url)


def extract_records(records: Iterable[object], batch_size: int = 16) -> Iterator[dict]:
    """The `extract` contract: one output dict per input record, same order; bad records give {"id", "error"}."""
    pending: list[tuple[int, str, CleanArticle]] = []
    original_ids: dict[int, object] = {}
    errors: dict[int, dict] = {}
    position = 0

    def flush() -> Iterator[dict]:
        results = extract_articles([(aid, art) for _, aid, art in pending], batch_size=batch_size)
        by_position = {pos: res for (pos, _, _), res in zip(pending, results, strict=True)}
        for pos in sorted(set(by_position) | set(errors)):
            if pos in errors:
                yield errors.pop(pos)
            elif isinstance(by_position[pos], ArticleFailure):
                yield {"id": original_ids.get(pos, by_position[pos].id), "error": by_position[pos].reason}
            else:
                out = by_position[pos].to_dict()
                out["id"] = original_ids.get(pos, out["id"])  # the id exactly as given (a number stays a number)
                yield out
        pending.clear()

    for position, record in enumerate(records):
        record_id = record.get("id") if isinstance(record, dict) else None
        try:
            if isinstance(record, dict) and "__error__" in record:
                raise ExtractionError(record["__error__"])
            article_id, article = article_from_record(record, position)
            pending.append((position, article_id, article))
            if isinstance(record, dict) and record.get("id") is not None:
                original_ids[position] = record["id"]
        except (ExtractionError, CleanError) as exc:
            errors[position] = {"id": record_id, "error": str(exc)}
        if len(pending) >= batch_size:
            yield from flush()
    if pending or errors:
        yield from flush()


def _extract_chunk(chunk: list[object]) -> list[dict]:
    return list(extract_records(chunk))


def extract_records_parallel(records: Iterable[object], workers: int, chunk_size: int = 32) -> Iterator[dict]:
    """`extract_records` spread over worker processes (each loads the pipeline once); output order is kept."""
    if workers <= 1:
        yield from extract_records(records)
        return
    import multiprocessing

    def chunks() -> Iterator[list[object]]:
        chunk: list[object] = []
        for record in records:
            chunk.append(record)
            if len(chunk) >= chunk_size:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    context = multiprocessing.get_context("spawn" if sys.platform == "darwin" else "fork")
    with context.Pool(workers) as pool:
        for results in pool.imap(_extract_chunk, chunks()):
            yield from results


def content_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


__all__ = [
    "ArticleFailure",
    "ExtractionError",
    "article_from_record",
    "code_article",
    "extract_articles",
    "extract_raw",
    "extract_records",
    "extract_records_parallel",
    "extract_text",
]
