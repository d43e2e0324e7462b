"""Quotes stage: direct quotations, reported statements and their speakers, on real and written text."""

from __future__ import annotations

from pathlib import Path

import pytest

from blocwatch.quotes import extract_quotes, extract_quotes_from_text, find_quotations, parse_paragraphs
from blocwatch.records import Actor, Quote

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "seed" / "000_0f902c55c66fdec3.txt"
POLNEAR_DEV = SHARED / "data" / "dev" / "polnear" / "dev.jsonl"


@pytest.fixture(scope="module")
def nlp():
    from blocwatch.nlp import load

    return load()


def _find(quotes: list[Quote], fragment: str, direct: bool | None = None) -> Quote:
    for quote in quotes:
        if fragment in quote.text and (direct is None or quote.direct == direct):
            return quote
    raise AssertionError(f"no quote containing {fragment!r} among {[q.text for q in quotes]}")


# --- the seed article -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_quotes(nlp) -> tuple[str, list[Quote]]:
    if not SEED.exists():
        pytest.skip(f"{SEED} is absent")
    text = SEED.read_text(encoding="utf-8")
    return text, extract_quotes_from_text(text, nlp)


def test_seed_unterminated_quote_is_putins(seed_quotes):
    text, quotes = seed_quotes
    quote = _find(quotes, "It’s not we who abandoned Karabakh", direct=True)
    assert quote.text.endswith("such a decision.")
    assert "Putin" in quote.speaker_text
    assert text[quote.start : quote.end] == quote.text


def test_seed_ambassador_quotes_are_kopyrkins(seed_quotes):
    _, quotes = seed_quotes
    long_quote = _find(quotes, "It’s based on the agreement", direct=True)
    allies_quote = _find(quotes, "Both the Russian and Armenian sides", direct=True)
    for quote in (long_quote, allies_quote):
        assert quote.speaker is not None
        assert "Kopyrkin" in quote.speaker.name
    assert allies_quote.speaker_text == "He"


def test_seed_reported_statements(seed_quotes):
    _, quotes = seed_quotes
    simonyan = _find(quotes, "the Collective Security Treaty Organization did not even", direct=False)
    assert simonyan.cue == "said"
    assert "Simonyan" in simonyan.speaker_text and "Simonyan" in simonyan.speaker.name
    assert simonyan.speaker.kind == "person"
    kochinyan = _find(quotes, "Armenia could withdraw", direct=False)
    assert kochinyan.cue == "believes"
    assert "Kochinyan" in kochinyan.speaker.name


def test_seed_headline_and_keep_reading_give_no_quotes(seed_quotes):
    _, quotes = seed_quotes
    assert not [q for q in quotes if "Shipping Companies" in q.text or "Adamant" in q.text]


# --- quotation marks --------------------------------------------------------------------------------------


def test_marks_straight_curly_single_and_apostrophes():
    text = 'He said "no way" twice. She wrote “we will see” and ‘the end’; the voters’ choice, it’s late.'
    found = [text[q.start : q.end] for q in find_quotations(text, [(0, len(text))])]
    assert found == ["no way", "we will see", "the end"]


def test_marks_multi_paragraph_and_unclosed():
    first = "“We are ready to talk,” the minister said. “But not at any price."
    second = "“We will defend our borders.”"
    third = "“This one is never closed."
    text = "\n".join([first, second, third])
    segments = [(0, len(first)), (len(first) + 1, len(first) + 1 + len(second))]
    segments.append((segments[1][1] + 1, len(text)))
    quotations = find_quotations(text, segments)
    assert len(quotations) == 3
    multi = quotations[1]
    assert [text[s:e] for s, e in multi.pieces] == ["But not at any price.", "We will defend our borders."]
    assert multi.closed
    assert text[quotations[2].start : quotations[2].end] == "This one is never closed."
    assert not quotations[2].closed


# --- written sentences for each pattern -------------------------------------------------------------------


def test_straight_quote_with_speaker_after(nlp):
    quotes = extract_quotes_from_text('"We will not retreat," Foreign Minister Lavrov said on Monday.', nlp)
    quote = _find(quotes, "We will not retreat", direct=True)
    assert quote.text == "We will not retreat,"
    assert "Lavrov" in quote.speaker_text and quote.cue == "said"


