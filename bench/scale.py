"""Scale: articles/s with 1 and 2 Dask workers, and peak memory per worker as a corpus grows.

Both worker counts run in this one script, interleaved over several rounds on warm workers
(pipelines built before timing), and the medians are compared: the speedup is meaningful on
a shared, noisy machine where absolute speeds are not. Aims: a speedup of at least 1.8 from
1 to 2 workers (it needs 2 free cores), and a flat peak memory per worker for a corpus ten
times larger (workers hold one partition at a time).

    .venv/bin/python bench/scale.py [--articles 80] [--rounds 3] [--memory-articles 30]

Needs the `scale` extra and ../shared/eval (the BBC News corpus) beside the repository.
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tacitus.scale import dask_client, run, warm_up
from tacitus.store import Store

CORPUS = (
    Path(__file__).resolve().parents[2] / "shared/eval/corpora/bbc-news-2225/bbc-news-2225.jsonl"
)
# Articles per input file, and one file per partition: many small tasks keep both workers
# busy to the end of a run.
ARTICLES_PER_FILE = 5


def write_inputs(folder: Path, n_articles: int) -> Path:
    """The first n articles of the corpus as JSONL files; cycled when n exceeds it."""
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    folder.mkdir(parents=True, exist_ok=True)
    for start in range(0, n_articles, ARTICLES_PER_FILE):
        with (folder / f"in{start:06d}.jsonl").open("w", encoding="utf-8") as fh:
            for i in range(start, min(start + ARTICLES_PER_FILE, n_articles)):
                r = json.loads(lines[i % len(lines)])
                text = f"{r['title']}\n\n{r['text']}"
                fh.write(json.dumps({"id": f"{r['id']}-{i}", "text": text}) + "\n")
    return folder


def timed(client: Any, inputs: Path) -> tuple[float, Any]:
    with Store(":memory:") as store:
        start = time.perf_counter()
        summary = run([str(inputs)], store, address="", partition_files=1, client=client)
        return summary.articles / (time.perf_counter() - start), summary


def speed(inputs: Path, rounds: int) -> tuple[float, float]:
    rates: dict[int, list[float]] = {1: [], 2: []}
    with dask_client("local:1") as one, dask_client("local:2") as two:
        warm_up(one)
        warm_up(two)
        for r in range(rounds):
            for workers, client in ((1, one), (2, two)):
                rate, _ = timed(client, inputs)
                rates[workers].append(rate)
                print(f"round {r + 1}: {workers} worker(s) {rate:.2f} articles/s", flush=True)
    return statistics.median(rates[1]), statistics.median(rates[2])


def peak_memory(inputs: Path) -> float:
    """The largest peak RSS (MB) of any worker of a fresh 2-worker cluster coding `inputs`."""
    with dask_client("local:2") as client:
        _, summary = timed(client, inputs)
    return max(summary.peak_rss_mb.values())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=80)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--memory-articles", type=int, default=30)
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"corpus not found at {CORPUS}: the benchmark needs ../shared/eval", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("distributed").setLevel(logging.WARNING)
    with tempfile.TemporaryDirectory(prefix="tacitus-scale-") as tmp:
        root = Path(tmp)
        one, two = speed(write_inputs(root / "speed", args.articles), args.rounds)
        small = peak_memory(write_inputs(root / "small", args.memory_articles))
        large = peak_memory(write_inputs(root / "large", args.memory_articles * 10))
    print(f"median articles/s: 1 worker {one:.2f}, 2 workers {two:.2f}")
    print(
        f"peak memory per worker: {small:.0f} MB for {args.memory_articles} articles, "
        f"{large:.0f} MB for {args.memory_articles * 10} (ratio {large / small:.2f}, aim ~1.0)"
    )
    print(f"speedup 1->2 workers: {two / one:.2f} (aim >= 1.8)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
