"""Schema 3: every field in its own column, records read back without JSON, the article's
text stored once (sentences, quotes, mentions and segments as offsets into it)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from tacitus import queries
from tacitus.errors import StoreError
from tacitus.model import Casualties, CodingResult, Count, Event, Location
from tacitus.queries import EventFilter
from tacitus.store import Store
from tests.test_store import EGY_GOV, JOR_GOV, TEXT, event, result

AMMAN = Location(
    "Amman", "city", geonameid=250441, lat=31.96, lon=35.95, country="JO", admin1="11",
    why="gazetteer", basis="headline",
)  # fmt: skip
SLICE = (24, 86)  # "Jordanian officials met Egyptian diplomats in Amman on Monday."


def full_event() -> Event:
    e = event("a1", 1, JOR_GOV, EGY_GOV, "190", when="2024-03-04", where=AMMAN)
    e.span = SLICE
    e.text = TEXT[SLICE[0] : SLICE[1]]
    e.casualties = Casualties(
        killed=Count("at least 106", 106, 106, "civilians", why="killed"),
        arrested=Count("dozens", None, 24),
    )
    e.candidate = "not political news"
    return e


def test_every_field_of_every_event_comes_back_as_to_dict_gave_it() -> None:
    bare = event("a1", 2, None, None, "010")
    bare.attribution = None
    full = full_event()
    with Store(":memory:") as store:
        store.save(result("a1", full, bare))
        got = queries.events(store, EventFilter(all=True))
    assert got == [full.to_dict(), bare.to_dict()]
    assert [list(r) for r in got] == [list(full.to_dict()), list(bare.to_dict())]


def test_the_article_text_is_stored_once_and_every_piece_is_an_offset_into_it() -> None:
    with Store(":memory:") as store:
        store.save(exact_offsets(result("a1", full_event())))
        assert store.rows("SELECT text FROM events") == [(None,)]
        assert store.rows("SELECT content FROM quotes") == [(None,)]
        assert store.rows("SELECT [s.text FOR s IN segments] FROM articles") == [([None, None],)]
        assert store.rows("SELECT count(*) FROM actors WHERE text IS NOT NULL") == [(0,)]
        detail = queries.event_detail(store, full_event().id)
        assert detail is not None
        assert (
            detail["event"]["text"]
            == "Jordanian officials met Egyptian diplomats in Amman on Monday."
        )
        assert [s["text"] for s in detail["article"]["segments"]] == [
            "Ministers meet in Amman", TEXT[24:],
        ]  # fmt: skip
        assert (
            queries.quotes(store)[0]["content"] == "Israel's army did not strike targets near Gaza"
        )


def exact_offsets(coded: CodingResult) -> CodingResult:
    """The shared fixture's quote and actor offsets are approximate; here they are exact."""
    for q in coded.quotes:
        start = TEXT.index(q.content)
        q.content_span = (start, start + len(q.content))
    coded.actors = [
        replace(a, start=(i := TEXT.index(a.text)), end=i + len(a.text)) for a in coded.actors
    ]
    return coded


def test_a_piece_whose_text_is_not_its_slice_keeps_its_own_text() -> None:
    rewritten = replace(event("a1", 1, JOR_GOV, EGY_GOV, "040"), text="a rewritten sentence")
    with Store(":memory:") as store:
        store.save(result("a1", rewritten))
        assert [r["text"] for r in queries.events(store)] == ["a rewritten sentence"]
        # the shared fixture's quote span is not where its content is: the content is kept
        assert (
            queries.quotes(store)[0]["content"] == "Israel's army did not strike targets near Gaza"
        )


def test_filters_read_columns_of_nested_fields() -> None:
    with Store(":memory:") as store:
        store.save(result("a1", full_event()))
        assert len(queries.events(store, EventFilter(all=True, min_killed=100))) == 1
        assert queries.events(store, EventFilter(all=True, min_killed=107)) == []
        search = queries.EventSearch(all=True, attribution="reported", text="EGYPTIAN diplomats")
        assert len(queries.event_page(store, search, size=5)[0]) == 1


def test_a_store_of_the_json_record_schema_asks_to_be_re_coded(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.execute("INSERT INTO meta VALUES ('schema_version', '2')")
    con.close()
    with pytest.raises(StoreError, match="re-run `tacitus code`"):
        Store(path)
