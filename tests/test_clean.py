"""clean: title, headings, body segments, boilerplate and dates, with offsets into the article text."""

from __future__ import annotations

from pathlib import Path

import pytest

from blocwatch.clean import CleanError, clean, clean_html, clean_text
from blocwatch.ingest import RawDocument
from blocwatch.records import CleanArticle

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "000_0f902c55c66fdec3.txt"


def spans(article: CleanArticle, kind: str) -> list[str]:
    return [article.text[s.start : s.end] for s in article.segments if s.kind == kind]


def dropped(article: CleanArticle) -> list[str]:
    return [article.text[s.start : s.end] for s in article.dropped]


def assert_trimmed_spans(article: CleanArticle) -> None:
    for segment in article.segments + article.dropped:
        piece = article.text[segment.start : segment.end]
        assert piece and piece == piece.strip(), segment


# --- the seed article ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed() -> tuple[str, CleanArticle]:
    if not SEED.exists():
        pytest.skip("shared seed article not available")
    text = SEED.read_text(encoding="utf-8")
    return text, clean_text(text)


def test_seed_text_is_kept_as_is(seed: tuple[str, CleanArticle]) -> None:
    text, article = seed
    assert article.text == text
    assert_trimmed_spans(article)


def test_seed_title(seed: tuple[str, CleanArticle]) -> None:
    _, article = seed
    assert article.title == "Armenia Adamant to Leave Russia’s CSTO After Karabakh Loss"
    assert spans(article, "title") == ["Armenia Adamant to Leave Russia’s CSTO After Karabakh Loss"]


def test_seed_keep_reading_block_is_dropped(seed: tuple[str, CleanArticle]) -> None:
    _, article = seed
    body = spans(article, "body")
    teasers = [
        "Keep Reading",
        "US Kills Al-Shabab Leader Maalim Ayman in Special Operations",
        "Shipping Companies to Reroute Vessels to Avoid Red Sea Attacks",
    ]
    for teaser in teasers:
        assert not any(teaser in paragraph for paragraph in body), teaser
        assert teaser in dropped(article)


def test_seed_headings_and_body(seed: tuple[str, CleanArticle]) -> None:
    _, article = seed
    assert spans(article, "heading") == ["Russia-Armenia Military Contract", "Armenia Disgruntled by Russia"]
    body = spans(article, "body")
    assert any(paragraph.startswith("But relations are far than cordial") for paragraph in body)
    assert body[0].startswith("With Armenia not having attended the CSTO summit")
    assert len(body) == 8
    # Segments come in text order and do not overlap.
    ordered = sorted(article.segments + article.dropped, key=lambda segment: segment.start)
    assert all(one.end <= two.start for one, two in zip(ordered, ordered[1:], strict=False))


# --- plain text rules -----------------------------------------------------------------------------


def test_teasers_after_a_marker_but_not_the_heading_before_prose() -> None:
    text = (
        "Georgia Signs Transit Deal\n"
        "Georgia signed a transit agreement with Azerbaijan on Monday, officials said.\n"
        "Related stories\n"
        "Turkey Opens New Rail Line\n"
        "Iran Protests Caspian Survey\n"
        "What the Deal Means\n"
        "The accord lets freight cross the Caucasus without passing through Russia.\n"
        "More from Caucasus Desk\n"
        "Yerevan Hosts Energy Forum\n"
        "Baku Marathon Draws Record Field\n"
    )
    article = clean_text(text)
    assert article.title == "Georgia Signs Transit Deal"
    assert spans(article, "heading") == ["What the Deal Means"]
    assert dropped(article) == [
        "Related stories",
        "Turkey Opens New Rail Line",
        "Iran Protests Caspian Survey",
        "More from Caucasus Desk",
        "Yerevan Hosts Energy Forum",
        "Baku Marathon Draws Record Field",
    ]
    assert len(spans(article, "body")) == 2


def test_line_markers_are_dropped_but_prose_starting_alike_is_kept() -> None:
    text = (
        "Related to the dispute, Armenia recalled its envoy from Moscow on Friday.\n"
        "Advertisement\n"
        "Read more: Why the CSTO Is Losing Members\n"
        "Share this article\n"
        "Sign up for our daily briefing\n"
        "Follow us on Twitter\n"
        "© 2024 Ledger Media. All rights reserved.\n"
        "Click here to get alerts\n"
    )
    article = clean_text(text)
    assert spans(article, "body") == [
        "Related to the dispute, Armenia recalled its envoy from Moscow on Friday."
    ]
    assert len(article.dropped) == 7


def test_cookie_banner_is_dropped_but_news_about_cookies_is_not() -> None:
    text = (
        "We use cookies on our site. By continuing you accept our cookie policy.\n"
        "The EU fined the company for setting tracking cookies without consent, regulators said.\n"
    )
    article = clean_text(text)
    assert dropped(article) == ["We use cookies on our site. By continuing you accept our cookie policy."]
    assert spans(article, "body") == [
        "The EU fined the company for setting tracking cookies without consent, regulators said."
    ]


