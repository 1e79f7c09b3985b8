"""Memory of the within-run id registry: bounded, whatever the number of records.

Each round starts one fresh process per corpus size, in alternating order; each streams that
many synthetic records (ids reused now and then, for duplicates and collisions) through
`tacitus.ingest.ids.unique` and reports the peak resident memory it added and the seconds it
took. The medians over the rounds and the ratio of the largest corpus to the smallest are
printed: a registry that grew with the records would show a ratio near the ratio of sizes;
a bounded one stays near 1 once past `MEMORY_ENTRIES` (50,000).

    .venv/bin/python bench/ids_memory.py [--rounds 3] [--sizes 100000 1000000]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

CHILD = """
import json, resource, sys, time
from tacitus.ingest.ids import unique
from tacitus.ingest.report import IngestReport
from tacitus.model import Article
n = int(sys.argv[1])
def records():
    for i in range(n):
        key = f"id{i // 3}" if i % 10 == 1 else f"record-{i:09d}"
        origin = f"corpus/{i // 1000}.jsonl:{i}"
        yield Article(id=key, text=f"text of record {i % 1000003}", origin=origin)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
report = IngestReport()
kept = sum(1 for _ in unique(records(), report))
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
print(json.dumps({"mb": peak / 1024, "s": seconds, "kept": kept, "dups": report.n_duplicates}))
"""


def measure(size: int) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(size)], check=True, capture_output=True, text=True
    )
    result: dict[str, float] = json.loads(out.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs=2, default=[100_000, 1_000_000])
    args = parser.parse_args()
    small, large = args.sizes
    runs: dict[int, list[dict[str, float]]] = {small: [], large: []}
    for number in range(args.rounds):
        order = (small, large) if number % 2 == 0 else (large, small)
        for size in order:
            runs[size].append(measure(size))
    for size, results in runs.items():
        mb = statistics.median(r["mb"] for r in results)
        s = statistics.median(r["s"] for r in results)
        rate = size / s
        print(f"{size:>9,} records: +{mb:6.1f} MB peak, {s:6.1f} s ({rate:,.0f} records/s)")
    ratio = statistics.median(r["mb"] for r in runs[large]) / statistics.median(
        r["mb"] for r in runs[small]
    )
    print(
        f"memory ratio {large:,} / {small:,} records: {ratio:.2f} (sizes differ {large / small:g}x)"
    )


if __name__ == "__main__":
    main()
