"""A distributed run stores what a local run stores: a text found in two partitions is one
article with two sources, an id reused by another text is kept under a derived id, copies
across partitions are found, inputs may be fsspec URLs, and an interrupted run resumes."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tacitus import queries
from tacitus.cli import app
from tacitus.dedup import stories
from tacitus.ingest.ids import derived_id
from tacitus.model import CodingResult, Failure
from tacitus.queries import EventFilter
from tacitus.scale import merge, run
from tacitus.store import Store
from tests.test_remote import corpus_files
from tests.test_store import EGY_GOV, JOR_GOV, TEXT, event, result

CORPUS = Path(__file__).parent / "fixtures" / "clusters" / "articles.jsonl"


def part(folder: Path, name: str, *items: CodingResult | Failure) -> Path:
    """A worker's part holding these results."""
    with Store(folder / f"{name}.duckdb") as worker:
        worker.save_many(items)
        worker.export_parts(folder / name)
    return folder / name


def from_file(result: CodingResult, origin: str, text: str = TEXT) -> CodingResult:
    result.article = replace(result.article, origin=origin, text=text)
    return result


def test_the_same_text_in_another_part_is_a_further_source_not_a_second_article(
    tmp_path: Path,
) -> None:
    first = part(tmp_path, "p0", result("a1", event("a1", 1, JOR_GOV, EGY_GOV, "040")))
    again = from_file(result("a1", event("a1", 1, JOR_GOV, EGY_GOV, "040")), "mirror/a1.txt")
    second = part(tmp_path, "p1", again)
    with Store(tmp_path / "main.duckdb") as store:
        assert merge.load(store, first) == (1, 0)
        assert merge.load(store, second) == (0, 1)
        assert merge.load(store, first) == (0, 1)  # its own origin again: nothing to note
        assert store.rows("SELECT id, origin FROM articles") == [("a1", "a1.txt")]
        assert store.rows("SELECT * FROM article_sources") == [("a1", "mirror/a1.txt")]
        assert store.stats()["events"] == 1


def test_another_text_reusing_an_id_is_kept_under_a_derived_id_with_its_own_event_ids(
    tmp_path: Path,
) -> None:
    other_text = TEXT.replace("Amman", "Aqaba")
    reuse = from_file(result("a1", event("a1", 1, JOR_GOV, EGY_GOV, "036")), "b.txt", other_text)
    parts = [
        part(tmp_path, "p0", result("a1", event("a1", 1, JOR_GOV, EGY_GOV, "040"))),
        part(tmp_path, "p1", reuse),
    ]
    new_id = derived_id("a1", other_text)
    with Store(tmp_path / "main.duckdb") as store:
        for directory in (*parts, parts[1]):  # the second load of p1 finds it stored
            merge.load(store, directory)
        assert store.rows("SELECT id, origin FROM articles ORDER BY id") == [
            ("a1", "a1.txt"), (new_id, "b.txt"),
        ]  # fmt: skip
        ids = store.rows("SELECT article_id, id FROM events ORDER BY article_id")
    # The ids the events would have had, coded under the new id (as a local run codes it).
    renamed = event(new_id, 1, JOR_GOV, EGY_GOV, "036").id
    assert ids == [("a1", event("a1", 1, JOR_GOV, EGY_GOV, "040").id), (new_id, renamed)]


def test_a_stored_failure_is_retried_and_recode_replaces_a_stored_article(
    tmp_path: Path,
) -> None:
    failed = Failure("a1", "a1.txt", "coding failed", TEXT)
    coded = part(tmp_path, "p1", result("a1", event("a1", 1, JOR_GOV, EGY_GOV, "040")))
    recoded = part(tmp_path, "p2", result("a1", event("a1", 1, JOR_GOV, EGY_GOV, "043")))
    with Store(tmp_path / "main.duckdb") as store:
        store.save_failure(failed)
        assert merge.load(store, coded) == (1, 0)
        assert merge.load(store, recoded) == (0, 1)  # the same text: a copy, kept as stored
        assert store.rows("SELECT cameo FROM events") == [("040",)]
        assert merge.load(store, recoded, recode=True) == (1, 0)
        assert store.rows("SELECT status FROM articles") == [("coded",)]
        assert store.rows("SELECT cameo FROM events") == [("043",)]


# --- on a LocalCluster ------------------------------------------------------------------


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """One small LocalCluster for the module: a worker, its pipeline built once."""
    pytest.importorskip("dask.distributed", reason="the scale extra is not installed")
    from tacitus.scale import dask_client, warm_up

    with dask_client("local:1") as dask:
        warm_up(dask)
        yield dask


def local_run(inputs: list[str], db: Path) -> None:
    outcome = CliRunner().invoke(app, ["code", *inputs, "--db", str(db), "-q"])
    assert outcome.exit_code == 0, outcome.stderr


def contents(db: Path) -> dict[str, Any]:
    """What a run stored, in terms that do not depend on the order parts arrived in."""
    with Store(db, read_only=True) as store:
        origins = set(store.rows("SELECT id, origin FROM articles"))
        origins |= set(store.rows("SELECT article_id, origin FROM article_sources"))
        texts = {r[0]: r[1] for r in store.rows("SELECT id, text FROM articles")}
        events = {r["id"] for r in queries.events(store, EventFilter(all=True))}
    return {
        "articles": sorted(texts.items()),
        "origins": {(texts[i], o) for i, o in origins},  # every place each text came from
        "events": events,
        "stories": stories({i: {"text": t} for i, t in texts.items()}),
    }


