"""The ingest stage: read what the user gives into Articles, one small reader per format.

Every input yields either an `Article` or a `Failure`; a bad input never raises, so one broken
file cannot stop a run of thousands. The record is the unit of failure: a Failure names the
file and line (or WARC offset) of one record, says in one line what is wrong with it and keeps
whatever text could be read, and the records after it go on.

Formats, each a module of this package:

- `text`: plain text (``.txt``, ``.text``, ``.md``, and any unknown suffix that does not sniff
  as HTML, a feed or JSON lines): one article per file;
- `jsonl`: JSON lines (``.jsonl``; ``.json`` holding an array, an object or lines): one article
  per record, with the metadata fields ``id``, ``url``, ``outlet``, ``published``, ``title``,
  ``text``;
- `html`: HTML (``.html``, ``.htm``) through trafilatura;
- `feeds`: RSS, Atom (``.rss``, ``.atom``, ``.xml``) and JSON Feed: one article per item;
- `warc`: web archives (``.warc``, ``.warc.gz``): one article per HTML response record;
- `reuters`: Reuters-21578 SGML (``.sgm``): one article per story;
- any of them compressed (``.gz``, ``.bz2``, ``.xz``, ``.zst``), read transparently;
- fsspec URLs (``s3://``, ``gcs://``, ``http(s)://``, ``memory://``, ``file://``) of files or
  folders, read as local ones are, where fsspec and the protocol's back-end are installed
  (`remote`);
- ``-``: standard input: JSON lines when its first non-blank line is a JSON object, else a feed,
  a page, a JSON document or plain text (several articles when separated by form feeds).

Records not in English, of any format (text, JSON lines, pages, feeds, WARC, stdin), are skipped
with the detected language (`language`); texts too short to judge are coded.
Directories are read recursively, in sorted order, skipping hidden files and folders; a file of
no supported type is noted in the `IngestReport`, a folder that cannot be listed is a Failure.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import BinaryIO

from tacitus.ingest import language, remote
from tacitus.ingest.ids import unique
from tacitus.ingest.records import Options, content_id, failure, safe_text
from tacitus.ingest.report import IngestReport
from tacitus.ingest.sources import TEXT_SUFFIXES, read_path, read_stdin, walk
from tacitus.model import Article, Failure

__all__ = ["TEXT_SUFFIXES", "IngestReport", "content_id", "read_inputs", "safe_text"]


def read_inputs(
    sources: Sequence[str],
    *,
    published: date | None = None,
    stdin: BinaryIO | None = None,
    max_chars: int = 1_000_000,
    report: IngestReport | None = None,
) -> Iterator[Article | Failure]:
    """Read files, directories and "-" (standard input) into Articles or Failures.

    `published`, when given (the CLI's --published), is the publication date of every article
    and wins over dates found in JSONL or HTML metadata; otherwise those are used.
    `max_chars` caps the size of one article; a longer one is a Failure keeping its full text.
    `report`, when given, is filled with what was noticed besides the records (unsupported
    files, duplicates, id collisions).
    """
    report = report if report is not None else IngestReport()
    opts = Options(published=published, max_chars=max_chars)
    # Language is judged once, on every record of every format, after duplicates are dropped.
    yield from language.each_checked(unique(_records(sources, opts, stdin, report), report))


def _records(
    sources: Sequence[str], opts: Options, stdin: BinaryIO | None, report: IngestReport
) -> Iterator[Article | Failure]:
    for source in sources:
        if source == "-":
            yield from read_stdin(stdin if stdin is not None else sys.stdin.buffer, opts)
            continue
        if remote.is_url(source):  # s3://, gcs://, memory://, ... through fsspec
            yield from remote.read_url(source, opts, report)
            continue
        path = Path(source)
        try:
            is_dir, exists = path.is_dir(), path.exists()
        except (OSError, ValueError) as exc:  # a name too long, a NUL in it
            yield failure(source, f"cannot open {source}: {exc}")
            continue
        if is_dir:
            for entry in walk(path, report):
                if isinstance(entry, Failure):
                    yield entry
                else:
                    yield from read_path(entry, opts, named=False)
        elif exists:
            yield from read_path(path, opts, named=True)
        elif os.path.lexists(path):
            yield failure(source, f"broken link: {source} points to nothing")
        else:
            yield failure(source, f"no such file or directory: {source}")
