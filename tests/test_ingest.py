"""The ingest stage: every input becomes an Article or a Failure with a reason; nothing raises."""

from __future__ import annotations

import hashlib
import io
import json
from datetime import date
from pathlib import Path
from typing import BinaryIO

import pytest

from tacitus.ingest import content_id, read_inputs
from tacitus.model import Article, Failure

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLES = Path(__file__).resolve().parents[1] / "tacitus" / "data" / "samples"

STORY = (
    "Chile and Argentina open talks on lithium exports\n\n"
    "SANTIAGO — Chile and Argentina opened talks on Monday on coordinating lithium exports, "
    "officials said.\n"
)


def read_one(
    source: str,
    *,
    published: date | None = None,
    stdin: BinaryIO | None = None,
    max_chars: int = 1_000_000,
) -> Article | Failure:
    results = list(read_inputs([source], published=published, stdin=stdin, max_chars=max_chars))
    assert len(results) == 1, results
    return results[0]


def article(result: Article | Failure) -> Article:
    assert isinstance(result, Article), result
    return result


def failure(result: Article | Failure) -> Failure:
    assert isinstance(result, Failure), result
    return result


def write(tmp_path: Path, name: str, data: bytes | str) -> str:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return str(path)


# --- plain text ------------------------------------------------------------------------------


def test_a_text_file_is_one_article_with_a_content_hash_id(tmp_path: Path) -> None:
    path = write(tmp_path, "story.txt", STORY)
    got = article(read_one(path))
    assert got.text == STORY.strip()
    assert got.id == hashlib.sha1(STORY.strip().encode()).hexdigest()[:16]
    assert got.id == content_id(got.text)
    assert got.origin == path
    assert got.published is None and got.published_origin is None


def test_the_same_text_gets_the_same_id_whatever_the_line_endings(tmp_path: Path) -> None:
    unix = article(read_one(write(tmp_path, "a.txt", STORY)))
    windows = article(read_one(write(tmp_path, "b.txt", STORY.replace("\n", "\r\n"))))
    assert unix.id == windows.id
    assert "\r" not in windows.text


def test_a_byte_order_mark_is_not_part_of_the_text(tmp_path: Path) -> None:
    got = article(read_one(write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + STORY.encode())))
    assert got.text.startswith("Chile")


def test_utf16_with_a_byte_order_mark_is_decoded(tmp_path: Path) -> None:
    got = article(read_one(write(tmp_path, "u16.txt", STORY.encode("utf-16"))))
    assert got.text == STORY.strip()


def test_the_callers_date_is_recorded_as_from_the_cli(tmp_path: Path) -> None:
    got = article(read_one(write(tmp_path, "s.txt", STORY), published=date(2021, 12, 4)))
    assert got.published == date(2021, 12, 4)
    assert got.published_origin == "cli"


# --- JSON lines ------------------------------------------------------------------------------


def test_jsonl_lines_keep_their_metadata_and_a_bad_line_does_not_stop_the_rest() -> None:
    path = str(FIXTURES / "mixed.jsonl")
    results = list(read_inputs([path]))
    assert [r.origin for r in results] == [f"{path}:{n}" for n in (1, 2, 3, 5)]

    first = article(results[0])
    assert first.id == "kz-1"
    assert first.url == "https://example.org/kz-1"
    assert first.outlet == "Example Daily"
    assert first.title == "Kazakhstan and China sign pipeline deal"
    assert first.published == date(2023, 11, 2)  # from an ISO datetime with a Z
    assert first.published_origin == "jsonl"

    not_json = failure(results[1])
    assert "line 2 is not JSON" in not_json.reason
    assert not_json.text == "this line is not json"

    no_text = failure(results[2])
    assert f"{path}:3" in no_text.reason and "text" in no_text.reason
    assert '"kz-3"' in no_text.text  # the record itself is kept

    no_id = article(results[3])
    assert no_id.id == content_id(no_id.text)
    assert no_id.published == date(2023, 11, 3)


