"""Named queries over a Store, shared by the CLI, the Python API and the HTTP API.

Every user value is passed as a query parameter; the SQL text is built only from constant
fragments chosen by which filters are set. Filter values are checked up front so that a typo
("threats", root "41") is an error saying what is allowed, not a silently empty result.
"""

from __future__ import annotations

import gc
import math
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, get_args

from tacitus.columns.records import (
    EVENT_SELECT,
    EVENT_TEXT,
    EVENT_WIDTH,
    QUOTE_SELECT,
    event_record,
    quote_record,
    segments,
)
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
    # The default output leaves out candidates (Event.candidate): events outside political
    # news, bare statements by unknown parties, uncoded sources. `all` brings them back.
    all: bool = False
    min_killed: int | None = None  # events whose clause counts at least this many dead
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
    if not flt.all:
        w.add("e.candidate IS NULL")
    if flt.min_killed is not None:
        _min_killed(w, flt.min_killed)
    return w


def _min_killed(w: _Where, least: int) -> None:
    """The least number of dead the event's record counts ("dozens" counts as 24)."""
    if least < 0:
        raise InputError(f"minimum killed {least} cannot be negative")
    w.add("e.casualties.killed.low >= ?", least)


def events(store: Store, flt: EventFilter | None = None) -> list[dict[str, Any]]:
    """Event records (Event.to_dict() shape) by publication date, article and sentence."""
    flt = flt or EventFilter()
    where = _filter_where(flt)
    limit = _limit(flt.limit)
    sql = (
        f"SELECT {EVENT_SELECT} FROM events e JOIN articles a ON a.id = e.article_id"
        + where.sql()
        + " ORDER BY a.published NULLS LAST, e.article_id, e.sentence, e.span_start, e.id"
        + (" LIMIT ?" if limit else "")
    )
    return _event_records(store.column_rows(sql, [*where.params, *limit]))


def _event_records(rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """Records from their columns, the collector paused: building tens of thousands of small
    dicts otherwise triggers a full collection every few thousand, which cost a third of the
    time per row (bench/store_queries.py). Nothing built here holds a reference cycle."""
    paused = gc.isenabled()
    gc.disable()
    try:
        return [event_record(r) for r in rows]
    finally:
        if paused:
            gc.enable()


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
        f"SELECT {QUOTE_SELECT} FROM quotes q JOIN articles a ON a.id = q.article_id"
        + w.sql()
        + " ORDER BY a.published NULLS LAST, q.article_id, q.sentence, q.content_start"
        + (" LIMIT ?" if lim else "")
    )
    return [quote_record(r) for r in store.column_rows(sql, [*w.params, *lim])]


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


def further_sources(store: Store, ids: list[str] | None = None) -> dict[str, list[str]]:
    """The origins each article was read from besides its own (the same text given again),
    by article id; all articles when `ids` is None. A store made before the table existed
    has none."""
    found = store.rows(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'article_sources'"
    )
    if not found[0][0]:
        return {}
    sql = "SELECT article_id, origin FROM article_sources"
    params: list[Any] = []
    if ids is not None:
        sql += " WHERE article_id IN (SELECT unnest(?::VARCHAR[]))"
        params.append(ids)
    out: dict[str, list[str]] = {}
    for article_id, origin in store.rows(sql + " ORDER BY article_id, origin", params):
        out.setdefault(str(article_id), []).append(str(origin))
    return out


