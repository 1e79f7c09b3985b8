"""WARC readers: fastwarc against warcio on the same WARC.gz, the choice behind
`tacitus.ingest.warc` (issue 10 asks for whichever measures faster here).

Both iterate the HTTP response records of one generated WARC.gz (pages of news-like HTML, as
Common Crawl News holds) and read each payload and its headers; rounds are interleaved and the
medians compared. The last line is the ratio warcio time / fastwarc time (above 1: fastwarc
is faster).

    .venv/bin/python bench/warc_readers.py [--records 3000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import io
import statistics
import tempfile
import time
from pathlib import Path

from fastwarc.warc import ArchiveIterator as FastIterator
from fastwarc.warc import WarcRecordType
from warcio.archiveiterator import ArchiveIterator as WarcioIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PARAGRAPH = (
    "<p>Police arrested ten protesters in Nairobi on Monday after clashes near parliament, "
    "officials said, and the government promised an inquiry into the violence.</p>"
)


def build(path: Path, records: int) -> None:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for n in range(records):
            body = f"<html><head><title>Story {n}</title></head><body>{PARAGRAPH * 12}</body>"
            http = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                f"https://news.example.com/{n}",
                "response",
                payload=io.BytesIO(body.encode()),
                http_headers=http,
            )
            writer.write_record(record)


def read_fastwarc(path: Path) -> int:
    total = 0
    with path.open("rb") as handle:
        for record in FastIterator(handle, record_types=WarcRecordType.response, parse_http=True):
            _ = record.headers.get("WARC-Target-URI"), record.http_headers.status_code
            total += len(record.reader.read())
    return total


def read_warcio(path: Path) -> int:
    total = 0
    with path.open("rb") as handle:
        for record in WarcioIterator(handle):
            if record.rec_type != "response":
                continue
            _ = record.rec_headers.get_header("WARC-Target-URI"), record.http_headers
            total += len(record.content_stream().read())
    return total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.warc.gz"
        build(path, args.records)
        times: dict[str, list[float]] = {"fastwarc": [], "warcio": []}
        sizes = set()
        for _ in range(args.rounds):
            for name, reader in (("fastwarc", read_fastwarc), ("warcio", read_warcio)):
                start = time.perf_counter()
                sizes.add(reader(path))
                times[name].append(time.perf_counter() - start)
        assert len(sizes) == 1, "the two readers read different payloads"
    medians = {name: statistics.median(t) for name, t in times.items()}
    for name, median in medians.items():
        print(f"{name}: {args.records / median:,.0f} records/s (median of {args.rounds} rounds)")
    print(f"ratio warcio/fastwarc time: {medians['warcio'] / medians['fastwarc']:.2f}")


if __name__ == "__main__":
    main()
