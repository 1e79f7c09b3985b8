"""Scoring event clusters against expected ones: pairwise precision and recall.

The gold labels an article's events by source country and CAMEO root with the happening they
report (see tests/fixtures/clusters/gold.json). Every pair of labelled events is a decision:
put together or kept apart. Precision is the share of pairs put together that report one
happening; recall the share of pairs reporting one happening that were put together. Events
the gold does not label (other events of the same articles, or miscoded ones) are left out:
they measure the coder, not the clustering. Negated events are left out too: the gold
happenings are acts that took place, which a negated event denies.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import combinations
from typing import Any

from tacitus.export.rows import ExportRow


def gold_label(record: Mapping[str, Any], labels: Mapping[str, Mapping[str, str]]) -> str | None:
    """The happening a coded event reports, per the gold, or None. The gold happenings are
    acts that took place, so a negated event ("did not strike") reports none of them."""
    if record.get("polarity") == "negated":
        return None
    source = record.get("source") or {}
    country = source.get("country") or str(source.get("code") or "")[:3]
    return labels.get(str(record.get("article_id")), {}).get(f"{country} {record.get('root')}")


def pairwise(
    rows: Sequence[ExportRow], labels: Mapping[str, Mapping[str, str]], events: Sequence[Any]
) -> dict[str, float]:
    """Pairwise precision, recall and F1 of the clusters `rows` over the labelled events.

    `events` are the coded event records the rows were made from (to look up each mention)."""
    by_id = {str(r["id"]): r for r in events}
    assigned: list[tuple[str, int]] = []  # (gold happening, predicted cluster)
    for n, row in enumerate(rows):
        for mention in row.mentions:
            label = gold_label(by_id[mention.event_id], labels)
            if label is not None:
                assigned.append((label, n))
    together = same = both = 0
    for (gold_a, pred_a), (gold_b, pred_b) in combinations(assigned, 2):
        together += pred_a == pred_b
        same += gold_a == gold_b
        both += pred_a == pred_b and gold_a == gold_b
    precision = both / together if together else 1.0
    recall = both / same if same else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    happenings = {g for g, _ in assigned}
    return {
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "labelled_events": len(assigned),
        "happenings_found": len(happenings),
    }
