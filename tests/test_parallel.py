"""`--processes N`: forked workers each run the whole pipeline and send back results, in
input order, the same results one process gives."""

from __future__ import annotations

import os
import signal
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import cast

import pytest

import tacitus
from tacitus.ingest import read_inputs
from tacitus.model import Article, CodingResult, Failure
from tacitus.parallel import (
    SOLO_ARTICLES,
    WorkerError,
    code_in_processes,
    usable_cores,
    workers_for,
)
from tacitus.pipeline import Pipeline

CORPUS = Path(__file__).parent / "fixtures" / "clusters" / "articles.jsonl"


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return tacitus.load()


def summary(results: list[CodingResult]) -> list[tuple[str, list[dict[str, object]]]]:
    return [(r.article.id, [e.to_dict() for e in r.events]) for r in results]


def test_two_workers_code_what_one_process_codes_in_the_same_order(pipeline: Pipeline) -> None:
    items = list(read_inputs([str(CORPUS)]))
    alone = list(code_in_processes(pipeline, items, 1))
    shared = list(code_in_processes(pipeline, items, 2, chunk=2))
    assert len(shared) == len(items) > 4
    assert summary(shared) == summary(alone)
    assert any(r.events for r in shared)


def test_failures_pass_through_in_their_place(pipeline: Pipeline) -> None:
    items: list[Article | Failure] = [
        Article(id="a", text="Jordan's king met Egypt's president in Amman on Monday."),
        Failure(article_id="bad", origin="x.html", reason="unreadable"),
        Article(id="b", text="Israel's army struck targets near Gaza on Tuesday."),
    ]
    results = list(code_in_processes(pipeline, items, 2, chunk=1, solo=0))
    assert [(r.article.id, r.failure is not None) for r in results] == [
        ("a", False), ("bad", True), ("b", False),
    ]  # fmt: skip


class PidTagging:
    """A pipeline stand-in that codes nothing and says which process it ran in."""

    def code(self, items: Iterable[Article | Failure]) -> Iterator[CodingResult]:
        for item in items:
            assert isinstance(item, Article)
            item.origin = str(os.getpid())
            yield CodingResult(article=item)


def test_the_work_is_done_in_the_workers_and_the_input_read_in_the_caller() -> None:
    read_in: list[int] = []

    def items() -> Iterator[Article]:
        for n in range(8):
            read_in.append(os.getpid())
            yield Article(id=f"a{n}", text="text")

    results = list(code_in_processes(cast(Pipeline, PidTagging()), items(), 2, chunk=1, solo=0))
    workers = {r.article.origin for r in results}
    assert set(read_in) == {os.getpid()}
    assert [r.article.id for r in results] == [f"a{n}" for n in range(8)]
    assert str(os.getpid()) not in workers and 1 <= len(workers) <= 2


class DiesOnBoom:
    """A pipeline stand-in whose worker is killed (as by the OOM killer) on article "boom"."""

    def code(self, items: Iterable[Article | Failure]) -> Iterator[CodingResult]:
        for item in items:
            assert isinstance(item, Article)
            if item.id == "boom":
                os.kill(os.getpid(), signal.SIGKILL)
            yield CodingResult(article=item)


def test_a_worker_killed_mid_run_is_an_error_not_a_hang() -> None:
    items = [Article(id=name, text="text") for name in ("a", "boom", "c")]
    with pytest.raises(WorkerError, match="a worker process died"):
        list(code_in_processes(cast(Pipeline, DiesOnBoom()), items, 2, chunk=1, solo=0))


def test_the_default_is_the_cores_this_process_may_use() -> None:
    expected = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert usable_cores() == expected >= 1


def test_no_more_workers_than_chunks_and_none_for_a_handful_of_articles() -> None:
    assert workers_for(1, 8, 4, solo=8) == 1
    assert workers_for(8, 8, 4, solo=8) == 1
    assert workers_for(9, 8, 4, solo=8) == 3
    assert workers_for(1000, 4, 4, solo=8) == 4
    assert workers_for(3, 8, 4, solo=0) == 1  # one chunk
    assert workers_for(0, 4, 4) == 1


def test_a_handful_of_articles_is_coded_in_this_process_however_many_are_allowed() -> None:
    items = [Article(id=f"a{n}", text="text") for n in range(SOLO_ARTICLES)]
    results = list(code_in_processes(cast(Pipeline, PidTagging()), items, 4))
    assert {r.article.origin for r in results} == {str(os.getpid())}


def test_a_short_input_is_shared_evenly_over_the_workers_it_needs() -> None:
    items = [Article(id=f"a{n}", text="text") for n in range(9)]
    results = list(code_in_processes(cast(Pipeline, PidTagging()), items, 8, chunk=4, solo=8))
    per_worker = Counter(r.article.origin for r in results)
    assert str(os.getpid()) not in per_worker
    # Three chunks of 4 at most, so three workers at most (not eight), given 3 articles each.
    assert len(per_worker) <= 3 and all(n % 3 == 0 for n in per_worker.values())
    assert [r.article.id for r in results] == [item.id for item in items]
