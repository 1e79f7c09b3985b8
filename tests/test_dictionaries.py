"""Specification of the actor dictionaries and their loader (tacitus.dictionaries)."""

from __future__ import annotations

import csv
import logging
import re
from collections import defaultdict
from datetime import date
from importlib.abc import Traversable
from pathlib import Path

import pytest

from tacitus import dictionaries as dmod
from tacitus.dictionaries import (
    ENV_VAR,
    CountryEntry,
    Dictionaries,
    RegionEntry,
    cameo_to_iso2,
    country_by_code,
    iso2_to_cameo,
    load_dictionaries,
)
from tacitus.errors import DictionaryError
from tests.conftest import require_eval

COUNTRY_HEADER = "code\tiso2\tname\tnames\tadjectives\tcapitals\n"
# Rows of the CAMEO list that are not countries: a person's name and the CAMEO manual's
# fictional test country.
NOT_COUNTRIES = {"---", "KNT"}


@pytest.fixture(scope="module")
def package() -> Dictionaries:
    return load_dictionaries()


@pytest.fixture(autouse=True)
def _no_user_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- the package data


def test_every_country_row_is_well_formed(package: Dictionaries) -> None:
    assert len(package.countries) > 200
    for c in package.countries:
        # Three letters, or six for CAMEO territories (FRAGLP = France + Guadeloupe).
        assert re.fullmatch(r"[A-Z]{3}([A-Z]{3})?", c.code), c
        assert re.fullmatch(r"([A-Z]{2})?", c.iso2), c
        assert c.name, c
        for form in c.forms():
            assert form == form.strip() and "\t" not in form and form, (c.code, form)


def test_country_and_region_codes_are_unique(package: Dictionaries) -> None:
    codes = [c.code for c in package.countries] + [r.code for r in package.regions]
    assert len(codes) == len(set(codes))


def test_iso2_codes_map_one_to_one(package: Dictionaries) -> None:
    iso2s = [c.iso2 for c in package.countries if c.iso2]
    assert len(iso2s) == len(set(iso2s))
    for c in package.countries:
        if c.iso2:
            assert iso2_to_cameo(c.iso2) == c.code
            assert cameo_to_iso2(c.code) == c.iso2


def test_no_surface_form_names_two_places(package: Dictionaries) -> None:
    """Not even with the optional leading "the" ("the West" against "West" + "the")."""
    owners: defaultdict[str, set[str]] = defaultdict(set)
    entries: list[CountryEntry | RegionEntry] = [*package.countries, *package.regions]
    for entry in entries:
        for form in entry.forms():
            owners[form].add(entry.code)
            if not form.startswith(("the ", "The ")):
                owners["the " + form].add(entry.code)
    clashes = {form: codes for form, codes in owners.items() if len(codes) > 1}
    assert clashes == {}


def test_place_forms_include_the_optional_article(package: Dictionaries) -> None:
    """A longest-match reader then prefers "the People's Republic of Bangladesh" (BGD) to
    "the People's Republic" (CHN)."""
    assert package.place_forms["the People's Republic of Bangladesh"].code == "BGD"
    assert package.place_forms["the People's Republic"].code == "CHN"
    assert "the the West" not in package.place_forms


def test_every_cameo_country_code_has_a_row(package: Dictionaries) -> None:
    path = require_eval("codebook", "cameo_country_codes_phoenix.tsv")
    with path.open(encoding="utf-8") as fh:
        listed = {row["code"] for row in csv.DictReader(fh, delimiter="\t")}
    assert listed - NOT_COUNTRIES <= set(package.countries_by_code)


def test_every_cameo_region_code_has_a_row(package: Dictionaries) -> None:
    path = require_eval("codebook", "cameo_region_codes.tsv")
    with path.open(encoding="utf-8") as fh:
        listed = {row["code"] for row in csv.DictReader(fh, delimiter="\t")}
    assert listed <= set(package.regions_by_code)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Israeli", "ISR"),
        ("Israelis", "ISR"),
        ("Yerushalayim", "ISR"),
        ("Jerusalem", "ISR"),
        ("the State of Israel", "ISR"),
        ("Washington", "USA"),
        ("U.S.", "USA"),
        ("the United States", "USA"),
        ("America", "USA"),
        ("the Islamic Republic", "IRN"),
        ("The Islamic Republic", "IRN"),
        ("Tehran", "IRN"),
        ("Persia", "IRN"),
        ("Britain", "GBR"),
        ("Britons", "GBR"),
        ("the Russian Federation", "RUS"),
        ("the People's Republic", "CHN"),
        ("Peking", "CHN"),
        ("Republic of China", "TWN"),
        ("DPRK", "PRK"),
        ("S. Korea", "KOR"),
        ("Emiratis", "ARE"),
        ("U.A.E.", "ARE"),
        ("DR Congo", "COD"),
        ("Burma", "MMR"),
        ("Zaire", "COD"),
        ("Kiev", "UKR"),
        ("Kyiv", "UKR"),
        ("Palestinians", "PSE"),
        ("West Bank", "PSE"),
        ("the West Bank", "PSE"),
        ("East Jerusalem", "PSE"),
        ("Gaza", "PSEGZA"),
        ("Western powers", "WST"),
        ("the West", "WST"),
        ("Western", "WST"),
        ("Mideast", "MEA"),
        ("Latin America", "LAM"),
    ],
)
def test_known_surface_forms(package: Dictionaries, text: str, code: str) -> None:
    found = package.place(text)
    assert found is not None, text
    assert found.code == code


