"""The actor dictionaries: countries, regions, organisations, agents and people.

Data: tacitus/data/actors/*.tsv (formats in tacitus/data/README.md). Users extend or correct
them with files of the same names in a folder given as `extra_dir` or by the
`TACITUS_DICTIONARIES` environment variable; those rows are read after the package's and win
on conflicts (same country/region code, same organisation name, same agent word, same person
and term start).

A package file that is missing yields no entries and a logged warning, so the coder still runs
with whatever dictionaries exist. A malformed line raises DictionaryError naming file and line.
"""

from __future__ import annotations

import csv
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache, cached_property
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import TypeVar

from tacitus.errors import DictionaryError

__all__ = [
    "ENV_VAR",
    "AgentEntry",
    "CountryEntry",
    "Dictionaries",
    "OrgEntry",
    "PersonEntry",
    "RegionEntry",
    "cameo_to_iso2",
    "clear_cache",
    "country_by_code",
    "iso2_to_cameo",
    "load_dictionaries",
]

log = logging.getLogger(__name__)

ENV_VAR = "TACITUS_DICTIONARIES"

ORG_KINDS = frozenset(
    {
        "igo",
        "ngo",
        "government",
        "military",
        "police",
        "intelligence",
        "legislature",
        "judiciary",
        "party",
        "media",
        "armed_group",
        "business",
        "labour",
        "seat_of_power",
    }
)

# Country codes are CAMEO's three letters, or six for territories (FRAGLP = France + GLP).
_COUNTRY_CODE = re.compile(r"[A-Z]{3}(?:[A-Z]{3})?")
_REGION_CODE = re.compile(r"[A-Z]{3}")
# Organisation codes chain three-letter parts: IGOUNO, ISRSPY, USAGOVLEG.
_ORG_CODE = re.compile(r"(?:[A-Z]{3})+")
_SECTOR = re.compile(r"[A-Z]{3}")
_ISO2 = re.compile(r"[A-Z]{2}")


@dataclass(frozen=True, slots=True)
class CountryEntry:
    code: str
    iso2: str
    name: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...]
    capitals: tuple[str, ...]
    origin: str = field(default="", compare=False)  # "countries.tsv:42", for `why` strings

    def forms(self) -> tuple[str, ...]:
        """Every surface form of this country: name, other names, adjectives, capitals."""
        return _unique((self.name, *self.names, *self.adjectives, *self.capitals))


@dataclass(frozen=True, slots=True)
class RegionEntry:
    code: str
    name: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...]
    origin: str = field(default="", compare=False)

    def forms(self) -> tuple[str, ...]:
        return _unique((self.name, *self.names, *self.adjectives))


@dataclass(frozen=True, slots=True)
class OrgEntry:
    code: str
    name: str
    names: tuple[str, ...]
    kind: str
    origin: str = field(default="", compare=False)

    def forms(self) -> tuple[str, ...]:
        return _unique((self.name, *self.names))


@dataclass(frozen=True, slots=True)
class AgentEntry:
    words: tuple[str, ...]
    sectors: tuple[str, ...]
    note: str
    origin: str = field(default="", compare=False)


@dataclass(frozen=True, slots=True)
class PersonEntry:
    name: str
    aliases: tuple[str, ...]
    country: str
    sectors: tuple[str, ...]
    role: str
    start: date | None
    end: date | None  # None: still in office
    origin: str = field(default="", compare=False)

    def holds_on(self, day: date) -> bool:
        """Whether the code holds on `day` (the term includes its first and last day)."""
        after_start = self.start is None or self.start <= day
        before_end = self.end is None or day <= self.end
        return after_start and before_end


