"""`tacitus eval`: run one evaluation task over a gold file and present the metrics."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from tacitus.errors import InputError


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
    paths: list[Path], *, limit: int | None = None, errors: int = 0, model: str | None = None
) -> dict[Path, Report]:
    """Code the records of all gold files in one batch; score each file on its own."""
    from tacitus import load
    from tacitus.evaluate.events import gold_articles, read_gold, score

    per_file = {p: read_gold(p, limit) for p in paths}
    records = [r for recs in per_file.values() for r in recs]
    if not records:
        raise InputError(f"no gold records in {', '.join(map(str, paths))}")
    results = iter(list(load(model).code(gold_articles(records))))
    reports: dict[Path, Report] = {}
    for path, recs in per_file.items():
        scores = score(recs, [next(results) for _ in recs])
        worst = [
            {"id": m.record.id, "gold": m.gold, "coded": m.coded, "text": m.record.text}
            for m in scores.misses[:errors]
        ]
        reports[path] = Report("events", scores.metrics, scores.per_root, worst)
    return reports


def run_evaluation(
    gold: Path, *, task: str = "events", limit: int | None = None, errors: int = 0
) -> Report:
    if task == "events":
        return evaluate_events([gold], limit=limit, errors=errors)[gold]
    from tacitus.nlp import load_pipeline

    nlp = load_pipeline()
    if task == "geo":
        from tacitus.evaluate.geo import evaluate_geo

        return Report("geo", dict(evaluate_geo(gold, nlp, limit=limit)))
    if task == "quotes":
        from tacitus.evaluate.quotes import evaluate_quotes

        return Report("quotes", dict(evaluate_quotes(gold, nlp, limit=limit)))
    raise InputError(f"unknown evaluation task {task!r}: use events, geo or quotes")
