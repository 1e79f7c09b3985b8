"""Fuzzing target for the readers (atheris, libFuzzer): `make fuzz`, or

    .venv/bin/python fuzz/readers.py -runs=10000 -timeout=20 fuzz/corpus

Each input is written to a file of a chosen suffix (compressed or not) and also given as
standard input; the readers must yield at least one record for each (nothing lost), every
record an Article or a Failure whose strings are valid UTF-8, and never raise. libFuzzer
reports a crash for any exception and a hang for an input slower than -timeout seconds.
The seed corpus is written from tests/regressions/hostile.py on first use.
"""

from __future__ import annotations

import io
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["tacitus"]):
    from tacitus.ingest import read_inputs
    from tacitus.model import Article, Failure

SUFFIXES = (
    ".txt", ".jsonl", ".json", ".html", ".rss", ".xml", ".sgm", ".warc", ".warc.gz",
    ".txt.gz", ".jsonl.bz2", ".html.xz", ".json.zst", ".unknown",
)  # fmt: skip
# Small limits make the oversized paths reachable with small inputs.
MAX_CHARS = 20_000
WORK = Path(tempfile.mkdtemp(prefix="tacitus-fuzz-"))


def check(items: list[Article | Failure], source: str) -> None:
    if not items:
        raise AssertionError(f"{source}: no record at all (an input was lost)")
    for item in items:
        if not isinstance(item, (Article, Failure)):
            raise AssertionError(f"{source}: yielded {type(item).__name__}")
        fields = [item.text, item.origin or ""]
        fields.append(item.id if isinstance(item, Article) else item.article_id)
        for value in fields:
            value.encode("utf-8")  # raises on a lone surrogate


def test_one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    suffix = SUFFIXES[provider.ConsumeIntInRange(0, len(SUFFIXES) - 1)]
    payload = provider.ConsumeBytes(provider.remaining_bytes())
    path = WORK / f"input{suffix}"
    path.write_bytes(payload)
    check(list(read_inputs([str(path)], max_chars=MAX_CHARS)), suffix)
    stdin = io.BytesIO(payload)
    check(list(read_inputs(["-"], stdin=stdin, max_chars=MAX_CHARS)), "stdin")


def seed(corpus: Path) -> None:
    """The regression inputs as the first corpus, each behind every suffix index 0..n."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.regressions.hostile import GOOD, HOSTILE

    corpus.mkdir(parents=True, exist_ok=True)
    for n, data in enumerate([*GOOD.values(), *HOSTILE.values()]):
        for index in range(len(SUFFIXES)):
            (corpus / f"seed-{n}-{index}").write_bytes(bytes([index]) * 4 + data[:50_000])


def main() -> None:
    corpora = [Path(arg) for arg in sys.argv[1:] if not arg.startswith("-")]
    for corpus in corpora:
        if not corpus.exists():
            seed(corpus)
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