@dataclass(frozen=True)
class Dictionaries:
    """All actor dictionaries, package rows first and user rows after them."""

    countries: tuple[CountryEntry, ...] = ()
    regions: tuple[RegionEntry, ...] = ()
    organisations: tuple[OrgEntry, ...] = ()
    agents: tuple[AgentEntry, ...] = ()
    people: tuple[PersonEntry, ...] = ()

    @cached_property
    def countries_by_code(self) -> dict[str, CountryEntry]:
        return {c.code: c for c in self.countries}

    @cached_property
    def regions_by_code(self) -> dict[str, RegionEntry]:
        return {r.code: r for r in self.regions}

    @cached_property
    def code_by_iso2(self) -> dict[str, str]:
        return {c.iso2: c.code for c in self.countries if c.iso2}

    @cached_property
    def place_forms(self) -> dict[str, CountryEntry | RegionEntry]:
        """Surface form -> country or region, each form also with a leading "the".

        Giving a matcher "the People's Republic of Bangladesh" as a form of its own lets the
        longest match beat "the People's Republic" (China). Later rows win, so user rows
        override package rows; countries come after regions.
        """
        entries: list[CountryEntry | RegionEntry] = [*self.regions, *self.countries]
        return {variant: e for e in entries for form in e.forms() for variant in _with_the(form)}

    def country(self, code: str) -> CountryEntry | None:
        return self.countries_by_code.get(code)

    def region(self, code: str) -> RegionEntry | None:
        return self.regions_by_code.get(code)

    def iso2(self, code: str) -> str | None:
        """ISO 3166 alpha-2 of a CAMEO country code, None when it has none (or is unknown)."""
        entry = self.country(code)
        return (entry.iso2 or None) if entry else None

    def cameo_code(self, iso2: str) -> str | None:
        """CAMEO country code of an ISO alpha-2 code ("IL" -> "ISR")."""
        return self.code_by_iso2.get(iso2.upper())

    def place(self, text: str) -> CountryEntry | RegionEntry | None:
        """The country or region a surface form names; a leading "the" is optional.

        A form written with "the" in the files ("the West") needs it in the text, capitalised or
        not; any other form may have it ("the United States").
        """
        if text.startswith("The "):  # at the start of a sentence
            text = "the " + text[4:]
        return self.place_forms.get(text)


# ---------------------------------------------------------------- loading


def load_dictionaries(extra_dir: Path | None = None) -> Dictionaries:
    """The package dictionaries plus the user's from `extra_dir` or $TACITUS_DICTIONARIES.

    Cached per user folder: call `clear_cache()` after editing the files in a running process.
    """
    if extra_dir is None and os.environ.get(ENV_VAR):
        extra_dir = Path(os.environ[ENV_VAR])
    if extra_dir is not None:
        extra_dir = extra_dir.expanduser().resolve()
        if not extra_dir.is_dir():
            raise DictionaryError(
                f"{extra_dir} is not a folder: point extra_dir or ${ENV_VAR} at a folder "
                "holding countries.tsv, regions.tsv, ... of the package's format"
            )
    return _load(extra_dir)


def clear_cache() -> None:
    """Forget loaded dictionaries, so that the next load reads the files again."""
    _load.cache_clear()


@cache
def _load(extra_dir: Path | None) -> Dictionaries:
    return Dictionaries(
        countries=_merge("countries.tsv", _country, extra_dir, lambda e: (e.code,)),
        regions=_merge("regions.tsv", _region, extra_dir, lambda e: (e.code,)),
        organisations=_merge("organisations.tsv", _org, extra_dir, lambda e: (e.name,)),
        agents=_merge_agents(extra_dir),
        people=_merge("people.tsv", _person, extra_dir, lambda e: (e.name, str(e.start))),
    )


def country_by_code(code: str) -> CountryEntry | None:
    """The country entry of a CAMEO country code in the default dictionaries."""
    return load_dictionaries().country(code)


def cameo_to_iso2(code: str) -> str | None:
    """ISO 3166 alpha-2 of a CAMEO country code ("ISR" -> "IL"); None when there is none."""
    return load_dictionaries().iso2(code)


def iso2_to_cameo(iso2: str) -> str | None:
    """CAMEO country code of an ISO 3166 alpha-2 code ("IL" -> "ISR")."""
    return load_dictionaries().cameo_code(iso2)


# ---------------------------------------------------------------- merging

E = TypeVar("E")
Row = dict[str, str]
Parser = Callable[[Row, str], E]


