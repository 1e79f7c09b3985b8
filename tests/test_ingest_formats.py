"""Ingest of corpus formats and hostile files (issues 10, 12, 13): web archives, compressed
files, Reuters SGML, other languages, standard input, sizes checked before reading."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import os
from datetime import date
from pathlib import Path

import pytest
import zstandard
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tacitus.ingest import IngestReport, read_inputs
from tacitus.model import Article, Failure
from tests.conftest import require_eval

STORY = (
    "Kenya and Ethiopia sign border security pact\n\n"
    "NAIROBI - Kenya and Ethiopia signed a border security agreement on Tuesday, and Kenyan "
    "police arrested six smugglers near the frontier, officials said. The two governments "
    "promised joint patrols along the whole length of the border before the rainy season."
)
PAGE = (
    "<html><head><title>Kenya and Ethiopia sign border security pact</title></head><body>"
    "<article><h1>Kenya and Ethiopia sign border security pact</h1>"
    + "".join(f"<p>{p}</p>" for p in STORY.split("\n\n")[1:])
    + "</article></body></html>"
)
FRENCH = (
    "<html><head><title>Le Kenya et l'Éthiopie signent un pacte</title></head><body><article>"
    "<p>Le Kenya et l'Éthiopie ont signé mardi un accord sur la sécurité de leur frontière "
    "commune, et la police kényane a arrêté six contrebandiers près de la frontière, ont "
    "déclaré des responsables. Les deux gouvernements ont promis des patrouilles communes "
    "le long de toute la frontière avant la saison des pluies, selon le ministère.</p>"
    "</article></body></html>"
)


def read(*sources: str, stdin: bytes | None = None, **kw: object) -> list[Article | Failure]:
    stream = io.BytesIO(stdin) if stdin is not None else None
    return list(read_inputs(list(sources), stdin=stream, **kw))  # type: ignore[arg-type]


def only_article(items: list[Article | Failure]) -> Article:
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


# --- web archives ------------------------------------------------------------------------


def _warc(path: Path, records: list[tuple[str, str, bytes, dict[str, str]]]) -> None:
    """A WARC.gz of HTTP responses: (url, status line, body, HTTP headers)."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, status, body, headers in records:
            http = StatusAndHeaders(status, list(headers.items()), protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body),
                http_headers=http,
                warc_headers_dict={"WARC-Date": "2024-03-05T10:00:00Z"},
            )
            writer.write_record(record)


def test_a_warc_yields_each_html_response_with_url_date_and_host(tmp_path: Path) -> None:
    html = {"Content-Type": "text/html; charset=utf-8"}
    path = tmp_path / "news.warc.gz"
    _warc(
        path,
        [
            ("https://news.example.com/a", "200 OK", PAGE.encode(), html),
            (
                "https://news.example.com/b.pdf",
                "200 OK",
                b"%PDF-1.4",
                {"Content-Type": "application/pdf"},
            ),
            ("https://news.example.com/c", "301 Moved", b"", html),
            ("https://news.example.fr/d", "200 OK", FRENCH.encode(), html),
            (
                "https://news.example.com/e",
                "200 OK",
                PAGE.encode("latin-1").replace(b"Tuesday", b"Tuesday \xe9"),
                {"Content-Type": "text/html; charset=iso-8859-1"},
            ),
        ],
    )
    items = read(str(path))
    assert len(items) == 5
    first = items[0]
    assert isinstance(first, Article)
    assert first.url == "https://news.example.com/a"
    assert first.outlet == "news.example.com"
    assert first.published == date(2024, 3, 5)
    assert first.origin == f"{path}@0"
    skipped = [i for i in items[1:4] if isinstance(i, Failure)]
    assert [s.status for s in skipped] == ["skipped"] * 3
    assert "not HTML" in skipped[0].reason
    assert "HTTP status 301" in skipped[1].reason
    assert "detected language fr" in skipped[2].reason
    latin = items[4]
    assert isinstance(latin, Article) and "Tuesday é" in latin.text  # charset from the header


