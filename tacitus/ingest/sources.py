"""Where records come from: files, folders, compressed files and standard input.

Sizes are checked before reading: a document over the limit is rejected from its size on disk
(or, compressed or on standard input, after reading one byte past the limit, never more), and
multi-record formats (JSON lines, WARC, Reuters SGML) are streamed record by record.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import os
import zlib
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path, PurePath
from typing import BinaryIO, cast

import zstandard

from tacitus.ingest import feeds, html, jsonl, reuters, text, warc
from tacitus.ingest.records import Options, failure
from tacitus.ingest.report import IngestReport
from tacitus.model import Article, Failure

Item = Article | Failure

PLAIN_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl", ".json"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
WARC_SUFFIXES = frozenset({".warc", ".arc"})
SGML_SUFFIXES = frozenset({".sgm", ".sgml"})
COMPRESSED_SUFFIXES = frozenset({".gz", ".bz2", ".xz", ".zst"})
# The suffixes picked up when a directory is given (case-insensitive), compressed or not.
TEXT_SUFFIXES = (
    PLAIN_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES | WARC_SUFFIXES | SGML_SUFFIXES
)

# Binary sniffing looks at the first 8 KiB of content, as `file` and git do: enough to see a
# header. Leading blank lines are skipped first, so a file starting with them is judged on
# its text, not rejected as empty.
SNIFF_BYTES = 8192
# Share of control characters (NUL included) above which a file is "mostly not text". Real
# text has none beyond tab, newline, carriage return and form feed; 10% leaves room for a few
# stray bytes (a NUL on line 1) in an otherwise readable file while rejecting images,
# archives and executables.
MAX_CONTROL_SHARE = 0.10
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\b\x1b")
_BLANK = b"\xef\xbb\xbf \t\r\n\f"
CHUNK = 1 << 16


def inner_suffix(path: PurePath) -> tuple[str, str | None]:
    """The format suffix of a file and its compression suffix: ``a.html.gz`` -> (.html, .gz)."""
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if suffixes and suffixes[-1] in COMPRESSED_SUFFIXES:
        return (suffixes[0] if len(suffixes) == 2 else ""), suffixes[-1]
    return (suffixes[-1] if suffixes else ""), None


def walk(root: Path, report: IngestReport) -> Iterator[Path | Failure]:
    """Files with a known suffix under `root`, sorted by path; hidden entries and symlinked
    folders skipped (a symlink loop cannot make a run endless). A folder that cannot be listed
    is a Failure; a file of no supported type is noted in the report."""
    found: list[Path] = []
    problems: list[Failure] = []

    def unlistable(exc: OSError) -> None:
        where = str(exc.filename)
        problems.append(failure(where, f"cannot list folder {where}: {exc.strerror or exc}"))

    for dirpath, dirnames, filenames in os.walk(root, onerror=unlistable):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if name.startswith("."):
                continue
            path = Path(dirpath) / name
            if inner_suffix(path)[0] in TEXT_SUFFIXES:
                found.append(path)
            else:
                report.unsupported.append(str(path))
    yield from problems
    yield from sorted(found, key=lambda path: path.relative_to(root).parts)


def read_path(path: Path, opts: Options, *, named: bool) -> Iterator[Item]:
    """One file, by its suffix; an unknown suffix is sniffed when the user named the file."""
    origin = os.fsencode(path).decode("utf-8", errors="backslashreplace")
    kind, compression = inner_suffix(path)
    try:
        with path.open("rb") as raw:
            size = os.fstat(raw.fileno()).st_size
            yield from _read_opened(raw, origin, kind, compression, opts, size=size, named=named)
    except OSError as exc:
        yield failure(origin, f"cannot read {origin}: {exc.strerror or exc}")


def read_opened(
    raw: BinaryIO, origin: str, name: PurePath, opts: Options, *, size: int | None, named: bool
) -> Iterator[Item]:
    """A file opened elsewhere (an fsspec URL): read by the suffix of `name`, as `read_path`
    reads a local file; `size` is its size in bytes when known."""
    kind, compression = inner_suffix(name)
    yield from _read_opened(raw, origin, kind, compression, opts, size=size, named=named)


def _read_opened(
    raw: BinaryIO,
    origin: str,
    kind: str,
    compression: str | None,
    opts: Options,
    *,
    size: int | None,
    named: bool,
) -> Iterator[Item]:
    try:
        with ExitStack() as stack:
            # fastwarc reads gzip itself, member by member, so that a record's offset is its
            # offset in the .warc.gz file; other compressions are undone first.
            if kind in WARC_SUFFIXES and compression in (None, ".gz"):
                yield from warc.read_warc(raw, origin, opts)
                return
            stream = stack.enter_context(_decompressed(raw, compression))
            if kind in WARC_SUFFIXES:
                yield from warc.read_warc(stream, origin, opts)
                return
            size = None if compression else size
            yield from _read_stream(stream, origin, kind, opts, size=size, named=named)
    except OSError as exc:  # also a truncated or corrupt gzip, bz2, xz or zstd stream
        yield failure(origin, f"cannot read {origin}: {exc.strerror or exc}")
    except EOFError as exc:
        yield failure(origin, f"cannot read {origin}: compressed data ends early ({exc})")
    except (lzma.LZMAError, zlib.error, zstandard.ZstdError, ValueError) as exc:
        yield failure(origin, f"cannot read {origin}: {type(exc).__name__}: {exc}")


def read_stdin(stream: BinaryIO, opts: Options) -> Iterator[Item]:
    try:
        yield from _read_stream(stream, "stdin", "", opts, size=None, named=True)
    except OSError as exc:
        yield failure("stdin", f"cannot read standard input: {exc}")


def _decompressed(raw: BinaryIO, compression: str | None) -> BinaryIO:
    if compression == ".gz":
        return cast(BinaryIO, gzip.GzipFile(fileobj=raw, mode="rb"))
    if compression == ".bz2":
        return cast(BinaryIO, bz2.BZ2File(raw, mode="rb"))
    if compression == ".xz":
        return cast(BinaryIO, lzma.LZMAFile(raw, mode="rb"))
    if compression == ".zst":
        reader: BinaryIO = zstandard.ZstdDecompressor().stream_reader(raw, closefd=False)
        return reader
    return io.BufferedReader(_Unclosed(raw))


class _Unclosed(io.RawIOBase):
    """A view of an open file that the reader may close without closing the file."""

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self._raw.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _read_stream(
    stream: BinaryIO, origin: str, kind: str, opts: Options, *, size: int | None, named: bool
) -> Iterator[Item]:
    """A decompressed stream in a format known from its suffix, or sniffed from its content."""
    if kind == ".jsonl":
        yield from _read_jsonl(stream, origin, opts)
        return
    if kind in SGML_SUFFIXES:
        yield from reuters.read_sgml(stream, origin, opts)
        return
    if size is not None and size > opts.max_bytes:
        yield failure(origin, _too_big(f"{size:,} bytes", opts))
        return
    if kind in (PLAIN_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES | {".json"}) or not named:
        data = _read_bounded(stream, opts.max_bytes)
        if data is None:
            yield failure(origin, _too_big(f"more than {opts.max_bytes:,} bytes", opts))
            return
        yield from read_bytes(data, origin, _kind_of(kind), opts)
        return
    yield from _read_sniffed(stream, origin, opts)


def _kind_of(suffix: str) -> str:
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in FEED_SUFFIXES:
        return "feed"
    if suffix == ".json":
        return "json"
    return "text"


def _too_big(size: str, opts: Options) -> str:
    return (
        f"input is {size}, over the limit of {opts.max_bytes:,} bytes for an article of at most "
        f"{opts.max_chars:,} characters (raise it with --max-chars)"
    )


def _read_bounded(stream: BinaryIO, limit: int, prefix: bytes = b"") -> bytes | None:
    """All of `stream` after `prefix`, or None as soon as it holds more than `limit` bytes."""
    parts = [prefix]
    total = len(prefix)
    while total <= limit:
        chunk = stream.read(min(CHUNK, limit + 1 - total))
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)
        total += len(chunk)
    return None


def bounded_lines(stream: BinaryIO, limit: int, prefix: bytes = b"") -> Iterator[bytes]:
    """The lines of `prefix` followed by `stream`; a line longer than `limit` comes out cut to
    ``limit + 1`` bytes and the rest of it is skipped, so one line never fills memory."""
    joined = io.BufferedReader(_Joined(prefix, stream), buffer_size=CHUNK)
    while line := joined.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := joined.readline(CHUNK)) and not rest.endswith(b"\n"):
                pass
        yield line


class _Joined(io.RawIOBase):
    """Bytes already read (while sniffing) followed by the rest of the stream."""

    def __init__(self, prefix: bytes, stream: BinaryIO) -> None:
        self._prefix = memoryview(prefix)
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._prefix:
            n = min(len(buffer), len(self._prefix))
            buffer[:n] = self._prefix[:n]
            self._prefix = self._prefix[n:]
            return n
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _read_jsonl(stream: BinaryIO, origin: str, opts: Options) -> Iterator[Item]:
    head = _skip_blank(stream, opts.max_bytes)
    if not head.strip(_BLANK):
        yield failure(origin, "empty input: no text (the file is empty or only whitespace)")
        return
    if is_binary(head.lstrip(_BLANK)):
        yield failure(origin, "binary input: not a text, HTML or JSONL file")
        return
    lines = bounded_lines(stream, _line_limit(opts), head)
    yield from jsonl.read_lines(lines, origin, opts)


def _line_limit(opts: Options) -> int:
    return jsonl.MAX_LINE_FACTOR * opts.max_chars


def _skip_blank(stream: BinaryIO, limit: int) -> bytes:
    """The first bytes of `stream` up to SNIFF_BYTES past its first non-blank byte (blank
    lines before it kept, so line numbers stay right); at most `limit` bytes of blanks."""
    data = b""
    while len(data) <= limit:
        chunk = stream.read(SNIFF_BYTES)
        data += chunk
        if not chunk or data.strip(_BLANK):
            break
    return data


def _read_sniffed(stream: BinaryIO, origin: str, opts: Options) -> Iterator[Item]:
    """Standard input or a file of unknown suffix: JSON lines only when its first non-blank
    line parses as a JSON object, then streamed line by line; anything else is read whole
    (bounded) and sniffed as a feed, a page, a JSON document or text."""
    head = _skip_blank(stream, opts.max_bytes)
    body = head.lstrip(_BLANK)
    if body.startswith(b"{"):
        limit = _line_limit(opts)
        while b"\n" not in body and len(body) <= limit and (more := stream.read(CHUNK)):
            head += more
            body += more
        first = body.split(b"\n", 1)[0]
        record, _ = jsonl.loads(first) if len(first) <= limit else (None, "too long")
        if isinstance(record, dict) and not feeds.is_json_feed(record):
            yield from jsonl.read_lines(bounded_lines(stream, limit, head), origin, opts)
            return
    data = _read_bounded(stream, opts.max_bytes, head)
    if data is None:
        yield failure(origin, _too_big(f"more than {opts.max_bytes:,} bytes", opts))
        return
    kind = sniff(data)
    if kind == "text" and origin == "stdin" and b"\f" in data:
        yield from _read_parts(data, origin, opts)
        return
    yield from read_bytes(data, origin, kind, opts)


def _read_parts(data: bytes, origin: str, opts: Options) -> Iterator[Item]:
    """Plain text on standard input holding several articles, separated by form feeds."""
    parts = [part for part in data.split(b"\f") if part.strip()]
    if len(parts) < 2:
        yield from read_bytes(b"".join(parts) or data, origin, "text", opts)
        return
    for number, part in enumerate(parts, start=1):
        yield from read_bytes(part, f"{origin}:{number}", "text", opts)


def sniff(data: bytes) -> str:
    """ "feed", "html", "json" or "text", from the first non-blank bytes of the content."""
    head = data.lstrip(_BLANK)[:SNIFF_BYTES]
    lowered = head[:1024].lower()
    # Feeds first: an RSS item's <pubDate> would otherwise pass for the <p> of an HTML page.
    if feeds.XML_FEED_ROOT.match(head):
        return "feed"
    if head.startswith(b"{") and feeds.JSON_FEED_VERSION.search(head):
        return "json"  # a JSON Feed, found as such by read_json; pretty-printed it has no line
    if head.startswith(b"<") and any(
        tag in lowered for tag in (b"<html", b"<!doctype html", b"<body", b"<head", b"<p", b"<div")
    ):
        return "html"
    if head.startswith(b"["):
        return "json"
    return "text"


def read_bytes(data: bytes, origin: str, kind: str, opts: Options) -> Iterator[Item]:
    """Whole content of one document, in a format already decided."""
    problem = unreadable(data, origin)
    if problem is not None:
        yield problem
        return
    if kind == "html":
        yield html.read_html(data, origin, opts)
    elif kind == "feed":
        yield from feeds.read_feed(data, origin, opts)
    elif kind == "json":
        yield from jsonl.read_json(data, origin, opts)
    else:
        yield text.read_text(data, origin, opts)


def unreadable(data: bytes, origin: str) -> Failure | None:
    """Empty and binary inputs, which no reader can make an article of."""
    body = data.lstrip(_BLANK)
    if not body.strip(_BLANK):
        return failure(origin, "empty input: no text (the file is empty or only whitespace)")
    if is_binary(body):
        # The bytes are not text, so there is no text to keep; the file itself is untouched.
        return failure(origin, "binary input: not a text, HTML or JSONL file")
    return None


def is_binary(data: bytes) -> bool:
    head = data[:SNIFF_BYTES]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 with a byte order mark: decoded below, its NULs are expected
    controls = sum(1 for byte in head if byte < 0x20 and byte not in _TEXT_CONTROLS)
    return controls > MAX_CONTROL_SHARE * len(head)
