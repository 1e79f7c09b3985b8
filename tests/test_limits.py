"""Bounds on one article's cost (issue 12): debris is not parsed, long paragraphs are parsed
in pieces, and an article past its time budget fails alone while the run goes on."""

from __future__ import annotations

import pytest

import tacitus
from tacitus.limits import MAX_PIECE_CHARS, pieces
from tacitus.model import Article, Segment

pytestmark = pytest.mark.slow

NEWS = "Police arrested ten protesters in Nairobi on Monday, officials said. "


@pytest.mark.parametrize("unit", [".,", "<&", "&;#"])
def test_a_paragraph_of_near_a_million_characters_of_debris_is_not_parsed(
    unit: str,
) -> None:
    text = NEWS + "\n\n" + unit * (999_000 // len(unit))
    result = tacitus.code(text)
    # The news paragraph is coded; the debris paragraph is never parsed.
    assert result.failure is None
    assert any(e.cameo.startswith("17") for e in result.events)


def test_an_article_of_debris_only_is_a_failure_saying_so() -> None:
    result = tacitus.code("a.," * 50_000)
    assert result.failure is not None
    assert "no prose" in result.failure.reason


def test_a_long_paragraph_is_parsed_in_pieces_cut_at_sentence_ends() -> None:
    paragraph = NEWS * 200
    parts = pieces(Segment("body", paragraph, 0))
    assert len(parts) > 1
    assert all(len(p.text) <= MAX_PIECE_CHARS for p in parts)
    assert all(p.text.rstrip().endswith("said.") for p in parts)
    result = tacitus.code(paragraph)
    assert result.failure is None
    assert len({e.sentence for e in result.events}) > 100


def test_an_article_past_its_time_budget_fails_and_the_next_is_coded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pipeline = tacitus.load()
    monkeypatch.setattr(pipeline, "time_budget", 0.0)
    (slow,) = pipeline.code([Article(id="slow", text=NEWS)])
    assert slow.failure is not None
    assert "took longer than 0 s" in slow.failure.reason
    monkeypatch.setattr(pipeline, "time_budget", 60.0)
    (fast,) = pipeline.code([Article(id="fast", text=NEWS)])
    assert fast.failure is None
