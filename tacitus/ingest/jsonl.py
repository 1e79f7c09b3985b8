"""JSON lines and JSON documents: one article per record.

A record is an object with a `text` and the metadata fields ``id``, ``url``, ``outlet``,
``published`` and ``title``. Each line is judged alone: a line that is not JSON, nests too
deeply, holds a number Python refuses to convert, or lacks a text is a Failure naming
``file:line``, and the lines after it go on.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from tacitus.ingest import feeds
from tacitus.ingest.records import Options, article, failure, field, normalise, parse_date
from tacitus.model import Article, Failure

# The longest JSON line read; a longer one is a Failure (its article would be over any
# sensible --max-chars anyway). Bounds the memory one line can take.
MAX_LINE_FACTOR = 8


def loads(data: str | bytes) -> tuple[Any, str | None]:
    """Parsed JSON, or None and why not. Never raises: RecursionError (deep nesting) and
    ValueError (bad JSON, integers over Python's 4,300-digit limit) become a reason."""
    try:
        return json.loads(data), None
    except json.JSONDecodeError as exc:
        return None, f"not JSON: {exc.msg} at column {exc.colno}"
    except RecursionError:
        return None, "not readable JSON: nested too deeply"
    except ValueError as exc:  # UnicodeDecodeError too
        return None, f"not readable JSON: {' '.join(str(exc).split())[:120]}"


def read_json(data: bytes, origin: str, opts: Options) -> Iterator[Article | Failure]:
    """A ``.json`` file (or stdin) holding an array of records, one record, or JSON lines."""
    whole, problem = loads(data.decode("utf-8-sig", errors="surrogateescape"))
    if problem is not None:  # then line by line, each line judged alone
        yield from read_lines(data.splitlines(keepends=True), origin, opts)
        return
    if feeds.is_json_feed(whole):
        yield from feeds.read_json_feed(whole, data, origin, opts)
        return
    records = whole if isinstance(whole, list) else [whole]
    if not records:
        yield failure(origin, f"{origin}: an empty JSON array holds no record")
    for number, record in enumerate(records, start=1):
        yield record_article(record, f"{origin}:{number}", opts, raw=_raw(record))


def _raw(record: Any) -> str:
    try:
        return json.dumps(record, ensure_ascii=False)
    except (RecursionError, ValueError):
        return ""


def read_lines(lines: Iterable[bytes], origin: str, opts: Options) -> Iterator[Article | Failure]:
    """JSON lines: a bad line is a Failure naming file:line and the rest go on."""
    limit = MAX_LINE_FACTOR * opts.max_chars
    found = False
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        found = True
        where = f"{origin}:{number}"
        if len(raw) > limit:
            reason = f"line {number} is over the limit of {limit:,} bytes"
            yield failure(where, reason, article_id=None)
            continue
        try:
            line = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            text = normalise(raw.decode("utf-8", errors="replace"))
            yield failure(where, f"line {number}: invalid UTF-8 at byte {exc.start}", text)
            continue
        record, problem = loads(line)
        if problem is not None:
            yield failure(where, f"line {number} is {problem}", line.strip())
            continue
        yield record_article(record, where, opts, raw=line.strip())
    if not found:
        yield failure(origin, "empty input: no JSON lines (only blank lines)")


def record_article(record: Any, where: str, opts: Options, *, raw: str) -> Article | Failure:
    """One JSON record with metadata fields and a `text`."""
    if not isinstance(record, dict):
        return failure(where, f"{where}: a record must be a JSON object", raw)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return failure(where, f"{where}: record has no non-empty 'text' field", raw)
    meta: dict[str, Any] = {key: field(record, key) for key in ("id", "url", "outlet", "title")}
    meta["published"] = parse_date(record.get("published"), where)
    meta["published_origin"] = "jsonl"
    return article(normalise(text), where, opts, meta=meta)
