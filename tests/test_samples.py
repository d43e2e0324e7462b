"""The bundled sample corpus: shape, dates, boilerplate, and the storyline the demo relies on."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from blocwatch.samples import (
    ARTICLES_PATH,
    DUPLICATE_COVERAGE_IDS,
    FILES_DIR,
    SAMPLES_DIR,
    load_articles,
    sample_paths,
)

FIRST_DAY = dt.date(2022, 1, 1)
LAST_DAY = dt.date(2025, 12, 31)
BOILERPLATE_LINE = re.compile(r"^(keep reading|read more:?|related|subscribe to our newsletter\b.*)$", re.IGNORECASE)
DATELINE = re.compile(r"^[A-Z][A-Z./ -]+[A-Z](,| \(| —| -)")
MONTHS = {"jan": 1, "feb": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "aug": 8, "sept": 9,
          "oct": 10, "nov": 11, "dec": 12}
SHARED_SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "000_0f902c55c66fdec3.txt"


@pytest.fixture(scope="module")
def articles() -> list[dict]:
    return load_articles()


@pytest.fixture(scope="module")
def text_files() -> list[Path]:
    return sorted(FILES_DIR.glob("*.txt"))


@pytest.fixture(scope="module")
def html_files() -> list[Path]:
    return sorted(FILES_DIR.glob("*.html"))


def _visible_text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _dateline_date(body: str) -> dt.date:
    """The date in a scraped page's dateline, e.g. 'MINSK, Oct. 10, 2022 —'."""
    match = re.search(r"\b([A-Z][a-z]+)\.? (\d{1,2}), (20\d\d)\b", body)
    assert match, f"no dateline date in {body[:80]!r}"
    return dt.date(int(match.group(3)), MONTHS[match.group(1).lower()], int(match.group(2)))


def _html_published(html: str) -> dt.date:
    match = re.search(r'<meta property="article:published_time" content="([^"]+)"', html)
    assert match, "no article:published_time meta"
    return dt.datetime.fromisoformat(match.group(1)).date()


def _all_bodies(articles: list[dict], text_files: list[Path], html_files: list[Path]) -> list[str]:
    return (
        [a["text"] for a in articles]
        + [p.read_text(encoding="utf-8") for p in text_files]
        + [_visible_text(p.read_text(encoding="utf-8")) for p in html_files]
    )


def test_corpus_has_enough_articles_with_unique_ids(articles, text_files, html_files):
    assert len(articles) + len(text_files) + len(html_files) >= 36
    assert len(text_files) == 4
    assert len(html_files) == 2
    ids = [a["id"] for a in articles]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"sample-\d{3}", i) for i in ids)


def test_sample_paths_lists_the_jsonl_first_and_then_every_file(text_files, html_files):
    paths = sample_paths()
    assert paths[0] == ARTICLES_PATH
    assert set(paths[1:]) == set(text_files) | set(html_files)
    assert all(p.is_file() and p.parent.is_relative_to(SAMPLES_DIR) for p in paths)


def test_jsonl_dates_parse_and_lie_in_2022_to_2025(articles):
    dates = [dt.date.fromisoformat(a["date"]) for a in articles]
    assert all(FIRST_DAY <= d <= LAST_DAY for d in dates)
    assert {d.year for d in dates} == {2022, 2023, 2024, 2025}


def test_standalone_files_carry_dates_in_range(text_files, html_files):
    for path in text_files:
        assert FIRST_DAY <= _dateline_date(path.read_text(encoding="utf-8")) <= LAST_DAY, path.name
    for path in html_files:
        html = path.read_text(encoding="utf-8")
        published = _html_published(html)
        assert FIRST_DAY <= published <= LAST_DAY, path.name
        assert published == _dateline_date(_visible_text(html)), path.name


def test_html_files_are_full_pages_with_article_body(html_files):
    for path in html_files:
        html = path.read_text(encoding="utf-8")
        for part in ("<title>", "<nav", "<header", "<footer", "<aside", "<article>", "Related"):
            assert part in html, f"{path.name} lacks {part}"
        body = re.search(r"<article>(.*)</article>", html, re.DOTALL)
        assert body and body.group(1).count("<p") >= 4, path.name


def test_every_article_is_long_enough_and_starts_with_a_dateline(articles, text_files):
    for article in articles:
        assert len(article["text"].split()) >= 80, article["id"]
        assert DATELINE.match(article["text"]), article["id"]
        assert not article["text"].startswith(article["title"]), article["id"]
        assert article["url"].startswith("https://example."), article["id"]
    for path in text_files:
        title, body = path.read_text(encoding="utf-8").split("\n", 1)
        assert title.strip() and len(body.split()) >= 80, path.name
        assert DATELINE.match(body), path.name