def test_a_truncated_warc_keeps_the_records_before_the_damage(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc.gz"
    html = {"Content-Type": "text/html"}
    _warc(path, [(f"https://x.example/{n}", "200 OK", PAGE.encode(), html) for n in range(3)])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 200])
    items = read(str(path))
    assert any(isinstance(i, Article) for i in items)
    assert all(isinstance(i, (Article, Failure)) for i in items)


# --- compressed files, Reuters SGML -----------------------------------------------------------


@pytest.mark.parametrize(
    ("suffix", "pack"),
    [
        (".gz", gzip.compress),
        (".bz2", bz2.compress),
        (".xz", lzma.compress),
        (".zst", lambda d: zstandard.ZstdCompressor().compress(d)),
    ],
)
def test_compressed_files_of_any_format_are_read(tmp_path: Path, suffix: str, pack: object) -> None:
    compress = pack  # type: ignore[assignment]
    (tmp_path / f"a.txt{suffix}").write_bytes(compress(STORY[:-1].encode()))  # type: ignore[operator]
    (tmp_path / f"b.html{suffix}").write_bytes(compress(PAGE.encode()))  # type: ignore[operator]
    line = json.dumps({"id": "j", "text": STORY.replace("Tuesday", "Monday")}).encode()
    (tmp_path / f"c.jsonl{suffix}").write_bytes(compress(line + b"\n"))  # type: ignore[operator]
    items = read(str(tmp_path))
    assert [type(i).__name__ for i in items] == ["Article"] * 3, items


def test_a_compressed_bomb_is_rejected_after_reading_past_the_limit(tmp_path: Path) -> None:
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a " * 5_000_000))
    items = read(str(tmp_path / "bomb.txt.gz"), max_chars=1000)
    assert len(items) == 1 and isinstance(items[0], Failure)
    assert "over the limit" in items[0].reason


def test_reuters_sgml_stories_have_title_dateline_date_and_body(tmp_path: Path) -> None:
    sgml = (
        '<!DOCTYPE lewis SYSTEM "lewis.dtd">\n'
        '<REUTERS TOPICS="YES" NEWID="7">\n<DATE>26-FEB-1987 15:01:01.79</DATE>\n'
        "<TEXT>&#2;\n<TITLE>KENYA, ETHIOPIA SIGN PACT</TITLE>\n"
        "<DATELINE>    NAIROBI, Feb 26 - </DATELINE><BODY>Kenya and Ethiopia signed a\n"
        "border pact on Thursday, officials said.\n"
        "    Police arrested six smugglers &lt;near&gt; the frontier.\n Reuter\n"
        "&#3;</BODY></TEXT>\n"
        "</REUTERS>\n"
        '<REUTERS NEWID="8">\n<DATE>26-FEB-1987</DATE><TEXT TYPE="BRIEF">&#2;\n'
        "<TITLE>BRIEF ONLY</TITLE>\n</TEXT>\n</REUTERS>\n"
    )
    path = tmp_path / "reut2-000.sgm"
    path.write_bytes(sgml.encode("latin-1"))
    story, brief = read(str(path))
    assert isinstance(story, Article)
    assert story.id == "reuters-21578-7"
    assert story.published == date(1987, 2, 26)
    assert story.text == (
        "KENYA, ETHIOPIA SIGN PACT\n\n"
        "NAIROBI, Feb 26 - Kenya and Ethiopia signed a border pact on Thursday, officials said."
        "\n\nPolice arrested six smugglers <near> the frontier."
    )
    assert story.origin == f"{path}:2"
    assert isinstance(brief, Article) and brief.text == "BRIEF ONLY"  # a headline alone


def test_the_reuters_sample_reads_every_story() -> None:
    sample = require_eval() / "corpora/reuters-21578-sample/reut2-000.sgm"
    items = read(str(sample))
    assert len(items) == 1000
    assert all(isinstance(i, Article) for i in items)


# --- standard input, sniffing, sizes ---------------------------------------------------------


