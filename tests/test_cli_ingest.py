"""`blocwatch ingest` on a folder of good and bad inputs: the good ones are stored, every bad one is listed by
`blocwatch rejects` with its reason, and ingesting again changes nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from blocwatch import config, nlp
from blocwatch.cli import main

TEXT_ARTICLE = """Armenia and France sign defence deal

Armenia signed a defence agreement with France in Yerevan on Monday, officials said.
Russia criticised the agreement and summoned the Armenian ambassador.
"""

HTML_ARTICLE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Georgia and Turkey sign transit deal</title>
<meta property="article:published_time" content="2024-03-05T09:30:00+00:00"></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article><h1>Georgia and Turkey sign transit deal</h1>
<p>Georgia signed a transit agreement with Turkey on Tuesday, officials in Tbilisi said.</p>
<p>Russia condemned the agreement and accused Georgia of turning its back on its neighbours.</p></article>
<footer><p>Copyright 2024 Caucasus Wire. All rights reserved.</p></footer></body></html>
"""

EMPTY_PAGE = '<!DOCTYPE html><html><head><title>Page not found</title></head><body></body></html>'

# Pages with no article at all; the clean stage currently keeps their leftovers as an article.
FURNITURE_PAGES = {
    "navigation": (
        '<!DOCTYPE html><html><head><title>Caucasus Wire</title></head><body><nav><ul>'
        '<li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li>'
        "</ul></nav></body></html>"
    ),
    "script-shell": (
        '<!DOCTYPE html><html><head><title>Loading</title><script>var app = 1;</script></head>'
        '<body><div id="app"></div><noscript>Please enable JavaScript.</noscript></body></html>'
    ),
}

GOOD_IDS = {"deal", "transit", "batch:1", "batch:3"}


@pytest.fixture(scope="module", autouse=True)
def language() -> None:
    nlp.load()


def write_inputs(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "deal.txt").write_text(TEXT_ARTICLE, encoding="utf-8")
    (folder / "transit.html").write_text(HTML_ARTICLE, encoding="utf-8")
    (folder / "batch.jsonl").write_text(
        json.dumps({"text": "Turkey and Azerbaijan held joint military exercises near the border on Tuesday.",
                    "date": "2024-02-01"}) + "\n"
        + '{"text": "Kazakhstan hosted the summit", \n'
        + json.dumps({"text": "Kazakhstan hosted a CSTO meeting in Astana, and Belarus sent a delegation."}) + "\n",
        encoding="utf-8",
    )
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01")
    (folder / "latin1.txt").write_bytes("Erdoğan met Aliyev in Baku on Friday.".encode("iso-8859-9"))
    (folder / "not-found.html").write_text(EMPTY_PAGE, encoding="utf-8")
    (folder / "huge.txt").write_text(TEXT_ARTICLE * 20, encoding="utf-8")
    return folder


# Each bad input and words its reason must contain.
EXPECTED_REJECTIONS = {
    "empty.txt": "empty",
    "image.txt": "binary",
    "latin1.txt": "UTF-8",
    "batch.jsonl:2": "line 2: invalid JSON",
    "not-found.html": "no article text",
    "huge.txt": "limit",
}


def invoke(args: list[str], env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, args, env=env)


def listing(command: str, db: Path | None = None, env: dict[str, str] | None = None) -> list[dict[str, Any]]:
    args = [command, "--format", "jsonl"] + (["--db", str(db)] if db else [])
    run = invoke(args, env=env)
    assert run.exit_code == 0, run.output
    return [json.loads(line) for line in run.stdout.splitlines() if line.strip()]


def reasons_by_file(rejects: list[dict[str, Any]], folder: Path) -> dict[str, str]:
    return {Path(row["source"]).name: row["reason"] for row in rejects if str(folder) in row["source"]}


@pytest.fixture()
def limited(monkeypatch: pytest.MonkeyPatch) -> None:
    # Room for every good input, not for huge.txt.
    monkeypatch.setattr(config, "MAX_INPUT_BYTES", 2000)


