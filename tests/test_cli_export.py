"""`tacitus export`, `tacitus series` and `tacitus events --clusters` as a user meets them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tacitus.cli import app
from tacitus.store import Store
from tests.test_store import AMMAN, EGY_GOV, ISR_MIL, JOR_GOV, PSE, event, result


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "events.duckdb"
    with Store(path) as store:
        store.save(
            result(
                "a1",
                event("a1", 1, JOR_GOV, EGY_GOV, "040", when="2024-03-04", where=AMMAN),
                event("a1", 2, ISR_MIL, PSE, "190"),
            )
        )
        store.save(result("a2", event("a2", 3, ISR_MIL, PSE, "190")))
    return path


def run(*args: str) -> tuple[int, str, str]:
    outcome = CliRunner().invoke(app, list(args))
    return outcome.exit_code, outcome.stdout, outcome.stderr


def test_export_csv_to_stdout_takes_the_events_filters(db: Path) -> None:
    code, out, err = run("export", "--db", str(db), "-f", "csv", "--dyad", "ISR-PSE")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("id,article_id,sentence,source_text")
    assert len(lines) == 3 and "exported 2 event(s) as csv" in err


def test_export_gdelt_and_parquet_write_into_a_directory(db: Path, tmp_path: Path) -> None:
    code, _, err = run("export", "--db", str(db), "-f", "gdelt", "-o", str(tmp_path / "g"))
    assert code == 0, err
    assert sorted(p.name for p in (tmp_path / "g").iterdir()) == [
        "events.export.tsv", "events.mentions.tsv",
    ]  # fmt: skip
    code, _, err = run("export", "--db", str(db), "-f", "parquet")
    assert code == 2 and "--output" in err


def test_export_clusters_merges_the_two_reports_of_one_strike(db: Path) -> None:
    code, out, err = run("export", "--db", str(db), "-f", "plover", "--clusters", "--root", "19")
    assert code == 0, err
    [record] = [json.loads(line) for line in out.splitlines()]
    assert record["tacitus"]["cluster"]["articles"] == 2


def test_events_clusters_lists_one_line_per_happening(db: Path) -> None:
    code, out, err = run("events", "--db", str(db), "--clusters", "-f", "jsonl")
    assert code == 0, err
    clusters = [json.loads(line) for line in out.splitlines()]
    assert sorted(c["counts"]["mentions"] for c in clusters) == [1, 2]
    strike = next(c for c in clusters if c["counts"]["mentions"] == 2)
    assert {m["article_id"] for m in strike["mentions"]} == {"a1", "a2"}
    code, out, err = run("events", "--db", str(db), "--clusters")
    assert code == 0 and "2 cluster(s) of 3 event(s)" in err


def test_series_prints_one_row_per_period_as_json_or_csv(db: Path) -> None:
    code, out, err = run(
        "series", "--db", str(db), "--dyad", "ISR-PSE", "--by", "month", "-f", "json"
    )
    assert code == 0, err
    assert [(r["period"], r["events"]) for r in json.loads(out)] == [("2024-03-01", 2)]
    code, out, _ = run("series", "--db", str(db), "--by", "year", "--per", "root", "-f", "csv")
    assert out.splitlines()[0] == (
        "period,root,events,quad1,quad2,quad3,quad4,goldstein_sum,goldstein_mean"
    )
    code, _, err = run("series", "--db", str(db), "--by", "fortnight")
    assert code == 2 and "fortnight" in err
    code, _, err = run("series", "--db", str(db), "--dyad", "ISR")
    assert code == 2 and "SOURCE-TARGET" in err
