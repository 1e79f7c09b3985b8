"""Export rows: each event record joined with the article it came from.

Every export format starts from these rows, which come from `tacitus.queries.events`, the
query behind `tacitus events`: one filter logic for listing and exporting.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from tacitus import queries
from tacitus.output import nested
from tacitus.queries import EventFilter
from tacitus.store import Store

Record = dict[str, Any]


@dataclass(slots=True)
class ExportRow:
    """One event to export: its record, its article, and how often it was reported.

    Without clustering every event stands for itself: one mention, one article. A cluster's
    row carries its canonical record and the mentions of every article that reported it.
    """

    record: Record
    article: Record
    mentions: list[Mention] = field(default_factory=list)
    cluster: Record | None = None

    @property
    def when(self) -> str | None:
        """The event's date, or its article's publication date when it has none (ISO)."""
        value = get(self.record, "date", "value")
        if value:
            return str(value)
        published = self.article.get("published")
        return published.isoformat() if isinstance(published, date) else None


@dataclass(slots=True)
class Mention:
    """One report of an event: which article, outlet and sentence said it, and when."""

    event_id: str
    article_id: str
    outlet: str | None
    url: str | None
    sentence: int
    first_seen: datetime | None  # publication date (at midnight), else when it was coded
    confidence: float
    span: tuple[int, int]
    text_length: int | None = None
    copy_of: str | None = None  # the article this one is a syndicated copy of


# A nested value of a record, or None when any step is missing or null: one definition,
# shared with the CLI's output.
get = nested


def _moment(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    return None


def mention_of(record: Record, article: Record) -> Mention:
    span = record.get("span") or [0, 0]
    return Mention(
        event_id=str(record["id"]),
        article_id=str(record["article_id"]),
        outlet=article.get("outlet"),
        url=article.get("url"),
        sentence=int(record.get("sentence") or 0),
        first_seen=_moment(article.get("published") or article.get("coded_at")),
        confidence=float(record.get("confidence") or 0.0),
        span=(int(span[0]), int(span[1])),
        text_length=article.get("text_length"),
    )


def event_rows(store: Store, flt: EventFilter | None = None) -> list[ExportRow]:
    """The filtered events, each with its article and itself as its one mention."""
    records = queries.events(store, flt)
    meta = queries.article_meta(store, [r["article_id"] for r in records])
    rows = []
    for record in records:
        article = meta.get(record["article_id"], {"id": record["article_id"]})
        rows.append(ExportRow(record, article, [mention_of(record, article)]))
    return rows
