"""How many coded events carry a place, on real political articles (no gold needed).

The corpora are read from ../shared/eval/corpora as a user would feed them: the BBC politics
articles as title, blank line and text; the Reuters-21578 stories as title, blank line,
dateline and body. Events are counted by CAMEO root: the aim is for material events
(`MATERIAL_ROOTS`: aid, yielding, protest, posture, coercion, assault, fighting) to nearly
always have a place;
verbal ones keep a place only when their own clause gives it. Each located event is counted
under its basis ("clause", "headline", "dateline", "article") so that inferred places show.
"""

from __future__ import annotations

import itertools
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tacitus.model import Article, CodingResult

__all__ = ["LocationShare", "bbc_politics", "location_share", "reuters_stories"]

from tacitus.places import MATERIAL_ROOTS


@dataclass(slots=True)
class LocationShare:
    """Counts of events and of located events, material and verbal, by basis."""

    material: int = 0
    material_located: int = 0
    verbal: int = 0
    verbal_located: int = 0
    basis: Counter[str] = field(default_factory=Counter)

    def add(self, result: CodingResult) -> None:
        for e in result.events:
            located = e.location is not None
            if e.root in MATERIAL_ROOTS:
                self.material += 1
                self.material_located += located
                if e.location is not None:
                    self.basis[e.location.basis] += 1
            else:
                self.verbal += 1
                self.verbal_located += located

    def metrics(self) -> dict[str, Any]:
        def share(part: int, whole: int) -> float | None:
            return part / whole if whole else None

        out: dict[str, Any] = {
            "material_events": self.material,
            "material_located": share(self.material_located, self.material),
            "verbal_events": self.verbal,
            "verbal_located": share(self.verbal_located, self.verbal),
        }
        for basis in ("clause", "headline", "dateline", "article"):
            out[f"by_{basis}"] = share(self.basis[basis], self.material)
        return out


def bbc_politics(path: Path, limit: int | None = None) -> Iterator[Article]:
    """The politics articles of the BBC News corpus, as title + text."""
    from tacitus.ingest import read_inputs

    records = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("category") == "politics":
                text = f"{rec['title']}\n\n{rec['text']}"
                records.append({"id": f"bbc/{rec['id']}", "text": text, "outlet": "BBC News"})
    yield from _articles(records[:limit], read_inputs)


def reuters_stories(path: Path, limit: int | None = None) -> Iterator[Article]:
    """Reuters-21578 stories with a title and a body, read as `tacitus code` reads the file
    (tacitus/ingest/reuters.py: headline, dateline and body, publication date)."""
    from tacitus.ingest import read_inputs

    stories = (
        a
        for a in read_inputs([str(path)])
        if isinstance(a, Article) and a.title and a.text.strip() != a.title
    )
    yield from itertools.islice(stories, limit)


def _articles(records: list[dict[str, str]], read_inputs: Any) -> Iterator[Article]:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for rec in records:
                fh.write(json.dumps(rec) + "\n")
        yield from (a for a in read_inputs([str(path)]) if isinstance(a, Article))


def location_share(results: Iterable[CodingResult]) -> LocationShare:
    share = LocationShare()
    for result in results:
        share.add(result)
    return share


LOCATION_COLUMNS = [
    "material_events",
    "material_located",
    "by_clause",
    "by_headline",
    "by_dateline",
    "by_article",
    "verbal_events",
    "verbal_located",
]
BBC = Path("bbc-news-2225") / "bbc-news-2225.jsonl"
REUTERS = Path("reuters-21578-sample") / "reut2-000.sgm"


def located_events(
    corpora: Path, *, limit: int | None = None, model: str | None = None
) -> dict[str, dict[str, Any]]:
    """Located shares on the BBC politics articles and the Reuters stories, by corpus."""
    from tacitus import load

    pipeline = load(model)
    sources = {
        "bbc politics": bbc_politics(corpora / BBC, limit),
        "reuters-21578": reuters_stories(corpora / REUTERS, limit),
    }
    return {name: location_share(pipeline.code(arts)).metrics() for name, arts in sources.items()}
