"""Inputs given as fsspec URLs: s3://, gcs://, http(s)://, memory://, file:// and the rest.

Every reader reads a URL as it reads a local file: the suffix of the URL's path chooses the
format, compressed files are undone, a WARC is read record by record. A URL that names a
folder (an object-store prefix) is listed, like a local folder: sorted, hidden entries
skipped, only files of a supported type read, the others noted in the report.

fsspec comes with Dask (`pip install 'tacitus[scale]'`); the object stores' back-ends are
extras of their own (`tacitus[s3]`, `tacitus[gcs]`). A URL whose back-end is missing is a
`RemoteError` naming the package to install (`check` raises it before a run starts) and, met
while reading, a failed record with the same reason.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Sequence
from pathlib import PurePosixPath
from typing import Any, BinaryIO, cast

from tacitus.errors import InputError
from tacitus.ingest.records import Options, failure
from tacitus.ingest.report import IngestReport
from tacitus.ingest.sources import TEXT_SUFFIXES, inner_suffix, read_opened
from tacitus.model import Article, Failure

log = logging.getLogger(__name__)

# A scheme as RFC 3986 spells it, then "://": "s3://b/k", "memory://x"; never a local path,
# not even one holding a colon ("notes:v2.txt") or a Windows drive ("C:\\x").
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+://")

# Extras that bring a protocol's back-end, for the error message.
_EXTRAS = {"s3": "s3", "s3a": "s3", "gcs": "gcs", "gs": "gcs"}


class RemoteError(InputError):
    """A URL that cannot be read here: fsspec or the protocol's back-end is missing."""


def is_url(source: str) -> bool:
    return _URL.match(source) is not None


def protocol(url: str) -> str:
    return url.split("://", 1)[0].lower()


def filesystem(url: str) -> Any:
    """The fsspec filesystem for the URL's protocol, or a RemoteError saying what to install."""
    try:
        import fsspec
    except ImportError as exc:
        raise RemoteError(
            f"{url}: reading URLs needs fsspec: pip install 'tacitus[scale]'"
        ) from exc
    name = protocol(url)
    try:
        return fsspec.filesystem(name)
    except ImportError as exc:  # fsspec knows the protocol; its back-end is not installed
        extra = _EXTRAS.get(name)
        hint = f" (pip install 'tacitus[{extra}]')" if extra else ""
        raise RemoteError(f"cannot read {name}:// URLs here: {exc}{hint}") from exc
    except ValueError as exc:  # a protocol fsspec does not know at all
        raise RemoteError(f"{url}: unknown protocol {name!r}: {exc}") from exc


def check(sources: Sequence[str]) -> None:
    """Raise a RemoteError for the first URL among `sources` that cannot be read here."""
    for source in sources:
        if is_url(source):
            filesystem(source)


def _name(path: str) -> PurePosixPath:
    return PurePosixPath(path.split("?", 1)[0].rstrip("/"))


def expand(url: str, report: IngestReport | None = None) -> list[str]:
    """The URL itself when it names a file; the supported files under it, as URLs, when it
    names a folder (hidden entries skipped, others noted in `report`)."""
    fs = filesystem(url)
    if not fs.isdir(url):
        return [url]
    root = fs._strip_protocol(url).rstrip("/")
    found: list[str] = []
    for path in sorted(fs.find(url)):
        relative = str(path)[len(root) :].strip("/").split("/")
        if any(part.startswith(".") for part in relative):
            continue
        full = cast(str, fs.unstrip_protocol(path))
        if inner_suffix(_name(str(path)))[0] in TEXT_SUFFIXES:
            found.append(full)
        elif report is not None:
            report.unsupported.append(full)
    return found


def read_url(url: str, opts: Options, report: IngestReport) -> Iterator[Article | Failure]:
    """The records of a URL (every file under it, when it names a folder)."""
    try:
        files = expand(url, report)
    except RemoteError as exc:
        yield failure(url, str(exc))
        return
    except Exception as exc:  # back-ends raise their own errors (no credentials, no bucket)
        yield failure(url, f"cannot list {url}: {type(exc).__name__}: {exc}")
        return
    named = files == [url]
    for file in files:
        yield from _read_file(file, opts, named=named)


def _read_file(url: str, opts: Options, *, named: bool) -> Iterator[Article | Failure]:
    try:
        fs = filesystem(url)
        size = fs.size(url)
        raw = cast(BinaryIO, fs.open(url, "rb"))
    except FileNotFoundError:
        yield failure(url, f"no such file or directory: {url}")
        return
    except Exception as exc:  # a missing back-end, credentials, a network error
        yield failure(url, f"cannot open {url}: {type(exc).__name__}: {exc}")
        return
    with raw:
        size = int(size) if size is not None else None
        yield from read_opened(raw, url, _name(url), opts, size=size, named=named)
