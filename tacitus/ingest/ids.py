"""Ids within one run: a reused id never overwrites another article.

Two different texts with the same supplied id (repeated ids in JSON lines, reused feed guids)
are both kept, the second under ``id~h`` where h is 8 hex digits of its content id, and the
collision noted in the report; the same text twice is one article, the second copy noted as a
duplicate of the first. Memory grows with the records of a run, about 150 bytes each.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from tacitus.ingest.records import content_id
from tacitus.ingest.report import IngestReport
from tacitus.model import Article, Failure


def unique(items: Iterable[Article | Failure], report: IngestReport) -> Iterator[Article | Failure]:
    # id -> (content id of its text, origin of its first record)
    seen: dict[str, tuple[str, str]] = {}
    for item in items:
        report.records += 1
        key = item.id if isinstance(item, Article) else item.article_id
        text = item.text
        origin = (item.origin or "") if isinstance(item, Article) else item.origin
        # Failures are told apart by where they came from as well: the same bad line in two
        # files is two failed records, each to be found and fixed.
        digest = content_id(text) if isinstance(item, Article) else content_id(f"{origin}\n{text}")
        first = seen.get(key)
        if first is not None and first[0] != digest:
            new_key = f"{key}~{digest[:8]}"
            if isinstance(item, Article):
                report.collisions.append((origin, key, new_key))
            key, first = new_key, seen.get(new_key)
            item = _renamed(item, key)
        if first is not None:
            report.duplicates.append((origin, first[1]))
            continue
        seen[key] = (digest, origin)
        yield item


def derived_id(key: str, text: str) -> str:
    """The id a text reusing `key` is kept under."""
    return f"{key}~{content_id(text)[:8]}"


def _renamed(item: Article | Failure, key: str) -> Article | Failure:
    if isinstance(item, Article):
        return replace(item, id=key)
    return replace(item, article_id=key)
