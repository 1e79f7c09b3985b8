"""Where an event's trigger, actors, place and quotes sit in its article's text.

The event record keeps the trigger's character offsets (`trigger_span`), which mark it
exactly. Records stored before they were kept have only the trigger word, so the trigger is
then found in the sentence: the word itself, or failing that a word sharing its stem
("visited" for "visit"). The text is returned cut into pieces, each with the marks that
cover it, so the browser only sets text (never HTML) and overlapping marks need no nesting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

# A trigger is a lemma; its stem is the word less a short inflectional ending, and at
# least 3 letters ("seize" -> "seiz" matches "seized", "go" stays "go").
_STEM_MIN = 3
_ENDING = 2


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # sentence, trigger, source, target, place, quote


def _find(text: str, needle: str, start: int, end: int) -> tuple[int, int] | None:
    if not needle:
        return None
    # not \b: a needle may start or end with punctuation ("U.S."), where \b cannot match
    pattern = re.compile(rf"(?<!\w){re.escape(needle)}(?!\w)", re.IGNORECASE)
    found = pattern.search(text, start, end)
    return (found.start(), found.end()) if found else None


def _find_trigger(text: str, trigger: str, start: int, end: int) -> tuple[int, int] | None:
    exact = _find(text, trigger, start, end)
    if exact or not trigger:
        return exact
    words = trigger.split()
    head = words[0]
    stem = head[: max(_STEM_MIN, len(head) - _ENDING)]
    found = re.compile(rf"(?<!\w){re.escape(stem)}\w*", re.IGNORECASE).search(text, start, end)
    return (found.start(), found.end()) if found else None


def _trigger_span(event: dict[str, Any], text: str) -> tuple[int, int] | None:
    """The trigger's offsets as the record gives them; None for a record stored before they
    were kept (or one that does not fit this text), which is then searched for."""
    span = event.get("trigger_span")
    if not isinstance(span, list) or len(span) != 2:
        return None
    first, last = span
    if not (isinstance(first, int) and isinstance(last, int) and 0 <= first < last <= len(text)):
        return None
    return first, last


def event_marks(event: dict[str, Any], text: str, quotes: list[dict[str, Any]]) -> list[Mark]:
    """The marks of one event in its article's text, sentence first."""
    span = event.get("span") or [0, 0]
    start, end = max(0, int(span[0])), min(len(text), int(span[1]))
    marks = [Mark(start, end, "sentence")] if end > start else []
    if end <= start:  # no usable sentence span: look in the whole text
        start, end = 0, len(text)
    trigger = _trigger_span(event, text) or _find_trigger(
        text, str(event.get("trigger") or ""), start, end
    )
    if trigger:
        marks.append(Mark(*trigger, "trigger"))
    for role in ("source", "target"):
        party = event.get(role) or {}
        found = _find(text, str(party.get("text") or ""), start, end)
        if found:
            marks.append(Mark(*found, role))
    place = (event.get("location") or {}).get("name")
    found = _find(text, str(place or ""), start, end)
    if found:
        marks.append(Mark(*found, "place"))
    for q in quotes:
        q_start, q_end = q.get("content_span") or [0, 0]
        if 0 <= q_start < q_end <= len(text):
            marks.append(Mark(q_start, q_end, "quote"))
    return marks


def pieces(text: str, marks: list[Mark]) -> list[dict[str, Any]]:
    """The text cut at every mark boundary: [{"text", "marks": [kinds]}], in order."""
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out: list[dict[str, Any]] = []
    for a, b in pairwise(cuts):
        if b <= a:
            continue
        kinds = sorted({m.kind for m in marks if m.start <= a and b <= m.end})
        out.append({"text": text[a:b], "marks": kinds})
    return out
