"""Distributed runs on Dask: `tacitus code INPUTS --dask ADDRESS` (or `--dask local:N`).

The client splits the inputs into partitions of files or of WARC records, each worker codes
its partitions with a pipeline it builds once and writes each as Parquet parts, and the
client loads every
part into the DuckDB store as it arrives (`merge`): a text already stored is noted as a
further source of it, not stored twice, and a different text reusing an id is kept under a
derived id, as in a local run; `recode` replaces stored articles instead. Each part loads in
one transaction and is noted in the store under the run's key, so a run interrupted (Ctrl-C,
a crash) and started again with the same inputs skips the parts it loaded, and no event is
ever doubled.

Dask is an optional extra: `pip install tacitus[scale]`.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tacitus.errors import InputError, TacitusError
from tacitus.scale import merge
from tacitus.scale.merge import run_key
from tacitus.scale.partitions import (
    DEFAULT_PARTITION_FILES,
    DEFAULT_PARTITION_RECORDS,
    Partition,
    partitions,
    record_partitions,
)
from tacitus.scale.worker import PartDone, code_partition, warm
from tacitus.store import Store

__all__ = [
    "PartDone", "Partition", "RunSummary", "dask_client", "partitions", "record_partitions",
    "run", "warm_up",
]  # fmt: skip

log = logging.getLogger(__name__)


@dataclass(slots=True)
class RunSummary:
    """What a distributed run coded, and each worker's peak memory (MB) by address."""

    articles: int = 0
    failed: int = 0
    copies: int = 0  # articles already stored with the same text: noted as sources
    resumed: int = 0  # parts loaded by an earlier, interrupted run over the same inputs
    events: int = 0
    parts: int = 0
    peak_rss_mb: dict[str, float] = field(default_factory=dict)


def _local_workers(address: str) -> int | None:
    """ "local:4" -> 4; None for the address of a running scheduler."""
    if not address.startswith("local"):
        return None
    _, _, count = address.partition(":")
    if not count:
        return 1
    if not count.isdigit() or int(count) < 1:
        raise InputError(f"--dask local:N needs a number of workers, not {address!r}")
    return int(count)


@contextmanager
def dask_client(address: str) -> Iterator[Any]:
    """A Dask client for a scheduler address, or for a LocalCluster of N one-thread workers
    (`local:N`): spaCy holds the GIL, so threads would share one core."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise TacitusError("--dask needs Dask: pip install 'tacitus[scale]'") from exc
    workers = _local_workers(address)
    if workers is None:
        with Client(address) as client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            silence_logs=logging.WARNING,  # the scheduler's INFO chatter is not the user's
            dashboard_address=":0",  # any free port: never clash with another cluster
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def run(
    sources: Sequence[str],
    store: Store,
    *,
    address: str,
    published: date | None = None,
    model: str | None = None,
    partition_files: int = DEFAULT_PARTITION_FILES,
    partition_records: int = DEFAULT_PARTITION_RECORDS,
    parts_dir: str | None = None,
    on_part: Callable[[PartDone], None] | None = None,
    client: Any | None = None,
    recode: bool = False,
) -> RunSummary:
    """Code `sources` on the Dask cluster at `address` and load the results into `store`.

    `parts_dir` is where workers write their parts; it must be reachable by the workers and
    the client (a shared filesystem). By default a temporary directory, which suits a
    LocalCluster. An open `client` is used instead of connecting to `address` (benchmarks
    reuse warm workers). Local WARC files are split into partitions of `partition_records`
    response records, other files into partitions of `partition_files` files. `recode`
    replaces the stored articles the inputs hold again (see `merge`).

    Ctrl-C (KeyboardInterrupt) cancels the work still queued and propagates; every part
    loaded before it stays in the store, and the same call again codes only the rest."""
    tasks = record_partitions(
        sources, size=partition_files, records=partition_records, published=published, model=model
    )
    key = run_key(tasks, recode=recode)
    done = store.loaded_parts(key)
    todo = [t for t in tasks if t.index not in done]
    summary = RunSummary(resumed=len(tasks) - len(todo))
    if not todo:
        return summary
    plan = _Plan(store, key, recode, on_part)
    with tempfile.TemporaryDirectory(prefix="tacitus-parts-") as scratch:
        folder = parts_dir or scratch
        if client is not None:
            return _run(client, todo, folder, plan, summary)
        with dask_client(address) as own:
            return _run(own, todo, folder, plan, summary)


def warm_up(client: Any, model: str | None = None) -> None:
    """Build the pipeline on every worker now, so that a timed run measures coding only."""
    client.run(warm, model)


@dataclass(frozen=True, slots=True)
class _Plan:
    """Where and how parts are loaded."""

    store: Store
    key: str
    recode: bool
    on_part: Callable[[PartDone], None] | None


def _run(
    client: Any, tasks: list[Partition], folder: str, plan: _Plan, summary: RunSummary
) -> RunSummary:
    from dask.distributed import as_completed

    futures = client.map(code_partition, tasks, parts_dir=folder, pure=False)
    try:
        for future in as_completed(futures):
            done: PartDone = future.result()
            _load(plan, done, summary)
    except BaseException:  # Ctrl-C or a failed part: stop the work still queued
        client.cancel(futures)
        raise
    return summary


def _load(plan: _Plan, done: PartDone, summary: RunSummary) -> None:
    """Load one part and note it as loaded (loading again after a crash between the two
    changes nothing: the rows are the same)."""
    _, copies = merge.load(plan.store, done.directory, recode=plan.recode)
    plan.store.mark_part_loaded(plan.key, done.index)
    _count(summary, done, copies)
    log.info("part %d loaded: %d articles, %d events", done.index, done.articles, done.events)
    if plan.on_part is not None:
        plan.on_part(done)


def _count(summary: RunSummary, done: PartDone, copies: int) -> None:
    summary.copies += copies  # coded by the workers (and counted), but not stored again
    summary.articles += done.articles
    summary.failed += done.failed
    summary.events += done.events
    summary.parts += 1
    peak = max(summary.peak_rss_mb.get(done.worker, 0.0), done.peak_rss_mb)
    summary.peak_rss_mb[done.worker] = peak
