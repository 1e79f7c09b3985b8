"""Distributed runs: inputs split into partitions of files, workers write Parquet parts, and
the client loads them into the store, idempotently, with the same rows as a local run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import tacitus
from tacitus import queries
from tacitus.errors import InputError
from tacitus.ingest import read_inputs
from tacitus.queries import EventFilter
from tacitus.scale import partitions, run
from tacitus.store import Store
from tests.test_store import EGY_GOV, JOR_GOV, event, result

CORPUS = Path(__file__).parent / "fixtures" / "clusters" / "articles.jsonl"


def test_directories_expand_into_partitions_of_files_in_order(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "c/d.html", ".hidden/e.txt", ".f.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("text")
    parts = partitions([str(tmp_path), "s3://bucket/x.warc.gz"], size=2)
    assert [[Path(p).name for p in part.paths] for part in parts] == [
        ["a.txt", "b.txt"], ["d.html", "x.warc.gz"],
    ]  # fmt: skip
    assert [part.index for part in parts] == [0, 1]


def test_partitioning_refuses_stdin_an_empty_input_and_a_zero_size(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="standard input"):
        partitions(["-"])
    with pytest.raises(InputError, match="no input files"):
        partitions([str(tmp_path)])
    with pytest.raises(InputError, match="at least 1"):
        partitions(["a.txt"], size=0)


def test_a_part_loads_into_a_store_once_however_often_it_is_loaded(tmp_path: Path) -> None:
    with Store(tmp_path / "worker.duckdb") as worker:
        worker.save(result("a1", event("a1", 1, JOR_GOV, EGY_GOV, "040")))
        worker.export_parts(tmp_path / "part-00000")
    with Store(tmp_path / "main.duckdb") as main:
        main.save(result("a1", event("a1", 1, JOR_GOV, EGY_GOV, "036")))  # an older coding
        assert main.load_parts(tmp_path / "part-00000") == 1
        assert main.load_parts(tmp_path / "part-00000") == 1
        assert main.stats() == {
            "articles_coded": 1, "articles_failed": 0, "events": 1, "candidates": 0,
            "quotes": 1, "actors": 2,
        }  # fmt: skip
        assert main.rows("SELECT cameo FROM events") == [("040",)]


@pytest.mark.slow
def test_a_local_cluster_stores_what_a_local_run_stores(tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    lines = CORPUS.read_text().splitlines()
    for n in range(0, len(lines), 3):  # six files, three articles each
        (inputs / f"batch{n:02d}.jsonl").write_text("\n".join(lines[n : n + 3]) + "\n")
    seen: list[int] = []
    with Store(tmp_path / "dask.duckdb") as store:
        summary = run(
            [str(inputs)], store, address="local:2", partition_files=2,
            on_part=lambda done: seen.append(done.index),
        )  # fmt: skip
        distributed = _all_events(store)
    assert sorted(seen) == [0, 1, 2] and summary.parts == 3
    assert (summary.articles, summary.failed) == (len(lines), 0)
    assert len(summary.peak_rss_mb) >= 1 and all(mb > 0 for mb in summary.peak_rss_mb.values())

    local = Store(":memory:")
    local.save_many(list(tacitus.load().code(read_inputs([str(CORPUS)]))))
    assert distributed == _all_events(local)


def _all_events(store: Store) -> list[dict[str, Any]]:
    return sorted(queries.events(store, EventFilter(all=True)), key=lambda r: str(r["id"]))


def test_dask_runs_store_their_results_so_no_store_is_a_usage_error(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from tacitus.cli import app

    outcome = CliRunner().invoke(app, ["code", str(CORPUS), "--dask", "local:1", "--no-store"])
    assert outcome.exit_code == 2 and "--no-store" in outcome.stderr
