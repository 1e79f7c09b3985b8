"""Exports write what the store holds, in each format's own layout, through the events query:
a filter means the same thing in `tacitus events` and in `tacitus export`."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import duckdb
import pytest

import tacitus
from tacitus import queries
from tacitus.errors import InputError
from tacitus.export import GDELT_EVENTS, GDELT_MENTIONS, export
from tacitus.export.flat import COLUMNS
from tacitus.export.gdelt import EVENT_COLUMNS, MENTION_COLUMNS, fips, global_id
from tacitus.queries import EventFilter
from tacitus.store import Store
from tests.test_store import AMMAN, EGY_GOV, ISR_MIL, JOR_GOV, PSE, event, result


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    """A meeting in Amman (located, dated), a negated strike, and an older protest."""
    st = Store(tmp_path / "events.duckdb")
    st.save(
        result(
            "a1",
            event("a1", 1, JOR_GOV, EGY_GOV, "040", when="2024-03-04", where=AMMAN),
            event("a1", 2, ISR_MIL, PSE, "190", polarity="negated"),
        )
    )
    st.save(result("a3", event("a3", 0, PSE, ISR_MIL, "141"), published=date(2023, 1, 9)))
    return st


def text_export(store: Store, fmt: str, **kw: object) -> str:
    out = io.StringIO()
    export(store, fmt, stream=out, **kw)  # type: ignore[arg-type]
    return out.getvalue()


def test_csv_has_one_column_per_field_and_the_article_it_came_from(store: Store) -> None:
    rows = list(csv.DictReader(io.StringIO(text_export(store, "csv"))))
    assert tuple(rows[0]) == COLUMNS
    meeting = next(r for r in rows if r["cameo"] == "040")
    assert meeting["source_code"] == "JORGOV"
    assert meeting["source_sectors"] == "GOV"
    assert meeting["location_geonameid"] == "250441"
    assert meeting["location_precision"] == "city"
    assert meeting["date"] == "2024-03-04"
    assert meeting["attribution_status"] == "reported"
    assert meeting["attribution_chain"] == "a spokesman (anonymous)"
    assert meeting["outlet"] == "The Example Courier"
    assert meeting["published"] == "2024-03-06"


def test_an_export_holds_exactly_the_events_the_same_filter_lists(store: Store) -> None:
    flt = EventFilter(polarity="asserted")
    rows = list(csv.DictReader(io.StringIO(text_export(store, "csv", flt=flt))))
    assert [r["id"] for r in rows] == [e["id"] for e in queries.events(store, flt)]
    assert {r["cameo"] for r in rows} == {"040", "141"}


def test_gdelt_events_have_the_codebooks_61_columns_and_mentions_its_16(
    store: Store, tmp_path: Path
) -> None:
    assert len(EVENT_COLUMNS) == 61 and len(MENTION_COLUMNS) == 16
    n = export(store, "gdelt", output=tmp_path / "gdelt")
    events = (tmp_path / "gdelt" / GDELT_EVENTS).read_text().splitlines()
    mentions = (tmp_path / "gdelt" / GDELT_MENTIONS).read_text().splitlines()
    assert n == len(events) == len(mentions) == 3
    lines = [dict(zip(EVENT_COLUMNS, line.split("\t"), strict=True)) for line in events]
    meeting = next(line for line in lines if line["EventCode"] == "040")
    assert meeting["Day"] == "20240304" and meeting["MonthYear"] == "202403"
    assert (meeting["Actor1Code"], meeting["Actor2Code"]) == ("JORGOV", "EGYGOV")
    assert meeting["Actor1Type1Code"] == "GOV"
    assert (meeting["EventBaseCode"], meeting["EventRootCode"]) == ("040", "04")
    assert meeting["ActionGeo_CountryCode"] == "JO"  # FIPS; Jordan's ISO and FIPS agree
    assert meeting["ActionGeo_FeatureID"] == "250441"
    assert meeting["NumMentions"] == meeting["NumArticles"] == "1"
    assert meeting["SOURCEURL"] == "a1.txt"  # no URL: the origin the article was read from
    record = next(e for e in queries.events(store) if e["cameo"] == "040")
    assert meeting["GlobalEventID"] == str(global_id(record["id"]))
    assert all(len(line.split("\t")) == 16 for line in mentions)


def test_gdelt_place_countries_are_fips_codes() -> None:
    assert (fips("IL"), fips("DE"), fips("JO"), fips(None)) == ("IS", "GM", "JO", "")


def test_parquet_is_partitioned_by_month_with_nested_fields(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "parquet"
    assert export(store, "parquet", output=out) == 3
    assert sorted(p.name for p in out.iterdir()) == ["month=2023-01", "month=2024-03"]
    rows = (
        duckdb.connect()
        .execute(
            f"SELECT month, source.code, location.geonameid, article.outlet, date.precision "
            f"FROM read_parquet('{out}/**/*.parquet', hive_partitioning = true) ORDER BY month, id"
        )
        .fetchall()
    )
    assert rows[0][:2] == ("2023-01", "PSE")
    assert ("2024-03", "JORGOV", 250441, "The Example Courier", "day") in rows


def test_parquet_re_export_replaces_the_months_it_writes(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "parquet"
    export(store, "parquet", output=out)
    export(store, "parquet", output=out)
    sql = f"SELECT count(*) FROM read_parquet('{out}/**/*.parquet')"
    n = duckdb.connect().execute(sql).fetchall()
    assert n == [(3,)]


def test_plover_records_use_polecat_columns_and_keep_the_rest(store: Store) -> None:
    records = [json.loads(line) for line in text_export(store, "plover").splitlines()]
    meeting = next(r for r in records if r["tacitus"]["cameo"] == "040")
    assert meeting["Event Type"] == "CONSULT"
    assert (meeting["Actor Name Raw"], meeting["Actor Country"]) == ("Jordanian officials", "JOR")
    assert meeting["Primary Recipient Sector"] == "GOV"
    assert (meeting["City"], meeting["Country"], meeting["GeoNames ID"]) == ("Amman", "JOR", 250441)
    assert meeting["Event Date"] == "2024-03-04"
    assert meeting["tacitus"]["polarity"] == "asserted"


def test_geojson_holds_only_located_events_as_lon_lat_points(store: Store) -> None:
    collection = json.loads(text_export(store, "geojson"))
    assert collection["type"] == "FeatureCollection"
    [feature] = collection["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [35.95, 31.96]}
    assert feature["properties"]["location_name"] == "Amman"


def test_a_directory_format_without_an_output_is_an_error(store: Store) -> None:
    with pytest.raises(InputError, match="--output"):
        export(store, "parquet", stream=io.StringIO())
    with pytest.raises(InputError, match="not one of"):
        export(store, "xlsx", stream=io.StringIO())


# -- series ---------------------------------------------------------------------------------


def test_series_counts_quad_classes_and_goldstein_per_period(store: Store) -> None:
    rows = queries.series(store, by="year")
    assert [r["period"] for r in rows] == ["2023-01-01", "2024-01-01"]
    recent = rows[1]
    # the fixture's events all carry quad class 1 and Goldstein 1.0
    assert (recent["events"], recent["quad1"], recent["quad4"]) == (2, 2, 0)
    assert (recent["goldstein_sum"], recent["goldstein_mean"]) == (2.0, 1.0)


def test_series_takes_the_event_filters_and_groups(store: Store) -> None:
    rows = queries.series(store, EventFilter(dyad=("ISR", "PSE")), by="month", group="root")
    assert rows == [
        {"period": "2024-03-01", "root": "19", "events": 1, "quad1": 1, "quad2": 0, "quad3": 0,
         "quad4": 0, "goldstein_sum": 1.0, "goldstein_mean": 1.0},
    ]  # fmt: skip


def test_series_rejects_an_unknown_period_or_grouping(store: Store) -> None:
    with pytest.raises(InputError, match="series period"):
        queries.series(store, by="fortnight")
    with pytest.raises(InputError, match="series grouping"):
        queries.series(store, group="outlet")


# -- the Python API ---------------------------------------------------------------------------


def test_open_gives_arrow_tables_of_events_and_series(store: Store) -> None:
    path = store.path
    store.close()
    with tacitus.open(path) as ds:
        events = ds.events(root="4", since="2024-01-01")
        assert events.num_rows == 1
        assert events.column("source")[0].as_py()["code"] == "JORGOV"
        assert events.column("article")[0].as_py()["outlet"] == "The Example Courier"
        weekly = ds.series(by="week")
        assert weekly.column("period")[0].as_py() == date(2023, 1, 9)
        assert weekly.column("events").to_pylist() == [1, 2]
        with pytest.raises(InputError, match="unknown event filter"):
            ds.events(colour="red")


def test_read_yields_the_articles_of_any_supported_input(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Chad and Niger signed a border pact on Tuesday.\n")
    (tmp_path / "b.jsonl").write_text('{"id": "b1", "text": "Mali closed its border."}\nnot json\n')
    articles = list(tacitus.read(tmp_path))
    assert sorted(a.id for a in articles if isinstance(a, tacitus.Article))[-1] == "b1"
    assert len(articles) == 2
    assert len(list(tacitus.read([tmp_path], failures=True))) == 3
