"""Casualties and the place's basis travel with an event: JSONL record, store, CSV, filter."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tacitus import queries
from tacitus.errors import InputError
from tacitus.model import Article, Casualties, CodingResult, Count, Event, Location
from tacitus.output import write_events
from tacitus.queries import EventFilter
from tacitus.store import Store

TEXT = "Gunmen killed at least 12 villagers near Maiduguri. Police arrested dozens."
VILLAGE = Location("Maiduguri", "city", lat=11.85, lon=13.16, country="NG", basis="dateline")


def event(sentence: int, cameo: str, casualties: Casualties | None) -> Event:
    return Event(
        article_id="a1",
        sentence=sentence,
        span=(0, 10),
        text=f"sentence {sentence}",
        source=None,
        target=None,
        cameo=cameo,
        cameo_name="name",
        plover_type="ASSAULT",
        plover_mode=None,
        goldstein=-10.0,
        quad_class=4,
        trigger_span=(sentence, sentence + 1),
        location=VILLAGE,
        casualties=casualties,
    )


KILLED_12 = Casualties(killed=Count("at least 12", 12, 12, "villagers", why="'at least 12' killed"))
ARRESTED_DOZENS = Casualties(arrested=Count("dozens", None, 24))


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "t.duckdb")
    events = [event(0, "190", KILLED_12), event(1, "173", ARRESTED_DOZENS), event(2, "180", None)]
    s.save(CodingResult(Article(id="a1", text=TEXT), events=events))
    return s


def test_the_record_keeps_counts_and_basis() -> None:
    record = event(0, "190", KILLED_12).to_dict()
    killed = record["casualties"]["killed"]
    assert killed == {
        "written": "at least 12",
        "value": 12,
        "low": 12,
        "group": "villagers",
        "why": "'at least 12' killed",
    }
    assert record["casualties"]["injured"] is None
    assert record["location"]["basis"] == "dateline"
    assert json.loads(json.dumps(record)) == record


def test_min_killed_filters_on_the_low_bound(store: Store) -> None:
    found = queries.events(store, EventFilter(min_killed=10))
    assert [r["cameo"] for r in found] == ["190"]
    assert queries.events(store, EventFilter(min_killed=13)) == []
    assert len(queries.events(store, EventFilter(min_killed=0))) == 1  # counted events only
    with pytest.raises(InputError):
        queries.events(store, EventFilter(min_killed=-1))


def test_csv_has_casualty_and_basis_columns(store: Store) -> None:
    out = io.StringIO()
    write_events(queries.events(store), "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    by_code = {r["cameo"]: r for r in rows}
    assert by_code["190"]["killed"] == "12" and by_code["190"]["injured"] == ""
    assert by_code["173"]["arrested"] == "24"
    assert by_code["180"]["location_basis"] == "dateline"


def test_cli_min_killed(store: Store, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from tacitus.cli import app

    store.close()
    db = str(tmp_path / "t.duckdb")
    result = CliRunner().invoke(app, ["events", "--db", db, "--min-killed", "5", "-f", "jsonl"])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["casualties"]["killed"]["low"] for r in records] == [12]
