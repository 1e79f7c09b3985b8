"""Inputs that once broke tacitus (issues 12 and 13), written by the project itself.

Each entry is a file name and its bytes; GOOD are records every run must store as coded. The
property tests, the "nothing lost" check and the fuzz target's seed corpus all use them.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import zipfile

STORY = (
    "Police arrested ten protesters in Nairobi on Monday, officials said. "
    "The government of Kenya condemned the violence."
)


def _jsonl(*records: object) -> bytes:
    return b"".join(json.dumps(r).encode() + b"\n" for r in records)


def _story(n: int) -> str:
    return f"{STORY} Report {n}."


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("inner.txt", STORY)
    return buf.getvalue()


# One good record in each of these files (their only record, or the one after the bad one).
GOOD: dict[str, bytes] = {
    "good.txt": _story(1).encode(),
    "nul-first-line.txt": b"\x00\n" + _story(2).encode(),
    "blank-start.jsonl": b"\n" * 9000 + _jsonl({"id": "blank-start", "text": _story(3)}),
    "nul-first-line.jsonl": b"\x00\x00\n" + _jsonl({"id": "after-nul", "text": _story(4)}),
    # Kept with the surrogate escaped as text: \ud800 is stored as the six characters.
    "lone-surrogate.jsonl": b'{"text": "Police arrested \\ud800 ten men in Lagos."}\n',
    "good.html.gz": gzip.compress(
        f"<html><head><title>Kenya</title></head><body><article><p>{_story(5)}</p>"
        f"<p>{_story(6)}</p></article></body></html>".encode()
    ),
}

# Files holding records that must each come out as a failed (or skipped) row, never a crash.
HOSTILE: dict[str, bytes] = {
    "deeply-nested.jsonl": b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n",
    "huge-integer.jsonl": b'{"text": "x", "id": 1' + b"0" * 5000 + b"}\n",
    "huge-integer-date.jsonl": b'{"text": "'
    + _story(7).encode()
    + b'", "published": 1'
    + b"0" * 5000
    + b"}\n",
    "not-json.jsonl": b"{this is not json}\n",
    "empty.txt": b"",
    "blank-unicode.txt": "\u200b\u2028\u3000 \u200b\n".encode(),
    "binary.txt": bytes(range(256)) * 64,
    "truncated.txt.gz": gzip.compress(STORY.encode() * 50)[:40],
    # In a folder "odd[": the path holds the rich markup "[/red]".
    "odd[/red]markup.txt": b"\x00" * 100,
    "\x1b[31mansi.txt": b"",
}
# A file of no supported type, in a folder: noted in the run's report, never read.
UNSUPPORTED: dict[str, bytes] = {"archive.zip": _zip()}
# A file name that is not valid UTF-8 (bytes, as the file system holds it).
BAD_NAME = b"bad-name-\xff.txt"


def write_corpus(folder: str) -> None:
    """Every file above into `folder`."""
    for name, data in {**GOOD, **HOSTILE, **UNSUPPORTED}.items():
        path = os.path.join(folder, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(data)
    with open(os.path.join(os.fsencode(folder), BAD_NAME), "wb") as handle:
        handle.write(_story(8).encode())
