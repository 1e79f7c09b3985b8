"""The organisations, agents and people dictionaries are well formed and say what they mean.

These check the data files, not the matcher: every code is a CAMEO code built the CAMEO way,
every sector is one of CAMEO's actor types, every term is a real interval.
"""

from __future__ import annotations

import itertools
import os
import re
from collections import Counter
from collections.abc import Iterator
from datetime import date
from types import ModuleType
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tacitus.dictionaries import Dictionaries, OrgEntry, PersonEntry

# CAMEO actor types (codebook section 3 and GDELT's type list, plus PTY from manual 3.1.4).
PRIMARY = {"COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF"}
SECONDARY = {"AGR", "BUS", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB"}
SECONDARY |= {"LEG", "MED", "REF", "MOD", "RAD", "PTY"}
GENERIC = {
    "IGO",
    "IMG",
    "INT",
    "MNC",
    "NGM",
    "NGO",
    "UIS",
    "AMN",
    "IRC",
    "GRP",
    "UNO",
    "PKO",
    "SET",
}
CAMEO_SECTORS = frozenset(PRIMARY | SECONDARY | GENERIC)
# International codes: IGO/NGO + the codebook's id; IMG for militarised groups.
INTERNATIONAL_PREFIXES = ("IGO", "NGO", "IMG")
CODE = re.compile(r"[A-Z]{3,9}")


def _dictionaries_module() -> ModuleType:
    module: ModuleType = pytest.importorskip(
        "tacitus.dictionaries", reason="tacitus.dictionaries (the loader) is not written yet"
    )
    return module


@pytest.fixture(scope="module")
def dicts() -> Iterator[Dictionaries]:
    """The package's dictionaries alone, whatever $TACITUS_DICTIONARIES says."""
    module = _dictionaries_module()
    saved = os.environ.pop(module.ENV_VAR, None)
    module.clear_cache()
    try:
        yield module.load_dictionaries()
    finally:
        if saved is not None:
            os.environ[module.ENV_VAR] = saved
        module.clear_cache()


def _org(dicts: Dictionaries, form: str) -> OrgEntry:
    matches = [o for o in dicts.organisations if form in o.forms()]
    assert len(matches) == 1, f"{form!r} should name exactly one organisation: {matches}"
    return matches[0]


def _chunks(code: str) -> list[str]:
    return [code[i : i + 3] for i in range(0, len(code), 3)]


def _national_parts(dicts: Dictionaries, code: str) -> tuple[str, list[str]] | None:
    """(country or region code, sectors) of a national code, None if no prefix is known."""
    for size in (6, 3):  # territory codes (PSEGZA) before country codes (PSE)
        prefix = code[:size]
        if dicts.country(prefix) or dicts.region(prefix):
            return prefix, _chunks(code[size:])
    return None


# ---------------------------------------------------------------- organisations


def test_the_files_are_not_empty(dicts: Dictionaries) -> None:
    assert len(dicts.organisations) >= 400
    assert len(dicts.agents) >= 150
    assert len(dicts.people) >= 200


def test_organisation_codes_are_uppercase_cameo_codes(dicts: Dictionaries) -> None:
    bad = [o.code for o in dicts.organisations if not CODE.fullmatch(o.code)]
    assert not bad


def test_international_codes_go_with_international_kinds(dicts: Dictionaries) -> None:
    """IGOs are IGO codes; NGO codes are NGOs (a national NGO such as B'Tselem is ISRHRI)."""
    for org in dicts.organisations:
        if org.kind == "igo":
            assert org.code.startswith("IGO"), org
        if org.code.startswith(("IGO", "NGO")):
            assert org.kind in ("igo", "ngo"), org
        if org.code.startswith("IMG"):
            assert org.kind == "armed_group", org


def test_national_codes_are_a_known_country_and_cameo_sectors(dicts: Dictionaries) -> None:
    if not dicts.countries:
        pytest.skip("countries.tsv is not written yet")
    for org in dicts.organisations:
        if org.code.startswith(INTERNATIONAL_PREFIXES):
            continue
        parts = _national_parts(dicts, org.code)
        assert parts is not None, f"{org.code} ({org.name}) starts with no known country"
        assert parts[1], f"{org.code} ({org.name}) has no sector"
        assert set(parts[1]) <= CAMEO_SECTORS, org


def test_a_surface_form_names_one_organisation_or_bodies_of_different_countries(
    dicts: Dictionaries,
) -> None:
    # A shared form ("CBI") is read by the countries an article names (actors._one_reading),
    # so the bodies sharing it must be national bodies of different countries.
    by_form: dict[str, list[str]] = {}
    for org in dicts.organisations:
        for form in org.forms():
            by_form.setdefault(form, []).append(org.code)
    shared = {form: codes for form, codes in by_form.items() if len(codes) > 1}
    for form, codes in shared.items():
        countries = [c[:3] for c in codes]
        assert len(set(countries)) == len(countries), (form, codes)
        assert not set(countries) & {"IGO", "NGO", "---"}, (form, codes)


@pytest.mark.parametrize(
    ("form", "code"),
    [
        ("Mossad", "ISRSPY"),
        ("IDF", "ISRMIL"),
        ("Knesset", "ISRLEG"),
        ("White House", "USAGOV"),
        ("Pentagon", "USAMIL"),
        ("Kremlin", "RUSGOV"),
        ("Élysée", "FRAGOV"),
        ("Revolutionary Guards", "IRNMIL"),
        ("New York Times", "USAMED"),
        ("IAEA", "IGOUNOIAE"),
        ("U.N.", "IGOUNO"),
        ("NATO", "IGONAT"),
        ("European Union", "IGOEEC"),
        ("Red Cross", "NGOIRC"),
        ("Hezbollah", "LBNREB"),
        ("al-Qaeda", "IMG"),
    ],
)
def test_well_known_names_carry_their_cameo_codes(
    dicts: Dictionaries, form: str, code: str
) -> None:
    assert _org(dicts, form).code == code


# ---------------------------------------------------------------- agents


def test_agent_words_are_lowercase_and_sectors_are_cameo(dicts: Dictionaries) -> None:
    for agent in dicts.agents:
        assert agent.words and agent.sectors, agent
        assert all(w == w.lower() for w in agent.words), agent
        assert set(agent.sectors) <= CAMEO_SECTORS, agent


def test_every_agent_word_has_one_meaning(dicts: Dictionaries) -> None:
    counts = Counter(w for agent in dicts.agents for w in agent.words)
    assert [w for w, n in counts.items() if n > 1] == []


@pytest.mark.parametrize(
    ("word", "sectors"),
    [
        ("officials", ("GOV",)),
        ("prime minister", ("GOV",)),
        ("defence minister", ("GOV", "MIL")),
        ("troops", ("MIL",)),
        ("police", ("COP",)),
        ("rebels", ("REB",)),
        ("lawmakers", ("LEG",)),
        ("journalists", ("MED",)),
        ("refugees", ("REF",)),
    ],
)
def test_role_nouns_map_to_their_sectors(
    dicts: Dictionaries, word: str, sectors: tuple[str, ...]
) -> None:
    matches = [a.sectors for a in dicts.agents if word in a.words]
    assert matches == [sectors]


# ---------------------------------------------------------------- people


def test_people_have_cameo_codes_and_sectors(dicts: Dictionaries) -> None:
    for person in dicts.people:
        assert CODE.fullmatch(person.country), person
        assert set(person.sectors) <= CAMEO_SECTORS, person
        international = person.country.startswith(INTERNATIONAL_PREFIXES)
        assert international or person.sectors, f"{person.name} has a country but no sector"


def test_every_term_starts_before_it_ends(dicts: Dictionaries) -> None:
    for person in dicts.people:
        if person.start and person.end:
            assert person.start <= person.end, person
        assert person.start or person.end, f"{person.name} has no dates at all"


def test_terms_of_one_office_do_not_overlap(dicts: Dictionaries) -> None:
    """Successors of one office follow each other (sharing the handover day at most)."""
    offices: dict[tuple[str, str], list[PersonEntry]] = {}
    for person in dicts.people:
        offices.setdefault((person.country, person.role), []).append(person)
    for holders in offices.values():
        holders.sort(key=lambda p: p.start or date.min)
        for before, after in itertools.pairwise(holders):
            assert before.end is not None, f"{before.name} is still in office before {after.name}"
            assert after.start is None or before.end <= after.start, (before, after)


def test_a_person_row_holds_only_during_its_term(dicts: Dictionaries) -> None:
    rows = [p for p in dicts.people if p.name == "Benjamin Netanyahu"]
    rows = [p for p in rows if p.role == "Prime Minister"]
    assert any(p.holds_on(date(2024, 1, 1)) for p in rows)
    assert not any(p.holds_on(date(2022, 1, 1)) for p in rows)  # Bennett's and Lapid's year
