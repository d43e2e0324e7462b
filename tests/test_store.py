"""The store: round trips, filters, de-duplication, rejects, safety, and the store CLI commands."""

from __future__ import annotations

import json
import os
import sqlite3
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner

from blocwatch.cli import main
from blocwatch.records import Actor, ArticleResult, Event, Quote
from blocwatch.store import EVENT_TABLE_COLUMNS, Store, StoreError, open_store

ARTICLE_TEXT = (
    "Armenian Prime Minister Nikol Pashinyan criticised the CSTO on Tuesday. "
    'Vladimir Putin said: "Russia will keep its commitments to Armenia." '
    "Russia and Azerbaijan held talks in Moscow."
)


def mention(text: str, start: int, **fields) -> Actor:
    return Actor(text=text, start=start, end=start + len(text), **fields)


def armenia(start: int = 0) -> Actor:
    return mention("Armenian", start, name="Armenia", kind="state", country="ARM", actor_id="state:ARM")


def pashinyan() -> Actor:
    return mention(
        "Nikol Pashinyan", 24, name="Nikol Pashinyan", kind="person", country="ARM", sector="GOV",
        actor_id="person:nikol-pashinyan", role="prime minister", resolved_by="both",
    )  # fmt: skip


def csto() -> Actor:
    return mention(
        "CSTO",
        55,
        name="Collective Security Treaty Organization",
        kind="igo",
        org="CSTO",
        actor_id="igo:CSTO",
    )


def putin() -> Actor:
    start = ARTICLE_TEXT.index("Vladimir Putin")
    return mention(
        "Vladimir Putin", start, name="Vladimir Putin", kind="person", country="RUS", sector="GOV",
        actor_id="person:vladimir-putin", role="president", resolved_by="kb",
    )  # fmt: skip


def russia(start: int) -> Actor:
    return mention("Russia", start, name="Russia", kind="state", country="RUS", actor_id="state:RUS")


def azerbaijan() -> Actor:
    start = ARTICLE_TEXT.index("Azerbaijan")
    return mention("Azerbaijan", start, name="Azerbaijan", kind="state", country="AZE", actor_id="state:AZE")


def event(actor, recipient, type_, cameo, date, precision, evidence, **extra) -> Event:
    start = ARTICLE_TEXT.index(evidence)
    fields = dict(
        actor=actor, recipient=recipient, type=type_, mode=None, cameo=cameo, quad=None, intensity=None,
        goldstein=None, modality="asserted", date=date, date_precision=precision, sentence_index=0,
        start=start, end=start + len(evidence), evidence=evidence, confidence=0.8,
    )  # fmt: skip
    fields.update(extra)
    return Event(**fields)


def sample_article(article_id: str = "art-1", text: str = ARTICLE_TEXT) -> ArticleResult:
    quote_text = "Russia will keep its commitments to Armenia."
    quote_start = ARTICLE_TEXT.index(quote_text)
    quote = Quote(
        text=quote_text, start=quote_start, end=quote_start + len(quote_text), direct=True, cue="said",
        speaker=putin(), speaker_start=putin().start, speaker_end=putin().end, speaker_text="Vladimir Putin",
        addressee=armenia(ARTICLE_TEXT.index("Armenia.")), sentence_index=1,
    )  # fmt: skip
    events = [
        event(
            pashinyan(), csto(), "DISAPPROVE", "111", "2023-09-12", "day",
            "Armenian Prime Minister Nikol Pashinyan criticised the CSTO on Tuesday.",
            mode="criticize", quad=3, intensity=-2.0, goldstein=-2.0, trigger="criticised",
            trigger_start=40, trigger_end=50, context="military",
        ),
        event(
            putin(), armenia(ARTICLE_TEXT.index("Armenia.")), "AGREE", "057", None, None,
            'Vladimir Putin said: "Russia will keep its commitments to Armenia."',
            modality="future", quad=1, goldstein=4.0, sentence_index=1, quote_index=0, confidence=0.61234,
        ),
        event(
            russia(ARTICLE_TEXT.index("Russia and")), azerbaijan(), "CONSULT", "040", "2023-10", "month",
            "Russia and Azerbaijan held talks in Moscow.", sentence_index=2, quad=1, goldstein=1.0,
        ),
    ]  # fmt: skip
    return ArticleResult(
        id=article_id,
        title="Yerevan and the CSTO",
        date="2023-09-14",
        text=text,
        events=events,
        quotes=[quote],
        actors=[armenia(), pashinyan(), csto(), putin(), azerbaijan()],
        url="https://example.org/news/1",
    )


