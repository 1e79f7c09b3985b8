"""Syndicated copies: articles that are near-duplicates of one another are one story.

Wire copy reprinted by several outlets, or an article updated and re-published, shares almost
all of its word sequences with the original; a rewrite of the same news by another outlet
shares few. MinHash estimates the Jaccard similarity of the articles' word 5-gram sets and LSH
finds the candidate pairs without comparing every pair.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from datasketch import MinHash, MinHashLSH

# Word 5-grams: long enough that two outlets writing about the same event in their own words
# share almost none (typically Jaccard < 0.1), short enough that a copy with a new headline,
# byline or a trimmed last paragraph keeps most of them.
SHINGLE_WORDS = 5
NUM_PERM = 128
# Estimated Jaccard at or above which two articles are one story. Tuned on the project's own
# cluster corpus (tests/fixtures/clusters): copies with a new headline and byline score about
# 0.8, a copy cut by two of its five sentences with one added about 0.54, while independent
# rewrites of the same event by other outlets share almost no 5-grams (0.0-0.03). 0.4 leaves
# room below the heavily edited copy for MinHash's estimation error (about 0.04 at 128
# permutations) and stays far above the rewrites.
COPY_THRESHOLD = 0.4
# LSH banding finds pairs above its threshold only with high probability; asking it for
# candidates from a lower similarity and checking each against COPY_THRESHOLD keeps the
# heavily edited copies from slipping through the bands.
LSH_THRESHOLD = 0.25
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode()} if words else set()
    return {
        " ".join(words[i : i + SHINGLE_WORDS]).encode()
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }


def signature(text: str) -> MinHash | None:
    """The MinHash of the text's shingles; None for a text with no words, which copies
    nothing (two empty signatures would look identical)."""
    grams = shingles(text)
    if not grams:
        return None
    sig = MinHash(num_perm=NUM_PERM, seed=1)
    sig.update_batch(list(grams))
    return sig


def _moment(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    return datetime.max


def stories(articles: Mapping[str, Mapping[str, Any]]) -> dict[str, str]:
    """Each article id -> the id of the story it belongs to: the earliest published article
    among its near-duplicates (by id on a tie). An article with no copy is its own story.

    `articles` maps ids to metadata with `text` and `published` (see queries.article_meta).
    """
    ids = sorted(articles, key=lambda i: (_moment(articles[i].get("published")), i))
    sigs = {i: signature(str(articles[i].get("text") or "")) for i in ids}
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    story: dict[str, str] = {}
    for article_id in ids:  # earliest first, so an article's story is always already known
        sig = sigs[article_id]
        if sig is None:
            story[article_id] = article_id
            continue
        story[article_id] = _original(sig, article_id, sigs, lsh.query(sig), story)
        lsh.insert(article_id, sig)
    return story


def _original(
    sig: MinHash,
    article_id: str,
    sigs: Mapping[str, MinHash | None],
    candidates: Iterable[str],
    story: dict[str, str],
) -> str:
    """The story of the closest earlier article this one copies, or itself. LSH candidates
    are checked against the estimated similarity, since banding lets some lower pairs in."""
    best, best_sim = article_id, COPY_THRESHOLD
    for other in candidates:
        other_sig = sigs[other]
        sim = float(sig.jaccard(other_sig)) if other_sig is not None else 0.0
        if sim >= best_sim:
            best, best_sim = story[other], sim
    return best
