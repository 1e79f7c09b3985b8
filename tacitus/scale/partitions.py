"""Splitting the inputs of a distributed run into partitions of files.

A partition is a list of input paths that one worker codes in one go. Directories are
expanded here, on the client, so that partitions are balanced by file count and every worker
gets paths it can open (on a shared filesystem, or as fsspec URLs where the extra is set up).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tacitus.errors import InputError

# Files per partition: large enough that a worker's per-task overhead (scheduling, opening a
# part store, writing four Parquet files: about 50 ms) is small against coding the files,
# small enough that a corpus of a few thousand files spreads over many workers.
DEFAULT_PARTITION_FILES = 64


@dataclass(frozen=True, slots=True)
class Partition:
    """One unit of work: code these inputs and write the rows as part `index`."""

    index: int
    paths: tuple[str, ...]
    published: date | None = None
    model: str | None = None


def _files(source: str) -> Iterator[str]:
    path = Path(source)
    if path.is_dir():
        for file in sorted(path.rglob("*")):
            hidden = any(p.startswith(".") for p in file.relative_to(path).parts)
            if file.is_file() and not hidden:
                yield str(file)
    else:
        # A file, or a URL the workers open (s3://..., gcs://...): passed on as given.
        yield source


def partitions(
    sources: Sequence[str],
    *,
    size: int = DEFAULT_PARTITION_FILES,
    published: date | None = None,
    model: str | None = None,
) -> list[Partition]:
    """The inputs as partitions of at most `size` files, in a stable order."""
    if size < 1:
        raise InputError(f"partition size {size} must be at least 1")
    if "-" in sources:
        raise InputError("standard input cannot be split across workers; give files")
    files = [f for source in sources for f in _files(source)]
    if not files:
        raise InputError(f"no input files in {', '.join(sources)}")
    chunks = [tuple(files[i : i + size]) for i in range(0, len(files), size)]
    return [Partition(n, chunk, published, model) for n, chunk in enumerate(chunks)]
