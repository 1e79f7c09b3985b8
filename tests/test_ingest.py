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
from tests.conftest import require_eval

FIXTURES = Path(__file__).parent / "fixtures"
FEEDS = FIXTURES / "feeds"
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
    later = json.dumps({"text": "Ministers met in Paris."}).encode()
    path = write(tmp_path, "bad.jsonl", good + b"\n" + b'{"text": "caf\xe9"}\n' + later + b"\n")
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


# --- feeds: RSS, Atom, JSON Feed -------------------------------------------------------------


def read_all(source: str, *, published: date | None = None) -> list[Article | Failure]:
    return list(read_inputs([source], published=published))


def test_each_rss_item_is_an_article_with_its_guid_link_outlet_and_date() -> None:
    path = str(FEEDS / "wire.rss")
    results = read_all(path)
    assert [r.origin for r in results] == [f"{path}:{n}" for n in range(1, 6)]

    first = article(results[0])
    assert first.id == "ew-2024-0305-117"
    assert first.url == "https://example.org/world/peru-bolivia-border"
    assert first.outlet == "Example Wire"
    assert first.title == "Peru and Bolivia agree to reopen border crossing"
    # 21:30 at -0500 is the 6th in UTC: the feed's own calendar day is the one kept.
    assert first.published == date(2024, 3, 5)
    assert first.published_origin == "feed"

    last = article(results[4])
    assert last.id == "https://example.org/world/norway-moldova"
    assert last.published == date(2024, 3, 6)


def test_html_in_a_description_becomes_paragraphs_of_plain_text() -> None:
    first = article(read_all(str(FEEDS / "wire.rss"))[0])
    assert first.text == (
        "Peru and Bolivia agree to reopen border crossing\n\n"
        "LIMA — Peru and Bolivia agreed on Tuesday to reopen the Desaguadero crossing, "
        "closed since January.\n\n"
        "Trucks carrying fuel & food will pass first, the two foreign ministries said."
    )


def test_item_content_wins_over_the_description_and_scripts_are_dropped() -> None:
    second = article(read_all(str(FEEDS / "wire.rss"))[1])
    assert second.text.startswith("Ghana recalls ambassador after visa dispute\n\nACCRA —")
    assert second.text.endswith("visa fees for traders.\n\nOfficials in Lome did not comment.")
    assert "teaser" not in second.text and "track(" not in second.text


def test_an_item_without_a_guid_or_date_gets_the_content_hash_and_no_date() -> None:
    second = article(read_all(str(FEEDS / "wire.rss"))[1])
    assert second.id == content_id(second.text)
    assert second.published is None and second.published_origin is None


def test_an_item_with_no_text_is_a_failure_naming_file_and_item() -> None:
    path = str(FEEDS / "wire.rss")
    got = failure(read_all(path)[2])
    assert got.reason == f"{path}: item 3 has no text (no content, summary or description)"
    assert got.article_id == "https://example.org/live/markets"
    assert got.text == "Live: markets open"


def test_an_item_under_five_words_is_a_failure_too_short_to_code() -> None:
    path = str(FEEDS / "wire.rss")
    got = failure(read_all(path)[3])
    assert f"{path}: item 4 is too short to code" in got.reason
    assert got.text == "Watch: summit arrivals\n\nVideo, 2 minutes"


def test_the_callers_date_wins_over_the_feed_date() -> None:
    results = read_all(str(FEEDS / "wire.rss"), published=date(2024, 1, 1))
    dated = [r for r in results if isinstance(r, Article)]
    assert {(a.published, a.published_origin) for a in dated} == {(date(2024, 1, 1), "cli")}


def test_atom_entries_use_content_then_summary_and_published_then_updated() -> None:
    path = str(FEEDS / "bulletin.atom")
    first, second = (article(r) for r in read_all(path))
    assert first.outlet == "Example Bulletin"  # an HTML feed title loses its markup
    assert first.id == "tag:example.org,2024:bulletin/4411"
    assert first.url == "https://example.org/bulletin/4411"
    assert first.published == date(2024, 4, 10)  # <published>, not the later <updated>
    assert "short summary" not in first.text
    assert first.text.split("\n\n")[1].startswith("MANILA — Coast guard vessels")

    assert second.published == date(2024, 4, 9)  # only <updated>
    assert second.text.endswith("Talks 5 < 6 went on late.")  # a text summary is not HTML


def test_json_feed_items_map_id_url_title_content_and_dates() -> None:
    path = str(FEEDS / "digest.json")
    results = read_all(path)
    first, second = article(results[0]), article(results[1])
    assert (first.id, first.outlet, first.published) == (
        "2024-05-20-01",
        "Example Digest",
        date(2024, 5, 20),
    )
    assert first.text.startswith("Senegal and Mauritania sign gas export accord\n\nDAKAR —")
    assert "<p>" not in first.text
    assert second.id == "77"  # a numeric id is kept as text
    assert second.published == date(2024, 5, 19)  # date_modified when unpublished
    assert second.text.endswith("Sunday.\n\nPolice said the rally was peaceful.")
    assert "item 3 has no text" in failure(results[2]).reason


