"""Nothing lost (issue 13): every record given is stored as coded or failed, the run summary
adds up, and the Python API answers hostile arguments with InputError only."""

from __future__ import annotations

import json
import os
import re
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest
from typer.testing import CliRunner

import tacitus
from tacitus.cli import app
from tacitus.model import Article
from tests.regressions.hostile import BAD_NAME, GOOD, HOSTILE, UNSUPPORTED, write_corpus

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, int, str]:
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(str(folder))
    db = folder.parent / "corpus.duckdb"
    result = CliRunner().invoke(app, ["code", str(folder), "--db", str(db), "--quiet"])
    return folder, db, result.exit_code, result.stderr


def stored(db: Path) -> list[tuple[str, str, str | None]]:
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT origin, status, reason FROM articles").fetchall()
    return [(str(o), str(s), r) for o, s, r in rows]


def test_every_good_record_is_stored_as_coded(corpus_run: tuple[Path, Path, int, str]) -> None:
    folder, db, _, _ = corpus_run
    coded = {origin for origin, status, _ in stored(db) if status == "coded"}
    for name in GOOD:
        assert any(o.startswith(str(folder / name)) for o in coded), name
    # The file whose name is not UTF-8 is read; its name is stored escaped, valid UTF-8.
    escaped = os.fsencode(folder / BAD_NAME.decode("latin-1")).decode("latin-1")
    assert any("bad-name-\\xff.txt" in o for o in coded), escaped


def test_every_hostile_file_has_a_failed_row(corpus_run: tuple[Path, Path, int, str]) -> None:
    folder, db, _, _ = corpus_run
    failed = {origin: reason for origin, status, reason in stored(db) if status == "failed"}
    for name in HOSTILE:
        assert any(o.startswith(str(folder / name)) for o in failed), name
    assert all(reason for reason in failed.values())


def test_the_summary_accounts_for_every_record(corpus_run: tuple[Path, Path, int, str]) -> None:
    _, db, exit_code, stderr = corpus_run
    assert exit_code == 1  # some inputs failed; nothing crashed (3) and the store held (2)
    rows = stored(db)
    found = re.search(
        r"(\d+) record\(s\) read: (\d+) coded .*?, (\d+) failed, (\d+) skipped, "
        r"(\d+) duplicate\(s\), (\d+) already coded",
        " ".join(stderr.split()),
    )
    assert found, stderr
    given, coded, failed, skipped, duplicates, already = map(int, found.groups())
    assert coded + failed + skipped + duplicates + already == given
    assert coded == sum(1 for _, s, _ in rows if s == "coded")
    assert failed == sum(1 for _, s, _ in rows if s == "failed")
    assert f"{len(UNSUPPORTED)} file(s) not read" in stderr
    assert "do not add up" not in stderr


def test_input_never_reaches_the_terminal_raw(corpus_run: tuple[Path, Path, int, str]) -> None:
    _, _, _, stderr = corpus_run
    assert "\x1b" not in stderr
    assert "odd[/red]markup.txt" in stderr  # printed as written, not taken for markup


def test_a_reused_id_keeps_both_texts_and_the_same_text_twice_is_one(tmp_path: Path) -> None:
    lines = [
        '{"id": "a", "text": "Police arrested ten protesters in Nairobi on Monday."}',
        '{"id": "a", "text": "Troops shelled a village near Goma on Tuesday."}',
        '{"id": "a", "text": "Police arrested ten protesters in Nairobi on Monday."}',
    ]
    path = tmp_path / "ids.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "ids.duckdb"
    result = CliRunner().invoke(app, ["code", str(path), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        ids = sorted(r[0] for r in con.execute("SELECT id FROM articles").fetchall())
    assert ids[0] == "a" and ids[1].startswith("a~") and len(ids) == 2
    assert "1 duplicate(s)" in " ".join(result.stderr.split())


def test_an_input_without_any_record_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "picture.png").write_bytes(b"\x89PNG")
    result = CliRunner().invoke(app, ["code", str(tmp_path), "--no-store"])
    assert result.exit_code == 1
    assert "no article at all" in result.stderr


HOSTILE_ARGUMENTS: list[dict[str, Any]] = [
    {"text": None},
    {"text": 42},
    {"text": b"Police arrested ten men."},
    {"text": ["Police"]},
    {"text": "Police arrested ten men.", "published": 20240305},
    {"text": "Police arrested ten men.", "published": "yesterday"},
    {"text": "Police arrested ten men.", "article_id": 7},
    {"text": "Police arrested ten men.", "outlet": object()},
    {"text": "Police arrested ten men.", "model": ["en"]},
]


@pytest.mark.parametrize("kwargs", HOSTILE_ARGUMENTS, ids=lambda k: repr(k)[:40])
def test_the_api_raises_input_error_for_wrong_arguments(kwargs: dict[str, Any]) -> None:
    with pytest.raises(tacitus.InputError):
        tacitus.code(**kwargs)


@pytest.mark.parametrize("name", sorted({**GOOD, **HOSTILE}))
def test_the_api_codes_or_fails_every_corpus_input_as_text(name: str) -> None:
    data = {**GOOD, **HOSTILE}[name]
    result = tacitus.code(data.decode("utf-8", errors="surrogateescape"), published=date.today())
    assert result.failure is not None or result.article.text


@pytest.mark.parametrize(
    "items",
    ["Police arrested ten men.", 42, [None], [Article(id="x", text=None)]],  # type: ignore[arg-type]
    ids=["str", "int", "none-item", "none-text"],
)
def test_load_code_raises_input_error_for_wrong_items(items: Any) -> None:
    with pytest.raises(tacitus.InputError):
        list(tacitus.load().code(items))


def test_a_later_run_reusing_a_stored_id_for_another_text_keeps_both(tmp_path: Path) -> None:
    db = tmp_path / "runs.duckdb"
    texts = [
        "Police arrested ten protesters in Nairobi on Monday.",
        "Troops shelled a village near Goma on Tuesday.",
    ]
    for n, text in enumerate(texts):
        path = tmp_path / f"run{n}.jsonl"
        path.write_text(json.dumps({"id": "same", "text": text}) + "\n", encoding="utf-8")
        for _ in range(2):  # the second time, each run finds its article already coded
            result = CliRunner().invoke(app, ["code", str(path), "--db", str(db), "--quiet"])
            assert result.exit_code == 0, result.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT id, text FROM articles ORDER BY id").fetchall()
    assert [text for _, text in rows] == texts
    assert rows[0][0] == "same" and rows[1][0].startswith("same~")
