"""Rewrite tests/golden/samples.tsv from the current coder's output on the sample articles.

Run it after a deliberate change to the coder or its dictionaries, and read the diff before
committing it: the golden file is the reviewable record of what the change did.

    .venv/bin/python scripts/update_golden.py
"""

from __future__ import annotations

from pathlib import Path

from tacitus.golden import SAMPLES, golden_rows

OUT = Path(__file__).resolve().parent.parent / "tests" / "golden" / "samples.tsv"

if __name__ == "__main__":
    rows = golden_rows(SAMPLES)
    OUT.write_text("".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} events written to {OUT}")
