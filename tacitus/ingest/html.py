"""HTML pages: the article body through trafilatura, its title as the headline and its
publication date from the page metadata."""

from __future__ import annotations

import logging
from typing import Any

from tacitus.ingest.feeds import clean_title, html_text
from tacitus.ingest.records import Options, article, failure, lossy, parse_date
from tacitus.model import Article, Failure

# trafilatura returns menu crumbs ("Home") from pages without an article; a news story, even a
# one-paragraph brief, has more than ten words.
MIN_HTML_BODY_WORDS = 10


def quiet_extractors(verbose: bool) -> None:
    """trafilatura and htmldate log every page they find odd at WARNING; a corpus run would
    drown its own summary in them. Their lines show only with --verbose."""
    level = logging.NOTSET if verbose else logging.CRITICAL
    for name in ("trafilatura", "htmldate", "courlan", "charset_normalizer"):
        logging.getLogger(name).setLevel(level)


def read_html(
    data: bytes, origin: str, opts: Options, *, meta: dict[str, Any] | None = None
) -> Article | Failure:
    """The article body through trafilatura; its title heads the text, followed by a blank line.

    The bytes go to trafilatura undecoded, so a page declaring another charset reads correctly.
    `meta` (from a WARC record: url, outlet, published) wins over what the page says.
    """
    # Imported here: trafilatura takes a while to import and most runs read no HTML.
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(data, url=None, with_metadata=True)
    except Exception as exc:  # trafilatura raises many kinds (RecursionError too) on bad pages
        reason = f"HTML could not be parsed: {type(exc).__name__}: {str(exc)[:200]}"
        return failure(origin, reason, lossy(data))
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if len(body.split()) < MIN_HTML_BODY_WORDS:
        return failure(
            origin, "HTML has no article body (nothing trafilatura could extract)", lossy(data)
        )
    title = clean_title(getattr(doc, "title", None))
    found: dict[str, Any] = {
        "url": getattr(doc, "url", None) or None,
        "outlet": getattr(doc, "sitename", None) or None,
        "title": title,
        "published": parse_date(getattr(doc, "date", None), origin),
        "published_origin": "html",
    }
    for key, value in (meta or {}).items():
        if value is not None:
            found[key] = value
    return article(html_text(title, body), origin, opts, meta=found)
