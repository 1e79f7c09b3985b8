"""Cluster precision and recall on the project's own corpora.

    .venv/bin/python scripts/cluster_accuracy.py            # both corpora
    .venv/bin/python scripts/cluster_accuracy.py clusters   # one of them

`tests/fixtures/clusters` is the corpus the thresholds were tuned on; `clusters_check` is
held apart (written after the tuning, never used to tune). Each is coded into a temporary
store, its events clustered, and the pairwise scores and syndicated copies found printed, as
docs/accuracy.md reports them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import tacitus
from tacitus import queries
from tacitus.dedup import cluster_rows, stories
from tacitus.evaluate.clusters import pairwise
from tacitus.ingest import read_inputs
from tacitus.store import Store

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures"
CORPORA = ("clusters", "clusters_check")


def score(corpus: Path) -> None:
    gold = json.loads((corpus / "gold.json").read_text())
    with Store(":memory:") as store:
        store.save_many(list(tacitus.load().code(read_inputs([str(corpus / "articles.jsonl")]))))
        events = queries.events(store)
        print(corpus.name, json.dumps(pairwise(cluster_rows(store), gold["events"], events)))
        ids = [a["id"] for a in queries.articles(store)]
        found = stories(queries.article_meta(store, ids, with_text=True))
        expected = {c: o for o, copies in gold["stories"].items() for c in copies}
        copies = {a: s for a, s in sorted(found.items()) if a != s}
        print(corpus.name, json.dumps({"copies": copies, "as_gold": copies == expected}))


def main() -> None:
    for name in sys.argv[1:] or CORPORA:
        score(FIXTURES / name)


if __name__ == "__main__":
    main()
