"""The ingest stage: read what the user gives into Articles, one small reader per format.

Every input yields either an `Article` or a `Failure`; a bad input never raises, so one broken
file cannot stop a run of thousands. A Failure says in one line what is wrong and keeps whatever
text could be read, so nothing the user gave is lost.

Formats:

- plain text (``.txt``, ``.text``, ``.md``, and any unknown suffix that does not sniff as HTML
  or JSONL): one article per file;
- JSON lines (``.jsonl``; ``.json`` holding an array, an object or lines): one article per
  record, with the metadata fields ``id``, ``url``, ``outlet``, ``published``, ``title``, ``text``;
- HTML (``.html``, ``.htm``): the article body through trafilatura, its title as the headline and
  its publication date from the page metadata;
- feeds (``.rss``, ``.atom``, ``.xml``; RSS 0.9x/1.0/2.0 and Atom through feedparser, and JSON
  Feed in a ``.json`` file): one article per item, its title as the headline, its content or
  summary with the markup removed, the feed's title as the outlet and the item's date;
- ``-``: standard input, its format sniffed from the content (an unknown suffix is sniffed too).

Directories are read recursively, in sorted order, skipping hidden files and folders.
"""

from __future__ import annotations

import email.utils
import hashlib
import io
import json
import logging
import os
import re
import sys
import time
import xml.sax
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from tacitus.model import Article, Failure

__all__ = ["TEXT_SUFFIXES", "content_id", "read_inputs"]

log = logging.getLogger(__name__)

PLAIN_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl", ".json"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
# The suffixes picked up when a directory is given (case-insensitive).
TEXT_SUFFIXES = PLAIN_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES

# Binary sniffing looks at the first 8 KiB, as `file` and git do: enough to see a header.
SNIFF_BYTES = 8192
# Share of control characters above which a file is "mostly not text". Real text has none
# beyond tab, newline, carriage return and form feed; 10% leaves room for a few stray bytes
# in an otherwise readable file while rejecting images, archives and executables.
MAX_CONTROL_SHARE = 0.10
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\b\x1b")
# trafilatura returns menu crumbs ("Home") from pages without an article; a news story, even a
# one-paragraph brief, has more than ten words.
MIN_HTML_BODY_WORDS = 10
# A feed item's body shorter than this cannot hold a coded event (an actor, a verb and a target
# with their words around them); such items are teasers like "Read more" or "Watch: video".
MIN_FEED_ITEM_WORDS = 5
# The root element of an XML feed, after any declaration, comments and doctype: <rss> (RSS
# 0.9x/2.0), <feed> (Atom), <rdf:RDF> (RSS 1.0), each possibly with a namespace prefix.
_XML_FEED_ROOT = re.compile(
    rb"(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>|\s)*<(?:[\w.-]+:)?(?:rss|feed|RDF)[\s>/]",
    re.DOTALL | re.IGNORECASE,
)
# JSON Feed declares itself in "version"; a serialiser may escape the slashes of the URL.
_JSON_FEED_VERSION = re.compile(rb'"version"\s*:\s*"https?:(?:\\?/){2}(?:www\.)?jsonfeed\.org')
# Elements that end a paragraph of feed HTML; the text of each becomes a line of its own.
_BLOCK_TAGS = (
    "p",
    "div",
    "br",
    "li",
    "dd",
    "dt",
    "tr",
    "blockquote",
    "pre",
    "figcaption",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "header",
    "footer",
    "table",
)


@dataclass(frozen=True, slots=True)
class _Options:
    published: date | None
    max_chars: int


