"""The command line as a user meets it: codes, stores, queries, and fails clearly.

Exit status: 0 when every article was coded, 1 when some failed, 2 for usage errors.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from tacitus.cli import app

ARTICLE = """Chad and Niger sign border security pact

N'DJAMENA (Reuters) - Chad and Niger signed a border security agreement on Tuesday, and
Chadian troops arrested six smugglers near the frontier, officials said.
"""


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def run(runner: CliRunner, *args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_code_prints_jsonl_records_in_the_documented_shape(
    runner: CliRunner, article: Path
) -> None:
    code, out, _ = run(
        runner, "code", str(article), "--published", "2024-03-05", "--format", "jsonl", "--no-store"
    )
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert records
    expected = {
        "id",
        "article_id",
        "sentence",
        "span",
        "text",
        "source",
        "target",
        "cameo",
        "cameo_name",
        "root",
        "plover",
        "goldstein",
        "quad_class",
        "polarity",
        "modality",
        "attribution",
        "location",
        "date",
        "confidence",
        "why",
    }
    assert expected <= set(records[0])
    assert any(r["cameo"].startswith("057") for r in records)


def test_no_store_writes_no_database(
    runner: CliRunner, article: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, _ = run(runner, "code", str(article), "--no-store", "--quiet")
    assert code == 0
    assert not (tmp_path / "tacitus.duckdb").exists()


def test_stdin_is_coded_and_stored_then_queried(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "events.duckdb"
    code, _, _ = run(
        runner, "code", "-", "--db", str(db), "--published", "2024-03-05", "--quiet", stdin=ARTICLE
    )
    assert code == 0
    code, out, _ = run(runner, "events", "--db", str(db), "--actor", "TCD", "--format", "jsonl")
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert records
    assert all(
        "TCD" in ((r["source"] or {}).get("code") or "")
        or "TCD" in ((r["target"] or {}).get("code") or "")
        for r in records
    )
    code, out, _ = run(runner, "events", "--db", str(db), "--root", "17", "--format", "csv")
    assert code == 0
    assert out.splitlines()[0].startswith("id,")
    code, out, _ = run(
        runner, "events", "--db", str(db), "--min-confidence", "0.6", "--coded", "-f", "jsonl"
    )
    assert code == 0
    confident = [json.loads(line) for line in out.splitlines()]
    assert all(r["confidence"] >= 0.6 and r["source"]["code"] for r in confident)
    code, _, err = run(runner, "events", "--db", str(db), "--min-confidence", "7")
    assert code == 2 and "between 0 and 1" in err


def test_a_rerun_codes_nothing_twice(runner: CliRunner, article: Path, tmp_path: Path) -> None:
    db = tmp_path / "events.duckdb"
    for _ in range(2):
        code, _, err = run(runner, "code", str(article), "--db", str(db), "--quiet")
        assert code == 0
    assert "already coded" in err
    with duckdb.connect(str(db), read_only=True) as con:
        (articles,) = con.execute("SELECT count(*) FROM articles").fetchone() or (0,)
        (events,) = con.execute("SELECT count(*) FROM events").fetchone() or (0,)
        (distinct,) = con.execute("SELECT count(DISTINCT id) FROM events").fetchone() or (0,)
    assert articles == 1
    assert events == distinct > 0


def test_bad_inputs_are_recorded_as_failed_and_the_run_goes_on(
    runner: CliRunner, article: Path, tmp_path: Path
) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 talks in Paris".encode("latin-1"))
    (tmp_path / "feed.jsonl").write_text(
        '{"id": "ok", "text": "Peru expelled a Chilean diplomat."}\nnot json\n', encoding="utf-8"
    )
    db = tmp_path / "events.duckdb"
    code, _, err = run(runner, "code", str(tmp_path), "--db", str(db), "--quiet")
    assert code == 1
    assert "failed" in err
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT status, reason FROM articles ORDER BY status").fetchall()
    statuses = [s for s, _ in rows]
    assert statuses.count("coded") == 2  # the article and the good JSONL line
    assert statuses.count("failed") == 4
    assert all(reason for status, reason in rows if status == "failed")


def test_usage_errors_exit_with_2(runner: CliRunner, article: Path) -> None:
    code, _, err = run(runner, "code", str(article), "--published", "last week", "--no-store")
    assert code == 2
    assert "--published" in err
    code, _, _ = run(runner, "code", str(article), "--format", "xml", "--no-store")
    assert code == 2


def test_querying_a_missing_store_says_what_to_do(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = run(runner, "events", "--db", str(tmp_path / "none.duckdb"))
    assert code == 2
    assert "tacitus code" in err


def test_every_command_explains_itself(runner: CliRunner) -> None:
    code, out, _ = run(runner, "--help")
    assert code == 0
    for command in ("code", "events", "quotes", "articles", "eval"):
        assert command in out
        sub_code, sub_out, _ = run(runner, command, "--help")
        assert sub_code == 0 and "Usage" in sub_out
