"""The seed article through `blocwatch extract`: what the project was founded on must come out right.

The article lives in ../shared (reference material, never copied into the repository); every test skips without it.
It is extracted once per module, through the command line, exactly as a user would run it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from blocwatch.cli import main

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_0f902c55c66fdec3.txt"
ARTICLE_DATE = "2023-12-18"

ACTOR_KINDS = {"state", "igo", "person", "group", "org"}
MODALITIES = {"asserted", "negated", "hypothetical", "future"}
PRECISIONS = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}
EVENT_KEYS = {
    "actor", "recipient", "type", "mode", "cameo", "quad", "intensity", "goldstein", "modality", "date",
    "date_precision", "sentence_index", "start", "end", "evidence", "confidence",
}
ACTOR_KEYS = {"text", "name", "kind", "country", "sector", "org", "start", "end"}
QUOTE_KEYS = {"text", "start", "end", "direct", "cue", "speaker", "speaker_start", "speaker_end"}

Record = dict[str, Any]


@pytest.fixture(scope="module")
def text() -> str:
    if not SEED.exists():
        pytest.skip("shared seed article not available (../shared/seed)")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def result(text: str, tmp_path_factory: pytest.TempPathFactory) -> Record:
    folder = tmp_path_factory.mktemp("seed")
    source = folder / "seed.jsonl"
    source.write_text(json.dumps({"id": "seed", "text": text, "date": ARTICLE_DATE}) + "\n", encoding="utf-8")
    output = folder / "out.jsonl"
    run = CliRunner().invoke(main, ["extract", "--input", str(source), "--output", str(output)])
    assert run.exit_code == 0, run.output
    (line,) = output.read_text(encoding="utf-8").splitlines()
    record = json.loads(line)
    assert record["id"] == "seed" and "error" not in record, record
    return record


@pytest.fixture(scope="module")
def events(result: Record) -> list[Record]:
    return result["events"]


# --- helpers -----------------------------------------------------------------------------------------


def side(actor: Record | None) -> str | None:
    """The country an actor belongs to, or the organisation's code for an IGO (what the bullets speak of)."""
    if actor is None:
        return None
    if actor["kind"] == "igo":
        return actor["org"]
    return actor["country"]


