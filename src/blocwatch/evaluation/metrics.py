"""Scoring extractor output against gold sets, and running an extractor over them.

Every metric is a dict holding its value and the counts it came from, so a reader can check it:
``{"value": 0.75, "correct": 3, "total": 4}``; ``value`` is None when there was nothing to score.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from blocwatch.evaluation.gold import (
    MODALITIES,
    GoldItem,
    GoldSet,
    default_gold_paths,
    load_gold,
    normalise_country,
    normalise_plover_type,
    normalise_sector,
)
from blocwatch.events.ontology import penta_of, root_of

Extractor = Callable[[list[dict[str, Any]]], Iterable[dict[str, Any]]]

SPAN_JACCARD_THRESHOLD = 0.5
# Roots 01 (statements) and 02 (appeals) are not "substantive" for the five-way class.
SUBSTANTIVE_ROOTS = frozenset(f"{number:02d}" for number in range(3, 21))


@dataclass(frozen=True)
class PredictedEvent:
    """One predicted event with a single actor and recipient (compound actors are expanded)."""

    actor: str | None
    recipient: str | None
    root: str | None
    plover_type: str | None
    modality: str | None
    confidence: float
    actor_text: str | None
    recipient_text: str | None
    actor_sector: str | None
    recipient_sector: str | None
    trigger: str | None
    position: int | None


def _actor_list(value: Any, where: str) -> list[dict[str, Any] | None]:
    if value is None:
        return [None]
    if isinstance(value, dict):
        return [value]
    if isinstance(value, list) and all(isinstance(actor, dict) for actor in value):
        return list(value) or [None]
    raise ValueError(f"{where}: an actor must be an object, a list of objects or null, got {value!r}")


def _actor_country(actor: dict[str, Any] | None) -> str | None:
    if actor is None:
        return None
    country = normalise_country(actor.get("country"))
    if country is None and actor.get("kind") == "igo":
        return "IGO"
    return country


def _event_root(event: dict[str, Any], where: str) -> str | None:
    code = event.get("cameo")
    if code in (None, ""):
        return None
    try:
        return root_of(str(code))
    except ValueError as exc:
        raise ValueError(f"{where}: {exc}") from None


def predicted_events(output: dict[str, Any]) -> list[PredictedEvent]:
    """Flatten one output record's events; an event with actors [A, B] and recipient C gives A->C, B->C."""
    flattened: list[PredictedEvent] = []
    events = output.get("events")
    if events is None:
        events = []
    if not isinstance(events, list):
        raise ValueError(f"output record {output.get('id')!r}: 'events' must be a list")
    for index, event in enumerate(events):
        where = f"output record {output.get('id')!r} event {index}"
        if not isinstance(event, dict):
            raise ValueError(f"{where}: an event must be an object")
        root = _event_root(event, where)
        position = event.get("trigger_start")
        if not isinstance(position, int):
            position = event.get("start") if isinstance(event.get("start"), int) else None
        confidence = event.get("confidence")
        for actor in _actor_list(event.get("actor"), where):
            for recipient in _actor_list(event.get("recipient"), where):
                flattened.append(
                    PredictedEvent(
                        actor=_actor_country(actor),
                        recipient=_actor_country(recipient),
                        root=root,
                        plover_type=normalise_plover_type(event.get("type")),
                        modality=event.get("modality"),
                        confidence=float(confidence) if isinstance(confidence, int | float) else 0.0,
                        actor_text=(actor or {}).get("text"),
                        recipient_text=(recipient or {}).get("text"),
                        actor_sector=normalise_sector((actor or {}).get("sector")),
                        recipient_sector=normalise_sector((recipient or {}).get("sector")),
                        trigger=event.get("trigger"),
                        position=position,
                    )
                )
    return flattened


def _ratio(correct: int, total: int) -> dict[str, Any]:
    return {"value": correct / total if total else None, "correct": correct, "total": total}


