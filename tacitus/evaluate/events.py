"""Event accuracy against sentence-level gold (`tacitus eval --task events`).

Reads the three gold shapes of ../shared/eval/events:

- `expected_events`: [{code, source?, target?}]; an empty list means "no event here";
- `plover_event` with `source`/`target` lists of {code, sector, actorText} and a CAMEO code
  recovered from the PLOVER record (trusted at two digits);
- `penta_class` (0 statement .. 4 material conflict) with `actor_spans` (token offsets).

Each record's text is coded as a one-paragraph article (its `date` as publication date) and
compared. Metric names are stable so figures can be compared over time.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from tacitus.model import Article, CodingResult, Event

# PLOVER 2016 category names and what they became in PLOVER 0.8 (2021).
PLOVER_RENAMES = {
    "FIGHT": "ASSAULT",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    # 2016's DEMAND is 2021's REQUEST (appeals and demands alike).
    "DEMAND": "REQUEST",
}


@dataclass(slots=True)
class GoldEvent:
    code: str | None  # CAMEO code; None when only a penta class is known
    sources: list[str] = field(default_factory=list)  # country codes ("---" = any)
    targets: list[str] = field(default_factory=list)

    @property
    def root(self) -> str | None:
        return self.code[:2] if self.code else None


@dataclass(slots=True)
class GoldRecord:
    id: str
    text: str
    published: date | None
    events: list[GoldEvent] | None  # None: the record has no code-level gold
    plover: str | None = None
    penta: int | None = None
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # role -> char spans


@dataclass(slots=True)
class Miss:
    record: GoldRecord
    gold: str
    coded: list[str]


@dataclass(slots=True)
class EventScores:
    metrics: dict[str, Any]
    per_root: dict[str, dict[str, float | int]]
    misses: list[Miss]


# Country codes of older CAMEO dictionaries that some gold still uses, and the ISO-based code
# tacitus (like current CAMEO) writes for the same country.
LEGACY_COUNTRY_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "TLS": "TMP"}


def _country(code: str | None) -> str | None:
    if not code:
        return None
    country = code[:3].upper()
    return LEGACY_COUNTRY_CODES.get(country, country)


def _countries(value: Any) -> list[str]:
    if not value:
        return []
    if isinstance(value, str):
        return [value[:3].upper()]
    if isinstance(value, dict):
        value = [value]
    return [c for v in value if (c := _country(v.get("code") if isinstance(v, dict) else v))]


def _char_spans(
    text: str, tokens: Sequence[str], spans: Iterable[dict[str, Any]]
) -> dict[str, list[tuple[int, int]]]:
    """Token offsets -> character offsets, by finding the tokens in order in the text."""
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for tok in tokens:
        at = text.find(tok, pos)
        if at < 0:
            at = pos
        starts.append(at)
        ends.append(at + len(tok))
        pos = at + len(tok)
    out: dict[str, list[tuple[int, int]]] = {}
    for s in spans:
        a, b = int(s["start_token"]), int(s["end_token"])
        if 0 <= a < b <= len(tokens):
            out.setdefault(s["role"], []).append((starts[a], ends[b - 1]))
    return out


def parse_record(row: dict[str, Any]) -> GoldRecord:
    raw_date = row.get("date")
    published = date.fromisoformat(raw_date[:10]) if raw_date else None
    rec = GoldRecord(id=str(row["id"]), text=row["text"], published=published, events=None)
    if "expected_events" in row:
        rec.events = [
            GoldEvent(str(e["code"]), _countries(e.get("source")), _countries(e.get("target")))
            for e in row["expected_events"]
        ]
    if "plover_event" in row:
        rec.plover = PLOVER_RENAMES.get(row["plover_event"], row["plover_event"])
        code = row.get("cameo_code_recovered")
        # The recovered code is trustworthy at two digits only.
        rec.events = [
            GoldEvent(
                str(code)[:2] if code else None,
                _countries(row.get("source")),
                _countries(row.get("target")),
            )
        ]
    if "penta_class" in row:
        rec.penta = int(row["penta_class"])
    if row.get("actor_spans") and row.get("tokens"):
        rec.spans = _char_spans(row["text"], row["tokens"], row["actor_spans"])
    return rec


def read_gold(path: Path, limit: int | None = None) -> list[GoldRecord]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rows.append(parse_record(json.loads(line)))
            if limit and len(rows) >= limit:
                break
    return rows


def gold_articles(records: Sequence[GoldRecord]) -> list[Article]:
    # Ids are numbered: a gold file may repeat an id, and each record is its own article.
    return [
        Article(
            id=f"{i}:{r.id}",
            text=r.text,
            published=r.published,
            origin=f"gold:{r.id}",
            published_origin="gold" if r.published else None,
        )
        for i, r in enumerate(records)
    ]


def _top(events: list[Event]) -> Event | None:
    """The most confident event: the record's reading when only one label is given."""
    return max(events, key=lambda e: (e.confidence, e.root != "01"), default=None)


def _matches(gold: list[str], coded: str | None) -> bool:
    return not gold or "---" in gold or (coded is not None and coded in gold)


