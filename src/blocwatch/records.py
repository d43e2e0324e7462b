"""Typed records that flow between the stages and out of the `extract` contract.

Every record knows how to turn itself into the plain dict the JSONL contract prints.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

ActorKind = Literal["state", "igo", "person", "group", "org"]
Modality = Literal["asserted", "negated", "hypothetical", "future"]
DatePrecision = Literal["day", "month", "year"]


@dataclass
class Actor:
    """One mention of an actor, resolved to what it stands for."""

    text: str
    name: str
    kind: ActorKind
    country: str | None = None
    sector: str | None = None
    org: str | None = None
    start: int = 0
    end: int = 0
    # Stable identity across mentions and articles, e.g. "state:ARM", "igo:CSTO", "person:vladimir-putin".
    actor_id: str | None = None
    role: str | None = None
    # "kb" (knowledge base only), "text" (the article's words only) or "both".
    resolved_by: str | None = None
    # Token span in the spaCy Doc of the article (not part of the contract, used between stages).
    token_start: int | None = field(default=None, repr=False, compare=False)
    token_end: int | None = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
            "sector": self.sector,
            "org": self.org,
            "start": self.start,
            "end": self.end,
            "id": self.actor_id,
            "role": self.role,
            "resolved_by": self.resolved_by,
        }


@dataclass
class Event:
    actor: Actor | None
    recipient: Actor | None
    type: str
    mode: str | None
    cameo: str
    quad: int | None
    intensity: float | None
    goldstein: float | None
    modality: Modality
    date: str | None
    date_precision: DatePrecision | None
    sentence_index: int
    start: int
    end: int
    evidence: str
    confidence: float
    trigger: str = ""
    trigger_start: int | None = None
    trigger_end: int | None = None
    quote_index: int | None = None
    context: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "actor": self.actor.to_dict() if self.actor else None,
            "recipient": self.recipient.to_dict() if self.recipient else None,
            "type": self.type,
            "mode": self.mode,
            "cameo": self.cameo,
            "quad": self.quad,
            "intensity": self.intensity,
            "goldstein": self.goldstein,
            "modality": self.modality,
            "date": self.date,
            "date_precision": self.date_precision,
            "sentence_index": self.sentence_index,
            "start": self.start,
            "end": self.end,
            "evidence": self.evidence,
            "confidence": round(self.confidence, 3),
            "trigger": self.trigger,
            "trigger_start": self.trigger_start,
            "trigger_end": self.trigger_end,
            "quote_index": self.quote_index,
            "context": self.context,
        }


@dataclass
class Quote:
    text: str
    start: int
    end: int
    direct: bool
    cue: str | None
    speaker: Actor | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_text: str | None = None
    addressee: Actor | None = None
    sentence_index: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "direct": self.direct,
            "cue": self.cue,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "speaker_start": self.speaker_start,
            "speaker_end": self.speaker_end,
            "speaker_text": self.speaker_text,
            "addressee": self.addressee.to_dict() if self.addressee else None,
        }


@dataclass
class Segment:
    """A span of the article's text that carries body prose (boilerplate and headings are left out)."""

    start: int
    end: int
    kind: Literal["body", "heading", "title"] = "body"


@dataclass
class CleanArticle:
    """What the clean stage hands to nlp: the article text and where its body lies in it."""

    text: str
    title: str | None
    date: str | None
    segments: list[Segment]
    url: str | None = None
    # Spans of text removed as boilerplate, kept so that the removal can be shown and tested.
    dropped: list[Segment] = field(default_factory=list)


@dataclass
class ArticleResult:
    id: str
    title: str | None
    date: str | None
    text: str
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    url: str | None = None

    def to_dict(self, include_text: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "date": self.date,
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "actors": [a.to_dict() for a in self.actors],
        }
        if self.url:
            out["url"] = self.url
        if include_text:
            out["text"] = self.text
        return out


def actor_from_dict(data: dict[str, Any] | None) -> Actor | None:
    if not data:
        return None
    return Actor(
        text=data.get("text", ""),
        name=data.get("name", ""),
        kind=data.get("kind", "org"),
        country=data.get("country"),
        sector=data.get("sector"),
        org=data.get("org"),
        start=data.get("start", 0),
        end=data.get("end", 0),
        actor_id=data.get("id"),
        role=data.get("role"),
        resolved_by=data.get("resolved_by"),
    )


__all__ = [
    "Actor",
    "ArticleResult",
    "CleanArticle",
    "Event",
    "Quote",
    "Segment",
    "actor_from_dict",
    "asdict",
]