def content_id(text: str) -> str:
    """A stable id for an article without one: 16 hex digits of the sha1 of its text."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def read_inputs(
    sources: Sequence[str],
    *,
    published: date | None = None,
    stdin: BinaryIO | None = None,
    max_chars: int = 1_000_000,
) -> Iterator[Article | Failure]:
    """Read files, directories and "-" (standard input) into Articles or Failures.

    `published`, when given (the CLI's --published), is the publication date of every article
    and wins over dates found in JSONL or HTML metadata; otherwise those are used.
    `max_chars` caps the size of one article; a longer one is a Failure keeping its full text.
    """
    opts = _Options(published=published, max_chars=max_chars)
    for source in sources:
        if source == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _read_stdin(stream, opts)
            continue
        path = Path(source)
        if path.is_dir():
            for file in _walk(path):
                yield from _read_path(file, opts, sniff=False)
        elif path.exists():
            yield from _read_path(path, opts, sniff=True)
        else:
            yield _failure(source, f"no such file or directory: {source}")


# ---------------------------------------------------------------------------------------------
# Sources: directories, files, standard input


def _walk(root: Path) -> list[Path]:
    """Files with a known suffix under `root`, sorted by path; hidden entries and symlinked
    folders skipped (a symlink loop cannot make a run endless)."""
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=_log_walk_error):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if not name.startswith(".") and Path(name).suffix.lower() in TEXT_SUFFIXES:
                found.append(Path(dirpath) / name)
    return sorted(found, key=lambda path: path.relative_to(root).parts)


def _log_walk_error(exc: OSError) -> None:
    log.warning("cannot list %s: %s", exc.filename, exc.strerror or exc)


def _read_path(path: Path, opts: _Options, *, sniff: bool) -> Iterator[Article | Failure]:
    """One file. An unknown suffix is sniffed (only when the user named the file itself)."""
    origin = str(path)
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        # Streamed line by line: a corpus file can be far larger than memory allows.
        yield from _read_jsonl_file(path, opts)
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield _failure(origin, f"cannot read {origin}: {exc.strerror or exc}")
        return
    if suffix in HTML_SUFFIXES:
        kind = "html"
    elif suffix in FEED_SUFFIXES:
        kind = "feed"
    elif suffix == ".json":
        kind = "json"
    elif suffix in PLAIN_SUFFIXES or not sniff:
        kind = "text"
    else:
        kind = _sniff(data)
    yield from _read_bytes(data, origin, kind, opts)


def _read_stdin(stream: BinaryIO, opts: _Options) -> Iterator[Article | Failure]:
    try:
        data = stream.read()
    except OSError as exc:
        yield _failure("stdin", f"cannot read standard input: {exc}")
        return
    yield from _read_bytes(data, "stdin", _sniff(data), opts)


def _sniff(data: bytes) -> str:
    """ "feed", "html", "json" or "text", from the first non-blank bytes of the content."""
    head = data[:SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n")
    lowered = head[:1024].lower()
    # Feeds first: an RSS item's <pubDate> would otherwise pass for the <p> of an HTML page.
    if _XML_FEED_ROOT.match(head):
        return "feed"
    if head.startswith(b"{") and _JSON_FEED_VERSION.search(head):
        return (
            "json"  # a JSON Feed, found as such by _read_json; pretty-printed it has no JSON line
        )
    if head.startswith(b"<") and any(
        tag in lowered for tag in (b"<html", b"<!doctype html", b"<body", b"<head", b"<p", b"<div")
    ):
        return "html"
    if head.startswith((b"{", b"[")):
        first = head.split(b"\n", 1)[0].strip()
        try:
            json.loads(first)
        except ValueError:
            return "json" if head.startswith(b"[") else "text"
        return "json"
    return "text"


def _read_bytes(data: bytes, origin: str, kind: str, opts: _Options) -> Iterator[Article | Failure]:
    """Whole content of one file or of stdin, in a format already decided."""
    problem = _unreadable(data, origin)
    if problem is not None:
        yield problem
        return
    if kind == "html":
        yield _read_html(data, origin, opts)
    elif kind == "feed":
        yield from _read_feed(data, origin, opts)
    elif kind == "json":
        yield from _read_json(data, origin, opts)
    else:
        yield _read_text(data, origin, opts)


def _unreadable(data: bytes, origin: str) -> Failure | None:
    """Empty and binary inputs, which no reader can make an article of."""
    if not data.strip():
        return _failure(origin, "empty input: no text (the file is empty or only whitespace)")
    if _is_binary(data):
        # The bytes are not text, so there is no text to keep; the file itself is untouched.
        return _failure(origin, "binary input: not a text, HTML or JSONL file")
    return None


def _is_binary(data: bytes) -> bool:
    head = data[:SNIFF_BYTES]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 with a byte order mark: decoded below, its NULs are expected
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 0x20 and byte not in _TEXT_CONTROLS)
    return controls > MAX_CONTROL_SHARE * len(head)


# ---------------------------------------------------------------------------------------------
# Decoding


def _decode(data: bytes, origin: str) -> tuple[str, Failure | None]:
    """UTF-8 (a BOM allowed; UTF-16 with a BOM too); invalid bytes are a Failure naming the
    offset, with the text kept decoded with replacement characters."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _normalise(data.decode("utf-16")), None
        except UnicodeDecodeError as exc:
            text = _normalise(data.decode("utf-16", errors="replace"))
            return text, _failure(origin, f"invalid UTF-16 at byte {exc.start}", text)
    try:
        return _normalise(data.decode("utf-8-sig")), None
    except UnicodeDecodeError as exc:
        offset = exc.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)
        text = _normalise(data.decode("utf-8-sig", errors="replace"))
        reason = (
            f"invalid UTF-8 at byte {offset} (byte 0x{data[offset]:02x}); re-save the file as UTF-8"
        )
        return text, _failure(origin, reason, text)


