"""Actor phrases whose country or organisation is in the phrase itself: national agencies,
roles of a named body ("a spokesman for the Taliban") and roles of a first-level division
("the Kaduna State government"). Sentences written for these tests."""

from __future__ import annotations

import tacitus


def _source_codes(text: str) -> list[str | None]:
    return [e.source.code for e in tacitus.code(text, published="2024-05-02").events if e.source]


# -- national agencies (organisations.tsv) -------------------------------------------------


def test_a_national_agency_named_by_its_acronym_is_its_country_and_sector() -> None:
    assert _source_codes("A USCIS spokeswoman declined to comment on the new rules.") == ["USAGOV"]
    assert _source_codes("The Enforcement Directorate arrested the former minister.") == ["INDGOV"]
    assert _source_codes("The EFCC arrested the former governor on Monday.") == ["NGAGOV"]


def test_a_body_of_a_legislature_is_coded_as_the_legislature() -> None:
    # The GAO works for Congress: the legislature's sector, not the executive's.
    assert _source_codes("The Government Accountability Office criticised the Pentagon.") == [
        "USALEG"
    ]


def test_a_department_name_many_states_share_gives_no_country() -> None:
    # The Philippines, South Africa and the US each have a Department of Agriculture.
    codes = _source_codes("The Department of Agriculture rejected the farmers' demands.")
    assert all(code is None or code.startswith("---") for code in codes), codes


def test_an_acronym_another_body_shares_is_not_an_agency() -> None:
    # FIA is also the motor-sport federation: no Pakistani police in a racing story.
    codes = _source_codes("The FIA fined the team after the race in Monaco.")
    assert not any(code and code.startswith("PAK") for code in codes), codes


# -- a role and the body it belongs to (for/with phrases, possessives) -------------------


def test_a_role_for_an_organisation_is_that_organisation() -> None:
    assert _source_codes("A spokesman for the Taliban rejected the proposal.") == ["AFGREB"]
    assert _source_codes("A spokeswoman for the State Department declined to comment.") == [
        "USAGOV"
    ]


def test_a_position_for_a_company_takes_the_company_sector_not_the_government() -> None:
    assert _source_codes("A spokesman for Chevron rejected the proposal.") == ["USABUS"]


def test_fighters_with_an_armed_group_are_that_group() -> None:
    codes = _source_codes(
        "Rebels with the Revolutionary Armed Forces of Colombia freed two hostages."
    )
    assert codes and codes[0] == "COLREB", codes


def test_a_state_after_to_or_for_is_the_counterpart_not_the_employer() -> None:
    # The ambassador to Iran is not Iranian; with no other state named, the country stays null.
    codes = _source_codes("The ambassador to Iran rejected the proposal.")
    assert codes and not any(code and code.startswith("IRN") for code in codes), codes
    # The UN's envoy for Syria is the UN's, not Syria's.
    assert _source_codes("The UN envoy for Syria criticised Russia.") == ["IGOUNO"]


def test_a_state_that_owns_the_body_in_a_for_phrase_is_the_employer() -> None:
    assert _source_codes("A spokesman for the Iranian embassy rejected the report.") == ["IRNGOV"]
    # "to" with a body, not a state, is whom the role serves: the adviser is Iran's.
    assert _source_codes("An adviser to the Iranian president rejected the report.") == ["IRNGOV"]


def test_a_possessive_country_is_not_swallowed_by_a_person_entity() -> None:
    # The recogniser may tag "Sri Lanka's" as a person; the possessive is no part of a name.
    assert _source_codes("Sri Lanka's police chief refused to resign.") == ["LKACOP"]


# -- a first-level division gives a role in its phrase its country -------------------------


def test_a_division_gives_the_role_or_organ_beside_it_its_country() -> None:
    assert _source_codes("The Kaduna State government banned the rally.") == ["NGAGOV"]
    assert _source_codes("Officials in Bavaria rejected the plan.") == ["DEUGOV"]
    assert _source_codes("Kano governor Abba Yusuf met the protesters.") == ["NGAGOV"]


def test_a_division_is_no_actor_by_itself() -> None:
    # Issue 8: a place never becomes an actor by a gazetteer hit alone.
    assert _source_codes("Texas sued the administration over the rule.") in ([], [None])


def test_a_division_name_two_countries_share_gives_no_country() -> None:
    # Punjab is a state of India and a province of Pakistan.
    codes = _source_codes("Punjab police arrested the activist.")
    assert codes and not any(c and c[:3] in ("IND", "PAK") for c in codes), codes


def test_a_division_name_that_is_also_a_common_name_gives_no_country() -> None:
    codes = _source_codes("The Victorian government rejected the plan.")
    assert codes and not any(c and c.startswith("AUS") for c in codes), codes


def test_a_division_inside_a_team_or_firm_name_is_not_the_division() -> None:
    codes = _source_codes("An Indiana Pacers spokesman criticised the referees.")
    assert not any(c and c.startswith("USA") for c in codes), codes


def test_a_state_named_inside_a_division_name_is_still_a_party() -> None:
    events = tacitus.code("Iran shelled Iraqi Kurdistan on Monday.").events
    assert [e.target.code for e in events if e.target] == ["IRQ"]


def test_division_forms_keep_only_names_that_point_to_one_country() -> None:
    from tacitus.dictionaries import load_dictionaries
    from tacitus.divisions import division_forms

    forms = division_forms(load_dictionaries())
    assert forms["Kano"].country == "NGA"  # the bare name of "Kano State"
    assert forms["West Bengal"].country == "IND"
    for ambiguous in ("Punjab", "Georgia", "Victoria", "Delta", "Kurdistan", "Mexico"):
        assert ambiguous not in forms, ambiguous


def test_provinces_of_states_at_war_give_their_roles_a_country() -> None:
    assert _source_codes("Rebel fighters in the Idlib countryside rejected the deal.") == ["SYRREB"]
    codes = _source_codes("The Helmand police chief accused the insurgents of an attack.")
    assert codes and codes[0] == "AFGCOP", codes


def test_an_undotted_abbreviation_of_a_division_is_a_name() -> None:
    assert _source_codes("NSW Premier Chris Minns criticised the federal government.") == ["AUSGOV"]


def test_a_title_before_a_plural_proper_noun_opens_a_body_name_not_a_rank() -> None:
    firm = _source_codes("General Motors criticised the new Chinese tariffs.")
    assert not any(c and c.endswith("MIL") for c in firm), firm
    general = _source_codes("General Petraeus criticised the Iraqi government.")
    assert general and all(c and c.endswith("MIL") for c in general), general


def test_a_fan_of_a_body_takes_no_role_from_it() -> None:
    events = tacitus.code("Police arrested a Palace fan in Cairo.").events
    assert not any(e.target and (e.target.code or "").endswith("GOV") for e in events), events


def test_abbreviated_titles_are_roles_as_news_style_writes_them() -> None:
    assert _source_codes("New Jersey Gov. Phil Murphy criticised the plan.") == ["USAGOV"]
    assert _source_codes("Sen. Bernie Sanders of Vermont criticised the plan.") == ["USALEG"]
    assert _source_codes("Rep. Don Bacon of Nebraska criticised the plan.") == ["USALEG"]
    general = _source_codes("Gen. Mark Milley criticised the Iraqi government.")
    assert general and all(c and c.endswith("MIL") for c in general), general