def _merge(
    filename: str,
    parse: Parser[E],
    extra_dir: Path | None,
    key: Callable[[E], tuple[str, ...]],
) -> tuple[E, ...]:
    """Package rows, then user rows; a user row replaces the package row with its key."""
    base = list(_entries(_package_file(filename), filename, parse, missing_ok=False))
    extra = list(_entries(_user_file(extra_dir, filename), filename, parse, missing_ok=True))
    overridden = {key(e) for e in extra}
    kept = [e for e in base if key(e) not in overridden]
    return tuple(_last_wins([*kept, *extra], key))


def _last_wins(entries: Sequence[E], key: Callable[[E], tuple[str, ...]]) -> Iterator[E]:
    """Drop earlier rows whose key comes again later in the same list, with a warning."""
    last = {key(e): i for i, e in enumerate(entries)}
    for i, entry in enumerate(entries):
        if last[key(entry)] == i:
            yield entry
        else:
            log.warning("dictionary row %s is repeated later; the later row wins", entry)


def _merge_agents(extra_dir: Path | None) -> tuple[AgentEntry, ...]:
    """Agents merge per word: a user row takes its words away from the package rows."""
    name = "agents.tsv"
    base = list(_entries(_package_file(name), name, _agent, missing_ok=False))
    extra = list(_entries(_user_file(extra_dir, name), name, _agent, missing_ok=True))
    taken = {w for e in extra for w in e.words}
    kept = []
    for entry in base:
        words = tuple(w for w in entry.words if w not in taken)
        if words:
            kept.append(entry if words == entry.words else _with_words(entry, words))
    return (*kept, *extra)


def _with_words(entry: AgentEntry, words: tuple[str, ...]) -> AgentEntry:
    return AgentEntry(words, entry.sectors, entry.note, entry.origin)


# ---------------------------------------------------------------- reading TSV

COLUMNS: dict[str, tuple[str, ...]] = {
    "countries.tsv": ("code", "iso2", "name", "names", "adjectives", "capitals"),
    "regions.tsv": ("code", "name", "names", "adjectives"),
    "organisations.tsv": ("code", "name", "names", "kind"),
    "agents.tsv": ("words", "sectors", "note"),
    "people.tsv": ("name", "aliases", "country", "sectors", "role", "start", "end"),
}


def _package_file(filename: str) -> Traversable:
    return resources.files("tacitus") / "data" / "actors" / filename


def _user_file(extra_dir: Path | None, filename: str) -> Path | None:
    return None if extra_dir is None else extra_dir / filename


def _entries(
    source: Traversable | Path | None, filename: str, parse: Parser[E], *, missing_ok: bool
) -> Iterator[E]:
    """Parse every data row of one file; a missing file yields nothing."""
    if source is None:
        return
    if not source.is_file():
        if missing_ok:
            log.debug("no user dictionary %s", source)
        else:
            log.warning("dictionary %s is missing: no %s entries", source, filename[:-4])
        return
    label = str(source)
    for lineno, row in _rows(source.read_text(encoding="utf-8").splitlines(), filename, label):
        origin = f"{label}:{lineno}"
        try:
            yield parse(row, origin)
        except ValueError as exc:
            raise DictionaryError(f"{origin}: {exc}") from None


def _rows(lines: Iterable[str], filename: str, label: str) -> Iterator[tuple[int, Row]]:
    """(line number, column -> cell) for each data line, after checking the header."""
    expected = COLUMNS[filename]
    header: tuple[str, ...] | None = None
    for lineno, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = _check_header(cells, expected, f"{label}:{lineno}")
            continue
        if len(cells) > len(header):
            raise DictionaryError(
                f"{label}:{lineno}: {len(cells)} tab-separated cells, the header has "
                f"{len(header)} ({', '.join(header)}); is there a stray tab?"
            )
        # Editors often strip trailing tabs: missing trailing cells are empty.
        cells += [""] * (len(header) - len(cells))
        yield lineno, dict(zip(header, cells, strict=True))


def _check_header(cells: list[str], expected: tuple[str, ...], where: str) -> tuple[str, ...]:
    """The header may order the columns as it likes but must name exactly the expected ones."""
    if sorted(cells) != sorted(expected):
        raise DictionaryError(
            f"{where}: header {cells} should name the columns {list(expected)}, tab-separated"
        )
    return tuple(cells)


