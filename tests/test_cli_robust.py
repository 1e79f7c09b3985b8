"""The CLI's contract under failure (issues 12, 13): exit statuses, a crash told apart from bad
input, a batch whose one article cannot be stored, quiet extractors, workers that die with
their parent."""

from __future__ import annotations

import logging
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tacitus import cli
from tacitus.accounting import for_terminal, save_isolated
from tacitus.model import Article, CodingResult
from tacitus.store import Store

STORY = "Police arrested ten protesters in Nairobi on Monday, officials said."


def test_a_crash_exits_3_not_1(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr("tacitus.ingest.read_inputs", broken)
    monkeypatch.setattr(sys, "argv", ["tacitus", "code", "x.txt", "--db", str(tmp_path / "d")])
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == cli.EXIT_CRASH == 3
    assert "tacitus crashed" in capsys.readouterr().err


def test_one_unstorable_article_fails_alone(tmp_path: Path) -> None:
    good = [CodingResult(Article(id=f"a{n}", text=f"{STORY} {n}", origin="f")) for n in range(3)]
    # A text the database cannot take (a lone surrogate cannot be encoded as UTF-8).
    bad = CodingResult(Article(id="bad", text="Police \ud800 arrested", origin="f:2"))
    with Store(tmp_path / "s.duckdb") as store:
        failures = save_isolated(store, [good[0], bad, *good[1:]], model="m")
        rows = dict(store.rows("SELECT id, status FROM articles"))
    assert [f.article_id for f in failures] == ["bad"]
    assert "could not be stored" in failures[0].reason
    assert rows == {"a0": "coded", "a1": "coded", "a2": "coded", "bad": "failed"}


def test_terminal_text_escapes_controls_and_markup() -> None:
    shown = for_terminal("\x1b[31mred[/red]\u202e.txt")
    assert "\x1b" not in shown and "\u202e" not in shown
    assert "\\x1b" in shown and "\\[/red]" in shown


def test_extractor_logs_stay_quiet_without_verbose(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text("<html><body></body></html>", encoding="utf-8")
    result = CliRunner().invoke(cli.app, ["code", str(page), "--no-store"])
    assert result.exit_code == 1
    assert "discarding data" not in result.stderr  # one of trafilatura's own lines
    assert logging.getLogger("trafilatura").level == logging.CRITICAL


def test_a_store_that_cannot_be_opened_is_exit_2(tmp_path: Path) -> None:
    story = tmp_path / "s.txt"
    story.write_text(STORY, encoding="utf-8")
    bad_db = tmp_path / "not-a-db.duckdb"
    bad_db.write_bytes(b"this is not a database" * 100)
    result = CliRunner().invoke(cli.app, ["code", str(story), "--db", str(bad_db)])
    assert result.exit_code == 2


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_worker_processes_die_with_their_parent(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    lines = [f'{{"id": "{n}", "text": "{STORY} Report {n}."}}' for n in range(20_000)]
    corpus.write_text("\n".join(lines), encoding="utf-8")
    tacitus = Path(sys.executable).with_name("tacitus")
    parent = subprocess.Popen(
        [str(tacitus), "code", str(corpus), "--processes", "2", "--no-store", "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        workers = _children(parent.pid, wait=120)
        assert workers, "no worker processes started"
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in workers)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
def test_a_worker_whose_parent_died_before_it_asked_ends_itself() -> None:
    # The race behind a flaky kill -9 test: the parent died between the fork and the
    # child's request for a signal on its death; the kernel sends none, so the child ends.
    code = (
        "import tacitus.accounting.processes as p; p._forker = -1; "
        "p._ask_for_sigterm_on_parent_death(); print('still running')"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == -signal.SIGTERM and "still running" not in done.stdout


def _children(pid: int, wait: float) -> list[int]:
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        found = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        if len(found) >= 2:
            return [int(c) for c in found]
        time.sleep(0.2)
    return []


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


@pytest.mark.parametrize(
    ("origin", "reason", "kind"),
    [
        ("/t/a.jsonl:3", "line 3 is not JSON: Expecting value at column 1", "line N is not JSON"),
        ("/t/x.gz", "cannot read /t/x.gz: compressed data ends early (x)", "cannot read FILE: "
         "compressed data ends early"),
        ("/t/a.txt", "invalid UTF-8 at byte 5 (byte 0xff); re-save the file", "invalid UTF-8 at "
         "byte N"),
        ("a", "article is 1,200 characters, over the limit of 1,000", "article is N characters, "
         "over the limit of N"),
    ],
)  # fmt: skip
def test_failures_are_summarised_by_kind(origin: str, reason: str, kind: str) -> None:
    from tacitus.accounting import reason_kind
    from tacitus.model import Failure

    assert reason_kind(Failure("id", origin, reason)) == kind


def test_the_failure_list_names_each_file_once(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text("not json\n" * 500, encoding="utf-8")
    result = CliRunner().invoke(cli.app, ["code", str(path), "--no-store"])
    assert result.exit_code == 1
    assert result.stderr.count(str(path)) == 2  # its first record, and the count of the rest
    assert "and 499 more record(s)" in " ".join(result.stderr.split())