def test_the_callers_date_wins_over_the_jsonl_date() -> None:
    results = list(read_inputs([str(FIXTURES / "mixed.jsonl")], published=date(2024, 1, 1)))
    dated = [r for r in results if isinstance(r, Article)]
    assert {(a.published, a.published_origin) for a in dated} == {(date(2024, 1, 1), "cli")}


def test_an_unreadable_jsonl_date_is_ignored_not_fatal(tmp_path: Path) -> None:
    line = json.dumps({"text": "Officials met in Lima on Monday.", "published": "last week"})
    got = article(read_one(write(tmp_path, "d.jsonl", line + "\n")))
    assert got.published is None


def test_a_json_file_may_hold_an_array_of_records(tmp_path: Path) -> None:
    records = [{"id": "a", "text": "One story."}, {"id": "b", "text": "Another story."}]
    path = write(tmp_path, "arr.json", json.dumps(records, indent=2))
    results = [article(r) for r in read_inputs([path])]
    assert [(a.id, a.origin) for a in results] == [("a", f"{path}:1"), ("b", f"{path}:2")]


def test_a_jsonl_line_with_invalid_utf8_is_a_failure_naming_the_line(tmp_path: Path) -> None:
    good = json.dumps({"text": "Ministers met in Rome."}).encode()
    path = write(tmp_path, "bad.jsonl", good + b"\n" + b'{"text": "caf\xe9"}\n' + good + b"\n")
    results = list(read_inputs([path]))
    assert [type(r).__name__ for r in results] == ["Article", "Failure", "Article"]
    assert results[1].origin == f"{path}:2"
    assert "invalid UTF-8 at byte" in failure(results[1]).reason


# --- HTML ------------------------------------------------------------------------------------


def test_html_gives_the_title_as_headline_and_the_page_date() -> None:
    got = article(read_one(str(FIXTURES / "article.html")))
    assert got.title == "Kenya and Ethiopia sign border security pact"
    assert got.text.startswith(got.title + "\n\n")
    assert "joint patrols along their shared border" in got.text
    assert "All rights reserved" not in got.text and "Sport" not in got.text
    assert got.published == date(2023, 9, 14)
    assert got.published_origin == "html"
    assert got.outlet == "Example Daily"


def test_html_paragraphs_are_separated_by_blank_lines() -> None:
    got = article(read_one(str(FIXTURES / "article.html")))
    paragraphs = got.text.split("\n\n")
    assert len(paragraphs) == 5  # headline + four paragraphs
    assert paragraphs[1].startswith("NAIROBI —")


def test_html_without_an_article_body_is_a_failure_keeping_the_page() -> None:
    got = failure(read_one(str(FIXTURES / "no_body.html")))
    assert "no article body" in got.reason
    assert "<title>Page not found</title>" in got.text


# --- directories and stdin -------------------------------------------------------------------


def test_directories_are_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    write(tmp_path, "b.txt", "Second story about talks in Oslo.")
    write(tmp_path, "a/z.md", "First story about talks in Riga.")
    write(tmp_path, "c.html.bak", "ignored: unknown suffix")
    write(tmp_path, ".hidden/x.txt", "ignored: hidden folder")
    write(tmp_path, "C.TXT", "Upper-case suffixes count too.")
    origins = [r.origin for r in read_inputs([str(tmp_path)])]
    assert origins == [str(tmp_path / n) for n in ("C.TXT", "a/z.md", "b.txt")]


def test_the_fixture_directory_reads_without_raising() -> None:
    results = list(read_inputs([str(FIXTURES)]))
    assert sum(isinstance(r, Article) for r in results) >= 8
    assert all(r.origin for r in results)


