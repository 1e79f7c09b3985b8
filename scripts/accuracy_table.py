"""Print the README's accuracy tables: every development gold set in ../shared/eval, scored
whole and by half (tune: the records rules may be tuned on; check: only measured), then the
precision audit on real articles and the false-event proxy (scripts/audit.py).

make accuracy        # or: .venv/bin/python scripts/accuracy_table.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from tacitus.evaluate.audit import (
    coded_rows,
    proxy_rates,
    read_judgements,
    score,
    sentence_proxy_rates,
)
from tacitus.evaluate.casualties import score_casualties
from tacitus.evaluate.coverage import ROUTES, codebook_coverage
from tacitus.evaluate.locations import LOCATION_COLUMNS, located_events
from tacitus.evaluate.report import evaluate_event_views, run_evaluation

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
JUDGEMENTS = Path(__file__).resolve().parents[1] / "tests" / "audit" / "judgements.jsonl"
EVENT_SETS = ["plover_gsr.jsonl", "cameo_manual_examples.jsonl", "conflibert_cameo_train.jsonl"]
EVENT_COLUMNS = [
    "records",
    "root_precision",
    "root_recall",
    "root_f1",
    "code_accuracy",
    "dyad_accuracy",
    "source_accuracy",
    "target_accuracy",
    "plover_accuracy",
    "penta_accuracy",
    "span_f1",
    "false_event_rate",
]
GEO_COLUMNS = [
    "toponym_precision",
    "toponym_recall",
    "toponym_f1",
    "acc_161",
    "median_error_km",
    # The halves rules are tuned and checked on (tacitus.evaluate.geo.split_half).
    "tune_f1",
    "tune_acc_161",
    "check_f1",
    "check_acc_161",
]
CASUALTY_COLUMNS = ["sentences", "count_precision", "count_recall", "sentences_exact"]
QUOTE_COLUMNS = ["content_precision", "content_recall", "content_f1", "source_f1"]


def cell(value: object) -> str:
    if value is None:
        return "–"
    return f"{value:.2f}" if isinstance(value, float) else str(value)


def table(title: str, columns: list[str], rows: list[tuple[str, dict[str, object]]]) -> str:
    head = f"| {title} | " + " | ".join(columns) + " |"
    rule = "|---" * (len(columns) + 1) + "|"
    body = [f"| {name} | " + " | ".join(cell(m.get(c)) for c in columns) + " |" for name, m in rows]
    return "\n".join([head, rule, *body])


def main() -> int:
    if not EVAL.exists():
        print(f"{EVAL} is absent: the accuracy tables need ../shared/eval", file=sys.stderr)
        return 2
    paths = [EVAL / "events" / name for name in EVENT_SETS]
    views = evaluate_event_views(paths, lower_cased=True)
    rows = [
        (p.name if view == "all" else f"{p.name} ({view})", r.metrics)
        for p, by_view in views.items()
        for view, r in by_view.items()
    ]
    print(table("events", EVENT_COLUMNS, rows))
    print()
    geo = run_evaluation(EVAL / "geo" / "geowebnews.jsonl", task="geo")
    print(table("places", GEO_COLUMNS, [("geowebnews.jsonl", geo.metrics)]))
    print()
    quotes = run_evaluation(EVAL / "quotes" / "polnear_dev.jsonl", task="quotes")
    print(table("quotes", QUOTE_COLUMNS, [("polnear_dev.jsonl", quotes.metrics)]))
    print()
    located = located_events(EVAL / "corpora")
    print(table("event places", LOCATION_COLUMNS, list(located.items())))
    print()
    casualties = score_casualties(EVAL / "corpora")
    print(table("casualties", CASUALTY_COLUMNS, [("judged sentences", casualties)]))
    print()
    print(audit_table())
    print()
    rates = {cat: {"events_per_article": rate} for cat, rate in proxy_rates(EVAL).items()}
    print(table("default output, BBC", ["events_per_article"], list(rates.items())))
    print()
    shares = {
        cat: {"sentences_with_event": f"{share:.3f}"}
        for cat, share in sentence_proxy_rates(EVAL).items()
    }
    print(table("sentences coded alone, BBC", ["sentences_with_event"], list(shares.items())))
    print()
    print(coverage_table())
    return 0


def coverage_table() -> str:
    """The share of CAMEO's 292 three- and four-digit codes the coder can reach: by a pattern
    of verbs.txt, and by any route (tacitus/evaluate/coverage.py)."""
    cov = codebook_coverage()
    rows = [
        (route, {"codes": len(cov.codes(route)), "share": f"{cov.share(route):.3f}"})
        for route in (*ROUTES, None)
    ]
    named = [(name or "any route", m) for name, m in rows]
    missing = ", ".join(cov.missing()) or "none"
    return table("codebook coverage", ["codes", "share"], named) + f"\n\nno route: {missing}"


def audit_table() -> str:
    """The precision audit on real articles (docs/audit.md): the share of judged events in the
    default output right at root, source and target."""
    s = score(coded_rows(EVAL), read_judgements(JUDGEMENTS))
    metrics = {
        "precision": s.precision,
        "right": s.right,
        "judged": s.judged,
        "events": s.events,
        "judged_share": s.coverage,
        "candidates": s.candidates,
    }
    return table("audit", list(metrics), [("real articles", metrics)])


if __name__ == "__main__":
    sys.exit(main())
