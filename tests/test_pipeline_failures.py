"""A bug on one article costs that article only: it comes back as an error record, the others are extracted."""

from __future__ import annotations

import blocwatch.pipeline as pipeline
from blocwatch.events.coder import EventCoder


def test_an_article_that_fails_gives_an_error_record_and_the_run_goes_on(monkeypatch) -> None:
    real_code_article = pipeline.code_article

    def fragile(article_id, article, docs, heading_docs=None):
        if article_id == "bad":
            raise RuntimeError("simulated coder bug")
        return real_code_article(article_id, article, docs, heading_docs)

    monkeypatch.setattr(pipeline, "code_article", fragile)
    records = [
        {"id": "good-1", "text": "Armenia recalled its ambassador from Moscow on Monday.", "date": "2024-02-12"},
        {"id": "bad", "text": "Russia condemned the decision.", "date": "2024-02-12"},
        {"id": "good-2", "text": "Azerbaijan and Armenia signed a border agreement.", "date": "2024-04-19"},
    ]
    outputs = list(pipeline.extract_records(records))
    assert [o["id"] for o in outputs] == ["good-1", "bad", "good-2"]
    assert "simulated coder bug" in outputs[1]["error"]
    assert outputs[0]["events"] and outputs[2]["events"]


def test_a_sentence_that_fails_costs_only_that_sentence(monkeypatch) -> None:
    real_code_sentence = EventCoder.code_sentence

    def fragile(self, sent, sentence_index, *args, **kwargs):
        if "condemned" in sent.text:
            raise RuntimeError("simulated parse trouble")
        return real_code_sentence(self, sent, sentence_index, *args, **kwargs)

    monkeypatch.setattr(EventCoder, "code_sentence", fragile)
    result = pipeline.extract_text(
        "Russia condemned the decision. Armenia recalled its ambassador from Moscow on Monday.", date="2024-02-12"
    )
    assert [e.cameo for e in result.events] and all(e.sentence_index == 1 for e in result.events)
