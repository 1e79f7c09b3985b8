"""A flat CSV: one column per field, one row per event (or per event cluster)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any, TextIO

from tacitus.export.rows import ExportRow, get
from tacitus.output import write_csv_rows

_PARTY_FIELDS = ("text", "code", "country", "sectors", "name")
_LOCATION_FIELDS = ("name", "geonameid", "lat", "lon", "country", "admin1", "precision")
_CLUSTER_FIELDS = ("cluster_id", "mentions", "articles", "outlets", "stories", "copies")

COLUMNS: tuple[str, ...] = (
    "id", "article_id", "sentence",
    *(f"source_{f}" for f in _PARTY_FIELDS), *(f"target_{f}" for f in _PARTY_FIELDS),
    "cameo", "cameo_name", "root", "plover_type", "plover_mode", "goldstein", "quad_class",
    "polarity", "modality",
    *(f"location_{f}" for f in _LOCATION_FIELDS),
    "date", "date_precision", "date_raw",
    "attribution_status", "attribution_chain", "casualties",
    "url", "outlet", "published", "confidence", "trigger", "text",
)  # fmt: skip
CLUSTER_COLUMNS: tuple[str, ...] = (*COLUMNS, *_CLUSTER_FIELDS, "first_seen")


def _cell(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return ";".join(str(v) for v in value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def _chain(attribution: Any) -> str | None:
    """'Meridian News (outlet); Mehta (named)': who says so, outermost first."""
    if not isinstance(attribution, dict) or not attribution.get("by"):
        return None
    return "; ".join(f"{c.get('name')} ({c.get('kind')})" for c in attribution["by"])


def flat(row: ExportRow) -> dict[str, Any]:
    """The row's fields under the CSV column names; absent values are None (empty cells)."""
    r = row.record
    out: dict[str, Any] = {"id": r.get("id"), "article_id": r.get("article_id")}
    out["sentence"] = r.get("sentence")
    for party in ("source", "target"):
        for f in _PARTY_FIELDS:
            out[f"{party}_{f}"] = get(r, party, f)
    for key in ("cameo", "cameo_name", "root"):
        out[key] = r.get(key)
    out["plover_type"] = get(r, "plover", "type")
    out["plover_mode"] = get(r, "plover", "mode")
    for key in ("goldstein", "quad_class", "polarity", "modality"):
        out[key] = r.get(key)
    for f in _LOCATION_FIELDS:
        out[f"location_{f}"] = get(r, "location", f)
    out["date"] = get(r, "date", "value")
    out["date_precision"] = get(r, "date", "precision")
    out["date_raw"] = get(r, "date", "raw")
    out["attribution_status"] = get(r, "attribution", "status")
    out["attribution_chain"] = _chain(r.get("attribution"))
    # Casualty counts are written by a later stage when the sentence gives them; kept as JSON
    # since their shape (killed, wounded, by whom) does not fit one cell.
    casualties = r.get("casualties")
    out["casualties"] = json.dumps(casualties, ensure_ascii=False) if casualties else None
    for key in ("url", "outlet", "published"):
        out[key] = row.article.get(key)
    for key in ("confidence", "trigger", "text"):
        out[key] = r.get(key)
    if row.cluster is not None:
        for key in (*_CLUSTER_FIELDS, "first_seen"):
            out[key] = row.cluster.get(key)
    return {k: _cell(v) for k, v in out.items()}


def write_csv(rows: Iterable[ExportRow], stream: TextIO, *, clusters: bool = False) -> int:
    """Write a header and one line per row; returns the number of rows."""
    columns = CLUSTER_COLUMNS if clusters else COLUMNS
    return write_csv_rows(rows, stream, columns, flat)
