"""tacitus: turn news reports into coded political event data.

    >>> import tacitus
    >>> result = tacitus.code(text, published="2021-12-12")
    >>> result.events[0].to_dict()

The public surface is small and pinned by __all__; everything else is internal.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from tacitus.errors import InputError, ModelError, StoreError, TacitusError
from tacitus.model import Actor, Article, CodingResult, Event, Failure, Quote

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence
    from pathlib import Path

    from tacitus.dataset import Dataset
    from tacitus.pipeline import Pipeline

__all__ = [
    "Actor",
    "Article",
    "CodingResult",
    "Event",
    "Failure",
    "InputError",
    "ModelError",
    "Quote",
    "StoreError",
    "TacitusError",
    "code",
    "load",
    "open",
    "read",
]
__version__ = "0.1.0"


def load(model: str | None = None) -> Pipeline:
    """The coding pipeline for `model` (an installed English spaCy pipeline), built once.

    Use it to code many articles: `tacitus.load().code(articles)`."""
    from tacitus.arguments import optional_str

    return _load(optional_str(model, "model"))


@cache
def _load(model: str | None) -> Pipeline:
    from tacitus.pipeline import Pipeline

    return Pipeline(model) if model else Pipeline()


def code(
    text: str,
    *,
    published: date | str | None = None,
    article_id: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    title: str | None = None,
    model: str | None = None,
) -> CodingResult:
    """Code one article's text. `published` (a date or "YYYY-MM-DD") anchors relative dates.

    Raises InputError for arguments of the wrong type or value; a text that cannot be coded
    (empty, too long) comes back as a result whose `failure` says why."""
    from tacitus.arguments import optional_str, published_argument, text_argument

    return load(model).code_text(
        text_argument(text),
        published=published_argument(published),
        article_id=optional_str(article_id, "article_id"),
        outlet=optional_str(outlet, "outlet"),
        url=optional_str(url, "url"),
        title=optional_str(title, "title"),
    )


def open(db: str | Path) -> Dataset:
    """Open a store for notebooks: its `events()`, `series()` and `clusters()` return Arrow
    tables. Use it as a context manager: `with tacitus.open("events.duckdb") as ds: ...`."""
    from tacitus.dataset import open_dataset

    return open_dataset(db)


def read(
    paths: str | Path | Sequence[str | Path],
    *,
    published: date | None = None,
    failures: bool = False,
) -> Iterator[Article | Failure]:
    """The articles in files, directories and feeds, in any format `tacitus code` reads;
    with `failures`, also what could not be read, with its reason."""
    from tacitus.dataset import read as read_articles

    return read_articles(paths, published=published, failures=failures)
