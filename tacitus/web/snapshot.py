"""Open a store for serving without blocking a coder that writes to it.

DuckDB lets one process hold a file for writing, and then no other process may open it, not
even read-only; and a server holding it read-only would stop `tacitus code` from opening it at
all. So the server never opens the store itself: it copies the file (and its write-ahead log,
which holds commits not yet checkpointed) into a private directory and reads the copy. New
events show up when the server is restarted.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
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
            "server reads a copy; restart it to see newer events)"
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
