"""`blocwatch eval`: gold reading, format detection and metrics, checked against hand-computed numbers."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from blocwatch.cli import main as cli
from blocwatch.evaluation import (
    DEFAULT_GOLD,
    MODALITY_SET,
    detect_format,
    evaluate,
    format_report,
    load_gold,
)
from blocwatch.evaluation import metrics as metrics_module
from blocwatch.evaluation.gold import normalise_country
from blocwatch.evaluation.metrics import predicted_events, token_jaccard

SHARED = Path(__file__).resolve().parents[2] / "shared"


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def actor(country=None, text="x", kind="state", sector=None):
    return {"text": text, "name": text, "kind": kind, "country": country, "sector": sector}


def event(cameo, actor_value=None, recipient=None, confidence=0.5, type_=None, modality="asserted",
          trigger=None, trigger_start=None, start=0):
    return {"actor": actor_value, "recipient": recipient, "type": type_, "cameo": cameo,
            "confidence": confidence, "modality": modality, "trigger": trigger,
            "trigger_start": trigger_start, "start": start}


def fake_extractor(predictions: dict[str, list[dict]]):
    """Returns the prepared events for each input id, and records what it was given."""
    seen: list[dict] = []

    def extract(records):
        seen.extend(records)
        return [{"id": r["id"], "title": r["title"], "date": r["date"], "events": predictions.get(r["id"], []),
                 "quotes": [], "actors": []} for r in records]

    extract.seen = seen  # type: ignore[attr-defined]
    return extract


# --- CAMEO format -----------------------------------------------------------------------------------

CAMEO_GOLD = [
    {"id": "c1", "text": "The United States and Jordan agreed on a free-trade pact.", "date": None,
     "events": [{"source": "USA", "target": "JOR", "code": "0311", "source_sector": "GOV"},
                {"source": "JOR", "target": "USA", "code": "0311"}]},
    {"id": "c2", "text": "APEC agreed to set up an energy centre in Tokyo.", "date": None,
     "events": [{"source": "IGO", "target": "JAP", "code": "031", "source_sector": "GOV"}]},
    {"id": "c3", "text": "Troops fought near the town.", "date": None,
     "events": [{"source": None, "target": None, "code": "190"}]},
    {"id": "c4", "text": "Israeli soldiers killed a Palestinian man.", "date": None,
     "events": [{"source": "ISR", "target": "PSE", "code": "1823", "source_sector": "MIL",
                 "target_sector": "CVLkur"}]},
    {"id": "c5", "text": "The weather was fine.", "date": None, "events": []},
    {"id": "c6", "text": "Markets were calm.", "date": None, "events": []},
]

CAMEO_PREDICTIONS = {
    "c1": [event("057", [actor("USA", sector="GOV")], actor("JOR"), 0.9),
           event("031", actor("JOR"), None, 0.5)],
    "c2": [event("031", actor(None, "APEC", kind="igo"), actor("JPN"))],
    "c3": [event("180", actor("RUS"), None, 0.7), event("010", None, None, 0.2)],
    "c4": [event("1823", [actor("ISR", sector="MIL"), actor("USA")], actor("PSE", sector="CVL"), 0.8)],
    "c6": [event("010")],
}


def test_cameo_metrics_match_hand_computation(tmp_path):
    path = write_jsonl(tmp_path / "cameo.jsonl", CAMEO_GOLD)
    extractor = fake_extractor(CAMEO_PREDICTIONS)
    results = evaluate([path], extractor=extractor)
    (scored,) = results["sets"]
    assert scored["format"] == "cameo" and scored["records"] == 6
    m = scored["metrics"]
    # c1 (03 among 05/03), c2, c4 right; c3 predicted 18/01 for gold 19.
    assert m["root_accuracy"] == {"value": 0.75, "correct": 3, "total": 4}
    # Gold triples: c1 x2, c2, c3 (None, None, 19), c4 = 5; matched: c2 (IGO, JPN after JAP->JPN), c4.
    # Predicted triples: c1 (USA,JOR,05) (JOR,None,03); c2; c3 (RUS,None,18) (None,None,01);
    # c4 (ISR,PSE,18) (USA,PSE,18) = 7; matched: c2 and c4's ISR one.
    triples = m["triples"]
    assert (triples["matched_gold"], triples["gold"]) == (2, 5)
    assert (triples["matched_predicted"], triples["predicted"]) == (2, 7)
    assert triples["recall"] == pytest.approx(0.4)
    assert triples["precision"] == pytest.approx(2 / 7)
    assert triples["f1"] == pytest.approx(1 / 3)
    assert triples["key"] == "cameo_root"
    assert m["actor_country_recall"] == {"value": 1.0, "correct": 4, "total": 4}
    # c1 gold recipients JOR and USA, only JOR predicted.
    assert m["recipient_country_recall"] == {"value": 0.75, "correct": 3, "total": 4}
    # Matched triples with a gold sector: c2 actor GOV (predicted none), c4 actor MIL (MIL), recipient CVL.
    assert m["actor_sector_accuracy"] == {"value": 0.5, "correct": 1, "total": 2}
    assert m["recipient_sector_accuracy"] == {"value": 1.0, "correct": 1, "total": 1}
    # c5 nothing predicted (right), c6 a statement predicted (wrong).
    assert m["no_event_precision"] == {"value": 0.5, "correct": 1, "total": 2}
    assert "penta_accuracy" not in m and "modality_accuracy" not in m
    assert extractor.seen[0] == {"id": "c1", "text": CAMEO_GOLD[0]["text"], "date": None, "title": None}


# --- PLOVER format ----------------------------------------------------------------------------------

PLOVER_GOLD = [
    {"id": "p1", "text": "Hungarian and Romanian officials agreed to cooperate.", "date": "2000-01-01",
     "events": [{"source": "HUN", "target": None, "code": "AGREE", "code_scheme": "PLOVER",
                 "source_sector": "GOV", "target_sector": None},
                {"source": "ROU", "target": None, "code": "AGREE", "code_scheme": "PLOVER",
                 "source_sector": None, "target_sector": None}]},
    {"id": "p2", "text": "Iraq demanded that Washington lift the embargo.", "date": "2000-01-01",
     "events": [{"source": "IRQ", "target": "USA", "code": "DEMAND", "code_scheme": "PLOVER"}]},
    {"id": "p3", "text": "Serbian police clashed with Albanian rebels.", "date": "2000-01-01",
     "events": [{"source": "SRB", "target": "ALB", "code": "FIGHT", "code_scheme": "PLOVER"}]},
]

PLOVER_PREDICTIONS = {
    "p1": [event("030", [actor("HUN", sector="GOV"), actor("ROU")], None, type_="AGREE")],
    "p2": [event("100", actor("IRQ"), actor("GBR"), type_="REQUEST")],
    "p3": [event("173", actor("SRB"), actor("ALB"), type_="COERCE")],
}


def test_plover_metrics_map_old_categories_and_expand_compound_actors(tmp_path):
    path = write_jsonl(tmp_path / "plover.jsonl", PLOVER_GOLD)
    m = evaluate([path], extractor=fake_extractor(PLOVER_PREDICTIONS))["sets"][0]["metrics"]
    # DEMAND counts as REQUEST; FIGHT is ASSAULT, so COERCE is wrong.
    assert m["plover_type_accuracy"] == {"value": 2 / 3, "correct": 2, "total": 3}
    triples = m["triples"]
    assert triples["key"] == "plover_type"
    assert (triples["matched_gold"], triples["gold"], triples["matched_predicted"], triples["predicted"]) == (
        2, 4, 2, 4)
    assert triples["f1"] == pytest.approx(0.5)
    assert m["actor_country_recall"]["value"] == 1.0
    assert m["recipient_country_recall"] == {"value": 0.5, "correct": 1, "total": 2}
    assert m["actor_sector_accuracy"] == {"value": 1.0, "correct": 1, "total": 1}
    assert "root_accuracy" not in m


# --- ConfliBERT format ------------------------------------------------------------------------------

CONFLIBERT_GOLD = [
    {"id": "k1", "text": "In September, a car bomb in Kiev killed another ethnic Chechen.", "date": None,
     "penta_class": 4, "tokens": ["In", "September"],
     "source_spans": [{"text": "a car bomb", "token_start": 3, "token_end": 6}],
     "target_spans": [{"text": "another ethnic Chechen", "token_start": 9, "token_end": 12}],
     "reciprocal_spans": [], "events": []},
    {"id": "k2", "text": "A Swiss court rejected the Croatian government's request.", "date": None,
     "penta_class": 3, "source_spans": [{"text": "a Swiss court"}],
     "target_spans": [{"text": "Croatian government 's request"}], "reciprocal_spans": []},
    {"id": "k3", "text": "The minister spoke to reporters.", "date": None, "penta_class": 0, "events": None},
    {"id": "k4", "text": "Iraqi troops and the Kurds fought near Kirkuk .", "date": None, "penta_class": None,
     "source_spans": [{"text": "Iraqi troops"}], "target_spans": [],
     "reciprocal_spans": [{"text": "Kurds"}], "text_is_detokenized": True},
]

CONFLIBERT_PREDICTIONS = {
    "k1": [event("183", actor(text="car bomb"), actor(text="Chechen"), 0.6), event("010", confidence=0.99)],
    "k2": [event("120", actor(text="Swiss court"), actor(text="the Croatian government's request"), 0.4),
           event("043", confidence=0.7)],
    "k4": [event("190", [actor(text="Iraqi troops"), actor(text="the Kurds")], None)],
}


def test_conflibert_class_confusion_and_span_recall(tmp_path):
    path = write_jsonl(tmp_path / "conflibert.jsonl", CONFLIBERT_GOLD)
    m = evaluate([path], extractor=fake_extractor(CONFLIBERT_PREDICTIONS))["sets"][0]["metrics"]
    # k1: 183 -> 4 (the more confident 010 is not substantive); k2: 043 beats 120 -> 1, gold 3;
    # k3: nothing -> 0. k4 has no class.
    assert m["penta_accuracy"] == {"value": 2 / 3, "correct": 2, "total": 3}
    confusion = m["penta_confusion"]
    assert confusion[4][4] == 1 and confusion[3][1] == 1 and confusion[0][0] == 1
    assert sum(map(sum, confusion)) == 3
    # Actor spans: "a car bomb"~"car bomb" 2/3, "a Swiss court"~"Swiss court" 2/3, k4 "Iraqi troops" 1.0 and
    # reciprocal "Kurds"~"the Kurds" 1/2.  Recipients: "another ethnic Chechen"~"Chechen" 1/3 (miss),
    # the Croatian request 5/6 (hit), k4 reciprocal "Kurds" with no predicted recipient (miss).
    assert m["actor_span_recall"] == {"value": 1.0, "correct": 4, "total": 4}
    assert m["recipient_span_recall"] == {"value": 1 / 3, "correct": 1, "total": 3}
    assert "root_accuracy" not in m and "no_event_precision" not in m


def test_token_jaccard_separates_punctuation_and_ignores_case():
    assert token_jaccard("Croatian government 's request", "the croatian Government's request") == pytest.approx(5 / 6)
    assert token_jaccard("Baghdad’s forces", "Baghdad ’ s forces") == 1.0
    assert token_jaccard("", "") == 0.0


# --- modality format --------------------------------------------------------------------------------

MODALITY_GOLD = [
    {"id": "m1", "text": "Azerbaijani artillery shelled villages near the border.", "modality": "asserted",
     "cameo_root": "19", "trigger": "shelled", "quoted": False},
    {"id": "m2", "text": "The minister did not attend the summit, officials said.", "modality": "negated",
     "cameo_root": "04", "trigger": "attend", "quoted": False},
    {"id": "m3", "text": "\"Caracas might expel the diplomats,\" an analyst said.", "modality": "hypothetical",
     "cameo_root": "16", "trigger": "expel", "quoted": True},
    {"id": "m4", "text": "The envoy will visit Tripoli next week.", "modality": "future",
     "cameo_root": None, "trigger": "visit", "quoted": False},
    {"id": "m5", "text": "It rained all week.", "modality": None, "cameo_root": None, "trigger": None,
     "quoted": False},
]

MODALITY_PREDICTIONS = {
    "m1": [event("190", modality="asserted", trigger="shelled", trigger_start=22)],
    # The statement comes first, but the negated event's trigger sits at "attend" (offset 21).
    "m2": [event("010", modality="asserted", trigger="said", trigger_start=50),
           event("042", modality="negated", trigger="attended", trigger_start=21)],
    "m4": [event("036", modality="asserted")],
}


def test_modality_accuracy_picks_the_event_nearest_the_trigger(tmp_path):
    path = write_jsonl(tmp_path / "modality.jsonl", MODALITY_GOLD)
    m = evaluate([path], extractor=fake_extractor(MODALITY_PREDICTIONS))["sets"][0]["metrics"]
    assert m["modality_accuracy"] == {"value": 0.5, "correct": 2, "total": 4}
    confusion = m["modality_confusion"]
    assert confusion["asserted"]["asserted"] == 1
    assert confusion["negated"]["negated"] == 1
    assert confusion["hypothetical"]["none"] == 1  # nothing predicted counts wrong
    assert confusion["future"]["asserted"] == 1
    # Roots only where the item gives one: m1 right, m2 right (04 among 01/04), m3 nothing.
    assert m["root_accuracy"] == {"value": 2 / 3, "correct": 2, "total": 3}
    assert m["no_event_precision"] == {"value": 1.0, "correct": 1, "total": 1}


# --- formats, errors, report ------------------------------------------------------------------------

def test_detect_format_from_fields():
    assert detect_format(CAMEO_GOLD[0]) == "cameo"
    assert detect_format(CAMEO_GOLD[4]) == "cameo"
    assert detect_format(PLOVER_GOLD[0]) == "plover"
    assert detect_format(CONFLIBERT_GOLD[2]) == "conflibert"
    assert detect_format(CONFLIBERT_GOLD[3]) == "conflibert"
    assert detect_format(MODALITY_GOLD[4]) == "modality"
    with pytest.raises(ValueError, match="'x1'"):
        detect_format({"id": "x1", "text": "no labels here"})


def test_country_normalisation():
    assert [normalise_country(code) for code in ("JAP", "ITL", "VTN", "NGO", "IMG", "usa", "***", None)] == [
        "JPN", "ITA", "VAT", "IGO", "IGO", "USA", None, None]


def test_bad_gold_files_fail_with_the_file_and_line(tmp_path):
    broken = tmp_path / "broken.jsonl"
    broken.write_text(json.dumps(CAMEO_GOLD[0]) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"broken.jsonl:2"):
        load_gold(broken)
    mixed = write_jsonl(tmp_path / "mixed.jsonl", [CAMEO_GOLD[0], PLOVER_GOLD[0]])
    with pytest.raises(ValueError, match="mixes formats"):
        load_gold(mixed)
    bad_code = write_jsonl(tmp_path / "code.jsonl", [{"id": "b", "text": "t", "events": [{"code": "7"}]}])
    with pytest.raises(ValueError, match="code.jsonl:1"):
        load_gold(bad_code)


def test_repeated_gold_ids_are_kept_and_renamed(tmp_path):
    path = write_jsonl(tmp_path / "dup.jsonl", [CAMEO_GOLD[0], {**CAMEO_GOLD[2], "id": "c1"}])
    gold = load_gold(path)
    assert [item.id for item in gold.items] == ["c1", "c1#2"]
    assert gold.warnings and "c1" in gold.warnings[0]


def test_extractor_output_must_cover_every_input(tmp_path):
    path = write_jsonl(tmp_path / "cameo.jsonl", CAMEO_GOLD[:2])
    with pytest.raises(ValueError, match=r"missing ids \['c2'\]"):
        evaluate([path], extractor=lambda records: [{"id": "c1", "events": []}])


def test_limit_and_report(tmp_path):
    path = write_jsonl(tmp_path / "cameo.jsonl", CAMEO_GOLD)
    results = evaluate([path], extractor=fake_extractor(CAMEO_PREDICTIONS), limit=2)
    assert results["records"] == 2
    assert results["sets"][0]["metrics"]["root_accuracy"]["total"] == 2
    report = format_report(results)
    assert re.search(r"CAMEO root accuracy\s+1\.000 \(2/2\)", report)
    assert "five-way" not in report
    with pytest.raises(ValueError, match="limit"):
        evaluate([path], extractor=fake_extractor({}), limit=0)


def test_actor_shapes_and_bad_events():
    flattened = predicted_events({"id": "r", "events": [event("190", [actor("RUS"), actor("BLR")],
                                                              [actor("UKR"), actor("POL")])]})
    assert {(e.actor, e.recipient) for e in flattened} == {
        ("RUS", "UKR"), ("RUS", "POL"), ("BLR", "UKR"), ("BLR", "POL")}
    with pytest.raises(ValueError, match="actor"):
        predicted_events({"id": "r", "events": [event("190", "Russia")]})


# --- the packaged modality set ----------------------------------------------------------------------

def test_modality_set_is_balanced_and_consistent():
    items = [json.loads(line) for line in MODALITY_SET.read_text(encoding="utf-8").splitlines()]
    with_event = [item for item in items if item["modality"] is not None]
    assert len(with_event) >= 72
    for modality in ("asserted", "negated", "hypothetical", "future"):
        group = [item for item in with_event if item["modality"] == modality]
        assert len(group) == len(with_event) // 4
        assert sum(item["quoted"] for item in group) == len(group) // 2
    for item in items:
        assert set(item) == {"id", "text", "modality", "cameo_root", "trigger", "quoted"}
        if item["trigger"] is None:
            continue
        at = item["text"].find(item["trigger"])
        assert at >= 0, item["id"]
        quote_spans = [m.span() for m in re.finditer(r"[\"“][^\"”]*[\"”]", item["text"])]
        inside = any(start < at < end for start, end in quote_spans)
        assert inside == item["quoted"], item["id"]
        assert item["cameo_root"] is None or re.fullmatch(r"(0[1-9]|1\d|20)", item["cameo_root"])
    assert load_gold(MODALITY_SET).format == "modality"


# --- the CLI ----------------------------------------------------------------------------------------

def test_cli_eval_json_with_a_fake_extractor(tmp_path, monkeypatch):
    path = write_jsonl(tmp_path / "cameo.jsonl", CAMEO_GOLD)
    monkeypatch.setattr(metrics_module, "default_extractor", fake_extractor(CAMEO_PREDICTIONS))
    result = CliRunner().invoke(cli, ["eval", "--json", str(path)])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["records"] == 6
    assert payload["sets"][0]["metrics"]["root_accuracy"]["correct"] == 3

    table = CliRunner().invoke(cli, ["eval", str(path), "--limit", "3"])
    assert table.exit_code == 0
    assert re.search(r"CAMEO root accuracy\s+0\.667 \(2/3\)", table.output)


def test_cli_without_shared_data_runs_the_modality_set(tmp_path, monkeypatch):
    monkeypatch.setenv("BLOCWATCH_SHARED", str(tmp_path / "nowhere"))
    monkeypatch.setattr(metrics_module, "default_extractor", fake_extractor({}))
    result = CliRunner().invoke(cli, ["eval", "--json"])
    assert result.exit_code == 0, result.output
    assert "development data not found" in result.stderr
    payload = json.loads(result.stdout)
    assert [s["name"] for s in payload["sets"]] == ["modality"]
    assert payload["sets"][0]["metrics"]["modality_accuracy"]["correct"] == 0
    unknown = CliRunner().invoke(cli, ["eval", "--set", "nope"])
    assert unknown.exit_code == 2 and "no gold set named nope" in unknown.output


def test_cli_reports_a_missing_pipeline(tmp_path, monkeypatch):
    path = write_jsonl(tmp_path / "cameo.jsonl", CAMEO_GOLD[:1])

    def unavailable(records):
        raise RuntimeError("blocwatch.pipeline.extract_records is not available")

    monkeypatch.setattr(metrics_module, "default_extractor", unavailable)
    result = CliRunner().invoke(cli, ["eval", str(path)])
    assert result.exit_code == 1 and "not available" in result.output


# --- the real development files ---------------------------------------------------------------------

@pytest.mark.skipif(not (SHARED / "data" / "dev").is_dir(), reason="../shared/data/dev not available")
def test_real_dev_files_are_detected():
    formats = {relative: load_gold(SHARED / relative) for relative in DEFAULT_GOLD}
    assert [(g.format, len(g.items)) for g in formats.values()] == [
        ("cameo", 277), ("cameo", 222), ("plover", 322), ("conflibert", 1579)]
    assert [g.name for g in formats.values()] == [
        "cameo-codebook", "cameo-codebook/records_with_actors", "plover-gsr", "conflibert-train"]
