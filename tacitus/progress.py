"""The progress line of `tacitus code` on a terminal: articles, events, failures, speed.

Only the CLI uses it, and only when standard error is a terminal: piped or redirected runs
print nothing extra, so logs and scripts see the same output as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from tacitus.model import CodingResult


class _Speed(ProgressColumn):
    """Articles per second, over the run so far (rich's own estimate)."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("-- articles/s" if speed is None else f"{speed:.1f} articles/s")


class CodingProgress:
    """A transient progress display; `advance` after each coded (or failed) article.

    `total` is the number of articles when it is known in advance (then an ETA is shown), or
    None, when the inputs are read as they come (a folder, a JSONL file, a feed)."""

    def __init__(self, console: Console, *, total: int | None = None, enabled: bool = True) -> None:
        self.enabled = enabled and console.is_terminal
        self.events = self.failed = 0
        columns: list[ProgressColumn] = [
            TextColumn("coding"),
            BarColumn(),
            TextColumn("{task.completed} articles, {task.fields[events]} events"),
            TextColumn("{task.fields[failed]} failed", style="yellow"),
            _Speed(),
            TimeElapsedColumn(),
        ]
        if total is not None:
            columns.append(TimeRemainingColumn())
        self._progress = Progress(*columns, console=console, transient=True)
        self._task = self._progress.add_task("coding", total=total, events=0, failed=0)

    def __enter__(self) -> CodingProgress:
        if self.enabled:
            self._progress.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.enabled:
            self._progress.stop()

    def advance(self, result: CodingResult) -> None:
        self.events += len(result.events)
        self.failed += result.failure is not None
        if self.enabled:
            self._progress.update(self._task, advance=1, events=self.events, failed=self.failed)

    def track(self, results: Iterable[CodingResult]) -> Iterator[CodingResult]:
        """Pass the results through, advancing the display; it goes away when they end."""
        with self:
            for result in results:
                self.advance(result)
                yield result
