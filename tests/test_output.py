"""Records go out as JSON lines exactly as coded, as flat CSV, or as a compact table."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tacitus.errors import InputError
from tacitus.model import Actor, Event, EventDate, Location, Quote
from tacitus.output import EVENT_CSV_COLUMNS, write_events, write_quotes

IRN_MIL = Actor("Iranian forces", "IRNMIL", "IRN", ("MIL",), name="Iran")
KURDS = Actor("Kurdish fighters [armed]", None, None)


def records() -> list[dict[str, object]]:
    drill = Event(
        article_id="b1",
        sentence=0,
        span=(0, 40),
        text="Iranian forces held drills near Karaj, officials said.",
        source=IRN_MIL,
        target=None,
        cameo="152",
        cameo_name="Increase military alert status",
        plover_type="MOBILIZE",
        plover_mode=None,
        goldstein=-7.2,
        quad_class=3,
        location=Location("Karaj", "city", geonameid=128747, lat=35.83, lon=50.97, country="IR"),
        date=EventDate("2021-12-09", "day", "Thursday"),
    )
    threat = Event(
        article_id="b1",
        sentence=1,
        span=(41, 90),
        text='"We will not attack," the [armed] fighters said, "unless provoked."',
        source=KURDS,
        target=IRN_MIL,
        cameo="138",
        cameo_name="Threaten with military force",
        plover_type="THREATEN",
        plover_mode=None,
        goldstein=-7.0,
        quad_class=3,
        polarity="negated",
        modality="threat",
    )
    return [drill.to_dict(), threat.to_dict()]


def test_jsonl_is_one_record_per_line_exactly_as_given() -> None:
    out = io.StringIO()
    assert write_events(records(), "jsonl", out) == 2
    lines = out.getvalue().splitlines()
    assert [json.loads(line) for line in lines] == records()
    assert list(json.loads(lines[0])) == list(records()[0])  # key order kept too


def test_csv_has_the_flat_columns_and_empty_cells_for_nulls() -> None:
    out = io.StringIO()
    assert write_events(records(), "csv", out) == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == EVENT_CSV_COLUMNS
    assert rows[0]["source_code"] == "IRNMIL"
    assert rows[0]["date"] == "2021-12-09"
    assert rows[0]["location_name"] == "Karaj"
    assert rows[0]["target_code"] == ""
    assert rows[1]["source_code"] == ""
    assert rows[1]["source_text"] == "Kurdish fighters [armed]"
    assert (rows[1]["modality"], rows[1]["polarity"]) == ("threat", "negated")
    assert rows[1]["text"].startswith('"We will not attack,"')


def test_table_shows_codes_names_flags_and_places_without_reading_markup() -> None:
    out = io.StringIO()
    assert write_events(records(), "table", out, width=160) == 2
    text = out.getvalue()
    for expected in ("2021-12-09", "IRNMIL", "152 Increase military", "Karaj", "negated threat"):
        assert expected in text
    # An uncoded actor shows its words, square brackets included (not taken as rich markup).
    assert "Kurdish fighters [armed]" in text
    assert "\x1b[" not in text  # no colour codes in a file


def test_an_empty_result_writes_headers_and_counts_zero() -> None:
    out = io.StringIO()
    assert write_events([], "csv", out) == 0
    assert out.getvalue().strip() == ",".join(EVENT_CSV_COLUMNS)


def test_records_may_come_from_a_generator() -> None:
    out = io.StringIO()
    assert write_events(iter(records()), "table", out) == 2


def test_an_unknown_format_names_the_choices() -> None:
    with pytest.raises(InputError, match="table, jsonl, csv"):
        write_events(records(), "xml", io.StringIO())  # type: ignore[arg-type]


def quote_records() -> list[dict[str, object]]:
    quote = Quote(
        article_id="b1",
        kind="direct",
        content="We will not attack unless provoked",
        content_span=(42, 76),
        cue="said",
        speaker_text="the fighters",
        speaker=None,
        sentence=1,
    )
    coded = Quote(
        article_id="b1",
        kind="indirect",
        content="drills were held near Karaj",
        content_span=(0, 30),
        cue="said",
        speaker_text="officials",
        speaker=Actor("officials", "IRNGOV", "IRN", ("GOV",)),
        sentence=0,
    )
    return [quote.to_dict(), coded.to_dict()]


@pytest.mark.parametrize("fmt", ["table", "jsonl", "csv"])
def test_quotes_in_every_format(fmt: str) -> None:
    out = io.StringIO()
    assert write_quotes(quote_records(), fmt, out, width=160) == 2  # type: ignore[arg-type]
    text = out.getvalue()
    assert "We will not attack unless provoked" in text
    if fmt == "jsonl":
        assert [json.loads(line) for line in text.splitlines()] == quote_records()
    else:
        assert "IRNGOV" in text and "the fighters" in text
