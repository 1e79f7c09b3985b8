"""Property test of the command line (issues 12 and 13): generated folders of hostile files,
and hostile standard input, run through `tacitus code` in-process. Whatever they hold, the run
ends with 0 or 1 (never a crash, never a usage error), its summary adds up, and the store holds
a row for every record the summary says was coded, failed or skipped.

Bounded for CI: a fixed number of derandomised examples of a few small files each; `make fuzz`
is the long search.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path
from typing import Any

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from tacitus.cli import app
from tests.test_hostile_properties import HOSTILE_TEXT, JSON_VALUES, SUFFIXES

pytestmark = pytest.mark.slow

CLI_BOUNDED = settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

GOOD = "Police arrested ten protesters in Nairobi on Monday, officials said."
SUMMARY = re.compile(
    r"(\d+) record\(s\) read: (\d+) coded .*?, (\d+) failed, (\d+) skipped, "
    r"(\d+) duplicate\(s\), (\d+) already coded"
)


def _json_lines(values: list[Any]) -> bytes:
    return "\n".join(json.dumps(v) for v in values).encode("utf-8")


CONTENT = st.one_of(
    st.binary(max_size=2000),
    HOSTILE_TEXT.map(lambda t: t.encode("utf-8", errors="surrogatepass")),
    st.lists(JSON_VALUES, max_size=6).map(_json_lines),
    st.just(GOOD.encode("utf-8")),
)
FILES = st.lists(st.tuples(SUFFIXES, CONTENT), min_size=1, max_size=4)


def summary_of(stderr: str) -> tuple[int, ...]:
    found = SUMMARY.search(" ".join(stderr.split()))
    assert found, stderr
    return tuple(map(int, found.groups()))


def statuses(db: Path) -> dict[str, int]:
    if not db.exists():
        return {}
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT status, count(*) FROM articles GROUP BY status").fetchall()
    return {str(status): int(n) for status, n in rows}


def check_run(files: list[tuple[str, bytes]], stdin: bytes | None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for number, (suffix, content) in enumerate(files):
            (folder / f"{number}{suffix}").write_bytes(content)
        db = Path(tmp) / "run.duckdb"
        args = ["code", str(folder), "--db", str(db), "--quiet", "--max-chars", "5000"]
        if stdin is not None:
            args.insert(1, "-")
        result = CliRunner().invoke(app, args, input=stdin)
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            result.exception
        )
        if not any(suffix != ".weird" for suffix, _ in files) and stdin is None:
            assert result.exit_code == 1  # nothing to read is an error of the input
            return
        assert result.exit_code in (0, 1), result.stderr
        given_, coded, failed, skipped, duplicates, already = summary_of(result.stderr)
        assert coded + failed + skipped + duplicates + already == given_
        assert "do not add up" not in result.stderr
        # A named folder's readable files each leave a record at least (stdin one more).
        assert given_ >= sum(s != ".weird" for s, _ in files) + (stdin is not None)
        stored = statuses(db)
        assert stored.get("coded", 0) == coded
        assert stored.get("failed", 0) == failed
        assert stored.get("skipped", 0) == skipped


@CLI_BOUNDED
@given(files=FILES)
def test_any_folder_of_hostile_files_is_accounted_for(files: list[tuple[str, bytes]]) -> None:
    check_run(files, stdin=None)


@CLI_BOUNDED
@given(files=FILES, stdin=CONTENT)
def test_hostile_standard_input_beside_a_folder_is_accounted_for(
    files: list[tuple[str, bytes]], stdin: bytes
) -> None:
    check_run(files, stdin=stdin)
