"""The alliance registry: shipped facts, date logic, user overrides and validation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from blocwatch.actors import alliances


@pytest.fixture(autouse=True)
def _fresh_registry(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    # An empty knowledge-base folder keeps a developer's own ~/.config overrides out of the tests.
    empty = tmp_path / "empty-kb"
    empty.mkdir()
    monkeypatch.setenv("BLOCWATCH_KB_DIR", str(empty))
    alliances.clear_cache()
    yield
    alliances.clear_cache()


def test_csto_1999_departures_of_azerbaijan_georgia_uzbekistan():
    before = alliances.members("CSTO", "1995-01-01")
    after = alliances.members("CSTO", "2000-01-01")
    assert {"AZE", "GEO", "UZB"} <= set(before)
    assert not {"AZE", "GEO", "UZB"} & set(after)
    assert {"ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"} <= set(after)


def test_uzbekistan_returned_to_csto_in_2006_and_left_in_2012():
    assert alliances.status_of("CSTO", "UZB", "2007-01-01") == "member"
    assert "UZB" in alliances.members("CSTO", "2007-01-01")
    assert "UZB" not in alliances.members("CSTO", "2013-01-01")
    assert alliances.status_of("CSTO", "UZB", "2013-01-01") == "withdrawn"


def test_armenia_froze_csto_participation_in_2024():
    assert alliances.status_of("CSTO", "ARM", "2023-06-01") == "member"
    assert alliances.status_of("CSTO", "ARM", dt.date(2024, 6, 1)) == "frozen"
    # Frozen members are still bound by the treaty, but not active participants.
    assert "ARM" in alliances.members("CSTO", "2024-06-01")
    assert "ARM" not in alliances.members("CSTO", "2024-06-01", statuses=("member",))


def test_status_before_any_relation_is_none():
    assert alliances.status_of("CSTO", "ARM", "1990-01-01") is None
    assert alliances.status_of("NATO", "CHN", "2024-01-01") is None


def test_sweden_joined_nato_in_march_2024():
    assert "SWE" in alliances.members("NATO", "2024-03-08")
    assert "SWE" not in alliances.members("NATO", "2023-01-01")
    assert len(alliances.members("NATO", "2024-03-08")) == 32


def test_united_kingdom_left_the_eu():
    assert "GBR" in alliances.members("EU", "2019-01-01")
    assert alliances.status_of("EU", "GBR", "2019-01-01") == "withdrawal_notice"
    assert "GBR" not in alliances.members("EU", "2021-01-01")
    assert len(alliances.members("EU", "2021-01-01")) == 27


def test_georgia_is_an_eu_candidate_but_armenia_is_not():
    assert alliances.status_of("EU", "GEO", "2024-01-01") == "candidate"
    assert alliances.status_of("EU", "GEO", "2023-12-01") != "candidate"
    assert alliances.status_of("EU", "ARM", "2025-01-01") != "candidate"


def test_syria_arab_league_suspension_and_return():
    assert alliances.status_of("arab_league", "SYR", "2015-01-01") == "suspended"
    assert alliances.status_of("ARAB_LEAGUE", "SYR", "2023-06-01") == "member"


def test_alliances_of_armenia_in_2024():
    ties = alliances.alliances_of("arm", "2024-06-01")
    assert ties["CSTO"] == "frozen"
    assert ties["EAEU"] == "member"
    assert "OPEC" not in ties


def test_lookup_is_case_insensitive_and_unknown_code_lists_known_ones():
    assert alliances.alliance("csto").leader == "RUS"
    assert alliances.alliance("Nato").rivals == ("CSTO", "SCO")
    with pytest.raises(KeyError, match="CSTO"):
        alliances.alliance("WARSAW_PACT")


def test_history_frame_has_one_row_per_change():
    frame = alliances.history_frame("CSTO")
    assert list(frame.columns) == ["alliance", "country", "date", "status", "source"]
    uzbekistan = frame[frame.country == "UZB"]
    assert list(uzbekistan.status) == ["member", "withdrawn", "member", "suspended", "withdrawn"]
    assert (frame.source.str.len() > 0).all()


def test_every_shipped_rival_and_leader_is_consistent():
    registry = alliances.load_registry()
    assert {"CSTO", "NATO", "EU", "EAEU", "CIS", "SCO", "GCC", "BRICS", "AU", "ASEAN"} <= set(registry)
    for code, entry in registry.items():
        assert code not in entry.rivals
        assert all(change.source for change in entry.changes), code


def test_user_override_file_extends_and_corrects(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "my-alliances.yaml").write_text(
        """
