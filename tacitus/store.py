"""The store stage: coded articles, actors, events and quotes in one DuckDB file.

All SQL of the project lives here and in `tacitus.queries`. Saving is idempotent: an
article's rows in every table are replaced in one transaction, so re-coding an article never
duplicates its events, and a failure followed by a success leaves only the success.

Every field of an event, quote and actor mention has its own column (`tacitus.columns` maps
records to rows and back), so queries filter and select columns, and outputs still read back
exactly what the coder produced (`Event.to_dict()`). An article's text is stored once.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from tacitus.columns.rows import (
    CASUALTIES_TYPE,
    CLAIMANTS_TYPE,
    SEGMENTS_TYPE,
    actor_row,
    event_row,
    quote_row,
    segments_value,
)
from tacitus.errors import StoreError
from tacitus.model import Article, CodingResult, Failure

log = logging.getLogger(__name__)

# Bump when a table or column changes, and teach `_check_version` to migrate the old one.
# Version 3 (issue 10): every field in its own column, no JSON records, the article text once.
SCHEMA_VERSION = 3
_RECODE_VERSIONS = ("1", "2")

# An actor as six columns (source, target, a quote's speaker); NULL text: no such actor.
_PARTY_DDL = (
    "{p}_text VARCHAR, {p}_code VARCHAR, {p}_country VARCHAR, {p}_sectors VARCHAR[], "
    "{p}_name VARCHAR, {p}_why VARCHAR"
)

_DDL = (
    "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
    f"""CREATE TABLE IF NOT EXISTS articles (
        id VARCHAR PRIMARY KEY, origin VARCHAR, url VARCHAR, outlet VARCHAR,
        published DATE, published_origin VARCHAR, title VARCHAR, text VARCHAR,
        segments {SEGMENTS_TYPE}, truncated BOOLEAN, status VARCHAR NOT NULL, reason VARCHAR,
        n_events INTEGER, coded_at TIMESTAMP, tacitus_version VARCHAR, model VARCHAR)""",
    # `text` (an actor's, an event's sentence, a quote's content) is NULL when the article's
    # text between the row's offsets gives it back: see tacitus.columns.
    """CREATE TABLE IF NOT EXISTS actors (
        article_id VARCHAR NOT NULL, start INTEGER, "end" INTEGER, text VARCHAR,
        code VARCHAR, country VARCHAR, sectors VARCHAR[], name VARCHAR, kind VARCHAR,
        why VARCHAR)""",
    f"""CREATE TABLE IF NOT EXISTS events (
        id VARCHAR NOT NULL, article_id VARCHAR NOT NULL, sentence INTEGER,
        span_start INTEGER, span_end INTEGER, text VARCHAR,
        {_PARTY_DDL.format(p="source")}, {_PARTY_DDL.format(p="target")},
        cameo VARCHAR, cameo_name VARCHAR, root VARCHAR, plover_type VARCHAR,
        plover_mode VARCHAR, goldstein DOUBLE, quad_class INTEGER, polarity VARCHAR,
        modality VARCHAR, confidence DOUBLE, why VARCHAR, trigger VARCHAR, segment VARCHAR,
        candidate VARCHAR, attribution_status VARCHAR, attribution_by {CLAIMANTS_TYPE},
        attribution_why VARCHAR, location_name VARCHAR, location_geonameid BIGINT,
        location_lat DOUBLE, location_lon DOUBLE, location_country VARCHAR,
        location_admin1 VARCHAR, location_precision VARCHAR, location_basis VARCHAR,
        location_why VARCHAR, event_date DATE, date_value VARCHAR, date_precision VARCHAR,
        date_raw VARCHAR, date_why VARCHAR, casualties {CASUALTIES_TYPE},
        trigger_start INTEGER, trigger_end INTEGER)""",
    f"""CREATE TABLE IF NOT EXISTS quotes (
        article_id VARCHAR NOT NULL, kind VARCHAR, content VARCHAR, content_start INTEGER,
        content_end INTEGER, cue VARCHAR, speaker_text VARCHAR,
        {_PARTY_DDL.format(p="speaker").replace("speaker_text", "speaker_actor_text")},
        speaker_start INTEGER, speaker_end INTEGER, sentence INTEGER)""",
    # Further sources of a stored article: the same text read again from another file, line
    # or feed item (the article's own `origin` is the first). Added without a schema bump:
    # a store opened for writing gains the table, and readers treat its absence as empty.
    """CREATE TABLE IF NOT EXISTS article_sources (
        article_id VARCHAR NOT NULL, origin VARCHAR NOT NULL, PRIMARY KEY (article_id, origin))""",
    # The parts of distributed runs loaded so far (tacitus.scale), by the run's key: a run
    # interrupted and started again skips them. Added like article_sources, without a bump.
    """CREATE TABLE IF NOT EXISTS loaded_parts (
        run VARCHAR NOT NULL, part INTEGER NOT NULL, loaded_at TIMESTAMP,
        PRIMARY KEY (run, part))""",
)

ARTICLE_COLUMNS = (
    "id", "origin", "url", "outlet", "published", "published_origin", "title", "text",
    "segments", "truncated", "status", "reason", "n_events", "coded_at", "tacitus_version",
    "model",
)  # fmt: skip
ACTOR_COLUMNS = (
    "article_id", "start", "end", "text", "code", "country", "sectors", "name", "kind", "why",
)  # fmt: skip
_PARTY = ("text", "code", "country", "sectors", "name", "why")
EVENT_COLUMNS = (
    "id", "article_id", "sentence", "span_start", "span_end", "text",
    *(f"source_{c}" for c in _PARTY), *(f"target_{c}" for c in _PARTY),
    "cameo", "cameo_name", "root", "plover_type", "plover_mode", "goldstein", "quad_class",
    "polarity", "modality", "confidence", "why", "trigger", "segment", "candidate",
    "attribution_status", "attribution_by", "attribution_why",
    "location_name", "location_geonameid", "location_lat", "location_lon", "location_country",
    "location_admin1", "location_precision", "location_basis", "location_why",
    "event_date", "date_value", "date_precision", "date_raw", "date_why", "casualties",
    "trigger_start", "trigger_end",
)  # fmt: skip
QUOTE_COLUMNS = (
    "article_id", "kind", "content", "content_start", "content_end", "cue", "speaker_text",
    "speaker_actor_text", *(f"speaker_{c}" for c in _PARTY[1:]), "speaker_start",
    "speaker_end", "sentence",
)  # fmt: skip
CHILD_TABLES = ("actors", "events", "quotes")
TABLE_COLUMNS: dict[str, Sequence[str]] = {
    "articles": ARTICLE_COLUMNS,
    "actors": ACTOR_COLUMNS,
    "events": EVENT_COLUMNS,
    "quotes": QUOTE_COLUMNS,
}

Row = tuple[Any, ...]


def _insert_sql(table: str, columns: Sequence[str], types: dict[str, str]) -> str:
    """A bulk INSERT taking one list parameter per column, unnested side by side.

    Row-by-row `executemany` cost about 1 ms per event row; binding whole columns as typed
    lists is about 30 times faster (measured on 1,000 event rows). Table, column and type
    names come from the code and the catalog, never from user input.
    """
    names = ", ".join(f'"{c}"' for c in columns)
    unnests = ", ".join(f"unnest(?::{types[c]}[])" for c in columns)
    return f"INSERT INTO {table} ({names}) SELECT {unnests}"


@cache
def _tacitus_version() -> str:
    try:
        return version("tacitus")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "unknown"


class Store:
    """A DuckDB file (or ":memory:") holding coded articles; use it as a context manager."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        try:
            self._con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}") from exc
        try:
            self._prepare_schema()
            self._inserts = {t: self._bulk_insert(t, c) for t, c in TABLE_COLUMNS.items()}
        except BaseException:
            self._con.close()
            raise

    # -- lifecycle -------------------------------------------------------------------------

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _prepare_schema(self) -> None:
        found = self._stored_version()
        if found is None and self.read_only:
            raise StoreError(f"{self.path} is not a tacitus store (no meta table)")
        if found is not None:
            self._check_version(found)
        if self.read_only:
            return
        for ddl in _DDL:
            self._con.execute(ddl)
        if found is None:
            self._con.execute(
                "INSERT INTO meta VALUES ('schema_version', ?), ('created_by', ?)",
                [str(SCHEMA_VERSION), _tacitus_version()],
            )

    def _bulk_insert(self, table: str, columns: Sequence[str]) -> str:
        found = self._con.execute(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ?",
            [table],
        ).fetchall()
        types = {str(name): str(kind) for name, kind in found}
        missing = [c for c in columns if c not in types]
        if missing:
            raise StoreError(f"store {self.path}: table {table} lacks columns {missing}")
        return _insert_sql(table, columns, types)

    def _stored_version(self) -> str | None:
        tables = self._con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_name = 'meta'"
        ).fetchall()
        if not tables:
            return None
        row = self._con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return None if row is None else str(row[0])

    def _check_version(self, found: str) -> None:
        if found == str(SCHEMA_VERSION):
            return
        if found in _RECODE_VERSIONS:
            # Versions 1 and 2 kept events as JSON records with fewer columns; coding is
            # deterministic and resumable, so re-coding is cheaper to trust than a migration.
            raise StoreError(
                f"store {self.path} has schema version {found!r}, from an older tacitus; "
                f"this tacitus ({_tacitus_version()}) stores events in version "
                f"{SCHEMA_VERSION}'s columns: re-run `tacitus code` on the same inputs into a "
                "new store (--db), or read this one with the tacitus version that wrote it"
            )
        raise StoreError(
            f"store {self.path} has schema version {found!r}, but this tacitus "
            f"({_tacitus_version()}) reads version {SCHEMA_VERSION}; open it with the tacitus "
            "version that wrote it, or code into a new store"
        )

    # -- reading (used by tacitus.queries) ---------------------------------------------------

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """Run one parameterised query; user values go in `params`, never into `sql`."""
        try:
            return self._con.execute(sql, list(params)).fetchall()
        except duckdb.Error as exc:
            raise StoreError(f"query failed on {self.path}: {exc}") from exc

    def column_rows(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """Like `rows`, fetched through Arrow a column at a time: lists and structs convert
        to Python about twice as fast that way as through `fetchall` (bench/store_queries.py),
        which matters for the event records `tacitus.queries` rebuilds from their columns."""
        try:
            table = self._con.sql(sql, params=list(params)).to_arrow_table()
        except duckdb.Error as exc:
            raise StoreError(f"query failed on {self.path}: {exc}") from exc
        return list(zip(*(column.to_pylist() for column in table.columns), strict=True))

    def dicts(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Like `rows`, each row as a dict keyed by column name."""
        try:
            cursor = self._con.execute(sql, list(params))
            names = [d[0] for d in cursor.description or ()]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        except duckdb.Error as exc:
            raise StoreError(f"query failed on {self.path}: {exc}") from exc

    def coded_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of these article ids are already coded successfully (to skip on re-run)."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return set()
        rows = self.rows(
            "SELECT a.id FROM articles a JOIN unnest(?::VARCHAR[]) AS u(id) ON a.id = u.id "
            "WHERE a.status = 'coded'",
            [wanted],
        )
        return {r[0] for r in rows}

    def coded_texts(self, ids: Iterable[str]) -> dict[str, str]:
        """The stored text of each of these ids that is coded: a re-run tells an article it
        already coded from a different text reusing its id."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return {}
        rows = self.rows(
            "SELECT a.id, a.text FROM articles a JOIN unnest(?::VARCHAR[]) AS u(id) "
            "ON a.id = u.id WHERE a.status = 'coded'",
            [wanted],
        )
        return {str(r[0]): str(r[1] or "") for r in rows}

    def note_sources(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Record (article id, origin) pairs: more places an article's text was read from.
        A pair noted twice (a re-run) is kept once."""
        rows = list(dict.fromkeys((str(a), str(o)) for a, o in pairs if a and o))
        if not rows:
            return
        if self.read_only:
            raise StoreError(f"store {self.path} is open read-only")
        try:
            self._con.execute(
                # Two unnests in one select list are zipped side by side. An article's own
                # origin (a re-run over the same file) is not a further source.
                "INSERT OR IGNORE INTO article_sources SELECT u.a, u.o FROM "
                "(SELECT unnest(?::VARCHAR[]) AS a, unnest(?::VARCHAR[]) AS o) AS u "
                "WHERE NOT EXISTS (SELECT 1 FROM articles x WHERE x.id = u.a AND x.origin = u.o)",
                [[a for a, _ in rows], [o for _, o in rows]],
            )
        except duckdb.Error as exc:
            raise StoreError(f"could not note sources in {self.path}: {exc}") from exc

    def stats(self) -> dict[str, int]:
        """Counts of coded and failed articles, events (candidates included), candidates,
        quotes and actor mentions."""
        row = self.rows(
            "SELECT (SELECT count(*) FROM articles WHERE status = 'coded'), "
            "(SELECT count(*) FROM articles WHERE status = 'failed'), "
            "(SELECT count(*) FROM events), "
            "(SELECT count(*) FROM events WHERE candidate IS NOT NULL), "
            "(SELECT count(*) FROM quotes), (SELECT count(*) FROM actors)"
        )[0]
        keys = ("articles_coded", "articles_failed", "events", "candidates", "quotes", "actors")
        return {k: int(v) for k, v in zip(keys, row, strict=True)}

    # -- writing -----------------------------------------------------------------------------

    def save(self, result: CodingResult, *, model: str | None = None) -> None:
        """Store one article's coding, replacing whatever was stored for its id."""
        self.save_many([result], model=model)

    def save_failure(self, failure: Failure) -> None:
        """Record an article that could not be coded, with its reason and whatever text."""
        self.save_many([failure])

    def save_many(
        self, items: Iterable[CodingResult | Failure], *, model: str | None = None
    ) -> None:
        """Store a batch in one transaction (faster than one `save` per article).

        The last item wins for an id given twice. A failure replaces an earlier success of the
        same id as well: the store always reflects the latest run over each article.
        """
        latest: dict[str, CodingResult | Failure] = {}
        for item in items:
            key = item.article_id if isinstance(item, Failure) else item.article.id
            latest.pop(key, None)  # keep the order of last appearance
            latest[key] = item
        if not latest:
            return
        # coded_at is a plain TIMESTAMP holding UTC, so the value never depends on the zone of
        # the machine that coded or of the one that reads.
        batch = _Batch(model=model, coded_at=datetime.now(UTC).replace(tzinfo=None))
        for item in latest.values():
            batch.add(item)
        self._write(list(latest), batch)
        log.debug("stored %d articles in %s", len(latest), self.path)

    def _write(self, ids: list[str], batch: _Batch) -> None:
        if self.read_only:
            raise StoreError(f"store {self.path} is open read-only")
        con = self._con
        try:
            con.begin()
            for table in CHILD_TABLES:
                con.execute(
                    f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
                    [ids],
                )
            con.execute("DELETE FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids])
            for table, rows in batch.tables():
                if rows:
                    con.execute(self._inserts[table], [list(c) for c in zip(*rows, strict=True)])
            con.commit()
        except duckdb.Error as exc:
            con.rollback()
            raise StoreError(f"could not save {len(ids)} articles to {self.path}: {exc}") from exc
        except BaseException:
            con.rollback()
            raise

    # -- parts: one store's rows as Parquet files, loaded into another (distributed runs) -----

    def export_parts(self, directory: str | Path) -> None:
        """Write every table to `directory/<table>.parquet` (tacitus.scale's worker parts)."""
        folder = Path(directory)
        folder.mkdir(parents=True, exist_ok=True)
        for table, columns in TABLE_COLUMNS.items():
            names = ", ".join(f'"{c}"' for c in columns)
            target = _sql_string(str(folder / f"{table}.parquet"))
            # COPY takes no parameter for its target; the path is quoted as a SQL string.
            self._execute(f"COPY (SELECT {names} FROM {table}) TO {target} (FORMAT parquet)")

    def load_parts(
        self,
        directory: str | Path,
        *,
        skip: Collection[str] = (),
        renamed: Mapping[str, str] | None = None,
    ) -> int:
        """Load the tables `export_parts` wrote, replacing the rows of the same articles in
        one transaction: loading a part twice, or after a crash, changes nothing more.
        Returns how many articles the part holds.

        Articles in `skip` are not loaded (copies of stored ones); those in `renamed` are
        loaded under their new id, and their events under the ids `Event.id` gives an event
        of that article (tacitus.scale merges parts this way)."""
        folder = Path(directory)
        articles = _sql_string(str(folder / "articles.parquet"))
        ids = [r[0] for r in self.rows(f"SELECT id FROM read_parquet({articles})")]
        if not ids:
            return 0
        if self.read_only:
            raise StoreError(f"store {self.path} is open read-only")
        renames = dict(renamed or {})
        targets = [renames.get(i, i) for i in ids if i not in skip]
        con = self._con
        try:
            con.begin()
            con.execute(
                "CREATE OR REPLACE TEMP TABLE part_ids AS SELECT u.old, u.new FROM (SELECT "
                "unnest(?::VARCHAR[]) AS old, unnest(?::VARCHAR[]) AS new) AS u",
                [list(renames), list(renames.values())],
            )
            for table in (*CHILD_TABLES, "articles"):
                key = "id" if table == "articles" else "article_id"
                con.execute(
                    f"DELETE FROM {table} WHERE {key} IN (SELECT unnest(?::VARCHAR[]))",
                    [targets],
                )
            for table, columns in TABLE_COLUMNS.items():
                part = _sql_string(str(folder / f"{table}.parquet"))
                con.execute(_part_insert(table, columns, part), [list(skip)])
            con.commit()
        except duckdb.Error as exc:
            con.rollback()
            raise StoreError(f"could not load part {folder} into {self.path}: {exc}") from exc
        except BaseException:
            con.rollback()
            raise
        return len(ids)

    def mark_part_loaded(self, run: str, part: int) -> None:
        """Note that part `part` of the distributed run keyed `run` is in the store."""
        try:
            self._con.execute(
                "INSERT OR IGNORE INTO loaded_parts VALUES (?, ?, ?)",
                [run, part, datetime.now(UTC).replace(tzinfo=None)],
            )
        except duckdb.Error as exc:
            raise StoreError(f"could not note part {part} in {self.path}: {exc}") from exc

    def loaded_parts(self, run: str) -> set[int]:
        """The parts of the distributed run keyed `run` already loaded (none in a store
        written before the table existed)."""
        try:
            rows = self._con.execute("SELECT part FROM loaded_parts WHERE run = ?", [run])
            return {int(r[0]) for r in rows.fetchall()}
        except duckdb.CatalogException:
            return set()
        except duckdb.Error as exc:
            raise StoreError(f"could not read the loaded parts of {self.path}: {exc}") from exc

    def _execute(self, sql: str) -> None:
        try:
            self._con.execute(sql)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: {exc}") from exc


# An event's id from its columns, as `Event.id` computes it (sha1 of article, sentence,
# trigger span as Python prints a tuple, code and dyad): a renamed article's events get the ids
# they would have had had it been coded under its new id. tests/test_scale_merge.py checks it.
_EVENT_ID_SQL = (
    "substr(sha1(r.new || '|' || p.sentence || '|(' || p.trigger_start || ', ' || "
    "p.trigger_end || ')|' || p.cameo || '|' || coalesce(p.source_code, '') || '|' || "
    "coalesce(p.target_code, '')), 1, 16)"
)


def _part_insert(table: str, columns: Sequence[str], part: str) -> str:
    """INSERT of a part's table: articles in the list parameter left out, those in the
    temporary table part_ids (old, new) under their new id."""
    key = "id" if table == "articles" else "article_id"

    def column(name: str) -> str:
        if name == key:
            return f'coalesce(r.new, p."{name}")'
        if table == "events" and name == "id":
            return f"CASE WHEN r.new IS NULL THEN p.id ELSE {_EVENT_ID_SQL} END"
        return f'p."{name}"'

    names = ", ".join(f'"{c}"' for c in columns)
    values = ", ".join(column(c) for c in columns)
    return (
        f"INSERT INTO {table} ({names}) SELECT {values} FROM read_parquet({part}) AS p "
        f"LEFT JOIN part_ids AS r ON r.old = p.{key} "
        f"WHERE p.{key} NOT IN (SELECT unnest(?::VARCHAR[]))"
    )


def _sql_string(text: str) -> str:
    """A SQL string literal: single quotes doubled."""
    return "'" + text.replace("'", "''") + "'"


class _Batch:
    """Rows for every table, gathered before the transaction opens."""

    def __init__(self, *, model: str | None, coded_at: datetime) -> None:
        self.model = model
        self.coded_at = coded_at
        self.articles: list[Row] = []
        self.actors: list[Row] = []
        self.events: list[Row] = []
        self.quotes: list[Row] = []

    def tables(self) -> list[tuple[str, list[Row]]]:
        return [
            ("articles", self.articles),
            ("actors", self.actors),
            ("events", self.events),
            ("quotes", self.quotes),
        ]

    def add(self, item: CodingResult | Failure) -> None:
        if isinstance(item, Failure):
            self.articles.append(self._failure_row(item))
            return
        article = item.article
        if item.failure is not None:
            failed = item.failure
            self.articles.append(self._article_row(article, failed.status, failed.reason, 0))
            return
        self.articles.append(self._article_row(article, "coded", None, len(item.events)))
        text = article.text
        self.actors.extend(actor_row(article.id, text, a) for a in item.actors)
        self.events.extend(event_row(article.id, text, e) for e in item.events)
        self.quotes.extend(quote_row(article.id, text, q) for q in item.quotes)

    def _article_row(self, a: Article, status: str, reason: str | None, n_events: int) -> Row:
        return (
            a.id, a.origin, a.url, a.outlet, a.published, a.published_origin, a.title, a.text,
            segments_value(a), a.truncated, status, reason, n_events,
            self.coded_at, _tacitus_version(), self.model,
        )  # fmt: skip

    def _failure_row(self, f: Failure) -> Row:
        return (
            f.article_id, f.origin, None, None, None, None, None, f.text, [], False,
            f.status, f.reason, 0, self.coded_at, _tacitus_version(), self.model,
        )  # fmt: skip
