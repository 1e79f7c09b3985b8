"""Golden outputs: the project's sample articles code to exactly the reviewed events.

When a deliberate change moves them, regenerate with scripts/update_golden.py and review the
diff of tests/golden/samples.tsv in the commit.
"""

from __future__ import annotations

from pathlib import Path

from tacitus.golden import SAMPLES, golden_rows

GOLDEN = Path(__file__).parent / "golden" / "samples.tsv"


def test_the_samples_code_to_the_golden_events() -> None:
    expected = [tuple(line.split("\t")) for line in GOLDEN.read_text().splitlines()]
    got = golden_rows(SAMPLES)
    assert got == expected, "coded events differ from tests/golden/samples.tsv"


def test_every_sample_yields_events() -> None:
    ids = {row[0] for row in golden_rows(SAMPLES)}
    assert len(ids) == 6
