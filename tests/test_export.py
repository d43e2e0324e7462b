"""Exports of the events table: PLOVER JSON lines, CSV and Parquet, read back."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from blocwatch.cli import main
from blocwatch.store import EVENT_TABLE_COLUMNS, open_store
from blocwatch.store.export import plover_entity_code
from test_store import ARTICLE_TEXT, sample_article


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "export.db"
    with open_store(path) as store:
        store.add_article(sample_article(), source="Example News")
        store.add_article(sample_article("art-2", ARTICLE_TEXT + " Second copy."))
    return path


def test_plover_jsonl_records(db_path: Path, tmp_path: Path):
    out = tmp_path / "out" / "events.jsonl"
    with open_store(db_path) as store:
        written = store.export(out, "plover-jsonl")
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert written == len(records) == 6
    assert len({r["id"] for r in records}) == 6

    disapprove = next(r for r in records if r["id"] == "art-1#e0")
    assert disapprove["date"] == "2023-09-12"
    assert disapprove["event"] == ["DISAPPROVE"]
    assert disapprove["mode"] == ["criticize"]
    assert disapprove["context"] == ["military"]
    assert disapprove["quad_code"] == 3
    assert disapprove["event_scale"] == -2.0
    assert disapprove["event_text"] == ["criticised"]
    assert disapprove["text"].startswith("Armenian Prime Minister")
    assert disapprove["text_info"] == {"sequence": 0, "start": 0, "end": len(disapprove["text"])}
    assert disapprove["cite_info"]["url"] == "https://example.org/news/1"
    assert disapprove["cite_info"]["publication"] == "Example News"
    [actor] = disapprove["actor"]
    assert actor["code"] == "ARM" and actor["sector"] == "GOV"
    assert actor["identifier_id"] == "person:nikol-pashinyan"
    assert actor["entity_text"] == "Nikol Pashinyan" and actor["office"] == "prime minister"
    [recipient] = disapprove["recipient"]
    assert recipient["code"] == "IGO" and recipient["blocwatch"]["org"] == "CSTO"
    assert disapprove["blocwatch"]["cameo"] == "111"
    assert disapprove["blocwatch"]["goldstein"] == -2.0
    assert disapprove["blocwatch"]["modality"] == "asserted"

    agree = next(r for r in records if r["id"] == "art-1#e1")
    # No event date: the article's date stands in, and the precision says where it came from.
    assert agree["date"] == "2023-09-14"
    assert agree["blocwatch"]["date_precision"] is None
    assert agree["blocwatch"]["quote_id"] == "art-1#q0"
    assert agree["mode"] is None and agree["context"] is None


def test_csv_export_reads_back_as_the_events_table(db_path: Path, tmp_path: Path):
    out = tmp_path / "events.csv"
    with open_store(db_path) as store:
        assert store.export(out, "csv") == 6
        expected = store.events()
    read_back = pd.read_csv(out)
    assert tuple(read_back.columns) == EVENT_TABLE_COLUMNS
    assert list(read_back["event_id"]) == list(expected["event_id"])
    assert (
        read_back.loc[read_back["event_id"] == "art-1#e0", "evidence"].item() == expected.iloc[0]["evidence"]
    )


def test_parquet_export_keeps_types(db_path: Path, tmp_path: Path):
    out = tmp_path / "events.parquet"
    with open_store(db_path) as store:
        assert store.export(out, "parquet") == 6
        expected = store.events()
    read_back = pd.read_parquet(out)
    assert tuple(read_back.columns) == EVENT_TABLE_COLUMNS
    assert str(read_back["quad"].dtype) == "Int64"
    assert read_back["goldstein"].dtype == "float64"
    pd.testing.assert_frame_equal(
        read_back[["event_id", "quad", "goldstein", "start"]],
        expected[["event_id", "quad", "goldstein", "start"]],
    )


def test_export_of_an_empty_store_writes_empty_files(tmp_path: Path):
    with open_store(tmp_path / "empty.db") as store:
        assert store.export(tmp_path / "e.jsonl", "plover-jsonl") == 0
        assert store.export(tmp_path / "e.parquet", "parquet") == 0
    assert (tmp_path / "e.jsonl").read_text() == ""
    assert tuple(pd.read_parquet(tmp_path / "e.parquet").columns) == EVENT_TABLE_COLUMNS


def test_bad_export_requests_are_refused(db_path: Path, tmp_path: Path):
    with open_store(db_path) as store:
        with pytest.raises(ValueError, match="unknown export format 'xlsx'"):
            store.export(tmp_path / "e.xlsx", "xlsx")
        with pytest.raises(ValueError, match="is a directory"):
            store.export(tmp_path, "csv")


@pytest.mark.parametrize(
    ("kind", "country", "org", "code"),
    [
        ("state", "ARM", None, "ARM"),
        ("person", "RUS", None, "RUS"),
        ("igo", None, "UN", "UNO"),
        ("igo", None, "EU", "EUR"),
        ("igo", None, "NATO", "IGO"),
        ("group", None, None, None),
    ],
)
def test_plover_entity_codes(kind, country, org, code):
    assert plover_entity_code(kind, country, org) == code


def test_cli_export(db_path: Path, tmp_path: Path):
    out = tmp_path / "cli.jsonl"
    result = CliRunner().invoke(
        main, ["export", "--db", str(db_path), "--format", "plover-jsonl", "--output", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "wrote 6 events" in result.output
    assert len(out.read_text().splitlines()) == 6
    refused = CliRunner().invoke(
        main, ["export", "--db", str(db_path), "--format", "xml", "--output", str(out)]
    )
    assert refused.exit_code == 2