def corpus_folder(folder: Path) -> Path:
    """The cluster corpus, one article a file, plus the same text again in another file and
    another text reusing one of its ids: partitions of 4 files split originals, syndicated
    copies and duplicates apart."""
    folder.mkdir()
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines):
        (folder / f"{n:02d}.jsonl").write_text(line + "\n", encoding="utf-8")
    (folder / "90-again.jsonl").write_text(lines[0] + "\n", encoding="utf-8")
    reused = json.loads(lines[3])
    reused["text"] = reused["text"].replace("Monday", "Wednesday") + " Officials met again."
    (folder / "91-reused.jsonl").write_text(json.dumps(reused) + "\n", encoding="utf-8")
    return folder


@pytest.mark.slow
def test_copies_duplicates_and_reused_ids_across_partitions_are_stored_as_locally(
    client: Any, tmp_path: Path
) -> None:
    inputs = corpus_folder(tmp_path / "inputs")
    local_run([str(inputs)], tmp_path / "local.duckdb")
    with Store(tmp_path / "dask.duckdb") as store:
        summary = run([str(inputs)], store, address="", client=client, partition_files=4)
    assert (summary.parts, summary.copies, summary.failed) == (5, 1, 0)
    local, dask = contents(tmp_path / "local.duckdb"), contents(tmp_path / "dask.duckdb")
    assert dask == local
    assert len(set(local["stories"].values())) < len(local["stories"])  # copies were found


@pytest.mark.slow
def test_an_interrupted_run_resumes_with_the_parts_it_did_not_load(
    client: Any, tmp_path: Path
) -> None:
    inputs = corpus_folder(tmp_path / "inputs")
    loaded: list[int] = []

    def interrupt(done: Any) -> None:
        loaded.append(done.index)
        raise KeyboardInterrupt  # as Ctrl-C arrives once the first part is stored

    db = tmp_path / "dask.duckdb"
    with Store(db) as store, pytest.raises(KeyboardInterrupt):
        run([str(inputs)], store, address="", client=client, partition_files=4, on_part=interrupt)
    with Store(db) as store:  # opens cleanly, holding whole parts only
        first = store.stats()["articles_coded"]
        summary = run([str(inputs)], store, address="", client=client, partition_files=4)
    assert len(loaded) == 1 and 0 < first < 20
    assert (summary.resumed, summary.parts) == (1, 4)
    local_run([str(inputs)], tmp_path / "local.duckdb")
    assert contents(db) == contents(tmp_path / "local.duckdb")


@pytest.mark.slow
def test_memory_urls_are_coded_on_the_cluster_as_the_same_files_locally(
    client: Any, tmp_path: Path
) -> None:
    files = corpus_files(tmp_path)
    root = f"/dask-{uuid.uuid4().hex[:8]}"

    def populate() -> None:  # memory:// is each process's own: fill it where it is read
        import fsspec

        fs = fsspec.filesystem("memory")
        for name, data in files.items():
            fs.pipe(f"{root}/{name}", data)

    client.run(populate)
    populate()  # the client lists the folder
    local = tmp_path / "local"
    for name, data in files.items():
        (local / name).parent.mkdir(parents=True, exist_ok=True)
        (local / name).write_bytes(data)
    with Store(tmp_path / "dask.duckdb") as store:
        summary = run([f"memory://{root}"], store, address="", client=client, partition_files=2)
    assert summary.parts == 3 and summary.failed == 0  # five files; the PDF is not listed
    local_run([str(local)], tmp_path / "local.duckdb")
    dask, here = contents(tmp_path / "dask.duckdb"), contents(tmp_path / "local.duckdb")
    assert dask["articles"] == here["articles"] and dask["events"] == here["events"]


def test_ctrl_c_during_a_dask_run_exits_130_saying_how_to_go_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tacitus.scale

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(tacitus.scale, "run", interrupted)
    db = tmp_path / "e.duckdb"
    outcome = CliRunner().invoke(app, ["code", str(CORPUS), "--dask", "local:1", "--db", str(db)])
    assert outcome.exit_code == 130
    assert "run the same command again" in outcome.stderr
    with Store(db) as store:  # the store opens cleanly
        assert store.stats()["articles_coded"] == 0


@pytest.mark.slow
def test_parts_on_object_storage_are_written_and_loaded_through_fsspec(tmp_path: Path) -> None:
    fsspec = pytest.importorskip("fsspec", reason="fsspec comes with the scale extra (Dask)")
    from tacitus.scale import partitions
    from tacitus.scale.worker import code_partition

    parts_dir = f"memory://parts-{uuid.uuid4().hex[:8]}/run"
    (task,) = partitions([str(CORPUS)])
    done = code_partition(task, parts_dir)
    done = code_partition(task, parts_dir)  # written again (a re-run): replaced, not nested
    assert done.directory == f"{parts_dir}/part-00000"
    listed = fsspec.filesystem("memory").ls(done.directory, detail=False)
    assert sorted(Path(p).name for p in listed) == [
        "actors.parquet", "articles.parquet", "events.parquet", "quotes.parquet",
    ]  # fmt: skip
    with Store(tmp_path / "main.duckdb") as store:
        assert merge.load(store, done.directory) == (done.articles, 0)
        assert store.stats()["events"] == done.events > 0
