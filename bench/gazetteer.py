"""Gazetteer start-up: the on-disk city index against parsing the city list into memory.

Each round starts two fresh processes, one per mode, in alternating order, and each
reports the seconds to build its gazetteer and resolve a fixed list of names, and the
resident memory the gazetteer added. The medians over the rounds and their ratio are
printed; both modes must resolve every name alike. The index is built (once) before the
first round, as the first use on a machine would.

    .venv/bin/python bench/gazetteer.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

NAMES = [
    "Paris", "Georgia", "Washington", "Springfield", "Columbus", "Kharkiv", "Gaza",
    "Khartoum", "Arlington, Virginia", "Orange County", "Mosul", "Tbilisi", "Lagos",
    "Portland", "Cambridge", "San Jose", "Hebron", "Aleppo", "Manila", "Birmingham",
]  # fmt: skip

CHILD = """
import json, resource, sys, time
from tacitus.places import PlaceContext, build_gazetteer, resolve_place
names = json.loads(sys.argv[2])
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.perf_counter()
gaz = build_gazetteer(in_memory=sys.argv[1] == "memory")
found = [resolve_place(n, PlaceContext(), gaz) for n in names]
seconds = time.perf_counter() - t0
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
ids = [(f[0].geonameid, f[0].name, f[0].lat, f[0].lon) if f else None for f in found]
print(json.dumps({"seconds": seconds, "added_mb": (after - before) / 1024,
                  "rss_mb": after / 1024, "resolved": ids}))
"""


def run(mode: str) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, mode, json.dumps(NAMES)],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, object] = json.loads(out.stdout)
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    run("index")  # builds the index on a machine that has none yet
    runs: dict[str, list[dict[str, object]]] = {"memory": [], "index": []}
    for i in range(args.rounds):
        order = ("memory", "index") if i % 2 == 0 else ("index", "memory")
        for mode in order:
            runs[mode].append(run(mode))
    same = all(r["resolved"] == runs["memory"][0]["resolved"] for rs in runs.values() for r in rs)
    med = {
        mode: {
            k: statistics.median(float(str(r[k])) for r in rs)
            for k in ("seconds", "added_mb", "rss_mb")
        }
        for mode, rs in runs.items()
    }
    print(f"rounds: {args.rounds}, names resolved: {len(NAMES)}, same results: {same}")
    for mode in ("memory", "index"):
        m = med[mode]
        print(
            f"{mode:>6}: start-up {m['seconds']:6.2f} s, gazetteer memory {m['added_mb']:6.0f} MB,"
            f" process peak {m['rss_mb']:6.0f} MB (medians)"
        )
    mem, idx = med["memory"], med["index"]
    print(f"start-up ratio memory/index: {mem['seconds'] / idx['seconds']:.1f}")
    print(f"memory ratio memory/index: {mem['added_mb'] / max(idx['added_mb'], 1.0):.1f}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
