"""What ingest noticed besides the records it yields: files of no supported type, duplicate
records and id collisions. The CLI's run summary reads it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class IngestReport:
    records: int = 0  # records yielded, duplicates included (each file's records count)
    # Files inside a named folder whose type no reader knows (images, archives, .zip ...).
    unsupported: list[str] = field(default_factory=list)
    # (origin, origin of the first copy): the same text given twice, kept once.
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    # (origin, id the input gave, id it was stored under): a different text reusing an id.
    collisions: list[tuple[str, str, str]] = field(default_factory=list)
