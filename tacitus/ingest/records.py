"""Building Articles and Failures: what every reader shares (decoding, ids, limits, dates).

Everything a reader hands on passes through `article` or `failure`, which make any text valid
UTF-8 (`safe_text`), so that nothing the store or the terminal receives can fail to encode.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from tacitus.model import Article, Failure

log = logging.getLogger("tacitus.ingest")

# Lone surrogates: what `\ud800` in JSON or an undecodable byte in a file name (Python's
# surrogateescape) becomes. They cannot be encoded as UTF-8, so they are written as the
# escape `\udcff`; for a file name the original byte is the low byte of a `\udcXX` escape.
_SURROGATES = re.compile("[\ud800-\udfff]")
# NUL is never text and some consumers (C strings, terminals) cut a string at it.
_NUL = "\x00"
# Something to code: a letter or a digit. Whitespace, zero-width and format characters alone
# (U+200B, U+FEFF, U+2028 ...) are not text, though str.strip keeps some of them.
_HAS_TEXT = re.compile(r"[^\W_]")


@dataclass(frozen=True, slots=True)
class Options:
    published: date | None
    max_chars: int

    @property
    def max_bytes(self) -> int:
        """The most bytes read for one document (a text, a page, a feed) before it is rejected.

        UTF-8 spends at most 4 bytes a character and HTML about as much again on markup, so
        a document of more than 8 bytes per allowed character cannot hold an article within
        the limit; the check is made on the size on disk, before reading.
        """
        return 8 * self.max_chars


def content_id(text: str) -> str:
    """A stable id for an article without one: 16 hex digits of the sha1 of its text."""
    return hashlib.sha1(safe_text(text).encode("utf-8")).hexdigest()[:16]


def safe_text(text: str) -> str:
    """`text` as valid UTF-8: lone surrogates escaped as ``\\udXXX``, NUL characters removed."""
    if _NUL in text:
        text = text.replace(_NUL, "")
    if _SURROGATES.search(text) is None:
        return text
    return _SURROGATES.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def has_text(text: str) -> bool:
    """Whether `text` holds at least one letter or digit."""
    return _HAS_TEXT.search(text) is not None


def normalise(text: str) -> str:
    """One newline convention, outer whitespace trimmed: the same article read from a Windows
    and a Unix file gets the same text and therefore the same content id."""
    return safe_text(text).replace("\r\n", "\n").replace("\r", "\n").strip()


def decode(data: bytes, origin: str) -> tuple[str, Failure | None]:
    """UTF-8 (a BOM allowed; UTF-16 with a BOM too); invalid bytes are a Failure naming the
    offset, with the text kept decoded with replacement characters."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return normalise(data.decode("utf-16")), None
        except UnicodeDecodeError as exc:
            text = normalise(data.decode("utf-16", errors="replace"))
            return text, failure(origin, f"invalid UTF-16 at byte {exc.start}", text)
    try:
        return normalise(data.decode("utf-8-sig")), None
    except UnicodeDecodeError as exc:
        offset = exc.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)
        text = normalise(data.decode("utf-8-sig", errors="replace"))
        reason = (
            f"invalid UTF-8 at byte {offset} (byte 0x{data[offset]:02x}); re-save the file as UTF-8"
        )
        return text, failure(origin, reason, text)


def lossy(data: bytes) -> str:
    """Whatever text can be read from bytes that failed, kept with the failure."""
    return normalise(data.decode("utf-8", errors="replace"))


def field(record: dict[str, Any], key: str) -> str | None:
    """A metadata field as a trimmed string; a missing or blank one is None."""
    value = record.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, (dict, list)):
        return None  # a structure is not an id, a url or a name
    try:
        return safe_text(str(value)).strip() or None
    except ValueError:  # an int too long to convert (Python caps that at 4,300 digits)
        return None


def parse_date(value: Any, where: str) -> date | None:
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
    log.warning("%s: ignoring published=%s, not an ISO date or datetime", where, _short(value))
    return None


def _short(value: Any) -> str:
    """A value for a log line: its type and at most 40 characters of it (never a 5,000-digit
    number converted whole, which Python refuses)."""
    if isinstance(value, str):
        return repr(safe_text(value[:40]))
    if isinstance(value, int) and not isinstance(value, bool):
        return f"an integer of {value.bit_length()} bits"
    return type(value).__name__


def article(text: str, origin: str, opts: Options, *, meta: dict[str, Any]) -> Article | Failure:
    """An Article from normalised text and metadata, or a Failure when the text is too long
    or holds nothing to code."""
    text = safe_text(text)
    article_id = meta.get("id") or content_id(text)
    if not has_text(text):
        return failure(origin, "no text: only whitespace or invisible characters", text)
    if len(text) > opts.max_chars:
        reason = (
            f"article is {len(text):,} characters, over the limit of {opts.max_chars:,} "
            "(raise it with --max-chars)"
        )
        return failure(origin, reason, text, article_id=article_id)
    if opts.published is not None:
        published, published_origin = opts.published, "cli"
    elif meta.get("published") is not None:
        published, published_origin = meta["published"], meta["published_origin"]
    else:
        published, published_origin = None, None
    return Article(
        id=safe_text(article_id),
        text=text,
        url=meta.get("url"),
        outlet=meta.get("outlet"),
        published=published,
        published_origin=published_origin,
        title=meta.get("title"),
        origin=safe_text(origin),
    )


def failure(origin: str, reason: str, text: str = "", *, article_id: str | None = None) -> Failure:
    """A Failure with the id the article would have had (its own id, else its content id), or
    one derived from its origin when no text could be read, so re-running records the same
    failure once."""
    origin, reason, text = safe_text(origin), safe_text(reason), safe_text(text)
    if article_id is None:
        article_id = content_id(text) if text else content_id(origin)
    log.info("skipping %s: %s", origin, reason)
    return Failure(article_id=safe_text(article_id), origin=origin, reason=reason, text=text)
