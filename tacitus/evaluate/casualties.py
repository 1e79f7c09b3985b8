"""The casualty-extraction check: counts the project judged on sentences of the corpora.

Each judged row names an article of ../shared/eval/corpora, a sentence's span and the word
the event hangs on, with the numbers the sentence gives (see judged/casualties.tsv). The
check parses the article, reads the casualties of that word's clause and compares each kind:
a count is right when the number read (its value, or its low bound when the text gives
none) equals the judged one; a count read where none was judged is a false one.
"""

from __future__ import annotations

import csv
import html
import json
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from tacitus.errors import InputError
from tacitus.model import CASUALTY_KINDS, Casualties

__all__ = ["JUDGED", "Judged", "read_judged", "score_casualties"]

JUDGED = Path(str(resources.files("tacitus") / "evaluate" / "judged" / "casualties.tsv"))


@dataclass(frozen=True, slots=True)
class Judged:
    article_id: str
    span: tuple[int, int]
    trigger: int
    expected: dict[str, int | None]


def read_judged(path: Path = JUDGED) -> list[Judged]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    out = []
    for row in csv.DictReader(lines, delimiter="\t"):
        try:
            expected = {k: None if row[k] == "-" else int(row[k]) for k in CASUALTY_KINDS}
            span = (int(row["start"]), int(row["end"]))
            out.append(Judged(row["article_id"], span, int(row["trigger"]), expected))
        except (KeyError, ValueError, TypeError) as exc:
            raise InputError(f"{path}: bad judged row {row!r} ({exc})") from exc
    return out


def corpus_texts(corpora: Path, ids: set[str]) -> dict[str, str]:
    """The texts the judged spans refer to, by article id."""
    texts: dict[str, str] = {}
    bbc = corpora / "bbc-news-2225" / "bbc-news-2225.jsonl"
    with bbc.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if f"bbc/{rec['id']}" in ids:
                texts[f"bbc/{rec['id']}"] = rec["text"]
    raw = (corpora / "reuters-21578-sample" / "reut2-000.sgm").read_text(encoding="latin-1")
    for newid, story in re.findall(r'<REUTERS[^>]*NEWID="(\d+)">(.*?)</REUTERS>', raw, re.S):
        body = re.search(r"<BODY>(.*?)</BODY>", story, re.S)
        if f"reuters/{newid}" in ids and body:
            texts[f"reuters/{newid}"] = html.unescape(body.group(1))
    return texts


def _number(found: Casualties | None, kind: str) -> int | None:
    count = getattr(found, kind) if found is not None else None
    if count is None:
        return None
    return int(count.value if count.value is not None else count.low)


def score_casualties(corpora: Path, path: Path = JUDGED) -> dict[str, Any]:
    """Precision and recall of the counts read, and the share of sentences read exactly."""
    from tacitus.casualties import casualties_of
    from tacitus.nlp import load_pipeline

    judged = read_judged(path)
    texts = corpus_texts(corpora, {j.article_id for j in judged})
    nlp = load_pipeline()
    docs = {aid: nlp(text) for aid, text in texts.items()}
    right = read = expected = exact = 0
    for item in judged:
        doc = docs.get(item.article_id)
        if doc is None:
            raise InputError(f"{item.article_id} is not in {corpora}")
        token = next((t for t in doc if t.idx == item.trigger), None)
        if token is None:
            raise InputError(f"{item.article_id}: no word starts at {item.trigger}")
        found = casualties_of(token)
        got = {kind: _number(found, kind) for kind in CASUALTY_KINDS}
        exact += got == item.expected
        for kind in CASUALTY_KINDS:
            read += got[kind] is not None
            expected += item.expected[kind] is not None
            right += got[kind] is not None and got[kind] == item.expected[kind]
    return {
        "sentences": len(judged),
        "count_precision": right / read if read else None,
        "count_recall": right / expected if expected else None,
        "sentences_exact": exact / len(judged) if judged else None,
    }
