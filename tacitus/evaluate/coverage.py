"""How much of the CAMEO codebook the coder can reach, and by which route.

A three- or four-digit CAMEO code is reached by a pattern of verbs.txt that names it, or
indirectly: a reading of readings.tsv ("refused to release" 1243 from the act 0841), an aim of
aims.tsv that refines an appeal, intent, demand, rejection, concession or protest to its
sub-code ("appealed for food aid" 0233), or an accusation of accusations.tsv ("accused of
spying" 1125). A reading, aim or accusation route counts only when some pattern feeds it (a
threat reading of 1721 needs a pattern coding 1721). `make accuracy` prints both shares: the
patterns' share is the measure docs/accuracy.md has quoted since 2026-12-03.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType

from tacitus.coder.aims import FAMILIES, PROTEST_DIGITS, aim_words
from tacitus.coder.codebook import cameo_codes, readings
from tacitus.coder.patterns import PatternIndex, load_patterns
from tacitus.coder.readings import PROTESTS

__all__ = ["ROUTES", "Coverage", "codebook_coverage"]

ROUTES = ("pattern", "reading", "aim", "accusation")
# The family code a pattern must reach for an aim to refine it (aims.OPEN_CODES and the
# three-digit codes whose own sub-codes an aim picks).
_ACCUSE = "112"


@dataclass(frozen=True)
class Coverage:
    """The routes that reach each three- and four-digit CAMEO code (empty: unreachable)."""

    routes: Mapping[str, frozenset[str]]

    def codes(self, route: str | None = None) -> list[str]:
        """The codes reached by `route` (any route when None), in codebook order."""
        return [c for c, r in self.routes.items() if (r if route is None else route in r)]

    def share(self, route: str | None = None) -> float:
        return len(self.codes(route)) / len(self.routes)

    def missing(self) -> list[str]:
        return [c for c, r in self.routes.items() if not r]


def codebook_coverage(index: PatternIndex | None = None) -> Coverage:
    """The routes of every code of CAMEO 1.1b3 with three or four digits (292 codes)."""
    index = index or load_patterns()
    patterned = _pattern_codes(index)
    found: dict[str, set[str]] = {c: set() for c in cameo_codes() if len(c) >= 3}
    for route, codes in (
        ("pattern", patterned),
        ("reading", _reading_codes(patterned)),
        ("aim", _aim_codes(patterned)),
        ("accusation", _accusation_codes(patterned)),
    ):
        for code in codes:
            if code in found:
                found[code].add(route)
    return Coverage(MappingProxyType({c: frozenset(r) for c, r in found.items()}))


def _pattern_codes(index: PatternIndex) -> set[str]:
    groups = (*index.verbs.values(), *index.nouns.values())
    return {p.code for group in groups for p in group}


def _fed(prefix: str, patterned: Iterable[str]) -> bool:
    return any(code.startswith(prefix) for code in patterned)


def _reading_codes(patterned: set[str]) -> set[str]:
    """Codes a reading produces from an act some pattern codes (the act or a sub-code)."""
    return {code for (_, act), code in readings().items() if _fed(act, patterned)}


def _aim_codes(patterned: set[str]) -> set[str]:
    """Sub-codes an aim word can refine a patterned family code (or protest) to."""
    named = {a for w in aim_words().values() for a in (w.aim, w.ended) if a}
    out: set[str] = set()
    for root, table in FAMILIES.items():
        if _fed(root, patterned):
            out |= {code for key, code in table.items() if _aim_named(key, named)}
    for protest in PROTESTS:
        if _fed(protest, patterned):
            out |= {protest + d for key, d in PROTEST_DIGITS.items() if key in named}
    return out


def _aim_named(key: str, named: set[str]) -> bool:
    """Whether aims.tsv names the aim `key`; combined keys need their domain ('econ_aid':
    an economic word or a money word, aims.aim_of)."""
    if key in named:
        return True
    domain, _, kind = key.rpartition("_")
    if kind == "coop":
        return domain in named
    if kind == "aid":
        return domain in named or (domain == "econ" and "fin" in named)
    return False


def _accusation_codes(patterned: set[str]) -> set[str]:
    if _ACCUSE not in patterned:
        return set()
    path = resources.files("tacitus") / "data" / "accusations.tsv"
    with path.open(encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        return {row["code"] for row in rows}
