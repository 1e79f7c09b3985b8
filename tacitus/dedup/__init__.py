"""One event, many reports: syndicated copies found by MinHash, and event clusters.

Clusters are computed from the store when asked for, over the events a filter selects, so
they are always current: an article coded a minute ago joins its cluster in the next query,
and its outlet and article counts grow with it.

    >>> rows = cluster_rows(store, EventFilter(dyad=("ISR", "IRN")))
    >>> rows[0].cluster["outlets"], [m.outlet for m in rows[0].mentions]
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from tacitus import queries
from tacitus.dedup.clusters import cluster
from tacitus.dedup.copies import stories
from tacitus.export.rows import ExportRow
from tacitus.queries import EventFilter
from tacitus.store import Store

__all__ = ["cluster", "cluster_dict", "cluster_rows", "clusters_of", "stories"]

# Syndicated copies appear within days of the original; a week either side bounds the
# articles read for copy detection without missing a late reprint.
COPY_WINDOW = timedelta(days=7)


def cluster_rows(store: Store, flt: EventFilter | None = None) -> list[ExportRow]:
    """The event clusters of the events `flt` selects (the `tacitus events` query), one row
    each: canonical record and article, every mention, and the counts.

    A filter's `limit` applies to the events read, before clustering.
    """
    return clusters_of(store, queries.events(store, flt))


def clusters_of(store: Store, records: list[dict[str, Any]]) -> list[ExportRow]:
    """The event clusters of these event records (as `queries.events` returns them), with
    copy detection over their articles and the articles published near them."""
    ids = [r["article_id"] for r in records]
    meta = queries.article_meta(store, ids, with_text=True)
    story_of = stories(meta | _neighbours(store, meta))
    for article in meta.values():
        article.pop("text", None)  # only the copy detection needs it
    pairs = [(r, meta.get(r["article_id"], {"id": r["article_id"]})) for r in records]
    return cluster(pairs, story_of)


def _neighbours(store: Store, meta: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The coded articles published near these ones: a filter may select a copy's events and
    not its original's (the original's event was coded with another root, say), and the copy
    must still count as a copy."""
    days = [a["published"] for a in meta.values() if isinstance(a.get("published"), date)]
    if not days:
        return {}
    since, until = min(days) - COPY_WINDOW, max(days) + COPY_WINDOW
    others = [i for i in queries.coded_article_ids(store, since, until) if i not in meta]
    return queries.article_meta(store, others, with_text=True)


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date | datetime) else value


def cluster_dict(row: ExportRow) -> dict[str, Any]:
    """A cluster as JSON-ready data: its counts, canonical event record and mentions."""
    assert row.cluster is not None
    counts = ("mentions", "articles", "outlets", "stories", "copies")
    out: dict[str, Any] = {
        "cluster_id": row.cluster["cluster_id"],
        "first_seen": _iso(row.cluster["first_seen"]),
        "counts": {k: row.cluster[k] for k in counts},
        "event": row.record,
    }
    out["mentions"] = [
        {
            "event_id": m.event_id,
            "article_id": m.article_id,
            "outlet": m.outlet,
            "url": m.url,
            "sentence": m.sentence,
            "first_seen": _iso(m.first_seen),
            "copy_of": m.copy_of,
        }
        for m in row.mentions
    ]
    return out
