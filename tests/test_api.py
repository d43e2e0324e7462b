"""The REST API and the dashboard it serves, on a temporary store filled with hand-built extraction results."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from blocwatch import config
from blocwatch.api import DASHBOARD_DIR, ExtractRequest, create_app
from blocwatch.records import Actor, ArticleResult, Event, Quote
from blocwatch.store import open_store

# ---- hand-built articles ------------------------------------------------------------------------------------

YEREVAN_TEXT = (
    "Armenia has frozen its participation in the CSTO, Prime Minister Nikol Pashinyan said on Friday. "
    "Pashinyan criticised Russia for failing to protect Armenia. "
    "Armenia and France signed a defence agreement in Paris."
)
MOSCOW_TEXT = (
    "<script>alert('x')</script> Moscow, March 10. "
    'Foreign Minister Sergei Lavrov said: "Russia will hold talks with Armenia next month." '
    "Russia did not attend the meeting."
)
HOSTILE_TITLE = "<img src=x onerror=alert(1)> Lavrov on Armenia"


def span_of(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def state(text: str, article: str, code: str, name: str, *, occurrence_of: str | None = None) -> Actor:
    start, end = span_of(article, occurrence_of or text)
    start += (occurrence_of or text).index(text)
    return Actor(text=text, name=name, kind="state", country=code, start=start, end=start + len(text),
                 actor_id=f"state:{code}", resolved_by="kb")  # fmt: skip


def person(text: str, article: str, name: str, country: str, role: str) -> Actor:
    start, end = span_of(article, text)
    slug = name.lower().replace(" ", "-")
    return Actor(text=text, name=name, kind="person", country=country, sector="GOV", start=start, end=end,
                 actor_id=f"person:{slug}", role=role, resolved_by="both")  # fmt: skip


def csto(article: str) -> Actor:
    start, end = span_of(article, "CSTO")
    return Actor(text="CSTO", name="Collective Security Treaty Organization", kind="igo", org="CSTO",
                 start=start, end=end, actor_id="igo:CSTO", resolved_by="kb")  # fmt: skip


def coded(article: str, sentence: str, sentence_index: int, actor: Actor | None, recipient: Actor | None,
          type_: str, cameo: str, quad: int, goldstein: float, **extra) -> Event:  # fmt: skip
    start, end = span_of(article, sentence)
    fields = dict(
        actor=actor, recipient=recipient, type=type_, mode=None, cameo=cameo, quad=quad, intensity=goldstein,
        goldstein=goldstein, modality="asserted", date=None, date_precision=None, sentence_index=sentence_index,
        start=start, end=end, evidence=sentence, confidence=0.8,
    )  # fmt: skip
    fields.update(extra)
    return Event(**fields)


def yerevan_article() -> ArticleResult:
    t = YEREVAN_TEXT
    first = "Armenia has frozen its participation in the CSTO, Prime Minister Nikol Pashinyan said on Friday."
    second = "Pashinyan criticised Russia for failing to protect Armenia."
    third = "Armenia and France signed a defence agreement in Paris."
    pashinyan = person("Nikol Pashinyan", t, "Nikol Pashinyan", "ARM", "prime minister")
    events = [
        coded(t, first, 0, state("Armenia", t, "ARM", "Armenia"), csto(t), "SANCTION", "161", 4, -4.0,
              date="2024-02-23", date_precision="day", mode="withdraw"),
        coded(t, second, 1, pashinyan, state("Russia", t, "RUS", "Russia"), "ACCUSE", "111", 3, -2.0,
              date="2024-02-23", date_precision="day"),
        coded(t, third, 2, state("Armenia", t, "ARM", "Armenia", occurrence_of=third),
              state("France", t, "FRA", "France"), "SUPPORT", "057", 1, 8.0, date="2024-02", date_precision="month"),
    ]  # fmt: skip
    return ArticleResult(
        id="yerevan-1", title="Armenia freezes CSTO participation", date="2024-02-24", text=t, events=events,
        actors=[state("Armenia", t, "ARM", "Armenia"), csto(t), pashinyan, state("Russia", t, "RUS", "Russia")],
        url="https://example.org/yerevan",
    )  # fmt: skip


def moscow_article() -> ArticleResult:
    t = MOSCOW_TEXT
    said = 'Foreign Minister Sergei Lavrov said: "Russia will hold talks with Armenia next month."'
    quoted = "Russia will hold talks with Armenia next month."
    absent = "Russia did not attend the meeting."
    lavrov = person("Sergei Lavrov", t, "Sergei Lavrov", "RUS", "foreign minister")
    quote_start, quote_end = span_of(t, quoted)
    quote = Quote(text=quoted, start=quote_start, end=quote_end, direct=True, cue="said", speaker=lavrov,
                  speaker_start=lavrov.start, speaker_end=lavrov.end, speaker_text="Sergei Lavrov",
                  sentence_index=1)  # fmt: skip
    events = [
        coded(t, said, 1, state("Russia", t, "RUS", "Russia", occurrence_of=quoted),
              state("Armenia", t, "ARM", "Armenia", occurrence_of=quoted), "CONSULT", "040", 1, 1.0,
              modality="future", date="2024-04", date_precision="month", quote_index=0),
        coded(t, absent, 2, state("Russia", t, "RUS", "Russia", occurrence_of=absent), None, "CONSULT", "040", 1,
              1.0, modality="negated", date="2024-03-10", date_precision="day"),
    ]  # fmt: skip
    return ArticleResult(id="moscow-1", title=HOSTILE_TITLE, date="2024-03-10", text=t, events=events,
                         quotes=[quote], actors=[lavrov])  # fmt: skip


def quiet_year_article() -> ArticleResult:
    """One unrelated event a year earlier, so that Armenia has quiet quarters to be compared with."""
    t = "Kazakhstan and China held talks in Astana."
    events = [coded(t, t, 0, state("Kazakhstan", t, "KAZ", "Kazakhstan"), state("China", t, "CHN", "China"),
                    "CONSULT", "040", 1, 1.0, date="2023-02-10", date_precision="day")]  # fmt: skip
    return ArticleResult(id="astana-1", title="Astana talks", date="2023-02-10", text=t, events=events)


def stub_extractor(request: ExtractRequest) -> ArticleResult:
    """Stands in for the spaCy pipeline: one actor per capitalised country name it knows, no events."""
    known = {"Armenia": "ARM", "Russia": "RUS", "France": "FRA"}
    actors = [
        state(word, request.text, code, word, occurrence_of=None)
        for word, code in known.items()
        if re.search(rf"\b{word}\b", request.text)
    ]
    return ArticleResult(id=request.id or "article", title=request.title, date=request.date, text=request.text,
                         actors=actors, url=request.url)  # fmt: skip


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "api.db"
    with open_store(path) as store:
        store.add_article(yerevan_article(), source="tests/yerevan.txt")
        store.add_article(moscow_article(), source="tests/moscow.txt")
        store.add_rejection("tests/empty.html", "no body text found", item_id="empty")
    return path


@pytest.fixture
def client(db_path: Path):
    with TestClient(create_app(db_path, extractor=stub_extractor)) as test_client:
        yield test_client


# ---- reading ------------------------------------------------------------------------------------------------


def test_health_and_stats(client: TestClient) -> None:
    health = client.get("/api/health").json()
    assert health["status"] == "ok"
    assert health["backend"] == "sqlite"
    assert isinstance(health["analytics"], bool)
    stats = client.get("/api/stats").json()
    assert (stats["articles"], stats["events"], stats["quotes"], stats["rejects"]) == (2, 5, 1, 1)
    assert stats["first_event_date"] == "2024-02"
    assert stats["last_event_date"] == "2024-04"


def test_event_rows_carry_their_evidence_and_offsets(client: TestClient) -> None:
    rows = client.get("/api/events").json()
    assert len(rows) == 5
    texts = {"yerevan-1": YEREVAN_TEXT, "moscow-1": MOSCOW_TEXT}
    for row in rows:
        assert row["event_id"].startswith(row["article_id"] + "#e")
        assert texts[row["article_id"]][row["start"] : row["end"]] == row["evidence"]
        assert isinstance(row["sentence_index"], int)
    # Date order, with an event without a recipient still present and its recipient fields null.
    assert [r["date"] for r in rows] == ["2024-02", "2024-02-23", "2024-02-23", "2024-03-10", "2024-04"]
    absent = next(r for r in rows if r["modality"] == "negated")
    assert absent["recipient_id"] is None and absent["goldstein"] == 1.0


@pytest.mark.parametrize(
    ("query", "expected_ids"),
    [
        ("actor=ARM", {"yerevan-1#e0", "yerevan-1#e1", "yerevan-1#e2"}),
        ("actor=ARM&recipient=RUS", {"yerevan-1#e1"}),
        ("actor=person:nikol-pashinyan", {"yerevan-1#e1"}),
        ("recipient=csto", {"yerevan-1#e0"}),
        ("actor=FRA&actor=RUS", {"moscow-1#e0", "moscow-1#e1"}),
        ("type=CONSULT", {"moscow-1#e0", "moscow-1#e1"}),
        ("type=16", {"yerevan-1#e0"}),
        ("modality=future", {"moscow-1#e0"}),
        ("since=2024-03", {"moscow-1#e0", "moscow-1#e1"}),
        ("until=2024-02-23", {"yerevan-1#e0", "yerevan-1#e1", "yerevan-1#e2"}),
        ("since=2024-02-24&until=2024-03-31", {"yerevan-1#e2", "moscow-1#e1"}),
        ("article_id=moscow-1", {"moscow-1#e0", "moscow-1#e1"}),
        ("actor=NOWHERE", set()),
    ],
)
def test_event_filters(client: TestClient, query: str, expected_ids: set[str]) -> None:
    response = client.get(f"/api/events?{query}")
    assert response.status_code == 200, response.text
    assert {row["event_id"] for row in response.json()} == expected_ids


def test_event_paging(client: TestClient) -> None:
    everything = [row["event_id"] for row in client.get("/api/events").json()]
    first = [row["event_id"] for row in client.get("/api/events?limit=2").json()]
    second = [row["event_id"] for row in client.get("/api/events?limit=2&offset=2").json()]
    last = [row["event_id"] for row in client.get("/api/events?limit=2&offset=4").json()]
    assert first + second + last == everything
    assert len(last) == 1


@pytest.mark.parametrize(
    ("query", "named"),
    [
        ("since=last-week", "since"),
        ("until=2024-13", "until"),
        ("limit=0", "limit"),
        ("limit=abc", "limit"),
        ("offset=-1", "offset"),
        ("actor=%20", "actor"),
    ],
)
def test_bad_event_queries_are_422_naming_the_parameter(client: TestClient, query: str, named: str) -> None:
    response = client.get(f"/api/events?{query}")
    assert response.status_code == 422
    assert named in response.json()["detail"]


def test_articles_and_one_article(client: TestClient) -> None:
    listing = client.get("/api/articles").json()
    assert {a["article_id"]: a["n_events"] for a in listing} == {"yerevan-1": 3, "moscow-1": 2}
    article = client.get("/api/articles/moscow-1").json()
    assert article["text"] == MOSCOW_TEXT
    assert article["title"] == HOSTILE_TITLE
    assert [e["event_id"] for e in article["events"]] == ["moscow-1#e0", "moscow-1#e1"]
    assert article["events"][0]["quote_index"] == 0
    assert article["quotes"][0]["speaker"]["id"] == "person:sergei-lavrov"
    assert article["actors"][0]["role"] == "foreign minister"


def test_unknown_article_is_404_naming_it(client: TestClient) -> None:
    response = client.get("/api/articles/no-such-article")
    assert response.status_code == 404
    assert "no-such-article" in response.json()["detail"]


def test_untrusted_text_comes_back_as_json_data(client: TestClient) -> None:
    response = client.get("/api/articles/moscow-1")
    assert response.headers["content-type"].startswith("application/json")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert json.loads(response.text)["text"].startswith("<script>alert('x')</script>")


def test_quotes_actors_rejects(client: TestClient) -> None:
    quotes = client.get("/api/quotes?speaker=Sergei%20Lavrov").json()
    assert [q["quote_id"] for q in quotes] == ["moscow-1#q0"]
    assert quotes[0]["direct"] is True
    assert client.get("/api/quotes?speaker=nobody").json() == []
    actors = client.get("/api/actors").json()
    by_id = {a["actor_id"]: a for a in actors}
    assert by_id["state:ARM"]["events_as_actor"] == 2
    assert by_id["person:nikol-pashinyan"]["events_as_actor"] == 1
    people = client.get("/api/actors?kind=person").json()
    assert {a["actor_id"] for a in people} == {"person:nikol-pashinyan", "person:sergei-lavrov"}
    rejects = client.get("/api/rejects").json()
    assert [(r["source"], r["reason"]) for r in rejects] == [("tests/empty.html", "no body text found")]


# ---- alliances, relations, alerts ---------------------------------------------------------------------------


def test_alliances_list(client: TestClient) -> None:
    alliances = {a["code"]: a for a in client.get("/api/alliances?on=2024-03-01").json()}
    assert "ARM" in alliances["CSTO"]["members"]  # frozen members are still bound by the treaty
    assert "AZE" not in alliances["CSTO"]["members"]
    assert alliances["CSTO"]["leader"] == "RUS"


def test_alliance_detail_gives_status_and_history(client: TestClient) -> None:
    detail = client.get("/api/alliances/csto?on=2024-03-01").json()
    assert detail["code"] == "CSTO" and detail["on"] == "2024-03-01"
    standing = {row["member"]: row for row in detail["standing"]}
    assert standing["ARM"]["status"] == "frozen"
    assert standing["ARM"]["since"] == "2024-02-23"
    assert standing["RUS"]["status"] == "member"
    assert standing["AZE"]["status"] == "withdrawn"
    assert any(c["member"] == "UZB" and c["status"] == "suspended" for c in detail["history"])
    earlier = client.get("/api/alliances/CSTO?on=2020-01-01").json()
    assert {row["member"]: row["status"] for row in earlier["standing"]}["ARM"] == "member"


def test_relations_give_both_directions_per_period(client: TestClient) -> None:
    response = client.get("/api/relations?a=ARM&b=RUS&freq=month")
    assert response.status_code == 200, response.text
    relation = response.json()
    assert "goldstein_mean" in relation["metrics"] and "events" in relation["metrics"]
    periods = [row["period"] for row in relation["series"]]
    assert periods[:2] == ["2024-02", "2024-03"]
    assert (
        [row["period"] for row in relation["forward"]]
        == periods
        == [r["period"] for r in relation["backward"]]
    )
    forward = {row["period"]: row for row in relation["forward"]}
    # Pashinyan criticised Russia: one verbal conflict from Armenia's side in February.
    assert (forward["2024-02"]["events"], forward["2024-02"]["verbal_conflict"]) == (1, 1)
    assert forward["2024-02"]["goldstein_sum"] == -2.0
    # Russia only promised talks and did not attend a meeting: no asserted event towards Armenia.
    assert sum(row["events"] for row in relation["backward"]) == 0
    assert sum(row["events"] for row in relation["series"]) == 1
    quarters = client.get("/api/relations?a=ARM&b=RUS&freq=quarter").json()
    assert quarters["series"][0]["period"] == "2024-Q1" and quarters["series"][0]["events"] == 1


def test_relations_reject_bad_input(client: TestClient) -> None:
    assert "freq" in client.get("/api/relations?a=ARM&b=RUS&freq=fortnight").json()["detail"]
    assert client.get("/api/relations?a=ARM").status_code == 422
    assert "since" in client.get("/api/relations?a=ARM&b=RUS&since=2024-99").json()["detail"]


def test_alliance_detail_has_drift_per_member(client: TestClient) -> None:
    detail = client.get("/api/alliances/CSTO?on=2024-03-31").json()
    assert detail["analytics_problem"] is None
    assert {"tone_gap", "boycotts", "accusations", "rival_deals", "drift"} <= set(detail["drift_components"])
    armenia = next(row for row in detail["standing"] if row["member"] == "ARM")
    belarus = next(row for row in detail["standing"] if row["member"] == "BLR")
    # Freezing participation (CAMEO 161 towards the CSTO), criticising Russia and an agreement with France.
    assert armenia["drift"]["boycotts"] > 0 and armenia["drift"]["accusations"] > 0
    assert armenia["drift"]["rival_deals"] > 0
    assert armenia["drift"]["drift"] > belarus["drift"]["drift"] == 0
    series = [row for row in detail["drift_series"] if row["member"] == "ARM"]
    assert [row["period"] for row in series] == ["2024-Q1"]
    assert [row["most_drifting"] for row in detail["cohesion"]] == ["ARM"]


def test_alliance_errors(client: TestClient) -> None:
    unknown = client.get("/api/alliances/NOPE")
    assert unknown.status_code == 404 and "NOPE" in unknown.json()["detail"]
    bad_day = client.get("/api/alliances/CSTO?on=March")
    assert bad_day.status_code == 422 and "on" in bad_day.json()["detail"]


def test_alerts_carry_located_evidence(tmp_path: Path) -> None:
    path = tmp_path / "alerts.db"
    with open_store(path) as store:
        for article in (quiet_year_article(), yerevan_article(), moscow_article()):
            store.add_article(article)
    with TestClient(create_app(path, extractor=stub_extractor)) as alerting:
        alerts = alerting.get("/api/alerts").json()
        drift = [a for a in alerts if a["kind"] == "drift"]
        assert [a["subject"] for a in drift] == ["CSTO:ARM"]
        assert drift[0]["period"] == "2024-Q1" and drift[0]["value"] > drift[0]["baseline"]
        texts = {"yerevan-1": YEREVAN_TEXT, "moscow-1": MOSCOW_TEXT}
        assert drift[0]["evidence"]
        for record in drift[0]["evidence"]:
            assert texts[record["article_id"]][record["start"] : record["end"]] == record["evidence"]
            assert record["event_id"].startswith(record["article_id"] + "#e")
        assert alerting.get("/api/alerts?since=2024-04").json() == []
        assert alerting.get("/api/alerts?alliance=NATO&dyads=false").json() == []
        unknown = alerting.get("/api/alerts?alliance=NOPE")
        assert unknown.status_code == 404 and "NOPE" in unknown.json()["detail"]


def test_without_analytics_the_registry_still_answers(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from blocwatch.api import analytics_routes

    monkeypatch.setattr(analytics_routes, "ANALYTICS_MODULE", "blocwatch.no_such_analytics")
    for url in ("/api/relations?a=ARM&b=RUS", "/api/alerts"):
        response = client.get(url)
        assert response.status_code == 503
        assert response.json()["detail"].startswith("analytics not available: blocwatch.no_such_analytics")
    detail = client.get("/api/alliances/CSTO?on=2024-03-01").json()
    assert "no_such_analytics" in detail["analytics_problem"]
    assert {row["member"]: row["status"] for row in detail["standing"]}["ARM"] == "frozen"
    assert all(row["drift"] is None for row in detail["standing"]) and detail["drift_series"] == []
    health = client.get("/api/health").json()
    assert health["analytics"] is False and "no_such_analytics" in health["analytics_problem"]
    assert client.get("/api/events?actor=ARM").status_code == 200


# ---- writing ------------------------------------------------------------------------------------------------


def test_extract_returns_the_contract_without_storing(client: TestClient) -> None:
    body = {"text": "Armenia and France met in Paris.", "date": "2024-05-01", "title": "Talks"}
    response = client.post("/api/extract", json=body)
    assert response.status_code == 200, response.text
    result = response.json()
    assert set(result) >= {"id", "title", "date", "events", "quotes", "actors"}
    assert (result["title"], result["date"]) == ("Talks", "2024-05-01")
    assert [a["id"] for a in result["actors"]] == ["state:ARM", "state:FRA"]
    assert client.get("/api/stats").json()["articles"] == 2


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ({"title": "no text"}, "body.text"),
        ({"text": "   \n "}, "text is empty"),
        ({"text": "Armenia.", "date": "24 May 2024"}, "YYYY-MM-DD"),
        ({"text": "Armenia.", "date": "2024-02-30"}, "YYYY-MM-DD"),
        ({"text": 42}, "body.text"),
        ({"text": "Armenia.", "lang": "en"}, "lang"),
        ({"text": "Armenia.", "id": "a b"}, "body.id"),
        ({"text": "Armenia.", "url": "javascript:alert(1)"}, "http"),
    ],
)
def test_bad_extract_input_is_422_with_a_clear_message(client: TestClient, body: dict, named: str) -> None:
    response = client.post("/api/extract", json=body)
    assert response.status_code == 422
    assert named in response.json()["detail"]


def test_malformed_json_is_422(client: TestClient) -> None:
    response = client.post("/api/extract", content=b'{"text": ', headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert "JSON" in response.json()["detail"]


def test_oversized_bodies_are_413(db_path: Path) -> None:
    with TestClient(create_app(db_path, extractor=stub_extractor, max_body_bytes=1_000)) as small:
        text = "Armenia. " * 200
        declared = small.post("/api/extract", json={"text": text})
        assert declared.status_code == 413
        assert "1,000 byte limit" in declared.json()["detail"]

        def chunks():  # no Content-Length: the limit must hold while the body streams in
            for _ in range(20):
                yield b"x" * 100

        streamed = small.post("/api/ingest", content=chunks(), headers={"content-type": "application/json"})
        assert streamed.status_code == 413
        assert small.get("/api/stats").json()["articles"] == 2
        assert small.post("/api/extract", json={"text": "Armenia."}).status_code == 200


def test_default_body_limit_is_the_configured_input_limit(client: TestClient) -> None:
    assert client.app.state.max_body_bytes == config.MAX_INPUT_BYTES
    oversized = b"x" * (config.MAX_INPUT_BYTES + 1)
    response = client.post("/api/extract", content=oversized, headers={"content-type": "application/json"})
    assert response.status_code == 413


def test_ingest_stores_once_and_the_article_can_be_read_back(client: TestClient) -> None:
    body = {"text": "Russia and Armenia met.", "date": "2024-06-01", "title": "Meeting", "id": "meet-1"}
    first = client.post("/api/ingest", json=body)
    assert first.status_code == 201, first.text
    assert first.json() == {"id": "meet-1", "inserted": True, "events": 0, "quotes": 0, "actors": 2}
    again = client.post("/api/ingest", json=body)
    assert again.status_code == 200 and again.json()["inserted"] is False and again.json()["id"] == "meet-1"
    stored = client.get("/api/articles/meet-1").json()
    assert stored["text"] == body["text"] and stored["date"] == "2024-06-01"
    assert client.get("/api/stats").json()["articles"] == 3
    listing = {a["article_id"]: a["source"] for a in client.get("/api/articles").json()}
    assert listing["meet-1"] == "api"
    # Another text under the same id is stored under a suffixed id, which must be readable through its URL.
    other = client.post(
        "/api/ingest", json={**body, "text": "France and Armenia met.", "source": "wire"}
    ).json()
    assert other["inserted"] is True and re.fullmatch(r"meet-1~[0-9a-f]{8}", other["id"])
    assert client.get(f"/api/articles/{other['id']}").json()["text"] == "France and Armenia met."


def test_extract_with_the_real_pipeline(db_path: Path) -> None:
    pytest.importorskip("blocwatch.pipeline")
    with TestClient(create_app(db_path)) as real:
        text = "Armenian Prime Minister Nikol Pashinyan criticised Russia on Tuesday."
        response = real.post("/api/extract", json={"text": text, "date": "2024-02-20"})
        assert response.status_code == 200, response.text
        result = response.json()
        assert result["date"] == "2024-02-20"
        for found in result["events"] + result["actors"]:
            assert 0 <= found["start"] < found["end"] <= len(text)
        assert "Nikol Pashinyan" in {a["name"] for a in result["actors"]}


# ---- dashboard ----------------------------------------------------------------------------------------------


def test_dashboard_is_served_with_a_strict_policy(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    for asset, kind in (("app.js", "javascript"), ("style.css", "text/css")):
        assert f"/static/{asset}" in page.text
        served = client.get(f"/static/{asset}")
        assert served.status_code == 200 and kind in served.headers["content-type"]


def test_dashboard_loads_nothing_from_other_hosts() -> None:
    for path in DASHBOARD_DIR.iterdir():
        content = path.read_text(encoding="utf-8")
        assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", content), path.name
        assert "@import" not in content and "url(http" not in content, path.name
    assert "<script>" not in (DASHBOARD_DIR / "index.html").read_text(encoding="utf-8")  # no inline script


def test_dashboard_javascript_never_parses_html() -> None:
    source = (DASHBOARD_DIR / "app.js").read_text(encoding="utf-8")
    code = "\n".join(line for line in source.splitlines() if not line.lstrip().startswith("//"))
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function",
                 "setTimeout(\"", "createContextualFragment", "DOMParser"):  # fmt: skip
        assert sink not in code, sink


def test_openapi_is_served_and_cdn_docs_are_off(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert {"/api/events", "/api/extract", "/api/relations", "/api/alliances/{code}"} <= set(schema["paths"])
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404


NODE_RENDER_CHECK = r"""
const assert = require("assert");
// A fake document: building nodes works, any HTML parsing throws.
class FakeNode {
  constructor(tag, ns) { this.tag = tag; this.ns = ns; this.attributes = {}; this.children = []; this.listeners = {}; }
  setAttribute(name, value) { this.attributes[name] = String(value); }
  appendChild(child) { if (!(child instanceof FakeNode)) throw new Error("not a node: " + child); this.children.push(child); return child; }
  addEventListener(type, fn) { this.listeners[type] = fn; }
  get textContent() { return this.tag === "#text" ? this.data : this.children.map((c) => c.textContent).join(""); }
  set innerHTML(value) { throw new Error("innerHTML used"); }
  get innerHTML() { throw new Error("innerHTML used"); }
  insertAdjacentHTML() { throw new Error("insertAdjacentHTML used"); }
  find(predicate, out = []) { if (predicate(this)) out.push(this); this.children.forEach((c) => c.find(predicate, out)); return out; }
}
global.document = {
  createElement: (tag) => new FakeNode(tag, "html"),
  createElementNS: (ns, tag) => new FakeNode(tag, ns),
  createTextNode: (data) => { const node = new FakeNode("#text"); node.data = String(data); return node; },
  write() { throw new Error("document.write used"); },
};
const app = require(process.argv[2]);
const data = JSON.parse(require("fs").readFileSync(0, "utf8"));

