"""`blocwatch extract`: one JSON line out per input record, same ids, same order; bad records give an error line
and a non-zero exit, and never stop the run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from blocwatch import config, nlp
from blocwatch.cli import main

RESULT_KEYS = {"id", "title", "date", "events", "quotes", "actors"}

ATTACK = "Russian forces attacked Ukraine on Thursday, and France condemned the invasion."
DEAL = "Armenia signed a defence agreement with France in Yerevan on Monday."

NEWS_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Georgia and Turkey sign transit deal | Caucasus Wire</title>
<meta property="article:published_time" content="2024-03-05T09:30:00+00:00">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Georgia and Turkey sign transit deal</h1>
<p>Georgia signed a transit agreement with Turkey on Tuesday, officials in Tbilisi said, opening a new route
for freight from the Caspian Sea to Europe.</p>
<p>Russia condemned the agreement and accused Georgia of turning its back on its neighbours.</p>
</article>
<footer><p>Subscribe to our newsletter. Copyright 2024 Caucasus Wire. All rights reserved.</p></footer>
</body></html>
"""


@pytest.fixture(scope="module", autouse=True)
def language() -> None:
    # The extract command loads spaCy through the same cached loader: this makes the one load explicit.
    nlp.load()


def jsonl(*records: Any) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def run_extract(args: list[str], stdin: str | bytes | None = None) -> Result:
    return CliRunner().invoke(main, ["extract", *args], input=stdin)


