"""Word sense from the arguments: a verb's reading restricted by its object's class."""

from __future__ import annotations

import pytest

import tacitus
from tacitus.coder.patterns import Pattern, parse_pattern
from tacitus.dictionaries import DictionaryError


def _pattern(line: str) -> Pattern:
    code, rest = line.split(maxsplit=1)
    return parse_pattern(code, rest, 1, "test:1", file="test")


def test_a_class_object_matches_only_objects_of_that_class() -> None:
    pat = _pattern("043 receive =@party")
    assert pat.matches(objects={"delegation", "@party"})
    assert not pat.matches(objects={"pound", "@money"})


def test_any_object_needs_a_real_object() -> None:
    pat = _pattern("051 welcome =*")
    assert pat.matches(objects={"rise"})
    assert not pat.matches(objects={"@none"})


def test_named_objects_beat_classes_which_beat_any_object() -> None:
    named = _pattern("051 welcome =decision")
    cls = _pattern("043 welcome =@party")
    anything = _pattern("051 welcome =*")
    assert named.specificity() > cls.specificity() > anything.specificity()


def test_an_unknown_class_is_an_error_naming_the_known_ones() -> None:
    with pytest.raises(DictionaryError, match=r"unknown object class.*@party"):
        _pattern("043 receive =@visitorz")


def _codes(text: str) -> set[str]:
    return {e.cameo for e in tacitus.code(text, published="2024-03-01").events}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("Egypt received a Sudanese delegation in Cairo.", "043", None),
        ("The ministry received four million pounds from the Treasury.", None, "043"),
        ("The Kenyan president called the Ugandan leader on Sunday.", "041", None),
        ("The senator called the decision indefensible.", None, "041"),
        ("Japan welcomed the Indian foreign minister to Tokyo.", "043", None),
        ("Britain welcomed the increase in aid spending.", "051", "043"),
        ("Militants attacked a police station in Kandahar.", "180", "111"),
        ("The opposition leader attacked the government's budget plan.", "111", "190"),
        # The trigger review (docs/triggers.md): each word's other sense falls to no event.
        ("Norway hosted the Sri Lankan foreign minister in Oslo.", "043", None),
        ("The comedian hosted the awards ceremony in London.", None, "043"),
        ("The Indian prime minister met his Nepali counterpart in Delhi.", "040", None),
        ("The carmaker said it had met its sales targets this year.", None, "040"),
        ("Thousands of students demonstrated in Dhaka on Tuesday.", "141", None),
        ("The phone maker demonstrated its new handset at the trade fair.", None, "141"),
        ("Serbia offered Kosovo a deal on border crossings.", "030", None),
        ("The retailer offers cheaper phones to students.", None, "030"),
        ("The rebels launched a campaign against the army in the north.", "113", None),
        ("The party launched its election campaign in Leeds.", None, "113"),
        ("The court ordered the former minister's son to appear before the judges.", "100", None),
        ("The airline ordered twenty new aircraft from the manufacturer.", None, "100"),
        ("The sprinter claimed the national title in Glasgow.", None, "010"),
        # Subject classes: a proposal needs a party to make it.
        ("The new figures suggest that the economy has slowed.", None, "020"),
        ("Thousands of workers rallied outside parliament in Athens.", "141", None),
        ("Bank shares rallied in London on Tuesday.", None, "141"),
    ],
)
def test_the_verb_reads_by_what_its_object_is(
    text: str, present: str | None, absent: str | None
) -> None:
    codes = _codes(text)
    if present:
        assert present in codes, codes
    if absent:
        assert absent not in codes, codes


@pytest.mark.slow
def test_a_name_tagged_only_on_its_first_words_is_still_a_party() -> None:
    from spacy.tokens import Doc

    from tacitus.coder.classes import object_classes
    from tacitus.nlp import load_pipeline

    doc: Doc = load_pipeline()("Brazil welcomed President Anna Maria Souza.")
    head = next(t for t in doc if t.dep_ == "dobj")
    for tok in head.children:  # the recogniser's miss, made certain
        if tok.dep_ == "compound":
            tok.ent_type_ = "PERSON"
    head.ent_type_ = ""
    assert "@party" in object_classes([head])
