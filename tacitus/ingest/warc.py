"""Web archives (WARC, WARC.gz) as Common Crawl News ships them: one article per HTTP response.

Read with fastwarc, which measured faster than warcio here (`bench/warc_readers.py`). Each
response record's target URI, WARC date and host become the article's url, published and
outlet; its origin is ``file@offset``, the record's byte offset in the (compressed) file, so
a failure can be found again with any WARC tool. Records that are not pages are skipped with
their reason: other record types silently (requests, metadata and warcinfo are not news),
non-HTML payloads, redirects and other non-200 answers, and truncated records visibly.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO
from urllib.parse import urlsplit

from tacitus.ingest import html
from tacitus.ingest.records import Options, failure
from tacitus.model import Article, Failure

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(stream: BinaryIO, origin: str, opts: Options) -> Iterator[Article | Failure]:
    """Every HTTP response of a WARC file; a corrupt or truncated file ends in one Failure
    after the records read before the damage."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    records = ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True)
    seen = 0
    position = 0
    try:
        for record in records:
            seen += 1
            position = int(record.stream_pos)
            yield _record(record, f"{origin}@{position}", opts)
    except Exception as exc:  # fastwarc raises on a damaged stream; keep what was read
        reason = f"WARC is damaged after offset {position}: {type(exc).__name__}: {exc}"
        yield failure(f"{origin}@{position}", reason)
        return
    if seen == 0:
        yield failure(origin, "no HTTP response records: not a WARC file, or an empty one")


def _record(record: Any, where: str, opts: Options) -> Article | Failure:
    url = record.headers.get("WARC-Target-URI") or None
    status = record.http_headers.status_code if record.http_headers is not None else None
    ctype = (record.http_content_type or "").lower()
    truncated = record.headers.get("WARC-Truncated")
    if truncated:
        return _skipped(where, f"record truncated by the crawler ({truncated})", url)
    if status != 200:
        return _skipped(where, f"HTTP status {status}, not a page (redirect or error)", url)
    if ctype and not ctype.startswith(_HTML_TYPES):
        return _skipped(where, f"payload is {ctype}, not HTML", url)
    payload = record.reader.read(opts.max_bytes + 1)
    if len(payload) > opts.max_bytes:
        return failure(where, f"page is over {opts.max_bytes:,} bytes", article_id=url)
    charset = record.http_charset
    meta = {
        "url": url,
        "outlet": urlsplit(url).hostname if url else None,
        "published": record.record_date.date() if record.record_date else None,
        "published_origin": "warc",
    }
    data = _decoded(payload, charset)
    return html.read_html(data, where, opts, meta=meta)


def _decoded(payload: bytes, charset: str | None) -> bytes:
    """The page as UTF-8 when the HTTP header names its charset; otherwise the bytes as they
    came, for trafilatura to read the charset from the page itself."""
    if not charset:
        return payload
    try:
        return payload.decode(charset, errors="replace").encode("utf-8")
    except LookupError:  # a charset Python does not know: let the page's own <meta> decide
        return payload


def _skipped(where: str, reason: str, url: str | None) -> Failure:
    skipped = failure(where, reason, article_id=url)
    skipped.status = "skipped"
    return skipped


# -- record ranges: a large WARC split across the workers of a distributed run ----------------


def response_offsets(path: str) -> list[int]:
    """The byte offset of every HTTP response record in a .warc or .warc.gz file (fastwarc
    reads gzip member by member, so an offset is where the record's member starts). Reading
    headers only, this costs a fraction of coding the records."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    with open(path, "rb") as raw:
        records = ArchiveIterator(raw, record_types=WarcRecordType.response, parse_http=False)
        return [int(record.stream_pos) for record in records]


def read_warc_records(
    path: str, start: int, count: int, opts: Options
) -> Iterator[Article | Failure]:
    """`count` HTTP response records from byte offset `start` on (one of `response_offsets`),
    with the same articles, skips and origins (``file@offset``) as reading the whole file."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    position = start
    with open(path, "rb") as raw:
        raw.seek(start)
        records = ArchiveIterator(raw, record_types=WarcRecordType.response, parse_http=True)
        try:
            for n, record in enumerate(records):
                if n == count:
                    return
                position = _file_offset(int(record.stream_pos), start)
                yield _record(record, f"{path}@{position}", opts)
        except Exception as exc:  # as in read_warc: keep what was read, say where it broke
            reason = f"WARC is damaged after offset {position}: {type(exc).__name__}: {exc}"
            yield failure(f"{path}@{position}", reason)


def _file_offset(stream_pos: int, start: int) -> int:
    """A record's offset in the file. fastwarc counts positions on a Python file from the
    file's start (so after a seek they are already file offsets, measured with fastwarc 2.0);
    a position before `start` can only be counted from the seek, and is shifted by it."""
    return stream_pos if stream_pos >= start else start + stream_pos
