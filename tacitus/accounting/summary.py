"""The run summary: what happened to every record given, with arithmetic that adds up."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from tacitus.ingest import IngestReport
from tacitus.model import Failure

# Numbers, quoted values and paths vary between records that failed for the same reason.
_VARYING = re.compile(r"(?<![\w-])\d[\d,.]*|'[^']*'|\"[^\"]*\"")
# Parenthesised details: "(byte 0xff)", "(Compressed file ended before ...)".
_ASIDE = re.compile(r"\s*\([^)]*\)")


def reason_kind(failure: Failure) -> str:
    """The reason of a failure without what is particular to the record (its origin, line and
    column numbers, quoted values): "line 3 is not JSON: Expecting value at column 1" and
    "line 9 is not JSON: ..." are one kind, "line N is not JSON"."""
    reason = failure.reason
    if failure.origin and reason.startswith(failure.origin + ":"):
        reason = reason[len(failure.origin) + 1 :].lstrip()
    for origin in {failure.origin, failure.origin.rsplit(":", 1)[0]}:
        if len(origin) > 3:  # a path, not a name short enough to occur in any word
            reason = reason.replace(origin, "FILE")
    reason = _ASIDE.sub("", reason)
    # "cannot read FILE: compressed data ends early": the kind is in the second clause.
    clauses = 2 if reason.startswith("cannot") else 1
    head = ":".join(reason.split(";", 1)[0].split(":", clauses)[:clauses])
    return _VARYING.sub("N", head).strip()[:80]


# The record's place within its file: ":12" (a line), "@4096" (a WARC offset).
_POSITION = re.compile(r"(?::\d+|@\d+)$")


def source_of(failure: Failure) -> str:
    """The file a failed record came from: its origin without the line or offset."""
    return _POSITION.sub("", failure.origin)


def by_source(failures: list[Failure]) -> dict[str, list[Failure]]:
    """Failures grouped by the file they came from, so that a summary names each path once
    (a file with 10,000 bad lines is one line with its first reason and a count)."""
    groups: dict[str, list[Failure]] = {}
    for failure in failures:
        groups.setdefault(source_of(failure), []).append(failure)
    return groups


@dataclass(slots=True)
class RunSummary:
    """Counts of one `tacitus code` run. `given` is every record the inputs held; the others
    add up to it (`balanced`)."""

    coded: int = 0
    events: int = 0  # in the default output
    candidates: int = 0  # events kept only as candidates (shown with --all)
    failed: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    already_coded: int = 0
    duplicates: int = 0
    given: int = 0
    unsupported_files: int = 0
    collisions: int = 0

    def count(self, failure: Failure) -> None:
        kinds = self.skipped if failure.status == "skipped" else self.failed
        kinds[reason_kind(failure)] += 1

    def close(self, report: IngestReport) -> None:
        self.given = report.records
        self.duplicates = report.n_duplicates
        self.unsupported_files = len(report.unsupported)
        self.collisions = report.n_collisions

    @property
    def n_failed(self) -> int:
        return sum(self.failed.values())

    @property
    def n_skipped(self) -> int:
        return sum(self.skipped.values())

    @property
    def balanced(self) -> bool:
        accounted = self.coded + self.n_failed + self.n_skipped + self.already_coded
        return accounted + self.duplicates == self.given

    def lines(self) -> list[str]:
        """The summary as plain lines (the CLI escapes and colours them)."""
        out = [
            f"{self.given} record(s) read: {self.coded} coded ({self.events} event(s)"
            + (f" and {self.candidates} candidate(s), shown with --all" if self.candidates else "")
            + "), "
            f"{self.n_failed} failed, {self.n_skipped} skipped, "
            f"{self.duplicates} duplicate(s), {self.already_coded} already coded"
        ]
        for title, kinds in (("failed", self.failed), ("skipped", self.skipped)):
            if kinds:
                parts = ", ".join(f"{n} {kind}" for kind, n in kinds.most_common(8))
                more = len(kinds) - 8
                out.append(f"  {title}: {parts}" + (f" and {more} more kinds" if more > 0 else ""))
        if self.collisions:
            out.append(f"  {self.collisions} record(s) reused another's id: kept under a new id")
        if self.unsupported_files:
            out.append(f"  {self.unsupported_files} file(s) not read: no reader for their type")
        if not self.balanced:  # a bug in tacitus, never in the input: say so loudly
            out.append("  warning: these counts do not add up; please report it")
        return out
