"""Per-row cost of reading events: schema 3's columns against schema 2's JSON records.

Schema 2 kept each event as a JSON record and `queries.events` parsed one per row; schema 3
selects columns and builds the record in Python. Both are measured in one run on the same
events (every field filled: place, date, attribution, casualties), in interleaved rounds, and
the median per-row cost of each and their ratio (JSON / columns) are printed, the ratio last.
The table output is timed too, since it was the slowest way to list events.

    .venv/bin/python bench/store_queries.py [--events 20000] [--rounds 7]
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import time
from collections.abc import Callable
from datetime import date

from tacitus import queries
from tacitus.model import (
    Actor,
    Article,
    Attribution,
    Casualties,
    Claimant,
    CodingResult,
    Count,
    Event,
    EventDate,
    Location,
    Segment,
)
from tacitus.output import write_events
from tacitus.queries import EventFilter
from tacitus.store import Store

SENTENCE = "Jordanian officials met Egyptian diplomats in Amman on Monday, a spokesman said."
EVENTS_PER_ARTICLE = 10


def _event(article_id: str, n: int, start: int) -> Event:
    jor = Actor("Jordanian officials", "JORGOV", "JOR", ("GOV",), "Jordan", why="dictionary")
    egy = Actor("Egyptian diplomats", "EGYGOV", "EGY", ("GOV",), "Egypt", why="dictionary")
    return Event(
        article_id=article_id, sentence=n, span=(start, start + len(SENTENCE)), text=SENTENCE,
        source=jor, target=egy, cameo="190", cameo_name="Use conventional military force",
        plover_type="ASSAULT", plover_mode="aerial", goldstein=-10.0, quad_class=4,
        confidence=0.8, why="verb rule", trigger="met", trigger_span=(start + 20, start + 23),
        attribution=Attribution("reported", [Claimant("a spokesman", "anonymous")], why="said"),
        location=Location("Amman", "city", 250441, 31.96, 35.95, "JO", "11", why="gazetteer"),
        date=EventDate("2024-03-04", "day", "Monday", why="weekday"),
        casualties=Casualties(killed=Count("at least 12", 12, 12, "civilians", why="killed")),
    )  # fmt: skip


def _result(i: int) -> CodingResult:
    text = " ".join([SENTENCE] * EVENTS_PER_ARTICLE)
    article_id = f"a{i:06d}"
    article = Article(
        id=article_id, text=text, outlet="Courier", published=date(2024, 3, 5),
        segments=[Segment("body", text, 0)],
    )  # fmt: skip
    starts = [n * (len(SENTENCE) + 1) for n in range(EVENTS_PER_ARTICLE)]
    events = [_event(article_id, n, s) for n, s in enumerate(starts)]
    return CodingResult(article=article, events=events)


def _fill(store: Store, n_events: int) -> None:
    results = [_result(i) for i in range(n_events // EVENTS_PER_ARTICLE)]
    store.save_many(results)
    # Schema 2's hot path, rebuilt beside it: the record as JSON with its ordering columns.
    store.rows(
        "CREATE TABLE legacy (article_id VARCHAR, sentence INTEGER, span_start INTEGER, "
        "id VARCHAR, record JSON)"
    )
    rows = [
        (e.article_id, e.sentence, e.span[0], e.id, json.dumps(e.to_dict()))
        for r in results
        for e in r.events
    ]
    store.rows(
        "INSERT INTO legacy SELECT unnest(?::VARCHAR[]), unnest(?::INTEGER[]), "
        "unnest(?::INTEGER[]), unnest(?::VARCHAR[]), unnest(?::JSON[])",
        [list(c) for c in zip(*rows, strict=True)],
    )


def _json_records(store: Store) -> int:
    sql = (
        "SELECT e.record FROM legacy e JOIN articles a ON a.id = e.article_id "
        "ORDER BY a.published NULLS LAST, e.article_id, e.sentence, e.span_start, e.id"
    )
    return len([json.loads(r[0]) for r in store.rows(sql)])


def _column_records(store: Store) -> int:
    return len(queries.events(store, EventFilter(all=True)))


def _table(store: Store) -> int:
    records = queries.events(store, EventFilter(all=True, limit=2000))
    return write_events(records, "table", io.StringIO(), width=160)


def _per_row(fn: Callable[[Store], int], store: Store) -> float:
    started = time.perf_counter()
    n = fn(store)
    return (time.perf_counter() - started) / n * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    with Store(":memory:") as store:
        _fill(store, args.events)
        timings: dict[str, list[float]] = {"json": [], "columns": [], "table": []}
        for _ in range(args.rounds):
            timings["json"].append(_per_row(_json_records, store))
            timings["columns"].append(_per_row(_column_records, store))
            timings["table"].append(_per_row(_table, store))
    med = {k: statistics.median(v) for k, v in timings.items()}
    print(f"events: {args.events}, rounds: {args.rounds} (medians)")
    print(f"schema 2, JSON record per row: {med['json']:.1f} us/row")
    print(f"schema 3, columns:             {med['columns']:.1f} us/row")
    print(f"table output (2,000 rows):     {med['table']:.1f} us/row")
    print(f"ratio JSON/columns: {med['json'] / med['columns']:.2f}")


if __name__ == "__main__":
    main()