def output_records(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def extract_file(tmp_path: Path, name: str, content: str | bytes) -> tuple[Result, list[dict[str, Any]]]:
    source = tmp_path / name
    if isinstance(content, bytes):
        source.write_bytes(content)
    else:
        source.write_text(content, encoding="utf-8")
    output = tmp_path / "out.jsonl"
    run = run_extract(["--input", str(source), "--output", str(output)])
    assert run.exception is None or isinstance(run.exception, SystemExit), run.output
    return run, output_records(output.read_text(encoding="utf-8"))


def assert_processed(record: dict[str, Any], text: str | None = None) -> None:
    assert "error" not in record, record
    assert set(record) >= RESULT_KEYS
    assert record["events"], f"no events for {record['id']}"
    if text is not None:
        for event in record["events"]:
            assert text[event["start"]:event["end"]] == event["evidence"]
        for actor in record["actors"]:
            assert text[actor["start"]:actor["end"]] == actor["text"]


def assert_error(record: dict[str, Any], record_id: Any, *words: str) -> None:
    assert set(record) == {"id", "error"}, record
    assert record["id"] == record_id
    for word in words:
        assert word in record["error"], record["error"]


# --- JSONL ---------------------------------------------------------------------------------------------


def test_malformed_middle_line_gives_an_error_line_and_the_run_goes_on(tmp_path: Path) -> None:
    lines = jsonl({"id": "first", "text": ATTACK, "date": "2022-02-24"}, '{"id": "broken", "text": "no closing',
                  {"id": "third", "text": DEAL})
    run, records = extract_file(tmp_path, "batch.jsonl", lines)
    assert run.exit_code != 0
    assert [r["id"] for r in records] == ["first", "broken", "third"]
    assert_processed(records[0], ATTACK)
    assert records[0]["date"] == "2022-02-24"
    assert_error(records[1], "broken", "line 2", "invalid JSON")
    assert_processed(records[2], DEAL)
    messages = " ".join(run.stderr.split())
    assert "batch.jsonl line 2: invalid JSON" in messages and "1 errors" in messages


@pytest.mark.parametrize(
    ("bad_record", "words"),
    [
        ({"id": "no-text", "date": "2023-12-18"}, ("'text'",)),
        ({"id": "bad-date", "text": DEAL, "date": "2023-13-45"}, ("2023-13-45", "YYYY-MM-DD")),
        ({"id": "empty", "text": ""}, ("empty",)),
        ({"id": "blank", "text": " \n\t "}, ("empty",)),
        ({"id": "number", "text": 42}, ("'text'", "int")),
    ],
)
def test_bad_record_gives_an_error_in_its_place(tmp_path: Path, bad_record: dict, words: tuple[str, ...]) -> None:
    lines = jsonl({"id": "before", "text": ATTACK}, bad_record, {"id": "after", "text": DEAL})
    run, records = extract_file(tmp_path, "in.jsonl", lines)
    assert run.exit_code == 1
    assert [r["id"] for r in records] == ["before", bad_record["id"], "after"]
    assert_error(records[1], bad_record["id"], *words)
    assert_processed(records[0], ATTACK)
    assert_processed(records[2], DEAL)


def test_line_that_is_not_an_object_is_named_by_its_line(tmp_path: Path) -> None:
    run, records = extract_file(tmp_path, "in.jsonl", jsonl({"id": "a", "text": ATTACK}, "[1, 2]"))
    assert run.exit_code == 1
    assert records[0]["id"] == "a"
    assert_error(records[1], None, "line 2", "JSON object")


def test_every_kind_of_record_keeps_its_id_and_place(tmp_path: Path) -> None:
    lines = jsonl(
        {"id": "r1", "text": DEAL},
        {"id": "r2"},
        '{"id": "r3", "text": ',
        {"id": "r4", "text": ATTACK, "date": "2024-02-30"},
        {"id": "r5", "text": ATTACK, "title": "Invasion", "url": "https://example.org/a"},
        {"id": "r6", "text": ""},
    )
    run, records = extract_file(tmp_path, "mixed.jsonl", lines)
    assert run.exit_code == 1
    assert [r["id"] for r in records] == ["r1", "r2", "r3", "r4", "r5", "r6"]
    assert ["error" in r for r in records] == [False, True, True, True, False, True]
    assert records[4]["title"] == "Invasion"


def test_stdin_to_stdout(tmp_path: Path) -> None:
    run = run_extract(["--input", "-", "--output", "-"],
                      stdin=jsonl({"id": "s1", "text": ATTACK}, {"id": "s2", "text": DEAL, "date": "2023-10-23"}))
    assert run.exit_code == 0, run.output
    records = output_records(run.stdout)
    assert [r["id"] for r in records] == ["s1", "s2"]
    assert_processed(records[0], ATTACK)
    assert_processed(records[1], DEAL)
    assert records[1]["date"] == "2023-10-23"


def test_stdin_jsonl_with_a_byte_order_mark_is_still_jsonl() -> None:
    run = run_extract(["-i", "-"], stdin=b"\xef\xbb\xbf" + jsonl({"id": "bom", "text": ATTACK}).encode())
    assert run.exit_code == 0, run.output
    (record,) = output_records(run.stdout)
    assert record["id"] == "bom"
    assert_processed(record, ATTACK)


def test_plain_text_on_stdin_is_one_article() -> None:
    run = run_extract(["-i", "-"], stdin=ATTACK + "\n")
    assert run.exit_code == 0, run.output
    (record,) = output_records(run.stdout)
    assert record["id"] == "stdin"
    assert_processed(record, ATTACK + "\n")


def test_oversized_jsonl_line_is_an_error_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(config, "MAX_INPUT_BYTES", 400)
    lines = jsonl({"id": "small", "text": ATTACK}, {"id": "huge", "text": DEAL * 20}, {"id": "last", "text": DEAL})
    run, records = extract_file(tmp_path, "in.jsonl", lines)
    assert run.exit_code == 1
    assert [r["id"] for r in records] == ["small", "huge", "last"]
    assert_error(records[1], "huge", "line 2", "400-byte limit")
    assert_processed(records[0])
    assert_processed(records[2])


# --- single articles -------------------------------------------------------------------------------------


def test_txt_file_is_one_article_with_the_file_stem_as_id(tmp_path: Path) -> None:
    text = f"Armenia and France sign defence deal\n\n{DEAL} {ATTACK}\n"
    run, records = extract_file(tmp_path, "deal-2023.txt", text)
    assert run.exit_code == 0, run.output
    (record,) = records
    assert record["id"] == "deal-2023"
    assert_processed(record, text)


def test_html_file_gives_the_article_not_the_page_furniture(tmp_path: Path) -> None:
    run, records = extract_file(tmp_path, "transit.html", NEWS_PAGE)
    assert run.exit_code == 0, run.output
    (record,) = records
    assert record["id"] == "transit"
    assert record["title"].startswith("Georgia and Turkey sign transit deal")
    assert record["date"] == "2024-03-05"
    assert_processed(record)
    evidence = " ".join(event["evidence"] for event in record["events"])
    assert "transit agreement" in evidence
    for furniture in ("Home", "Subscribe", "Copyright", "All rights reserved"):
        assert furniture not in evidence
    dyads = {(e["actor"]["country"], (e["recipient"] or {}).get("country")) for e in record["events"]}
    assert ("GEO", "TUR") in dyads or ("TUR", "GEO") in dyads, dyads


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", ("binary",)),
        ("empty.txt", b"", ("empty",)),
        ("latin1.txt", "Erdoğan met Aliyev in Baku.".encode("iso-8859-9"), ("UTF-8",)),
    ],
)
def test_unreadable_article_file_gives_an_error_record(tmp_path: Path, name: str, content: bytes,
                                                      words: tuple[str, ...]) -> None:
    run, records = extract_file(tmp_path, name, content)
    assert run.exit_code == 1
    (record,) = records
    assert_error(record, Path(name).stem, name, *words)


