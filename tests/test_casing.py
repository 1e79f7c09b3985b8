"""Text written all in lower case is parsed with its capitals restored, and coded as written."""

from __future__ import annotations

import pytest

import tacitus
from tacitus.casing import CaseRestorer, default_restorer, is_lower_cased
from tacitus.model import Article


def test_a_text_is_lower_cased_when_it_has_almost_no_capitals() -> None:
    assert is_lower_cased("police arrested twelve people in the old city on friday.")
    assert not is_lower_cased("Police arrested twelve people in the old city on Friday.")
    assert not is_lower_cased("ok, fine")  # too short to tell


def test_names_the_dictionaries_hold_get_their_capitals_back() -> None:
    restored = default_restorer().restore(
        "israeli troops fired on palestinians in gaza; the united nations and nato protested."
    )
    assert restored == (
        "Israeli troops fired on Palestinians in Gaza; the United Nations and NATO protested."
    )


def test_sentence_starts_the_pronoun_i_and_the_name_after_an_honorific() -> None:
    restored = default_restorer().restore('he left. "i will go," said mr smith.\nthen he went.')
    assert restored == 'He left. "I will go," said Mr Smith.\nThen he went.'


def test_a_one_letter_abbreviation_ends_no_sentence() -> None:
    assert default_restorer().restore("the u.s. forces left") == "The U.S. forces left"


def test_a_name_that_is_a_function_word_is_restored_only_after_the() -> None:
    restored = default_restorer().restore("the us would help us, the who said.")
    assert restored == "The US would help us, the WHO said."


def test_a_city_named_like_an_english_word_stays_a_word() -> None:
    restorer = CaseRestorer.from_forms(["Reading", "Ahmedabad"])
    assert restorer.restore("reading in ahmedabad") == "Reading in Ahmedabad"
    words = frozenset({"reading"})
    assert "reading" not in {k[0] for k in default_restorer(words).names if len(k) == 1}


def test_restoring_keeps_every_offset() -> None:
    text = "the prime minister of india, mr vajpayee, visited the u.s. on monday."
    assert len(default_restorer().restore(text)) == len(text)


@pytest.mark.parametrize(
    ("text", "source", "code", "target"),
    [
        ("israeli troops killed two palestinians in gaza on monday.", "ISR", "19", "PSE"),
        ("police arrested twelve people in ahmedabad on friday.", "IND", "17", None),
        ("the united nations condemned the attack by israel.", "UNO", "11", "ISR"),
    ],
)
def test_a_lower_cased_sentence_is_coded_as_its_written_form_would_be(
    text: str, source: str, code: str, target: str | None
) -> None:
    events = tacitus.code(text, published="2002-03-01").events
    kept = [e for e in events if not e.candidate and e.cameo.startswith(code)]
    assert kept, [(e.cameo, e.source, e.target) for e in events]
    ev = kept[0]
    assert ev.source is not None and source in (ev.source.code or "")
    if target:
        assert ev.target is not None and target in (ev.target.code or "")
    assert ev.text == text  # the record quotes the article as written


def test_a_known_place_opening_a_line_is_restored_as_a_dateline() -> None:
    restored = default_restorer().restore("ahmedabad: fresh clashes broke out on thursday.")
    assert restored == "AHMEDABAD: Fresh clashes broke out on Thursday."


def test_a_lower_cased_article_is_stored_as_written_and_its_dateline_places_the_police() -> None:
    text = (
        "clashes spread in ahmedabad\n\n"
        "ahmedabad: fresh clashes broke out in the old city on thursday.\n\n"
        "the police fired tear gas to disperse a mob, an officer said."
    )
    result = tacitus.code(text, published="2002-03-01")
    assert result.article.text == text
    assert all(s.text == text[s.start : s.end] for s in result.article.segments)
    police = [e for e in result.events if e.source and e.source.code == "INDCOP"]
    assert police, [(e.cameo, e.source) for e in result.events]
    assert all(not e.candidate and e.text in text for e in police)


def test_a_lower_cased_article_that_fails_keeps_its_text_as_written() -> None:
    pipeline = tacitus.load()
    budget = pipeline.time_budget
    pipeline.time_budget = 0.0  # every article runs out of time at once
    try:
        text = "police arrested twelve people in ahmedabad on friday, officials said."
        (result,) = pipeline.code([Article(id="lc", text=text)])
    finally:
        pipeline.time_budget = budget
    assert result.failure is not None
    assert result.failure.text == text


def test_a_verb_spelt_like_an_honorific_stays_a_verb() -> None:
    assert default_restorer().restore("they will miss the deadline.") == (
        "They will miss the deadline."
    )
