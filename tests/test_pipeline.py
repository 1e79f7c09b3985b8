"""The pipeline: batches, order, failures recorded without stopping the run, the Python API."""

from __future__ import annotations

from datetime import date

import pytest

import tacitus
from tacitus.model import Article, Failure


def test_the_python_api_codes_a_text() -> None:
    result = tacitus.code("Cuba condemned the United States embargo.", published="2024-01-02")
    assert result.ok
    assert result.article.published == date(2024, 1, 2)
    assert result.events[0].to_dict()["cameo"]


def test_a_bad_publication_date_is_an_input_error() -> None:
    with pytest.raises(tacitus.InputError):
        tacitus.code("Cuba condemned the embargo.", published="yesterday")


def test_empty_text_is_a_recorded_failure_not_an_exception() -> None:
    result = tacitus.code("   ")
    assert not result.ok and result.failure is not None
    assert "empty" in result.failure.reason


def test_results_come_back_in_input_order_with_failures_in_place() -> None:
    items: list[Article | Failure] = [
        Article(id="a", text="Ghana recalled its ambassador to Togo."),
        Failure("b", "b.txt", "binary file"),
        Article(id="c", text="Mali expelled the French ambassador."),
    ]
    results = list(tacitus.load().code(items, batch_size=1))
    assert [r.article.id for r in results] == ["a", "b", "c"]
    assert [r.ok for r in results] == [True, False, True]


def test_an_article_that_breaks_a_stage_is_recorded_and_the_run_goes_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pipeline = tacitus.load()
    real = pipeline.coder.code_sentence

    def explode(ctx):  # type: ignore[no-untyped-def]
        if "explode" in ctx.sent.text:
            raise ValueError("boom")
        return real(ctx)

    monkeypatch.setattr(pipeline.coder, "code_sentence", explode)
    items: list[Article | Failure] = [
        Article(id="x", text="This sentence will explode."),
        Article(id="y", text="Ghana recalled its ambassador to Togo."),
    ]
    results = list(pipeline.code(items))
    assert results[0].failure is not None and "boom" in results[0].failure.reason
    assert results[1].ok and results[1].events


def test_a_paragraph_longer_than_the_parser_accepts_is_parsed_in_pieces(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # spaCy refuses texts over nlp.max_length and its cost grows with the square of a
    # sentence: tacitus.limits cuts long paragraphs into pieces the parser takes.
    pipeline = tacitus.load()
    monkeypatch.setattr(pipeline.nlp, "max_length", 10_000)
    long = "Ghana recalled its ambassador to Togo on Monday, officials said. " * 400
    items: list[Article | Failure] = [
        Article(id="long", text=long),
        Article(id="fine", text="Ghana recalled its ambassador to Togo."),
    ]
    results = list(pipeline.code(items))
    assert len(long) > 2 * pipeline.nlp.max_length
    assert results[0].ok and len({e.sentence for e in results[0].events}) == 400
    assert results[1].ok and results[1].events