def test_a_broken_feed_is_one_failure_naming_the_file_and_the_error() -> None:
    path = str(FEEDS / "truncated.rss")
    got = failure(read_one(path))
    assert got.reason.startswith(f"{path}: not a readable feed: line 5")
    assert "<title>Example Wire</title>" in got.text


def test_a_feed_declared_in_an_encoding_it_is_not_in_is_a_failure(tmp_path: Path) -> None:
    utf8_claiming_utf16 = (
        b'<?xml version="1.0" encoding="utf-16"?><rss version="2.0"><channel><title>T</title>'
        b"<item><title>A</title><description>Ministers met in Quito on Monday.</description>"
        b"</item></channel></rss>"
    )
    got = failure(read_one(write(tmp_path, "wrong.rss", utf8_claiming_utf16)))
    assert "not a readable feed" in got.reason


def test_xml_that_is_not_a_feed_is_a_failure(tmp_path: Path) -> None:
    path = write(tmp_path, "books.xml", "<?xml version='1.0'?><catalog><book>A</book></catalog>")
    assert failure(read_one(path)).reason == f"{path}: not an RSS, Atom or JSON feed"


def test_directories_pick_up_feed_files(tmp_path: Path) -> None:
    for name in ("wire.rss", "bulletin.atom", "digest.json"):
        write(tmp_path, name, (FEEDS / name).read_bytes())
    origins = {str(r.origin).rsplit(":", 1)[0] for r in read_inputs([str(tmp_path)])}
    assert origins == {str(tmp_path / n) for n in ("bulletin.atom", "digest.json", "wire.rss")}


@pytest.mark.parametrize(
    ("name", "suffix"),
    [("wire.rss", ".feed"), ("bulletin.atom", ".txt2"), ("digest.json", ".dat")],
    ids=["rss", "atom", "json-feed"],
)
def test_feeds_are_sniffed_on_stdin_and_behind_unknown_suffixes(
    tmp_path: Path, name: str, suffix: str
) -> None:
    data = (FEEDS / name).read_bytes()
    from_stdin = list(read_inputs(["-"], stdin=io.BytesIO(data)))
    assert article(from_stdin[0]).origin == "stdin:1"
    renamed = write(tmp_path, "feed" + suffix, data)
    assert [type(r) for r in read_inputs([renamed])] == [type(r) for r in from_stdin]


def test_an_rdf_rss_1_0_feed_is_sniffed_from_its_root_element() -> None:
    rdf = (
        b'<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        b' xmlns="http://purl.org/rss/1.0/"><channel rdf:about="https://example.org/">'
        b'<title>Example RDF</title></channel><item rdf:about="https://example.org/1">'
        b"<title>Talks</title><description>Envoys from Laos and Vietnam met in Hanoi.</description>"
        b"</item></rdf:RDF>"
    )
    got = article(read_one("-", stdin=io.BytesIO(rdf)))
    assert got.outlet == "Example RDF" and got.id == "https://example.org/1"


def feed_documents(root: Path) -> list[Path]:
    """The feed documents in the evaluation samples, without the expected parses beside them."""
    suffixes = {".xml", ".rss", ".atom", ".json"}
    return sorted(
        path
        for path in root.rglob("*")
        if path.suffix in suffixes and not path.name.endswith(".serde.json")
    )


def expected_dates(document: Path) -> list[date | None] | None:
    """Each entry's date (published, else updated) in the expected parse beside a feed-rs
    sample, in UTC; None when there is no expected parse."""
    expected = document.with_name(document.name.rsplit(".", 1)[0] + ".serde.json")
    if not expected.exists():
        return None
    entries = json.loads(expected.read_text())["entries"]
    stamps = [entry.get("published") or entry.get("updated") for entry in entries]
    return [date.fromisoformat(stamp[:10]) if stamp else None for stamp in stamps]


def test_the_evaluation_feeds_read_with_dates_and_invalid_documents_fail() -> None:
    documents = feed_documents(require_eval("feeds"))
    assert len(documents) >= 60
    articles: list[Article] = []
    for path in documents:
        results = list(read_inputs([str(path)]))  # never raises
        dates = expected_dates(path)
        if "feed-rs-fixtures" in path.parts and dates is None:
            # No expected parse: an invalid or non-feed document, one Failure for the file.
            assert len(results) == 1 and isinstance(results[0], Failure), path
            assert results[0].reason.startswith(f"{path}: not "), results[0].reason
            continue
        assert results, path
        assert [r.origin for r in results] == [f"{path}:{n}" for n in range(1, len(results) + 1)]
        for result, want in zip(results, dates or [None] * len(results), strict=True):
            if isinstance(result, Article):
                articles.append(result)
                if want is not None:
                    # The expected parse is in UTC and tacitus keeps the feed's own calendar
                    # day, so they are at most one day apart.
                    assert result.published is not None, result.origin
                    assert abs((result.published - want).days) <= 1, result.origin
    dated = [a for a in articles if a.published is not None]
    assert len(dated) >= 70 and len(dated) >= 0.85 * len(articles)
    assert all(a.published_origin == "feed" for a in dated)


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
