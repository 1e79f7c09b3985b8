"""Coding on several cores: worker processes that each run the whole pipeline.

`pipeline.code(n_process=N)` hands spaCy N parser processes that ship every parsed Doc (about
220 KB an article) back to one process that codes them all: the coding stays on one core and
the Docs cost more to pickle than they save (2 processes were not faster than 1 on 2 cores).
Here each worker is a fork of this process, holding the pipeline the parent already loaded,
and codes whole chunks of articles start to finish; only the results (events, actors, quotes:
a few KB an article) come back. Results come out in input order.

How many workers: `--processes` defaults to the cores this process may run on
(`usable_cores`), and `code_in_processes` never starts more workers than the input has chunks
of articles: it reads ahead a chunk per worker (and past `SOLO_ARTICLES`) before forking, so
a handful of articles (a single one, the few a test codes) is coded in this process and no
worker is started at all.

Workers end with their parent (`tacitus.accounting.processes.die_with_parent`), and a worker
that dies (an OOM kill) fails the run with an error instead of hanging it.
"""

from __future__ import annotations

import logging
import math
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice

from tacitus.accounting.processes import die_with_parent
from tacitus.errors import TacitusError
from tacitus.model import Article, CodingResult, Failure
from tacitus.pipeline import Pipeline

log = logging.getLogger(__name__)

# Articles a worker codes per task: enough that sending a task costs little beside coding it
# (an article takes 20-150 ms; sending four costs about 1 ms), few enough that both cores stay
# busy to the end. Measured with bench/throughput.py's chunk simulation on 150 BBC articles
# (2026-12-03): 8 a task let 2 idle cores reach a speedup of 1.88-1.90 at best, the last
# chunks leaving one worker idle; 4 a task 1.95, at the same CPU time per article.
CHUNK_ARTICLES = 4
# Inputs of this many articles or fewer are coded in this process: the handful a test, a
# notebook or a single document brings, where each worker's start (a fork, then copying the
# pages it touches: about 0.15 s) would be a large share of the run.
SOLO_ARTICLES = 8
# Tasks queued per worker: one running and one waiting, so no worker idles while the parent
# reads input or stores results; more would only hold more articles in memory.
TASKS_PER_WORKER = 2

# The parent's pipeline, inherited by each forked worker (set just before the pool forks).
_PIPELINE: Pipeline | None = None


class WorkerError(TacitusError):
    """A worker process died (killed, out of memory) before returning its articles."""


def usable_cores() -> int:
    """The cores this process may run on: its CPU affinity where the system has one (a
    container or `taskset` may allow fewer than the machine has), else the machine's count."""
    affinity = getattr(os, "sched_getaffinity", None)
    if affinity is not None:
        return max(1, len(affinity(0)))
    return max(1, os.cpu_count() or 1)


def workers_for(articles: int, processes: int, chunk: int, solo: int = SOLO_ARTICLES) -> int:
    """Workers worth starting for `articles` articles: one per chunk at most, and none (this
    process codes) for `solo` articles or fewer, or a single chunk."""
    chunks = math.ceil(articles / chunk)
    return 1 if articles <= solo or chunks <= 1 else min(processes, chunks)


def code_in_processes(
    pipeline: Pipeline,
    items: Iterable[Article | Failure],
    processes: int,
    *,
    chunk: int = CHUNK_ARTICLES,
    solo: int = SOLO_ARTICLES,
) -> Iterator[CodingResult]:
    """Code `items` in up to `processes` forked workers, in input order: in this process
    when 1, or when the input holds `solo` articles or fewer, or one chunk."""
    if processes <= 1:
        yield from pipeline.code(items)
        return
    it = iter(items)
    ahead = max(processes * chunk, solo + 1)  # read ahead: a chunk per worker, and past solo
    head = list(islice(it, ahead))
    articles = sum(1 for item in head if isinstance(item, Article))
    if len(head) < ahead:  # the whole input is read: size the pool to it
        processes = workers_for(articles, processes, chunk, solo)
        # A short input is shared evenly (9 articles on 3 workers: 3 each, not 4, 4 and 1).
        chunk = max(1, min(chunk, math.ceil(len(head) / processes)))
    if processes <= 1:
        yield from pipeline.code(head)
        return
    yield from _in_workers(pipeline, chain(head, it), processes, chunk)


def _in_workers(
    pipeline: Pipeline, items: Iterable[Article | Failure], processes: int, chunk: int
) -> Iterator[CodingResult]:
    global _PIPELINE
    die_with_parent()
    _PIPELINE = pipeline
    context = multiprocessing.get_context("fork")  # workers inherit the loaded models
    with ProcessPoolExecutor(max_workers=processes, mp_context=context) as pool:
        try:
            yield from _in_order(pool, _chunks(items, chunk), processes * TASKS_PER_WORKER)
        except BrokenProcessPool as exc:
            raise WorkerError(f"a worker process died: {exc}") from exc
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def _in_order(
    pool: ProcessPoolExecutor, chunks: Iterator[list[Article | Failure]], in_flight: int
) -> Iterator[CodingResult]:
    """Keep `in_flight` chunks queued; yield each chunk's results once it and all before it
    are done. The input is read here, in the caller's thread, never by the pool's."""
    queue: deque[Future[list[CodingResult]]] = deque()
    for chunk in chunks:
        queue.append(pool.submit(_code_chunk, chunk))
        if len(queue) >= in_flight:
            yield from queue.popleft().result()
    while queue:
        yield from queue.popleft().result()


def _chunks(items: Iterable[Article | Failure], size: int) -> Iterator[list[Article | Failure]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _code_chunk(chunk: list[Article | Failure]) -> list[CodingResult]:
    """In a worker: the whole pipeline over one chunk."""
    if _PIPELINE is None:  # only a worker not forked from code_in_processes gets here
        raise WorkerError("worker started without a pipeline (processes must be forked)")
    return list(_PIPELINE.code(chunk))
