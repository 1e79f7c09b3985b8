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


def test_the_trigger_offsets_mark_exactly_the_word_the_coder_read() -> None:
    text = "Rebels said the army attacked, and then it attacked again."
    second = text.rindex("attacked")
    record = {"span": [0, len(text)], "trigger": "attack"}
    by_search = event_marks(record, text, [])
    by_offsets = event_marks(record | {"trigger_span": [second, second + 8]}, text, [])
    assert [(m.start, m.end) for m in by_search if m.kind == "trigger"] == [
        (text.index("attacked"), text.index("attacked") + 8)
    ]
    assert [(m.start, m.end) for m in by_offsets if m.kind == "trigger"] == [(second, second + 8)]


def test_a_record_without_usable_offsets_falls_back_to_the_search() -> None:
    for stored in ([0, 0], [5, 2], [0, len(TEXT) + 1], None, "3,8"):
        marks = event_marks(event(trigger_span=stored), TEXT, [])
        assert marked(marks, "trigger") == ["attacked"], stored
