"""What a worker does with one partition: code it and write its rows as Parquet.

The pipeline is built once per worker process (`tacitus.load` caches it) and reused for
every partition the worker is given. Rows go into a small store of the part's own, which is
then written as one Parquet file per table: the same tables, columns and types as the main
store, so the client loads them without conversion. A parts directory given as an fsspec URL
(`s3://bucket/run/`) gets the files uploaded to it; the client downloads each part to load it.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tacitus.ingest.remote import filesystem, is_url
from tacitus.model import Article, Failure
from tacitus.scale.partitions import Partition


@dataclass(frozen=True, slots=True)
class PartDone:
    """A written part: where it is and what it holds."""

    index: int
    directory: str
    articles: int
    failed: int
    events: int
    peak_rss_mb: float
    worker: str  # the Dask worker's address, or "local" outside Dask


def _worker_name() -> str:
    try:
        from dask.distributed import get_worker

        return str(get_worker().address)
    except (ImportError, ValueError):  # not running inside a Dask worker
        return "local"


def _peak_rss_mb() -> float:
    import resource

    # ru_maxrss is in kilobytes on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def code_partition(partition: Partition, parts_dir: str) -> PartDone:
    """Code the partition's inputs and write them under `parts_dir/part-NNNNN/`."""
    import tacitus
    from tacitus.store import Store

    pipeline = tacitus.load(partition.model)
    name = f"part-{partition.index:05d}"
    remote = is_url(parts_dir)
    target = f"{parts_dir.rstrip('/')}/{name}" if remote else str(Path(parts_dir) / name)
    scratch = Path(tempfile.mkdtemp(prefix="tacitus-part-"))
    try:
        with Store(scratch / "part.duckdb") as store:
            items = _items(partition)
            store.save_many(pipeline.code(items), model=pipeline.model)
            stats = store.stats()
            store.export_parts(scratch / name if remote else target)
        if remote:  # object storage: written here, then uploaded through fsspec
            filesystem(target).put(f"{scratch / name}/", target, recursive=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return PartDone(
        index=partition.index,
        directory=target,
        articles=stats["articles_coded"],
        failed=stats["articles_failed"],
        events=stats["events"],
        peak_rss_mb=_peak_rss_mb(),
        worker=_worker_name(),
    )


def _items(partition: Partition) -> Iterator[Article | Failure]:
    """The partition's files, then its WARC record ranges."""
    from tacitus.ingest import read_inputs
    from tacitus.ingest.records import Options
    from tacitus.ingest.warc import read_warc_records

    if partition.paths:
        yield from read_inputs(list(partition.paths), published=partition.published)
    opts = Options(published=partition.published, max_chars=1_000_000)  # read_inputs' default
    for path, start, count in partition.records:
        yield from read_warc_records(path, start, count, opts)


def warm(model: str | None = None) -> None:
    """Build the pipeline and code one sentence, so that lazily loaded resources (the
    gazetteer, the dictionaries) are in memory before a timed run."""
    import tacitus

    tacitus.load(model).code_text("Chad and Niger signed a border pact in N'Djamena on Tuesday.")
