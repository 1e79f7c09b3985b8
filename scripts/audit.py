"""The precision audit on real articles (docs/audit.md says how to judge).

    .venv/bin/python scripts/audit.py sheet     # code the sample, write audit/sheet.jsonl
    .venv/bin/python scripts/audit.py score     # precision of the default output
    .venv/bin/python scripts/audit.py proxy     # events per non-political BBC article
    .venv/bin/python scripts/audit.py show ID [ID ...]   # sampled articles' texts, for reviewers

The sheet holds each event with its sentence and headline for reviewers; it is written under
audit/ (ignored by git: the text belongs to ../shared). The judgements are the project's own
labels, in tests/audit/judgements.jsonl.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tacitus.evaluate.audit import coded_rows, proxy_rates, read_judgements, sample, score

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
SHEET = ROOT / "audit" / "sheet.jsonl"
JUDGEMENTS = ROOT / "tests" / "audit" / "judgements.jsonl"


def write_sheet() -> int:
    rows = coded_rows(EVAL)
    SHEET.parent.mkdir(exist_ok=True)
    with SHEET.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    judged = read_judgements(JUDGEMENTS) if JUDGEMENTS.exists() else {}
    new = sum(1 for r in rows if r["key"] not in judged and not r["candidate"])
    articles = len({r["article"] for r in rows})
    print(f"{len(rows)} events from {articles} articles -> {SHEET} ({new} not yet judged)")
    return 0


def print_score() -> int:
    judged = read_judgements(JUDGEMENTS)
    s = score(coded_rows(EVAL), judged)
    prec = "–" if s.precision is None else f"{s.precision:.2f}"
    cov = "–" if s.coverage is None else f"{s.coverage:.2f}"
    print(
        f"audit precision {prec} ({s.right}/{s.judged} judged events right at root, source "
        f"and target); {s.events} events in the default output, {cov} judged; "
        f"{s.candidates} candidates; {len(judged)} judgements"
    )
    return 0


def print_proxy() -> int:
    for cat, rate in proxy_rates(EVAL).items():
        print(f"bbc {cat}: {rate:.2f} events per article in the default output")
    return 0


def show(article_ids: list[str]) -> int:
    """Print sampled articles' texts, as coded, for a reviewer. Drawing the sample reads
    all three corpora, so ask for every article you need in one call."""
    texts = {s.article.id: s.article.text for s in sample(EVAL)}
    missing = [a for a in article_ids if a not in texts]
    for article_id in article_ids:
        if article_id in texts:
            print(f"===== {article_id}\n{texts[article_id]}")
    for article_id in missing:
        print(f"{article_id} is not in the audit sample", file=sys.stderr)
    return 2 if missing else 0


def main(argv: list[str]) -> int:
    if not EVAL.exists():
        print(f"{EVAL} is absent: the audit needs ../shared/eval", file=sys.stderr)
        return 2
    if len(argv) >= 2 and argv[0] == "show":
        return show(argv[1:])
    commands = {"sheet": write_sheet, "score": print_score, "proxy": print_proxy}
    if len(argv) != 1 or argv[0] not in commands:
        print(f"usage: audit.py {{{'|'.join(commands)}}} | show ID [ID ...]", file=sys.stderr)
        return 2
    return commands[argv[0]]()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
