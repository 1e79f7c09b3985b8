"""What ingest noticed besides the records it yields: files of no supported type, duplicate
records and id collisions. The CLI's run summary reads it.

The lists hold only the most recent entries (`RECENT`): a consumer that wants every one (the
CLI, noting each duplicate's source in the store) drains them as it goes with `take_*`; the
counts cover the whole run. So a corpus of millions of copies cannot grow the report without
bound.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

# Far more than the records one batch of the CLI pulls between two drains (a few hundred), so
# a draining consumer misses none; a few MB at most for one that never drains.
RECENT = 10_000


def _recent() -> deque[tuple[str, ...]]:
    return deque(maxlen=RECENT)


@dataclass(slots=True)
class IngestReport:
    records: int = 0  # records yielded, duplicates included (each file's records count)
    # Files inside a named folder whose type no reader knows (images, archives, .zip ...).
    unsupported: list[str] = field(default_factory=list)
    # (origin, origin of the first copy, id of the article kept): the same text given twice,
    # kept once.
    duplicates: deque[tuple[str, ...]] = field(default_factory=_recent)
    # (origin, id the input gave, id it was stored under): a different text reusing an id.
    collisions: deque[tuple[str, ...]] = field(default_factory=_recent)
    n_duplicates: int = 0
    n_collisions: int = 0

    def duplicate(self, origin: str, first_origin: str, article_id: str) -> None:
        self.n_duplicates += 1
        self.duplicates.append((origin, first_origin, article_id))

    def collision(self, origin: str, given_id: str, new_id: str) -> None:
        self.n_collisions += 1
        self.collisions.append((origin, given_id, new_id))

    def take_duplicates(self) -> list[tuple[str, ...]]:
        """The duplicates noted since the last call, removed from the report."""
        taken = list(self.duplicates)
        self.duplicates.clear()
        return taken
