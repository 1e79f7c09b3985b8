"""Feeds: RSS 0.9x/1.0/2.0 and Atom through feedparser, JSON Feed from its JSON.

One article per item, its title as the headline, its content or summary with the markup
removed, the feed's title as the outlet and the item's date.
"""

from __future__ import annotations

import email.utils
import io
import logging
import re
import time
import xml.sax
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from tacitus.ingest.records import Options, article, failure, field, lossy, normalise
from tacitus.model import Article, Failure

log = logging.getLogger("tacitus.ingest")

# A feed item's body shorter than this cannot hold a coded event (an actor, a verb and a target
# with their words around them); such items are teasers like "Read more" or "Watch: video".
MIN_FEED_ITEM_WORDS = 5
# The root element of an XML feed, after any declaration, comments and doctype: <rss> (RSS
# 0.9x/2.0), <feed> (Atom), <rdf:RDF> (RSS 1.0), each possibly with a namespace prefix.
XML_FEED_ROOT = re.compile(
    rb"(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>|\s)*<(?:[\w.-]+:)?(?:rss|feed|RDF)[\s>/]",
    re.DOTALL | re.IGNORECASE,
)
# JSON Feed declares itself in "version"; a serialiser may escape the slashes of the URL.
JSON_FEED_VERSION = re.compile(rb'"version"\s*:\s*"https?:(?:\\?/){2}(?:www\.)?jsonfeed\.org')
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
class _FeedItem:
    """One item of any kind of feed. `bodies` are its texts in order of preference (content,
    then summary or description), each with whether it is HTML."""

    guid: str | None
    link: str | None
    title: str | None
    bodies: tuple[tuple[str, bool], ...]
    published: date | None


def read_feed(data: bytes, origin: str, opts: Options) -> Iterator[Article | Failure]:
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
        kept = lossy(data)
        yield failure(origin, f"{origin}: feed could not be parsed: {_one_line(exc)}", kept)
        return
    entries: list[Any] = list(parsed.get("entries") or [])
    # Without a version feedparser did not recognise the document as a feed, even when its
    # loose parser found <item> elements in it: some other XML, not news.
    if not entries or not parsed.get("version"):
        kept = lossy(data)
        yield failure(origin, _no_items_reason(parsed, origin), kept)
        return
    if parsed.get("bozo"):
        problem = _one_line(parsed.get("bozo_exception"))
        log.warning("%s: feed is not well-formed (%s); reading its items anyway", origin, problem)
    outlet = clean_title(_feed_text(parsed.get("feed", {}), "title"))
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
        title=clean_title(_feed_text(entry, "title")),
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


def is_json_feed(whole: Any) -> bool:
    version = whole.get("version") if isinstance(whole, dict) else None
    return isinstance(version, str) and "jsonfeed.org" in version


def read_json_feed(
    feed: dict[str, Any], data: bytes, origin: str, opts: Options
) -> Iterator[Article | Failure]:
    """A JSON Feed (feedparser 6 does not read them): its items map field by field."""
    entries = feed.get("items")
    if not isinstance(entries, list) or not entries:
        kept = lossy(data)
        yield failure(origin, f"{origin}: JSON Feed has no items", kept)
        return
    outlet = clean_title(field(feed, "title"))
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
        guid=field(entry, "id"),
        link=field(entry, "url"),
        title=clean_title(field(entry, "title")),
        bodies=tuple(bodies),
        published=_feed_date(entry.get("date_published") or entry.get("date_modified"), None),
    )


def _feed_articles(
    items: Sequence[_FeedItem], origin: str, outlet: str | None, opts: Options
) -> Iterator[Article | Failure]:
    """One Article or Failure per item, named ``file:n`` (n counting from 1) as JSON lines are."""
    for number, item in enumerate(items, start=1):
        yield _feed_article(item, origin, number, outlet, opts)


def _feed_article(
    item: _FeedItem, origin: str, number: int, outlet: str | None, opts: Options
) -> Article | Failure:
    where = f"{origin}:{number}"
    body = _item_body(item)
    if not body:
        reason = f"{origin}: item {number} has no text (no content, summary or description)"
        return failure(where, reason, item.title or "", article_id=item.guid)
    text = html_text(item.title, "\n".join(body))
    words = sum(len(paragraph.split()) for paragraph in body)
    if words < MIN_FEED_ITEM_WORDS:
        reason = (
            f"{origin}: item {number} is too short to code "
            f"({words} words of text, fewer than {MIN_FEED_ITEM_WORDS})"
        )
        return failure(where, reason, text, article_id=item.guid)
    meta: dict[str, Any] = {
        "id": item.guid,
        "url": item.link,
        "outlet": outlet,
        "title": item.title,
        "published": item.published,
        "published_origin": "feed",
    }
    return article(text, where, opts, meta=meta)


def _item_body(item: _FeedItem) -> list[str]:
    """The paragraphs of the first of the item's texts that has any."""
    for value, is_html in item.bodies:
        paragraphs = _html_paragraphs(value) if is_html else _plain_paragraphs(value)
        if paragraphs:
            return paragraphs
    return []


def _plain_paragraphs(text: str) -> list[str]:
    return [" ".join(line.split()) for line in normalise(text).split("\n") if line.strip()]


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


def clean_title(title: str | None) -> str | None:
    if not title:
        return None
    return " ".join(title.split()) or None


def html_text(title: str | None, body: str) -> str:
    """One paragraph per line becomes paragraphs separated by a blank line, as in plain text;
    the text starts with the headline unless the body already does."""
    paragraphs = [line.strip() for line in normalise(body).split("\n") if line.strip()]
    if title and (not paragraphs or " ".join(paragraphs[0].split()) != title):
        paragraphs.insert(0, title)
    return "\n\n".join(paragraphs)
