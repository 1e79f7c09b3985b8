"""The precision audit on real articles: the project's own judgements, and the ratchets.

The judgements (tests/audit/judgements.jsonl) name events by article id, sentence hash,
trigger, code and actor codes; the article text stays in ../shared. Coding the sample needs
../shared/eval; the shape checks do not.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tacitus.evaluate.audit import read_judgements, sample, score, sheet_rows
from tests.conftest import EVAL

AUDIT = Path(__file__).parent / "audit"
JUDGEMENTS = read_judgements(AUDIT / "judgements.jsonl")
FLOORS = json.loads((AUDIT / "floors.json").read_text())
ALLOWED_FIELDS = {"key", "article", "span", "root_ok", "source_ok", "target_ok", "correct", "note"}


def test_the_audit_has_at_least_300_events_over_60_articles_from_three_corpora() -> None:
    articles = {j.article for j in JUDGEMENTS.values()}
    corpora = {a.split(":")[0] for a in articles}
    assert len(JUDGEMENTS) >= 300 and len(articles) >= 60 and len(corpora) >= 3


def test_judgements_carry_no_article_text() -> None:
    for line in (AUDIT / "judgements.jsonl").read_text().splitlines():
        record = json.loads(line)
        assert set(record) <= ALLOWED_FIELDS
        assert len(record.get("note", "")) <= 200


def test_a_non_event_is_judged_wrong_on_every_count() -> None:
    for j in JUDGEMENTS.values():
        if not j.correct.get("event", True):
            assert not (j.root_ok or j.source_ok or j.target_ok), j.key


@pytest.fixture(scope="module")
def rows() -> list[dict[str, object]]:
    if not EVAL.exists():
        pytest.skip(f"{EVAL} is absent: the audit codes articles from ../shared/eval")
    from tacitus import load

    sampled = sample(EVAL)
    return list(sheet_rows(sampled, load().code([s.article for s in sampled])))


@pytest.mark.slow
def test_audit_precision_does_not_fall(rows: list[dict[str, object]]) -> None:
    s = score(rows, JUDGEMENTS)
    assert s.precision is not None and s.precision >= FLOORS["precision"], s


@pytest.mark.slow
def test_events_judged_right_are_still_coded(rows: list[dict[str, object]]) -> None:
    kept = {r["key"] for r in rows if not r["candidate"]}
    right = [j.key for j in JUDGEMENTS.values() if j.right]
    assert sum(k in kept for k in right) >= FLOORS["right_kept"]


@pytest.mark.slow
def test_events_judged_wrong_do_not_come_back(rows: list[dict[str, object]]) -> None:
    kept = {r["key"] for r in rows if not r["candidate"]}
    wrong = [j.key for j in JUDGEMENTS.values() if not j.right]
    assert sum(k in kept for k in wrong) <= FLOORS["wrong_kept"]


@pytest.mark.skipif(not (EVAL / "corpora").is_dir(), reason="needs ../shared/eval/corpora")
def test_the_sentence_proxy_codes_each_sentence_alone_and_reports_a_share() -> None:
    from tacitus.evaluate.audit import SENTENCE_PROXY_CATEGORIES, sentence_proxy_rates

    shares = sentence_proxy_rates(EVAL, per_category=5)
    assert set(shares) == set(SENTENCE_PROXY_CATEGORIES)
    assert all(share in (0.0, 0.2, 0.4, 0.6, 0.8, 1.0) for share in shares.values()), shares
