"""Throughput: tacitus's full coding against a bare spaCy parse of the same articles.

Rounds interleave a bare spaCy parse of the articles (`nlp.pipe`, N processes), the full
coding of the same articles into a store with N worker processes (`tacitus.parallel`, what
`tacitus code --processes N` runs), and the full coding with one process, so the figures are
comparable on a shared, noisy machine where absolute speeds are not. Printed: the median of
each, the 1-to-N-process speedup of the full coding (aim >= 1.8 for 2), and last the median
ratio of full coding to bare parse speed with N processes (aim >= 0.90).

    .venv/bin/python bench/throughput.py [--articles N] [--processes 2] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from tacitus.ingest import read_inputs
from tacitus.model import Article
from tacitus.parallel import code_in_processes
from tacitus.pipeline import Pipeline
from tacitus.store import Store

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


def timed(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


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

    def parse() -> None:
        for _ in nlp.pipe(texts, n_process=n_proc, batch_size=64):
            pass

    def code(processes: int) -> Callable[[], None]:
        def run() -> None:
            with Store(":memory:") as store:
                store.save_many(code_in_processes(pipeline, articles, processes))

        return run

    runs = {"parse": parse, "code": code(n_proc), "code1": code(1)}
    seconds: dict[str, list[float]] = {k: [] for k in runs}
    ratios: list[float] = []
    for _ in range(args.rounds):
        for key, run in runs.items():
            seconds[key].append(timed(run))
        ratios.append(seconds["parse"][-1] / seconds["code"][-1])
    n = len(articles)
    med = {k: statistics.median(v) for k, v in seconds.items()}
    print(f"articles: {n}, processes: {n_proc}, rounds: {args.rounds} (medians)")
    print(f"spacy parse, {n_proc} processes:    {n / med['parse']:8.2f} articles/s")
    print(f"tacitus coding, {n_proc} processes: {n / med['code']:8.2f} articles/s")
    print(f"tacitus coding, 1 process:    {n / med['code1']:8.2f} articles/s")
    print(f"peak memory: {peak_mb():.0f} MB (this process and its workers)")
    speedups = [one / many for one, many in zip(seconds["code1"], seconds["code"], strict=True)]
    print(f"speedup 1 -> {n_proc} processes: {statistics.median(speedups):.2f}")
    print(f"ratio tacitus/spacy: {statistics.median(ratios):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