alliances:
  CSTO:
    memberships:
      ARM:
        - {date: "2026-03-01", status: withdrawal_notice, source: "hypothetical notice for the test"}
  TESTBLOC:
    name: Test Bloc
    kind: forum
    leader: null
    rivals: [NATO]
    memberships:
      ARM:
        - {date: 2020-01-01, status: member, source: "unquoted dates are accepted too"}
""",
        encoding="utf-8",
    )
    (kb / "people.yaml").write_text("people: []\n", encoding="utf-8")  # not an alliance file: ignored
    monkeypatch.setenv("BLOCWATCH_KB_DIR", str(kb))
    alliances.clear_cache()
    assert alliances.status_of("CSTO", "ARM", "2026-04-01") == "withdrawal_notice"
    assert alliances.status_of("CSTO", "ARM", "2024-06-01") == "frozen"  # shipped history kept
    assert alliances.members("testbloc", "2021-01-01") == ["ARM"]
    assert alliances.alliance("CSTO").name == "Collective Security Treaty Organization"


def test_extra_paths_override_a_shipped_change_on_the_same_date(tmp_path: Path):
    extra = tmp_path / "fix.yaml"
    extra.write_text(
        "alliances:\n  NATO:\n    memberships:\n      SWE:\n"
        '        - {date: "2024-03-07", status: candidate, source: "counterfactual"}\n',
        encoding="utf-8",
    )
    registry = alliances.load_registry([extra])
    assert registry["NATO"].status_of("SWE", "2024-06-01") == "candidate"
    assert len(registry["NATO"].history("SWE")) == 1


@pytest.mark.parametrize(
    ("membership", "message"),
    [
        ('{date: "2020-01-01", status: ally, source: "x"}', "unknown status 'ally'"),
        ('{date: "2020-13-45", status: member, source: "x"}', "2020-13-45"),
        ('{date: "2020-01-01", status: member}', "needs a 'source'"),
    ],
)
def test_invalid_user_file_names_file_alliance_and_country(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, membership: str, message: str
):
    kb = tmp_path / "kb"
    kb.mkdir()
    bad = kb / "broken.yaml"
    bad.write_text(
        f"alliances:\n  CSTO:\n    memberships:\n      KAZ:\n        - {membership}\n", encoding="utf-8"
    )
    monkeypatch.setenv("BLOCWATCH_KB_DIR", str(kb))
    alliances.clear_cache()
    with pytest.raises(ValueError) as raised:
        alliances.load_registry()
    text = str(raised.value)
    assert "broken.yaml" in text and "CSTO" in text and "KAZ" in text and message in text


def test_unknown_new_alliance_without_name_and_unknown_rival_are_rejected(tmp_path: Path):
    nameless = tmp_path / "nameless.yaml"
    nameless.write_text("alliances:\n  NEWBLOC:\n    kind: forum\n", encoding="utf-8")
    with pytest.raises(ValueError, match="nameless.yaml.*NEWBLOC"):
        alliances.load_registry([nameless])
    rival = tmp_path / "rival.yaml"
    rival.write_text("alliances:\n  NEWBLOC:\n    name: New\n    rivals: [NOSUCH]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="NOSUCH"):
        alliances.load_registry([rival])


def test_unknown_status_filter_is_an_error():
    with pytest.raises(ValueError, match="allied"):
        alliances.members("NATO", "2024-01-01", statuses=("allied",))
