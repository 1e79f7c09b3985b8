"""The served snapshot is taken again when the store changes: on a request once its
interval has passed, or when asked with POST /api/refresh; /api/status says which copy."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tacitus.errors import StoreError
from tacitus.model import Article, CodingResult
from tacitus.store import Store
from tacitus.web import snapshot as snapshot_module
from tacitus.web.app import create_app
from tacitus.web.snapshot import LiveSnapshot


def add_article(path: Path, article_id: str) -> None:
    with Store(path) as writer:
        writer.save(CodingResult(article=Article(id=article_id, text="Nothing happened.")))


def coded(client: TestClient) -> int:
    return int(client.get("/api/status").json()["counts"]["articles_coded"])


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "live.duckdb"
    add_article(path, "a1")
    return path


def test_a_refresh_serves_what_was_coded_since(store: Path) -> None:
    live = LiveSnapshot(store, every=0)  # only when asked
    try:
        with TestClient(create_app(live=live)) as client:
            add_article(store, "a2")
            assert coded(client) == 1  # the copy is not taken again unasked
            answer = client.post("/api/refresh").json()
            assert answer["refreshed"] is True
            assert coded(client) == 2
            status = client.get("/api/status").json()
            assert status["refreshes"] == 1 and status["refresh_error"] is None
            assert status["snapshot_taken"] == live.snapshot.taken.isoformat()
            assert "taken again when the store changes" in status["snapshot"]
            again = client.post("/api/refresh").json()
            assert again == again | {"refreshed": False, "message": "the store has not changed"}
    finally:
        live.close()


def test_a_request_after_the_interval_sees_a_changed_store(store: Path) -> None:
    live = LiveSnapshot(store, every=1e-6)  # due at every request
    try:
        with TestClient(create_app(live=live)) as client:
            assert coded(client) == 1
            add_article(store, "a2")
            assert coded(client) == 2
            assert client.get("/api/status").json()["refreshes"] == 1
    finally:
        live.close()


def test_a_copy_that_fails_keeps_the_old_one_serving(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    live = LiveSnapshot(store, every=0)
    try:
        with TestClient(create_app(live=live)) as client:
            add_article(store, "a2")

            def broken(source: object) -> object:
                raise StoreError("disk full")

            monkeypatch.setattr(snapshot_module, "open_snapshot", broken)
            answer = client.post("/api/refresh").json()
            assert answer["refreshed"] is False and "disk full" in answer["message"]
            assert coded(client) == 1
            assert client.get("/api/status").json()["refresh_error"] == "disk full"
            monkeypatch.undo()
            assert client.post("/api/refresh").json()["refreshed"] is True
            assert coded(client) == 2
    finally:
        live.close()


def test_a_server_over_a_plain_store_has_nothing_to_refresh(client: TestClient) -> None:
    answer = client.post("/api/refresh").json()
    assert answer["refreshed"] is False
    assert answer["message"] == "this server reads no snapshot"
