"""Marking an event's parts in its article's text, without a store."""

from __future__ import annotations

from typing import Any

from tacitus.web.highlight import Mark, event_marks, pieces

TEXT = 'Headline.\n\nThe U.S. army attacked rebels in Goma. Officials said "we will respond".'


def event(**overrides: Any) -> dict[str, Any]:
    start = TEXT.index("The U.S.")
    end = TEXT.index("Goma.") + len("Goma.")
    record: dict[str, Any] = {
        "span": [start, end],
        "trigger": "attack",
        "source": {"text": "U.S. army"},
        "target": {"text": "rebels"},
        "location": {"name": "Goma"},
    }
    return record | overrides


def marked(marks: list[Mark], kind: str) -> list[str]:
    return [TEXT[m.start : m.end] for m in marks if m.kind == kind]


def test_each_part_of_the_event_is_marked_where_it_is_written() -> None:
    quote_start = TEXT.index("we will")
    quote = {"content_span": [quote_start, quote_start + len("we will respond")]}
    marks = event_marks(event(), TEXT, [quote])
    assert marked(marks, "trigger") == ["attacked"]  # the lemma finds its inflected form
    assert marked(marks, "source") == ["U.S. army"]  # punctuation at the edge still matches
    assert marked(marks, "target") == ["rebels"]
    assert marked(marks, "place") == ["Goma"]
    assert marked(marks, "quote") == ["we will respond"]
    assert marked(marks, "sentence") == ["The U.S. army attacked rebels in Goma."]


def test_only_the_event_sentence_is_searched() -> None:
    marks = event_marks(event(trigger="said"), TEXT, [])
    assert marked(marks, "trigger") == []  # "said" is in the next sentence, not this one


def test_pieces_rebuild_the_text_and_carry_overlapping_marks() -> None:
    marks = [Mark(0, 8, "sentence"), Mark(4, 8, "trigger"), Mark(6, 12, "quote")]
    out = pieces("Headline text", marks)
    assert "".join(p["text"] for p in out) == "Headline text"
    assert out[:4] == [
        {"text": "Head", "marks": ["sentence"]},
        {"text": "li", "marks": ["sentence", "trigger"]},
        {"text": "ne", "marks": ["quote", "sentence", "trigger"]},
        {"text": " tex", "marks": ["quote"]},
    ]


def test_marks_outside_the_text_are_dropped() -> None:
    marks = event_marks(event(span=[5, 10_000]), TEXT, [{"content_span": [50, 10_000]}])
    assert all(0 <= m.start < m.end <= len(TEXT) for m in marks)
    assert marked(marks, "quote") == []
