"""The dates stage: expressions resolved against the publication date, and which one an event owns.

Publication dates used below (weekdays matter):
- SAT = Saturday 11 December 2021
- MON = Monday 13 December 2021
- NEW_YEAR = Wednesday 5 January 2022
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Token

from tacitus.dates import PUBLICATION_WHY, event_date, is_future, resolve

SAT = date(2021, 12, 11)
MON = date(2021, 12, 13)
NEW_YEAR = date(2022, 1, 5)


# --- resolve: one expression --------------------------------------------------------------

DAYS = [
    # weekdays: the most recent such day not after publication
    ("Thursday", SAT, "2021-12-09"),
    ("on Saturday", SAT, "2021-12-11"),
    ("Saturday", MON, "2021-12-11"),
    ("Monday", MON, "2021-12-13"),
    ("early Saturday", SAT, "2021-12-11"),
    ("Saturday night", MON, "2021-12-11"),
    ("3 p.m. Friday", SAT, "2021-12-10"),
    ("Saturday's", MON, "2021-12-11"),
    # "last X" is strictly before publication: on a Saturday, "last Saturday" is a week ago
    ("last Tuesday", SAT, "2021-12-07"),
    ("last Saturday", SAT, "2021-12-04"),
    ("this past Sunday", MON, "2021-12-12"),
    # "next X" is strictly after publication
    ("next Monday", SAT, "2021-12-13"),
    ("next Monday", MON, "2021-12-20"),
    # deictic days and parts of them
    ("today", SAT, "2021-12-11"),
    ("yesterday", SAT, "2021-12-10"),
    ("tomorrow", SAT, "2021-12-12"),
    ("last night", MON, "2021-12-12"),
    ("this morning", MON, "2021-12-13"),
    ("tonight", MON, "2021-12-13"),
    # absolute dates in news styles
    ("March 3", SAT, "2021-03-03"),
    ("3 March 2021", SAT, "2021-03-03"),
    ("March 3, 2021", SAT, "2021-03-03"),
    ("Dec. 9", SAT, "2021-12-09"),
    ("Dec 9th", SAT, "2021-12-09"),
    ("the 9th of December", SAT, "2021-12-09"),
    ("Thursday, Dec. 9", SAT, "2021-12-09"),
    ("Sat., Dec. 4", SAT, "2021-12-04"),
    ("2021-12-09", SAT, "2021-12-09"),
    ("on Sept. 11, 2001", SAT, "2001-09-11"),
    # a month-day without a year is on or before publication: news reports the past
    ("Dec. 30", NEW_YEAR, "2021-12-30"),
    ("Jan. 4", NEW_YEAR, "2022-01-04"),
    ("December 11", SAT, "2021-12-11"),
    ("December 12", SAT, "2020-12-12"),
    # offsets from publication
    ("two days ago", SAT, "2021-12-09"),
    ("3 days ago", MON, "2021-12-10"),
]


@pytest.mark.parametrize(("raw", "published", "expected"), DAYS)
def test_day_precision(raw: str, published: date, expected: str) -> None:
    got = resolve(raw, published)
    assert got is not None, raw
    assert (got.value, got.precision) == (expected, "day"), got.why
    assert got.raw == raw
    assert got.why


PERIODS = [
    # weeks: the value is the Monday of the week
    ("this week", SAT, "2021-12-06", "week"),
    ("earlier this week", SAT, "2021-12-06", "week"),
    ("later this week", MON, "2021-12-13", "week"),
    ("last week", SAT, "2021-11-29", "week"),
    ("next week", SAT, "2021-12-13", "week"),
    ("a week ago", SAT, "2021-11-29", "week"),
    # weekends: the Monday of the Saturday's week; read on a Monday, the one just past
    ("over the weekend", MON, "2021-12-06", "week"),
    ("last weekend", SAT, "2021-11-29", "week"),
    ("this weekend", SAT, "2021-12-06", "week"),
    # months: the value is the first day
    ("this month", SAT, "2021-12-01", "month"),
    ("earlier this month", SAT, "2021-12-01", "month"),
    ("last month", SAT, "2021-11-01", "month"),
    ("late last month", SAT, "2021-11-01", "month"),
    ("last month", NEW_YEAR, "2021-12-01", "month"),
    ("next month", SAT, "2022-01-01", "month"),
    ("in December", SAT, "2021-12-01", "month"),
    ("in December", NEW_YEAR, "2021-12-01", "month"),
    ("in December 2019", SAT, "2019-12-01", "month"),
    ("mid-November", SAT, "2021-11-01", "month"),
    ("the end of March", SAT, "2021-03-01", "month"),
    ("October last year", SAT, "2020-10-01", "month"),
    ("last December", SAT, "2020-12-01", "month"),
    ("next March", SAT, "2022-03-01", "month"),
    ("two months ago", SAT, "2021-10-01", "month"),
    # years: the value is 1 January
    ("this year", SAT, "2021-01-01", "year"),
    ("earlier this year", SAT, "2021-01-01", "year"),
    ("last year", SAT, "2020-01-01", "year"),
    ("late last year", NEW_YEAR, "2021-01-01", "year"),
    ("next year", SAT, "2022-01-01", "year"),
    ("in 2015", SAT, "2015-01-01", "year"),
    ("2015", SAT, "2015-01-01", "year"),
    ("early 2015", SAT, "2015-01-01", "year"),
    ("mid-2015", SAT, "2015-01-01", "year"),
    ("the end of 2019", SAT, "2019-01-01", "year"),
]


@pytest.mark.parametrize(("raw", "published", "expected", "precision"), PERIODS)
def test_period_precision(raw: str, published: date, expected: str, precision: str) -> None:
    got = resolve(raw, published)
    assert got is not None, raw
    assert (got.value, got.precision) == (expected, precision), got.why


FUTURE = [
    # in a future-tense clause a bare weekday or month-day is the next one, today included
    ("Thursday", SAT, "2021-12-16", "day"),
    ("Saturday", SAT, "2021-12-11", "day"),
    ("March 3", SAT, "2022-03-03", "day"),
    ("December 20", SAT, "2021-12-20", "day"),
    ("in January", SAT, "2022-01-01", "month"),
    ("this weekend", MON, "2021-12-13", "week"),
    ("in two weeks", SAT, "2021-12-20", "week"),
    # explicit directions do not depend on tense
    ("last week", SAT, "2021-11-29", "week"),
    ("yesterday", SAT, "2021-12-10", "day"),
]


@pytest.mark.parametrize(("raw", "published", "expected", "precision"), FUTURE)
def test_future_tense_looks_ahead(raw: str, published: date, expected: str, precision: str) -> None:
    got = resolve(raw, published, future=True)
    assert got is not None, raw
    assert (got.value, got.precision) == (expected, precision), got.why


NOT_DATES = [
    "for two years",
    "two separate occasions",
    "two years",
    "the past two years",
    "the past week",
    "56 years old",
    "aged 56",
    "56-year-old",
    "3 p.m.",
    "10:30 a.m.",
    "midnight",
    "annual",
    "quarterly",
    "the previous day",  # anchored to another event, not to publication
    "a year earlier",
    "the 1990s",
    "February 29",  # 2021 is not a leap year
    "June 31",
    "before Saturday",  # bounds the event rather than dating it
    "until next week",
    "1500",
    "",
    "last",
    "in two weeks",  # a duration unless the clause is about the future
]


@pytest.mark.parametrize("raw", NOT_DATES)
def test_not_a_date(raw: str) -> None:
    assert resolve(raw, SAT) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("March 3, 2021", "2021-03-03"), ("2021-12-09", "2021-12-09"), ("in 2015", "2015-01-01")],
)
def test_without_publication_date_only_self_contained_dates_resolve(
    raw: str, expected: str
) -> None:
    got = resolve(raw, None)
    assert got is not None
    assert got.value == expected


@pytest.mark.parametrize("raw", ["Thursday", "March 3", "last week", "yesterday"])
def test_without_publication_date_relative_dates_do_not_resolve(raw: str) -> None:
    assert resolve(raw, None) is None


def test_why_names_the_rule() -> None:
    got = resolve("Thursday", SAT)
    assert got is not None
    assert "most recent" in got.why
    later = resolve("Dec. 30", NEW_YEAR)
    assert later is not None
    assert "last year" in later.why


# --- event_date: which date belongs to the event -------------------------------------------


def trigger_of(nlp: Language, sentence: str, verb: str) -> Token:
    doc = nlp(sentence)
    return next(t for t in doc if t.text == verb)


def test_caption_ending_in_a_weekday(nlp: Language) -> None:
    trigger = trigger_of(
        nlp,
        "The foreign minister greets her Jordanian counterpart at the airport in Amman, Thursday.",
        "greets",
    )
    got = event_date(trigger, SAT)
    assert got is not None
    assert (got.value, got.precision, got.raw) == ("2021-12-09", "day", "Thursday")


def test_arrival_earlier_this_week(nlp: Language) -> None:
    trigger = trigger_of(
        nlp,
        "The army chief and the intelligence director arrived in Cairo earlier this week "
        "to discuss the border.",
        "arrived",
    )
    got = event_date(trigger, SAT)
    assert got is not None
    assert (got.value, got.precision, got.raw) == ("2021-12-06", "week", "earlier this week")


def test_reporting_verb_keeps_its_own_date(nlp: Language) -> None:
    doc = nlp("The newspaper reported on Saturday that border guards had detained two smugglers.")
    report = next(t for t in doc if t.text == "reported")
    detained = next(t for t in doc if t.text == "detained")
    on_report = event_date(report, MON)
    assert on_report is not None
    assert (on_report.value, on_report.raw) == ("2021-12-11", "Saturday")
    reported_event = event_date(detained, MON)
    assert reported_event is not None
    assert reported_event.raw is None
    assert reported_event.value == MON.isoformat()
    assert reported_event.why == PUBLICATION_WHY


def test_trailing_reporting_clause_keeps_its_own_date(nlp: Language) -> None:
    doc = nlp("Militants shelled the village twice, the agency reported on Friday.")
    shelled = next(t for t in doc if t.text == "shelled")
    got = event_date(shelled, SAT)
    assert got is not None
    assert got.raw is None


def test_date_of_an_embedded_event_is_its_own(nlp: Language) -> None:
    doc = nlp("Officials said Friday that rebels attacked the town on March 3.")
    attacked = next(t for t in doc if t.text == "attacked")
    said = next(t for t in doc if t.text == "said")
    attack_date = event_date(attacked, SAT)
    said_date = event_date(said, SAT)
    assert attack_date is not None and said_date is not None
    assert (attack_date.value, attack_date.raw) == ("2021-03-03", "March 3")
    assert (said_date.value, said_date.raw) == ("2021-12-10", "Friday")


def test_no_date_in_clause_falls_back_to_publication(nlp: Language) -> None:
    trigger = trigger_of(nlp, "The two governments signed a trade agreement.", "signed")
    got = event_date(trigger, SAT)
    assert got is not None
    assert got.to_dict() == {
        "value": "2021-12-11",
        "precision": "day",
        "raw": None,
        "why": PUBLICATION_WHY,
    }
    assert event_date(trigger, None) is None


def test_year_modifying_a_noun_does_not_date_the_event(nlp: Language) -> None:
    trigger = trigger_of(nlp, "The president wants to revive the 2015 nuclear accord.", "revive")
    got = event_date(trigger, SAT)
    assert got is not None
    assert got.raw is None


def test_date_bounding_the_event_is_not_its_date(nlp: Language) -> None:
    trigger = trigger_of(nlp, "Students marched through the city after Saturday's vote.", "marched")
    got = event_date(trigger, MON)
    assert got is not None
    assert got.raw is None


def test_coordinated_verbs_each_keep_their_date(nlp: Language) -> None:
    doc = nlp("Police detained four activists on Monday and released them on Wednesday.")
    detained = next(t for t in doc if t.text == "detained")
    released = next(t for t in doc if t.text == "released")
    first, second = event_date(detained, SAT), event_date(released, SAT)
    assert first is not None and second is not None
    assert (first.value, second.value) == ("2021-12-06", "2021-12-08")


def test_coordinated_verb_without_date_shares_its_partners(nlp: Language) -> None:
    doc = nlp("On Tuesday the envoy landed in Baghdad and met the prime minister.")
    met = next(t for t in doc if t.text == "met")
    got = event_date(met, SAT)
    assert got is not None
    assert (got.value, got.raw) == ("2021-12-07", "Tuesday")


def test_future_clause_looks_ahead(nlp: Language) -> None:
    visit = trigger_of(nlp, "The prime minister will visit Cairo on Thursday.", "visit")
    assert is_future(visit)
    got = event_date(visit, SAT)
    assert got is not None
    assert got.value == "2021-12-16"


def test_past_clause_is_not_future(nlp: Language) -> None:
    visited = trigger_of(nlp, "The prime minister visited Cairo on Thursday.", "visited")
    assert not is_future(visited)
    got = event_date(visited, SAT)
    assert got is not None
    assert got.value == "2021-12-09"


def test_date_without_publication_date_still_resolves_when_absolute(nlp: Language) -> None:
    trigger = trigger_of(nlp, "The rebels seized the airport on March 3, 2021.", "seized")
    got = event_date(trigger, None)
    assert got is not None
    assert (got.value, got.precision) == ("2021-03-03", "day")
