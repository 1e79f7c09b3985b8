"""Plain text: one article per file (or per form-feed-separated part of standard input)."""

from __future__ import annotations

from tacitus.ingest.records import Options, article, decode
from tacitus.model import Article, Failure


def read_text(data: bytes, origin: str, opts: Options) -> Article | Failure:
    text, problem = decode(data, origin)
    if problem is not None:
        return problem
    return article(text, origin, opts, meta={})