def test_curly_quote_with_speaker_before(nlp):
    quotes = extract_quotes_from_text(
        "Prime Minister Nikol Pashinyan told reporters: “Armenia will decide alone.”", nlp
    )
    quote = _find(quotes, "Armenia will decide alone", direct=True)
    assert "Pashinyan" in quote.speaker.name
    assert quote.addressee is not None and quote.addressee.text == "reporters"


def test_quote_over_two_paragraphs_keeps_its_speaker(nlp):
    text = (
        "“The treaty has failed us,” said Defence Minister Suren Papikyan. “Nobody came to help.\n"
        "“We will look for other partners.”"
    )
    quotes = extract_quotes_from_text(text, nlp)
    second = _find(quotes, "Nobody came to help", direct=True)
    assert "We will look for other partners." in second.text
    assert "Papikyan" in second.speaker.name


def test_unclosed_quote_takes_speaker_from_previous_sentence(nlp):
    text = "Chancellor Olaf Scholz criticised the plan. “This is not the way forward. We expect more from Moscow."
    quote = _find(extract_quotes_from_text(text, nlp), "This is not the way forward", direct=True)
    assert quote.text.endswith("more from Moscow.")
    assert "Scholz" in quote.speaker.name


def test_partial_quote_goes_to_clause_subject(nlp):
    text = 'The opposition leader called the vote "a betrayal of the nation" and left the chamber.'
    quote = _find(extract_quotes_from_text(text, nlp), "a betrayal", direct=True)
    assert quote.speaker_text == "The opposition leader"
    assert quote.cue == "called"


def test_split_quote_both_parts_share_the_speaker(nlp):
    text = "“We are not leaving,” Ambassador Kopyrkin added, “and we never will.”"
    quotes = [q for q in extract_quotes_from_text(text, nlp) if q.direct]
    assert len(quotes) == 2
    assert all("Kopyrkin" in q.speaker.name and q.cue == "added" for q in quotes)


def test_according_to_and_told_with_addressee(nlp):
    text = (
        "According to the Kremlin, the talks will resume in May.\n"
        "Jens Stoltenberg told the Latvian president that NATO would defend every ally."
    )
    quotes = extract_quotes_from_text(text, nlp)
    kremlin = _find(quotes, "the talks will resume in May", direct=False)
    assert kremlin.speaker_text == "the Kremlin" and kremlin.cue.lower() == "according to"
    stoltenberg = _find(quotes, "NATO would defend every ally", direct=False)
    assert "Stoltenberg" in stoltenberg.speaker.name and stoltenberg.cue == "told"
    assert stoltenberg.addressee is not None and "president" in stoltenberg.addressee.text


def test_inverted_report_and_pronoun_speaker(nlp):
    text = (
        "Tigran Avinyan, the deputy prime minister, met the envoy. The dispute will be settled soon, he said."
    )
    quote = _find(extract_quotes_from_text(text, nlp), "The dispute will be settled soon", direct=False)
    assert quote.speaker_text == "he"
    assert quote.speaker.name == "Tigran Avinyan"


def test_actors_and_resolver_take_precedence(nlp):
    text = "The ministry said the border would stay closed."
    docs = parse_paragraphs(text, nlp)
    ministry = Actor(
        text="The ministry",
        name="Ministry of Foreign Affairs of Armenia",
        kind="org",
        start=0,
        end=12,
        actor_id="org:mfa-armenia",
    )
    via_actors = extract_quotes(text, docs, actors=[ministry])
    assert via_actors[0].speaker.actor_id == "org:mfa-armenia"
    resolved = Actor(text="The ministry", name="Resolved ministry", kind="org", start=0, end=12)
    calls: list[tuple[int, int]] = []

    def resolve(start: int, end: int) -> Actor | None:
        calls.append((start, end))
        return resolved

    via_resolver = extract_quotes(text, docs, resolve=resolve)
    assert via_resolver[0].speaker.name == "Resolved ministry"
    assert calls == [(0, 12)]


