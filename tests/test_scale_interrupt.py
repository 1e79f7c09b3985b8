"""Ctrl-C in the middle of `tacitus code --dask`: the run exits 130 with whole parts stored,
and the same command again codes only the rest, every article once and no event doubled."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tacitus.scale.partitions import DEFAULT_PARTITION_FILES
from tacitus.store import Store

pytest.importorskip("dask.distributed", reason="the scale extra is not installed")

# Two full partitions and a part of a third: the interrupt comes after the first is loaded.
N_FILES = 2 * DEFAULT_PARTITION_FILES + 12
PEOPLE = ("Chad", "Niger", "Mali", "Sudan", "Kenya", "Egypt", "Jordan", "Peru")


def write_corpus(folder: Path) -> None:
    folder.mkdir()
    for i in range(N_FILES):
        a, b = PEOPLE[i % len(PEOPLE)], PEOPLE[(i + 3) % len(PEOPLE)]
        text = f"{a} and {b} signed a trade agreement on Tuesday, officials said. Talks {i}."
        (folder / f"r{i:03d}.txt").write_text(text, encoding="utf-8")


def command(corpus: Path, db: Path, *, verbose: bool) -> list[str]:
    tacitus = str(Path(sys.executable).with_name("tacitus"))
    args = ["code", str(corpus), "--dask", "local:1", "--db", str(db), "--published", "2024-03-05"]
    return [tacitus, "-v", *args] if verbose else [tacitus, *args]


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="signals as Linux sends them")
def test_ctrl_c_keeps_whole_parts_and_the_same_command_codes_the_rest(tmp_path: Path) -> None:
    corpus, db = tmp_path / "corpus", tmp_path / "events.duckdb"
    write_corpus(corpus)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    first = subprocess.Popen(
        command(corpus, db, verbose=True), stderr=subprocess.PIPE, text=True, env=env
    )
    assert first.stderr is not None
    for line in first.stderr:  # --verbose logs each part as it is loaded
        if "part " in line and " loaded:" in line:
            first.send_signal(signal.SIGINT)
            break
    else:
        pytest.fail("the run ended before a part was loaded")
    rest = first.stderr.read()
    assert first.wait(timeout=120) == 130, rest
    assert "run the same command again" in rest

    with Store(db) as store:  # opens cleanly, holding whole parts
        partly = store.stats()["articles_coded"]
    assert partly % DEFAULT_PARTITION_FILES == 0 and 0 < partly < N_FILES

    second = subprocess.run(
        command(corpus, db, verbose=False), capture_output=True, text=True, timeout=600
    )
    assert second.returncode == 0, second.stderr
    assert "loaded by an earlier run skipped" in second.stderr
    with Store(db, read_only=True) as store:
        [(articles, distinct)] = store.rows("SELECT count(*), count(DISTINCT id) FROM articles")
        [(events, distinct_events)] = store.rows("SELECT count(*), count(DISTINCT id) FROM events")
    assert articles == distinct == N_FILES
    assert events == distinct_events >= N_FILES
