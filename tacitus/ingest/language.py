"""Language identification for every record read (plain text, JSON lines, pages, feeds, WARC):
a record that is not English is skipped with the language detected, not coded into nothing.
py3langid ships its model inside the package (nothing is downloaded)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from tacitus.model import Article, Failure

# Only this much of the text is classified: a lead of 2,000 characters tells the language as
# well as the whole page, at a fraction of the cost (about 1 ms).
SAMPLE_CHARS = 2000
# Short texts are misjudged (a headline of proper names reads as Nigerian Pidgin), so a record
# is skipped only when the identifier is this sure and the text this long; a shorter or
# doubtful one is coded (a wrong skip loses an article, a wrong coding only finds no event).
MIN_CONFIDENCE = 0.90
MIN_WORDS = 30


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str, float]:
    """The most likely ISO 639-1 language of `text` and its probability."""
    lang, prob = _identifier().classify(text[:SAMPLE_CHARS])
    return str(lang), float(prob)


def checked(item: Article | Failure) -> Article | Failure:
    """An English article as it is; another language as a skipped record saying which."""
    if not isinstance(item, Article) or len(item.text.split(None, MIN_WORDS)) <= MIN_WORDS:
        return item
    lang, prob = detect(item.text)
    if lang == "en" or prob < MIN_CONFIDENCE:
        return item
    reason = f"not English: detected language {lang} (probability {prob:.2f})"
    return Failure(item.id, item.origin or "", reason, item.text, status="skipped")


def each_checked(items: Iterable[Article | Failure]) -> Iterator[Article | Failure]:
    for item in items:
        yield checked(item)