def span_of(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def sentence_containing(text: str, phrase: str) -> tuple[int, int]:
    """The line-and-sentence span around `phrase` (the seed's sentences end with '. ' or a newline)."""
    position = text.index(phrase)
    start = max(text.rfind(". ", 0, position) + 2, text.rfind("\n", 0, position) + 1)
    stops = [i for i in (text.find(". ", position), text.find("\n", position)) if i != -1]
    end = min(stops) + 1 if stops else len(text)
    return start, end


def overlaps(start: int, end: int, span: tuple[int, int]) -> bool:
    return start < span[1] and span[0] < end


def inside(start: int, end: int, span: tuple[int, int]) -> bool:
    return span[0] <= start and end <= span[1]


def events_between(events: list[Record], actor: str, recipient: str, cameo_prefixes: tuple[str, ...]) -> list[Record]:
    return [
        event
        for event in events
        if side(event["actor"]) == actor
        and side(event["recipient"]) == recipient
        and event["cameo"].startswith(cameo_prefixes)
    ]


def describe(events: list[Record]) -> list[str]:
    """Readable summary for assertion messages."""
    return [
        f"{side(e['actor'])}->{side(e['recipient'])} {e['cameo']} {e['modality']} {e['date']} "
        f"{e['evidence'][:50]!r}"
        for e in events
    ]


def all_actors(result: Record) -> Iterator[Record]:
    yield from result["actors"]
    for event in result["events"]:
        yield from (actor for actor in (event["actor"], event["recipient"]) if actor is not None)
    for quote in result["quotes"]:
        if quote["speaker"] is not None:
            yield quote["speaker"]


# --- the bullets -------------------------------------------------------------------------------------


def test_keep_reading_headlines_give_nothing(text: str, result: Record) -> None:
    block = (text.index("Keep Reading"), span_of(text, "Avoid Red Sea Attacks")[1])
    assert "US Kills Al-Shabab Leader" in text[block[0]:block[1]]
    touching_events = [
        e for e in result["events"]
        if overlaps(e["start"], e["end"], block)
        or any(a is not None and overlaps(a["start"], a["end"], block) for a in (e["actor"], e["recipient"]))
    ]
    assert touching_events == [], describe(touching_events)
    touching_actors = [a["text"] for a in all_actors(result) if overlaps(a["start"], a["end"], block)]
    assert touching_actors == []
    touching_quotes = [q["text"] for q in result["quotes"] if overlaps(q["start"], q["end"], block)]
    assert touching_quotes == []


def test_azerbaijan_invasion_of_armenia_in_september_2023(events: list[Record]) -> None:
    invasions = events_between(events, "AZE", "ARM", ("19",))
    assert invasions, describe(events)
    assert any(e["date"] == "2023-09" and e["date_precision"] == "month" for e in invasions), describe(invasions)


def test_putin_rebukes_armenia_and_armenia_blames_russia(events: list[Record]) -> None:
    rebukes = [
        e for e in events_between(events, "RUS", "ARM", ("11",))
        if e["actor"]["kind"] == "person" and "Putin" in e["actor"]["name"]
    ]
    assert rebukes, describe(events)
    blames = events_between(events, "ARM", "RUS", ("11",))
    assert blames, describe(events)


def test_military_technical_agreement_dated_june_2013(events: list[Record]) -> None:
    agreements = [
        e for e in events
        if (e["cameo"] == "057" or e["cameo"].startswith("03"))
        and {side(e["actor"]), side(e["recipient"])} == {"RUS", "ARM"}
        and e["date"] == "2013-06-25"
    ]
    assert agreements, describe(events)
    assert all(e["date_precision"] == "day" for e in agreements)


def test_armenia_snubs_the_csto(events: list[Record]) -> None:
    snubs = [e for e in events_between(events, "ARM", "CSTO", ("12", "16")) if e["modality"] == "asserted"]
    assert snubs, describe(events)


def test_armenia_and_eu_cooperate_and_russia_criticises_it(text: str, events: list[Record]) -> None:
    cooperation = [
        e for e in events
        if {side(e["actor"]), side(e["recipient"])} == {"ARM", "EU"} and e["quad"] in (1, 2)
    ]
    assert cooperation, describe(events)
    criticism_sentence = sentence_containing(text, "drew criticism from Russia")
    criticism = [
        e for e in events_between(events, "RUS", "EU", ("11",)) + events_between(events, "RUS", "ARM", ("11",))
        if inside(e["start"], e["end"], criticism_sentence)
    ]
    assert criticism, describe(events)


def test_possible_withdrawal_from_csto_is_hypothetical(text: str, events: list[Record]) -> None:
    sentence = sentence_containing(text, "Armenia could withdraw from the CSTO")
    from_sentence = [e for e in events if inside(e["start"], e["end"], sentence)]
    hypothetical = [e for e in events_between(from_sentence, "ARM", "CSTO", ("",)) if e["modality"] == "hypothetical"]
    assert hypothetical, describe(from_sentence)
    asserted_withdrawals = [
        e for e in events_between(from_sentence, "ARM", "CSTO", ("16",)) if e["modality"] == "asserted"
    ]
    assert asserted_withdrawals == [], describe(asserted_withdrawals)


def test_quotes_are_attributed_to_putin_and_kopyrkin(text: str, result: Record) -> None:
    def speaker_of(opening: str) -> str:
        position = text.index(opening)
        quotes = [q for q in result["quotes"] if q["start"] <= position < q["end"]]
        assert quotes, f"no quote covers {opening!r}"
        speaker = quotes[0]["speaker"]
        return speaker["name"] if speaker else "<none>"

    # Putin's quotation is never closed: it runs to the end of its paragraph.
    assert "Putin" in speaker_of("It’s not we who abandoned Karabakh")
    assert "Kopyrkin" in speaker_of("It’s based on the agreement on military-technical cooperation")
    assert "Kopyrkin" in speaker_of("Both the Russian and Armenian sides are ready")


@pytest.mark.parametrize(
    ("surname", "country", "sector", "kind"),
    [
        ("Simonyan", "ARM", "LEG", "person"),
        ("Kopyrkin", "RUS", "GOV", "person"),
        ("Putin", "RUS", "GOV", "person"),
        ("Kochinyan", "ARM", None, "person"),
    ],
)
def test_people_are_resolved(result: Record, surname: str, country: str, sector: str | None, kind: str) -> None:
    matches = [a for a in result["actors"] if surname in a["name"]]
    assert matches, sorted({a["name"] for a in result["actors"]})
    for actor in matches:
        assert actor["kind"] == kind and actor["country"] == country, actor
        if sector is not None:
            assert actor["sector"] == sector, actor


def test_csto_is_an_igo(result: Record) -> None:
    csto = [a for a in result["actors"] if a["org"] == "CSTO" or a["text"] == "CSTO"]
    assert csto
    assert all(a["kind"] == "igo" and a["org"] == "CSTO" for a in csto), csto


# --- the contract on the seed --------------------------------------------------------------------------


def test_title_is_detected(result: Record) -> None:
    assert result["title"] == "Armenia Adamant to Leave Russia’s CSTO After Karabakh Loss"
    assert result["date"] == ARTICLE_DATE


def test_every_offset_points_at_its_text(text: str, result: Record) -> None:
    for event in result["events"]:
        assert text[event["start"]:event["end"]] == event["evidence"], event
    for actor in all_actors(result):
        assert set(actor) >= ACTOR_KEYS
        assert text[actor["start"]:actor["end"]] == actor["text"], actor
    for quote in result["quotes"]:
        assert set(quote) >= QUOTE_KEYS
        assert text[quote["start"]:quote["end"]] == quote["text"], quote
        if quote["speaker_start"] is not None:
            assert 0 <= quote["speaker_start"] < quote["speaker_end"] <= len(text), quote
            if quote.get("speaker_text") is not None:
                assert text[quote["speaker_start"]:quote["speaker_end"]] == quote["speaker_text"], quote


def test_every_event_has_valid_contract_fields(events: list[Record]) -> None:
    assert events
    for event in events:
        assert set(event) >= EVENT_KEYS, EVENT_KEYS - set(event)
        assert isinstance(event["actor"], dict) and event["actor"]["kind"] in ACTOR_KINDS, event
        assert event["recipient"] is None or event["recipient"]["kind"] in ACTOR_KINDS, event
        assert event["quad"] is None or event["quad"] in (1, 2, 3, 4), event
        assert event["modality"] in MODALITIES, event
        assert re.fullmatch(r"\d{2,4}", event["cameo"]), event
        assert 0.0 <= event["confidence"] <= 1.0, event
        assert isinstance(event["type"], str) and event["type"], event
        assert isinstance(event["sentence_index"], int) and event["sentence_index"] >= 0, event
        precision = event["date_precision"]
        if precision is None:
            assert event["date"] is None, event
        else:
            assert re.fullmatch(PRECISIONS[precision], event["date"]), event


def test_skipped_summit_is_a_negated_meeting_and_the_leaving_speculation_is_hypothetical(events: list[Record]) -> None:
    """"With Armenia not having attended the CSTO summit last month ..., speculations are high that Yerevan is
    leaving the Russian-led military alliance": the skipped summit is negated (dated last month), the leaving is
    speculation, never an asserted withdrawal."""
    attended = [e for e in events if e["evidence"].startswith("With Armenia not having attended")]
    meeting = [e for e in attended if e["cameo"].startswith("04")]
    assert meeting and all(e["modality"] == "negated" and e["date"] == "2023-11" for e in meeting)
    leaving = [e for e in attended if e["cameo"].startswith("16")]
    assert leaving and all(e["modality"] == "hypothetical" for e in leaving)
