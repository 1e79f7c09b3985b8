"""Score `find_quotes` against attribution gold in the PolNeAR JSONL shape.

Input, one article a line: `{"id", "text", "attributions": [{"source": [s, e] | null,
"cue": [s, e] | null, "content": [s, e]}]}` with character offsets into `text`.

Matching is one-to-one and lenient on boundaries, because annotators and tacitus disagree on
where reported content starts ("that …" or "… ,"), not on whether it was reported:

- content: a predicted quote matches a gold attribution whose content span overlaps its
  content; each gold attribution is used once, largest overlap first.
- source: content overlaps as above AND the speaker span overlaps the gold source span (a
  gold attribution without a source matches a prediction without a speaker).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from spacy.language import Language

from tacitus.errors import InputError
from tacitus.provenance import QuoteSpan, find_quotes

log = logging.getLogger(__name__)

Span = tuple[int, int]
Gold = tuple[Span, Span | None]  # content, source

# Articles longer than this are parsed in chunks of whole paragraphs (at most this long): the
# small English model is linear in length, but one huge Doc costs memory for nothing. 20,000
# characters keeps all but a few news articles in one piece, which the cross-paragraph rules
# (colon-introduced quotes, multi-paragraph quotes) need.
CHUNK_CHARS = 20_000


def read_gold(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read quote gold {path}: {exc}") from exc
    rows = [json.loads(line) for line in lines if line.strip()]
    return rows[:limit] if limit is not None else rows


def chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[tuple[str, int]]:
    """Pieces of `text` made of whole paragraphs, with their start offsets."""
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind("\n", start, end)
            end = cut + 1 if cut > start else end
        yield text[start:end], start
        start = end


def predict(docs: list[dict[str, Any]], nlp: Language) -> list[list[QuoteSpan]]:
    pieces = [(n, part, base) for n, d in enumerate(docs) for part, base in chunks(d["text"])]
    out: list[list[QuoteSpan]] = [[] for _ in docs]
    parsed = nlp.pipe(part for _, part, _ in pieces)
    for (n, _, base), doc in zip(pieces, parsed, strict=True):
        out[n].extend(find_quotes(doc, offset=base))
    return out


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _gold(row: dict[str, Any]) -> list[Gold]:
    out: list[Gold] = []
    for a in row["attributions"]:
        if a.get("content"):
            src = a.get("source")
            out.append(((a["content"][0], a["content"][1]), (src[0], src[1]) if src else None))
    return out


def _source_ok(pred: QuoteSpan, gold_source: Span | None) -> bool:
    if gold_source is None or pred.speaker is None:
        return gold_source is None and pred.speaker is None
    return _overlap(pred.speaker, gold_source) > 0


def match(preds: list[QuoteSpan], gold: list[Gold], *, with_source: bool) -> int:
    """Size of a greedy one-to-one matching, largest content overlap first."""
    pairs = []
    for i, p in enumerate(preds):
        for j, (content, source) in enumerate(gold):
            ov = _overlap(p.content, content)
            if ov > 0 and (not with_source or _source_ok(p, source)):
                pairs.append((ov, i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    for _, i, j in sorted(pairs, reverse=True):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    return len(used_p)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def evaluate_quotes(
    path: Path, nlp: Language, *, limit: int | None = None
) -> dict[str, float | int]:
    """Content and source precision/recall/F1 of `find_quotes` on a gold JSONL file."""
    rows = read_gold(path, limit)
    predictions = predict(rows, nlp)
    n_pred = n_gold = hit = hit_src = 0
    for row, preds in zip(rows, predictions, strict=True):
        gold = _gold(row)
        n_pred += len(preds)
        n_gold += len(gold)
        hit += match(preds, gold, with_source=False)
        hit_src += match(preds, gold, with_source=True)
    p = hit / n_pred if n_pred else 0.0
    r = hit / n_gold if n_gold else 0.0
    sp = hit_src / n_pred if n_pred else 0.0
    sr = hit_src / n_gold if n_gold else 0.0
    log.info("quotes: %d articles, %d predicted, %d gold", len(rows), n_pred, n_gold)
    return {
        "articles": len(rows),
        "predicted": n_pred,
        "gold": n_gold,
        "content_matched": hit,
        "source_matched": hit_src,
        "content_precision": round(p, 4),
        "content_recall": round(r, 4),
        "content_f1": round(_f1(p, r), 4),
        "source_precision": round(sp, 4),
        "source_recall": round(sr, 4),
        "source_f1": round(_f1(sp, sr), 4),
    }
