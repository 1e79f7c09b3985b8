"""Throughput: tacitus's full coding against a bare spaCy parse of the same articles.

Rounds interleave a bare spaCy parse of the articles (`nlp.pipe`, N processes), the full
coding of the same articles into a store with N worker processes (`tacitus.parallel`, what
`tacitus code --processes N` runs), and the full coding with one process, so the figures are
comparable on a shared, noisy machine where absolute speeds are not. Printed: the median of
each, the 1-to-N-process speedup of the full coding (aim >= 1.8 for 2), and last the median
ratio of full coding to bare parse speed with N processes (aim >= 0.90).

    .venv/bin/python bench/throughput.py [--articles N] [--processes 2] [--rounds 3]

Where the time of the N-process coding goes, from the same rounds: the bare parse with one
process too (spaCy's own 1-to-N speedup: what this machine gives a parse-bound workload), the
CPU seconds per article in the workers against the single process (more means each core got
slower with both busy: shared caches, a virtual machine's cores), the workers' utilisation
(their CPU time over N times the wall time: the rest is start-up, the tail of the last chunks
and waiting for a core), and the parent's CPU share (reading results, storing them).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tacitus.ingest import read_inputs
from tacitus.model import Article
from tacitus.parallel import CHUNK_ARTICLES, code_in_processes
from tacitus.pipeline import Pipeline
from tacitus.store import Store

# A forked worker's start: the pool's fork (about 35 ms here) and the extra cost of its first
# article while copy-on-write pages are copied (about 120 ms), measured on 2026-12-03.
WORKER_START_S = 0.15

CORPUS = (
    Path(__file__).resolve().parents[2] / "shared/eval/corpora/bbc-news-2225/bbc-news-2225.jsonl"
)


def load_articles(path: Path, limit: int) -> list[Article]:
    """The corpus as articles (title line, blank line, body), as a scrape would give them."""
    lines = path.read_text(encoding="utf-8").splitlines()[:limit]
    records = [json.loads(line) for line in lines]
    tmp = Path("/tmp/tacitus-bench.jsonl")
    with tmp.open("w", encoding="utf-8") as fh:
        for r in records:
            text = f"{r['title']}\n\n{r['text']}"
            fh.write(json.dumps({"id": r["id"], "text": text, "outlet": "BBC News"}) + "\n")
    return [a for a in read_inputs([str(tmp)]) if isinstance(a, Article)]


def peak_mb() -> float:
    """Peak resident memory of this process and its worker children, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + kids) / 1024


@dataclass(slots=True)
class Timing:
    wall: float
    parent_cpu: float
    children_cpu: float


def timed(run: Callable[[], object]) -> Timing:
    """Wall time, this process's CPU time and its finished children's CPU time for a run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = time.process_time()
    started = time.perf_counter()
    run()
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    children = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(wall, time.process_time() - cpu, children)


def tail_ceiling(pipeline: Pipeline, articles: list[Article], n_proc: int) -> float:
    """The speedup N idle cores could give with the work cut into chunks as the workers get
    it: each chunk's CPU time measured here, in one process, then the chunks handed in order
    to whichever of N workers is free first, each worker first paying a fork's warm-up (its
    first chunk's extra cost, measured by coding the first chunk twice). Load-independent:
    what is lost here is the tail of the last chunks, not the machine."""
    chunks = [articles[i : i + CHUNK_ARTICLES] for i in range(0, len(articles), CHUNK_ARTICLES)]
    costs = []
    for chunk in chunks:
        started = time.process_time()
        list(pipeline.code(chunk))
        costs.append(time.process_time() - started)
    free = [WORKER_START_S] * n_proc
    for cost in costs:
        first = free.index(min(free))
        free[first] += cost
    return sum(costs) / max(free)


def median_of(values: list[float]) -> float:
    return statistics.median(values)


def report(timings: dict[str, list[Timing]], n: int, n_proc: int, rounds: int) -> None:
    wall = {k: [t.wall for t in v] for k, v in timings.items()}
    med = {k: median_of(v) for k, v in wall.items()}
    print(f"articles: {n}, processes: {n_proc}, rounds: {rounds} (medians)")
    print(f"spacy parse, {n_proc} processes:    {n / med['parse']:8.2f} articles/s")
    print(f"spacy parse, 1 process:       {n / med['parse1']:8.2f} articles/s")
    print(f"tacitus coding, {n_proc} processes: {n / med['code']:8.2f} articles/s")
    print(f"tacitus coding, 1 process:    {n / med['code1']:8.2f} articles/s")
    print(f"peak memory: {peak_mb():.0f} MB (this process and its workers)")
    # Where the N-process time goes (see the module's docstring).
    alone = median_of([t.parent_cpu / n * 1000 for t in timings["code1"]])
    workers = median_of([t.children_cpu / n * 1000 for t in timings["code"]])
    busy = median_of([t.children_cpu / (n_proc * t.wall) for t in timings["code"]])
    parent = median_of([t.parent_cpu / t.wall for t in timings["code"]])
    print(f"CPU per article: {alone:.0f} ms in one process, {workers:.0f} ms in the workers")
    print(f"worker utilisation: {busy:.2f}; parent CPU: {parent:.2f} of a core")
    ceiling = [one / many for one, many in zip(wall["parse1"], wall["parse"], strict=True)]
    print(f"spacy parse speedup 1 -> {n_proc} processes: {median_of(ceiling):.2f}")
    speedups = [one / many for one, many in zip(wall["code1"], wall["code"], strict=True)]
    print(f"speedup 1 -> {n_proc} processes: {median_of(speedups):.2f}")
    ratios = [p / c for p, c in zip(wall["parse"], wall["code"], strict=True)]
    print(f"ratio tacitus/spacy: {median_of(ratios):.2f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"corpus not found at {CORPUS}: the benchmark needs ../shared/eval", file=sys.stderr)
        return 2
    articles = load_articles(CORPUS, args.articles)
    pipeline = Pipeline()
    nlp = pipeline.nlp
    list(pipeline.code(articles[:8]))  # warm the lazy loads and caches before timing
    texts = [a.text for a in articles]
    n_proc = args.processes

    def parse(processes: int) -> Callable[[], None]:
        def run() -> None:
            for _ in nlp.pipe(texts, n_process=processes, batch_size=64):
                pass

        return run

    def code(processes: int) -> Callable[[], None]:
        def run() -> None:
            with Store(":memory:") as store:
                store.save_many(code_in_processes(pipeline, articles, processes))

        return run

    tail = tail_ceiling(pipeline, articles, n_proc)
    runs = {"parse": parse(n_proc), "parse1": parse(1), "code": code(n_proc), "code1": code(1)}
    timings: dict[str, list[Timing]] = {k: [] for k in runs}
    for _ in range(args.rounds):
        for key, run in runs.items():
            timings[key].append(timed(run))
    report(timings, len(articles), n_proc, args.rounds)
    print(f"speedup the chunks allow on {n_proc} idle cores (start-up and tail): {tail:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
