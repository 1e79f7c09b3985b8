"""One event, many reports: syndicated copies are one story, and the events of different
reports of one happening are one cluster that counts its outlets, articles and copies."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import tacitus
from tacitus import queries
from tacitus.dedup import cluster, cluster_dict, cluster_rows, stories
from tacitus.evaluate.clusters import pairwise
from tacitus.ingest import read_inputs
from tacitus.store import Store

CORPUS = Path(__file__).parent / "fixtures" / "clusters"

WIRE = (
    "Government troops recaptured the northern town of Kidal on Saturday after two days of "
    "fighting with rebels, the army said in a statement. Residents said the rebels withdrew "
    "towards the desert overnight. The town had been held by the rebels since last year and "
    "its airport was closed. Aid agencies said thousands of people had fled the fighting."
)
REWRITE = (
    "Mali's army said it had retaken Kidal from rebel fighters at the weekend. The insurgents "
    "pulled out under cover of darkness, according to people living there."
)


def art(article_id: str, text: str, published: str = "2024-03-11") -> dict[str, Any]:
    return {"text": text, "published": date.fromisoformat(published), "id": article_id}


# -- syndicated copies --------------------------------------------------------------------------


def test_a_reprint_with_a_new_headline_is_a_copy_of_the_earliest_article() -> None:
    articles = {
        "wire": art("wire", WIRE),
        "reprint": art("reprint", "Army retakes Kidal\n\nBy Wire staff\n\n" + WIRE, "2024-03-12"),
        "rewrite": art("rewrite", REWRITE),
    }
    assert stories(articles) == {"wire": "wire", "reprint": "wire", "rewrite": "rewrite"}


def test_a_copy_cut_short_is_still_a_copy_but_an_empty_text_copies_nothing() -> None:
    cut = WIRE.rsplit(" Aid agencies", 1)[0]
    articles = {
        "wire": art("wire", WIRE),
        "cut": art("cut", cut, "2024-03-12"),
        "e1": art("e1", ""),
        "e2": art("e2", ""),
    }
    assert stories(articles) == {"wire": "wire", "cut": "wire", "e1": "e1", "e2": "e2"}


# -- event clusters -----------------------------------------------------------------------------


def actor(code: str) -> dict[str, Any]:
    return {"text": code, "code": code, "country": code[:3], "sectors": [], "name": code}


def record(
    event_id: str,
    article_id: str,
    text: str,
    *,
    source: str = "ISRMIL",
    target: str | None = "SYR",
    root: str = "19",
    when: str | None = "2024-03-11",
    precision: str = "day",
    place: tuple[str, float, float, str, str] | None = None,
    polarity: str = "asserted",
) -> dict[str, Any]:
    location = None
    if place is not None:
        name, lat, lon, country, level = place
        location = {"name": name, "lat": lat, "lon": lon, "country": country, "precision": level}
    return {
        "id": event_id, "article_id": article_id, "sentence": 1, "span": [0, len(text)],
        "text": text, "source": actor(source), "target": actor(target) if target else None,
        "cameo": root + "0", "root": root, "polarity": polarity, "confidence": 0.8,
        "date": {"value": when, "precision": precision} if when else None, "location": location,
    }  # fmt: skip


def article(article_id: str, outlet: str, published: str = "2024-03-11") -> dict[str, Any]:
    return {"id": article_id, "outlet": outlet, "published": date.fromisoformat(published)}


DAMASCUS = ("Damascus", 33.51, 36.29, "SY", "city")
ALEPPO = ("Aleppo", 36.2, 37.16, "SY", "city")
STRIKE = "Israeli jets struck a weapons depot near Damascus on Monday, state media said."
STRIKE_2 = "Israel bombed an arms store outside Damascus on Monday, Syrian officials said."


def groups(*pairs: tuple[dict[str, Any], dict[str, Any]]) -> list[list[str]]:
    """The event ids of each cluster, sorted."""
    rows = cluster(list(pairs), {})
    return sorted(sorted(m.event_id for m in row.mentions) for row in rows)


def test_two_outlets_telling_of_one_strike_make_one_cluster() -> None:
    a = (record("e1", "a1", STRIKE, place=DAMASCUS), article("a1", "Meridian"))
    b = (record("e2", "b1", STRIKE_2, source="ISR"), article("b1", "Ledger", "2024-03-12"))
    assert groups(a, b) == [["e1", "e2"]]


def test_dates_that_cannot_be_the_same_day_split_reports() -> None:
    a = (record("e1", "a1", STRIKE), article("a1", "Meridian"))
    b = (record("e2", "b1", STRIKE_2, when="2024-03-25"), article("b1", "Ledger", "2024-03-25"))
    assert groups(a, b) == [["e1"], ["e2"]]


def test_an_imprecise_date_joins_the_reports_it_covers() -> None:
    a = (record("e1", "a1", STRIKE), article("a1", "Meridian"))
    week = record("e2", "b1", STRIKE_2, when="2024-03-11", precision="week")
    undated = record("e3", "c1", STRIKE_2, when=None)
    b = (week, article("b1", "Ledger"))
    c = (undated, article("c1", "Courier", "2024-03-12"))
    assert groups(a, b, c) == [["e1", "e2", "e3"]]


def test_places_too_far_apart_for_their_precision_split_reports() -> None:
    a = (record("e1", "a1", STRIKE, place=DAMASCUS), article("a1", "Meridian"))
    b = (record("e2", "b1", STRIKE_2, place=ALEPPO), article("b1", "Ledger"))
    assert groups(a, b) == [["e1"], ["e2"]]


def test_sentences_naming_different_cities_split_unplaced_reports() -> None:
    kharkiv = "Russian forces shelled Kharkiv on Tuesday, officials said."
    odesa = "Russian forces shelled Odesa on Tuesday, officials said."
    a = (record("e1", "a1", kharkiv, source="RUSMIL", target=None), article("a1", "Meridian"))
    b = (record("e2", "b1", odesa, source="RUSMIL", target=None), article("b1", "Ledger"))
    assert groups(a, b) == [["e1"], ["e2"]]


def test_a_negated_report_is_another_claim() -> None:
    a = (record("e1", "a1", STRIKE), article("a1", "Meridian"))
    b = (record("e2", "b1", STRIKE_2, polarity="negated"), article("b1", "Ledger"))
    assert groups(a, b) == [["e1"], ["e2"]]


def test_a_report_without_target_never_bridges_two_targets() -> None:
    to_syria = (record("e1", "a1", STRIKE), article("a1", "Meridian"))
    to_lebanon = (record("e2", "b1", STRIKE_2, target="LBN"), article("b1", "Ledger"))
    untargeted = (record("e3", "c1", STRIKE, target=None), article("c1", "Courier"))
    found = groups(to_syria, untargeted, to_lebanon)
    assert ["e2"] in found and len(found) == 2


def test_a_cluster_counts_outlets_articles_and_copies_apart() -> None:
    original = (record("e1", "wire1", STRIKE, place=DAMASCUS), article("wire1", "Wire"))
    daily, ledger = article("daily1", "Daily", "2024-03-12"), article("ledger1", "Ledger")
    reprint = (record("e2", "daily1", STRIKE, place=DAMASCUS), daily)
    own = (record("e3", "ledger1", STRIKE_2, source="ISR"), ledger)
    headline = (record("e4", "ledger1", "Israel strikes Syria", source="ISR"), ledger)
    [row] = cluster([original, reprint, own, headline], {"daily1": "wire1"})
    assert row.cluster is not None
    counts = {k: row.cluster[k] for k in ("mentions", "articles", "outlets", "stories", "copies")}
    assert counts == {"mentions": 4, "articles": 3, "outlets": 3, "stories": 2, "copies": 1}
    assert [m.copy_of for m in row.mentions if m.article_id == "daily1"] == ["wire1"]
    assert row.record["id"] == "e1"  # the original, precisely placed, is the canonical record


def test_a_cluster_keeps_its_id_when_a_later_report_arrives() -> None:
    first = (record("e1", "a1", STRIKE), article("a1", "Meridian"))
    later = (record("e2", "b1", STRIKE_2), article("b1", "Ledger", "2024-03-12"))
    [before] = cluster([first], {})
    [after] = cluster([later, first], {})
    assert before.cluster and after.cluster
    assert before.cluster["cluster_id"] == after.cluster["cluster_id"]
    assert after.cluster["articles"] == 2


# -- the corpus the project wrote: several outlets, syndicated copies ------------------------


@pytest.fixture(scope="module")
def corpus_store() -> Store:
    store = Store(":memory:")
    items = list(read_inputs([str(CORPUS / "articles.jsonl")]))
    store.save_many(list(tacitus.load().code(items)))
    return store


@pytest.mark.slow
def test_the_corpus_copies_are_found_as_the_gold_lists_them(corpus_store: Store) -> None:
    gold = json.loads((CORPUS / "gold.json").read_text())
    ids = [a["id"] for a in queries.articles(corpus_store)]
    found = stories(queries.article_meta(corpus_store, ids, with_text=True))
    copies = {c: original for original, cs in gold["stories"].items() for c in cs}
    assert {a: s for a, s in found.items() if a != s} == copies


@pytest.mark.slow
def test_the_corpus_clusters_match_the_gold(corpus_store: Store) -> None:
    gold = json.loads((CORPUS / "gold.json").read_text())
    rows = cluster_rows(corpus_store)
    score = pairwise(rows, gold["events"], queries.events(corpus_store))
    # Floors a little under the figures in docs/accuracy.md (precision 1.0, recall 1.0 on 27
    # labelled events): a coder change may move an event or two, a clustering bug moves more.
    assert score["precision"] >= 0.95
    assert score["recall"] >= 0.85
    assert score["happenings_found"] >= 6


@pytest.mark.slow
def test_clusters_list_as_json_with_their_mentions(corpus_store: Store) -> None:
    rows = cluster_rows(corpus_store, queries.EventFilter(dyad=("USA", "IRN"), root="16"))
    [sanctions] = [cluster_dict(r) for r in rows]
    assert sanctions["counts"]["outlets"] == 4
    assert sanctions["counts"]["copies"] == 1
    assert {m["outlet"] for m in sanctions["mentions"]} >= {"Meridian News", "Valley Times"}


# -- the check corpus: written after the tuning, never used to tune -----------------------------

CHECK = Path(__file__).parent / "fixtures" / "clusters_check"


@pytest.fixture(scope="module")
def check_store() -> Store:
    store = Store(":memory:")
    store.save_many(list(tacitus.load().code(read_inputs([str(CHECK / "articles.jsonl")]))))
    return store


@pytest.mark.slow
def test_the_check_corpus_keeps_near_misses_apart_and_finds_its_copies(check_store: Store) -> None:
    gold = json.loads((CHECK / "gold.json").read_text())
    score = pairwise(cluster_rows(check_store), gold["events"], queries.events(check_store))
    # Floors under the figures in docs/accuracy.md (precision 1.00, recall 0.70 on 46 labelled
    # events): the talks three weeks apart, the two Ethiopian fronts and the two Israeli
    # operations of one day must stay apart; recall is bounded by the coder's targets.
    assert score["precision"] >= 0.95
    assert score["recall"] >= 0.6
    ids = [a["id"] for a in queries.articles(check_store)]
    found = stories(queries.article_meta(check_store, ids, with_text=True))
    copies = {c: original for original, cs in gold["stories"].items() for c in cs}
    assert {a: s for a, s in found.items() if a != s} == copies
