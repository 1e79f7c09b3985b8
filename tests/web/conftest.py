"""A store for the web tests: the project's sample articles, one hostile article and one
failure, coded once per session; the API is served from a snapshot of it, as `tacitus serve`
does."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from tacitus.golden import SAMPLES
from tacitus.ingest import read_inputs
from tacitus.model import Article, Failure

pytest.importorskip("fastapi", reason="the web tests need the web extra: pip install -e '.[web]'")

from fastapi.testclient import TestClient

from tacitus.web.app import create_app
from tacitus.web.snapshot import Snapshot, open_snapshot

# An article whose text holds markup: the dashboard must show it as text, never run it.
HOSTILE_ID = "hostile-001"
HOSTILE_TEXT = (
    "Israel attacked Hamas positions in Gaza on Monday, the army said.\n\n"
    '<script>window.__tacitus_xss = 1</script><img src=x onerror="window.__tacitus_xss = 2">'
    " <b>Bold</b> claims followed.\n\n"
    "Iran condemned the strikes on Tuesday."
)
FAILED_ID = "broken-001"


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tacitus import load
    from tacitus.store import Store

    path = tmp_path_factory.mktemp("web") / "web.duckdb"
    hostile = Article(
        id=HOSTILE_ID,
        text=HOSTILE_TEXT,
        title="Strikes <script>window.__tacitus_xss = 3</script>",
        outlet="Test Wire",
        url="javascript:window.__tacitus_xss = 4",
        published=date(2024, 7, 1),
        origin="test",
    )
    items: list[Article | Failure] = [*read_inputs([str(SAMPLES)]), hostile]
    items.append(Failure(FAILED_ID, "test", "binary file: not text", ""))
    with Store(path) as store:
        store.save_many(load().code(items))
    return path


@pytest.fixture(scope="session")
def snapshot(store_path: Path) -> Iterator[Snapshot]:
    snap = open_snapshot(store_path)
    yield snap
    snap.close()


@pytest.fixture(scope="session")
def client(snapshot: Snapshot) -> Iterator[TestClient]:
    # raise_server_exceptions=False: a server error must come back as a 500 body, as it
    # would to a browser, not as an exception in the test.
    with TestClient(create_app(snapshot.store), raise_server_exceptions=False) as c:
        yield c
