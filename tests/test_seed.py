"""Acceptance: the report tacitus was founded on, coded as a user would code it.

The article lives in ../shared/eval/seed (it is not copied into the project); these tests skip
where it is absent. Nothing in the coder exists for this article alone: the same rules are
measured on unseen gold by tests/test_accuracy.py.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tacitus.gazetteer.distance import km
from tacitus.model import CodingResult, Event
from tests.conftest import require_eval

Pick = Callable[[Event], bool]


@pytest.fixture(scope="module")
def seed() -> CodingResult:
    import tacitus

    text = require_eval("seed", "seed_article.txt").read_text(encoding="utf-8")
    result = tacitus.code(text, published="2021-12-12", outlet="Hamodia")
    assert result.ok, result.failure
    return result


def find(
    result: CodingResult,
    src: str,
    tgt: str | None,
    roots: tuple[str, ...],
    extra: Pick = lambda e: True,
) -> list[Event]:
    """Events from country `src` to country `tgt` (None: any or none) with one of `roots`."""
    return [
        e
        for e in result.events
        if e.source is not None
        and e.source.country == src
        and (tgt is None or (e.target is not None and e.target.country == tgt))
        and e.root in roots
        and extra(e)
    ]


def one(events: list[Event], what: str) -> Event:
    assert events, f"no event for: {what}"
    return max(events, key=lambda e: e.confidence)


ROOTS_04 = ("04",)


def test_israel_consulted_the_united_states(seed: CodingResult) -> None:
    one(find(seed, "ISR", "USA", ROOTS_04, lambda e: e.cameo.startswith("04")), "ISR->USA 04x")


def test_the_covert_strikes_are_israeli_force_against_iran(seed: CodingResult) -> None:
    one(find(seed, "ISR", "IRN", ("18", "19")), "ISR->IRN 18x/19x")


def test_austin_hosts_gantz_at_the_pentagon(seed: CodingResult) -> None:
    host = one(find(seed, "USA", "ISR", ROOTS_04), "USA->ISR 04x")
    assert host.cameo == "043"
    assert host.segment == "caption"


def test_gantz_and_barnea_visit_washington(seed: CodingResult) -> None:
    visits = find(seed, "ISR", "USA", ROOTS_04, lambda e: e.cameo == "042")
    sources = {e.source.name for e in visits if e.source}
    assert {"Benny Gantz", "David Barnea"} <= sources


def test_israel_shares_intelligence_with_the_united_states(seed: CodingResult) -> None:
    one(find(seed, "ISR", "USA", ("06",)), "ISR->USA 06x")


def test_israel_appeals_to_washington(seed: CodingResult) -> None:
    one(find(seed, "ISR", "USA", ("02",)), "ISR->USA 02x")


def test_iran_and_the_western_powers_hold_talks_both_ways(seed: CodingResult) -> None:
    one(find(seed, "IRN", "WST", ROOTS_04), "IRN->WST 04x")
    one(find(seed, "WST", "IRN", ROOTS_04), "WST->IRN 04x")


def test_the_united_states_intends_to_revive_the_deal(seed: CodingResult) -> None:
    intent = [
        e
        for e in find(seed, "USA", None, ("03", "04", "05", "06"))
        if e.root == "03" or e.modality == "intent"
    ]
    one(intent, "USA 03x or intent")


def test_gantz_makes_a_statement_to_the_americans(seed: CodingResult) -> None:
    one(find(seed, "ISR", "USA", ("01",)), "ISR->USA 01x")


def test_actors_carry_country_and_sector(seed: CodingResult) -> None:
    by_name = {a.name: a for a in seed.actors if a.kind == "person"}
    assert by_name["Benny Gantz"].country == "ISR"
    assert {"GOV", "MIL"} & set(by_name["Benny Gantz"].sectors)
    assert by_name["Lloyd Austin"].country == "USA"
    assert {"GOV", "MIL"} & set(by_name["Lloyd Austin"].sectors)
    assert by_name["David Barnea"].code == "ISRSPY"
    assert any(a.code == "ISRSPY" and "Mossad" in a.text for a in seed.actors)


def test_the_photo_credit_yields_no_actor(seed: CodingResult) -> None:
    credits = [s for s in seed.article.segments if s.kind == "credit"]
    assert credits, "the caption's credit should be split off"
    for a in seed.actors:
        assert not any(c.start <= a.start < c.end for c in credits), a


def test_the_hoped_for_deal_is_not_a_fact(seed: CodingResult) -> None:
    deals = find(seed, "USA", "IRN", ("03", "05"))
    assert deals
    assert all(e.modality != "factual" for e in deals)


# -- issue 4: where, when and who says so ---------------------------------------------------


def test_a_strike_is_located_at_karaj_and_hedged(seed: CodingResult) -> None:
    karaj = [
        e
        for e in find(seed, "ISR", "IRN", ("18", "19"))
        if e.location and e.location.geonameid == 128747
    ]
    strike = one(karaj, "a strike at Karaj")
    assert strike.attribution is not None
    assert strike.attribution.status == "hedged"


def test_the_hosting_is_in_arlington_virginia_on_thursday(seed: CodingResult) -> None:
    host = one(find(seed, "USA", "ISR", ROOTS_04, lambda e: e.cameo == "043"), "hosting")
    assert host.location is not None and host.location.lat is not None
    assert host.location.lon is not None
    # The Pentagon stands in Arlington, Virginia (GeoNames 4744709 at 38.88N 77.10W).
    assert km(host.location.lat, host.location.lon, 38.88, -77.10) < 10
    assert host.date is not None
    assert (host.date.value, host.date.precision) == ("2021-12-09", "day")


def test_the_visit_is_to_washington_earlier_that_week(seed: CodingResult) -> None:
    visit = one(find(seed, "ISR", "USA", ROOTS_04, lambda e: e.cameo == "042"), "visit")
    assert visit.location is not None and visit.location.name == "Washington"
    assert visit.date is not None and visit.date.precision == "week"
    assert "2021-12-05" <= visit.date.value <= "2021-12-12"


def test_the_talks_are_in_vienna(seed: CodingResult) -> None:
    talks = one(find(seed, "IRN", "WST", ROOTS_04), "talks")
    assert talks.location is not None and talks.location.name == "Vienna"


def test_the_consultation_is_the_new_york_times_citing_officials(seed: CodingResult) -> None:
    consult = one(
        find(
            seed,
            "ISR",
            "USA",
            ROOTS_04,
            lambda e: e.segment == "body" and e.cameo.startswith("040"),
        ),
        "consultation",
    )
    assert consult.attribution is not None
    assert consult.attribution.status == "reported"
    names = [c.name for c in consult.attribution.by]
    assert any("New York Times" in n for n in names)
    assert any("officials" in n for n in names)


def test_the_closing_quote_and_the_warning_are_gantzs(seed: CodingResult) -> None:
    direct = [q for q in seed.quotes if q.kind == "direct"]
    assert direct and direct[-1].speaker is not None
    assert direct[-1].speaker.name == "Benny Gantz"
    warned = [q for q in seed.quotes if q.cue == "warned"]
    assert warned and warned[0].speaker is not None
    assert warned[0].speaker.name == "Benny Gantz"


def test_another_strike_is_located_on_the_outskirts_of_tehran(seed: CodingResult) -> None:
    tehran = [
        e
        for e in find(seed, "ISR", "IRN", ("18", "19"))
        if e.location and e.location.geonameid == 112931
    ]
    one(tehran, "a strike at Tehran")
