"""Distributed runs split a large WARC by its records: each partition reads its records from
an offset on, and together the partitions read exactly what reading the whole file reads."""

from __future__ import annotations

from pathlib import Path

from tacitus.ingest import read_inputs
from tacitus.ingest.records import Options
from tacitus.ingest.warc import read_warc_records, response_offsets
from tacitus.model import Article, Failure
from tacitus.scale.partitions import record_partitions
from tacitus.scale.worker import code_partition
from tacitus.store import Store
from tests.test_ingest_formats import PAGE, _warc

HTML = {"Content-Type": "text/html; charset=utf-8"}


def news_warc(path: Path, pages: int) -> Path:
    # Each page its own: identical pages would be read as one article and its duplicates.
    pages_html = [
        PAGE.replace("</article>", f"<p>Story {n} of the day.</p></article>") for n in range(pages)
    ]
    records = [
        (f"https://news{n}.example.com/story", "200 OK", html.encode(), HTML)
        for n, html in enumerate(pages_html)
    ]
    records.insert(2, ("https://news.example.com/old", "301 Moved", b"", HTML))  # skipped
    _warc(path, records)
    return path


def seen(items: list[Article | Failure]) -> list[tuple[str, str | None, str]]:
    return [
        (i.origin or "", i.url, i.text) if isinstance(i, Article) else (i.origin, None, i.reason)
        for i in items
    ]


def test_a_warc_becomes_partitions_of_records_that_read_what_the_whole_file_reads(
    tmp_path: Path,
) -> None:
    warc = news_warc(tmp_path / "cc-news.warc.gz", pages=6)
    (tmp_path / "notes.txt").write_text("Chad and Niger signed a border pact on Tuesday.")
    tasks = record_partitions([str(tmp_path)], records=3)
    assert [(t.paths, [(Path(f).name, n) for f, _, n in t.records]) for t in tasks] == [
        ((str(tmp_path / "notes.txt"),), []),
        ((), [("cc-news.warc.gz", 3)]),
        ((), [("cc-news.warc.gz", 3)]),
        ((), [("cc-news.warc.gz", 1)]),
    ]
    assert [t.index for t in tasks] == [0, 1, 2, 3]
    opts = Options(published=None, max_chars=1_000_000)
    parted = [
        item
        for t in tasks
        for path, start, count in t.records
        for item in read_warc_records(path, start, count, opts)
    ]
    whole = list(read_inputs([str(warc)]))
    assert len(whole) == 7 and seen(parted) == seen(whole)
    assert sum(isinstance(i, Article) for i in parted) == 6


def test_offsets_are_those_the_reader_names_records_by(tmp_path: Path) -> None:
    warc = news_warc(tmp_path / "cc-news.warc.gz", pages=3)
    origins = [i.origin for i in read_inputs([str(warc)])]
    assert origins == [f"{warc}@{offset}" for offset in response_offsets(str(warc))]


def test_a_file_that_is_not_a_warc_stays_a_file_partition(tmp_path: Path) -> None:
    bad = tmp_path / "broken.warc.gz"
    bad.write_bytes(b"not a web archive")
    (task,) = record_partitions([str(bad)])
    assert task.paths == (str(bad),) and task.records == ()


def test_a_worker_codes_a_partition_of_records_into_a_part(tmp_path: Path) -> None:
    warc = news_warc(tmp_path / "cc-news.warc.gz", pages=4)
    tasks = record_partitions([str(warc)], records=3)
    done = [code_partition(t, str(tmp_path / "parts")) for t in tasks]
    assert [(d.articles, d.failed) for d in done] == [(2, 0), (2, 0)]  # the 301 is skipped
    with Store(tmp_path / "main.duckdb") as store:
        assert sum(store.load_parts(d.directory) for d in done) == 5
        urls = store.rows("SELECT url FROM articles WHERE status = 'coded' ORDER BY url")
    assert urls == [(f"https://news{n}.example.com/story",) for n in range(4)]
