"""CAMEO sub-codes by what an act is about, specified on sentences written for these tests.

Each case: a sentence and the code the coded event of its root must have.
"""

from __future__ import annotations

import pytest

import tacitus
from tacitus.coder.aims import FAMILIES, aim_of
from tacitus.coder.codebook import cameo_codes

CASES = [
    # appeals (02) by what is asked for
    ("Chile appealed to Japan for emergency food supplies.", "0233"),
    ("Kenya asked the World Bank for a new loan.", "0231"),
    ("Ghana called on Togo to extradite the former minister.", "0213"),
    ("The union urged the government to lift the ban on street vendors.", "0251"),
    ("Haiti appealed to the United Nations for peacekeeping troops.", "0234"),
    ("The bishops called for the resignation of the interior minister.", "0241"),
    # demands (10) in a clause
    ("Peru demanded that Bolivia release the detained fishermen.", "1053"),
    ("The opposition demanded constitutional changes from the president.", "1044"),
    ("Morocco demanded that Spain end its embargo on Moroccan fruit.", "1054"),
    # rejections (12) of what was asked
    ("Chad rejected calls for humanitarian aid.", "1223"),
    ("Nepal rejected the proposal for a ceasefire.", "1246"),
    ("Cuba rejected Spanish demands for political reform.", "123"),
    # intentions (03)
    ("Vietnam and Laos agreed on a new trade pact.", "0311"),
    # protests (14x) by aim
    ("Students blocked roads in Dhaka to demand democratic reforms.", "1444"),
    ("Greek unions began a general strike over the new pension law.", "1432"),
    # only the aims a family has sub-codes for count: a protest has none for military
    # cooperation, so the policy is what it is about
    ("Albanian students rioted against the government's military policies.", "1452"),
]


@pytest.mark.parametrize(("text", "code"), CASES)
def test_the_sub_code_says_what_the_act_is_about(text: str, code: str) -> None:
    events = tacitus.code(text, published="2024-05-10").events
    assert code in [e.cameo for e in events], [(e.cameo, e.why) for e in events]


def test_time_phrases_do_not_choose_the_sub_code() -> None:
    events = tacitus.code("Fiji rejected the plan after two days of talks.").events
    assert all(e.cameo != "125" for e in events), [e.cameo for e in events]


def test_a_specific_pattern_keeps_its_reading() -> None:
    """'rejected an invitation to talks' is 125 from the noun, whatever the talks are about."""
    events = tacitus.code("Mali rejected an invitation to talks on military cooperation.").events
    assert "125" in [e.cameo for e in events]


def test_no_aim_words_no_refinement() -> None:
    assert aim_of([]) is None


def test_every_family_code_is_a_cameo_code() -> None:
    codes = cameo_codes()
    assert all(c in codes for family in FAMILIES.values() for c in family.values())
