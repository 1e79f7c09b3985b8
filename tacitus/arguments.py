"""What the Python API is given, checked at the door: a wrong type or value is an InputError
saying which argument and why, never an AttributeError from deep inside the pipeline."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from tacitus.errors import InputError
from tacitus.ingest import safe_text
from tacitus.model import Article, Failure


def text_argument(text: Any) -> str:
    """The text to code as valid UTF-8, or an InputError for anything but a str."""
    if isinstance(text, (bytes, bytearray)):
        raise InputError("text must be a str, not bytes: decode it first, e.g. data.decode()")
    if not isinstance(text, str):
        raise InputError(f"text must be a str, not {type(text).__name__}")
    return safe_text(text)


def optional_str(value: Any, name: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"{name} must be a str or None, not {type(value).__name__}")
    return safe_text(value)


def published_argument(value: Any) -> date | None:
    """A date, a "YYYY-MM-DD" string or None."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise InputError(f"published must be YYYY-MM-DD, not {value[:40]!r}") from None
    raise InputError(f"published must be a date or 'YYYY-MM-DD', not {type(value).__name__}")


def checked_items(items: Any) -> Iterator[Article | Failure]:
    """The items given to `Pipeline.code`, each an Article or a Failure with str fields."""
    if isinstance(items, (str, bytes, bytearray)):
        raise InputError(
            "code() takes an iterable of tacitus.Article; to code one text use tacitus.code(text)"
        )
    if not isinstance(items, Iterable):
        raise InputError(f"code() takes an iterable of Articles, not {type(items).__name__}")
    return _each_checked(items)


def _each_checked(items: Iterable[Any]) -> Iterator[Article | Failure]:
    for number, item in enumerate(items, start=1):
        if isinstance(item, Failure):
            yield item
        elif isinstance(item, Article):
            yield _article(item, number)
        else:
            raise InputError(
                f"item {number} is a {type(item).__name__}, not a tacitus.Article: "
                "build one with Article(id=..., text=...)"
            )


def _article(item: Article, number: int) -> Article:
    if not isinstance(item.id, str) or not item.id:
        raise InputError(f"item {number}: Article.id must be a non-empty str")
    text = text_argument(item.text)
    for name in ("url", "outlet", "title", "origin"):
        optional_str(getattr(item, name), f"item {number}: Article.{name}")
    if item.published is not None and not isinstance(item.published, date):
        raise InputError(f"item {number}: Article.published must be a date or None")
    if text is item.text and safe_text(item.id) is item.id:
        return item
    return replace(item, id=safe_text(item.id), text=text)