def test_wrapped_sentence_tails_that_look_like_markers_stay_in_the_paragraph() -> None:
    text = (
        "The ministry said the dividend would be 25 cts a\n"
        "share. Officials declined to comment on the plan and a spokesman\n"
        "for the bank, speaking on condition of anonymity, told\n"
        "Reuters.\n"
        " Reuter\n"
    )
    article = clean_text(text)
    (body,) = spans(article, "body")
    assert body.startswith("The ministry said") and body.endswith("told\nReuters.")
    assert dropped(article) == ["Reuter"]


def test_given_title_keeps_a_different_first_line_out_of_the_title() -> None:
    text = "Oil Output Rises\nKazakhstan raised oil output in May, the energy ministry said."
    article = clean_text(text, title="Kazakh Oil Output Up")
    assert article.title == "Kazakh Oil Output Up"
    matching = clean_text(text, title="Oil output rises")
    assert spans(matching, "title") == ["Oil Output Rises"]


def test_single_line_is_body_not_title() -> None:
    article = clean_text("Russia Withdraws Ambassador From Yerevan")
    assert article.title is None
    assert spans(article, "body") == ["Russia Withdraws Ambassador From Yerevan"]


def test_crlf_offsets_point_into_the_input() -> None:
    text = "Baltic Ministers Meet\r\n\r\n  Latvia hosted the meeting on Tuesday.  \r\nEstonia sent its deputy.\r\n"
    article = clean_text(text)
    assert article.text is text
    assert spans(article, "body") == ["Latvia hosted the meeting on Tuesday.", "Estonia sent its deputy."]
    assert_trimmed_spans(article)


def test_hard_wrapped_paragraphs_are_joined() -> None:
    text = (
        "Finnish Foreign Minister Elina Valtonen said on\n"
        "Thursday that the border with Russia would stay closed\n"
        "until further notice.\n"
        "    Officials in Helsinki said the decision would be\n"
        "reviewed every two weeks.\n"
        " Reuter\n"
    )
    article = clean_text(text)
    body = spans(article, "body")
    assert len(body) == 2
    assert body[0].startswith("Finnish Foreign") and body[0].endswith("until further notice.")
    assert body[1].startswith("Officials in Helsinki") and body[1].endswith("every two weeks.")
    assert dropped(article) == ["Reuter"]
    assert article.title is None


def test_empty_and_boilerplate_only_text() -> None:
    with pytest.raises(CleanError, match="text is empty"):
        clean_text(" \n\n ")
    with pytest.raises(CleanError, match="no article prose"):
        clean_text("Advertisement\nShare this article\nSubscribe to our newsletter\n")


# --- dates in text --------------------------------------------------------------------------------


def test_dateline_gives_the_date_and_stays_out_of_the_body() -> None:
    text = (FIXTURES / "dateline.txt").read_text(encoding="utf-8")
    article = clean_text(text)
    assert article.text == text
    assert article.date == "2023-03-03"
    assert article.title == "Azerbaijan and Armenia hold border talks"
    body = spans(article, "body")
    assert body[0].startswith("Armenian and Azerbaijani deputy prime ministers met")
    assert dropped(article) == ["YEREVAN, March 3, 2023 (Reuters) —", "Share this article"]


@pytest.mark.parametrize(
    ("first_paragraph", "body_start"),
    [
        ("MOSCOW (AP) — Russia's foreign ministry summoned the Armenian ambassador.", "Russia's foreign"),
        ("Feb 12 (Reuters) - Armenia's prime minister said the alliance had failed.", "Armenia's prime"),
        ("KYIV, Ukraine — Ukrainian officials said talks would resume.", "Ukrainian officials"),
    ],
)
def test_datelines_without_a_year_give_no_date(first_paragraph: str, body_start: str) -> None:
    article = clean_text(first_paragraph + "\nA second paragraph follows here.")
    assert article.date is None
    assert spans(article, "body")[0].startswith(body_start)


def test_given_date_wins_over_the_dateline() -> None:
    text = "WASHINGTON, June 4, 2024 (Reuters) - The State Department approved the sale."
    assert clean_text(text, date="2024-06-05").date == "2024-06-05"
    assert clean_text(text).date == "2024-06-04"


def test_date_line_near_the_top_is_used_and_dropped() -> None:
    text = (
        "Tajikistan and Kyrgyzstan Reopen Border\n"
        "Published: 12 March 2023\n"
        "By Aziza Rahimova\n"
        "The two countries reopened their main crossing on Sunday after a two-year closure.\n"
    )
    article = clean_text(text)
    assert article.date == "2023-03-12"
    assert dropped(article) == ["Published: 12 March 2023", "By Aziza Rahimova"]
    assert spans(article, "body") == [
        "The two countries reopened their main crossing on Sunday after a two-year closure."
    ]


