"""Loading a worker's part as a run in one process would have stored its articles.

A worker sees only its own partition, so it cannot know that a text it coded was also in
another partition, or already in the store from an earlier run. The client decides when it
loads the part, against what the store already holds, by the rules `tacitus code` follows:

- the same text under the same id as a stored article is a copy: its rows are not loaded and
  its origin is noted as a further source of the stored article (`tacitus articles` shows it
  in `also_from`); an article's own origin (a re-run over the same files) is not noted;
- a different text reusing a stored article's id is kept under the derived id ``id~h`` (h:
  8 hex digits of its content id), its events under the ids they get in that article;
- a stored article that failed is replaced, so a re-run retries it;
- with `recode`, every article of the part replaces the stored one, as `--recode` does.

Syndicated copies (near-duplicates, not the same text) need nothing here: `tacitus.dedup`
finds them among all the stored articles whenever clusters are asked for, so a copy and its
original coded in different partitions are found as in a local run.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from tacitus.ingest.ids import derived_id
from tacitus.ingest.remote import filesystem, is_url
from tacitus.scale.partitions import Partition
from tacitus.store import Store


@dataclass(slots=True)
class Merge:
    """How to load one part: ids left out, ids renamed, further sources to note."""

    skip: set[str] = field(default_factory=set)
    renamed: dict[str, str] = field(default_factory=dict)
    sources: list[tuple[str, str]] = field(default_factory=list)


def plan(store: Store, directory: str | Path) -> Merge:
    """What loading the part in `directory` must leave out or rename, against the store."""
    articles = str(Path(directory) / "articles.parquet")
    clashes = store.rows(
        "SELECT p.id, p.origin, p.status, p.text, p.text = a.text FROM read_parquet(?) AS p "
        "JOIN articles AS a ON a.id = p.id WHERE a.status = 'coded'",
        [articles],
    )
    merge = Merge()
    incoming: dict[str, tuple[str, str]] = {}  # renamed id -> (origin, text)
    for article_id, origin, status, text, same in clashes:
        if status == "coded" and same:
            merge.skip.add(article_id)
            merge.sources.append((article_id, origin))
            continue
        # A failed record is told apart by where it came from as well (tacitus.ingest.ids).
        basis = (text or "") if status == "coded" else f"{origin}\n{text or ''}"
        merge.renamed[article_id] = derived_id(article_id, basis)
        incoming[article_id] = (origin, text or "")
    _already_renamed(store, merge, incoming)
    return merge


def _already_renamed(store: Store, merge: Merge, incoming: dict[str, tuple[str, str]]) -> None:
    """A renamed article whose new id is stored with the same text (a second run over the
    same files) is a copy too."""
    stored = store.coded_texts(merge.renamed.values())
    for article_id, (origin, text) in incoming.items():
        new = merge.renamed[article_id]
        if new in stored and stored[new] == text:
            del merge.renamed[article_id]
            merge.skip.add(article_id)
            merge.sources.append((new, origin))


def load(store: Store, directory: str | Path, *, recode: bool = False) -> tuple[int, int]:
    """Load the part: (articles loaded, copies of stored articles noted as sources). A part
    on object storage (an fsspec URL) is downloaded to a temporary directory first."""
    if isinstance(directory, str) and is_url(directory):
        with tempfile.TemporaryDirectory(prefix="tacitus-part-") as local:
            filesystem(directory).get(directory.rstrip("/") + "/", local, recursive=True)
            return _load(store, local, recode=recode)
    return _load(store, directory, recode=recode)


def _load(store: Store, directory: str | Path, *, recode: bool) -> tuple[int, int]:
    if recode:
        return store.load_parts(directory), 0
    merge = plan(store, directory)
    loaded = store.load_parts(directory, skip=merge.skip, renamed=merge.renamed)
    store.note_sources(merge.sources)
    return loaded - len(merge.skip), len(merge.skip)


def run_key(tasks: Sequence[Partition], *, recode: bool) -> str:
    """A key for a run over these partitions: the same command over unchanged inputs gets
    the same key, so an interrupted run started again knows which parts it loaded. A local
    file's size and modification time are part of it: a changed file is a new run."""
    described = [asdict(t) for t in tasks]
    files = sorted({p for t in tasks for p in (*t.paths, *(r[0] for r in t.records))})
    stamps = [_stamp(f) for f in files]
    blob = json.dumps([described, stamps, recode], default=str, sort_keys=True)
    return hashlib.sha1(blob.encode()).hexdigest()[:16]


def _stamp(path: str) -> tuple[str, int, int]:
    if is_url(path):
        return (path, -1, -1)
    try:
        info = os.stat(path)
    except OSError:
        return (path, -1, -1)
    return (path, info.st_size, info.st_mtime_ns)