def _normalise(text: str) -> str:
    """One newline convention, outer whitespace trimmed: the same article read from a Windows
    and a Unix file gets the same text and therefore the same content id."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


# ---------------------------------------------------------------------------------------------
# Readers: plain text, JSON lines, HTML


def _read_text(data: bytes, origin: str, opts: _Options) -> Article | Failure:
    text, problem = _decode(data, origin)
    if problem is not None:
        return problem
    return _article(text, origin, opts, meta={})


def _read_jsonl_file(path: Path, opts: _Options) -> Iterator[Article | Failure]:
    origin = str(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
            problem = _unreadable(head, origin)
            if problem is not None:
                yield problem
                return
            handle.seek(0)
            yield from _read_lines(handle, origin, opts)
    except OSError as exc:
        yield _failure(origin, f"cannot read {origin}: {exc.strerror or exc}")


def _read_json(data: bytes, origin: str, opts: _Options) -> Iterator[Article | Failure]:
    """A ``.json`` file (or stdin) holding an array of records, one record, or JSON lines."""
    try:
        whole = json.loads(data.decode("utf-8-sig"))
    except ValueError:  # includes UnicodeDecodeError: then line by line, each line judged alone
        yield from _read_lines(data.splitlines(keepends=True), origin, opts)
        return
    if _is_json_feed(whole):
        yield from _read_json_feed(whole, data, origin, opts)
        return
    records = whole if isinstance(whole, list) else [whole]
    for number, record in enumerate(records, start=1):
        yield _record(record, f"{origin}:{number}", opts, raw=json.dumps(record))


def _read_lines(lines: Iterable[bytes], origin: str, opts: _Options) -> Iterator[Article | Failure]:
    """JSON lines: a bad line is a Failure naming file:line and the rest go on."""
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        where = f"{origin}:{number}"
        try:
            line = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            text = raw.decode("utf-8", errors="replace").strip()
            yield _failure(where, f"line {number}: invalid UTF-8 at byte {exc.start}", text)
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            reason = f"line {number} is not JSON: {exc.msg} at column {exc.colno}"
            yield _failure(where, reason, line.strip())
            continue
        yield _record(record, where, opts, raw=line.strip())


def _record(record: Any, where: str, opts: _Options, *, raw: str) -> Article | Failure:
    """One JSON record with metadata fields and a `text`."""
    if not isinstance(record, dict):
        return _failure(where, f"{where}: a record must be a JSON object", raw)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return _failure(where, f"{where}: record has no non-empty 'text' field", raw)
    meta: dict[str, Any] = {key: _field(record, key) for key in ("id", "url", "outlet", "title")}
    meta["published"] = _parse_date(record.get("published"), where)
    meta["published_origin"] = "jsonl"
    return _article(_normalise(text), where, opts, meta=meta)


def _field(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return str(value).strip()


def _parse_date(value: Any, where: str) -> date | None:
    """An ISO date or datetime ("2021-12-04", "2021-12-04T18:30:00Z"); anything else is
    logged and ignored, since a bad date should not cost the article."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        text = value.strip()
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
        try:
            return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        except ValueError:
            pass
    log.warning("%s: ignoring published=%r, not an ISO date or datetime", where, value)
    return None


