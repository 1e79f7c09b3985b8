"""How the article's own words settle a place name: counties at their own point, a state
after a comma, names listed together, one sense per article, demonyms formed from place
names, places inside event names, and unknown facilities placed where the text puts them."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from tacitus.gazetteer.counties import county_key, county_point
from tacitus.gazetteer.distance import km
from tacitus.places import (
    Gazetteer,
    PlaceContext,
    Toponym,
    event_location,
    find_toponyms,
    resolve,
)


def _by_text(tops: list[Toponym], text: str) -> list[Toponym]:
    return [t for t in tops if t.text == text]


def test_county_names_compare_whatever_the_saint_and_the_possessive() -> None:
    assert county_key("Saint Croix County") == county_key("St. Croix County")
    assert county_key("Collier County’s") == county_key("collier county")


def test_a_county_sits_at_its_own_point_not_at_its_state(gaz: Gazetteer) -> None:
    # Suffolk County, New York, is on Long Island; New York State's point is upstate.
    point = county_point("NY", "Suffolk County")
    assert point is not None and km(point.lat, point.lon, 40.85, -72.8) < 60
    loc = resolve("Suffolk County", PlaceContext(admin1=frozenset({("US", "NY")})), gaz)
    assert loc is not None and loc.admin1 == "NY" and loc.precision == "region"
    assert loc.lat is not None and loc.lon is not None
    assert km(loc.lat, loc.lon, point.lat, point.lon) < 1


def test_a_county_names_the_place_of_its_sheriff(gaz: Gazetteer) -> None:
    iowa = PlaceContext(admin1=frozenset({("US", "IA")}))
    loc = resolve("Montgomery County Democrats", iowa, gaz)
    assert loc is not None and loc.admin1 == "IA" and loc.name == "Montgomery County"


def test_namesake_counties_go_to_the_state_the_article_names_itself(gaz: Gazetteer) -> None:
    # Chicago's Illinois came in from a town; Iowa the article named.
    context = PlaceContext(
        admin1=frozenset({("US", "IA"), ("US", "IL")}),
        named_admin1=frozenset({("US", "IA")}),
    )
    loc = resolve("Montgomery County", context, gaz)
    assert loc is not None and loc.admin1 == "IA"


def test_a_state_after_a_comma_is_the_state(nlp: Language, gaz: Gazetteer) -> None:
    tops = find_toponyms(nlp("A baker in Tacoma, Washington shares her tips."), gaz)
    (washington,) = _by_text(tops, "Washington")
    assert washington.resolved is not None and washington.resolved.precision == "region"
    assert washington.resolved.admin1 == "WA"


def test_a_list_of_cities_is_not_read_as_city_and_state(nlp: Language, gaz: Gazetteer) -> None:
    doc = nlp("The firm has offices in Los Angeles, Miami, New York, and Detroit.")
    (new_york,) = _by_text(find_toponyms(doc, gaz), "New York")
    assert new_york.resolved is not None and new_york.resolved.precision == "city"


def test_a_name_listed_with_a_state_is_a_state(nlp: Language, gaz: Gazetteer) -> None:
    doc = nlp("Jobs moved from western states such as California or Washington last year.")
    (washington,) = _by_text(find_toponyms(doc, gaz), "Washington")
    assert washington.resolved is not None and washington.resolved.admin1 == "WA"
    assert washington.resolved.precision == "region"


def test_one_name_keeps_one_sense_in_an_article(nlp: Language, gaz: Gazetteer) -> None:
    doc = nlp(
        "The team drove to central Washington last week. "
        "Its work has been at home in Washington ever since."
    )
    tops = _by_text(find_toponyms(doc, gaz), "Washington")
    assert len(tops) == 2
    assert all(t.resolved is not None and t.resolved.admin1 == "WA" for t in tops)
    assert tops[1].resolved is not None and "elsewhere in the article" in tops[1].resolved.why


@pytest.mark.parametrize(
    ("sentence", "word", "place"),
    [
        ("The rules ask Manitobans to pay $300 more a year.", "Manitobans", "Manitoba"),
        ("In 2017, 37 Ontarians died while on the waiting list.", "Ontarians", "Ontario"),
    ],
)
def test_demonyms_formed_from_place_names(
    nlp: Language, gaz: Gazetteer, sentence: str, word: str, place: str
) -> None:
    (top,) = _by_text(find_toponyms(nlp(sentence), gaz), word)
    assert top.resolved is not None and top.resolved.name == place


def test_a_language_is_no_demonym(nlp: Language, gaz: Gazetteer) -> None:
    tops = find_toponyms(nlp("The book had 80 million copies printed in Chinese."), gaz)
    assert _by_text(tops, "Chinese") == []


def test_north_american_is_north_america(nlp: Language, gaz: Gazetteer) -> None:
    doc = nlp("Talks to modernise the North American Free Trade Agreement resumed.")
    places = [t.resolved.name for t in find_toponyms(doc, gaz) if t.resolved is not None]
    assert "North America" in places and "United States" not in places


def test_the_iraq_war_happened_in_iraq(nlp: Language, gaz: Gazetteer) -> None:
    doc = nlp("Clare Short resigned from the government over the Iraq war.")
    tops = find_toponyms(doc, gaz)
    assert [t.text for t in tops] == ["Iraq"]
    war = next(t for t in doc if t.text == "war")
    loc = event_location(war, tops, material=True)
    assert loc is not None and loc.name == "Iraq" and "naming the 'war'" in loc.why
    # A country before other attack nouns names who attacked: no place from it.
    doc = nlp("US strikes killed 20 people.")
    strikes = next(t for t in doc if t.text == "strikes")
    assert event_location(strikes, find_toponyms(doc, gaz), material=True) is None


def test_an_unknown_facility_is_where_the_text_puts_it(nlp: Language, gaz: Gazetteer) -> None:
    doc = nlp(
        "London doctors said so. London is far away. "
        "His parents wanted to take him to the Bambino Gesu Paediatric Hospital in Rome."
    )
    (hospital,) = [t for t in find_toponyms(doc, gaz) if t.text.endswith("Hospital")]
    assert hospital.resolved is not None and hospital.resolved.name == "Rome"
    assert "as written" in hospital.resolved.why


def test_unknown_facilities_named_like_events_are_no_places(nlp: Language, gaz: Gazetteer) -> None:
    doc = nlp("Cardinal Tagle leads the Easter Vigil at the Manila Cathedral in Manila.")
    texts = [t.text for t in find_toponyms(doc, gaz)]
    assert "Easter Vigil" not in texts
    assert any("Manila" in t for t in texts)


def test_member_states_are_not_the_united_states(nlp: Language, gaz: Gazetteer) -> None:
    doc = nlp("The Commission supports the Member States in their transition.")
    assert _by_text(find_toponyms(doc, gaz), "States") == []


def test_county_points_are_kept_in_the_cache_and_read_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tacitus.gazetteer import counties

    monkeypatch.setenv("TACITUS_CACHE_DIR", str(tmp_path))
    counties.county_points.cache_clear()
    try:
        built = counties.county_points()
        (kept,) = tmp_path.glob("counties-*.json")
        counties.county_points.cache_clear()
        assert counties.county_points() == built
        kept.write_text("not json", encoding="utf-8")  # a damaged file is computed again
        counties.county_points.cache_clear()
        assert counties.county_points() == built
    finally:
        counties.county_points.cache_clear()


def test_geo_misses_list_wrong_places_first(nlp: Language, gaz: Gazetteer) -> None:
    from tacitus.evaluate.geo import document_misses

    text = "Crowds gathered in Paris and in Springfield on Sunday."

    def gold(name: str, lat: float, lon: float) -> dict[str, object]:
        start = text.index(name)
        return {
            "start": start,
            "end": start + len(name),
            "name": name,
            "type": "Literal",
            "non_locational": False,
            "lat": lat,
            "lon": lon,
        }

    # Paris, Texas, where the frame-free reading is Paris, France; a made-up place missed.
    record = {
        "id": "x",
        "text": text,
        "toponyms": [gold("Paris", 33.66, -95.56), gold("Sunday", 0.0, 0.0)],
    }
    misses = document_misses(record, find_toponyms(nlp(text), gaz), "tune")
    assert [m["gold"].split()[0] for m in misses] == ["'Paris'", "'Sunday'"]
    assert "km off" in misses[0]["coded"] and misses[1]["coded"] == "nothing"
    assert misses[0]["id"] == "x (tune)" and "Crowds gathered" in misses[0]["text"]