def test_boilerplate_marker_lines_appear_in_at_least_six_articles(articles, text_files, html_files):
    bodies = _all_bodies(articles, text_files, html_files)
    with_line_marker = [b for b in bodies[: len(articles) + len(text_files)]
                        if any(BOILERPLATE_LINE.match(line.strip()) for line in b.splitlines())]
    assert len(with_line_marker) >= 6
    # every scraped text page carries a teaser block so that the clean stage is exercised on each of them
    for path in text_files:
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        assert any(BOILERPLATE_LINE.match(line) for line in lines), path.name


def test_duplicate_coverage_is_one_event_told_three_ways(articles):
    by_id = {a["id"]: a for a in articles}
    duplicates = [by_id[i] for i in DUPLICATE_COVERAGE_IDS]
    assert len(duplicates) == 3
    assert len({a["date"] for a in duplicates}) == 1
    assert len({a["outlet"] for a in duplicates}) == 3
    assert len({a["title"] for a in duplicates}) == 3
    for article in duplicates:
        assert _is_about_armenia_and_csto(article["text"]) and "minsk" in article["text"].lower()
    # Different wording: no two share a long run of words.
    shingles = [_shingles(a["text"], 8) for a in duplicates]
    assert not (shingles[0] & shingles[1]) and not (shingles[0] & shingles[2]) and not (shingles[1] & shingles[2])


def _is_about_armenia_and_csto(text: str) -> bool:
    return "Armenia" in text and ("CSTO" in text or "Collective Security Treaty Organization" in text)


def test_armenia_csto_articles_in_every_quarter_of_2023(articles):
    quarters = Counter(
        (int(a["date"][5:7]) - 1) // 3 + 1
        for a in articles
        if a["date"].startswith("2023") and _is_about_armenia_and_csto(a["text"])
    )
    assert set(quarters) == {1, 2, 3, 4}
    assert all(count >= 2 for count in quarters.values()), quarters


def test_armenia_drift_is_told_with_explicit_event_language(articles):
    drift_text = " ".join(a["text"] for a in articles if _is_about_armenia_and_csto(a["text"]))
    for phrase in ("refused to host", "skipped", "boycotted", "frozen", "We will leave", "did not attend"):
        assert phrase in drift_text, phrase


def test_kazakhstan_and_belarus_appear_as_steady_csto_members_across_years(articles):
    steady = [
        a for a in articles
        if ("Kazakh" in a["text"] or "Belarus" in a["text"])
        and ("CSTO" in a["text"] or "Collective Security Treaty Organization" in a["text"] or "Union State" in a["text"])
        and "Armenia" not in a["title"]
    ]
    assert len(steady) >= 6
    assert {a["date"][:4] for a in steady} == {"2022", "2023", "2024", "2025"}


def test_recurring_people_are_named_in_varied_ways(articles):
    corpus = "\n".join(a["text"] for a in articles)
    assert sum("Pashinyan" in a["text"] for a in articles) >= 20
    assert "Prime Minister Nikol Pashinyan" in corpus
    assert "Sergei Lavrov" in corpus and "Sergey Lavrov" in corpus
    assert "Alexander Lukashenko" in corpus and "Aleksandr Lukashenko" in corpus
    assert "Kremlin spokesman Dmitry Peskov" in corpus


def test_load_articles_names_file_and_line_of_bad_input(tmp_path):
    good = json.dumps({"id": "x", "title": "t", "date": "2023-01-01", "outlet": "o", "url": "u", "text": "b"})
    bad_json = tmp_path / "broken.jsonl"
    bad_json.write_text(good + "\n{not json\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"broken\.jsonl line 2: not valid JSON"):
        load_articles(bad_json)
    missing_text = tmp_path / "missing.jsonl"
    missing_text.write_text(json.dumps({"id": "x", "title": "t", "date": "d", "outlet": "o", "url": "u"}) + "\n")
    with pytest.raises(ValueError, match=r"missing\.jsonl line 1: missing or empty field\(s\) text"):
        load_articles(missing_text)
    not_object = tmp_path / "list.jsonl"
    not_object.write_text("[1, 2]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="expected a JSON object"):
        load_articles(not_object)


def _shingles(text: str, size: int) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9']+", text.lower())
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def test_no_long_passage_is_taken_from_the_seed_article(articles, text_files, html_files):
    if not SHARED_SEED.exists():
        pytest.skip(f"{SHARED_SEED} is not available")
    seed_shingles = _shingles(SHARED_SEED.read_text(encoding="utf-8"), 8)
    for body in _all_bodies(articles, text_files, html_files):
        shared = _shingles(body, 8) & seed_shingles
        assert not shared, sorted(shared)[:3]