def _read_html(data: bytes, origin: str, opts: _Options) -> Article | Failure:
    """The article body through trafilatura; its title heads the text, followed by a blank line.

    The bytes go to trafilatura undecoded, so a page declaring another charset reads correctly.
    """
    # Imported here: trafilatura takes a while to import and most runs read no HTML.
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(data, url=None, with_metadata=True)
    except Exception as exc:  # trafilatura raises many kinds on malformed pages
        kept = data.decode("utf-8", errors="replace").strip()
        return _failure(origin, f"HTML could not be parsed: {type(exc).__name__}: {exc}", kept)
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if len(body.split()) < MIN_HTML_BODY_WORDS:
        kept = data.decode("utf-8", errors="replace").strip()
        return _failure(
            origin, "HTML has no article body (nothing trafilatura could extract)", kept
        )
    title = _clean_title(getattr(doc, "title", None))
    meta: dict[str, Any] = {
        "url": getattr(doc, "url", None) or None,
        "outlet": getattr(doc, "sitename", None) or None,
        "title": title,
        "published": _parse_date(getattr(doc, "date", None), origin),
        "published_origin": "html",
    }
    return _article(_html_text(title, body), origin, opts, meta=meta)


def _clean_title(title: str | None) -> str | None:
    if not title:
        return None
    return " ".join(title.split()) or None


def _html_text(title: str | None, body: str) -> str:
    """trafilatura puts one paragraph per line; tacitus separates paragraphs by a blank line,
    as in plain text, and starts the text with the headline unless the body already does."""
    paragraphs = [line.strip() for line in _normalise(body).split("\n") if line.strip()]
    if title and (not paragraphs or " ".join(paragraphs[0].split()) != title):
        paragraphs.insert(0, title)
    return "\n\n".join(paragraphs)


# ---------------------------------------------------------------------------------------------
# Feeds: RSS and Atom through feedparser, JSON Feed from its JSON


@dataclass(frozen=True, slots=True)
class _FeedItem:
    """One item of any kind of feed. `bodies` are its texts in order of preference (content,
    then summary or description), each with whether it is HTML."""

    guid: str | None
    link: str | None
    title: str | None
    bodies: tuple[tuple[str, bool], ...]
    published: date | None


def _read_feed(data: bytes, origin: str, opts: _Options) -> Iterator[Article | Failure]:
    """An RSS or Atom document; feedparser reads the bytes itself, so a declared charset holds.

    A document with no items, or not recognised as a feed, is one Failure; a feed with items is
    read even when it is not well-formed: feedparser recovers what it can, and one undefined
    entity should not cost a whole feed.
    """
    # Imported here, as trafilatura is: most runs read no feeds.
    import feedparser

    try:
        # A stream, never bytes or str: feedparser treats those as a file name or URL to open.
        parsed = feedparser.parse(io.BytesIO(data))
    except Exception as exc:  # feedparser catches most parse errors itself; never let one out
        kept = data.decode("utf-8", errors="replace").strip()
        yield _failure(origin, f"{origin}: feed could not be parsed: {_one_line(exc)}", kept)
        return
    entries: list[Any] = list(parsed.get("entries") or [])
    # Without a version feedparser did not recognise the document as a feed, even when its
    # loose parser found <item> elements in it: some other XML, not news.
    if not entries or not parsed.get("version"):
        kept = data.decode("utf-8", errors="replace").strip()
        yield _failure(origin, _no_items_reason(parsed, origin), kept)
        return
    if parsed.get("bozo"):
        problem = _one_line(parsed.get("bozo_exception"))
        log.warning("%s: feed is not well-formed (%s); reading its items anyway", origin, problem)
    outlet = _clean_title(_feed_text(parsed.get("feed", {}), "title"))
    items = [_feedparser_item(entry) for entry in entries]
    yield from _feed_articles(items, origin, outlet, opts)


