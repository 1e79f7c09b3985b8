"""Exports: the stored events (or event clusters) as Parquet, CSV, GDELT, PLOVER or GeoJSON.

Rows come from `tacitus.queries.events`, the query behind `tacitus events`, so an export and
a listing with the same filter hold the same events. The library writes only to the paths and
streams it is given.
"""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from tacitus.errors import InputError
from tacitus.export.flat import write_csv
from tacitus.export.gdelt import write_gdelt
from tacitus.export.geojson import write_geojson
from tacitus.export.parquet import write_parquet
from tacitus.export.plover import write_plover
from tacitus.export.rows import ExportRow, event_rows
from tacitus.queries import EventFilter
from tacitus.store import Store

__all__ = ["FORMATS", "ExportRow", "export", "export_rows"]

FORMATS = ("parquet", "csv", "gdelt", "plover", "geojson")
# Formats written to a directory (several files) rather than to one stream.
DIRECTORY_FORMATS = ("parquet", "gdelt")
GDELT_EVENTS = "events.export.tsv"
GDELT_MENTIONS = "events.mentions.tsv"


def export_rows(
    store: Store, flt: EventFilter | None = None, *, clusters: bool = False
) -> list[ExportRow]:
    """The rows an export writes: one per event, or one per event cluster."""
    if clusters:
        from tacitus.dedup import cluster_rows

        return cluster_rows(store, flt)
    return event_rows(store, flt)


def export(
    store: Store,
    fmt: str,
    *,
    flt: EventFilter | None = None,
    clusters: bool = False,
    output: Path | None = None,
    stream: TextIO | None = None,
) -> int:
    """Export the filtered events in `fmt`; returns how many rows were written.

    parquet and gdelt write into the directory `output`; the others write to `output` as a
    file, or to `stream` when no output is given.
    """
    if fmt not in FORMATS:
        raise InputError(f"export format {fmt!r} is not one of {', '.join(FORMATS)}")
    if fmt in DIRECTORY_FORMATS and output is None:
        raise InputError(f"--format {fmt} writes several files: give a directory with --output")
    if output is None and stream is None:
        raise InputError("give an output path or a stream to export to")
    rows = export_rows(store, flt, clusters=clusters)
    if fmt == "parquet":
        assert output is not None
        return write_parquet(rows, output, clusters=clusters)
    if fmt == "gdelt":
        assert output is not None
        output.mkdir(parents=True, exist_ok=True)
        with (
            (output / GDELT_EVENTS).open("w", encoding="utf-8") as ev,
            (output / GDELT_MENTIONS).open("w", encoding="utf-8") as mn,
        ):
            return write_gdelt(rows, ev, mn)
    if output is not None:
        with output.open("w", encoding="utf-8", newline="") as out:
            return _write_stream(fmt, rows, out, clusters)
    assert stream is not None
    return _write_stream(fmt, rows, stream, clusters)


def _write_stream(fmt: str, rows: list[ExportRow], stream: TextIO, clusters: bool) -> int:
    if fmt == "csv":
        return write_csv(rows, stream, clusters=clusters)
    if fmt == "plover":
        return write_plover(rows, stream)
    return write_geojson(rows, stream)
