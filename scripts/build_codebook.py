"""Rebuild tacitus/data/cameo.tsv from the CAMEO and PLOVER codebooks in ../shared/eval.

The codebook facts (code, name, Goldstein score, quad class, PLOVER type and mode) are
carried over; descriptions and example sentences are not. Run once when a codebook changes:

    .venv/bin/python scripts/build_codebook.py ../shared/eval/codebook
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "tacitus" / "data" / "cameo.tsv"


def main(codebook: Path) -> None:
    with (codebook / "cameo2plover_2021.tsv").open() as fh:
        plover = {r["cameo_code"]: r for r in csv.DictReader(fh, delimiter="\t")}
    rows = []
    with (codebook / "cameo_eventcodes.tsv").open() as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            p = plover.get(r["code"]) or plover.get(r["code"][:3]) or plover.get(r["root"], {})
            if not p and r["root"] == "02":
                # PLOVER folds CAMEO's appeals (02) and demands (10) into REQUEST; the 2021
                # crosswalk leaves 02 unmapped, so the manual's reading is applied here.
                p = {"plover_event": "REQUEST", "plover_mode": ""}
            rows.append(
                [
                    r["code"],
                    r["name"],
                    r["root"],
                    r["quad_class_gdelt"],
                    # GDELT leaves 1213 unscored; its siblings' ICEWS score stands in.
                    r["goldstein_gdelt"] or r["goldstein_icews"] or "-4.0",
                    p.get("plover_event", ""),
                    p.get("plover_mode", ""),
                ]
            )
    with OUT.open("w", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(
            ["code", "name", "root", "quad_class", "goldstein", "plover_type", "plover_mode"]
        )
        w.writerows(rows)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/codebook"))
