"""The store for notebooks: queries that return Arrow tables.

    >>> import tacitus
    >>> with tacitus.open("events.duckdb") as ds:
    ...     events = ds.events(dyad=("ISR", "IRN"), since="2024-01-01").to_pandas()
    ...     weekly = ds.series(dyad=("ISR", "IRN"), by="week")
    ...     stories = ds.clusters(root="19")

Arrow tables turn into data frames with `.to_pandas()` (pandas installed) or
`polars.from_arrow(table)` (polars installed): `pip install tacitus[frames]` brings both.
The filters are those of `tacitus events` (`tacitus.queries.EventSearch`), by keyword.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any

import pyarrow as pa

from tacitus import queries
from tacitus.errors import InputError, StoreError
from tacitus.export.parquet import arrow_table
from tacitus.export.rows import event_rows
from tacitus.model import Article, Failure
from tacitus.queries import EventFilter, EventSearch, parse_bbox
from tacitus.store import Store

__all__ = ["Dataset", "open_dataset", "read"]


def _filter(filters: dict[str, Any]) -> EventFilter:
    """An EventSearch (every filter of `tacitus events` and the HTTP API) from keywords; dates
    may be given as "YYYY-MM-DD" and a bounding box as "west,south,east,north"."""
    for key in ("since", "until"):
        value = filters.get(key)
        if isinstance(value, str):
            try:
                filters[key] = date.fromisoformat(value)
            except ValueError as exc:
                raise InputError(f"{key} must be YYYY-MM-DD, not {value!r}") from exc
    if isinstance(filters.get("bbox"), str):
        filters["bbox"] = parse_bbox(filters["bbox"])
    try:
        return EventSearch(**filters)
    except TypeError as exc:
        raise InputError(f"unknown event filter: {exc}") from exc


class Dataset:
    """A tacitus store opened for reading; use it as a context manager or call `close()`."""

    def __init__(self, path: str | Path) -> None:
        if str(path) != ":memory:" and not Path(path).exists():
            raise StoreError(f"no store at {path}: code some articles first (tacitus code ...)")
        self.store = Store(path, read_only=str(path) != ":memory:")

    def events(self, **filters: Any) -> pa.Table:
        """The events the filters select, one row each, nested fields as structs and the
        article (url, outlet, published, origin, title) as the struct `article`."""
        return arrow_table(event_rows(self.store, _filter(filters)))

    def clusters(self, **filters: Any) -> pa.Table:
        """The event clusters of the selected events: the canonical record, `cluster` counts
        (mentions, articles, outlets, stories, copies, first_seen) and every `mentions`."""
        from tacitus.dedup import cluster_rows

        return arrow_table(cluster_rows(self.store, _filter(filters)), clusters=True)

    def series(self, *, by: str = "week", group: str | None = None, **filters: Any) -> pa.Table:
        """Counts per period (and per group: actor, country, root or quad): events, quad
        classes 1-4, Goldstein sum and mean. `period` is a date: the first day of each."""
        rows = queries.series(self.store, _filter(filters), by=by, group=group)
        table = pa.Table.from_pylist(rows)
        if table.num_rows:
            index = table.schema.get_field_index("period")
            table = table.set_column(index, "period", table["period"].cast(pa.date32()))
        return table

    def articles(self, status: str | None = None) -> pa.Table:
        """The stored articles (without their text) and their status."""
        return pa.Table.from_pylist(queries.articles(self.store, status))

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Dataset:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def open_dataset(path: str | Path) -> Dataset:
    """Open a store for reading (`tacitus.open`)."""
    return Dataset(path)


def read(
    paths: str | Path | Sequence[str | Path],
    *,
    published: date | None = None,
    failures: bool = False,
) -> Iterator[Article | Failure]:
    """The articles in files, directories and feeds, in any format `tacitus code` reads.

    An input that cannot be read is skipped, logged by the reader, unless `failures`, in
    which case its Failure (with the reason and whatever text could be read) is yielded too.
    """
    from tacitus.ingest import read_inputs

    sources = [str(paths)] if isinstance(paths, str | Path) else [str(p) for p in paths]
    for item in read_inputs(sources, published=published):
        if isinstance(item, Article) or failures:
            yield item