def test_offsets_point_into_the_article(nlp):
    text = "Intro line.\n\nThe envoy said “talks are over” and that sanctions would follow."
    for quote in extract_quotes_from_text(text, nlp):
        assert text[quote.start : quote.end] == quote.text
        assert text[quote.speaker_start : quote.speaker_end] == quote.speaker_text


def test_misaligned_segment_is_rejected(nlp):
    text = "The minister said the talks failed."
    with pytest.raises(ValueError, match="docs\\[0\\]"):
        extract_quotes(text, [(3, nlp(text))])
    with pytest.raises(TypeError, match="docs\\[0\\]"):
        extract_quotes(text, [(0, text)])


# --- PolNeAR scoring --------------------------------------------------------------------------------------


def test_polnear_metrics_on_three_dev_articles():
    if not POLNEAR_DEV.exists():
        pytest.skip(f"{POLNEAR_DEV} is absent")
    from blocwatch.evaluation.quotes import evaluate_quotes, format_quote_report

    metrics = evaluate_quotes([POLNEAR_DEV], limit=3)
    assert metrics["articles"] == 3
    for kind in ("direct", "indirect"):
        for key in ("precision", "recall", "f1", "speaker_accuracy", "end_to_end_f1"):
            assert 0.0 <= metrics[kind][key] <= 1.0
        assert metrics[kind]["gold"] > 0
    assert metrics["direct"]["f1"] > 0.5
    assert "dev" in metrics["splits"]
    assert "direct" in format_quote_report(metrics)


def test_pronoun_in_a_reported_clause_gives_way_to_the_reporting_subject(nlp):
    text = 'Senator Maria Lopez said she expects the budget "to pass before the summer recess."'
    quote = _find(extract_quotes_from_text(text, nlp), "to pass before", direct=True)
    assert quote.speaker_text == "Senator Maria Lopez"
    assert "Lopez" in quote.speaker.name


def test_pronoun_in_a_relative_clause_keeps_its_own_speaker(nlp):
    text = (
        "The governor paid for a new advertisement in which he promises "
        '"a safer border and lower taxes for every family."'
    )
    quote = _find(extract_quotes_from_text(text, nlp), "a safer border", direct=True)
    assert quote.speaker_text == "he"


def test_bare_cue_after_a_closed_quotation_names_its_speaker(nlp):
    text = "The mayor spoke at length. “The bridge will reopen in May.” Mayor Ana Ruiz said."
    quote = _find(extract_quotes_from_text(text, nlp), "The bridge will reopen", direct=True)
    assert quote.speaker_text == "Mayor Ana Ruiz"


def test_speaker_after_the_quotation_when_the_parser_gives_the_cue_no_subject(nlp):
    text = "“We cannot wait for Brussels,” Anna Weber, the economist who founded energywatch.org posted on Friday."
    quote = _find(extract_quotes_from_text(text, nlp), "We cannot wait", direct=True)
    assert quote.speaker is not None and quote.speaker.name == "Anna Weber"
    assert quote.speaker_text == "Anna Weber, the economist who founded energywatch.org"


def test_as_someone_put_it_names_the_speaker(nlp):
    text = 'As Professor Anna Lind put it: "Small states survive by keeping many friends."'
    quote = _find(extract_quotes_from_text(text, nlp), "Small states survive", direct=True)
    assert quote.speaker_text == "Professor Anna Lind"
    assert quote.cue == "put"


def test_name_label_before_a_colon_is_the_speaker(nlp):
    text = (
        'Rep. Dana Holt (R-Ohio): "Who told you that the figure was ninety percent?"\n'
        'Said Marsh: "Nobody in this room believes the figure any more."'
    )
    quotes = extract_quotes_from_text(text, nlp)
    assert "Dana Holt" in _find(quotes, "Who told you", direct=True).speaker.name
    marsh = _find(quotes, "Nobody in this room", direct=True)
    assert marsh.speaker_text == "Marsh" and marsh.cue == "Said"


def test_credit_line_after_a_quoted_paragraph_is_the_speaker(nlp):
    text = (
        '"We are the only candidates who talk about rents and wages."\n'
        "- Jane Roe.\n"
        "The claim is hard to check."
    )
    quote = _find(extract_quotes_from_text(text, nlp), "the only candidates", direct=True)
    assert quote.speaker is not None and "Jane" in quote.speaker.name


