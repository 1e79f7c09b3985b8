"""Inputs given as fsspec URLs read as the same files on disk read, through every reader; a
protocol whose back-end is missing is a clear error before anything is coded."""

from __future__ import annotations

import gzip
import importlib.util
import json
import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tacitus.cli import app
from tacitus.ingest import IngestReport, read_inputs
from tacitus.ingest.remote import RemoteError, check, is_url
from tacitus.model import Article, Failure
from tacitus.scale import partitions
from tacitus.store import Store
from tests.test_ingest_formats import STORY
from tests.test_warc_partitions import news_warc

fsspec = pytest.importorskip("fsspec", reason="fsspec comes with the scale extra (Dask)")

FEED = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item>'
    "<title>Pact signed</title><link>https://wire.example.com/pact</link>"
    f"<description>{STORY}</description></item></channel></rss>"
)


def corpus_files(folder: Path) -> dict[str, bytes]:
    """One file of every kind: text, gzipped HTML, JSON lines, a feed and a WARC."""
    warc = news_warc(folder / "cc-news.warc.gz", pages=3).read_bytes()
    page = f"<html><body><article><p>{STORY}</p></article></body></html>"
    record = {"id": "j1", "outlet": "Wire", "text": STORY.replace("Tuesday", "Friday")}
    return {
        "a.txt": STORY.replace("Tuesday", "Monday").encode(),
        "b.html.gz": gzip.compress(page.replace("Tuesday", "Sunday").encode()),
        "c.jsonl": (json.dumps(record) + "\n").encode(),
        "d.rss": FEED.replace("Tuesday", "Saturday").encode(),
        "cc-news.warc.gz": warc,
        "notes.pdf": b"%PDF-1.4",  # no reader: noted, not read
        ".hidden/x.txt": b"never read",
    }


@pytest.fixture
def memory_folder(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """The same corpus in memory://<unique>/ and in a local folder."""
    fs = fsspec.filesystem("memory")
    root = f"/corpus-{uuid.uuid4().hex[:8]}"
    local = tmp_path / "local"
    local.mkdir()
    for name, data in corpus_files(tmp_path).items():
        fs.pipe(f"{root}/{name}", data)
        (local / name).parent.mkdir(parents=True, exist_ok=True)
        (local / name).write_bytes(data)
    yield f"memory://{root}", local
    fs.rm(root, recursive=True)


def read(source: str, prefix: str) -> tuple[list[tuple[str, str, str | None]], IngestReport]:
    """(origin without its folder, text, url) of each record, and the report."""
    report = IngestReport()
    items = list(read_inputs([source], report=report))
    assert all(isinstance(i, Article) or i.status == "skipped" for i in items), items

    def where(origin: str) -> str:
        return origin.split(prefix, 1)[1]

    return [
        (where(i.origin or ""), i.text, i.url)
        if isinstance(i, Article)
        else (where(i.origin), i.reason, None)
        for i in items
    ], report


def test_urls_are_told_from_local_paths() -> None:
    assert is_url("s3://bucket/key.warc.gz") and is_url("memory://x") and is_url("file:///tmp")
    assert not is_url("notes:v2.txt") and not is_url("C:\\news\\a.txt") and not is_url("a.txt")


def test_a_memory_folder_reads_as_the_same_folder_on_disk(memory_folder: tuple[str, Path]) -> None:
    url, local = memory_folder
    remote, remote_report = read(url, url.split("://", 1)[1])
    on_disk, disk_report = read(str(local), str(local))
    assert remote == on_disk
    kinds = {re.split("[@:]", origin)[0].rsplit(".", 1)[-1] for origin, _, _ in remote}
    assert kinds == {"txt", "gz", "jsonl", "rss"}  # every reader, the WARC's pages included
    assert sum(origin.startswith("/cc-news.warc.gz@") for origin, _, _ in remote) == 4
    assert [Path(p).name for p in remote_report.unsupported] == ["notes.pdf"]
    assert [Path(p).name for p in disk_report.unsupported] == ["notes.pdf"]


def test_a_file_url_reads_the_local_file(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    (item,) = read_inputs([story.as_uri()])
    assert isinstance(item, Article) and item.text == STORY


def test_a_missing_object_is_a_failed_record_and_the_run_goes_on() -> None:
    items = list(read_inputs(["memory://nowhere/a.txt", "memory://nowhere/b.html"]))
    assert [(type(i), i.reason) for i in items if isinstance(i, Failure)] == [
        (Failure, "no such file or directory: memory://nowhere/a.txt"),
        (Failure, "no such file or directory: memory://nowhere/b.html"),
    ]


@pytest.mark.skipif(importlib.util.find_spec("s3fs") is not None, reason="s3fs is installed")
def test_a_protocol_without_its_back_end_names_the_package_to_install(tmp_path: Path) -> None:
    with pytest.raises(RemoteError, match=r"s3fs.*tacitus\[s3\]"):
        check(["a.txt", "s3://commoncrawl/crawl-data/CC-NEWS/x.warc.gz"])
    (item,) = read_inputs(["s3://commoncrawl/x.warc.gz"])
    assert isinstance(item, Failure) and "s3fs" in item.reason
    outcome = CliRunner().invoke(
        app, ["code", "s3://commoncrawl/x.warc.gz", "--db", str(tmp_path / "e.duckdb")]
    )
    assert outcome.exit_code == 2 and "s3fs" in outcome.stderr
    assert not (tmp_path / "e.duckdb").exists()  # refused before the store was opened


def test_a_folder_url_is_listed_into_partitions_and_a_file_url_passed_on(
    memory_folder: tuple[str, Path],
) -> None:
    url, _ = memory_folder
    parts = partitions([url, "s3://bucket/x.warc.gz"], size=3)
    names = [[p.rsplit("/", 1)[1] for p in part.paths] for part in parts]
    assert names == [["a.txt", "b.html.gz", "c.jsonl"], ["cc-news.warc.gz", "d.rss", "x.warc.gz"]]


@pytest.mark.slow
def test_tacitus_code_stores_what_it_reads_from_memory_urls(
    memory_folder: tuple[str, Path], tmp_path: Path
) -> None:
    url, local = memory_folder
    stored = {}
    for name, source in (("remote", url), ("local", str(local))):
        db = tmp_path / f"{name}.duckdb"
        outcome = CliRunner().invoke(app, ["code", source, "--db", str(db), "-q"])
        assert outcome.exit_code == 0, outcome.stderr
        with Store(db, read_only=True) as store:
            stored[name] = store.rows(
                "SELECT a.text, a.url, count(e.id) FROM articles a LEFT JOIN events e "
                "ON e.article_id = a.id WHERE a.status = 'coded' "
                "GROUP BY a.text, a.url ORDER BY a.text"
            )
    assert stored["remote"] == stored["local"] and len(stored["remote"]) == 7  # 3 WARC pages
    assert all(events for _, _, events in stored["remote"])
