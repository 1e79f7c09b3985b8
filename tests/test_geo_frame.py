"""The frame an article gives its ambiguous place names: the outlet's country from its URL,
the states it names; and the tuning/checking split of the development set."""

from __future__ import annotations

import hashlib

import pytest
from spacy.language import Language

from tacitus.evaluate.geo import split_half
from tacitus.gazetteer.home import home_country
from tacitus.places import (
    Gazetteer,
    PlaceContext,
    Toponym,
    _unknown_odd_name,
    _unknown_uncued,
    find_toponyms,
    resolve,
)


@pytest.mark.parametrize(
    ("url", "country"),
    [
        ("https://www.gloucestershirelive.co.uk/news/a-story", "GB"),
        ("http://www.timeslive.co.za/news/2018/x", "ZA"),
        ("www.spiegel.de/politik", "DE"),
        ("https://www.washingtonpost.com/local/x", None),
        ("https://news.example.tv/x", None),  # a vanity domain says nothing
        ("not a url", None),
        (None, None),
        ("", None),
    ],
)
def test_home_country_from_the_url(url: str | None, country: str | None) -> None:
    assert home_country(url) == country


def test_outlet_country_reads_an_ambiguous_town_at_home(nlp: Language, gaz: Gazetteer) -> None:
    doc = nlp("Crowds gathered in Windsor on Saturday.")
    abroad = find_toponyms(doc, gaz)
    at_home = find_toponyms(doc, gaz, home="GB")
    assert abroad[0].resolved is not None and abroad[0].resolved.country == "CA"
    assert at_home[0].resolved is not None and at_home[0].resolved.country == "GB"
    assert "Windsor" in at_home[0].text


def test_split_halves_are_stable_and_both_used() -> None:
    halves = [split_half(f"gwn-{n}") for n in range(40)]
    assert halves == [split_half(f"gwn-{n}") for n in range(40)]
    assert {"tune", "check"} == set(halves)
    first = hashlib.sha1(b"gwn-0").digest()[0]
    assert split_half("gwn-0") == ("tune" if first % 2 == 0 else "check")


def test_a_named_building_is_a_place_not_an_actor(nlp: Language, gaz: Gazetteer) -> None:
    doc = nlp("The fans met at Barclays Center in Brooklyn before the fight.")
    names = [t.text for t in find_toponyms(doc, gaz)]
    assert "Barclays Center" in names and "Brooklyn" in names


def test_the_country_of_a_currency_is_a_toponym(nlp: Language, gaz: Gazetteer) -> None:
    doc = nlp("The projects are worth 15.4 billion US dollars in total.")
    tops = find_toponyms(doc, gaz)
    assert [t.text for t in tops] == ["US"]
    assert tops[0].resolved is not None and tops[0].resolved.country == "US"


def test_a_demonym_opening_an_organisation_name(nlp: Language, gaz: Gazetteer) -> None:
    doc = nlp("Canadian Blood Services runs the registry, said Myles.")
    tops = find_toponyms(doc, gaz)
    assert [t.text for t in tops] == ["Canadian"]
    assert tops[0].resolved is not None and tops[0].resolved.country == "CA"


def test_a_seat_of_power_acting_is_no_toponym(nlp: Language, gaz: Gazetteer) -> None:
    said = find_toponyms(nlp("The White House said on Monday that talks would go on."), gaz)
    staff = find_toponyms(nlp("White House officials declined to comment."), gaz)
    visit = find_toponyms(nlp("The senators met the president at the White House."), gaz)
    assert [t.text for t in said] == [] and [t.text for t in staff] == []
    assert [t.text for t in visit] == ["White House"]


@pytest.mark.parametrize(
    ("text", "word", "country"),
    [
        ("The mines were laid by Azerbaijani soldiers during the war.", "Azerbaijani", "AZ"),
        ("It reflected the anti-Russian policy of the government.", "Russian", "RU"),
    ],
)
def test_a_demonym_the_ner_mislabels(
    nlp: Language, gaz: Gazetteer, text: str, word: str, country: str
) -> None:
    tops = [t for t in find_toponyms(nlp(text), gaz) if t.text == word]
    assert tops and tops[0].resolved is not None and tops[0].resolved.country == country


def test_a_language_is_no_toponym(nlp: Language, gaz: Gazetteer) -> None:
    assert find_toponyms(nlp("She answered the questions in Russian."), gaz) == []


def test_a_town_listed_with_a_place_is_a_place(nlp: Language, gaz: Gazetteer) -> None:
    doc = nlp("The train stops in Amsterdam and Almelo before it reaches the border.")
    names = [t.text for t in find_toponyms(doc, gaz)]
    assert "Almelo" in names


def test_a_name_the_article_already_placed_is_a_place_again(nlp: Language, gaz: Gazetteer) -> None:
    text = "Roadworks start in Cirencester on Monday. Drivers heading to Cirencester face delays."
    tops = [t for t in find_toponyms(nlp(text), gaz) if t.text == "Cirencester"]
    assert len(tops) == 2
    assert all(t.resolved is not None and t.resolved.country == "GB" for t in tops)


@pytest.mark.parametrize(
    ("text", "label", "dropped"),
    [
        ("IoTX", "GPE", True),
        ("T*SOL", "GPE", True),
        ("veranda", "GPE", True),
        ("Guhdar", "LOC", False),  # written like a name (dropped later unless cued)
        ("Khan al-Ahmar", "GPE", False),
        ("Easter Vigil", "FAC", False),  # facilities are placed in the article's city
    ],
)
def test_an_unknown_code_is_no_place(text: str, label: str, dropped: bool) -> None:
    top = Toponym(0, len(text), text, None, label=label)
    assert _unknown_odd_name(top) is dropped


def test_a_known_place_is_kept_whatever_its_shape(gaz: Gazetteer) -> None:
    loc = resolve("USA", PlaceContext(), gaz)
    assert loc is not None
    assert not _unknown_odd_name(Toponym(0, 3, "USA", loc, label="GPE"))


def test_an_unknown_name_is_a_place_only_where_the_text_says_so(gaz: Gazetteer) -> None:
    cued = Toponym(10, 16, "Guhdar", None, label="LOC")
    assert not _unknown_uncued(cued, {10})
    assert _unknown_uncued(cued, set())
    known = Toponym(0, 3, "USA", resolve("USA", PlaceContext(), gaz), label="GPE")
    assert not _unknown_uncued(known, set())