def test_plain_text_on_stdin_is_one_article_even_when_long() -> None:
    text = ("Police arrested ten protesters in Nairobi. " * 2000).encode()
    items = read("-", stdin=text, max_chars=50_000)
    assert len(items) == 1 and isinstance(items[0], Failure)
    assert "over the limit" in items[0].reason


def test_stdin_is_jsonl_when_its_first_non_blank_line_is_a_json_object() -> None:
    lines = [json.dumps({"id": str(n), "text": f"{STORY} Report {n}."}) for n in range(3)]
    items = read("-", stdin=b"\n\n" + "\n".join(lines).encode())
    assert [i.id for i in items if isinstance(i, Article)] == ["0", "1", "2"]
    assert items[0].origin == "stdin:3"


def test_stdin_with_a_long_first_json_line_is_still_jsonl() -> None:
    first = json.dumps({"id": "long", "text": STORY + " More." * 3000})
    items = read("-", stdin=(first + "\n" + json.dumps({"text": STORY}) + "\n").encode())
    assert next(i.id for i in items if isinstance(i, Article)) == "long"
    assert len(items) == 2


def test_form_feeds_separate_articles_on_stdin() -> None:
    items = read("-", stdin=f"{STORY}\f{STORY} Again.".encode())
    assert [i.origin for i in items] == ["stdin:1", "stdin:2"]


def test_a_file_over_the_limit_is_rejected_from_its_size_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # a sparse file: 2 GB on paper, nothing on disk
        handle.truncate(2_000_000_000)
    items = read(str(path))
    assert len(items) == 1 and isinstance(items[0], Failure)
    assert "2,000,000,000 bytes" in items[0].reason


def test_leading_blank_lines_and_a_nul_do_not_reject_a_file(tmp_path: Path) -> None:
    (tmp_path / "blank.txt").write_bytes(b"\n" * 20_000 + STORY.encode())
    (tmp_path / "nul.txt").write_bytes(b"\x00" + STORY.encode() + b" Again.")
    items = read(str(tmp_path / "blank.txt"), str(tmp_path / "nul.txt"))
    assert all(isinstance(i, Article) for i in items), items
    assert "\x00" not in items[1].text


def test_an_unlistable_folder_is_a_failed_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (tmp_path / "ok.txt").write_text(STORY, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: object) -> object:
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    items = read(str(tmp_path))
    failed = [i for i in items if isinstance(i, Failure)]
    assert [f.origin for f in failed] == [str(locked)]
    assert "cannot list folder" in failed[0].reason
    assert any(isinstance(i, Article) for i in items)


def test_files_of_unknown_types_in_a_folder_are_reported(tmp_path: Path) -> None:
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    report = IngestReport()
    items = list(read_inputs([str(tmp_path)], report=report))
    assert len(items) == 1
    assert report.unsupported == [str(tmp_path / "photo.jpg")]
    assert report.records == 1


def test_a_json_record_nested_too_deeply_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    good = json.dumps({"text": STORY})
    path.write_text("[" * 50_000 + "]" * 50_000 + "\n" + good + "\n", encoding="utf-8")
    bad, ok = read(str(path))
    assert isinstance(bad, Failure) and "nested too deeply" in bad.reason
    assert isinstance(ok, Article)


def test_lone_surrogates_are_kept_escaped_as_valid_utf8(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text('{"id": "\\udc80x", "text": "Police arrested \\ud800 ten men."}\n')
    got = only_article(read(str(path)))
    assert got.text == "Police arrested \\ud800 ten men."
    assert got.id == "\\udc80x"
    got.text.encode("utf-8")


def test_a_warc_compressed_with_zstd_is_read(tmp_path: Path) -> None:
    plain = tmp_path / "plain.warc.gz"
    _warc(plain, [("https://x.example/a", "200 OK", PAGE.encode(), {"Content-Type": "text/html"})])
    packed = tmp_path / "news.warc.zst"
    packed.write_bytes(zstandard.ZstdCompressor().compress(gzip.decompress(plain.read_bytes())))
    got = only_article(read(str(packed)))
    assert got.url == "https://x.example/a"
