"""`tacitus eval`: run one evaluation task over a gold file and present the metrics."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from tacitus.errors import InputError
from tacitus.evaluate.events import GoldRecord, gold_articles, read_gold, score
from tacitus.model import CodingResult


@dataclass(slots=True)
class Report:
    task: str
    metrics: dict[str, Any]
    per_root: dict[str, dict[str, float | int]] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def print(self, console: Console) -> None:
        table = Table(title=f"tacitus eval --task {self.task}")
        table.add_column("metric")
        table.add_column("value", justify="right")
        for name, value in self.metrics.items():
            shown = (
                "n/a"
                if value is None
                else (f"{value:.3f}" if isinstance(value, float) else str(value))
            )
            table.add_row(name, shown)
        console.print(table)
        if self.per_root:
            roots = Table(title="per CAMEO root")
            for col in ("root", "gold", "coded", "precision", "recall"):
                roots.add_column(col, justify="right")
            for root, row in self.per_root.items():
                roots.add_row(
                    root,
                    str(row["gold"]),
                    str(row["coded"]),
                    f"{row['precision']:.2f}",
                    f"{row['recall']:.2f}",
                )
            console.print(roots)
        for miss in self.errors:
            console.print(
                f"[bold]{miss['id']}[/bold] gold {miss['gold']} coded "
                f"{miss['coded'] or 'nothing'}\n  {miss['text']}"
            )


def evaluate_events(
    paths: list[Path],
    *,
    limit: int | None = None,
    errors: int = 0,
    model: str | None = None,
    with_candidates: bool = False,
) -> dict[Path, Report]:
    """Code the records of all gold files in one batch; score each file on its own."""
    coded = _code_gold(paths, limit=limit, model=model)
    return {
        path: _event_report(pairs, errors, with_candidates=with_candidates)
        for path, pairs in coded.items()
    }


# The views evaluate_event_views scores: the default output whole and by half, and the
# coder's whole reading, candidates included.
VIEWS = ("all", "tune", "check", "with candidates")
# With lower_cased=True, also the default output on the same sentences written in lower case,
# as some archives keep their news (tacitus.casing restores the capitals).
LOWER_CASED = "lower-cased"


def evaluate_event_views(
    paths: list[Path], *, model: str | None = None, lower_cased: bool = False
) -> dict[Path, dict[str, Report]]:
    """Each gold file scored in every view of VIEWS, coded once (twice with lower_cased)."""
    out: dict[Path, dict[str, Report]] = {}
    for path, pairs in _code_gold(paths, limit=None, model=model).items():
        out[path] = {
            "all": _event_report(pairs, 0),
            "with candidates": _event_report(pairs, 0, with_candidates=True),
        }
        for half in ("tune", "check"):
            part = [(r, c) for r, c in pairs if split_half(r.id) == half]
            out[path][half] = _event_report(part, 0)
    views = (*VIEWS, LOWER_CASED) if lower_cased else VIEWS
    if lower_cased:
        for path, pairs in _code_gold(paths, limit=None, model=model, lower=True).items():
            out[path][LOWER_CASED] = _event_report(pairs, 0)
    return {path: {view: by_view[view] for view in views} for path, by_view in out.items()}


def _code_gold(
    paths: list[Path], *, limit: int | None, model: str | None, lower: bool = False
) -> dict[Path, list[tuple[GoldRecord, CodingResult]]]:
    from tacitus import load

    per_file = {p: read_gold(p, limit) for p in paths}
    records = [r for recs in per_file.values() for r in recs]
    if not records:
        raise InputError(f"no gold records in {', '.join(map(str, paths))}")
    articles = gold_articles(records)
    if lower:
        articles = [replace(a, text=a.text.lower()) for a in articles]
    results = iter(list(load(model).code(articles)))
    return {path: [(r, next(results)) for r in recs] for path, recs in per_file.items()}


def _event_report(
    pairs: list[tuple[GoldRecord, CodingResult]], errors: int, *, with_candidates: bool = False
) -> Report:
    scores = score([r for r, _ in pairs], [c for _, c in pairs], with_candidates=with_candidates)
    worst = [
        {"id": m.record.id, "gold": m.gold, "coded": m.coded, "text": m.record.text}
        for m in scores.misses[:errors]
    ]
    return Report("events", scores.metrics, scores.per_root, worst)


def split_half(record_id: str) -> str:
    """ "tune" or "check": a stable half of a gold file, by the sha1 of a record's id.

    Rules are tuned on the tuning half; the checking half only measures. A change that raises
    the tuning half and lowers the checking half is overfitting."""
    digest = hashlib.sha1(record_id.encode("utf-8")).digest()
    return "tune" if digest[0] % 2 == 0 else "check"


def run_evaluation(
    gold: Path,
    *,
    task: str = "events",
    limit: int | None = None,
    errors: int = 0,
    with_candidates: bool = False,
) -> Report:
    if task == "events":
        return evaluate_events([gold], limit=limit, errors=errors, with_candidates=with_candidates)[
            gold
        ]
    from tacitus.nlp import load_pipeline

    nlp = load_pipeline()
    if task == "geo":
        from tacitus.evaluate.geo import evaluate_geo

        misses: list[dict[str, Any]] = []
        metrics = dict(evaluate_geo(gold, nlp, limit=limit, misses=misses))
        return Report("geo", metrics, errors=misses[:errors])
    if task == "quotes":
        from tacitus.evaluate.quotes import evaluate_quotes

        return Report("quotes", dict(evaluate_quotes(gold, nlp, limit=limit)))
    raise InputError(f"unknown evaluation task {task!r}: use events, geo or quotes")
