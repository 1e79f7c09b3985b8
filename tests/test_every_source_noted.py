"""Issues 12 and 13, second pass: the same text twice is one article with both sources stored;
every format is judged for language; the id registry holds any number of records in bounded
memory; Ctrl-C stores what was coded and exits 130; skipped records can be listed."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import duckdb
import pytest
from typer.testing import CliRunner

from tacitus import pipeline
from tacitus.accounting import RunSummary
from tacitus.accounting import failures as failures_module
from tacitus.accounting.failures import FailureLog
from tacitus.cli import EXIT_INTERRUPTED, app
from tacitus.ingest import IngestReport, read_inputs
from tacitus.ingest.ids import IdRegistry, unique
from tacitus.model import Article, Failure

pytestmark = pytest.mark.slow

STORY = "Police arrested ten protesters in Nairobi on Monday."
OTHER = "Troops shelled a village near Goma on Tuesday."
# Written for this test: a French news paragraph well over the 30 words language needs.
FRENCH = (
    "La police a arrêté dix manifestants lundi à Nairobi, selon un porte-parole du "
    "gouvernement, qui a ajouté que les personnes interpellées seraient présentées à un juge "
    "dans les prochains jours. Les organisations de défense des droits de l'homme ont dénoncé "
    "ces arrestations et demandé la libération immédiate de tous les détenus."
)


def run(*args: str) -> Any:
    return CliRunner().invoke(app, [*args])


def listing(db: Path, *flags: str) -> list[dict[str, Any]]:
    result = run("articles", "--db", str(db), *flags)
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_the_same_text_twice_is_one_article_with_both_sources(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(STORY + "\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert run("code", str(tmp_path), "--db", str(db), "--quiet").exit_code == 0
    [row] = listing(db)
    assert row["origin"] == str(tmp_path / "a.txt")
    assert row["also_from"] == [str(tmp_path / "b.txt")]


def test_a_copy_met_in_a_later_run_is_noted_too(tmp_path: Path) -> None:
    first, later = tmp_path / "first.jsonl", tmp_path / "later.jsonl"
    first.write_text(json.dumps({"id": "x", "text": STORY}) + "\n", encoding="utf-8")
    later.write_text(json.dumps({"id": "x", "text": STORY}) + "\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    # The first file again is no further source; the later file's second run notes no more.
    for path in (first, first, later, later):
        assert run("code", str(path), "--db", str(db), "--quiet").exit_code == 0
    [row] = listing(db)
    assert row["also_from"] == [f"{later}:1"]


def test_plain_text_and_json_lines_not_in_english_are_skipped_with_the_language(
    tmp_path: Path,
) -> None:
    (tmp_path / "fr.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "fr.jsonl").write_text(json.dumps({"id": "fr", "text": FRENCH}) + "\n")
    # Too short to judge: coded, whatever language it looks like.
    (tmp_path / "short.txt").write_text("La police a arrêté dix manifestants.", encoding="utf-8")
    (tmp_path / "en.txt").write_text(STORY, encoding="utf-8")
    items = list(read_inputs([str(tmp_path)]))
    skipped = {Path(i.origin.split(":")[0]).name: i for i in items if isinstance(i, Failure)}
    assert set(skipped) == {"fr.txt", "fr.jsonl"}
    for failure in skipped.values():
        assert failure.status == "skipped"
        assert "detected language fr" in failure.reason
    coded = {Path(i.origin or "").name for i in items if isinstance(i, Article)}
    assert coded == {"short.txt", "en.txt"}


def test_skipped_records_are_listed_with_their_reason(tmp_path: Path) -> None:
    (tmp_path / "fr.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text("{not json\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text(STORY, encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert run("code", str(tmp_path), "--db", str(db), "--quiet").exit_code == 1
    skipped = listing(db, "--skipped")
    assert [r["status"] for r in skipped] == ["skipped"]
    assert "not English" in skipped[0]["reason"]
    both = listing(db, "--failed", "--skipped")
    assert sorted(r["status"] for r in both) == ["failed", "skipped"]


def records(n: int) -> list[Article | Failure]:
    """n articles, two of every seven reusing an earlier id: some with the same text as the
    record first given that id (a duplicate), some with another (a collision)."""
    items: list[Article | Failure] = []
    for i in range(n):
        key = f"id{i // 7}" if i % 7 in (1, 2) else f"id{i}"
        text = f"text {i // 7}" if i % 7 == 1 else f"text {i}"
        items.append(Article(id=key, text=text, origin=f"f:{i}"))
    return items


def kept(items: list[Article | Failure], registry: IdRegistry) -> tuple[list[str], IngestReport]:
    report = IngestReport()
    out = [a.id for a in unique(items, report, registry) if isinstance(a, Article)]
    return out, report


def test_the_id_registry_gives_the_same_answer_once_it_spills_to_disk(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    items = records(700)
    in_memory, expected = kept(items, IdRegistry(memory_entries=10_000))
    spilled: list[str] = []
    real_spill = IdRegistry._spill

    def spill(self: IdRegistry) -> None:
        real_spill(self)
        spilled.append(str(self._path))

    monkeypatch.setattr(IdRegistry, "_spill", spill)
    registry = IdRegistry(memory_entries=50)
    on_disk, report = kept(items, registry)
    assert len(spilled) == 1  # once, when the 51st id came
    assert on_disk == in_memory
    assert expected.n_duplicates > 0 and expected.n_collisions > 0
    assert (report.n_duplicates, report.n_collisions) == (
        expected.n_duplicates,
        expected.n_collisions,
    )
    assert not registry.on_disk  # closed at the end of the run, its file removed
    assert not os.path.exists(spilled[0])


def test_ctrl_c_stores_what_was_coded_and_exits_130(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(5):
        (tmp_path / f"{n}.txt").write_text(f"{STORY} Story {n}.", encoding="utf-8")
    real_code = pipeline.Pipeline.code

    def interrupted(self: pipeline.Pipeline, items: Any, **kw: Any) -> Any:
        for number, result in enumerate(real_code(self, items, **kw)):
            if number == 3:
                raise KeyboardInterrupt
            yield result

    monkeypatch.setattr(pipeline.Pipeline, "code", interrupted)
    db = tmp_path.parent / f"{tmp_path.name}.duckdb"
    result = run("code", str(tmp_path), "--db", str(db), "--quiet")
    assert result.exit_code == EXIT_INTERRUPTED, result.stderr
    assert "interrupted" in result.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (3,)
    monkeypatch.setattr(pipeline.Pipeline, "code", real_code)
    again = run("code", str(tmp_path), "--db", str(db), "--quiet")
    assert again.exit_code == 0
    assert "3 already coded" in " ".join(again.stderr.split())


def test_the_failure_log_keeps_one_textless_record_per_file_up_to_a_bound(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(failures_module, "MAX_FILES", 3)
    log = FailureLog(RunSummary())
    for file in range(5):
        for line in range(1, 101):
            log.add(
                Failure(f"{file}-{line}", f"f{file}.jsonl:{line}", "line N is not JSON", "x" * 99)
            )
    log.add(Failure("fr", "fr.txt", "not English", FRENCH, status="skipped"))
    assert (log.summary.n_failed, log.summary.n_skipped) == (500, 1)
    assert list(log.by_file) == ["f0.jsonl", "f1.jsonl", "f2.jsonl"]
    assert all(n == 100 and first.text == "" for first, n in log.by_file.values())
    assert log.unlisted == 200