@pytest.mark.parametrize(
    "text",
    [
        "Tel Aviv",  # not the seat of government
        "Brussels",  # stands for the EU, not Belgium
        "Korea",  # North or South?
        "West",  # "the West" needs its article; "West" alone is a surname, a compass point
        "Male",  # the Maldives' capital is written Malé; "Male" is ordinary English
    ],
)
def test_forms_left_out_on_purpose(package: Dictionaries, text: str) -> None:
    assert package.place(text) is None


def test_country_lookups_by_code() -> None:
    israel = country_by_code("ISR")
    assert israel is not None
    assert (israel.name, israel.iso2) == ("Israel", "IL")
    assert country_by_code("XXX") is None
    assert iso2_to_cameo("il") == "ISR"
    assert cameo_to_iso2("PSEGZA") is None  # Gaza has no alpha-2 of its own


def test_entries_say_where_they_came_from(package: Dictionaries) -> None:
    israel = package.country("ISR")
    assert israel is not None
    assert re.search(r"countries\.tsv:\d+$", israel.origin)


# ---------------------------------------------------------------- user extensions


def test_user_rows_add_and_override(tmp_path: Path, package: Dictionaries) -> None:
    write(
        tmp_path,
        "countries.tsv",
        COUNTRY_HEADER
        + "# a comment line\n"
        + "ISR\tIL\tIsrael\tZion\tIsraeli|Israelis\tJerusalem\n"
        + "XKX\t\tKinakutan Republic\tKinakuta\tKinakutan\tKinakuta City\n",
    )
    d = load_dictionaries(tmp_path)
    assert len(d.countries) == len(package.countries) + 1
    israel = d.country("ISR")
    assert israel is not None and israel.names == ("Zion",)
    assert d.place("Yerushalayim") is None  # the user's row replaced the whole package row
    added = d.place("Kinakutan")
    assert added is not None and added.code == "XKX"
    assert d.place("Washington") == package.place("Washington")  # the rest is untouched


def test_user_forms_win_over_package_forms(tmp_path: Path) -> None:
    write(tmp_path, "countries.tsv", COUNTRY_HEADER + "XKX\t\tTest Land\tWashington\t\t\n")
    found = load_dictionaries(tmp_path).place("Washington")
    assert found is not None and found.code == "XKX"


def test_environment_variable_names_the_user_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "regions.tsv", "code\tname\tnames\tadjectives\nXYZ\tTest Bloc\t\t\n")
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    assert load_dictionaries().region("XYZ") is not None


def test_user_agent_words_override_per_word(tmp_path: Path) -> None:
    write(tmp_path, "agents.tsv", "words\tsectors\tnote\nminister|ministers\tGOV|LEG\tmine\n")
    d = load_dictionaries(tmp_path)
    owners = [a for a in d.agents if "minister" in a.words]
    assert [a.sectors for a in owners] == [("GOV", "LEG")]


def test_user_folder_that_does_not_exist_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError, match="not a folder"):
        load_dictionaries(tmp_path / "nowhere")


def test_missing_package_file_gives_no_entries_and_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def absent(filename: str) -> Traversable:
        return tmp_path / "absent" / filename

    monkeypatch.setattr(dmod, "_package_file", absent)
    dmod.clear_cache()
    try:
        with caplog.at_level(logging.WARNING, logger="tacitus.dictionaries"):
            d = load_dictionaries()
    finally:
        dmod.clear_cache()
    assert d == Dictionaries()
    assert "people.tsv is missing" in caplog.text


# ---------------------------------------------------------------- malformed files


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("countries.tsv", COUNTRY_HEADER + "# c\n\nisr\tIL\tIsrael\t\t\t\n", "countries.tsv:4"),
        ("countries.tsv", COUNTRY_HEADER + "ISR\tISR\tIsrael\t\t\t\n", "alpha-2"),
        ("countries.tsv", COUNTRY_HEADER + "ISR\tIL\tIsrael\t\t\t\tJaffa\n", "stray tab"),
        ("countries.tsv", "code\tname\nISR\tIsrael\n", "countries.tsv:1: header"),
        ("regions.tsv", "code\tname\tnames\tadjectives\nWST\t\t\t\n", "'name' cell is empty"),
        ("organisations.tsv", "code\tname\tnames\tkind\nISRSPY\tMossad\t\tspies\n", "kind"),
        ("agents.tsv", "words\tsectors\tnote\nofficial\tgovernment\t\n", "sector"),
        (
            "people.tsv",
            "name\taliases\tcountry\tsectors\trole\tstart\tend\n"
            "A. Person\t\tISR\tGOV\tminister\t2021-13-01\t\n",
            "people.tsv:2: the 'start' cell",
        ),
        (
            "people.tsv",
            "name\taliases\tcountry\tsectors\trole\tstart\tend\n"
            "A. Person\t\tISR\tGOV\tminister\t2021-06-01\t2020-01-01\n",
            "ends",
        ),
    ],
)
def test_malformed_line_names_file_and_line(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    write(tmp_path, name, text)
    with pytest.raises(DictionaryError, match=re.escape(message)):
        load_dictionaries(tmp_path)


def test_missing_trailing_cells_are_empty(tmp_path: Path) -> None:
    write(tmp_path, "countries.tsv", COUNTRY_HEADER + "XKX\t\tTest Land\n")
    entry = load_dictionaries(tmp_path).country("XKX")
    assert entry is not None and entry.capitals == ()


def test_person_term_bounds_the_code() -> None:
    person = dmod.PersonEntry(
        "A. Person", (), "ISR", ("GOV",), "minister", date(2021, 6, 13), date(2022, 6, 30)
    )
    assert person.holds_on(date(2021, 6, 13))
    assert person.holds_on(date(2022, 6, 30))
    assert not person.holds_on(date(2022, 7, 1))
