"""Writing event and quote records to a stream: a readable table, JSON lines or CSV.

The records are the dicts of `Event.to_dict()` / `Quote.to_dict()`, as returned by
`tacitus.queries`. The library writes only to the stream it is given.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Literal, TextIO, TypeVar

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tacitus.errors import InputError
from tacitus.model import CASUALTY_KINDS

T = TypeVar("T")

Format = Literal["table", "jsonl", "csv"]
FORMATS: tuple[str, ...] = ("table", "jsonl", "csv")
Record = dict[str, Any]

EVENT_CSV_COLUMNS = (
    "id", "article_id", "date", "source_code", "source_text", "cameo", "cameo_name", "root",
    "target_code", "target_text", "plover_type", "modality", "polarity", "goldstein",
    "confidence", "location_name", "location_basis", "killed", "injured", "missing",
    "arrested", "text",
)  # fmt: skip
QUOTE_CSV_COLUMNS = (
    "article_id", "sentence", "kind", "speaker_code", "speaker_name", "speaker_text", "cue",
    "content",
)  # fmt: skip


def nested(record: Record, *path: str) -> Any:
    """A nested value, or None when any step is missing or null."""
    value: Any = record
    for key in path:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def _event_flat(r: Record) -> Record:
    return {
        "id": r.get("id"),
        "article_id": r.get("article_id"),
        "date": nested(r, "date", "value"),
        "source_code": nested(r, "source", "code"),
        "source_text": nested(r, "source", "text"),
        "cameo": r.get("cameo"),
        "cameo_name": r.get("cameo_name"),
        "root": r.get("root"),
        "target_code": nested(r, "target", "code"),
        "target_text": nested(r, "target", "text"),
        "plover_type": nested(r, "plover", "type"),
        "modality": r.get("modality"),
        "polarity": r.get("polarity"),
        "goldstein": r.get("goldstein"),
        "confidence": r.get("confidence"),
        "location_name": nested(r, "location", "name"),
        "location_basis": nested(r, "location", "basis"),
        **{kind: nested(r, "casualties", kind, "low") for kind in CASUALTY_KINDS},
        "text": r.get("text"),
    }


def _quote_flat(r: Record) -> Record:
    return {
        "article_id": r.get("article_id"),
        "sentence": r.get("sentence"),
        "kind": r.get("kind"),
        "speaker_code": nested(r, "speaker", "code"),
        "speaker_name": nested(r, "speaker", "name"),
        "speaker_text": r.get("speaker_text"),
        "cue": r.get("cue"),
        "content": r.get("content"),
    }


def _actor_cell(actor: Any) -> Text:
    """The code when coded, else the mention in italics, else a dash."""
    if not isinstance(actor, dict):
        return Text("-", style="dim")
    if actor.get("code"):
        return Text(str(actor["code"]))
    return Text(str(actor.get("text") or "-"), style="italic")


def _flags(r: Record) -> str:
    """Only what departs from the default (asserted, factual) is shown: 'negated threat'."""
    flags = []
    if r.get("polarity") not in (None, "asserted"):
        flags.append(str(r["polarity"]))
    if r.get("modality") not in (None, "factual"):
        flags.append(str(r["modality"]))
    return " ".join(flags)


def _event_cells(r: Record) -> list[Text]:
    # Text cells, not strings: article text may contain [brackets] that rich reads as markup.
    return [
        Text(str(nested(r, "date", "value") or "")),
        _actor_cell(r.get("source")),
        Text(f"{r.get('cameo') or ''} {r.get('cameo_name') or ''}".strip()),
        _actor_cell(r.get("target")),
        Text(_flags(r), style="yellow"),
        Text(str(nested(r, "location", "name") or "")),
    ]


def _quote_cells(r: Record) -> list[Text]:
    speaker = nested(r, "speaker", "code") or r.get("speaker_text") or "-"
    return [
        Text(str(speaker)),
        Text(str(r.get("cue") or "")),
        Text(str(r.get("kind") or "")),
        Text(str(r.get("content") or "")),
    ]


def _check(fmt: str) -> None:
    if fmt not in FORMATS:
        raise InputError(f"unknown output format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _write_jsonl(records: Iterable[Record], stream: TextIO) -> int:
    n = 0
    for record in records:
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv_rows(
    records: Iterable[T],
    stream: TextIO,
    columns: Sequence[str],
    flat: Callable[[T], Record],
) -> int:
    """A header, then one line per item as `flat` lays it out; returns the number of lines."""
    # "\n" rather than csv's default "\r\n": a text stream already translates line ends.
    writer = csv.DictWriter(stream, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    n = 0
    for record in records:
        writer.writerow(flat(record))
        n += 1
    return n


def _write_table(
    records: Iterable[Record],
    stream: TextIO,
    headers: tuple[str, ...],
    cells: Callable[[Record], list[Text]],
    width: int | None,
) -> int:
    table = Table(*headers, show_lines=False)
    n = 0
    for record in records:
        table.add_row(*cells(record))
        n += 1
    Console(file=stream, width=width).print(table)
    return n


def write_events(
    records: Iterable[Record], fmt: Format, stream: TextIO, *, width: int | None = None
) -> int:
    """Write event records in `fmt` to `stream`; returns how many were written.

    `width` sets the table width (rich uses the terminal's, or 80 for a file).
    """
    _check(fmt)
    if fmt == "jsonl":
        return _write_jsonl(records, stream)
    if fmt == "csv":
        return write_csv_rows(records, stream, EVENT_CSV_COLUMNS, _event_flat)
    headers = ("date", "source", "event", "target", "flags", "where")
    return _write_table(records, stream, headers, _event_cells, width)


def write_quotes(
    records: Iterable[Record], fmt: Format, stream: TextIO, *, width: int | None = None
) -> int:
    """Write quote records in `fmt` to `stream`; returns how many were written."""
    _check(fmt)
    if fmt == "jsonl":
        return _write_jsonl(records, stream)
    if fmt == "csv":
        return write_csv_rows(records, stream, QUOTE_CSV_COLUMNS, _quote_flat)
    headers = ("speaker", "cue", "kind", "content")
    return _write_table(records, stream, headers, _quote_cells, width)


def write_series(rows: list[Record], fmt: str, stream: TextIO, *, width: int | None = None) -> int:
    """Write `tacitus.queries.series` rows as a table, CSV or one JSON array; returns how many.

    The columns are those of the rows (period, the grouping if any, then the counts)."""
    if fmt not in ("table", "csv", "json"):
        raise InputError(f"unknown series format {fmt!r}; choose one of table, csv, json")
    if fmt == "json":
        stream.write(json.dumps(rows, ensure_ascii=False) + "\n")
        return len(rows)
    columns = tuple(rows[0]) if rows else ("period", "events")
    if fmt == "csv":
        writer = csv.DictWriter(stream, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return len(rows)
    cells: Callable[[Record], list[Text]] = lambda r: [  # noqa: E731
        Text("" if r[c] is None else str(r[c])) for c in columns
    ]
    return _write_table(rows, stream, columns, cells, width)


def _cluster_cells(row: Any) -> list[Text]:
    r, c = row.record, row.cluster
    return [
        *_event_cells(r)[:4],
        Text(str(nested(r, "location", "name") or "")),
        Text(str(c["mentions"])),
        Text(str(c["articles"])),
        Text(str(c["outlets"])),
        Text(str(c["copies"])),
    ]


def write_clusters(
    rows: list[Any], fmt: Format, stream: TextIO, *, width: int | None = None
) -> int:
    """Write event clusters (`tacitus.dedup.cluster_rows`): a table with their counts, one
    JSON object a line (`dedup.cluster_dict`), or the flat export CSV; returns how many."""
    from tacitus.dedup import cluster_dict
    from tacitus.export.flat import write_csv

    _check(fmt)
    if fmt == "jsonl":
        return _write_jsonl((cluster_dict(row) for row in rows), stream)
    if fmt == "csv":
        return write_csv(rows, stream, clusters=True)
    headers = ("date", "source", "event", "target", "where", "mentions", "articles", "outlets",
               "copies")  # fmt: skip
    return _write_table(rows, stream, headers, _cluster_cells, width)
