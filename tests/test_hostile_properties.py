"""Property tests (hypothesis) over ingest, clean and the whole pipeline with generated hostile
inputs: whatever the input, every stage returns records, never raises, and never loses one.

Bounded for CI: a fixed number of examples, derandomised so a run is reproducible; the long
search is `make fuzz`.
"""

from __future__ import annotations

import io
import json
import string
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tacitus
from tacitus.clean import clean
from tacitus.ingest import IngestReport, read_inputs
from tacitus.limits import is_prose, pieces
from tacitus.model import Article, CodingResult, Failure, Segment

BOUNDED = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Texts built from the pieces that broke things: controls, NUL, surrogates, markup, entity
# debris, runs of punctuation, zero-width and bidirectional characters, long words.
HOSTILE_ATOMS = st.sampled_from(
    [
        "\x00", "\x1b[31m", "[/red]", "\ud800", "\udcff", ".,", "<&", "&amp;", "\u200b",
        "\u202e", "\f", "\r\n", "\n\n", " ", "\t", "{", "}", "[", "]", '"', "\\",
        "Police arrested ten protesters in Nairobi on Monday.", "Kenya", "said", "1" * 50,
    ]
)  # fmt: skip
HOSTILE_TEXT = st.lists(st.one_of(HOSTILE_ATOMS, st.text(max_size=20)), max_size=40).map("".join)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=20,
)
SUFFIXES = st.sampled_from(
    [".txt", ".jsonl", ".json", ".html", ".rss", ".xml", ".sgm", ".warc", ".md", ".weird"]
)


def valid_utf8(item: Article | Failure) -> None:
    key = item.id if isinstance(item, Article) else item.article_id
    for value in (item.text, item.origin or "", key):
        value.encode("utf-8")


@BOUNDED
@given(data=st.binary(max_size=4000), suffix=SUFFIXES)
def test_any_bytes_in_any_file_give_records_never_an_exception(
    tmp_path: Path, data: bytes, suffix: str
) -> None:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    report = IngestReport()
    items = list(read_inputs([str(path)], report=report, max_chars=5000))
    assert items, "a named file always leaves a record"
    assert report.records == len(items) + len(report.duplicates)
    for item in items:
        valid_utf8(item)


@BOUNDED
@given(text=HOSTILE_TEXT)
def test_any_text_on_stdin_gives_records(text: str) -> None:
    data = text.encode("utf-8", errors="surrogatepass")
    items = list(read_inputs(["-"], stdin=io.BytesIO(data), max_chars=5000))
    assert items
    for item in items:
        valid_utf8(item)


@BOUNDED
@given(records=st.lists(JSON_VALUES, min_size=1, max_size=8))
def test_every_json_line_is_one_record(tmp_path: Path, records: list[Any]) -> None:
    path = tmp_path / "lines.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    report = IngestReport()
    items = list(read_inputs([str(path)], report=report))
    assert report.records == len(records)
    assert len(items) + len(report.duplicates) == len(records)


@BOUNDED
@given(text=HOSTILE_TEXT)
def test_clean_splits_any_text_into_spans_of_it(text: str) -> None:
    article = clean(Article(id="x", text=tacitus.ingest.safe_text(text)))
    for segment in article.segments:
        assert article.text[segment.start : segment.end] == segment.text


@BOUNDED
@given(text=HOSTILE_TEXT, limit=st.integers(min_value=20, max_value=400))
def test_pieces_cover_a_segment_in_bounded_spans(text: str, limit: int) -> None:
    segment = Segment("body", text, 7)
    parts = pieces(segment, limit)
    assert all(len(p.text) <= limit for p in parts)
    assert all(text[p.start - 7 : p.end - 7] == p.text for p in parts)
    assert "".join(p.text for p in parts).split() == text.split()


@pytest.mark.slow
@settings(max_examples=15, deadline=None, derandomize=True)
@given(text=HOSTILE_TEXT)
def test_the_pipeline_codes_or_fails_any_text(text: str) -> None:
    result = tacitus.code(text)
    assert isinstance(result, CodingResult)
    if result.failure is None:
        assert result.article.text


def test_debris_is_not_prose_and_news_is() -> None:
    assert not is_prose(".," * 500)
    assert not is_prose("<&" * 500)
    assert not is_prose("a.,a.,a.," * 100)
    assert is_prose("Police arrested ten protesters in Nairobi on Monday, officials said. " * 5)
    assert is_prose(string.punctuation)  # short: parsed whatever it holds