def _no_items_reason(parsed: Any, origin: str) -> str:
    if parsed.get("bozo") and not parsed.get("entries"):
        return f"{origin}: not a readable feed: {_one_line(parsed.get('bozo_exception'))}"
    if not parsed.get("version"):
        return f"{origin}: not an RSS, Atom or JSON feed"
    return f"{origin}: feed has no items"


def _one_line(exc: object) -> str:
    """An exception as one line; an XML error names its line and column (the caller names the
    file, which feedparser, reading a stream, cannot)."""
    if isinstance(exc, xml.sax.SAXParseException):
        return f"line {exc.getLineNumber()}, column {exc.getColumnNumber()}: {exc.getMessage()}"
    return " ".join(str(exc).split()) or type(exc).__name__


def _feedparser_item(entry: Any) -> _FeedItem:
    bodies = [
        (str(part.get("value") or ""), _is_html(part.get("type")))
        for part in entry.get("content", [])
    ]
    if entry.get("summary"):
        bodies.append(
            (str(entry["summary"]), _is_html(entry.get("summary_detail", {}).get("type")))
        )
    # Read as a plain dict: feedparser's own lookup of a missing "updated" falls back to
    # "published" with a DeprecationWarning, which a caller's warning filter may make an error.
    fields = dict(entry)
    raw_date = fields.get("published") or fields.get("updated")
    parsed_date = fields.get("published_parsed") or fields.get("updated_parsed")
    return _FeedItem(
        guid=_feed_text(entry, "id"),
        link=_feed_text(entry, "link"),
        title=_clean_title(_feed_text(entry, "title")),
        bodies=tuple(bodies),
        published=_feed_date(raw_date, parsed_date),
    )


def _feed_text(record: Any, key: str) -> str | None:
    """A text field of a feed or item, markup removed from an HTML title (Atom allows one)."""
    value = record.get(key)
    if value is None or not str(value).strip():
        return None
    detail = record.get(f"{key}_detail") or {}
    if key == "title" and _is_html(detail.get("type"), default=False):
        return " ".join(_html_paragraphs(str(value))) or None
    return str(value).strip()


def _is_html(mime: object, *, default: bool = True) -> bool:
    """Whether a feed's content type is HTML; an undeclared type is HTML in RSS practice."""
    if not isinstance(mime, str) or not mime:
        return default
    return "html" in mime.lower()


def _feed_date(raw: object, parsed: object) -> date | None:
    """The item's date as the feed wrote it, in the feed's own time zone: feedparser's parsed
    value is converted to UTC, which moves an evening story (-0500) to the next day. The parsed
    value serves only for dates in formats neither RFC 822 nor ISO 8601 (feedparser knows more)."""
    if isinstance(raw, str) and raw.strip():
        text = raw.strip()
        try:
            return email.utils.parsedate_to_datetime(text).date()
        except (TypeError, ValueError, IndexError):
            pass
        try:
            return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        except ValueError:
            pass
    if isinstance(parsed, time.struct_time):
        return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    if raw:
        log.warning("ignoring feed date %r: not a date format feedparser or tacitus reads", raw)
    return None


def _is_json_feed(whole: Any) -> bool:
    version = whole.get("version") if isinstance(whole, dict) else None
    return isinstance(version, str) and "jsonfeed.org" in version


def _read_json_feed(
    feed: dict[str, Any], data: bytes, origin: str, opts: _Options
) -> Iterator[Article | Failure]:
    """A JSON Feed (feedparser 6 does not read them): its items map field by field."""
    entries = feed.get("items")
    if not isinstance(entries, list) or not entries:
        kept = data.decode("utf-8", errors="replace").strip()
        yield _failure(origin, f"{origin}: JSON Feed has no items", kept)
        return
    outlet = _clean_title(_field(feed, "title"))
    items = [_json_feed_item(entry) for entry in entries]
    yield from _feed_articles(items, origin, outlet, opts)


def _json_feed_item(entry: Any) -> _FeedItem:
    if not isinstance(entry, dict):
        return _FeedItem(guid=None, link=None, title=None, bodies=(), published=None)
    bodies = [
        (entry[key], is_html)
        for key, is_html in (("content_html", True), ("content_text", False), ("summary", False))
        if isinstance(entry.get(key), str)
    ]
    return _FeedItem(
        guid=_field(entry, "id"),
        link=_field(entry, "url"),
        title=_clean_title(_field(entry, "title")),
        bodies=tuple(bodies),
        published=_feed_date(entry.get("date_published") or entry.get("date_modified"), None),
    )


