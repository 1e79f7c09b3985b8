"""What an event's cluster costs over HTTP on a store of 100,000 events.

The article view asks for `/api/events/{id}/cluster` each time an event is opened; that
clusters the events of the same root and polarity within EVENT_WINDOW of it (and MinHashes
their articles for copy detection). `/api/clusters?root=..&since=..&until=..` clusters a
month of one root. The synthetic store is bench/web.py's; the peer is the same requests over
a store of 1,000 events, interleaved round by round, so `ratio` says what the store's size
costs on this machine whatever its load.

Nine tenths of the time is copy detection (tacitus.dedup.copies: MinHash of the articles),
and the synthetic articles are near-identical sentences that LSH pairs up by the thousand,
so this is a pessimistic figure. Measured 2026-12-03 on the shared 2-core machine, 3 rounds:
an event's cluster 1805 ms at 100,000 events vs 105 ms at 1,000 (ratio 17.2); a month of one
root 827 ms vs 77 ms (ratio 10.7).

    .venv/bin/python bench/clusters.py [--events 100000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parent))

from web import build_store

from tacitus.web.app import create_app
from tacitus.web.snapshot import open_snapshot

REQUESTS_PER_ROUND = 5


def timed(client: TestClient, path: str, **params: str) -> float:
    t0 = time.perf_counter()
    response = client.get(path, params=params)
    elapsed = time.perf_counter() - t0
    response.raise_for_status()
    return elapsed


def one_round(client: TestClient, ids: list[str], rng: random.Random) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {"event cluster": [], "clusters of a month": []}
    for event_id in rng.sample(ids, REQUESTS_PER_ROUND):
        out["event cluster"].append(timed(client, f"/api/events/{event_id}/cluster"))
    out["clusters of a month"].append(
        timed(client, "/api/clusters", root="19", since="2023-03-01", until="2023-03-31")
    )
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--peer-events", type=int, default=1_000)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="tacitus-bench-clusters-") as tmp:
        paths = {"big": Path(tmp) / "big.duckdb", "small": Path(tmp) / "small.duckdb"}
        build_store(paths["big"], args.events)
        build_store(paths["small"], args.peer_events)
        snaps = {name: open_snapshot(path) for name, path in paths.items()}
        try:
            clients = {name: TestClient(create_app(s.store)) for name, s in snaps.items()}
            ids = {
                name: [e["id"] for e in c.get("/api/events", params={"size": 500}).json()["events"]]
                for name, c in clients.items()
            }
            rng = random.Random(5)
            times: dict[str, dict[str, list[float]]] = {"big": {}, "small": {}}
            for name in clients:  # warm-up: DuckDB caches, the city list of the clustering
                one_round(clients[name], ids[name], rng)
            for _ in range(args.rounds):
                for name, client in clients.items():
                    for kind, values in one_round(client, ids[name], rng).items():
                        times[name].setdefault(kind, []).extend(values)
        finally:
            for snap in snaps.values():
                snap.close()
    for kind in times["big"]:
        big, small = (statistics.median(times[n][kind]) for n in ("big", "small"))
        print(
            f"{kind:20s} {args.events:>7,} events {big * 1000:7.0f} ms | "
            f"{args.peer_events:,} events {small * 1000:6.0f} ms | ratio {big / small:5.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
