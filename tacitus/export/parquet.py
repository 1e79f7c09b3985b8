"""Parquet, partitioned by month (`month=2024-03/part-0.parquet`), with every field.

Nested fields stay nested, as structs and lists, so `record.source.code` in DuckDB or
`df["source"].struct.field("code")` in polars reads what `tacitus code --format jsonl` prints.
The known fields have a fixed schema, so every month's file has the same columns whatever its
events happen to leave null; a field added to the record later is kept with an inferred type.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.dataset as ds

from tacitus.errors import InputError
from tacitus.export.rows import ExportRow

_S = pa.string()
ACTOR = pa.struct([("text", _S), ("code", _S), ("country", _S), ("sectors", pa.list_(_S)),
                   ("name", _S), ("why", _S)])  # fmt: skip
RECORD_FIELDS: list[pa.Field] = [
    pa.field("id", _S), pa.field("article_id", _S), pa.field("sentence", pa.int32()),
    pa.field("span", pa.list_(pa.int32())), pa.field("text", _S),
    pa.field("source", ACTOR), pa.field("target", ACTOR),
    pa.field("cameo", _S), pa.field("cameo_name", _S), pa.field("root", _S),
    pa.field("plover", pa.struct([("type", _S), ("mode", _S)])),
    pa.field("goldstein", pa.float64()), pa.field("quad_class", pa.int8()),
    pa.field("polarity", _S), pa.field("modality", _S),
    pa.field("attribution", pa.struct([
        ("status", _S), ("by", pa.list_(pa.struct([("name", _S), ("kind", _S), ("code", _S)]))),
        ("why", _S),
    ])),
    pa.field("location", pa.struct([
        ("name", _S), ("geonameid", pa.int64()), ("lat", pa.float64()), ("lon", pa.float64()),
        ("country", _S), ("admin1", _S), ("precision", _S), ("why", _S),
    ])),
    pa.field("date", pa.struct([("value", _S), ("precision", _S), ("raw", _S), ("why", _S)])),
    pa.field("confidence", pa.float64()), pa.field("trigger", _S), pa.field("segment", _S),
    pa.field("why", _S),
]  # fmt: skip
ARTICLE = pa.struct([("url", _S), ("outlet", _S), ("published", pa.date32()), ("origin", _S),
                     ("title", _S)])  # fmt: skip
MENTION = pa.struct([
    ("event_id", _S), ("article_id", _S), ("outlet", _S), ("url", _S), ("sentence", pa.int32()),
    ("first_seen", pa.timestamp("us")), ("confidence", pa.float64()),
    ("span", pa.list_(pa.int32())), ("text_length", pa.int64()), ("copy_of", _S),
])  # fmt: skip
CLUSTER = pa.struct([
    ("cluster_id", _S), ("mentions", pa.int32()), ("articles", pa.int32()),
    ("outlets", pa.int32()), ("stories", pa.int32()), ("copies", pa.int32()),
    ("first_seen", pa.timestamp("us")),
])  # fmt: skip
UNDATED = "undated"  # the partition of events with neither an event nor a publication date


def arrow_table(rows: list[ExportRow], *, clusters: bool = False) -> pa.Table:
    """The rows as one Arrow table: the record's fields as columns, nested as structs, its
    article as the struct `article`, and with `clusters` the `cluster` counts and `mentions`."""
    return pa.table(_columns(rows, clusters))


def _columns(rows: list[ExportRow], clusters: bool) -> dict[str, pa.Array]:
    records = [row.record for row in rows]
    columns: dict[str, pa.Array] = {
        f.name: pa.array([r.get(f.name) for r in records], type=f.type) for f in RECORD_FIELDS
    }
    known = {f.name for f in RECORD_FIELDS}
    extras = sorted({k for r in records for k in r} - known)
    for key in extras:  # a field a later stage added to the record
        columns[key] = pa.array([r.get(key) for r in records])
    articles = [{k: row.article.get(k) for k in ARTICLE.names} for row in rows]
    columns["article"] = pa.array(articles, type=ARTICLE)
    if clusters:
        columns["cluster"] = pa.array([row.cluster for row in rows], type=CLUSTER)
        mentions = [[_mention(m) for m in row.mentions] for row in rows]
        columns["mentions"] = pa.array(mentions, type=pa.list_(MENTION))
    return columns


def _mention(mention: Any) -> dict[str, Any]:
    out = asdict(mention)
    out["span"] = list(mention.span)
    return out


def write_parquet(rows: Iterable[ExportRow], directory: Path, *, clusters: bool = False) -> int:
    """Write the rows under `directory`, one hive partition per month; returns how many.

    Re-exporting into the same directory replaces the months it writes, so an export can be
    refreshed in place; months it does not write are left alone.
    """
    if directory.exists() and not directory.is_dir():
        raise InputError(f"{directory} exists and is not a directory; Parquet needs a directory")
    batch = list(rows)
    table = arrow_table(batch, clusters=clusters)
    months = pa.array([(row.when or UNDATED)[:7] for row in batch], type=_S)
    table = table.append_column("month", months)
    ds.write_dataset(
        table,
        directory,
        format="parquet",
        partitioning=ds.partitioning(pa.schema([("month", _S)]), flavor="hive"),
        basename_template="part-{i}.parquet",
        existing_data_behavior="delete_matching",
    )
    return len(batch)
