"""Records to rows: one tuple per stored row, in the column order of `tacitus.store`."""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from tacitus.model import Actor, Article, Event, Quote, Segment

log = logging.getLogger(__name__)

Row = tuple[Any, ...]

# A casualty count, and the four counts of an event, as DuckDB types: read back they are
# exactly `Count.to_dict()` and `Casualties.to_dict()` (struct fields keep their order).
COUNT_TYPE = 'STRUCT(written VARCHAR, value BIGINT, low BIGINT, "group" VARCHAR, why VARCHAR)'
CASUALTIES_TYPE = (
    f"STRUCT(killed {COUNT_TYPE}, injured {COUNT_TYPE}, missing {COUNT_TYPE}, "
    f"arrested {COUNT_TYPE})"
)
CLAIMANTS_TYPE = "STRUCT(name VARCHAR, kind VARCHAR, code VARCHAR)[]"
SEGMENTS_TYPE = 'STRUCT(kind VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR)[]'


def own_text(article_text: str, start: int, end: int, text: str | None) -> str | None:
    """The text to store beside an offset pair: None when the article's slice gives it back."""
    if text is None or (0 <= start <= end and article_text[start:end] == text):
        return None
    return text


def segments_value(article: Article) -> list[dict[str, Any]]:
    return [_segment(article.text, s) for s in article.segments]


def _segment(text: str, s: Segment) -> dict[str, Any]:
    return {
        "kind": s.kind,
        "start": s.start,
        "end": s.end,
        "text": own_text(text, s.start, s.end, s.text),
    }


def actor_row(article_id: str, article_text: str, a: Actor) -> Row:
    return (
        article_id, a.start, a.end, own_text(article_text, a.start, a.end, a.text), a.code,
        a.country, list(a.sectors), a.name, a.kind, a.why,
    )  # fmt: skip


def _party(actor: Actor | None) -> Row:
    if actor is None:
        return (None,) * 6
    return (actor.text, actor.code, actor.country, list(actor.sectors), actor.name, actor.why)


def _iso_date(value: str | None) -> date | None:
    """The event date as a DATE, or None when the dates stage wrote something unparsable."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        log.warning("event date %r is not an ISO date; kept as written only", value)
        return None


def event_row(article_id: str, article_text: str, e: Event) -> Row:
    """Stored under the article being saved, so that re-saving it always replaces the row."""
    return (
        e.id, article_id, e.sentence, e.span[0], e.span[1],
        own_text(article_text, e.span[0], e.span[1], e.text),
        *_party(e.source), *_party(e.target),
        e.cameo, e.cameo_name, e.root, e.plover_type, e.plover_mode, e.goldstein, e.quad_class,
        e.polarity, e.modality, round(e.confidence, 3), e.why, e.trigger, e.segment,
        e.candidate, *_attribution(e), *_location(e), *_date(e),
        e.casualties.to_dict() if e.casualties else None, *e.trigger_span,
    )  # fmt: skip


def _attribution(e: Event) -> Row:
    a = e.attribution
    if a is None:
        return (None, None, None)
    return (a.status, [c.to_dict() for c in a.by], a.why)


def _location(e: Event) -> Row:
    loc = e.location
    if loc is None:
        return (None,) * 9
    return (
        loc.name, loc.geonameid, loc.lat, loc.lon, loc.country, loc.admin1, loc.precision,
        loc.basis, loc.why,
    )  # fmt: skip


def _date(e: Event) -> Row:
    d = e.date
    if d is None:
        return (None,) * 5
    return (_iso_date(d.value), d.value, d.precision, d.raw, d.why)


def quote_row(article_id: str, article_text: str, q: Quote) -> Row:
    start, end = q.content_span
    speaker = q.speaker
    sp_start, sp_end = q.speaker_span if q.speaker_span else (None, None)
    return (
        article_id, q.kind, own_text(article_text, start, end, q.content), start,
        end, q.cue, q.speaker_text, *_party(speaker), sp_start, sp_end, q.sentence,
    )  # fmt: skip
