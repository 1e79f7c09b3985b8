"""Event clusters over HTTP: the clusters `tacitus events --clusters` computes, with their
mentions, for the events a request's filters select, and the cluster of one event."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tacitus.dedup import cluster_rows
from tacitus.model import Article
from tacitus.queries import EventSearch
from tacitus.store import Store
from tacitus.web.app import create_app
from tacitus.web.snapshot import Snapshot, open_snapshot

# One happening told by two outlets in their own words, and an unrelated event.
REPORTS = [
    (
        "wire-1",
        "North Wire",
        "Israeli warplanes bombed a weapons depot near Damascus on Monday, the army said.",
    ),
    (
        "post-1",
        "South Post",
        "Israeli jets bombed an arms depot outside Damascus on Monday, Syrian media reported.",
    ),
    ("post-2", "South Post", "Germany and France signed a trade agreement in Berlin on Friday."),
]


def get(client: TestClient, path: str, **params: Any) -> Any:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


@pytest.fixture(scope="module")
def two_outlets(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    from tacitus import load

    path = tmp_path_factory.mktemp("clusters") / "reports.duckdb"
    articles = [
        Article(id=i, text=t, outlet=o, published=date(2024, 3, 5), origin="test")
        for i, o, t in REPORTS
    ]
    with Store(path) as store:
        store.save_many(load().code(articles))
    snap = open_snapshot(path)
    with TestClient(create_app(snap.store), raise_server_exceptions=False) as client:
        yield client
    snap.close()


def test_clusters_are_the_ones_the_cli_computes(client: TestClient, snapshot: Snapshot) -> None:
    page = get(client, "/api/clusters", limit=500)
    expected = cluster_rows(snapshot.store, EventSearch())
    assert page["total"] == len(expected) and not page["capped"]
    assert [c["cluster_id"] for c in page["clusters"]] == [
        r.cluster["cluster_id"] for r in expected if r.cluster
    ]
    assert [[m["event_id"] for m in c["mentions"]] for c in page["clusters"]] == [
        [m.event_id for m in r.mentions] for r in expected
    ]
    # every event of the default output is in exactly one cluster
    mentioned = [m["event_id"] for c in page["clusters"] for m in c["mentions"]]
    assert sorted(mentioned) == sorted(
        e["id"] for e in get(client, "/api/events", size=500)["events"]
    )
    assert page["events"] == len(mentioned)


def test_cluster_pages_follow_each_other(client: TestClient) -> None:
    whole = get(client, "/api/clusters", limit=500)["clusters"]
    first = get(client, "/api/clusters", limit=3)["clusters"]
    second = get(client, "/api/clusters", limit=3, offset=3)["clusters"]
    assert first + second == whole[:6]


def test_cluster_filters_are_the_event_filters(client: TestClient) -> None:
    page = get(client, "/api/clusters", quad_class=4, limit=500)
    assert page["clusters"], "the sample articles hold material conflict"
    assert all(m["cameo"] for c in page["clusters"] for m in c["mentions"])
    events = get(client, "/api/events", quad_class=4, size=500)["events"]
    assert page["events"] == len(events)


def test_one_happening_reported_by_two_outlets_is_one_cluster(two_outlets: TestClient) -> None:
    strikes = get(two_outlets, "/api/events", root="19", all="true", size=500)["events"]
    assert {e["article_id"] for e in strikes} == {"wire-1", "post-1"}
    cluster = get(two_outlets, f"/api/events/{strikes[0]['id']}/cluster", all="true")
    assert cluster["counts"]["outlets"] == 2
    assert {m["outlet"] for m in cluster["mentions"]} == {"North Wire", "South Post"}
    assert {m["event_id"] for m in cluster["mentions"]} >= {e["id"] for e in strikes}
    assert all("Damascus" in m["text"] for m in cluster["mentions"])
    # the same cluster, whichever of its reports it is asked from
    other = get(two_outlets, f"/api/events/{strikes[1]['id']}/cluster", all="true")
    assert other["cluster_id"] == cluster["cluster_id"]


def test_an_event_reported_once_is_a_cluster_of_itself(two_outlets: TestClient) -> None:
    events = get(two_outlets, "/api/events", article="post-2", all="true", size=500)["events"]
    assert events, "the trade agreement is coded"
    cluster = get(two_outlets, f"/api/events/{events[0]['id']}/cluster", all="true")
    assert [m["article_id"] for m in cluster["mentions"]] == ["post-2"] * len(cluster["mentions"])


def test_the_cluster_of_an_unknown_event_is_404(client: TestClient) -> None:
    response = client.get("/api/events/nothing/cluster")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
