"""Casualties: counts as written, the clause they belong to, and the judged check."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tacitus.casualties import casualties_of, parse_count
from tacitus.model import Casualties
from tests.conftest import require_eval


@pytest.mark.parametrize(
    ("written", "value", "low"),
    [
        ("five", 5, 5),
        ("106", 106, 106),
        ("1,000", 1000, 1000),
        ("at least 106", 106, 106),
        ("more than 1,000", 1000, 1001),
        ("dozens", None, 24),
        ("hundreds", None, 200),
        ("twenty-one", 21, 21),
        ("two hundred", 200, 200),
        ("nearly 400", 400, 360),
        ("up to 10", 10, 1),
        ("only four", 4, 4),
    ],
)
def test_counts_read_as_value_and_low_bound(written: str, value: int | None, low: int) -> None:
    assert parse_count(written) == (value, low)


def test_words_that_are_no_count() -> None:
    assert parse_count("several hundred thousand reasons") is None
    assert parse_count("many") is None


def casualties(nlp: Language, text: str, trigger: str) -> Casualties | None:
    doc = nlp(text)
    return casualties_of(next(t for t in doc if t.text == trigger))


def test_participles_of_the_trigger_count_dead_and_injured(nlp: Language) -> None:
    found = casualties(
        nlp, "A car bomb exploded in Baghdad, killing at least 106 people and wounding dozens.",
        "exploded",
    )  # fmt: skip
    assert found is not None and found.killed is not None and found.injured is not None
    assert (found.killed.written, found.killed.value, found.killed.low) == (
        "at least 106",
        106,
        106,
    )
    assert found.killed.group == "people"
    assert (found.injured.value, found.injured.low) == (None, 24)
    assert found.arrested is None and found.missing is None


def test_victims_of_a_noun_event_in_the_clause_above(nlp: Language) -> None:
    found = casualties(nlp, "Five people were killed in an attack on a market in Kabul.", "attack")
    assert found is not None and found.killed is not None and found.killed.value == 5


def test_arrests_with_their_group(nlp: Language) -> None:
    found = casualties(nlp, "Police detained dozens of opposition supporters in Minsk.", "detained")
    assert found is not None and found.arrested is not None
    assert found.arrested.low == 24 and found.arrested.group == "opposition supporters"


def test_numbers_of_another_event_are_not_taken(nlp: Language) -> None:
    # The clashes that killed three are another event than the arrests.
    found = casualties(nlp, "Police arrested five people after clashes killed three.", "arrested")
    assert found is not None and found.arrested is not None and found.arrested.value == 5
    assert found.killed is None
    assert casualties(nlp, "Rebels attacked the town. Ten soldiers died.", "attacked") is None


def test_a_figure_for_two_kinds_counts_for_neither(nlp: Language) -> None:
    found = casualties(nlp, "Troops killed or wounded 1,500 soldiers.", "killed")
    assert found is None


def test_coordinated_counts_go_to_their_own_words(nlp: Language) -> None:
    found = casualties(nlp, "Troops raided the camp, leaving three dead and 12 injured.", "raided")
    assert found is not None and found.killed is not None and found.injured is not None
    assert (found.killed.value, found.injured.value) == (3, 12)


def test_judged_casualty_sentences() -> None:
    """The project's own judged sentences from the BBC politics and Reuters corpora
    (tacitus/evaluate/judged/casualties.tsv); measured 0.89 precision, 0.77 recall."""
    from tacitus.evaluate.casualties import score_casualties

    corpora = require_eval("corpora")
    require_eval("corpora", "bbc-news-2225", "bbc-news-2225.jsonl")
    metrics = score_casualties(corpora)
    assert metrics["count_precision"] >= 0.85
    assert metrics["count_recall"] >= 0.70
