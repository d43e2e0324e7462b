"""`blocwatch demo`: the bundled sample corpus in, an analyst's summary out (one run: it ingests ~50 articles)."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

import blocwatch.analytics
from blocwatch.cli import main
from blocwatch.store import open_store


def table_after(output: str, title: str) -> str:
    """The rich table printed under `title`, up to its bottom border."""
    start = output.index(title)
    return output[start:output.index("└", start)]


def rows(table: str) -> list[str]:
    return [line for line in table.splitlines() if line.startswith("│")]


def test_demo_fills_the_store_and_prints_the_summary(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    run = CliRunner().invoke(main, ["demo", "--db", str(db)], env={"COLUMNS": "200"})
    assert run.exit_code == 0, run.output
    output = run.stdout

    titles = ["Top cooperative dyads", "Top conflictual dyads", "Most active actors", "Notable quotes"]
    for title in titles:
        assert title in output
    cooperative = rows(table_after(output, titles[0]))
    assert any(re.match(r"│ ARM\s+│", row) for row in cooperative), cooperative
    actors = rows(table_after(output, titles[2]))
    assert any(re.match(r"│ Armenia\s+│ state\s+│ ARM", row) for row in actors), actors
    # Events whose actor is unknown are not an actor of their own.
    assert not any(re.match(r"│ nan\s+│", row) for row in actors), actors
    assert len(rows(table_after(output, titles[3]))) >= 3, "fewer than three quotes"

    with open_store(str(db)) as store:
        assert store.articles()["article_id"].nunique() >= 40
        events = store.events()
    assert f"The store holds {len(events)} events" in output

    if hasattr(blocwatch.analytics, "demo_section"):
        alliance = output[output.index(titles[3]):]
        assert "CSTO" in alliance and "ARM" in alliance
