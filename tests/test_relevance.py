"""Relevance: which events a researcher of political events keeps (the default output).

Topic counting is specified on Docs built by hand from words; the party rules on actors.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

import tacitus
from tacitus.coder.relevance import POLITICS, ArticleTopic, article_topic, candidate_reason
from tacitus.model import Actor, Event

_BLANK = spacy.blank("en")


def _doc(text: str) -> Doc:
    return _BLANK(text)


def _event(source: Actor | None, target: Actor | None = None) -> Event:
    return Event("a", 0, (0, 1), "x", source, target, "190", "", None, None, None, None)


def _state(code: str) -> Actor:
    return Actor(code, code, code, (), kind="country")


def _actor(code: str | None, *sectors: str, kind: str = "agent") -> Actor:
    country = code[:3] if code else None
    return Actor("x", code, country, sectors, kind=kind)


POLITICAL = ArticleTopic(POLITICS, {POLITICS: 9}, ("minister",))
SPORT = ArticleTopic("sport", {"sport": 12, POLITICS: 1}, ("match", "goal"))


def test_a_match_report_is_sport_news() -> None:
    docs = [
        ("headline", _doc("Russia beat Croatia in cup final")),
        ("body", _doc("The striker scored a late goal and the coach praised the squad's season.")),
    ]
    assert article_topic(docs).topic == "sport"


def test_a_cabinet_story_is_political_news() -> None:
    docs = [
        ("headline", _doc("Minister resigns over election row")),
        (
            "body",
            _doc("The opposition party called on the government to hold a vote in parliament."),
        ),
    ]
    assert article_topic(docs).political


def test_a_short_item_with_few_cue_words_stays_political() -> None:
    assert article_topic([("body", _doc("The team met on Monday."))]).political


def test_an_uncoded_or_countryless_source_is_a_candidate() -> None:
    assert "uncoded source" in str(candidate_reason(_event(None), POLITICAL))
    assert "uncoded source" in str(candidate_reason(_event(_actor(None)), POLITICAL))
    reason = candidate_reason(_event(_actor("---GOV", "GOV")), POLITICAL)
    assert reason is not None and "no country" in reason


def test_events_with_no_political_party_are_candidates() -> None:
    firm, rival = _actor("GBRBUS", "BUS"), _actor("USABUS", "BUS")
    assert candidate_reason(_event(firm, rival), POLITICAL) == "no political party on either side"


def test_a_nationality_alone_does_not_make_a_person_a_state() -> None:
    person = _actor("AUS", kind="person")
    assert candidate_reason(_event(person), POLITICAL) == "no political party on either side"


def test_a_state_or_an_organ_acting_in_political_news_is_kept() -> None:
    assert candidate_reason(_event(_state("ISR"), _state("IRN")), POLITICAL) is None
    assert (
        candidate_reason(_event(_actor("GBRBUS", "BUS"), _actor("GBRGOV", "GOV")), POLITICAL)
        is None
    )


def test_in_sport_news_countries_are_teams_but_organs_still_count() -> None:
    reason = candidate_reason(_event(_state("RUS"), _state("HRV")), SPORT)
    assert reason is not None and reason.startswith("not political news: sport")
    assert candidate_reason(_event(_actor("GBRGOV", "GOV"), _state("FRA")), SPORT) is None


@pytest.mark.slow
def test_a_match_result_is_not_in_the_default_output() -> None:
    text = (
        "Croatia stun Russia in World Cup thriller\n\n"
        "Croatia beat Russia 2-1 in the quarter-final on Saturday, with the striker scoring "
        "twice as the league's top goalscorer led his team to a famous victory.\n\n"
        "The coach said the squad would rest before the semi-final against England."
    )
    events = tacitus.code(text, published="2018-07-08").events
    assert all(e.candidate for e in events)


@pytest.mark.slow
def test_a_political_act_is_kept_and_says_nothing_about_candidacy() -> None:
    text = "Washington imposed sanctions on Venezuelan officials on Monday."
    events = tacitus.code(text, published="2019-01-07").events
    kept = [e for e in events if e.candidate is None]
    assert any(e.root == "16" for e in kept)
    assert all(e.to_dict()["candidate"] is None for e in kept)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The Kenyan company president criticised the new tax.", "KENBUS"),
        ("The Russian Foreign Ministry spokesman condemned the sanctions.", "RUSGOV"),
    ],
)
def test_a_generic_position_takes_the_sector_of_the_body_beside_it(text: str, code: str) -> None:
    sources = {e.source.code for e in tacitus.code(text, published="2024-01-01").events if e.source}
    assert code in sources, sources


def test_in_other_news_an_organ_s_talk_is_a_candidate_but_its_acts_are_kept() -> None:
    business = ArticleTopic("business", {"business": 20, POLITICS: 2}, ("share",))
    comment = _event(_actor("USACOP", "COP"))
    comment.cameo = "010"
    reason = candidate_reason(comment, business)
    assert reason is not None and reason.startswith("not political news")
    raid = _event(_actor("USACOP", "COP"), _actor("USABUS", "BUS"))  # root 19 by default
    assert candidate_reason(raid, business) is None
    appeal = _event(_actor("IGOEEC", "IGO"), _state("POL"))
    appeal.cameo = "020"
    assert candidate_reason(appeal, business) is None


def test_an_act_reported_twice_in_an_article_is_one_event() -> None:
    from tacitus.coder.relevance import mark_candidates

    first = _event(_state("ISR"), _state("SYR"))
    again = _event(_state("ISR"), _state("SYR"))
    again.sentence = 4
    said = [_event(_state("ISR")), _event(_state("ISR"))]
    for e in said:
        e.cameo = "010"
    docs = [("body", _doc("The minister said the army struck targets in the war."))]
    mark_candidates([first, again, *said], docs)
    assert first.candidate is None
    assert again.candidate == "repeats the event of sentence 0"
    assert [e.candidate for e in said] == [None, None]  # each statement is its own event


def test_two_parties_of_one_code_acting_alike_are_two_events() -> None:
    # Labour and the Liberal Democrats are both GBRPTY: each criticising the Conservatives is
    # its own event; the same party doing it again is a repeat.
    from tacitus.coder.relevance import mark_candidates

    def party(name: str) -> Actor:
        return Actor(name, "GBRPTY", "GBR", ("PTY",), name=name, kind="organisation")

    labour = _event(party("Labour Party"), party("Conservative Party"))
    libdems = _event(party("Liberal Democrats"), party("Conservative Party"))
    labour_again = _event(party("Labour Party"), party("Conservative Party"))
    for n, e in enumerate((labour, libdems, labour_again)):
        e.cameo, e.sentence = "111", n
    docs = [("body", _doc("The parties criticised each other over the tax plans."))]
    mark_candidates([labour, libdems, labour_again], docs)
    assert [labour.candidate, libdems.candidate] == [None, None]
    assert labour_again.candidate == "repeats the event of sentence 0"


def test_in_other_news_an_organ_s_act_needs_a_party_it_acts_on() -> None:
    # "A judge rejected the motion" in a match report is part of the sports story; "police
    # raided the club" has a party acted upon and is kept.
    ruling = _event(_actor("USAJUD", "JUD"))
    ruling.cameo = "120"
    reason = candidate_reason(ruling, SPORT)
    assert reason is not None and reason.startswith("not political news")
    roleless = _event(_actor("USACOP", "COP"), _actor("---BUS", "BUS"))
    assert candidate_reason(roleless, SPORT) is not None
    raid = _event(_actor("USACOP", "COP"), _actor("USABUS", "BUS"))
    assert candidate_reason(raid, SPORT) is None


def test_the_justice_system_s_words_do_not_make_a_crime_story_political() -> None:
    # Police, arrests, courts and trials are as much crime news as politics.
    docs = [
        ("headline", _doc("Singer in court after nightclub stabbing")),
        (
            "body",
            _doc(
                "Police said the singer was arrested after a stabbing and a robbery at the "
                "club; a judge set a trial date as the gang suspect denied the assault."
            ),
        ),
    ]
    assert article_topic(docs).topic == "crime"


def test_in_other_news_arrests_by_the_police_stay_events() -> None:
    # Users track repression: an arrest is kept whoever is arrested; a police comment is not.
    arrest = _event(_actor("GBRCOP", "COP"), _actor(None))
    arrest.cameo = "173"
    assert candidate_reason(arrest, SPORT) is None
    comment = _event(_actor("GBRCOP", "COP"))
    comment.cameo = "010"
    assert candidate_reason(comment, SPORT) is not None
    ban = _event(_actor("GBRGOV", "GOV"))
    ban.cameo = "172"
    assert candidate_reason(ban, SPORT) is not None


def test_what_private_people_say_is_opinion_but_their_lawsuits_and_protests_are_acts() -> None:
    said = _event(_actor("GBRCVL", "CVL"), _state("GBR"))
    said.cameo = "0211"
    assert candidate_reason(said, POLITICAL) is not None
    sued = _event(_actor("GBRCVL", "CVL"), _actor("GBRGOV", "GOV"))
    sued.cameo = "115"
    assert candidate_reason(sued, POLITICAL) is None
    marched = _event(_actor("GBRCVL", "CVL"), _actor("GBRGOV", "GOV"))
    marched.cameo = "141"
    assert candidate_reason(marched, POLITICAL) is None


@pytest.mark.slow
def test_a_body_named_after_a_country_is_not_the_state() -> None:
    text = "The United States Anti-Doping Agency accused the laboratory of supplying steroids."
    events = tacitus.code(text, published="2004-10-01").events
    sources = [e.source for e in events if e.source is not None]
    assert sources and all(s.country == "USA" and s.kind == "organisation" for s in sources)
    assert all(e.candidate for e in events)


def test_a_hypothetical_act_is_a_candidate() -> None:
    could = _event(_actor("GBRGOV", "GOV"), _state("FRA"))
    could.modality = "hypothetical"
    reason = candidate_reason(could, POLITICAL)
    assert reason is not None and reason.startswith("a hypothetical act")


def test_an_event_noun_aimed_at_no_party_is_a_reference_not_a_report() -> None:
    war = _event(_state("IRQ"))
    war.nominal = True
    reason = candidate_reason(war, POLITICAL)
    assert reason is not None and reason.startswith("an event noun aimed at no party")
    strikes = _event(_state("ISR"), _state("SYR"))
    strikes.nominal = True  # "Israeli strikes on Syria": aimed at a party, a report
    assert candidate_reason(strikes, POLITICAL) is None


def _unknown(code: str, text: str) -> Actor:
    return Actor(text, code, code, (), kind="unknown")


def test_a_natural_or_accidental_cause_is_no_party() -> None:
    quake = _event(_unknown("PAK", "A powerful earthquake"), _state("PAK"))
    reason = candidate_reason(quake, POLITICAL)
    assert reason is not None and "natural or accidental cause ('earthquake')" in reason
    floods = _event(_unknown("BGD", "Heavy floods"), _actor("BGDCVL", "CVL"))
    assert candidate_reason(floods, POLITICAL) is not None
    # An unknown hand that is not a cause of nature stays an event: a bombing in a market.
    blast = _event(_unknown("IRQ", "A car bomb"), _actor("IRQCVL", "CVL"))
    blast.cameo = "1832"
    assert candidate_reason(blast, POLITICAL) is None


def test_protests_and_bombings_are_political_whoever_does_them() -> None:
    march = _event(_actor("IDNEDU", "EDU"))
    march.cameo = "1412"  # students demonstrating for reform
    assert candidate_reason(march, POLITICAL) is None
    brawl = _event(_actor("IDNCVL", "CVL"), _actor("IDNCVL", "CVL"))
    brawl.cameo = "180"  # a fight between civilians is not, by its code alone
    assert candidate_reason(brawl, POLITICAL) == "no political party on either side"


def test_a_partys_act_aimed_at_no_one_is_a_candidate() -> None:
    def coded(code: str, source: Actor, target: Actor | None = None) -> Event:
        return Event("a", 0, (0, 1), "x", source, target, code, "", None, None, None, None)

    party = _actor("GBRPTY", "PTY")
    assert candidate_reason(coded("111", party), POLITICAL) is not None
    assert candidate_reason(coded("020", party), POLITICAL) is not None
    # Aimed at a party, or said by a government, or a plain statement: kept.
    assert candidate_reason(coded("111", party, _actor("GBRGOV", "GOV")), POLITICAL) is None
    assert candidate_reason(coded("111", _actor("GBRGOV", "GOV")), POLITICAL) is None
    assert candidate_reason(coded("051", party), POLITICAL) is not None
    assert candidate_reason(coded("010", party), POLITICAL) is None
    assert candidate_reason(coded("141", party), POLITICAL) is None  # a protest


def test_an_international_armed_group_is_a_political_party() -> None:
    events = tacitus.code("Islamic State fighters released two women they had abducted.").events
    assert any(e.root == "08" and not e.candidate for e in events), events
