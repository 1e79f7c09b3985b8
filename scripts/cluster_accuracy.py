"""Cluster precision and recall on the project's own corpus (tests/fixtures/clusters).

    .venv/bin/python scripts/cluster_accuracy.py

Codes the corpus into a temporary store, clusters its events and prints the pairwise scores
and the syndicated copies found, as docs/accuracy.md reports them.
"""

from __future__ import annotations

import json
from pathlib import Path

import tacitus
from tacitus import queries
from tacitus.dedup import cluster_rows, stories
from tacitus.evaluate.clusters import pairwise
from tacitus.ingest import read_inputs
from tacitus.store import Store

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "clusters"


def main() -> None:
    gold = json.loads((CORPUS / "gold.json").read_text())
    with Store(":memory:") as store:
        store.save_many(list(tacitus.load().code(read_inputs([str(CORPUS / "articles.jsonl")]))))
        events = queries.events(store)
        print(json.dumps(pairwise(cluster_rows(store), gold["events"], events)))
        ids = [a["id"] for a in queries.articles(store)]
        found = stories(queries.article_meta(store, ids, with_text=True))
        print(json.dumps({"copies": {a: s for a, s in sorted(found.items()) if a != s}}))


if __name__ == "__main__":
    main()
