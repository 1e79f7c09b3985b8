"""Geoparsing accuracy on gold toponyms (GeoWebNews in tacitus's JSONL shape).

Each line: {"id", "text", "toponyms": [{"start", "end", "name", "type", "non_locational",
"geonameid", "lat", "lon"}]}.

Which gold entries count. GeoWebNews annotates more than place names: "Literal_Expression"
and "Non_Lit_Expression" mark the common nouns a toponym modifies ("Syrian *operations*"),
and "Non_Toponym", "Homonym" and "Language" mark names that look like places but are not
("Bank of Mexico" as a whole, "Chicago" the band, "English"). Only the toponym types below
are gold toponyms; a prediction overlapping none of them is a false positive, except that a
prediction overlapping an entry marked non_locational is not counted at all.

The file is split in two halves by the first byte of the sha1 of each document's id: even
for the tuning half, odd for the checking half. Rules are tuned on the first and kept only if
they do not lower the second; both halves are reported beside the whole.

Matching is one-to-one: a prediction matches the first unmatched gold toponym its span
overlaps. acc_161 is the share of matched toponyms with gold coordinates whose resolved
coordinates lie within 161 km (100 miles) of the gold ones; an unresolved toponym counts as
a miss there.
"""

from __future__ import annotations

import hashlib
import json
import math
import statistics
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from tacitus.errors import InputError
from tacitus.gazetteer.distance import km
from tacitus.gazetteer.home import home_country
from tacitus.places import Toponym, find_toponyms, load_gazetteer

TOPONYM_TYPES = frozenset(
    {
        "Literal",
        "Mixed",
        "Metonymic",
        "Demonym",
        "Literal_Modifier",
        "Non_Literal_Modifier",
        "Coercion",
        "Embedded_Literal",
        "Embedded_Non_Lit",
    }
)
ACC_KM = 161.0


@dataclass(slots=True)
class _Tally:
    predicted: int = 0
    ignored: int = 0
    gold: int = 0
    matched: int = 0
    errors_km: list[float] = field(default_factory=list)
    unresolved: int = 0


def read_gold(path: Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    try:
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh):
                if limit is not None and n >= limit:
                    return
                if line.strip():
                    yield json.loads(line)
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: cannot read geo gold ({exc})") from exc


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def score_document(gold: list[dict[str, Any]], predicted: list[Toponym], tally: _Tally) -> None:
    """Add one document's matches to the tally."""
    golds = [g for g in gold if g["type"] in TOPONYM_TYPES and not g["non_locational"]]
    ignore = [g for g in gold if g["non_locational"]]
    tally.gold += len(golds)
    used: set[int] = set()
    for top in predicted:
        hit = next(
            (
                i
                for i, g in enumerate(golds)
                if i not in used and _overlaps(top.start_char, top.end_char, g["start"], g["end"])
            ),
            None,
        )
        if hit is None:
            if any(_overlaps(top.start_char, top.end_char, g["start"], g["end"]) for g in ignore):
                tally.ignored += 1
            else:
                tally.predicted += 1
            continue
        used.add(hit)
        tally.predicted += 1
        tally.matched += 1
        _score_coordinates(golds[hit], top, tally)


def _score_coordinates(gold: dict[str, Any], top: Toponym, tally: _Tally) -> None:
    if gold.get("lat") is None or gold.get("lon") is None:
        return
    loc = top.resolved
    if loc is None or loc.lat is None or loc.lon is None:
        tally.unresolved += 1
        tally.errors_km.append(math.inf)
        return
    tally.errors_km.append(km(gold["lat"], gold["lon"], loc.lat, loc.lon))


def split_half(doc_id: str) -> str:
    """ "tune" when the first byte of the id's sha1 is even, else "check"."""
    return "tune" if hashlib.sha1(doc_id.encode("utf-8")).digest()[0] % 2 == 0 else "check"


