"""Event clusters for the API: the ones `tacitus events --clusters` computes (tacitus.dedup),
over the events a request's filters select, with the sentence of every mention.

Clusters are computed when asked for, never read from a table, so they always match the
events served. Computing them reads every selected event and the text of their articles (for
copy detection), so the number of events one request may cluster is capped.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from tacitus import queries
from tacitus.dedup import cluster_dict, clusters_of
from tacitus.export.rows import ExportRow
from tacitus.queries import EventSearch
from tacitus.store import Store

# Events one request may cluster. Clustering 20,000 events (and MinHashing their articles)
# takes seconds on this machine; a request past the cap clusters the first 20,000 in the
# CLI's order and says so (`capped`), so a user narrows the filters rather than waits.
MAX_CLUSTER_EVENTS = 20_000
# An event's cluster is looked for among events of its root and polarity (clusters never
# span two, see tacitus.dedup.clusters) dated within this many days of it: wider than any
# date precision but a year, so only a chain of reports over months can be cut short.
EVENT_WINDOW = timedelta(days=45)


def cluster_page(store: Store, search: EventSearch, *, limit: int, offset: int) -> dict[str, Any]:
    """Clusters `offset` to `offset + limit` (by first report) of the events `search` selects,
    their total, and whether the events read were capped."""
    records = queries.events(store, replace(search, limit=MAX_CLUSTER_EVENTS + 1))
    capped = len(records) > MAX_CLUSTER_EVENTS
    records = records[:MAX_CLUSTER_EVENTS]
    rows = clusters_of(store, records)
    by_id = {str(r["id"]): r for r in records}
    return {
        "clusters": [with_texts(row, by_id) for row in rows[offset : offset + limit]],
        "total": len(rows),
        "events": len(records),
        "capped": capped,
    }


def cluster_of_event(
    store: Store, event_id: str, *, include_candidates: bool
) -> dict[str, Any] | None:
    """The cluster holding this event (itself alone when no other report tells of it); None
    when no event has this id. A candidate event is clustered with candidates."""
    found = queries.event_detail(store, event_id)
    if found is None:
        return None
    record = found["event"]
    when = _when(record, found["article"] or {})
    search = EventSearch(
        root=str(record.get("root") or "") or None,
        polarity=record.get("polarity"),
        since=when - EVENT_WINDOW if when else None,
        until=when + EVENT_WINDOW if when else None,
        all=include_candidates or record.get("candidate") is not None,
        limit=MAX_CLUSTER_EVENTS,
    )
    records = queries.events(store, search)
    if not any(r["id"] == event_id for r in records):
        records.append(record)  # past the cap: it is clustered with the events read
    by_id = {str(r["id"]): r for r in records}
    for row in clusters_of(store, records):
        if any(m.event_id == event_id for m in row.mentions):
            return with_texts(row, by_id)
    return None  # not reached: every event read is in one cluster


def _when(record: dict[str, Any], article: dict[str, Any]) -> date | None:
    """The event's date, or its article's publication date."""
    value = (record.get("date") or {}).get("value") or article.get("published")
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def with_texts(row: ExportRow, records: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A cluster as JSON, each mention with its event's sentence and code, which a reader
    comparing the reports needs."""
    out = cluster_dict(row)
    for mention in out["mentions"]:
        record = records.get(str(mention["event_id"])) or {}
        mention["text"] = record.get("text")
        mention["cameo"] = record.get("cameo")
        mention["candidate"] = record.get("candidate")
    return out