def row_counts(store: Store) -> dict[str, int]:
    stats = store.stats()
    return {k: stats[k] for k in ("articles", "events", "quotes", "actor_mentions", "rejects")}


@pytest.fixture
def store(tmp_path: Path):
    with open_store(tmp_path / "sub" / "blocwatch.db") as opened:
        opened.add_article(sample_article(), source="feed.xml")
        yield opened


def test_database_file_and_parent_folders_are_created_in_wal_mode(tmp_path: Path):
    db_path = tmp_path / "deep" / "er" / "store.db"
    with open_store(db_path) as opened:
        assert opened.journal_mode() == "wal"
    assert db_path.exists()
    connection = sqlite3.connect(db_path)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"articles", "events", "actors", "quotes", "rejects", "meta"} <= tables
    assert connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == ("1",)
    connection.close()


def test_default_path_comes_from_environment(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("BLOCWATCH_DB", str(tmp_path / "env.db"))
    with open_store() as opened:
        assert opened.location == str(tmp_path / "env.db")
    assert (tmp_path / "env.db").exists()


def test_events_table_has_the_contract_columns(store: Store):
    events = store.events()
    assert tuple(events.columns) == EVENT_TABLE_COLUMNS
    assert len(events) == 3
    first = events.iloc[0]
    assert first["event_id"] == "art-1#e0"
    assert first["actor_id"] == "person:nikol-pashinyan"
    assert first["recipient_org"] == "CSTO"
    assert first["article_date"] == "2023-09-14"
    assert first["quad"] == 3
    quoted = events[events["type"] == "AGREE"].iloc[0]
    assert quoted["quote_id"] == "art-1#q0"
    assert quoted["date"] is None or quoted["date"] != quoted["date"]  # None or NaN: no event date given


def test_empty_events_table_still_has_its_columns(tmp_path: Path):
    with open_store(tmp_path / "empty.db") as opened:
        events = opened.events()
    assert tuple(events.columns) == EVENT_TABLE_COLUMNS
    assert events.empty


@pytest.mark.parametrize(
    ("filters", "expected_types"),
    [
        ({"actor": "ARM"}, ["DISAPPROVE"]),
        ({"actor": "arm"}, ["DISAPPROVE"]),
        ({"recipient": "CSTO"}, ["DISAPPROVE"]),
        ({"recipient": "igo:CSTO"}, ["DISAPPROVE"]),
        ({"actor": "person:vladimir-putin"}, ["AGREE"]),
        ({"actor": "Vladimir Putin"}, ["AGREE"]),
        ({"actor": "RUS"}, ["AGREE", "CONSULT"]),
        ({"actor": ["ARM", "AZE"]}, ["DISAPPROVE"]),
        ({"recipient": ["ARM", "AZE"]}, ["AGREE", "CONSULT"]),
        ({"type": "consult"}, ["CONSULT"]),
        ({"type": "05"}, ["AGREE"]),
        ({"modality": "future"}, ["AGREE"]),
        ({"actor": "RUS", "recipient": "AZE"}, ["CONSULT"]),
        ({"actor": "USA"}, []),
    ],
)
def test_actor_recipient_type_and_modality_filters(store: Store, filters, expected_types):
    assert sorted(store.events(**filters)["type"]) == sorted(expected_types)


@pytest.mark.parametrize(
    ("since", "until", "expected_types"),
    [
        # The AGREE event has no date of its own and falls back on the article date 2023-09-14.
        ("2023-09", None, ["DISAPPROVE", "AGREE", "CONSULT"]),
        ("2023-10", None, ["CONSULT"]),
        (None, "2023-09", ["DISAPPROVE", "AGREE"]),
        ("2023-09-13", "2023-09-30", ["AGREE"]),
        ("2023", "2023", ["DISAPPROVE", "AGREE", "CONSULT"]),
        ("2023-10-05", None, ["CONSULT"]),  # month-precision event overlaps the day asked for
        ("2024", None, []),
        (None, "2023-08", []),
    ],
)
def test_since_and_until_are_precision_aware(store: Store, since, until, expected_types):
    assert list(store.events(since=since, until=until)["type"]) == expected_types


def test_bad_filters_are_named_in_the_error(store: Store):
    with pytest.raises(ValueError, match="since date 'September'"):
        store.events(since="September")
    with pytest.raises(ValueError, match="limit"):
        store.events(limit=-1)
    assert len(store.events(limit=2)) == 2


def test_readding_the_same_article_changes_nothing(store: Store):
    before = row_counts(store)
    assert store.add_article(sample_article()) == ("art-1", False)
    # Same text re-wrapped, under another id: still the same article.
    rewrapped = sample_article("other-id", ARTICLE_TEXT.replace(". ", ".\n\n"))
    assert store.add_article(rewrapped) == ("art-1", False)
    assert row_counts(store) == before
    assert store.has_article(Store.content_hash(ARTICLE_TEXT))


def test_same_id_with_different_text_gets_a_new_id(store: Store):
    changed_text = ARTICLE_TEXT + " Later, Armenia froze its participation."
    new_id, inserted = store.add_article(sample_article("art-1", changed_text))
    assert inserted
    assert new_id == f"art-1~{Store.content_hash(changed_text)[:8]}"
    assert store.article("art-1")["text"] == ARTICLE_TEXT
    assert store.article(new_id)["text"] == changed_text
    assert set(store.events(article_id=new_id)["event_id"]) == {f"{new_id}#e{n}" for n in range(3)}
    assert store.stats()["articles"] == 2


def test_article_comes_back_in_contract_shape(store: Store):
    original = sample_article()
    stored = store.article("art-1")
    expected = original.to_dict(include_text=True)
    assert set(stored) == {"id", "title", "date", "url", "text", "events", "quotes", "actors"}
    for key in ("id", "title", "date", "url", "text", "events", "quotes", "actors"):
        assert stored[key] == expected[key], key
    assert stored["events"][1]["confidence"] == 0.612
    assert stored["events"][1]["quote_index"] == 0
    assert json.loads(json.dumps(stored)) == stored
    assert store.article("no-such-article") is None


def test_quotes_and_actors_tables(store: Store):
    quotes = store.quotes()
    assert list(quotes["quote_id"]) == ["art-1#q0"]
    assert quotes.iloc[0]["speaker_id"] == "person:vladimir-putin"
    assert bool(quotes.iloc[0]["direct"]) is True
    assert quotes.iloc[0]["addressee_id"] == "state:ARM"
    assert len(store.quotes(speaker="RUS")) == 1
    assert store.quotes(speaker="ARM").empty

    actors = store.actors().set_index("actor_id")
    assert actors.index.is_unique
    assert actors.loc["state:ARM", "mentions"] == 1
    assert actors.loc["person:vladimir-putin", "events_as_actor"] == 1
    assert actors.loc["igo:CSTO", "events_as_recipient"] == 1
    assert actors.loc["igo:CSTO", "events_as_actor"] == 0
    store.add_article(sample_article("art-2", ARTICLE_TEXT + " More."))
    assert store.actors().set_index("actor_id").loc["state:ARM", "articles"] == 2


def test_articles_listing(store: Store):
    articles = store.articles()
    assert list(articles.columns) == [
        "article_id", "title", "date", "url", "source", "n_events", "n_quotes", "ingested_at",
    ]  # fmt: skip
    row = articles.iloc[0]
    assert (row["article_id"], row["source"], row["n_events"], row["n_quotes"]) == ("art-1", "feed.xml", 3, 1)


def test_rejections_are_stored_once_per_source_and_reason(store: Store):
    store.add_rejection("bad.html", "no body text found", item_id="bad", sample="<html></html>")
    store.add_rejection("bad.html", "no body text found", item_id="bad", sample="<html></html>")
    store.add_rejection("bad.html", "not UTF-8")
    store.add_rejection("feed.xml", "no body text found")
    rejects = store.rejects()
    assert len(rejects) == 3
    first = rejects[(rejects["source"] == "bad.html") & (rejects["reason"] == "no body text found")].iloc[0]
    assert first["sample"] == "<html></html>" and first["item_id"] == "bad"
    with pytest.raises(ValueError, match="reason"):
        store.add_rejection("x.txt", "")


def test_hostile_text_is_stored_verbatim(tmp_path: Path):
    hostile = "'); DROP TABLE events; -- \" [bold red]not markup[/] ? %s %(x)s \\"
    result = ArticleResult(
        id=hostile, title=hostile, date="2024-01-01", text=hostile,
        actors=[Actor(text=hostile, name=hostile, kind="org", start=0, end=len(hostile))],
    )  # fmt: skip
    with open_store(tmp_path / "hostile.db") as opened:
        article_id, inserted = opened.add_article(result, source=hostile)
        opened.add_rejection(hostile, hostile, sample=hostile)
        assert (article_id, inserted) == (hostile, True)
        stored = opened.article(hostile)
        assert stored["text"] == hostile and stored["title"] == hostile
        assert stored["actors"][0]["name"] == hostile
        assert opened.rejects().iloc[0]["reason"] == hostile
        assert opened.events().empty  # the table is still there
        assert opened.actors().iloc[0]["name"] == hostile


def test_bad_articles_are_refused_with_a_clear_error(store: Store):
    broken = sample_article("broken", ARTICLE_TEXT + " Broken.")
    broken.events[0].quote_index = 5
    with pytest.raises(ValueError, match="'broken': event 0 refers to quote 5"):
        store.add_article(broken)
    with pytest.raises(ValueError, match="non-empty"):
        store.add_article(ArticleResult(id="", title=None, date=None, text="x"))
    assert store.article("broken") is None  # nothing half-written


def test_unreadable_database_file_gives_a_store_error(tmp_path: Path):
    not_a_db = tmp_path / "notes.db"
    not_a_db.write_text("this is not a database " * 100)
    with pytest.raises(StoreError, match="notes.db"):
        open_store(not_a_db)
    with pytest.raises(StoreError, match="no blocwatch database"):
        open_store(tmp_path / "missing.db", create=False)


def test_database_from_a_newer_blocwatch_is_refused(tmp_path: Path):
    db_path = tmp_path / "future.db"
    open_store(db_path).close()
    connection = sqlite3.connect(db_path)
    connection.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    connection.commit()
    connection.close()
    with pytest.raises(StoreError, match="schema version 99"):
        open_store(db_path)


def test_deleting_an_article_lets_a_re_extraction_in(store: Store):
    assert store.delete_article("art-1") is True
    assert store.stats()["articles"] == store.stats()["events"] == store.stats()["actor_mentions"] == 0
    assert store.quotes().empty
    assert store.delete_article("art-1") is False
    assert store.add_article(sample_article()) == ("art-1", True)


def test_postgres_url_without_driver_says_how_to_install(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def refuse_psycopg(name, *args, **kwargs):
        if name == "psycopg":
            raise ImportError("no psycopg")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", refuse_psycopg)
    with pytest.raises(StoreError, match=r"pip install 'blocwatch\[postgres\]'") as raised:
        open_store("postgresql://user:secret@localhost/blocwatch")
    assert "secret" not in str(raised.value)


def test_thousand_articles_go_in(tmp_path: Path):
    # Bulk behaviour rather than timing: many articles, each in its own transaction, all retrievable.
    with open_store(tmp_path / "bulk.db") as opened:
        for n in range(200):
            opened.add_article(sample_article(f"bulk-{n}", f"{ARTICLE_TEXT} Item {n}."))
        assert opened.stats()["events"] == 600
        assert len(opened.events(actor="RUS", since="2023-10")) == 200


@pytest.mark.skipif(
    not os.environ.get("BLOCWATCH_TEST_PG_URL"), reason="set BLOCWATCH_TEST_PG_URL to test PostgreSQL"
)
def test_postgres_round_trip():
    pytest.importorskip("psycopg")
    with open_store(os.environ["BLOCWATCH_TEST_PG_URL"]) as opened:
        assert opened.backend == "postgresql"
        article_id = f"pg-{uuid.uuid4().hex}"
        text = f"{ARTICLE_TEXT} {article_id}"
        assert opened.add_article(sample_article(article_id, text)) == (article_id, True)
        assert opened.add_article(sample_article(article_id, text)) == (article_id, False)
        assert opened.article(article_id)["events"] == sample_article(article_id, text).to_dict()["events"]
        assert opened.article(article_id)["quotes"] == sample_article(article_id, text).to_dict()["quotes"]
        mine = opened.events(article_id=article_id)
        assert list(mine.columns) == list(EVENT_TABLE_COLUMNS)
        assert list(opened.events(article_id=article_id, actor="csto", since="2023-09")["type"]) == []
        assert list(opened.events(article_id=article_id, recipient="csto", since="2023-09")["type"]) == [
            "DISAPPROVE"
        ]
        assert list(opened.events(article_id=article_id, since="2023-10")["type"]) == ["CONSULT"]
        assert len(opened.events(article_id=article_id, limit=2)) == 2
        assert opened.actors().set_index("actor_id").loc["igo:CSTO", "events_as_recipient"] >= 1
        assert opened.quotes(article_id=article_id).iloc[0]["speaker_id"] == "person:vladimir-putin"
        assert bool(opened.quotes(article_id=article_id).iloc[0]["direct"]) is True
        assert opened.delete_article(article_id) is True
        assert opened.article(article_id) is None
        opened.add_rejection(article_id, "test reason")
        opened.add_rejection(article_id, "test reason")
        assert (opened.rejects()["source"] == article_id).sum() == 1


# ---- CLI -----------------------------------------------------------------------------------------------------


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    path = tmp_path / "cli.db"
    with open_store(path) as opened:
        opened.add_article(sample_article(), source="feed.xml")
        prefix = "[bold]Armenia[/bold] \\ [link=http://x]click[/link] "
        hostile = sample_article("hostile", prefix + ARTICLE_TEXT)
        for e in hostile.events:
            e.start, e.end = e.start + len(prefix), e.end + len(prefix)
        opened.add_article(hostile)
        opened.add_rejection("empty.txt", "empty document", item_id="empty")
    return path


def run(args: list[str], db: Path):
    result = CliRunner().invoke(main, [*args, "--db", str(db)], catch_exceptions=False)
    return result


def test_cli_events_table_jsonl_and_csv(db_file: Path):
    table = run(["events", "--actor", "ARM"], db_file)
    assert table.exit_code == 0, table.output
    assert "→" in table.output and "DISAPPROVE" in table.output and "CONSULT" not in table.output

    jsonl = run(["events", "--actor", "RUS", "--since", "2023-10", "--format", "jsonl"], db_file)
    records = [json.loads(line) for line in jsonl.output.splitlines()]
    assert [r["type"] for r in records] == ["CONSULT", "CONSULT"]
    assert set(records[0]) == set(EVENT_TABLE_COLUMNS)
    assert records[0]["quad"] == 1

    csv_out = run(["events", "--type", "AGREE", "--limit", "1", "--format", "csv"], db_file)
    lines = csv_out.output.splitlines()
    assert lines[0].split(",")[:3] == ["event_id", "article_id", "article_date"]
    assert len(lines) == 2


def test_cli_events_reports_bad_dates(db_file: Path):
    result = CliRunner().invoke(main, ["events", "--since", "last week", "--db", str(db_file)])
    assert result.exit_code != 0
    assert "since date 'last week'" in result.output


def test_cli_show_highlights_evidence_and_escapes_markup(db_file: Path):
    result = run(["show", "hostile"], db_file)
    assert result.exit_code == 0, result.output
    # The article's own brackets are printed, not interpreted.
    assert "[bold]Armenia[/bold]" in result.output
    assert "[link=http://x]click[/link]" in result.output
    assert "⟨e0⟩" in result.output and "⟨e2⟩" in result.output
    assert "outside the text" not in result.output
    assert "quotes (1)" in result.output and "actor mentions (5)" in result.output
    missing = CliRunner().invoke(main, ["show", "nope", "--db", str(db_file)])
    assert missing.exit_code == 1 and "no article with id 'nope'" in missing.output


def test_cli_rejects_and_articles(db_file: Path):
    rejects = run(["rejects", "--format", "jsonl"], db_file)
    assert [json.loads(line)["reason"] for line in rejects.output.splitlines()] == ["empty document"]
    assert "empty document" in run(["rejects"], db_file).output
    articles = run(["articles", "--format", "csv"], db_file)
    assert {line.split(",")[0] for line in articles.output.splitlines()[1:]} == {"art-1", "hostile"}


def test_cli_refuses_a_missing_database(tmp_path: Path):
    result = CliRunner().invoke(main, ["events", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 1
    assert "no blocwatch database" in result.output
    assert not (tmp_path / "missing.db").exists()


def test_cli_db_option_reads_environment(db_file: Path):
    result = CliRunner().invoke(main, ["articles", "--format", "jsonl"], env={"BLOCWATCH_DB": str(db_file)})
    assert result.exit_code == 0, result.output
    assert len(result.output.splitlines()) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Before [b]Armenia protested[/b] after",
        "Backslash right before the span \\Armenia protested\\ end",
        "Closing tag inside [/]Armenia protested[/] and [link=javascript:x]y[/link]",
    ],
)
def test_highlighted_body_marks_exactly_the_evidence(text: str):
    from rich.text import Text

    from blocwatch.cli.store_cmds import highlighted_body

    start = text.index("Armenia protested")
    end = start + len("Armenia protested")
    markup, misplaced = highlighted_body(text, [{"start": start, "end": end}, {"start": 5, "end": 999}])
    rendered = Text.from_markup(markup)
    assert misplaced == 1
    assert rendered.plain == text[:end] + "⟨e0⟩" + text[end:]
    [highlight] = [span for span in rendered.spans if "yellow" in str(span.style)]
    assert rendered.plain[highlight.start : highlight.end] == "Armenia protested"
