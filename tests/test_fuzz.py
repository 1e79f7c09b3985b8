"""The readers' fuzz target, run briefly in CI (the long run is `make fuzz`): a crash, a hang
over 20 s or a lost input makes libFuzzer exit non-zero."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

TARGET = Path(__file__).resolve().parents[1] / "fuzz" / "readers.py"
# About 10 s on a loaded 2-core machine; the regression seeds alone are 224 inputs.
CI_RUNS = 1000


def test_the_readers_survive_a_bounded_fuzzing_run(tmp_path: Path) -> None:
    pytest.importorskip("atheris", reason="atheris is in the test extra: pip install -e .[test]")
    corpus = tmp_path / "corpus"
    done = subprocess.run(
        [sys.executable, str(TARGET), f"-runs={CI_RUNS}", "-timeout=20", "-seed=1", str(corpus)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    # libFuzzer counts the regression seeds it replays on top of the runs asked for.
    ran = re.search(r"Done (\d+) runs", done.stderr)
    assert ran is not None and int(ran.group(1)) >= CI_RUNS, done.stderr[-3000:]
