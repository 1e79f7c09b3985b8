"""Resume after a crash: kill -9 in the middle of `tacitus code`, run the same command again,
and every article is coded exactly once, with no event doubled, in a store that opens."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tacitus.cli import SAVE_EVERY
from tacitus.store import Store

# Enough articles that the run is still coding well after its first batch is stored.
N_ARTICLES = 150
PEOPLE = ("Chad", "Niger", "Mali", "Sudan", "Kenya", "Egypt", "Jordan", "Peru")


def write_corpus(path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for i in range(N_ARTICLES):
            a, b = PEOPLE[i % len(PEOPLE)], PEOPLE[(i + 3) % len(PEOPLE)]
            text = f"{a} and {b} signed a trade agreement on Tuesday, officials said. Talks {i}."
            record = {"id": f"r{i:04d}", "published": "2024-03-06", "text": text}
            out.write(json.dumps(record) + "\n")


def code(corpus: Path, db: Path, *, stream: bool = False) -> subprocess.Popen[str]:
    # The console script installed beside this interpreter, as a user runs it.
    tacitus = Path(sys.executable).with_name("tacitus")
    output = ["--format", "jsonl"] if stream else ["-q"]
    command = [str(tacitus), "code", str(corpus), "--db", str(db), *output]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )


def kill_after_first_batch(proc: subprocess.Popen[str]) -> None:
    """Kill -9 once events of more articles than one stored batch have been printed: the
    CLI stores each batch before printing the events of the article that completes it."""
    assert proc.stdout is not None
    seen: set[str] = set()
    for line in proc.stdout:
        seen.add(json.loads(line)["article_id"])
        if len(seen) > SAVE_EVERY + 5:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            return
    pytest.fail("the run ended before it could be killed; make the corpus larger")


@pytest.mark.slow
def test_a_run_killed_mid_way_resumes_and_codes_each_article_once(tmp_path: Path) -> None:
    corpus, db = tmp_path / "corpus.jsonl", tmp_path / "events.duckdb"
    write_corpus(corpus)
    first = code(corpus, db, stream=True)
    kill_after_first_batch(first)
    assert first.returncode == -signal.SIGKILL

    with Store(db) as store:  # opens cleanly, with whatever batches were committed
        partly = store.stats()["articles_coded"]
    assert 0 < partly < N_ARTICLES

    second = code(corpus, db)
    _, err = second.communicate(timeout=600)
    assert second.returncode == 0, err
    assert f"{partly} already coded" in err

    with Store(db, read_only=True) as store:
        [(articles, distinct)] = store.rows("SELECT count(*), count(DISTINCT id) FROM articles")
        assert articles == distinct == N_ARTICLES
        [(events, distinct_events)] = store.rows("SELECT count(*), count(DISTINCT id) FROM events")
        assert events == distinct_events > 0
        mismatched = store.rows(
            "SELECT a.id FROM articles a LEFT JOIN events e ON e.article_id = a.id "
            "GROUP BY a.id, a.n_events HAVING count(e.id) <> a.n_events"
        )
        assert mismatched == []