// Links: only http(s) and in-page anchors survive.
assert.strictEqual(app.safeHref("javascript:alert(1)"), null);
assert.strictEqual(app.safeHref(" JaVaScRiPt:alert(1)"), null);
assert.strictEqual(app.safeHref("java\tscript:alert(1)"), null);
assert.strictEqual(app.safeHref("data:text/html,x"), null);
assert.strictEqual(app.safeHref("https://example.org/a"), "https://example.org/a");
assert.strictEqual(app.safeHref("#article/x"), "#article/x");

// Highlight pieces tile the text exactly, and spans that do not fit are counted.
const text = "abcdefghij";
const { pieces, skipped } = app.highlightPieces(text, [{ start: 2, end: 6 }, { start: 4, end: 8 }, { start: 5, end: 99 }, { start: 3, end: 3 }]);
assert.strictEqual(pieces.map((p) => p.text).join(""), text);
assert.deepStrictEqual(pieces.map((p) => [p.start, p.end, p.spans]), [[0, 2, []], [2, 4, [0]], [4, 6, [0, 1]], [6, 8, [1]], [8, 10, []]]);
assert.strictEqual(skipped, 2);

// Rendering hostile data: the markup stays literal text, attributes carry no handlers, no bad links.
const article = app.renderArticle({ ...data.article, url: "javascript:alert(1)" }, data.article.events[0].event_id);
const all = article.find(() => true);
assert.ok(article.textContent.includes("<script>alert('x')</script>"));
assert.ok(article.textContent.includes(data.article.title));
assert.ok(all.every((n) => !n.tag.startsWith("#") || n.tag === "#text"));
assert.ok(all.every((n) => n.tag === "#text" || ["article", "h2", "h3", "p", "div", "mark", "table", "thead", "tbody", "tr", "th", "td", "q", "ol", "li", "strong", "a", "span"].includes(n.tag)), "unexpected element");
assert.ok(all.every((n) => Object.keys(n.attributes).every((name) => !name.startsWith("on"))));
assert.ok(all.filter((n) => n.tag === "a").every((n) => !n.attributes.href || /^(https?:|#)/.test(n.attributes.href)));
const marks = article.find((n) => n.tag === "mark");
assert.ok(marks.length >= 2);
assert.ok(marks.some((m) => m.attributes.class.includes("focus")));
assert.ok(marks.some((m) => m.attributes.class.includes("qt")));

const table = app.renderEventsTable(data.events, () => {});
assert.ok(table.textContent.includes("<script>alert('x')</script>") || data.events.every((e) => !e.evidence.includes("<script>")));
assert.strictEqual(table.find((n) => n.tag === "tr").length, data.events.length + 1);

const evidence = { ...data.events[0], actor: "<b>a</b>", recipient: "r", quotes: ["<i>q</i>"], title: "<u>t</u>", reported_by: ["x", "y"] };
const alerts = app.renderAlerts([{ kind: "drift", headline: "<b>x</b> drifting", period: "2024-Q1", metric: "drift", value: 1.4, baseline: 0, baseline_std: 0, z: 5.5, evidence: [evidence] }]);
for (const literal of ["<b>x</b> drifting", "<b>a</b>", "<i>q</i>", "<u>t</u>", data.events[0].evidence]) assert.ok(alerts.textContent.includes(literal), literal);
assert.strictEqual(alerts.find((n) => n.tag === "a")[0].attributes.href, `#article/${encodeURIComponent(data.events[0].article_id)}/${encodeURIComponent(data.events[0].event_id)}`);

const chart = app.lineChart(["2024-01", "2024-02", "2024-03"], [{ name: "<svg onload=x>", values: [1, null, -2] }]);
assert.ok(chart.textContent.includes("<svg onload=x>"));
const paths = chart.find((n) => n.tag === "path");
assert.strictEqual(paths.length, 1);
assert.strictEqual((paths[0].attributes.d.match(/M/g) || []).length, 2); // the null value breaks the line
assert.deepStrictEqual(["2024", "2024-02", "2023-12", "2024-04-12"].map(app.lastDayOf), ["2024-12-31", "2024-02-29", "2023-12-31", "2024-04-12"]);
console.log("ok");
"""


def test_dashboard_render_functions_keep_data_as_text(client: TestClient, tmp_path: Path) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    script = tmp_path / "render_check.js"
    script.write_text(NODE_RENDER_CHECK, encoding="utf-8")
    data = {
        "article": client.get("/api/articles/moscow-1").json(),
        "events": client.get("/api/events").json(),
    }
    completed = subprocess.run(
        [node, str(script), str(DASHBOARD_DIR / "app.js")], input=json.dumps(data),
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "ok"


# ---- the serve command --------------------------------------------------------------------------------------


def test_serve_command_runs_uvicorn_on_the_store(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    from blocwatch.cli.serve_cmd import serve_command

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: calls.append((app, options)))
    result = CliRunner().invoke(serve_command, ["--db", str(db_path), "--port", "8123"])
    assert result.exit_code == 0, result.output
    app, options = calls[0]
    assert options["host"] == "127.0.0.1" and options["port"] == 8123
    assert app.state.store.location == str(db_path)


def test_serve_command_refuses_a_missing_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    from blocwatch.cli.serve_cmd import serve_command

    monkeypatch.setattr(uvicorn, "run", lambda app, **options: None)
    missing = tmp_path / "missing.db"
    result = CliRunner().invoke(serve_command, ["--db", str(missing)])
    assert result.exit_code != 0
    assert "missing.db" in result.output and "--create" in result.output
    assert not missing.exists()
    created = CliRunner().invoke(serve_command, ["--db", str(missing), "--create", "--host", "0.0.0.0"])
    assert created.exit_code == 0 and missing.exists()
    assert "not a loopback address" in created.output