def _jsonable(row: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in row.items():
        if isinstance(value, date | datetime):
            value = value.isoformat()
        elif key == "segments":
            value = segments(value, row.get("text") or "")
        out[key] = value
    return out


# -- article metadata for exports and clusters -------------------------------------------------


def article_meta(
    store: Store, ids: list[str], *, with_text: bool = False
) -> dict[str, dict[str, Any]]:
    """Where each of these articles came from, by id: url, outlet, published, origin, title,
    coded_at and the length of its text (and the text itself when `with_text`)."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return {}
    fields = "a.id, a.url, a.outlet, a.published, a.origin, a.title, a.coded_at, length(a.text)"
    sql = (
        f"SELECT {fields} AS text_length{', a.text' if with_text else ''} FROM articles a "
        "JOIN unnest(?::VARCHAR[]) AS u(id) ON a.id = u.id"
    )
    return {row["id"]: row for row in store.dicts(sql, [wanted])}


# -- series: counts per period, for timelines ---------------------------------------------------

# How `series` can group, beyond the period: the column each grouping reads. "actor" and
# "country" are the event's source; a dyad filter narrows the target.
SERIES_GROUPS: dict[str, str] = {
    "actor": "e.source_code",
    "country": "e.source_country",
    "root": "e.root",
    "quad": "e.quad_class",
}
SERIES_PERIODS = ("day", "week", "month", "quarter", "year")


def series(
    store: Store, flt: EventFilter | None = None, *, by: str = "week", group: str | None = None
) -> list[dict[str, Any]]:
    """One row per period (and group): events, counts per quad class, Goldstein sum and mean.

    An event counts on its own date, or its article's publication date when it has none, the
    same date the `since`/`until` filters read. Weeks start on Monday (ISO). The filters are
    those of `events`, so a series and a listing with one filter describe the same events.
    """
    period = _one_of(by, SERIES_PERIODS, "series period")
    key = SERIES_GROUPS[_one_of(group, tuple(SERIES_GROUPS), "series grouping")] if group else None
    where = _filter_where(flt or EventFilter())
    select_key = f", {key} AS {group}" if key else ""
    group_key = f", {key}" if key else ""
    quads = ", ".join(f"count(*) FILTER (WHERE e.quad_class = {q}) AS quad{q}" for q in range(1, 5))
    # The period expression is one of five constants, never user text.
    sql = (
        f"SELECT date_trunc('{period}', coalesce(e.event_date, a.published))::DATE AS period"
        f"{select_key}, count(*) AS events, {quads}, round(sum(e.goldstein), 3) AS goldstein_sum,"
        " round(avg(e.goldstein), 3) AS goldstein_mean"
        " FROM events e JOIN articles a ON a.id = e.article_id"
        + where.sql()
        + f" GROUP BY ALL ORDER BY period NULLS LAST{group_key}"
    )
    return [_jsonable(row) for row in store.dicts(sql, where.params)]


def coded_article_ids(store: Store, since: date, until: date) -> list[str]:
    """Ids of the coded articles published between two dates (inclusive), by date and id."""
    sql = (
        "SELECT id FROM articles WHERE status = 'coded' AND published BETWEEN ? AND ? "
        "ORDER BY published, id"
    )
    return [str(r[0]) for r in store.rows(sql, [since, until])]


# -- The HTTP API and dashboard (tacitus.web) -------------------------------------------------
# Kept apart from the CLI's queries above so each can grow without the other; they share the
# filter logic through `_event_where`.

QUAD_CLASSES = (1, 2, 3, 4)  # verbal co-op, material co-op, verbal conflict, material conflict
ATTRIBUTION_STATUSES = ("direct", "reported", "hedged")
INTERVALS = ("day", "week", "month")
# The event's date, or the publication date when the coder found none: what users filter on.
_WHEN = "coalesce(e.event_date, a.published)"
# A page sort key that never holds NULL, so keyset comparison works ("published NULLS LAST").
_PAGE_KEYS = (
    "coalesce(a.published, DATE '9999-12-31')", "e.article_id", "e.sentence", "e.span_start",
    "e.id",
)  # fmt: skip
_PAGE_KEY = ", ".join(_PAGE_KEYS)


@dataclass(kw_only=True)
class EventSearch(EventFilter):
    """The CLI's filters plus what a map and a search box need."""

    plover_type: str | None = None  # PLOVER event type, exact: PROTEST, ASSAULT
    quad_class: int | None = None  # 1..4
    attribution: str | None = None  # direct, reported or hedged
    country: str | None = None  # CAMEO country of the source or the target: ISR, USA
    place_country: str | None = None  # ISO 3166 alpha-2 country of the event's location
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    text: str | None = None  # words in the event's sentence, ignoring case


def _filter_where(flt: EventFilter) -> _Where:
    """The conditions of any filter: an EventSearch adds its own to the CLI's, so `tacitus
    events`, the Python API and the HTTP API read one definition of every filter."""
    return _search_where(flt) if isinstance(flt, EventSearch) else _event_where(flt)


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    """ "west,south,east,north" in degrees -> a bounding box; anything else is an InputError."""
    try:
        west, south, east, north = (float(p) for p in value.split(","))
    except ValueError:
        raise InputError(
            f"a bounding box is four numbers west,south,east,north, not {value!r}"
        ) from None
    box = (west, south, east, north)
    if not all(math.isfinite(v) for v in box) or not (
        -90 <= south <= north <= 90 and -180 <= west <= 180 and -180 <= east <= 180
    ):
        raise InputError(f"bounding box {value!r} is not west,south,east,north in degrees")
    return box


def _search_where(s: EventSearch) -> _Where:
    w = _event_where(s)
    if s.plover_type is not None:
        w.add("e.plover_type = ?", s.plover_type.strip().upper())
    if s.quad_class is not None:
        if s.quad_class not in QUAD_CLASSES:
            raise InputError(f"quad class {s.quad_class} is not one of 1, 2, 3, 4")
        w.add("e.quad_class = ?", s.quad_class)
    if s.attribution is not None:
        status = _one_of(s.attribution, ATTRIBUTION_STATUSES, "attribution status")
        w.add("e.attribution_status = ?", status)
    if s.country is not None:
        code = _actor_prefix(s.country)
        w.add("(e.source_country = ? OR e.target_country = ?)", code, code)
    if s.place_country is not None:
        w.add("e.location_country = ?", s.place_country.strip().upper())
    if s.bbox is not None:
        _add_bbox(w, s.bbox)
    if s.text is not None and s.text.strip():
        w.add(f"contains(lower({EVENT_TEXT}), lower(?))", s.text.strip())
    return w


def _add_bbox(w: _Where, bbox: tuple[float, float, float, float]) -> None:
    west, south, east, north = bbox
    if not (-90 <= south <= north <= 90 and -180 <= west <= 180 and -180 <= east <= 180):
        raise InputError(f"bounding box {bbox} is not west,south,east,north in degrees")
    w.add("e.location_lat BETWEEN ? AND ?", south, north)
    if west <= east:
        w.add("e.location_lon BETWEEN ? AND ?", west, east)
    else:  # a box across the antimeridian: 170 to -170 is 20 degrees wide
        w.add("(e.location_lon >= ? OR e.location_lon <= ?)", west, east)


def _events_from(search: EventSearch) -> str:
    """The FROM clause of an aggregate: the join to articles only when a date filter needs
    the publication date (it cost 15-20 ms of a 35-55 ms query over 100,000 events), or a
    text search the article's text (the sentence is stored as offsets into it)."""
    if search.since is None and search.until is None and not (search.text or "").strip():
        return "FROM events e"
    return "FROM events e JOIN articles a ON a.id = e.article_id"


def event_page(
    store: Store, search: EventSearch, *, size: int, after: list[Any] | None = None
) -> tuple[list[dict[str, Any]], list[Any] | None]:
    """One page of event records in the CLI's order, and the sort key to pass as `after` for
    the next page (None on the last page). Keyset paging stays fast deep into a large store,
    where OFFSET would rescan every skipped row."""
    if size < 1:
        raise InputError(f"page size {size} must be at least 1")
    w = _search_where(search)
    if after is not None:
        if len(after) != 5:
            raise InputError("the cursor is not one this server gave out")
        w.add(f"({_PAGE_KEY}) > (?::DATE, ?, ?, ?, ?)", *after)
    # The page is chosen on the key columns alone and its records fetched after, by rowid:
    # sorting 100,000 rows with their JSON records took 75 ms, without them 20 ms.
    keys = ", ".join(f"{expr} AS k{i}" for i, expr in enumerate(_PAGE_KEYS))
    order = ", ".join(f"page.k{i}" for i in range(len(_PAGE_KEYS)))
    sql = (
        f"WITH page AS (SELECT e.rowid AS row_id, {keys} "
        f"FROM events e JOIN articles a ON a.id = e.article_id{w.sql()} "
        f"ORDER BY {_PAGE_KEY} LIMIT ?) "
        f"SELECT {EVENT_SELECT}, {order} FROM page JOIN events e ON e.rowid = page.row_id "
        "JOIN articles a ON a.id = e.article_id "
        f"ORDER BY {order}"
    )
    rows = store.column_rows(sql, [*w.params, size + 1])
    records = _event_records(rows[:size])
    if len(rows) <= size:
        return records, None
    last = rows[size - 1][EVENT_WIDTH:]
    return records, [last[0].isoformat(), *last[1:]]


def event_detail(store: Store, event_id: str) -> dict[str, Any] | None:
    """One event with its article (text and segments), the article's actor mentions and
    quotes; None when no event has this id."""
    found = store.rows(
        f"SELECT {EVENT_SELECT} FROM events e JOIN articles a ON a.id = e.article_id "
        "WHERE e.id = ? LIMIT 1",
        [event_id],
    )
    if not found:
        return None
    record = event_record(found[0])
    article_id = record["article_id"]
    article = store.dicts(
        f"SELECT {ARTICLE_FIELDS}, text, segments FROM articles WHERE id = ?", [article_id]
    )
    mentions = store.dicts(
        'SELECT m.start, m."end", coalesce(m.text, substr(a.text, m.start + 1, '
        'm."end" - m.start)) AS text, m.code, m.name, m.kind, m.why '
        "FROM actors m JOIN articles a ON a.id = m.article_id "
        "WHERE m.article_id = ? ORDER BY m.start",
        [article_id],
    )
    return {
        "event": record,
        "article": _jsonable(article[0]) if article else None,
        "actors": mentions,
        "quotes": quotes(store, article_id=article_id),
    }


def event_timeline(store: Store, search: EventSearch, interval: str) -> list[dict[str, Any]]:
    """Per day, week (from Monday) or month: events per quad class, and Goldstein sum and
    mean. Periods with no events are left out."""
    part = _one_of(interval, INTERVALS, "interval")
    w = _search_where(search)
    quads = ", ".join(f"count(*) FILTER (e.quad_class = {q}) AS q{q}" for q in QUAD_CLASSES)
    sql = (
        f"SELECT CAST(date_trunc(?, {_WHEN}) AS DATE) AS period, count(*) AS events, {quads}, "
        "sum(e.goldstein) AS goldstein_sum, avg(e.goldstein) AS goldstein_mean "
        f"FROM events e JOIN articles a ON a.id = e.article_id{w.sql()}"
        f"{' AND ' if w.conditions else ' WHERE '}{_WHEN} IS NOT NULL "
        "GROUP BY period ORDER BY period"
    )
    return [_jsonable(r) for r in store.dicts(sql, [part, *w.params])]


def top_actors(store: Store, search: EventSearch, n: int) -> list[dict[str, Any]]:
    """The `n` actor codes in most events, as source or target, with both counts."""
    w = _search_where(search)
    base = f"{_events_from(search)}{w.sql()}"
    sql = (
        "SELECT code, count(*) AS events, count(*) FILTER (role = 'source') AS as_source, "
        "count(*) FILTER (role = 'target') AS as_target, avg(goldstein) AS goldstein_mean "
        f"FROM (SELECT e.source_code AS code, 'source' AS role, e.goldstein {base} "
        f"UNION ALL SELECT e.target_code, 'target', e.goldstein {base}) "
        "WHERE code IS NOT NULL GROUP BY code ORDER BY events DESC, code LIMIT ?"
    )
    return store.dicts(sql, [*w.params, *w.params, *_limit(n)])


def top_dyads(store: Store, search: EventSearch, n: int) -> list[dict[str, Any]]:
    """The `n` (source, target) code pairs in most events, with Goldstein sum and mean."""
    w = _search_where(search)
    w.add("e.source_code IS NOT NULL AND e.target_code IS NOT NULL")
    sql = (
        "SELECT e.source_code AS source, e.target_code AS target, count(*) AS events, "
        "sum(e.goldstein) AS goldstein_sum, avg(e.goldstein) AS goldstein_mean "
        f"{_events_from(search)}{w.sql()} "
        "GROUP BY 1, 2 ORDER BY events DESC, source, target LIMIT ?"
    )
    return store.dicts(sql, [*w.params, *_limit(n)])


def event_places(store: Store, search: EventSearch, n: int) -> list[dict[str, Any]]:
    """Located events grouped by place (most events first): a map needs one point per place,
    not one per event, and most events share a country or city centroid."""
    w = _search_where(search)
    w.add("e.location_lat IS NOT NULL AND e.location_lon IS NOT NULL")
    quads = ", ".join(f"count(*) FILTER (e.quad_class = {q}) AS q{q}" for q in QUAD_CLASSES)
    sql = (
        "SELECT e.location_name AS name, e.location_lat AS lat, e.location_lon AS lon, "
        f"any_value(e.location_country) AS country, count(*) AS events, {quads}, "
        "avg(e.goldstein) AS goldstein_mean "
        f"{_events_from(search)}{w.sql()} "
        "GROUP BY 1, 2, 3 ORDER BY events DESC, name LIMIT ?"
    )
    return store.dicts(sql, [*w.params, *_limit(n)])


def located_events(store: Store, search: EventSearch, n: int) -> list[dict[str, Any]]:
    """Up to `n` located events, flat, for GeoJSON export."""
    w = _search_where(search)
    w.add("e.location_lat IS NOT NULL AND e.location_lon IS NOT NULL")
    sql = (
        "SELECT e.id, e.article_id, e.location_lat AS lat, e.location_lon AS lon, "
        "e.location_name AS place, e.location_country AS place_country, e.cameo, "
        "e.cameo_name, e.quad_class, e.goldstein, e.source_code AS source, "
        f"e.target_code AS target, {_WHEN} AS date, {EVENT_TEXT} AS text "
        f"FROM events e JOIN articles a ON a.id = e.article_id{w.sql()} "
        f"ORDER BY {_PAGE_KEY} LIMIT ?"
    )
    return [_jsonable(r) for r in store.dicts(sql, [*w.params, *_limit(n)])]