def evaluate_geo(
    path: Path,
    nlp: Language,
    *,
    limit: int | None = None,
    misses: list[dict[str, Any]] | None = None,
) -> dict[str, float | int]:
    """Toponym detection (precision, recall, F1 by span overlap) and resolution accuracy
    (share within 161 km, median error) of tacitus's places stage on a gold JSONL file,
    with F1 and acc_161 of the tuning and checking halves (see `split_half`). A list given
    as `misses` receives every miss (see `document_misses`), wrong places first."""
    docs = list(read_gold(path, limit))
    gaz = load_gazetteer()
    tally = _Tally()
    halves = {"tune": _Tally(), "check": _Tally()}
    counts = {"tune": 0, "check": 0}
    for record, doc in zip(docs, nlp.pipe(d["text"] for d in docs), strict=True):
        predicted = find_toponyms(doc, gaz, home=home_country(record.get("url")))
        half = split_half(str(record.get("id", "")))
        counts[half] += 1
        score_document(record["toponyms"], predicted, tally)
        score_document(record["toponyms"], predicted, halves[half])
        if misses is not None:
            misses.extend(document_misses(record, predicted, half))
    if misses is not None:
        # Wrong places first, farthest first; then names missed or left unplaced.
        misses.sort(key=lambda m: (math.isinf(m["km"]), -float(m["km"])))
    summary = _summary(tally, len(docs))
    for half, part in halves.items():
        scores = _summary(part, counts[half])
        summary[f"{half}_f1"] = scores["toponym_f1"]
        summary[f"{half}_acc_161"] = scores["acc_161"]
    return summary


def document_misses(
    record: dict[str, Any], predicted: list[Toponym], half: str
) -> list[dict[str, Any]]:
    """One document's misses in the shape `tacitus eval --errors` prints: gold toponyms
    placed more than 161 km away or not at all (km: the error, inf when unplaced) and gold
    toponyms not found (km: inf); each with the half it belongs to and its context."""
    text = str(record.get("text", ""))
    golds = [
        g for g in record["toponyms"] if g["type"] in TOPONYM_TYPES and not g["non_locational"]
    ]
    out: list[dict[str, Any]] = []
    for g in golds:
        top = next(
            (t for t in predicted if _overlaps(t.start_char, t.end_char, g["start"], g["end"])),
            None,
        )
        km = _error_km(g, top)
        if top is not None and km <= ACC_KM:
            continue
        coded = "nothing" if top is None else _placed(top)
        out.append(
            {
                "id": f"{record.get('id', '')} ({half})",
                "gold": f"{g['name']!r} {g['type']} at {g.get('lat')},{g.get('lon')}",
                "coded": coded if top is None else f"{coded}, {km:.0f} km off",
                "text": "…"
                + text[max(0, g["start"] - 60) : g["end"] + 60].replace("\n", " ")
                + "…",
                "km": km,
            }
        )
    return out


def _error_km(gold: dict[str, Any], top: Toponym | None) -> float:
    if gold.get("lat") is None or gold.get("lon") is None:
        return 0.0 if top is not None else math.inf
    loc = top.resolved if top is not None else None
    if loc is None or loc.lat is None or loc.lon is None:
        return math.inf
    return km(gold["lat"], gold["lon"], loc.lat, loc.lon)


def _placed(top: Toponym) -> str:
    loc = top.resolved
    if loc is None:
        return f"{top.text!r} unplaced"
    return f"{top.text!r} as {loc.name} ({loc.precision}, {loc.country}): {loc.why}"


def _summary(t: _Tally, n_docs: int) -> dict[str, float | int]:
    precision = t.matched / t.predicted if t.predicted else 0.0
    recall = t.matched / t.gold if t.gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    errs = t.errors_km
    within = sum(1 for e in errs if e <= ACC_KM)
    finite = [e for e in errs if math.isfinite(e)]
    return {
        "documents": n_docs,
        "gold_toponyms": t.gold,
        "predicted_toponyms": t.predicted,
        "ignored_predictions": t.ignored,
        "matched_toponyms": t.matched,
        "toponym_precision": round(precision, 4),
        "toponym_recall": round(recall, 4),
        "toponym_f1": round(f1, 4),
        "with_gold_coordinates": len(errs),
        "unresolved": t.unresolved,
        "acc_161": round(within / len(errs), 4) if errs else 0.0,
        "median_error_km": round(statistics.median(finite), 1) if finite else 0.0,
    }
