"""Saving a batch so that one article that cannot be stored fails alone."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from tacitus.errors import StoreError
from tacitus.ingest import safe_text
from tacitus.model import CodingResult, Failure
from tacitus.store import Store

log = logging.getLogger(__name__)

# What a write of a hostile article can raise besides a StoreError: text the database cannot
# encode, a value out of a column's range.
_WRITE_ERRORS = (StoreError, UnicodeError, ValueError, OverflowError)


def save_isolated(store: Store, batch: Sequence[CodingResult], model: str) -> list[Failure]:
    """Store the batch in one transaction; if that fails, store its articles one by one, each
    that still fails as a failed row with the store's reason. Returns those failures.

    Raises StoreError only when even a failure row cannot be written: then the store itself
    is broken and the run must stop.
    """
    try:
        store.save_many(batch, model=model)
        return []
    except _WRITE_ERRORS as exc:
        log.warning("a batch of %d could not be stored (%s); storing one by one", len(batch), exc)
    failures: list[Failure] = []
    for result in batch:
        try:
            store.save_many([result], model=model)
        except _WRITE_ERRORS as exc:
            failures.append(_unstorable(result, exc))
            store.save_many([failures[-1]], model=model)
    return failures


def _unstorable(result: CodingResult, exc: Exception) -> Failure:
    article = result.article
    reason = safe_text(f"could not be stored: {type(exc).__name__}: {exc}")[:500]
    return Failure(
        safe_text(article.id), safe_text(article.origin or ""), reason, safe_text(article.text)
    )