@pytest.mark.usefixtures("limited")
def test_good_inputs_are_stored_and_every_bad_one_is_listed(tmp_path: Path) -> None:
    folder = write_inputs(tmp_path / "inputs")
    db = tmp_path / "store.db"
    run = invoke(["ingest", str(folder), "--db", str(db), "--quiet"])
    # Some inputs were stored, so rejections alone do not fail the run.
    assert run.exit_code == 0, run.output
    articles = {row["article_id"]: row for row in listing("articles", db)}
    assert set(articles) == GOOD_IDS
    assert articles["transit"]["title"] == "Georgia and Turkey sign transit deal"
    assert articles["transit"]["date"] == "2024-03-05"
    assert articles["batch:1"]["date"] == "2024-02-01"
    assert all(row["n_events"] >= 1 for row in articles.values()), articles
    reasons = reasons_by_file(listing("rejects", db), folder)
    assert set(reasons) == set(EXPECTED_REJECTIONS)
    for name, words in EXPECTED_REJECTIONS.items():
        assert words in reasons[name], (name, reasons[name])
    summary = " ".join(run.stderr.split())
    assert f"{len(GOOD_IDS)} stored" in summary and f"{len(EXPECTED_REJECTIONS)} rejected" in summary


@pytest.mark.usefixtures("limited")
def test_ingesting_the_same_folder_twice_changes_nothing(tmp_path: Path) -> None:
    folder = write_inputs(tmp_path / "inputs")
    db = tmp_path / "store.db"

    def state() -> tuple[int, int, int, int]:
        articles = listing("articles", db)
        return (len(articles), sum(row["n_events"] for row in articles), len(listing("events", db)),
                len(listing("rejects", db)))

    assert invoke(["ingest", str(folder), "--db", str(db), "-q"]).exit_code == 0
    first = state()
    assert first[0] == len(GOOD_IDS) and first[2] > 0
    again = invoke(["ingest", str(folder), "--db", str(db), "-q"])
    assert again.exit_code == 0, again.output
    assert state() == first
    assert f"{len(GOOD_IDS)} already present" in " ".join(again.stderr.split())


def test_db_option_and_environment_variable_name_the_same_store(tmp_path: Path) -> None:
    folder = tmp_path / "inputs"
    folder.mkdir()
    (folder / "deal.txt").write_text(TEXT_ARTICLE, encoding="utf-8")
    from_env = tmp_path / "env.db"
    run = invoke(["ingest", str(folder), "-q"], env={"BLOCWATCH_DB": str(from_env)})
    assert run.exit_code == 0, run.output
    assert from_env.exists()
    assert [row["article_id"] for row in listing("articles", from_env)] == ["deal"]
    from_option = tmp_path / "option.db"
    run = invoke(["ingest", str(folder), "-q", "--db", str(from_option)], env={"BLOCWATCH_DB": str(from_env)})
    assert run.exit_code == 0, run.output
    assert [row["article_id"] for row in listing("articles", env={"BLOCWATCH_DB": str(from_option)})] == ["deal"]
    # --db wins over the variable: the second run went to option.db only, so env.db still holds its one copy.
    assert len(listing("articles", from_env)) == 1


def test_only_bad_inputs_fail_the_run(tmp_path: Path) -> None:
    folder = tmp_path / "inputs"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    db = tmp_path / "store.db"
    run = invoke(["ingest", str(folder), "--db", str(db), "-q"])
    assert run.exit_code == 1
    assert listing("articles", db) == []
    assert "file is empty" in reasons_by_file(listing("rejects", db), folder)["empty.txt"]


@pytest.mark.parametrize("kind", sorted(FURNITURE_PAGES))
def test_page_without_an_article_is_rejected(tmp_path: Path, kind: str) -> None:
    folder = tmp_path / "inputs"
    folder.mkdir()
    (folder / f"{kind}.html").write_text(FURNITURE_PAGES[kind], encoding="utf-8")
    db = tmp_path / "store.db"
    invoke(["ingest", str(folder), "--db", str(db), "-q"])
    assert listing("articles", db) == []
    assert "no article" in reasons_by_file(listing("rejects", db), folder).get(f"{kind}.html", "")
