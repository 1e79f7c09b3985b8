"""Rows to records: the columns a query selects, turned back into `Event.to_dict()` and
`Quote.to_dict()` without parsing JSON.

Each query selects `EVENT_SELECT` (or `QUOTE_SELECT`) first, from `events e` (or `quotes q`)
joined to `articles a`, whose text gives back the sentence or quote stored as offsets.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

Record = dict[str, Any]


def _text(own: str, start: str, end: str) -> str:
    """The stored text, or the article's slice between two offsets (DuckDB counts from 1)."""
    return f"coalesce({own}, substr(a.text, {start} + 1, {end} - {start}))"


EVENT_TEXT = _text("e.text", "e.span_start", "e.span_end")
QUOTE_CONTENT = _text("q.content", "q.content_start", "q.content_end")

_PARTY = ("text", "code", "country", "sectors", "name", "why")
_LOCATION = (
    "name", "geonameid", "lat", "lon", "country", "admin1", "precision", "basis", "why",
)  # fmt: skip
_EVENT_COLUMNS = (
    "e.id", "e.article_id", "e.sentence", "e.span_start", "e.span_end", EVENT_TEXT,
    *(f"e.source_{c}" for c in _PARTY), *(f"e.target_{c}" for c in _PARTY),
    "e.cameo", "e.cameo_name", "e.root", "e.plover_type", "e.plover_mode", "e.goldstein",
    "e.quad_class", "e.polarity", "e.modality", "e.attribution_status", "e.attribution_by",
    "e.attribution_why", *(f"e.location_{c}" for c in _LOCATION), "e.date_value",
    "e.date_precision", "e.date_raw", "e.date_why", "e.casualties", "e.confidence",
    "e.trigger", "e.segment", "e.candidate", "e.why", "e.trigger_start", "e.trigger_end",
)  # fmt: skip
EVENT_SELECT = ", ".join(_EVENT_COLUMNS)
EVENT_WIDTH = len(_EVENT_COLUMNS)

_QUOTE_COLUMNS = (
    "q.article_id", "q.kind", QUOTE_CONTENT, "q.content_start", "q.content_end", "q.cue",
    "q.speaker_text", "q.speaker_actor_text",
    *(f"q.speaker_{c}" for c in _PARTY[1:]), "q.speaker_start",
    "q.speaker_end", "q.sentence",
)  # fmt: skip
QUOTE_SELECT = ", ".join(_QUOTE_COLUMNS)
QUOTE_WIDTH = len(_QUOTE_COLUMNS)


def _party(values: Sequence[Any]) -> Record | None:
    # An actor's text is never NULL, so a NULL text means the event has no such party.
    if values[0] is None:
        return None
    return dict(zip(_PARTY, values, strict=True))


def event_record(row: Sequence[Any]) -> Record:
    """`Event.to_dict()` from a row that starts with the columns of `EVENT_SELECT`."""
    (
        id_, article_id, sentence, start, end, text, *parties
    ) = row[:18]  # fmt: skip
    (
        cameo, cameo_name, root, plover_type, plover_mode, goldstein, quad_class, polarity,
        modality, status, by, attribution_why,
    ) = row[18:30]  # fmt: skip
    location = row[30:39]
    date_value, precision, raw, date_why, casualties, confidence, trigger, segment = row[39:47]
    candidate, why, trigger_start, trigger_end = row[47:51]
    return {
        "id": id_,
        "article_id": article_id,
        "sentence": sentence,
        "span": [start, end],
        "text": text,
        "source": _party(parties[:6]),
        "target": _party(parties[6:]),
        "cameo": cameo,
        "cameo_name": cameo_name,
        "root": root,
        "plover": {"type": plover_type, "mode": plover_mode},
        "goldstein": goldstein,
        "quad_class": quad_class,
        "polarity": polarity,
        "modality": modality,
        "attribution": (
            None if status is None else {"status": status, "by": by, "why": attribution_why}
        ),
        "location": None if location[0] is None else dict(zip(_LOCATION, location, strict=True)),
        "date": (
            None
            if date_value is None
            else {"value": date_value, "precision": precision, "raw": raw, "why": date_why}
        ),
        "casualties": casualties,
        "confidence": confidence,
        "trigger": trigger,
        # character offsets of the trigger word in the article text, for highlighting
        "trigger_span": [trigger_start, trigger_end],
        "segment": segment,
        "candidate": candidate,
        "why": why,
    }


def quote_record(row: Sequence[Any]) -> Record:
    """`Quote.to_dict()` from a row that starts with the columns of `QUOTE_SELECT`."""
    article_id, kind, content, start, end, cue, speaker_text = row[:7]
    speaker = row[7:13]
    sp_start, sp_end, sentence = row[13:16]
    return {
        "article_id": article_id,
        "kind": kind,
        "content": content,
        "content_span": [start, end],
        "cue": cue,
        "speaker_text": speaker_text,
        "speaker": _party(speaker),
        "speaker_span": None if sp_start is None else [sp_start, sp_end],
        "sentence": sentence,
    }


def segments(value: Sequence[Record] | None, text: str) -> list[Record]:
    """Stored segments back as `{"kind", "start", "text"}`, their text sliced from the article's."""
    return [
        {
            "kind": s["kind"],
            "start": s["start"],
            "text": s["text"] if s["text"] is not None else text[s["start"] : s["end"]],
        }
        for s in value or ()
    ]