@pytest.mark.parametrize(
    ("data", "expect_text_start"),
    [
        (STORY.encode(), "Chile"),
        (b"<!DOCTYPE html>" + (FIXTURES / "article.html").read_bytes().split(b"\n", 1)[1], "Kenya"),
        (json.dumps({"id": "s1", "text": STORY}).encode() + b"\n", "Chile"),
    ],
    ids=["text", "html", "jsonl"],
)
def test_stdin_is_sniffed_as_text_html_or_jsonl(data: bytes, expect_text_start: str) -> None:
    got = article(read_one("-", stdin=io.BytesIO(data)))
    assert got.text.startswith(expect_text_start)
    assert got.origin in {"stdin", "stdin:1"}


def test_jsonl_on_stdin_names_its_lines() -> None:
    lines = b'{"text": "One."}\n{"text": "Two."}\nnot json\n'
    results = list(read_inputs(["-"], stdin=io.BytesIO(lines)))
    assert [r.origin for r in results] == ["stdin:1", "stdin:2", "stdin:3"]
    assert isinstance(results[2], Failure)


# --- bad inputs ------------------------------------------------------------------------------


def test_a_missing_path_is_a_failure() -> None:
    got = failure(read_one("/no/such/article.txt"))
    assert got.origin == "/no/such/article.txt"
    assert "no such file or directory" in got.reason


@pytest.mark.parametrize("data", [b"", b"   \n\t\n"], ids=["empty", "whitespace"])
def test_an_empty_file_is_a_failure(tmp_path: Path, data: bytes) -> None:
    assert "empty" in failure(read_one(write(tmp_path, "e.txt", data))).reason


@pytest.mark.parametrize(
    "data",
    [b"PK\x03\x04\x14\x00\x00\x00" + bytes(range(256)), bytes(range(1, 32)) * 20],
    ids=["nul-bytes", "control-characters"],
)
def test_a_binary_file_is_a_failure(tmp_path: Path, data: bytes) -> None:
    got = failure(read_one(write(tmp_path, "photo.txt", data)))
    assert "binary" in got.reason


def test_invalid_utf8_names_the_byte_offset_and_keeps_the_text(tmp_path: Path) -> None:
    data = "Talks in Bogotá".encode("latin-1") + b" ended on Friday."
    got = failure(read_one(write(tmp_path, "latin.txt", data)))
    assert "invalid UTF-8 at byte 14" in got.reason  # "Talks in Bogot" is 14 bytes
    assert got.text == "Talks in Bogot\ufffd ended on Friday."


def test_an_article_over_the_size_limit_is_a_failure_keeping_all_its_text(tmp_path: Path) -> None:
    text = "Officials met again. " * 10
    got = failure(read_one(write(tmp_path, "long.txt", text), max_chars=100))
    assert "209 characters" in got.reason and "limit of 100" in got.reason
    assert got.text == text.strip()
    assert got.article_id == content_id(text.strip())


def test_odd_inputs_never_raise(tmp_path: Path) -> None:
    odd = [b"\x00", b"{", b"[1, 2]", b"<html>", b"\xff\xfe\x00", b"\xef\xbb\xbf", b"}\n{"]
    sources = [write(tmp_path, f"odd{i}.{ext}", d) for i, d in enumerate(odd) for ext in ("txt",)]
    sources += [write(tmp_path, f"odd{i}.json", d) for i, d in enumerate(odd)]
    sources += [write(tmp_path, f"odd{i}.html", d) for i, d in enumerate(odd)]
    results = list(read_inputs(sources))
    assert len(results) >= len(sources)
    assert all(isinstance(r, Article | Failure) for r in results)


# --- the project's sample articles -----------------------------------------------------------


def test_the_samples_are_six_wire_stories_with_metadata() -> None:
    results = [article(r) for r in read_inputs([str(SAMPLES)])]
    assert len(results) == 6
    assert len({a.id for a in results}) == 6
    for got in results:
        assert got.url and got.url.startswith("https://example.org/")
        assert got.outlet and got.published and got.published_origin == "jsonl"
        assert got.title and got.text.startswith(got.title + "\n\n")
        assert 150 <= len(got.text.split()) <= 350
        assert "“" in got.text or '"' in got.text  # a quoted statement