def test_oversized_article_file_gives_an_error_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(config, "MAX_INPUT_BYTES", 300)
    run, records = extract_file(tmp_path, "long.txt", (DEAL + " ") * 10)
    assert run.exit_code == 1
    (record,) = records
    assert_error(record, "long", "long.txt", "300-byte limit")


def test_several_inputs_are_all_read_in_order_and_a_bad_one_keeps_its_place(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "deal.txt").write_text(DEAL + "\n", encoding="utf-8")
    run = run_extract(["-i", str(tmp_path / "empty.txt"), "-i", str(tmp_path / "deal.txt")])
    assert run.exit_code == 1
    empty, deal = output_records(run.stdout)
    assert_error(empty, "empty", "empty.txt", "empty")
    assert deal["id"] == "deal" and deal["events"]


# --- the command's own errors ---------------------------------------------------------------------------


def test_missing_input_and_unwritable_output_are_usage_errors(tmp_path: Path) -> None:
    missing = run_extract(["--input", str(tmp_path / "nowhere.jsonl")])
    assert missing.exit_code == 2 and "nowhere.jsonl: no such file" in missing.output
    source = tmp_path / "in.jsonl"
    source.write_text(jsonl({"id": "a", "text": DEAL}), encoding="utf-8")
    missing_second = run_extract(["-i", str(source), "-i", str(tmp_path / "nowhere.txt")])
    assert missing_second.exit_code == 2 and not output_records(missing_second.stdout)
    unwritable = run_extract(["--input", str(source), "--output", str(tmp_path / "no-such-dir" / "out.jsonl")])
    assert unwritable.exit_code == 2 and "cannot write" in unwritable.output
    assert not isinstance(unwritable.exception, OSError)


def test_every_event_has_an_actor() -> None:
    sentence = "Kazakh authorities say more than 200 people were killed during the unrest and nearly 10,000 were detained."
    run = run_extract(["-i", "-"], stdin=jsonl({"id": "unrest", "text": sentence}))
    (record,) = output_records(run.stdout)
    assert all(event["actor"] is not None for event in record["events"]), record["events"]


# --- the installed console script ------------------------------------------------------------------------


def test_console_script_end_to_end(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "blocwatch"
    if not script.exists():
        pytest.skip(f"console script not installed next to {sys.executable}")
    source = tmp_path / "in.jsonl"
    source.write_text(jsonl({"id": "one", "text": ATTACK}, "{not json", {"id": "three", "text": DEAL}),
                      encoding="utf-8")
    done = subprocess.run([str(script), "extract", "--input", str(source), "--output", "-"],
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 1, done.stderr
    records = output_records(done.stdout)
    assert [r.get("id") for r in records] == ["one", None, "three"]
    assert_error(records[1], None, "line 2")
    assert_processed(records[0], ATTACK)
    assert_processed(records[2], DEAL)
    assert "in.jsonl line 2: invalid JSON" in " ".join(done.stderr.split())
