"""First-level divisions as the country of a role: "the Kaduna State government", "West
Bengal chief minister", "California's governor", "officials in Bavaria".

The divisions are the admin1 rows of tacitus/data/places/regions.tsv (the places stage's own
list, so the two never disagree), with their ISO country turned into the CAMEO code. A
division is never an actor by itself (issue 8: no actor from a gazetteer hit alone); the actor
coder lets it give its country only to a role or organ named in the same phrase.

A form gives no country when it could name something else:

- it names a division of two countries ("Punjab"), or a region that spans several
  ("Kurdistan", left over from "Kurdistan Region");
- it is a form of the actor dictionaries (a country, capital, demonym, region or organisation:
  "Georgia", "Mexico" from "Mexico State", "Moscow" from "Moscow Oblast"): those win, as they
  always have;
- it is listed in tacitus/data/actors/division_exclusions.tsv: names that are also common
  words, given names or places abroad ("Victoria", "Delta", "Guerrero").

Besides the listed names and demonyms, a division listed as "Kano State", "Belgorod Oblast"
or "Jilin Province" also matches by its bare name ("Kano governor"): the places stage keeps
such bare names for the city of the same name, which is in the same country.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from tacitus.dictionaries import Dictionaries, alternatives, tsv_rows

__all__ = ["Division", "division_forms"]

DATA = Path(str(resources.files("tacitus") / "data"))
REGIONS = DATA / "places" / "regions.tsv"
EXCLUSIONS = DATA / "actors" / "division_exclusions.tsv"
# The generic word after a division's name, dropped to give its bare name.
DIVISION_WORDS = (
    "State",
    "state",
    "Province",
    "province",
    "Governorate",
    "governorate",
    "Oblast",
    "oblast",
    "Krai",
    "region",
)


@dataclass(frozen=True, slots=True)
class Division:
    form: str  # the surface form matched, case-sensitive
    country: str  # CAMEO country code
    name: str  # the division's first listed name


def division_forms(dicts: Dictionaries) -> dict[str, Division]:
    """Every form that names one first-level division unambiguously, with its country."""
    countries: dict[str, set[str | None]] = {}
    candidates: dict[str, Division] = {}
    for row in _rows(REGIONS):
        names = alternatives(row["names"])
        iso2 = row["country"] or None
        code = dicts.cameo_code(iso2) if iso2 else None
        # An abbreviation written without dots ("NSW") is a name; dotted ones are also
        # ordinary abbreviations ("Miss.", "N.B.", "B.C.").
        names += [a for a in alternatives(row["abbrevs"]) if "." not in a]
        for form in _forms(names, alternatives(row["adjectives"])):
            countries.setdefault(form, set()).add(code)
            if row["kind"] == "admin1" and code:
                candidates.setdefault(form, Division(form, code, names[0]))
    excluded = _excluded() | _dictionary_forms(dicts)
    return {
        form: d
        for form, d in candidates.items()
        if len(countries[form]) == 1 and form not in excluded
    }


def _forms(names: list[str], adjectives: list[str]) -> Iterator[str]:
    for name in names:
        yield name
        head, _, last = name.rpartition(" ")
        if head and last in DIVISION_WORDS:
            yield head
    yield from adjectives


def _dictionary_forms(dicts: Dictionaries) -> set[str]:
    forms = set(dicts.place_forms)
    for org in dicts.organisations:
        forms.update(org.forms())
    return forms


def _excluded() -> set[str]:
    return {row["form"] for row in _rows(EXCLUSIONS)}


def _rows(path: Path) -> Iterator[dict[str, str]]:
    return tsv_rows(path, "division data")
