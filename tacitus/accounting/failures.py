"""The failed records of a run, kept for its summary in bounded memory.

A corpus may fail a million records (a JSON lines file of a million bad lines): each is counted
by its kind at once, and only the first failure of each file is kept, without its text, for
the file-by-file list at the end; past `MAX_FILES` files the rest are only counted.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from tacitus.accounting.summary import RunSummary, source_of
from tacitus.model import Failure

# Files listed one line each in a run's summary; a longer list would not be read anyway.
MAX_FILES = 1000


@dataclass(slots=True)
class FailureLog:
    summary: RunSummary
    # file -> (its first failed record, text dropped; how many of its records failed)
    by_file: dict[str, tuple[Failure, int]] = field(default_factory=dict)
    unlisted: int = 0  # failed records of files past MAX_FILES

    def add(self, failure: Failure) -> None:
        self.summary.count(failure)
        if failure.status == "skipped":
            return
        path = source_of(failure)
        if path in self.by_file:
            first, n = self.by_file[path]
            self.by_file[path] = (first, n + 1)
        elif len(self.by_file) < MAX_FILES:
            self.by_file[path] = (replace(failure, text=""), 1)
        else:
            self.unlisted += 1

    @property
    def any_failed(self) -> bool:
        return bool(self.by_file)
