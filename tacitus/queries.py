"""Named queries over a Store, shared by the CLI, the Python API and the HTTP API.

Every user value is passed as a query parameter; the SQL text is built only from constant
fragments chosen by which filters are set. Filter values are checked up front so that a typo
("threats", root "41") is an error saying what is allowed, not a silently empty result.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, get_args

from tacitus.errors import InputError
from tacitus.model import Modality, Polarity
from tacitus.store import Store

MODALITIES: tuple[str, ...] = get_args(Modality)
POLARITIES: tuple[str, ...] = get_args(Polarity)
ARTICLE_STATUSES = ("coded", "failed", "skipped")
# CAMEO has 20 root classes, 01 (make public statement) to 20 (use unconventional mass violence).
ROOT_RANGE = range(1, 21)


@dataclass(kw_only=True)
class EventFilter:
    """Which events to return. Actor codes match by prefix: ISR matches ISR, ISRGOV, ISRMIL."""

    actor: str | None = None  # source or target
    source: str | None = None
    target: str | None = None
    dyad: tuple[str, str] | None = None  # (source prefix, target prefix)
    root: str | None = None  # "19", or "4" meaning "04"
    code: str | None = None  # CAMEO code prefix: "19", "190", "0311"
    modality: str | None = None
    polarity: str | None = None
    since: date | None = None  # on the event date, or the publication date when it has none
    until: date | None = None
    article_id: str | None = None
    min_confidence: float | None = None  # events at least this confident
    # Only events whose source the dictionaries coded: drops acts of parties known by name
    # only ("said Hannes Wittig, an analyst"), which carry no code to aggregate by.
    coded: bool = False
    limit: int | None = None


def normalise_root(root: str) -> str:
    """ "4" -> "04"; a root outside 01..20 is an error."""
    text = root.strip()
    if not text.isdigit() or int(text) not in ROOT_RANGE:
        raise InputError(f"CAMEO root {root!r} is not one of 01..20")
    return f"{int(text):02d}"


def _code_prefix(code: str) -> str:
    text = code.strip()
    if not text.isdigit() or len(text) > 4:
        raise InputError(f"CAMEO code {code!r} must be 1 to 4 digits, such as 19 or 190")
    return text


def _actor_prefix(code: str) -> str:
    text = code.strip().upper()
    if not text:
        raise InputError("an actor code filter cannot be empty")
    return text


def _one_of(value: str, allowed: tuple[str, ...], what: str) -> str:
    if value not in allowed:
        raise InputError(f"{what} {value!r} is not one of {', '.join(allowed)}")
    return value


def _limit(limit: int | None) -> list[Any]:
    if limit is not None and limit < 0:
        raise InputError(f"limit {limit} cannot be negative")
    return [] if limit is None else [limit]


class _Where:
    """AND-ed conditions with their parameters, in step."""

    def __init__(self) -> None:
        self.conditions: list[str] = []
        self.params: list[Any] = []

    def add(self, condition: str, *params: Any) -> None:
        self.conditions.append(condition)
        self.params.extend(params)

    def sql(self) -> str:
        return " WHERE " + " AND ".join(self.conditions) if self.conditions else ""


def _event_where(flt: EventFilter) -> _Where:
    w = _Where()
    if flt.actor is not None:
        prefix = _actor_prefix(flt.actor)
        w.add("(starts_with(e.source_code, ?) OR starts_with(e.target_code, ?))", prefix, prefix)
    sources = [flt.source, flt.dyad[0] if flt.dyad else None]
    targets = [flt.target, flt.dyad[1] if flt.dyad else None]
    for value in filter(None, sources):
        w.add("starts_with(e.source_code, ?)", _actor_prefix(value))
    for value in filter(None, targets):
        w.add("starts_with(e.target_code, ?)", _actor_prefix(value))
    if flt.root is not None:
        w.add("e.root = ?", normalise_root(flt.root))
    if flt.code is not None:
        w.add("starts_with(e.cameo, ?)", _code_prefix(flt.code))
    if flt.modality is not None:
        w.add("e.modality = ?", _one_of(flt.modality, MODALITIES, "modality"))
    if flt.polarity is not None:
        w.add("e.polarity = ?", _one_of(flt.polarity, POLARITIES, "polarity"))
    if flt.since is not None:
        w.add("coalesce(e.event_date, a.published) >= ?", flt.since)
    if flt.until is not None:
        w.add("coalesce(e.event_date, a.published) <= ?", flt.until)
    if flt.article_id is not None:
        w.add("e.article_id = ?", flt.article_id)
    if flt.min_confidence is not None:
        if not 0.0 <= flt.min_confidence <= 1.0:
            raise InputError(f"minimum confidence {flt.min_confidence} is not between 0 and 1")
        w.add("e.confidence >= ?", flt.min_confidence)
    if flt.coded:
        w.add("e.source_code IS NOT NULL")
    return w


def events(store: Store, flt: EventFilter | None = None) -> list[dict[str, Any]]:
    """Event records (Event.to_dict() shape) by publication date, article and sentence."""
    flt = flt or EventFilter()
    where = _event_where(flt)
    limit = _limit(flt.limit)
    sql = (
        "SELECT e.record FROM events e JOIN articles a ON a.id = e.article_id"
        + where.sql()
        + " ORDER BY a.published NULLS LAST, e.article_id, e.sentence, e.span_start, e.id"
        + (" LIMIT ?" if limit else "")
    )
    return [json.loads(r[0]) for r in store.rows(sql, [*where.params, *limit])]


def quotes(
    store: Store,
    article_id: str | None = None,
    speaker: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Quote records (Quote.to_dict() shape) by publication date, article and position.

    `speaker` matches an actor code prefix ("ISRGOV"), or part of the speaker's name or words
    ignoring case ("Gantz", "officials").
    """
    w = _Where()
    if article_id is not None:
        w.add("q.article_id = ?", article_id)
    if speaker is not None:
        needle = speaker.strip()
        w.add(
            "(starts_with(q.speaker_code, ?) OR contains(lower(q.speaker_name), lower(?))"
            " OR contains(lower(q.speaker_text), lower(?)))",
            needle.upper(),
            needle,
            needle,
        )
    lim = _limit(limit)
    sql = (
        "SELECT q.record FROM quotes q JOIN articles a ON a.id = q.article_id"
        + w.sql()
        + " ORDER BY a.published NULLS LAST, q.article_id, q.sentence, q.content_start"
        + (" LIMIT ?" if lim else "")
    )
    return [json.loads(r[0]) for r in store.rows(sql, [*w.params, *lim])]


ARTICLE_FIELDS = (
    "id, origin, url, outlet, published, published_origin, title, truncated, status, "
    "reason, n_events, coded_at, tacitus_version, model"
)


def articles(
    store: Store, status: str | None = None, *, with_text: bool = False
) -> list[dict[str, Any]]:
    """Stored articles by publication date and id; dates as ISO strings, ready for JSON.

    The text and segments are left out unless `with_text`, since listings rarely need them.
    """
    w = _Where()
    if status is not None:
        w.add("status = ?", _one_of(status, ARTICLE_STATUSES, "article status"))
    fields = ARTICLE_FIELDS + (", text, segments" if with_text else "")
    sql = f"SELECT {fields} FROM articles{w.sql()} ORDER BY published NULLS LAST, id"
    return [_jsonable(row) for row in store.dicts(sql, w.params)]


def _jsonable(row: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in row.items():
        if isinstance(value, date | datetime):
            value = value.isoformat()
        elif key == "segments" and isinstance(value, str):
            value = json.loads(value)
        out[key] = value
    return out
