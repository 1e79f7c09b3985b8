"""Ids within one run: a reused id never overwrites another article.

Two different texts with the same supplied id (repeated ids in JSON lines, reused feed guids)
are both kept, the second under ``id~h`` where h is 8 hex digits of its content id, and the
collision noted in the report; the same text twice is one article, the second copy noted as a
duplicate of the first (with the id it was kept under, so that its source can be stored).

Memory is bounded (`IdRegistry`): the first `MEMORY_ENTRIES` ids of a run are kept in a dict;
past that, every id moves to a temporary SQLite file that is deleted at the end of the run,
whose page cache is capped at `CACHE_KIB`. The check stays exact for any number of records.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import replace

from tacitus.ingest.records import content_id
from tacitus.ingest.report import IngestReport
from tacitus.model import Article, Failure

log = logging.getLogger(__name__)

# 50,000 ids of a typical run (an id of 16 to 40 characters, a content id, an origin path of
# under 100 characters) take about 15 MB as Python objects; a run of that size or less never
# touches the disk. Origins are cut to ORIGIN_CHARS, so even hostile 4 KB paths keep the dict
# under about 60 MB.
MEMORY_ENTRIES = 50_000
ORIGIN_CHARS = 500
# SQLite's page cache for the spilled registry (its pragma takes KiB as a negative number);
# lookups of recent ids stay in it, older ones are read from the file.
CACHE_KIB = 8192


class IdRegistry:
    """id -> (content id of its text, origin of its first record), in bounded memory."""

    def __init__(self, memory_entries: int = MEMORY_ENTRIES) -> None:
        self._memory: dict[str, tuple[str, str]] = {}
        self._limit = memory_entries
        self._db: sqlite3.Connection | None = None
        self._path: str | None = None

    def get(self, key: str) -> tuple[str, str] | None:
        if self._db is None:
            return self._memory.get(key)
        row = self._db.execute("SELECT digest, origin FROM ids WHERE id = ?", (key,)).fetchone()
        return None if row is None else (str(row[0]), str(row[1]))

    def put(self, key: str, digest: str, origin: str) -> None:
        entry = (digest, origin[:ORIGIN_CHARS])
        if self._db is not None:
            self._db.execute("INSERT OR REPLACE INTO ids VALUES (?, ?, ?)", (key, *entry))
            return
        self._memory[key] = entry
        if len(self._memory) > self._limit:
            self._spill()

    @property
    def on_disk(self) -> bool:
        return self._db is not None

    def _spill(self) -> None:
        handle, self._path = tempfile.mkstemp(prefix="tacitus-ids-", suffix=".sqlite")
        os.close(handle)
        # One writer, no reader but us, a file deleted afterwards: no journal, no fsync.
        self._db = sqlite3.connect(self._path, isolation_level=None)
        for pragma in ("journal_mode = OFF", "synchronous = OFF", f"cache_size = -{CACHE_KIB}"):
            self._db.execute(f"PRAGMA {pragma}")
        self._db.execute("CREATE TABLE ids (id TEXT PRIMARY KEY, digest TEXT, origin TEXT)")
        # One transaction for the whole run, never committed: the file is thrown away at the
        # end, and a commit per id would cost a write to the file system each (100x slower).
        self._db.execute("BEGIN")
        self._db.executemany(
            "INSERT INTO ids VALUES (?, ?, ?)", ((k, d, o) for k, (d, o) in self._memory.items())
        )
        log.info("more than %d ids in this run: checking them in %s", self._limit, self._path)
        self._memory = {}

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
        if self._path is not None:
            os.unlink(self._path)
            self._path = None


def unique(
    items: Iterable[Article | Failure],
    report: IngestReport,
    registry: IdRegistry | None = None,
) -> Iterator[Article | Failure]:
    seen = registry if registry is not None else IdRegistry()
    try:
        for item in items:
            report.records += 1
            kept = _checked(item, seen, report)
            if kept is not None:
                yield kept
    finally:
        seen.close()


def _checked(
    item: Article | Failure, seen: IdRegistry, report: IngestReport
) -> Article | Failure | None:
    """The item, renamed when it reuses the id of another text; None for a duplicate."""
    key = item.id if isinstance(item, Article) else item.article_id
    text = item.text
    origin = (item.origin or "") if isinstance(item, Article) else item.origin
    # Failures are told apart by where they came from as well: the same bad line in two
    # files is two failed records, each to be found and fixed.
    digest = content_id(text) if isinstance(item, Article) else content_id(f"{origin}\n{text}")
    first = seen.get(key)
    if first is not None and first[0] != digest:
        new_key = f"{key}~{digest[:8]}"
        if isinstance(item, Article):
            report.collision(origin, key, new_key)
        key, first = new_key, seen.get(new_key)
        item = _renamed(item, key)
    if first is not None:
        report.duplicate(origin, first[1], key)
        return None
    seen.put(key, digest, origin)
    return item


def derived_id(key: str, text: str) -> str:
    """The id a text reusing `key` is kept under."""
    return f"{key}~{content_id(text)[:8]}"


def _renamed(item: Article | Failure, key: str) -> Article | Failure:
    if isinstance(item, Article):
        return replace(item, id=key)
    return replace(item, article_id=key)
