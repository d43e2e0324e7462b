"""Scoring the quotes stage against PolNeAR attribution annotations.

Gold: the attributions of the first annotator of each article. An attribution whose content carries quotation
marks is a direct quote, any other an indirect (reported) one. A prediction matches a gold attribution of its
own kind when their spans overlap by at least half of the shorter one (among several, one whose speaker agrees,
then the largest overlap); further predictions overlapping an already matched attribution (the second part
of a split quote) count neither way.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from blocwatch.records import Quote

_WORD = re.compile(r"\w+")
# PolNeAR's `has_quotation_marks` misses quotations written with two apostrophes (''like this''), the
# archive style of some outlets; such content is a direct quote all the same.
_DOUBLED_APOSTROPHE = "''"


@dataclass
class GoldAttribution:
    start: int
    end: int
    direct: bool
    source_spans: list[tuple[int, int]]
    source_text: str


@dataclass
class GoldArticle:
    split: str
    article_id: str
    text: str
    attributions: list[GoldAttribution]


def _split_name(record_id: str, path: Path) -> str:
    return record_id.split("/", 1)[0] if "/" in record_id else path.stem


def read_polnear(paths: Sequence[Path], limit: int | None = None) -> list[GoldArticle]:
    """The first annotator's record of each article in the PolNeAR JSONL files, in file order."""
    articles: list[GoldArticle] = []
    for path in paths:
        path = Path(path)
        if not path.is_file():
            raise FileNotFoundError(f"PolNeAR file {path} does not exist")
        with path.open(encoding="utf-8") as stream:
            for line_number, line in enumerate(stream, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                    annotators = record["all_annotators_of_article"]
                    if annotators and record["annotator"] != annotators[0]:
                        continue
                    articles.append(_gold_article(record, path))
                except (json.JSONDecodeError, KeyError, TypeError, IndexError) as exc:
                    raise ValueError(f"{path}:{line_number}: not a PolNeAR record ({exc})") from exc
                if limit is not None and len(articles) >= limit:
                    return articles
    return articles


def _gold_article(record: dict[str, Any], path: Path) -> GoldArticle:
    attributions = []
    for item in record["attributions"]:
        content = item.get("content") or {}
        spans = content.get("spans") or []
        if not spans:
            continue  # an empty annotation (no content marked) says nothing to score against
        source = item.get("source") or {}
        attributions.append(
            GoldAttribution(
                start=min(s for s, _ in spans),
                end=max(e for _, e in spans),
                direct=bool(item.get("has_quotation_marks"))
                or _DOUBLED_APOSTROPHE in (content.get("text") or ""),
                source_spans=[(s, e) for s, e in source.get("spans") or []],
                source_text=source.get("text") or "",
            )
        )
    return GoldArticle(_split_name(record["id"], path), record["id"], record["text"], attributions)


def _overlaps_enough(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    overlap = min(a_end, b_end) - max(a_start, b_start)
    shorter = min(a_end - a_start, b_end - b_start)
    return shorter > 0 and overlap * 2 >= shorter


def _tokens(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def speaker_correct(quote: Quote, gold: GoldAttribution) -> bool:
    """The predicted speaker mention overlaps the gold source, or its resolved name shares half its words."""
    if quote.speaker_start is not None and quote.speaker_end is not None:
        for start, end in gold.source_spans:
            if min(end, quote.speaker_end) > max(start, quote.speaker_start):
                return True
    if quote.speaker is not None:
        name_words = _tokens(quote.speaker.name)
        gold_words = set(_tokens(gold.source_text))
        if name_words and sum(w in gold_words for w in name_words) * 2 >= len(name_words):
            return True
    return False


@dataclass
class _Tally:
    predicted: int = 0
    gold: int = 0
    true_positive: int = 0
    extra_fragments: int = 0
    with_source: int = 0
    speaker_right: int = 0

    def add(self, other: _Tally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def metrics(self) -> dict[str, float | int]:
        false_positive = self.predicted - self.true_positive - self.extra_fragments
        precision = self.true_positive / (self.true_positive + false_positive) if self.predicted else 0.0
        recall = self.true_positive / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        speaker_accuracy = self.speaker_right / self.with_source if self.with_source else 0.0
        return {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "speaker_accuracy": round(speaker_accuracy, 4),
            "end_to_end_f1": round(f1 * speaker_accuracy, 4),
            "predicted": self.predicted,
            "gold": self.gold,
            "true_positive": self.true_positive,
            "false_positive": false_positive,
            "extra_fragments": self.extra_fragments,
            "matched_with_source": self.with_source,
            "speaker_right": self.speaker_right,
        }


def score_article(
    quotes: Iterable[Quote], gold: GoldArticle, direct: bool, errors: list[dict[str, Any]] | None = None
) -> _Tally:
    """Match one article's predictions of one kind (direct or not) to its gold attributions of that kind."""
    tally = _Tally()
    golds = [g for g in gold.attributions if g.direct == direct]
    tally.gold = len(golds)
    matched: set[int] = set()
    for quote in quotes:
        if quote.direct != direct:
            continue
        tally.predicted += 1
        candidates = [
            (min(g.end, quote.end) - max(g.start, quote.start), index)
            for index, g in enumerate(golds)
            if _overlaps_enough(quote.start, quote.end, g.start, g.end)
        ]
        if not candidates:
            if errors is not None:
                errors.append(
                    {
                        "kind": "false_positive",
                        "article": gold.article_id,
                        "text": quote.text,
                        "speaker": quote.speaker_text,
                    }
                )
            continue
        free = [c for c in candidates if c[1] not in matched]
        if not free:
            tally.extra_fragments += 1
            continue
        # Nested attributions (X said that Y called it "...") give the same words several gold speakers;
        # the prediction is matched to one it agrees with when there is one, else the largest overlap.
        index = max(free, key=lambda c: (speaker_correct(quote, golds[c[1]]), c[0], -c[1]))[1]
        matched.add(index)
        tally.true_positive += 1
        if golds[index].source_spans:
            tally.with_source += 1
            if speaker_correct(quote, golds[index]):
                tally.speaker_right += 1
            elif errors is not None:
                errors.append(
                    {
                        "kind": "wrong_speaker",
                        "article": gold.article_id,
                        "text": quote.text,
                        "speaker": quote.speaker_text,
                        "name": quote.speaker.name if quote.speaker else None,
                        "gold_speaker": golds[index].source_text,
                    }
                )
    if errors is not None:
        for index, g in enumerate(golds):
            if index not in matched:
                errors.append(
                    {
                        "kind": "missed",
                        "article": gold.article_id,
                        "text": gold.text[g.start : g.end],
                        "gold_speaker": g.source_text,
                    }
                )
    return tally


def _pipeline_quotes(article: GoldArticle) -> list[Quote]:
    """Quotes as `blocwatch extract` gives them: cleaned text, resolved actors, pronouns followed."""
    from blocwatch.pipeline import extract_records
    from blocwatch.records import actor_from_dict

    output = next(iter(extract_records([{"id": "polnear", "text": article.text}])))
    return [
        Quote(text=q["text"], start=q["start"], end=q["end"], direct=q["direct"], cue=q["cue"],
              speaker=actor_from_dict(q["speaker"]), speaker_start=q["speaker_start"],
              speaker_end=q["speaker_end"], speaker_text=q.get("speaker_text"))
        for q in output.get("quotes", [])
    ]


def evaluate_quotes(
    paths: Sequence[Path], limit: int | None = None, errors: list[dict[str, Any]] | None = None,
    pipeline: bool = True,
) -> dict[str, Any]:
    """Run the quotes stage over PolNeAR articles and score it; `errors`, if given, collects error samples.

    Returns {"articles", "seconds_parse", "seconds_extract", "direct": {...}, "indirect": {...},
    "splits": {split: {"articles", "direct", "indirect"}}}.
    """
    from blocwatch.nlp import load
    from blocwatch.quotes import extract_quotes, paragraph_spans

    articles = read_polnear(paths, limit)
    nlp = load()
    parse_seconds = 0.0
    extract_seconds = 0.0
    totals = {"direct": _Tally(), "indirect": _Tally()}
    splits: dict[str, dict[str, Any]] = {}
    for article in articles:
        if pipeline:
            began = time.perf_counter()
            quotes = _pipeline_quotes(article)
            extract_seconds += time.perf_counter() - began
        else:
            spans = paragraph_spans(article.text)
            began = time.perf_counter()
            docs = list(nlp.pipe(article.text[s:e] for s, e in spans))
            parsed = time.perf_counter()
            quotes = extract_quotes(article.text, [(s, doc) for (s, _), doc in zip(spans, docs, strict=True)])
            extract_seconds += time.perf_counter() - parsed
            parse_seconds += parsed - began
        split = splits.setdefault(article.split, {"articles": 0, "direct": _Tally(), "indirect": _Tally()})
        split["articles"] += 1
        for kind, is_direct in (("direct", True), ("indirect", False)):
            tally = score_article(quotes, article, is_direct, errors)
            totals[kind].add(tally)
            split[kind].add(tally)
    return {
        "articles": len(articles),
        "seconds_parse": round(parse_seconds, 3),
        "seconds_extract": round(extract_seconds, 3),
        "direct": totals["direct"].metrics(),
        "indirect": totals["indirect"].metrics(),
        "splits": {
            name: {
                "articles": s["articles"],
                "direct": s["direct"].metrics(),
                "indirect": s["indirect"].metrics(),
            }
            for name, s in splits.items()
        },
    }


def _kind_lines(label: str, m: dict[str, Any]) -> list[str]:
    return [
        f"  {label:<9} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}  "
        f"speaker {m['speaker_accuracy']:.3f}  end-to-end {m['end_to_end_f1']:.3f}  "
        f"(pred {m['predicted']}, gold {m['gold']}, tp {m['true_positive']}, fp {m['false_positive']}, "
        f"extra {m['extra_fragments']})"
    ]


def format_quote_report(metrics: dict[str, Any]) -> str:
    """A plain-text report of `evaluate_quotes` metrics: totals, then each split."""
    lines = [f"Quotes on PolNeAR: {metrics['articles']} articles (first annotator of each)"]
    lines += _kind_lines("direct", metrics["direct"]) + _kind_lines("indirect", metrics["indirect"])
    for name, split in sorted(metrics.get("splits", {}).items()):
        lines.append(f" {name}: {split['articles']} articles")
        lines += _kind_lines("direct", split["direct"]) + _kind_lines("indirect", split["indirect"])
    articles = max(metrics["articles"], 1)
    parse_ms = 1000 * metrics["seconds_parse"] / articles
    extract_ms = 1000 * metrics["seconds_extract"] / articles
    if parse_ms:
        lines.append(f"Time per article: parse {parse_ms:.1f} ms, quotes stage {extract_ms:.1f} ms "
                     f"({extract_ms / parse_ms:.1%} of parse)")
    else:
        lines.append(f"Time per article: {extract_ms:.1f} ms for the whole extract pipeline "
                     "(quotes as `blocwatch extract` gives them; --stage-only times the quotes stage alone)")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        print("usage: python -m blocwatch.evaluation.quotes POLNEAR.jsonl [...]", file=sys.stderr)
        return 2
    print(format_quote_report(evaluate_quotes([Path(a) for a in args])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
