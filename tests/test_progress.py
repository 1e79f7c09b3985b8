"""`tacitus code` shows its progress on a terminal and nothing when its output is piped."""

from __future__ import annotations

import io

from rich.console import Console

from tacitus.model import Article, CodingResult, Failure
from tacitus.progress import CodingProgress


def results() -> list[CodingResult]:
    ok = CodingResult(article=Article(id="a1", text="x"))
    bad = CodingResult(article=Article(id="a2", text="y"), failure=Failure("a2", "a2.txt", "no"))
    return [ok, bad]


def test_on_a_terminal_it_counts_articles_events_and_failures() -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=120)
    progress = CodingProgress(console)
    assert [r.article.id for r in progress.track(results())] == ["a1", "a2"]
    assert (progress.events, progress.failed) == (0, 1)
    shown = out.getvalue()
    assert "2 articles" in shown and "1 failed" in shown


def test_piped_it_prints_nothing() -> None:
    out = io.StringIO()
    progress = CodingProgress(Console(file=out, force_terminal=False))
    assert len(list(progress.track(results()))) == 2
    assert out.getvalue() == ""
    forced_off = io.StringIO()
    quiet = CodingProgress(Console(file=forced_off, force_terminal=True), enabled=False)
    list(quiet.track(results()))
    assert forced_off.getvalue() == ""