def _prf(matched_predictions: int, predictions: int, matched_gold: int, gold: int) -> dict[str, Any]:
    precision = matched_predictions / predictions if predictions else None
    recall = matched_gold / gold if gold else None
    f1 = None
    if precision is not None and recall is not None:
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "matched_predicted": matched_predictions,
        "predicted": predictions,
        "matched_gold": matched_gold,
        "gold": gold,
    }


def tokens(text: str) -> set[str]:
    """Lower-cased tokens, punctuation split off words (so "government's" and "government 's" agree)."""
    return set(re.findall(r"\w+|[^\w\s]", text.lower()))


def token_jaccard(left: str, right: str) -> float:
    a, b = tokens(left), tokens(right)
    if not a and not b:
        return 0.0
    return len(a & b) / len(a | b)


def _triple_key(event: PredictedEvent, by_type: bool) -> str | None:
    return event.plover_type if by_type else event.root


def _gold_matches(gold_actor: str | None, gold_recipient: str | None, key: str | None,
                  event: PredictedEvent, by_type: bool) -> bool:
    return (
        _triple_key(event, by_type) == key
        and (gold_actor is None or event.actor == gold_actor)
        and (gold_recipient is None or event.recipient == gold_recipient)
    )


def score_set(gold: GoldSet, outputs: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """All metrics that apply to this set's format; `outputs` are in the order of `gold.items`."""
    if len(outputs) != len(gold.items):
        raise ValueError(f"{gold.name}: {len(gold.items)} gold records but {len(outputs)} outputs")
    pairs = [(item, predicted_events(output)) for item, output in zip(gold.items, outputs, strict=True)]
    metrics: dict[str, Any] = {}
    by_type = gold.format == "plover"

    with_events = [(item, events) for item, events in pairs if item.events]
    if with_events and gold.format in ("cameo", "modality"):
        correct = sum(
            1 for item, events in with_events
            if {e.root for e in item.events if e.root} & {e.root for e in events}
        )
        metrics["root_accuracy"] = _ratio(correct, len(with_events))

    if with_events and gold.format == "plover":
        correct = sum(
            1 for item, events in with_events
            if {e.plover_type for e in item.events} & {e.plover_type for e in events}
        )
        metrics["plover_type_accuracy"] = _ratio(correct, len(with_events))

    if with_events and gold.format in ("cameo", "plover"):
        metrics.update(_triple_metrics(with_events, by_type))

    no_event = [events for item, events in pairs if item.events == []]
    if no_event:
        metrics["no_event_precision"] = _ratio(sum(1 for events in no_event if not events), len(no_event))

    if gold.format == "conflibert":
        metrics.update(_penta_metrics(pairs))
        metrics.update(_span_metrics(pairs))

    if gold.format == "modality":
        metrics.update(_modality_metrics(pairs))
    return metrics


def _triple_metrics(pairs: list[tuple[GoldItem, list[PredictedEvent]]], by_type: bool) -> dict[str, Any]:
    gold_total = gold_matched = predicted_total = predicted_matched = 0
    actor_found = actor_total = recipient_found = recipient_total = 0
    sector_counts = {"actor": [0, 0], "recipient": [0, 0]}
    for item, events in pairs:
        # One gold triple per distinct (actor, recipient, key); the first event's sectors are kept.
        gold_triples: dict[tuple[str | None, str | None, str | None], Any] = {}
        for event in item.events or []:
            key = event.plover_type if by_type else event.root
            gold_triples.setdefault((event.actor, event.recipient, key), event)
        predicted = {(e.actor, e.recipient, _triple_key(e, by_type)): e for e in
                     sorted(events, key=lambda e: -e.confidence)}
        ranked = sorted(events, key=lambda e: -e.confidence)
        for (actor, recipient, key), gold_event in gold_triples.items():
            gold_total += 1
            match = next((e for e in ranked if _gold_matches(actor, recipient, key, e, by_type)), None)
            if match is None:
                continue
            gold_matched += 1
            for side, gold_sector, predicted_sector in (
                ("actor", gold_event.actor_sector, match.actor_sector),
                ("recipient", gold_event.recipient_sector, match.recipient_sector),
            ):
                if gold_sector:
                    sector_counts[side][1] += 1
                    sector_counts[side][0] += int(gold_sector == predicted_sector)
        predicted_total += len(predicted)
        predicted_matched += sum(
            1 for event in predicted.values()
            if any(_gold_matches(a, r, k, event, by_type) for a, r, k in gold_triples)
        )
        gold_actors = {e.actor for e in item.events or [] if e.actor}
        gold_recipients = {e.recipient for e in item.events or [] if e.recipient}
        actor_total += len(gold_actors)
        actor_found += len(gold_actors & {e.actor for e in events})
        recipient_total += len(gold_recipients)
        recipient_found += len(gold_recipients & {e.recipient for e in events})
    actor_sector, recipient_sector = sector_counts["actor"], sector_counts["recipient"]
    return {
        "triples": {"key": "plover_type" if by_type else "cameo_root",
                    **_prf(predicted_matched, predicted_total, gold_matched, gold_total)},
        "actor_country_recall": _ratio(actor_found, actor_total),
        "recipient_country_recall": _ratio(recipient_found, recipient_total),
        "actor_sector_accuracy": _ratio(actor_sector[0], actor_sector[1]),
        "recipient_sector_accuracy": _ratio(recipient_sector[0], recipient_sector[1]),
    }


def predicted_penta(events: Sequence[PredictedEvent]) -> int:
    """Class of the most confident substantive event (roots 03-20); 0 when there is none."""
    substantive = [e for e in events if e.root in SUBSTANTIVE_ROOTS]
    if not substantive:
        return 0
    best = max(substantive, key=lambda e: e.confidence)
    return penta_of(best.root)


def _penta_metrics(pairs: list[tuple[GoldItem, list[PredictedEvent]]]) -> dict[str, Any]:
    labelled = [(item.penta, predicted_penta(events)) for item, events in pairs if item.penta is not None]
    if not labelled:
        return {}
    confusion = [[0] * 5 for _ in range(5)]
    for gold_class, predicted_class in labelled:
        confusion[gold_class][predicted_class] += 1
    correct = sum(confusion[i][i] for i in range(5))
    return {"penta_accuracy": _ratio(correct, len(labelled)), "penta_confusion": confusion}


def _span_recall(gold_spans: list[str], predicted_texts: set[str]) -> int:
    return sum(
        1 for span in gold_spans
        if any(token_jaccard(span, text) >= SPAN_JACCARD_THRESHOLD for text in predicted_texts)
    )


def _span_metrics(pairs: list[tuple[GoldItem, list[PredictedEvent]]]) -> dict[str, Any]:
    with_spans = [(item, events) for item, events in pairs if item.actor_spans is not None]
    if not with_spans:
        return {}
    actor_found = actor_total = recipient_found = recipient_total = 0
    for item, events in with_spans:
        actor_texts = {e.actor_text for e in events if e.actor_text}
        recipient_texts = {e.recipient_text for e in events if e.recipient_text}
        actor_total += len(item.actor_spans or [])
        actor_found += _span_recall(item.actor_spans or [], actor_texts)
        recipient_total += len(item.recipient_spans or [])
        recipient_found += _span_recall(item.recipient_spans or [], recipient_texts)
    return {
        "actor_span_recall": _ratio(actor_found, actor_total),
        "recipient_span_recall": _ratio(recipient_found, recipient_total),
    }


def main_event(item: GoldItem, events: Sequence[PredictedEvent]) -> PredictedEvent | None:
    """The predicted event meant by a modality item: the one whose trigger sits nearest the expected
    trigger word (an exact trigger match wins), else the first event."""
    if not events:
        return None
    trigger = (item.trigger or "").strip().lower()
    if not trigger:
        return events[0]
    exact = [e for e in events if (e.trigger or "").strip().lower() == trigger]
    if exact:
        return exact[0]
    expected_at = item.text.lower().find(trigger)
    placed = [e for e in events if e.position is not None]
    if expected_at < 0 or not placed:
        return events[0]
    return min(placed, key=lambda e: abs(e.position - expected_at))


def _modality_metrics(pairs: list[tuple[GoldItem, list[PredictedEvent]]]) -> dict[str, Any]:
    labelled = [(item, events) for item, events in pairs if item.modality is not None]
    if not labelled:
        return {}
    labels = [*MODALITIES, "none"]
    confusion = {gold: dict.fromkeys(labels, 0) for gold in MODALITIES}
    correct = 0
    for item, events in labelled:
        chosen = main_event(item, events)
        predicted = chosen.modality if chosen and chosen.modality in MODALITIES else "none"
        confusion[item.modality][predicted] += 1
        correct += int(predicted == item.modality)
    return {"modality_accuracy": _ratio(correct, len(labelled)), "modality_confusion": confusion}


def default_extractor(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """blocwatch's own pipeline, imported only when an evaluation runs."""
    try:
        from blocwatch.pipeline import extract_records
    except ImportError as exc:
        raise RuntimeError(
            "blocwatch.pipeline.extract_records is not available, so there is no extractor to evaluate"
        ) from exc
    return list(extract_records(records))


def _align(gold: GoldSet, outputs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Outputs in gold order, matched by id; every gold record must come back exactly once."""
    by_id: dict[str, dict[str, Any]] = {}
    for output in outputs:
        if not isinstance(output, dict) or "id" not in output:
            raise ValueError(f"{gold.name}: extractor returned a record without an id: {output!r:.200}")
        key = str(output["id"])
        if key in by_id:
            raise ValueError(f"{gold.name}: extractor returned id {key!r} twice")
        by_id[key] = output
    missing = [item.id for item in gold.items if item.id not in by_id]
    unknown = sorted(set(by_id) - {item.id for item in gold.items})
    if missing or unknown:
        raise ValueError(
            f"{gold.name}: extractor output does not match the input: "
            f"missing ids {missing[:5]}, unexpected ids {unknown[:5]}"
        )
    return [by_id[item.id] for item in gold.items]


def evaluate(
    paths: Sequence[Path] | None = None,
    extractor: Extractor | None = None,
    limit: int | None = None,
) -> dict[str, Any]:
    """Run `extractor` (default: the blocwatch pipeline) over each gold file and score it.

    Returns {"sets": [{"name", "path", "format", "records", "seconds", "records_per_second",
    "metrics"}], "records", "seconds", "records_per_second"}.
    """
    if limit is not None and limit < 1:
        raise ValueError(f"limit must be at least 1, got {limit}")
    gold_paths = [Path(p) for p in paths] if paths else default_gold_paths()
    run = extractor or default_extractor
    if extractor is None:
        # Load the language model before the clock starts, so records/s measures extraction only.
        list(run([{"id": "warm-up", "text": "The ministers met in Geneva.", "date": None, "title": None}]))
    sets = []
    total_records = 0
    total_seconds = 0.0
    for path in gold_paths:
        gold = load_gold(path, limit=limit)
        started = time.perf_counter()
        outputs = list(run([item.input_record() for item in gold.items]))
        seconds = time.perf_counter() - started
        aligned = _align(gold, outputs)
        total_records += len(gold.items)
        total_seconds += seconds
        sets.append(
            {
                "name": gold.name,
                "path": str(path),
                "format": gold.format,
                "records": len(gold.items),
                "seconds": round(seconds, 3),
                "records_per_second": round(len(gold.items) / seconds, 2) if seconds > 0 else None,
                "metrics": score_set(gold, aligned),
                "warnings": list(gold.warnings),
            }
        )
    return {
        "sets": sets,
        "records": total_records,
        "seconds": round(total_seconds, 3),
        "records_per_second": round(total_records / total_seconds, 2) if total_seconds > 0 else None,
    }


# Report rows: (label, metric key, kind).
REPORT_ROWS: tuple[tuple[str, str, str], ...] = (
    ("CAMEO root accuracy", "root_accuracy", "ratio"),
    ("PLOVER type accuracy", "plover_type_accuracy", "ratio"),
    ("triple precision", "triples", "precision"),
    ("triple recall", "triples", "recall"),
    ("triple F1", "triples", "f1"),
    ("actor country recall", "actor_country_recall", "ratio"),
    ("recipient country recall", "recipient_country_recall", "ratio"),
    ("actor sector accuracy", "actor_sector_accuracy", "ratio"),
    ("recipient sector accuracy", "recipient_sector_accuracy", "ratio"),
    ("five-way class accuracy", "penta_accuracy", "ratio"),
    ("actor span recall", "actor_span_recall", "ratio"),
    ("recipient span recall", "recipient_span_recall", "ratio"),
    ("modality accuracy", "modality_accuracy", "ratio"),
    ("no-event precision", "no_event_precision", "ratio"),
)


def _cell(metric: dict[str, Any] | None, kind: str) -> str:
    if not metric:
        return "-"
    if kind == "ratio":
        if metric["value"] is None:
            return "n/a"
        return f"{metric['value']:.3f} ({metric['correct']}/{metric['total']})"
    value = metric.get(kind)
    if value is None:
        return "n/a"
    if kind == "precision":
        return f"{value:.3f} ({metric['matched_predicted']}/{metric['predicted']})"
    if kind == "recall":
        return f"{value:.3f} ({metric['matched_gold']}/{metric['gold']})"
    return f"{value:.3f}"


def format_report(results: dict[str, Any]) -> str:
    """A plain-text table: one row per metric, one column per gold set."""
    sets = results.get("sets") or []
    if not sets:
        return "no gold sets were evaluated"
    header = ["metric", *(s["name"] for s in sets)]
    rows = [["records", *(str(s["records"]) for s in sets)]]
    for label, key, kind in REPORT_ROWS:
        cells = [_cell(s["metrics"].get(key), kind) for s in sets]
        if any(cell != "-" for cell in cells):
            rows.append([label, *cells])
    rows.append(["records/s", *(f"{s['records_per_second']}" if s["records_per_second"] else "-" for s in sets)])
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in [header, *rows]]
    lines.insert(1, "  ".join("-" * width for width in widths))
    for s in sets:
        if "penta_confusion" in s["metrics"]:
            lines.append("")
            lines.append(f"{s['name']}: five-way confusion (rows gold 0-4, columns predicted 0-4)")
            lines.extend("  " + " ".join(f"{n:5d}" for n in row) for row in s["metrics"]["penta_confusion"])
        if "modality_confusion" in s["metrics"]:
            confusion = s["metrics"]["modality_confusion"]
            labels = list(next(iter(confusion.values())))
            lines.append("")
            lines.append(f"{s['name']}: modality confusion (rows gold, columns predicted)")
            lines.append(" " * 14 + "".join(f"{label:>14}" for label in labels))
            lines.extend(f"{gold:<14}" + "".join(f"{row[label]:>14}" for label in labels)
                         for gold, row in confusion.items())
    for s in sets:
        for warning in s.get("warnings") or []:
            lines.append(f"note ({s['name']}): {warning}")
    rate = results.get("records_per_second")
    lines.append("")
    lines.append(f"{results.get('records', 0)} records in {results.get('seconds', 0)} s"
                 + (f" ({rate} records/s)" if rate else ""))
    return "\n".join(lines)