class _Tally:
    def __init__(self) -> None:
        self.c: Counter[str] = Counter()
        self.root_tp: Counter[str] = Counter()
        self.root_gold: Counter[str] = Counter()
        self.root_coded: Counter[str] = Counter()
        self.misses: list[Miss] = []

    def score(self, rec: GoldRecord, events: list[Event]) -> None:
        self.c["records"] += 1
        self.c["coded_events"] += len(events)
        if rec.events is not None:
            self._code_level(rec, events)
        if rec.plover is not None:
            top = _top(events)
            self.c["plover_records"] += 1
            self.c["plover_hits"] += int(top is not None and top.plover_type == rec.plover)
        if rec.penta is not None:
            top = _top(events)
            self.c["penta_records"] += 1
            self.c["penta_hits"] += int(top is not None and top.penta_class == rec.penta)
            if top is None or top.penta_class != rec.penta:
                self.misses.append(
                    Miss(rec, f"penta {rec.penta}", [f"{e.cameo} {e.trigger}" for e in events])
                )
        if rec.spans:
            self._spans(rec, events)

    def _code_level(self, rec: GoldRecord, events: list[Event]) -> None:
        assert rec.events is not None
        if not rec.events:
            self.c["empty_records"] += 1
            self.c["false_event_records"] += int(bool(events))
            self.c["precision_coded"] += len(events)
            for e in events:
                self.root_coded[e.root] += 1
            return
        scored = [g for g in rec.events if g.root]
        self.c["precision_coded"] += len(events)
        for e in events:
            self.root_coded[e.root] += 1
        free = list(events)
        for g in scored:
            self.c["gold_events"] += 1
            self.root_gold[g.root or ""] += 1
            match = next((e for e in free if e.root == g.root), None)
            if match is not None:
                free.remove(match)
                self.c["root_tp"] += 1
                self.root_tp[g.root or ""] += 1
            else:
                self.misses.append(
                    Miss(
                        rec,
                        f"{g.code} {g.sources}->{g.targets}",
                        [f"{e.cameo} {_c(e)}" for e in events],
                    )
                )
            self._code_and_actors(g, match, events)

    def _code_and_actors(self, g: GoldEvent, match: Event | None, events: list[Event]) -> None:
        if g.code and len(g.code) >= 3:
            self.c["code_gold"] += 1
            self.c["code_hits"] += int(any(e.cameo == g.code for e in events))
        best = match or _top(events)
        if g.sources:
            self.c["source_gold"] += 1
            self.c["source_hits"] += int(
                best is not None
                and best.source is not None
                and _matches(g.sources, best.source.country)
            )
        if g.targets:
            self.c["target_gold"] += 1
            self.c["target_hits"] += int(
                best is not None
                and best.target is not None
                and _matches(g.targets, best.target.country)
            )
        if g.sources and g.targets:
            self.c["dyad_gold"] += 1
            self.c["dyad_hits"] += int(
                any(
                    e.root == g.root
                    and e.source is not None
                    and e.target is not None
                    and _matches(g.sources, e.source.country)
                    and _matches(g.targets, e.target.country)
                    for e in events
                )
            )

    def _spans(self, rec: GoldRecord, events: list[Event]) -> None:
        top = _top(events)
        pred: dict[str, list[tuple[int, int]]] = {"source": [], "target": []}
        if top is not None:
            for role, actor in (("source", top.source), ("target", top.target)):
                if actor is not None and actor.start >= 0:
                    pred[role].append((actor.start, actor.end))
        for role in ("source", "target"):
            gold = rec.spans.get(role, [])
            got = pred[role]
            self.c["span_gold"] += len(gold)
            self.c["span_pred"] += len(got)
            self.c["span_tp"] += sum(
                1 for p in got if any(p[0] < g[1] and g[0] < p[1] for g in gold)
            )

    def metrics(self) -> dict[str, Any]:
        c = self.c
        p = _div(c["root_tp"], c["precision_coded"])
        r = _div(c["root_tp"], c["gold_events"])
        sp = _div(c["span_tp"], c["span_pred"])
        sr = _div(c["span_tp"], c["span_gold"])
        return {
            "records": c["records"],
            "gold_events": c["gold_events"],
            "coded_events": c["coded_events"],
            "root_precision": p,
            "root_recall": r,
            "root_f1": _f1(p, r),
            "code_accuracy": _div(c["code_hits"], c["code_gold"]),
            "dyad_accuracy": _div(c["dyad_hits"], c["dyad_gold"]),
            "source_accuracy": _div(c["source_hits"], c["source_gold"]),
            "target_accuracy": _div(c["target_hits"], c["target_gold"]),
            "plover_accuracy": _div(c["plover_hits"], c["plover_records"]),
            "penta_accuracy": _div(c["penta_hits"], c["penta_records"]),
            "span_f1": _f1(sp, sr) if c["span_gold"] else None,
            "false_event_rate": _div(c["false_event_records"], c["empty_records"]),
        }

    def per_root(self) -> dict[str, dict[str, float | int]]:
        roots = sorted(set(self.root_gold) | set(self.root_coded))
        return {
            r: {
                "gold": self.root_gold[r],
                "coded": self.root_coded[r],
                "precision": _div(self.root_tp[r], self.root_coded[r]) or 0.0,
                "recall": _div(self.root_tp[r], self.root_gold[r]) or 0.0,
            }
            for r in roots
        }


def _c(e: Event) -> str:
    s = e.source.code if e.source else "-"
    t = e.target.code if e.target else "-"
    return f"{s}->{t}"


def _div(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return round(2 * p * r / (p + r), 4) if p + r else 0.0


def score(
    records: Sequence[GoldRecord],
    results: Iterable[CodingResult],
    *,
    with_candidates: bool = False,
) -> EventScores:
    """Compare coded results (in the order of `records`) with the gold.

    The default output is scored, as users get it: candidates (Event.candidate) are left
    out. `with_candidates` scores everything the coder read, which is what the development
    floors of the coder itself pin (tests/accuracy_floors.json)."""
    tally = _Tally()
    for rec, res in zip(records, results, strict=True):
        events = res.events if res.ok else []
        tally.score(rec, [e for e in events if with_candidates or e.candidate is None])
    return EventScores(tally.metrics(), tally.per_root(), tally.misses)
