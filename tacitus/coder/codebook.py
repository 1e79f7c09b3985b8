"""The CAMEO event codebook with its PLOVER crosswalk, Goldstein scores and quad classes.

Data: tacitus/data/cameo.tsv (built by scripts/build_codebook.py from the published codebooks).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    root: str
    quad_class: int
    goldstein: float
    plover_type: str | None
    plover_mode: str | None


@cache
def cameo_codes() -> dict[str, CameoCode]:
    """All CAMEO 1.1b3 codes, keyed by code ("19", "190", "1823")."""
    path = resources.files("tacitus") / "data" / "cameo.tsv"
    codes: dict[str, CameoCode] = {}
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            codes[row["code"]] = CameoCode(
                code=row["code"],
                name=row["name"],
                root=row["root"],
                quad_class=int(row["quad_class"]),
                goldstein=float(row["goldstein"]),
                plover_type=row["plover_type"] or None,
                plover_mode=row["plover_mode"] or None,
            )
    return codes


def lookup(code: str) -> CameoCode:
    """The codebook entry for `code`; raises KeyError naming the code when it is not CAMEO."""
    try:
        return cameo_codes()[code]
    except KeyError:
        raise KeyError(f"{code!r} is not a CAMEO 1.1b3 event code") from None


@cache
def readings() -> dict[tuple[str, str], str]:
    """(reading, act code prefix) -> the CAMEO code of an announced, intended, threatened or
    refused act (tacitus/data/readings.tsv)."""
    path = resources.files("tacitus") / "data" / "readings.tsv"
    out: dict[tuple[str, str], str] = {}
    with path.open(encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        for row in rows:
            out[(row["reading"], row["act"])] = row["code"]
    return out


def read_as(reading: str, code: str) -> str | None:
    """The code for `code` read as `reading` (intent, refusal, threat), by longest prefix."""
    table = readings()
    for n in range(len(code), 1, -1):
        found = table.get((reading, code[:n]))
        if found:
            return found
    return None


@cache
def state_acts() -> dict[str, str]:
    """CAMEO code prefix -> the sector of the state organ that alone does such an act
    (tacitus/data/state_acts.tsv): an arrest is the police's, a verdict a court's."""
    path = resources.files("tacitus") / "data" / "state_acts.tsv"
    with path.open(encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        return {row["act"]: row["sector"] for row in rows}


def state_organ(code: str) -> str | None:
    """The sector of the organ that alone does act `code`, by longest prefix, or None."""
    table = state_acts()
    for n in range(len(code), 2, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None
