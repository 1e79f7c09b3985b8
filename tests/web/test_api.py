"""The HTTP API, through httpx (FastAPI's TestClient), over a store of the sample articles."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tacitus.store import Store
from tacitus.web.snapshot import Snapshot, open_snapshot
from tests.web.conftest import FAILED_ID, HOSTILE_ID


def get(client: TestClient, path: str, **params: Any) -> Any:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def all_events(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    return list(get(client, "/api/events", size=500, **params)["events"])


def assert_error(response: Any, status: int, field: str | None = None) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["code"] and body["error"]["message"]
    assert "Traceback" not in response.text
    if field is not None:
        assert body["error"]["field"] == field
        assert field in body["error"]["message"]
    return dict(body["error"])


# -- events and their filters ---------------------------------------------------------------


def test_status_counts_what_the_store_holds(client: TestClient, snapshot: Snapshot) -> None:
    status = get(client, "/api/status")
    assert status["counts"] == snapshot.store.stats()
    assert status["counts"]["articles_failed"] == 1


def test_every_event_is_listed_once_in_the_cli_order(client: TestClient) -> None:
    events = all_events(client, all=True)
    counts = get(client, "/api/status")["counts"]
    assert len(events) == counts["events"]
    assert len({e["id"] for e in events}) == len(events)
    kept = all_events(client)
    assert len(kept) == counts["events"] - counts["candidates"]
    assert all(e["candidate"] is None for e in kept)


def test_pages_follow_each_other_without_gaps_or_repeats(client: TestClient) -> None:
    everything = [e["id"] for e in all_events(client)]
    seen: list[str] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"size": 7} | ({"cursor": cursor} if cursor else {})
        page = get(client, "/api/events", **params)
        assert len(page["events"]) <= 7
        seen.extend(e["id"] for e in page["events"])
        cursor = page["next"]
        if cursor is None:
            break
    assert seen == everything


def test_page_size_is_capped(client: TestClient) -> None:
    assert_error(client.get("/api/events", params={"size": 501}), 422, "size")


@pytest.mark.parametrize(
    ("params", "check"),
    [
        ({"root": "4"}, lambda e: e["root"] == "04"),
        ({"code": "19"}, lambda e: e["cameo"].startswith("19")),
        ({"quad_class": 4}, lambda e: e["quad_class"] == 4),
        ({"modality": "intent"}, lambda e: e["modality"] == "intent"),
        ({"polarity": "negated"}, lambda e: e["polarity"] == "negated"),
        ({"attribution": "reported"}, lambda e: e["attribution"]["status"] == "reported"),
        ({"plover_type": "coerce"}, lambda e: e["plover"]["type"] == "COERCE"),
        (
            {"actor": "jpn"},
            lambda e: (
                any((e[r] or {}).get("code", "") or "" for r in ("source", "target"))
                and any(
                    ((e[r] or {}).get("code") or "").startswith("JPN") for r in ("source", "target")
                )
            ),
        ),
        (
            {"country": "IRN"},
            lambda e: (
                "IRN" in ((e["source"] or {}).get("country"), (e["target"] or {}).get("country"))
            ),
        ),
        ({"place_country": "ge"}, lambda e: e["location"]["country"] == "GE"),
        ({"text": "SANCTIONS"}, lambda e: "sanctions" in e["text"].lower()),
        ({"since": "2024-04-01", "until": "2024-04-30"}, lambda e: True),
        ({"coded": True}, lambda e: e["source"] and e["source"]["code"]),
        ({"min_confidence": 0.7}, lambda e: e["confidence"] >= 0.7),
    ],
)
def test_a_filter_keeps_exactly_the_events_it_names(
    client: TestClient, params: dict[str, Any], check: Any
) -> None:
    everything = all_events(client, all=True)
    kept = all_events(client, all=True, **params)
    assert kept, f"no sample event matches {params}: the test proves nothing"
    assert len(kept) < len(everything)
    assert all(check(e) for e in kept)


def test_a_dyad_is_source_then_target(client: TestClient) -> None:
    kept = all_events(client, dyad="IGOEEC,BLR")
    assert kept
    assert all(
        e["source"]["code"].startswith("IGOEEC") and e["target"]["code"].startswith("BLR")
        for e in kept
    )


def test_a_bounding_box_keeps_the_events_located_inside_it(client: TestClient) -> None:
    europe = all_events(client, bbox="-10,35,40,60")
    assert europe
    for e in europe:
        assert -10 <= e["location"]["lon"] <= 40 and 35 <= e["location"]["lat"] <= 60
    # a box across the antimeridian is the rest of the world: Europe is not in it
    wrapped = {e["id"] for e in all_events(client, bbox="40,-90,-10,90")}
    assert not wrapped & {e["id"] for e in europe}


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"root": "41"}, "root"),
        ({"code": "19x"}, "code"),
        ({"quad_class": 5}, "quad_class"),
        ({"modality": "threats"}, "modality"),
        ({"since": "yesterday"}, "since"),
        ({"dyad": "ISR"}, "dyad"),
        ({"bbox": "1,2,3"}, "bbox"),
        ({"bbox": "0,80,10,70"}, "bbox"),
        ({"min_confidence": 2}, "min_confidence"),
        ({"cursor": "bm90IGEgY3Vyc29y"}, "cursor"),
        ({"cursor": "WyIyMDI0LTAxLTAxIiwgImEiLCAieCIsIDAsICJpZCJd"}, "cursor"),  # forged types
    ],
)
def test_bad_parameters_are_422_naming_the_field(
    client: TestClient, params: dict[str, Any], field: str
) -> None:
    assert_error(client.get("/api/events", params=params), 422, field)


SQL = ["'; DROP TABLE events; --", "ISR' OR '1'='1", "%", '") OR 1=1 --', "x'||(SELECT 1)||'"]


@pytest.mark.parametrize("value", SQL)
@pytest.mark.parametrize("field", ["actor", "source", "text", "plover_type", "article", "dyad"])
def test_sql_in_a_filter_value_matches_nothing_and_breaks_nothing(
    client: TestClient, snapshot: Snapshot, field: str, value: str
) -> None:
    before = snapshot.store.stats()
    if field == "dyad":
        value = f"{value},{value}"
    response = client.get("/api/events", params={field: value})
    assert response.status_code == 200, response.text
    assert response.json()["events"] == []
    assert snapshot.store.stats() == before


# -- one event ---------------------------------------------------------------------------------


def one_event(client: TestClient, **params: Any) -> dict[str, Any]:
    event_id = all_events(client, **params)[0]["id"]
    return dict(get(client, f"/api/events/{event_id}"))


def test_an_event_comes_with_its_article_quotes_and_every_why(client: TestClient) -> None:
    view = one_event(client, code="042")
    event, article = view["event"], view["article"]
    assert article["id"] == event["article_id"] and article["text"]
    assert view["quotes"] and all(q["article_id"] == article["id"] for q in view["quotes"])
    abouts = {w["about"] for w in view["whys"]}
    assert {"event", "source", "target", "attribution"} <= abouts
    assert next(w for w in view["whys"] if w["about"] == "event")["why"] == event["why"]


def test_the_article_pieces_rebuild_its_text_with_the_trigger_marked(client: TestClient) -> None:
    view = one_event(client, root="19")
    text = view["article"]["text"]
    assert "".join(p["text"] for p in view["pieces"]) == text
    triggers = [p["text"] for p in view["pieces"] if "trigger" in p["marks"]]
    assert triggers, "the trigger is not highlighted"
    stem = view["event"]["trigger"].lower()[:4]
    assert all(t.lower().startswith(stem) for t in triggers)
    start, end = view["event"]["span"]
    sentence = [p for p in view["pieces"] if "sentence" in p["marks"]]
    assert "".join(p["text"] for p in sentence) == text[start:end]


def test_every_stored_trigger_span_holds_its_trigger_word(client: TestClient) -> None:
    for event in all_events(client, all="true"):
        view = get(client, f"/api/events/{event['id']}")
        start, end = event["trigger_span"]
        sentence_start, sentence_end = event["span"]
        assert sentence_start <= start < end <= sentence_end
        word = view["article"]["text"][start:end].lower()
        # the span holds the word as written; the record's trigger is its lemma
        assert word[:3] == event["trigger"].lower()[:3] or event["trigger"].lower() in word, (
            word,
            event["trigger"],
        )
        marked = [p["text"] for p in view["pieces"] if "trigger" in p["marks"]]
        assert "".join(marked) == view["article"]["text"][start:end]


def test_an_unknown_event_is_404(client: TestClient) -> None:
    error = assert_error(client.get("/api/events/0000000000000000"), 404)
    assert error["code"] == "not_found"


def test_the_hostile_article_comes_back_as_plain_text(client: TestClient) -> None:
    view = one_event(client, article=HOSTILE_ID)
    assert "<script>" in view["article"]["text"]


# -- aggregates ----------------------------------------------------------------------------------


@pytest.mark.parametrize("interval", ["day", "week", "month"])
def test_the_time_series_counts_every_dated_event(client: TestClient, interval: str) -> None:
    periods = get(client, "/api/timeseries", interval=interval)["periods"]
    assert sum(p["events"] for p in periods) == len(all_events(client))
    for p in periods:
        assert p["q1"] + p["q2"] + p["q3"] + p["q4"] <= p["events"]
    assert [p["period"] for p in periods] == sorted(p["period"] for p in periods)


def test_the_time_series_of_a_dyad_counts_its_events(client: TestClient) -> None:
    periods = get(client, "/api/timeseries", interval="month", dyad="IGOEEC,BLR")["periods"]
    assert sum(p["events"] for p in periods) == len(all_events(client, dyad="IGOEEC,BLR"))


def test_an_unknown_interval_is_422(client: TestClient) -> None:
    assert_error(client.get("/api/timeseries", params={"interval": "year"}), 422, "interval")


def test_top_actors_and_dyads_are_ranked_by_events(client: TestClient) -> None:
    actors = get(client, "/api/actors/top", n=5)
    assert len(actors) == 5
    assert [a["events"] for a in actors] == sorted((a["events"] for a in actors), reverse=True)
    assert all(a["events"] == a["as_source"] + a["as_target"] for a in actors)
    dyads = get(client, "/api/dyads/top", n=3)
    top = dyads[0]
    assert top["events"] == len(all_events(client, dyad=f"{top['source']},{top['target']}"))


def test_places_and_geojson_cover_the_located_events(client: TestClient) -> None:
    located = [e for e in all_events(client) if e["location"] and e["location"]["lat"] is not None]
    places = get(client, "/api/places")
    assert sum(p["events"] for p in places) == len(located)
    geo = get(client, "/api/geojson", limit=10_000)
    assert geo["type"] == "FeatureCollection"
    assert {f["id"] for f in geo["features"]} == {e["id"] for e in located}
    feature = geo["features"][0]
    assert feature["geometry"]["type"] == "Point" and len(feature["geometry"]["coordinates"]) == 2


def test_failed_articles_are_listed_with_their_reason(client: TestClient) -> None:
    failed = get(client, "/api/articles/failed")
    assert [(a["id"], a["reason"]) for a in failed] == [(FAILED_ID, "binary file: not text")]


# -- the server around the API ---------------------------------------------------------------------


def test_unknown_paths_get_the_error_shape(client: TestClient) -> None:
    assert_error(client.get("/api/nothing-here"), 404)


def test_the_schema_documents_every_endpoint(client: TestClient) -> None:
    paths = set(get(client, "/openapi.json")["paths"])
    assert {
        "/api/events",
        "/api/events/{event_id}",
        "/api/timeseries",
        "/api/actors/top",
        "/api/dyads/top",
        "/api/places",
        "/api/geojson",
        "/api/articles/failed",
        "/api/clusters",
        "/api/events/{event_id}/cluster",
        "/api/status",
    } <= paths


def test_serving_never_blocks_a_coder_writing_the_same_store(store_path: Any) -> None:
    snap = open_snapshot(store_path)
    try:
        # DuckDB would refuse this open if the server held the file, even read-only
        with Store(store_path) as writer:
            writer.save_many([])
            before = writer.stats()
        assert snap.store.stats() == before
        assert "snapshot" in snap.describe()
    finally:
        snap.close()


def test_a_missing_store_is_a_clear_error(tmp_path: Any) -> None:
    from tacitus.errors import StoreError

    with pytest.raises(StoreError, match="no store at"):
        open_snapshot(tmp_path / "absent.duckdb")


def test_a_snapshot_taken_while_a_coder_writes_holds_its_commits(tmp_path: Any) -> None:
    from tacitus.model import Article, CodingResult

    path = tmp_path / "busy.duckdb"
    with Store(path) as writer:  # the coder keeps its store open, as `tacitus code` does
        # commits stay in the write-ahead log until a checkpoint: the snapshot must copy it
        writer._con.execute("SET checkpoint_threshold = '1GB'")
        writer.save(CodingResult(article=Article(id="a1", text="Nothing happened.")))
        assert path.with_name("busy.duckdb.wal").exists()
        snap = open_snapshot(path)
        try:
            assert snap.store.stats()["articles_coded"] == 1
        finally:
            snap.close()
        writer.save(CodingResult(article=Article(id="a2", text="Still nothing.")))
