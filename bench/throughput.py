"""Throughput: tacitus's full coding against a bare spaCy parse of the same articles.

Both runs use the same spaCy pipeline and the same number of processes, in one run of this
script, so the ratio is meaningful on a shared, noisy machine where absolute speeds are not.
The target is a ratio of at least 0.85 with 2 processes: the coding on top of the parse
must cost little.

    .venv/bin/python bench/throughput.py [--articles N] [--processes 2]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

from tacitus.ingest import read_inputs
from tacitus.model import Article
from tacitus.nlp import load_pipeline
from tacitus.pipeline import Pipeline

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
    """Peak resident memory of this process and its (parser) children, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + kids) / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=600)
    ap.add_argument("--processes", type=int, default=2)
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"corpus not found at {CORPUS}: the benchmark needs ../shared/eval", file=sys.stderr)
        return 2
    articles = load_articles(CORPUS, args.articles)
    pipeline = Pipeline()
    nlp = load_pipeline()
    list(pipeline.code(articles[:8]))  # warm both paths (lazy loads, caches) before timing

    texts = [a.text for a in articles]
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=args.processes, batch_size=64):
        pass
    spacy_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    n_events = sum(len(r.events) for r in pipeline.code(articles, n_process=args.processes))
    tacitus_s = time.perf_counter() - t0

    n = len(articles)
    print(f"articles: {n}, processes: {args.processes}, events coded: {n_events}")
    print(f"spacy parse:    {n / spacy_s:8.2f} articles/s ({spacy_s:.1f} s)")
    print(f"tacitus coding: {n / tacitus_s:8.2f} articles/s ({tacitus_s:.1f} s)")
    print(f"peak memory: {peak_mb():.0f} MB (this process and its parser processes)")
    print(f"ratio tacitus/spacy: {spacy_s / tacitus_s:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