# ---------------------------------------------------------------- cells and rows


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def _required(row: Row, column: str) -> str:
    if not row[column]:
        raise ValueError(f"the {column!r} cell is empty")
    return row[column]


def _code(value: str, pattern: re.Pattern[str], what: str) -> str:
    if not pattern.fullmatch(value):
        raise ValueError(f"{value!r} is not a {what}")
    return value


def _sectors(cell: str) -> tuple[str, ...]:
    return tuple(
        _code(s, _SECTOR, "three-letter CAMEO sector code (GOV, MIL)") for s in _split(cell)
    )


def _date(cell: str, column: str) -> date | None:
    if not cell:
        return None
    try:
        return date.fromisoformat(cell)
    except ValueError:
        raise ValueError(f"the {column!r} cell {cell!r} is not an ISO date (2021-06-13)") from None


def _country(row: Row, origin: str) -> CountryEntry:
    code = _code(_required(row, "code"), _COUNTRY_CODE, "CAMEO country code (ISR, FRAGLP)")
    iso2 = row["iso2"] and _code(row["iso2"], _ISO2, "ISO 3166 alpha-2 code (IL)")
    return CountryEntry(
        code=code,
        iso2=iso2,
        name=_required(row, "name"),
        names=_split(row["names"]),
        adjectives=_split(row["adjectives"]),
        capitals=_split(row["capitals"]),
        origin=origin,
    )


def _region(row: Row, origin: str) -> RegionEntry:
    return RegionEntry(
        code=_code(_required(row, "code"), _REGION_CODE, "three-letter CAMEO region code (WST)"),
        name=_required(row, "name"),
        names=_split(row["names"]),
        adjectives=_split(row["adjectives"]),
        origin=origin,
    )


def _org(row: Row, origin: str) -> OrgEntry:
    kind = _required(row, "kind")
    if kind not in ORG_KINDS:
        raise ValueError(f"kind {kind!r} is not one of {', '.join(sorted(ORG_KINDS))}")
    return OrgEntry(
        code=_code(_required(row, "code"), _ORG_CODE, "CAMEO actor code (IGOUNO, ISRSPY)"),
        name=_required(row, "name"),
        names=_split(row["names"]),
        kind=kind,
        origin=origin,
    )


def _agent(row: Row, origin: str) -> AgentEntry:
    words = _split(_required(row, "words"))
    return AgentEntry(
        words=words, sectors=_sectors(_required(row, "sectors")), note=row["note"], origin=origin
    )


def _person(row: Row, origin: str) -> PersonEntry:
    start, end = _date(row["start"], "start"), _date(row["end"], "end")
    if start and end and end < start:
        raise ValueError(f"the term ends ({end}) before it starts ({start})")
    country = row["country"] and _code(row["country"], _ORG_CODE, "CAMEO country code (ISR)")
    return PersonEntry(
        name=_required(row, "name"),
        aliases=_split(row["aliases"]),
        country=country,
        sectors=_sectors(row["sectors"]),
        role=row["role"],
        start=start,
        end=end,
        origin=origin,
    )


def _with_the(form: str) -> tuple[str, ...]:
    """A form as written and with a leading "the", unless it is written with one already."""
    return (form,) if form.startswith(("the ", "The ")) else (form, "the " + form)


def _unique(forms: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(forms))


def tsv_rows(path: Path, label: str) -> Iterator[dict[str, str]]:
    """Rows of a project TSV file with a header line and '#' comments (the place and
    division files); `label` names the data in errors ("place data")."""
    try:
        with path.open(encoding="utf-8") as fh:
            lines = [line for line in fh if line.strip() and not line.startswith("#")]
    except OSError as exc:
        raise DictionaryError(f"{path}: cannot read {label} ({exc})") from exc
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    for lineno, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            raise DictionaryError(f"{path}: row {lineno} has the wrong number of columns")
        yield row


def alternatives(cell: str) -> list[str]:
    """The '|'-separated forms of a cell, stripped, empty ones left out."""
    return [a.strip() for a in cell.split("|") if a.strip()]