def test_quoted_description_of_a_thing_goes_to_whoever_reports_it(nlp):
    text = (
        "An audit published in March found that the agency could not be sure the money was not coming from "
        '"illegal logging and smuggling networks."'
    )
    quote = _find(extract_quotes_from_text(text, nlp), "illegal logging", direct=True)
    assert quote.speaker_text == "An audit"


def test_cue_the_quotation_hangs_from_beats_a_nearer_cue(nlp):
    text = (
        'The audit also notes that "the fines are so small" that it is likely that many firms simply consider '
        "them a cost of business."
    )
    quote = _find(extract_quotes_from_text(text, nlp), "the fines are so small", direct=True)
    assert quote.speaker_text == "The audit"
    assert quote.cue == "notes"


def test_quotation_inside_someones_claim_goes_to_its_owner(nlp):
    text = "The minister's repeated claim that the border is “completely secure” drew laughter in the chamber."
    quote = _find(extract_quotes_from_text(text, nlp), "completely secure", direct=True)
    assert quote.speaker_text == "The minister's"
    assert quote.cue == "claim"


def test_cue_whose_subject_holds_the_quotation_does_not_frame_it(nlp):
    text = (
        "City Manager Paul Reyes said in the letter that the poster “unmistakably and wrongfully” suggests that "
        "the department backs the union."
    )
    quote = _find(extract_quotes_from_text(text, nlp), "unmistakably", direct=True)
    assert quote.speaker_text == "City Manager Paul Reyes"


def test_long_credit_with_a_quoted_nickname_after_the_quotation(nlp):
    text = (
        '"We are ready for this fight!" the governor\'s cousin, state Sen. Robert "Bobby" Alvarez '
        "(R-El Paso County), told supporters on Friday."
    )
    quotes = extract_quotes_from_text(text, nlp)
    quote = _find(quotes, "ready for this fight", direct=True)
    assert quote.cue == "told" and quote.speaker_text is not None and "cousin" in quote.speaker_text
    assert not any(q.text == "Bobby" for q in quotes)


def test_quoted_nickname_inside_a_name_is_not_a_quotation():
    text = (
        'Senator Thomas "Tip" Walsh spoke first. In "Snowden" Stone tells the story of a leak.\n'
        "How She Found “Courage” After The War"
    )
    found = [text[q.start : q.end] for q in find_quotations(text, [(0, len(text))])]
    assert found == ["Snowden", "Courage"]


def test_participle_after_a_relative_clause_shares_the_main_subject(nlp):
    text = (
        "The mayor refused to pay a contractor who said he was owed money for repairs at the town hall, "
        "saying, “The work was never finished properly.”"
    )
    quote = _find(extract_quotes_from_text(text, nlp), "never finished", direct=True)
    assert quote.speaker_text == "The mayor"


def test_dash_taken_for_a_subject_is_not_the_speaker(nlp):
    text = (
        "When the senator noted that the firm had not paid any fees ― as was true for the years its accounts "
        "were made public ― Smith boasted, “That makes us efficient.”"
    )
    quote = _find(extract_quotes_from_text(text, nlp), "makes us efficient", direct=True)
    assert quote.speaker_text == "Smith"


def test_dash_credit_ending_a_comment_signs_its_opening_quotation(nlp):
    text = (
        "Readers wrote in.\n"
        "“He has failed too many times. He is not a leader.” And that is all he has, “the root of all evil.” "
        "― Maria Lopez.\n"
        "“We need change now.” ― Tom Reed"
    )
    quotes = extract_quotes_from_text(text, nlp)
    assert _find(quotes, "failed too many times", direct=True).speaker_text == "Maria Lopez"
    assert _find(quotes, "need change now", direct=True).speaker_text == "Tom Reed"


def test_according_to_source_leading_a_report_is_the_speaker(nlp):
    text = "According to the Daily Courier, council spokesman Tom Baird said on Monday that “the vote will go ahead.”"
    quote = _find(extract_quotes_from_text(text, nlp), "the vote will go ahead", direct=True)
    assert quote.speaker_text == "the Daily Courier"
    assert quote.cue is not None and quote.cue.lower() == "according to"
