"""GeoJSON: a FeatureCollection of the located events, each a Point with its flat fields."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from tacitus.export.flat import flat
from tacitus.export.rows import ExportRow, get


def feature(row: ExportRow) -> dict[str, Any] | None:
    """A Point feature (GeoJSON order: longitude, latitude), or None for an unlocated event."""
    lat = get(row.record, "location", "lat")
    lon = get(row.record, "location", "lon")
    if lat is None or lon is None:
        return None
    return {
        "type": "Feature",
        "id": row.cluster["cluster_id"] if row.cluster else row.record.get("id"),
        "geometry": {"type": "Point", "coordinates": [float(lon), float(lat)]},
        "properties": flat(row),
    }


def write_geojson(rows: Iterable[ExportRow], stream: TextIO) -> int:
    """Write one FeatureCollection; events without coordinates are left out. Returns the
    number of features written."""
    features = [f for f in map(feature, rows) if f is not None]
    json.dump({"type": "FeatureCollection", "features": features}, stream, ensure_ascii=False)
    stream.write("\n")
    return len(features)