def test_date_line_below_a_given_title_ending_in_a_full_stop() -> None:
    text = "Kyrgyz Parliament Backs Border Deal.\n\nPosted on March 9, 2023\n\nDeputies voted 80 to 2 in favour.\n"
    article = clean_text(text, title="Kyrgyz parliament backs border deal")
    assert article.date == "2023-03-09"
    assert spans(article, "title") == ["Kyrgyz Parliament Backs Border Deal."]
    assert spans(article, "body") == ["Deputies voted 80 to 2 in favour."]


def test_update_date_is_second_choice() -> None:
    text = "Updated March 5, 2023 10:32 GMT\nMarch 3, 2023\nThe council met.\n"
    assert clean_text(text).date == "2023-03-03"


def test_a_date_deep_in_the_body_is_not_the_publication_date() -> None:
    text = "The ministers met in Astana.\nThey agreed to meet again.\nMarch 3, 2023\n"
    assert clean_text(text).date is None


# --- HTML -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def news_page() -> CleanArticle:
    return clean_html((FIXTURES / "news_page.html").read_text(encoding="utf-8"))


def test_html_page_title_and_published_time(news_page: CleanArticle) -> None:
    assert news_page.title == "Baltic states agree joint air-defence purchase"
    assert news_page.date == "2024-02-14"  # article:published_time
    assert spans(news_page, "heading") == ["Pressure from the east"]


def test_html_page_body_leaves_out_navigation_and_footer(news_page: CleanArticle) -> None:
    body = spans(news_page, "body")
    assert len(body) == 4
    assert body[0].startswith("The defence ministers of Estonia, Latvia and Lithuania signed")
    assert body[-1].endswith("had been briefed on the plan.")
    joined = "\n".join(body)
    for boilerplate in [
        "Politics",
        "Economy",
        "Subscribe",
        "Mastodon",
        "All rights reserved",
        "Finnish Border",
        "Related",
    ]:
        assert boilerplate not in joined
    assert_trimmed_spans(news_page)


def test_page_without_an_article_is_an_error() -> None:
    page = (FIXTURES / "no_article.html").read_text(encoding="utf-8")
    with pytest.raises(CleanError, match=r"HTML page has no article text \(found 0 paragraphs of prose"):
        clean_html(page)


def test_html_fragment_falls_back_to_its_text() -> None:
    fragment = (
        "<p>Moldova asked the European Union on Monday to send civilian monitors\n to its border.</p>"
        "<p>Transnistrian leaders called it a <b>provocation</b>.</p>"
    )
    article = clean_html(fragment, title="Moldova asks EU for monitors", date="2024-03-11")
    assert article.title == "Moldova asks EU for monitors" and article.date == "2024-03-11"
    assert spans(article, "body") == [
        "Moldova asked the European Union on Monday to send civilian monitors to its border.",
        "Transnistrian leaders called it a provocation.",
    ]


def test_fragment_without_prose_is_an_error() -> None:
    with pytest.raises(CleanError, match="no article text"):
        clean_html('<ul><li><a href="/a">Home</a></li><li><a href="/b">World</a></li></ul>')


def test_published_time_meta_is_used_when_nothing_else_gives_a_date() -> None:
    paragraphs = "".join(
        f"<p>Paragraph {n}: the Uzbek and Tajik delegations discussed water quotas and border markers "
        "at length, and agreed to publish a joint statement after the meeting ended.</p>"
        for n in range(1, 5)
    )
    page = (
        '<html><head><meta property="article:published_time" content="2021-09-30T23:10:00-04:00">'
        f"<title>Water talks</title></head><body><article>{paragraphs}</article></body></html>"
    )
    assert clean_html(page).date == "2021-09-30"


# --- dispatch -------------------------------------------------------------------------------------


def test_clean_dispatches_on_content_type() -> None:
    text_doc = RawDocument(
        id="t", source="t.txt", content="Kyiv and Warsaw signed a grain deal.", content_type="text"
    )
    article = clean(text_doc)
    assert article.text == text_doc.content and spans(article, "body") == [text_doc.content]

    html_doc = RawDocument(
        id="h",
        source="h.html",
        content="<p>Vilnius expelled two diplomats on Friday.</p>",
        content_type="html",
        title="Vilnius expels diplomats",
        date="2024-01-05",
        url="https://ledger.example/vilnius",
    )
    article = clean(html_doc)
    assert (article.title, article.date, article.url) == (
        "Vilnius expels diplomats",
        "2024-01-05",
        "https://ledger.example/vilnius",
    )

    odd = RawDocument(id="p", source="p.pdf", content="x", content_type="pdf")  # type: ignore[arg-type]
    with pytest.raises(CleanError, match="unknown content type 'pdf'"):
        clean(odd)


def test_capture_date_only_when_the_page_has_none() -> None:
    raw = RawDocument(
        id="w",
        source="a.warc@0",
        content="<p>Tbilisi hosted the talks on Monday.</p>",
        content_type="html",
        date="2024-03-01",
        meta={"date_source": "capture"},
    )
    assert clean(raw).date == "2024-03-01"
