"""Analytics on hand-made events frames: de-duplication, modality, roll-up, drift components, alerts, report."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from blocwatch.analytics import (
    COMPONENTS,
    EVENT_COLUMNS,
    AnalyticsInputError,
    alliance_standing,
    cohesion,
    dedupe_events,
    detect_alerts,
    dyad_series,
    member_drift,
    prepare_events,
)
from blocwatch.analytics.alerts import Threshold, trailing_scores
from blocwatch.analytics.synthetic import event_frame, synthetic_events
from blocwatch.web.report import build_report


def month_row(series: pd.DataFrame, period: str) -> pd.Series:
    return series.set_index("period").loc[period]


def test_one_event_reported_by_three_articles_counts_once() -> None:
    # Three outlets, three wordings, three article dates within two days, one boycott of one summit.
    reports = [
        ("art-a", "2023-11-23", "Armenia skipped the CSTO summit in Minsk on Thursday."),
        ("art-b", "2023-11-24", "Yerevan stayed away as bloc leaders gathered in the Belarusian capital."),
        ("art-c", "2023-11-25", "Pashinyan snubbed the annual summit of the alliance."),
    ]
    rows = [dict(actor="ARM", recipient="CSTO", cameo="120", date="2023-11-23", article_id=article,
                 article_date=published, evidence=text) for article, published, text in reports]  # fmt: skip
    rows.append(dict(actor="ARM", recipient="CSTO", cameo="120", date="2023-06-02", evidence="A different refusal."))
    events = event_frame(rows)

    series = dyad_series(events, "ARM", "CSTO", freq="M")
    assert month_row(series, "2023-11")["events"] == 1
    assert month_row(series, "2023-06")["events"] == 1
    assert series["events"].sum() == 2

    unique = dedupe_events(events)
    assert len(unique) == 2
    boycott = unique[unique["day"] == pd.Timestamp("2023-11-23")].iloc[0]
    assert boycott["cluster_size"] == 3 and boycott["cluster_articles"] == 3


def test_clusters_do_not_chain_a_busy_dyad_into_one_event() -> None:
    # Daily clashes for three weeks are many events, not one long cluster.
    days = pd.date_range("2022-09-01", periods=21, freq="D").strftime("%Y-%m-%d")
    events = event_frame(dict(actor="AZE", recipient="ARM", cameo="190", date=day, evidence=f"Shelling on day {n} "
                              "hit border villages again, officials said.") for n, day in enumerate(days))  # fmt: skip
    series = dyad_series(events, "AZE", "ARM", freq="M")
    # A cluster spans at most window_days (3) + 1 days: 21 days make at least 6 clusters, at most 21.
    assert 6 <= month_row(series, "2022-09")["events"] <= 21


def test_wire_copy_with_identical_evidence_merges_across_dates() -> None:
    sentence = "Russia and Belarus signed a security guarantees treaty in Minsk, the Kremlin said."
    events = event_frame([
        dict(actor="RUS", recipient="BLR", cameo="057", date="2024-12-06", evidence=sentence),
        # Same wire sentence republished later, punctuation and case changed, dated by its later article.
        dict(actor="RUS", recipient="BLR", cameo="057", date="2024-12-20", evidence=sentence.upper().replace(",", "")),
        dict(actor="RUS", recipient="BLR", cameo="057", date="2024-12-28", evidence="A new agreement on energy."),
    ])  # fmt: skip
    prepared = prepare_events(events)
    assert prepared.loc[0, "cluster_id"] == prepared.loc[1, "cluster_id"]
    assert prepared.loc[1, "cluster_id"] != prepared.loc[2, "cluster_id"]
    assert dyad_series(events, "RUS", "BLR")["events"].sum() == 2


def test_negated_hypothetical_and_future_events_are_signals_not_events() -> None:
    events = event_frame([
        dict(actor="ARM", recipient="CSTO", cameo="040", date="2023-06-02", modality="asserted"),
        dict(actor="ARM", recipient="CSTO", cameo="040", date="2023-06-03", modality="negated",
             evidence="Armenia's foreign minister did not attend the meeting in Minsk."),
        dict(actor="ARM", recipient="CSTO", cameo="161", date="2023-06-10", modality="hypothetical",
             evidence="Pashinyan said Armenia could leave the bloc."),
        dict(actor="ARM", recipient="CSTO", cameo="161", date="2023-06-20", modality="future",
             evidence="Pashinyan said Armenia will leave the bloc."),
    ])  # fmt: skip
    june = month_row(dyad_series(events, "ARM", "CSTO"), "2023-06")
    assert june["events"] == 1
    assert june["verbal_coop"] == 1 and june["material_conflict"] == 0
    assert june["goldstein_sum"] == pytest.approx(1.0)
    assert (june["signal_events"], june["signal_negated"], june["signal_hypothetical"], june["signal_future"]) == (
        3, 1, 1, 1)
    assert june["signal_conflict"] == 2
    # The corpus volume that normalises the series counts asserted events only.
    assert june["volume"] == 1


def test_busy_news_month_does_not_look_worse() -> None:
    quiet = [dict(actor="ARM", recipient="RUS", cameo="112", date="2023-01-10")]
    busy = [dict(actor="ARM", recipient="RUS", cameo="112", date="2023-02-10")]
    # Ten unrelated events elsewhere make February a busy news month.
    background = [dict(actor="USA", recipient=partner, cameo="040", date="2023-02-05", evidence=f"Talks with {partner}")
                  for partner in ("CHN", "JPN", "KOR", "IND", "BRA", "MEX", "CAN", "AUS", "DEU", "FRA")]  # fmt: skip
    series = dyad_series(event_frame(quiet + busy + background), "ARM", "RUS").set_index("period")
    assert series.loc["2023-01", "goldstein_sum"] == series.loc["2023-02", "goldstein_sum"] == -2.0
    assert series.loc["2023-01", "volume"] == 1 and series.loc["2023-02", "volume"] == 11
    assert series.loc["2023-02", "share"] < series.loc["2023-01", "share"]
    assert abs(series.loc["2023-02", "goldstein_adj"]) < abs(series.loc["2023-01", "goldstein_adj"])


def test_people_roll_up_to_their_state_and_officials_to_their_organisation() -> None:
    events = event_frame([
        dict(actor="ARM", recipient="RUS", cameo="112", date="2023-09-20", actor_kind="person",
             actor_id="person:nikol-pashinyan", actor_name="Nikol Pashinyan", actor_sector="GOV"),
        dict(actor="ARM", recipient="RUS", cameo="112", date="2023-09-25", actor_kind="person",
             actor_id="person:some-general", actor_name="A general", actor_sector="MIL",
             evidence="The general accused Russian peacekeepers of standing by."),
        dict(actor="CSTO", recipient="ARM", cameo="051", date="2023-09-21", actor_kind="person",
             actor_id="person:csto-secretary-general", actor_country="IGO", actor_org="CSTO"),
    ])  # fmt: skip
    assert dyad_series(events, "state:ARM", "rus")["events"].sum() == 2
    assert dyad_series(events, "ARM", "RUS", sector="MIL")["events"].sum() == 1
    assert dyad_series(events, "igo:CSTO", "ARM")["events"].sum() == 1
    both_ways = dyad_series(events, "ARM", "CSTO", directed=False)
    assert both_ways["events"].sum() == 1


def drifting_armenia(later: list[dict] | None = None) -> pd.DataFrame:
    """Two years: Kazakhstan and Belarus cooperate steadily; Armenia turns away from 2023-Q2 on."""
    rows = list(later or [])
    for year in (2022, 2023):
        for month in range(1, 13):
            day = f"{year}-{month:02d}-15"
            rows += [dict(actor="KAZ", recipient="CSTO", cameo="062", date=day),
                     dict(actor="BLR", recipient="RUS", cameo="061", date=day),
                     dict(actor="ARM", recipient="CSTO", cameo="040", date=day)]  # fmt: skip
            if (year, month) >= (2023, 4):
                rows += [
                    dict(actor="ARM", recipient="CSTO", cameo="120", date=day,
                         evidence=f"Armenia refused to take part in the bloc's drills ({day})."),
                    dict(actor="ARM", recipient="RUS", cameo="112", date=day,
                         evidence=f"Yerevan accused Moscow of failing its obligations ({day})."),
                    dict(actor="ARM", recipient="FRA", cameo="062", date=day,
                         evidence=f"Armenia agreed to buy French air-defence radars ({day})."),
                ]  # fmt: skip
    rows += [
        dict(actor="ARM", recipient="CSTO", cameo="040", date="2023-11-23", modality="negated",
             evidence="Pashinyan did not attend the CSTO summit in Minsk."),
        dict(actor="ARM", recipient="CSTO", cameo="161", date="2023-12-01", modality="future", actor_kind="person",
             actor_sector="GOV", actor_id="person:nikol-pashinyan",
             evidence="Pashinyan said Armenia will leave the bloc."),
        # An opposition politician's wish to leave is not the state's exit talk.
        dict(actor="ARM", recipient="CSTO", cameo="161", date="2023-12-02", modality="hypothetical",
             actor_kind="person", actor_sector="OPP", actor_id="person:opposition-leader",
             evidence="An opposition leader said Armenia should leave the bloc."),
    ]  # fmt: skip
    return event_frame(rows)


def test_member_drift_shows_every_component_and_separates_armenia() -> None:
    drift = member_drift(drifting_armenia(), "CSTO", freq="Q")
    assert set(COMPONENTS) <= set(drift.columns)
    active = drift[drift["status"] == "member"]
    assert np.allclose(active[list(COMPONENTS)].sum(axis=1), active["drift"])
    armenia = drift[drift["member"] == "ARM"].set_index("period")
    assert armenia.loc["2022-Q4", "drift"] < 0 < armenia.loc["2023-Q2", "drift"]
    assert armenia.loc["2023-Q4", "drift_trend"] > armenia.loc["2023-Q1", "drift_trend"] + 1.0
    q4 = armenia.loc["2023-Q4"]
    assert q4["n_boycotts"] == 3 + 1  # three refusals and the skipped summit
    assert q4["n_accusations"] == 3 and q4["n_rival_deals"] == 3
    assert q4["n_exit_talk"] == 1  # the prime minister, not the opposition leader
    for steady in ("KAZ", "BLR"):
        own = drift[drift["member"] == steady]
        assert (own["drift"] < 0).all(), steady
        assert own["drift"].max() - own["drift"].min() < 0.01, steady


def test_cohesion_aggregates_the_members_and_names_who_drifts() -> None:
    summary = cohesion(drifting_armenia(), "CSTO").set_index("period")
    assert summary.loc["2023-Q4", "most_drifting"] == "ARM"
    assert summary.loc["2023-Q4", "cohesion"] < summary.loc["2022-Q4", "cohesion"]
    assert summary.loc["2023-Q4", "members"] == 6


def test_alliance_standing_uses_the_registry_on_the_date() -> None:
    standing = alliance_standing(drifting_armenia(), "CSTO", on="2023-12-31").set_index("member")
    assert standing.loc["ARM", "status"] == "member"
    assert standing.loc["UZB", "status"] == "withdrawn"
    assert standing.loc["ARM", "drift"] > 1.0
    later = alliance_standing(drifting_armenia(), "CSTO", on="2024-03-01").set_index("member")
    assert later.loc["ARM", "status"] == "frozen" and later.loc["ARM", "since"] == "2024-02-23"


def test_drift_alert_names_its_evidence_most_important_first() -> None:
    events = drifting_armenia()
    alerts = detect_alerts(events, alliances=("CSTO",), dyads=False)
    armenia = alerts[alerts["subject"] == "CSTO:ARM"]
    assert list(armenia["period"]) == ["2023-Q2"]
    alert = armenia.iloc[0]
    assert alert["direction"] == "drifting away" and alert["z"] >= 2
    weights = [item["weight"] for item in alert["evidence"]]
    assert weights == sorted(weights, reverse=True) and len(weights) == 5
    first = alert["evidence"][0]
    assert first["reason"] == "cooperation with a rival bloc" and "French" in first["evidence"]
    assert {item["reason"] for item in alert["evidence"]} >= {"boycott or skipped meeting"}
    assert alerts[alerts["subject"].isin(["CSTO:KAZ", "CSTO:BLR"])].empty


def test_alert_evidence_lists_every_article_of_a_duplicate_cluster() -> None:
    quiet = [dict(actor="AZE", recipient="ARM", cameo="040", date=f"2023-{month:02d}-10", evidence=f"Talks {month}")
             for month in range(1, 9)]  # fmt: skip
    attack = [dict(actor="AZE", recipient="ARM", cameo="190", date="2023-09-19", article_id=article,
                   evidence=f"Azerbaijan launched an offensive in Karabakh (report {article}).", confidence=conf)
              for article, conf in (("outlet-1", 0.7), ("outlet-2", 0.95), ("outlet-3", 0.8))]  # fmt: skip
    quotes = pd.DataFrame({"quote_id": ["q1"], "article_id": ["outlet-2"], "text": [
        "We will restore constitutional order in the region, whatever it takes."], "sentence_index": [0]})
    articles = pd.DataFrame({"article_id": ["outlet-2"], "title": ["Offensive begins"], "url": ["https://example.org/x"]})
    alerts = detect_alerts(event_frame(quiet + attack), quotes, articles, alliances=())
    alert = alerts[alerts["subject"] == "AZE→ARM"].iloc[0]
    assert alert["period"] == "2023-09" and alert["direction"] == "colder"
    assert alert["n_evidence"] == 1
    item = alert["evidence"][0]
    assert item["article_id"] == "outlet-2"  # the most confident report represents the cluster
    assert item["reported_by"] == ["outlet-1", "outlet-2", "outlet-3"]
    assert item["title"] == "Offensive begins" and item["quotes"] == [quotes.loc[0, "text"]]


def test_trailing_scores_compare_with_the_periods_before() -> None:
    matrix = np.array([[1.0, 1.0, 1.0, 1.0, 5.0], [np.nan, np.nan, 0.0, 2.0, 4.0]])
    mean, std, z = trailing_scores(matrix, Threshold(baseline_periods=3, min_history=2, std_floor=0.5))
    assert mean[0, 4] == pytest.approx(1.0) and z[0, 4] == pytest.approx(8.0)
    assert np.isnan(z[0, 1])  # one period of history is not enough
    assert mean[1, 4] == pytest.approx(1.0) and std[1, 4] == pytest.approx(1.0) and z[1, 4] == pytest.approx(3.0)
    assert np.isnan(z[1, 3])


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda f: f.drop(columns=["modality"]), "missing column(s) modality"),
        (lambda f: f.assign(modality="maybe"), "column 'modality'"),
        (lambda f: f.assign(date="last week"), "column 'date'"),
        (lambda f: f.assign(quad=7), "column 'quad'"),
    ],
)
def test_bad_events_frames_are_refused_with_the_reason(change, message) -> None:
    with pytest.raises(AnalyticsInputError, match=re.escape(message)):
        prepare_events(change(drifting_armenia()))


def test_bad_arguments_are_refused_with_the_reason() -> None:
    events = drifting_armenia()
    with pytest.raises(AnalyticsInputError, match="unknown alliance 'NOPE'"):
        member_drift(events, "NOPE")
    with pytest.raises(ValueError, match="freq"):
        dyad_series(events, "ARM", "RUS", freq="fortnight")
    with pytest.raises(AnalyticsInputError, match="on"):
        member_drift(events, "CSTO", on="someday")
    with pytest.raises(AnalyticsInputError, match="expected a pandas DataFrame"):
        dyad_series([], "ARM", "RUS")


def test_undated_events_are_counted_not_placed() -> None:
    events = drifting_armenia()
    events.loc[0, ["date", "article_date"]] = None
    prepared = prepare_events(events)
    assert prepared.attrs["undated_events"] == 1
    assert pd.isna(prepared.loc[0, "day"])


def test_synthetic_frames_have_the_store_columns_and_duplicates() -> None:
    events = synthetic_events(2000, seed=3)
    assert tuple(events.columns) == EVENT_COLUMNS
    prepared = prepare_events(events)
    assert prepared["representative"].sum() < len(events)
    assert (prepared.groupby("cluster_id")["representative"].sum() == 1).all()


def test_report_is_self_contained_and_escapes_untrusted_text() -> None:
    events = drifting_armenia()
    hostile = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'
    events.loc[events["cameo"] == "062", "evidence"] = hostile
    articles = pd.DataFrame({"article_id": events["article_id"], "title": "<b>Title</b>", "url": "javascript:alert(1)"})
    page = build_report(events, articles=articles, alliances=("CSTO",), dyads=[("ARM", "CSTO"), ("KAZ", "CSTO")])
    assert page.count("<svg") >= 4
    assert "<script" not in page.lower() and "<img" not in page and "<b>Title" not in page
    assert "&lt;script&gt;" in page and "&lt;b&gt;Title" in page
    assert "javascript:" not in page
    # Nothing is fetched from anywhere: the only URL is the SVG namespace.
    assert set(re.findall(r"https?://[^\s\"'<>]+", page)) <= {"http://www.w3.org/2000/svg"}


def test_a_quarter_with_no_events_for_a_member_raises_no_alert() -> None:
    # Armenia drifts through 2023, then the corpus says nothing of it in 2024 while the others go on: silence is
    # no "closing ranks", and an alert with no sentence behind it is none an analyst can check.
    later = [dict(actor=actor, recipient=recipient, cameo=cameo, date=f"2024-{month:02d}-15")
             for month in range(1, 10) for actor, recipient, cameo in (("KAZ", "CSTO", "062"), ("BLR", "RUS", "061"))]
    later.append(dict(actor="ARM", recipient="CSTO", cameo="120", date="2024-02-20",
                      evidence="Armenia refused to pay its share of the bloc's budget."))
    alerts = detect_alerts(drifting_armenia(later), alliances=("CSTO",), dyads=False)
    assert (alerts["n_evidence"] > 0).all()
    assert not alerts["period"].astype(str).isin(["2024-Q2", "2024-Q3"]).any()