def _feed_articles(
    items: Sequence[_FeedItem], origin: str, outlet: str | None, opts: _Options
) -> Iterator[Article | Failure]:
    """One Article or Failure per item, named ``file:n`` (n counting from 1) as JSON lines are."""
    for number, item in enumerate(items, start=1):
        yield _feed_article(item, origin, number, outlet, opts)


def _feed_article(
    item: _FeedItem, origin: str, number: int, outlet: str | None, opts: _Options
) -> Article | Failure:
    where = f"{origin}:{number}"
    body = _item_body(item)
    if not body:
        reason = f"{origin}: item {number} has no text (no content, summary or description)"
        return _failure(where, reason, item.title or "", article_id=item.guid)
    text = _html_text(item.title, "\n".join(body))
    words = sum(len(paragraph.split()) for paragraph in body)
    if words < MIN_FEED_ITEM_WORDS:
        reason = (
            f"{origin}: item {number} is too short to code "
            f"({words} words of text, fewer than {MIN_FEED_ITEM_WORDS})"
        )
        return _failure(where, reason, text, article_id=item.guid)
    meta: dict[str, Any] = {
        "id": item.guid,
        "url": item.link,
        "outlet": outlet,
        "title": item.title,
        "published": item.published,
        "published_origin": "feed",
    }
    return _article(text, where, opts, meta=meta)


def _item_body(item: _FeedItem) -> list[str]:
    """The paragraphs of the first of the item's texts that has any."""
    for value, is_html in item.bodies:
        paragraphs = _html_paragraphs(value) if is_html else _plain_paragraphs(value)
        if paragraphs:
            return paragraphs
    return []


def _plain_paragraphs(text: str) -> list[str]:
    return [" ".join(line.split()) for line in _normalise(text).split("\n") if line.strip()]


def _html_paragraphs(fragment: str) -> list[str]:
    """The text of an HTML fragment, one paragraph a line, through lxml's parser: each block
    element starts and ends a line; scripts and styles are dropped with their text."""
    # lxml ships no type stubs and the project's mypy overrides do not list it.
    from lxml import etree
    from lxml import html as lxml_html

    if not fragment.strip():
        return []
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):  # nothing lxml can build a tree of
        return _plain_paragraphs(fragment)
    etree.strip_elements(root, "script", "style", etree.Comment, with_tail=False)
    for element in root.iter(*_BLOCK_TAGS):
        element.text = "\n" + (element.text or "")
        element.tail = "\n" + (element.tail or "")
    return _plain_paragraphs(str(root.text_content()))


# ---------------------------------------------------------------------------------------------
# Building records


def _article(text: str, origin: str, opts: _Options, *, meta: dict[str, Any]) -> Article | Failure:
    """An Article from normalised text and metadata, or a Failure when the text is too long."""
    article_id = meta.get("id") or content_id(text)
    if len(text) > opts.max_chars:
        reason = (
            f"article is {len(text):,} characters, over the limit of {opts.max_chars:,} "
            "(raise it with --max-chars)"
        )
        return Failure(article_id=article_id, origin=origin, reason=reason, text=text)
    if opts.published is not None:
        published, published_origin = opts.published, "cli"
    elif meta.get("published") is not None:
        published, published_origin = meta["published"], meta["published_origin"]
    else:
        published, published_origin = None, None
    return Article(
        id=article_id,
        text=text,
        url=meta.get("url"),
        outlet=meta.get("outlet"),
        published=published,
        published_origin=published_origin,
        title=meta.get("title"),
        origin=origin,
    )


def _failure(origin: str, reason: str, text: str = "", *, article_id: str | None = None) -> Failure:
    """A Failure with the id the article would have had (its own id, else its content id), or
    one derived from its origin when no text could be read, so re-running records the same
    failure once."""
    if article_id is None:
        article_id = content_id(text) if text else content_id(origin)
    log.info("skipping %s: %s", origin, reason)
    return Failure(article_id=article_id, origin=origin, reason=reason, text=text)
