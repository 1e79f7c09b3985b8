"""Splitting the inputs of a distributed run into partitions of files or of WARC records.

A partition is a list of input paths that one worker codes in one go. Directories are
expanded here, on the client, so that partitions are balanced by file count and every worker
gets paths it can open (on a shared filesystem, or as fsspec URLs where the extra is set up).

A local WARC file (one of Common Crawl News's holds tens of thousands of pages) is split by its
records instead: the client lists the offsets of its response records and each partition
codes `DEFAULT_PARTITION_RECORDS` of them from an offset on, so one large file keeps every
worker busy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from tacitus.errors import InputError

# WARC response records per partition: pages are larger than most files given one by one
# (news pages take 50-150 ms to code), so a few hundred make a task of tens of seconds.
DEFAULT_PARTITION_RECORDS = 256
_WARC_NAMES = (".warc", ".warc.gz")

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
    # WARC records to code besides `paths`: (file, offset of the first record, how many).
    records: tuple[tuple[str, int, int], ...] = ()


def _files(source: str) -> Iterator[str]:
    from tacitus.ingest import remote
    from tacitus.ingest.sources import TEXT_SUFFIXES, inner_suffix

    if remote.is_url(source):
        # A URL naming a file of a known type is passed on unread (listing a bucket costs a
        # request); any other is listed here, as a folder, so its files spread over workers.
        if inner_suffix(Path(source.split("?", 1)[0]))[0] in TEXT_SUFFIXES:
            yield source
        else:
            yield from remote.expand(source)
        return
    path = Path(source)
    if path.is_dir():
        for file in sorted(path.rglob("*")):
            hidden = any(p.startswith(".") for p in file.relative_to(path).parts)
            if file.is_file() and not hidden:
                yield str(file)
    else:
        yield source  # a file, or a name the worker's reader reports as missing


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


def record_partitions(
    sources: Sequence[str],
    *,
    size: int = DEFAULT_PARTITION_FILES,
    records: int = DEFAULT_PARTITION_RECORDS,
    published: date | None = None,
    model: str | None = None,
) -> list[Partition]:
    """Like `partitions`, but each local WARC file split into partitions of `records`
    response records (a WARC without any stays a file, so that its reader says why)."""
    from tacitus.ingest.warc import response_offsets

    if records < 1:
        raise InputError(f"records per partition {records} must be at least 1")
    files = [p for part in partitions(sources, size=size) for p in part.paths]
    ranges: list[tuple[str, int, int]] = []
    others: list[str] = []
    for file in files:
        offsets = _local_warc_offsets(file, response_offsets)
        if not offsets:
            others.append(file)
        for i in range(0, len(offsets), records):
            ranges.append((file, offsets[i], len(offsets[i : i + records])))
    chunks = [tuple(others[i : i + size]) for i in range(0, len(others), size)]
    tasks = [Partition(0, chunk, published, model) for chunk in chunks]
    tasks += [Partition(0, (), published, model, (r,)) for r in ranges]
    return [replace(t, index=n) for n, t in enumerate(tasks)]


def _local_warc_offsets(file: str, offsets: Callable[[str], list[int]]) -> list[int]:
    """Response offsets of a local .warc or .warc.gz file; [] for anything else or a damaged
    one (read whole, it fails with its reason in the run)."""
    if not file.lower().endswith(_WARC_NAMES) or not Path(file).is_file():
        return []
    try:
        return offsets(file)
    except Exception:  # fastwarc's errors carry no common base; the file reader reports it
        return []
