"""The same person is one actor across every article of the sample corpus, however the text names them."""

from __future__ import annotations

from collections import defaultdict

import pytest

from blocwatch.pipeline import extract_records
from blocwatch.samples import load_articles


@pytest.fixture(scope="module")
def person_mentions() -> dict[str, list[tuple[str, str, str]]]:
    """Surname → [(article id, text as written, actor id)] for every person mention in the JSONL samples."""
    articles = load_articles()
    outputs = extract_records(
        [{"id": a["id"], "text": a["text"], "date": a["date"], "title": a["title"]} for a in articles]
    )
    by_surname: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for output in outputs:
        for actor in output["actors"]:
            if actor["kind"] == "person" and actor["id"]:
                by_surname[actor["name"].split()[-1]].append((output["id"], actor["text"], actor["id"]))
    return by_surname


@pytest.mark.parametrize(
    ("surname", "person_id"),
    [
        ("Pashinyan", "person:nikol-pashinyan"),
        ("Lavrov", "person:sergey-lavrov"),
        ("Lukashenko", "person:alexander-lukashenko"),
        ("Tokayev", "person:kassym-jomart-tokayev"),
        ("Putin", "person:vladimir-putin"),
        ("Aliyev", "person:ilham-aliyev"),
    ],
)
def test_one_actor_per_person_across_articles(person_mentions, surname: str, person_id: str) -> None:
    mentions = person_mentions[surname]
    articles = {article for article, _, _ in mentions}
    assert len(articles) >= 3, f"{surname} should appear in several sample articles"
    assert {actor_id for _, _, actor_id in mentions} == {person_id}


def test_spelling_variants_and_bare_surnames_share_the_identity(person_mentions) -> None:
    written = {text for _, text, _ in person_mentions["Lavrov"]}
    assert any("Sergei" in text for text in written) and any("Sergey" in text for text in written)
    assert "Lavrov" in written  # the bare surname later in an article
    pronouns = [text for _, text, actor_id in person_mentions["Pashinyan"] if text.lower() == "he"]
    assert pronouns, "'he' after Pashinyan is resolved to him"
