"""The Reuters-21578 SGML format (``reut2-NNN.sgm``): one article per <REUTERS> element.

Its <TITLE> is the headline (a TYPE="BRIEF" story is a headline alone, coded as such),
<DATELINE> ("SALVADOR, Feb 26 -") opens the body, <DATE>
("26-FEB-1987 15:01:01.79") is the publication date and NEWID the id ("reuters-21578-N").
The body is wire copy hard-wrapped at 70 columns, each paragraph opening with an indent; the
lines are joined back into paragraphs and the "Reuter" sign-off is dropped. The files are
Latin-1 with control characters written as entities (&#3; ends a story), all removed.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import date, datetime
from typing import BinaryIO

from tacitus.ingest.records import Options, article, failure
from tacitus.model import Article, Failure

_ELEMENT = {
    name: re.compile(rf"<{name}(?:\s[^>]*)?>(.*?)</{name}>", re.DOTALL | re.IGNORECASE)
    for name in ("DATE", "TITLE", "DATELINE", "BODY", "TEXT")
}
_NEWID = re.compile(r'NEWID="(\d+)"')
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f]")
_SIGN_OFF = re.compile(r"\s*\bReuters?\s*$")
# A story longer than this is not one Reuters-21578 story (the longest is about 14,000
# characters) but a missing </REUTERS>; the element is cut off here so memory stays bounded.
MAX_ELEMENT_BYTES = 1 << 20


def read_sgml(stream: BinaryIO, origin: str, opts: Options) -> Iterator[Article | Failure]:
    """Every <REUTERS> element of the stream, named ``file:line`` by its opening line."""
    found = 0
    for line_no, element in _elements(stream):
        found += 1
        yield _story(element.decode("latin-1"), f"{origin}:{line_no}", opts)
    if found == 0:
        yield failure(origin, "no <REUTERS> elements: not a Reuters-21578 SGML file")


def _elements(stream: BinaryIO) -> Iterator[tuple[int, bytes]]:
    start = 0
    parts: list[bytes] = []
    size = 0
    for line_no, line in enumerate(stream, start=1):
        if line.lstrip().upper().startswith(b"<REUTERS"):
            if parts:  # a story left open: yield what it had
                yield start, b"".join(parts)
            start, parts, size = line_no, [], 0
        if start and size < MAX_ELEMENT_BYTES:
            parts.append(line)
            size += len(line)
        if start and b"</REUTERS>" in line.upper():
            yield start, b"".join(parts)
            start, parts, size = 0, [], 0
    if parts:
        yield start, b"".join(parts)


def _story(element: str, where: str, opts: Options) -> Article | Failure:
    newid = _NEWID.search(element)
    title = _inline(_first(element, "TITLE"))
    dateline = _inline(_first(element, "DATELINE"))
    body = _first(element, "BODY")
    if body is None:  # TYPE="UNPROC" stories have their text without tags
        body = _first(element, "TEXT")
        body = None if body is None or "<" in body else body
    paragraphs = _paragraphs(body or "")
    if dateline and paragraphs:
        paragraphs[0] = f"{dateline} {paragraphs[0]}"
    if not paragraphs and not title:
        return failure(where, "Reuters story has neither a title nor a body")
    meta = {
        "id": f"reuters-21578-{newid.group(1)}" if newid else None,
        "title": title or None,
        "outlet": "Reuters",
        "published": _date(_first(element, "DATE")),
        "published_origin": "sgml",
    }
    text = "\n\n".join([title, *paragraphs]) if title else "\n\n".join(paragraphs)
    return article(text, where, opts, meta=meta)


def _first(element: str, name: str) -> str | None:
    found = _ELEMENT[name].search(element)
    return None if found is None else found.group(1)


def _clean(raw: str) -> str:
    return _CONTROLS.sub("", html.unescape(raw))


def _inline(raw: str | None) -> str:
    return " ".join(_clean(raw or "").split())


def _paragraphs(raw: str) -> list[str]:
    """Hard-wrapped lines joined into paragraphs; an indented line opens a new one."""
    paragraphs: list[list[str]] = []
    for line in _clean(raw).split("\n"):
        if not line.strip():
            continue
        if not paragraphs or line[:1].isspace():
            paragraphs.append([])
        paragraphs[-1].append(line.strip())
    joined = [" ".join(words) for words in paragraphs]
    if joined:
        joined[-1] = _SIGN_OFF.sub("", joined[-1])
    return [p for p in joined if p]


def _date(raw: str | None) -> date | None:
    """ "26-FEB-1987 15:01:01.79" -> 1987-02-26."""
    if not raw:
        return None
    try:
        return datetime.strptime(raw.strip().split()[0], "%d-%b-%Y").date()
    except (ValueError, IndexError):
        return None
