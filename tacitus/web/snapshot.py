"""Open a store for serving without blocking a coder that writes to it.

DuckDB lets one process hold a file for writing, and then no other process may open it, not
even read-only; and a server holding it read-only would stop `tacitus code` from opening it at
all. So the server never opens the store itself: it copies the file (and its write-ahead log,
which holds commits not yet checkpointed) into a private directory and reads the copy.
`LiveSnapshot` copies it again when it changes, so new events show up without a restart.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from tacitus.errors import StoreError
from tacitus.store import Store

log = logging.getLogger(__name__)

# A copy taken while the coder checkpoints can be torn; it is then taken again, a few times.
ATTEMPTS = 3


@dataclass
class Snapshot:
    """A read-only store over a private copy of `source`, taken at `taken`."""

    store: Store
    source: Path
    taken: datetime
    directory: tempfile.TemporaryDirectory[str]

    def describe(self) -> str:
        return (
            f"a snapshot of {self.source} taken at {self.taken:%Y-%m-%d %H:%M:%S} UTC "
            "(DuckDB lets no other process read a file that a coder may be writing, so the "
            "server reads a copy)"
        )

    def close(self) -> None:
        self.store.close()
        self.directory.cleanup()


def open_snapshot(source: str | Path) -> Snapshot:
    """Copy the store at `source` and open the copy read-only."""
    path = Path(source)
    if not path.is_file():
        raise StoreError(f"no store at {path}: code some articles first (tacitus code ...)")
    last: Exception | None = None
    for attempt in range(1, ATTEMPTS + 1):
        directory = tempfile.TemporaryDirectory(prefix="tacitus-serve-")
        copy = Path(directory.name) / path.name
        try:
            taken = datetime.now(UTC)
            _copy_with_wal(path, copy)
            store = Store(copy, read_only=True)
        except (OSError, StoreError) as exc:
            directory.cleanup()
            last = exc
            log.warning("snapshot %d of %s failed: %s", attempt, path, exc)
            continue
        return Snapshot(store, path, taken, directory)
    raise StoreError(f"cannot read a snapshot of {path}: {last}")


def _copy_with_wal(path: Path, copy: Path) -> None:
    wal = path.with_name(path.name + ".wal")
    shutil.copyfile(path, copy)
    if wal.exists():
        shutil.copyfile(wal, copy.with_name(copy.name + ".wal"))


Fingerprint = tuple[tuple[int, int] | None, tuple[int, int] | None]


def fingerprint(source: Path) -> Fingerprint:
    """What says the store changed: modification time and size of the file and of its
    write-ahead log (a commit may touch only the log until the next checkpoint)."""

    def stat(path: Path) -> tuple[int, int] | None:
        try:
            info = path.stat()
        except OSError:
            return None
        return info.st_mtime_ns, info.st_size

    return stat(source), stat(source.with_name(source.name + ".wal"))


class LiveSnapshot:
    """A snapshot that is taken again when its store changes.

    `current()` is called before each query (by one thread at a time: the server's reader
    holds a lock); at most every `every` seconds it looks at the store's file and, when it
    changed, copies it again and closes the old copy. `every` of 0 or less checks only when
    asked (`refresh`). A copy that fails keeps the old one serving and says why.
    """

    def __init__(self, source: str | Path, every: float) -> None:
        self.source = Path(source)
        self.every = every
        self.snapshot = open_snapshot(self.source)
        self.seen = fingerprint(self.source)
        self.checked = time.monotonic()
        self.refreshes = 0
        self.error: str | None = None

    def current(self) -> Store:
        """The store to read now, taken again first if it is due and the source changed."""
        if self.every > 0 and time.monotonic() - self.checked >= self.every:
            self.refresh()
        return self.snapshot.store

    def refresh(self) -> bool:
        """Copy the store again if it changed since the last copy; True when it did."""
        self.checked = time.monotonic()
        now = fingerprint(self.source)
        if now == self.seen:
            return False
        try:
            fresh = open_snapshot(self.source)
        except StoreError as exc:
            self.error = str(exc)
            log.warning("keeping the snapshot of %s: %s", self.source, exc)
            return False
        old, self.snapshot, self.seen = self.snapshot, fresh, now
        old.close()
        self.refreshes += 1
        self.error = None
        log.info("took a new snapshot of %s", self.source)
        return True

    def describe(self) -> str:
        when = (
            f"checked on a request at most every {self.every:g} s, or on POST /api/refresh"
            if self.every > 0
            else "on POST /api/refresh"
        )
        return (
            f"a snapshot of {self.source} taken at {self.snapshot.taken:%Y-%m-%d %H:%M:%S} UTC "
            "(DuckDB lets no other process read a file that a coder may be writing, so the "
            f"server reads a copy, taken again when the store changes: {when})"
        )

    def close(self) -> None:
        self.snapshot.close()
