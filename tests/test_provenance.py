"""The provenance stage: direct and indirect quotes with speakers, and attribution chains."""

from __future__ import annotations

from spacy.language import Language

from tacitus.model import Actor
from tacitus.provenance import AttributionContext, QuoteSpan, attribution, find_quotes
from tests.conftest import require_eval


def quotes(nlp: Language, text: str) -> list[QuoteSpan]:
    return find_quotes(nlp(text))


def content(text: str, quote: QuoteSpan) -> str:
    return text[quote.content[0] : quote.content[1]]


def speaker(text: str, quote: QuoteSpan) -> str | None:
    return text[quote.speaker[0] : quote.speaker[1]] if quote.speaker else None


# --------------------------------------------------------------------------- direct quotes


def test_direct_quote_with_speaker_after(nlp: Language) -> None:
    text = "“The border will stay closed until spring,” the minister said on Monday."
    [q] = quotes(nlp, text)
    assert q.kind == "direct"
    assert content(text, q) == "The border will stay closed until spring,"
    assert speaker(text, q) == "the minister"
    assert q.cue is not None and q.cue.lemma == "say"


def test_direct_quote_with_inverted_speaker(nlp: Language) -> None:
    text = '"We have no plans to retreat," said Colonel Maria Ortega, a spokeswoman for the army.'
    [q] = quotes(nlp, text)
    assert speaker(text, q) == "Colonel Maria Ortega"


def test_direct_quote_with_speaker_before(nlp: Language) -> None:
    text = "The governor told reporters: “Our roads are open and our schools are safe.”"
    [q] = quotes(nlp, text)
    assert q.kind == "direct"
    assert content(text, q) == "Our roads are open and our schools are safe."
    assert speaker(text, q) == "The governor"
    assert q.cue is not None and q.cue.lemma == "tell"


def test_quote_split_by_its_verb_is_one_quote_in_two_parts(nlp: Language) -> None:
    text = "“We will answer,” she said, “and we will answer soon.”"
    [q] = quotes(nlp, text)
    assert [text[a:b] for a, b in q.parts] == ["We will answer,", "and we will answer soon."]
    assert q.content == (q.parts[0][0], q.parts[1][1])
    assert speaker(text, q) == "she"


def test_straight_and_curly_and_guillemet_quotes(nlp: Language) -> None:
    text = (
        '"The harbour is quiet tonight," the captain said. '
        "«Nous attendons la réponse de Paris», the envoy said. "
        "‘It was never about the money,’ the mayor said."
    )
    found = quotes(nlp, text)
    assert [speaker(text, q) for q in found] == ["the captain", "the envoy", "the mayor"]
    assert content(text, found[1]) == "Nous attendons la réponse de Paris"


def test_apostrophes_are_not_quote_marks(nlp: Language) -> None:
    text = "The council’s vote was the mayor’s first defeat, and it wasn’t close."
    assert quotes(nlp, text) == []


def test_multi_sentence_quote_keeps_its_speaker(nlp: Language) -> None:
    text = (
        "Mayor Jane Okafor said: “The water is safe. Nobody should worry. We test it every hour.”"
    )
    [q] = quotes(nlp, text)
    assert content(text, q).endswith("We test it every hour.")
    assert content(text, q).startswith("The water is safe.")
    assert speaker(text, q) == "Mayor Jane Okafor"


def test_cueless_quote_takes_previous_speaker_in_the_paragraph(nlp: Language) -> None:
    text = (
        "“The bridge is finished,” the engineer Tom Reyes said on Friday. "
        "The crowd applauded. “It took eleven years of work.”"
    )
    first, second = quotes(nlp, text)
    assert speaker(text, second) == speaker(text, first) == "the engineer Tom Reyes"


def test_cueless_quote_after_another_person_has_no_speaker(nlp: Language) -> None:
    text = (
        "“The bridge is finished,” the engineer said. Later, Anna Lindqvist arrived. "
        "“It took eleven years of work.”"
    )
    found = quotes(nlp, text)
    assert found[-1].speaker is None


def test_cueless_quote_in_a_new_paragraph_has_no_speaker(nlp: Language) -> None:
    text = (
        "“The bridge is finished,” the engineer said.\n\n"
        "“Nobody expected it to take eleven years of hard work.”"
    )
    found = quotes(nlp, text)
    assert found[-1].speaker is None


def test_resolver_fills_the_actor(nlp: Language) -> None:
    text = "Gantz said the talks had failed."
    calls: list[tuple[int, int]] = []

    def resolve(start: int, end: int) -> Actor | None:
        calls.append((start, end))
        return Actor(text=text[start:end], code="ISRGOV", country="ISR")

    [q] = find_quotes(nlp(text), resolve_speaker=resolve)
    assert calls == [(0, 5)]
    assert q.actor is not None and q.actor.code == "ISRGOV"


def test_offset_shifts_every_span(nlp: Language) -> None:
    text = "Officials said the road was closed."
    [q] = find_quotes(nlp(text), offset=100)
    assert q.content == (115, 134)
    assert q.speaker == (100, 109)


# --------------------------------------------------------------------------- indirect speech


def test_indirect_speech_with_that_clause(nlp: Language) -> None:
    text = "Gantz warned the Americans that Iran's advances threatened the whole region."
    [q] = quotes(nlp, text)
    assert q.kind == "indirect"
    assert content(text, q) == "Iran's advances threatened the whole region"
    assert speaker(text, q) == "Gantz"
    assert q.cue is not None and q.cue.lemma == "warn"
    assert q.cue_class == "speech"


def test_indirect_speech_without_that_and_inverted(nlp: Language) -> None:
    text = "Officials said the talks failed. The ceasefire collapsed overnight, witnesses said."
    first, second = quotes(nlp, text)
    assert (content(text, first), speaker(text, first)) == ("the talks failed", "Officials")
    assert content(text, second) == "The ceasefire collapsed overnight"
    assert speaker(text, second) == "witnesses"


def test_participle_saying_takes_the_subject_of_its_verb(nlp: Language) -> None:
    text = "The minister resigned on Tuesday, saying that the plan was doomed."
    [q] = quotes(nlp, text)
    assert content(text, q) == "the plan was doomed"
    assert speaker(text, q) == "The minister"


def test_according_to(nlp: Language) -> None:
    text = "According to two local officials, the dam was damaged in the storm."
    [q] = quotes(nlp, text)
    assert q.cue is not None and q.cue.lemma == "according to"
    assert content(text, q) == "the dam was damaged in the storm"
    assert speaker(text, q) == "two local officials"


def test_partial_quote_inside_reported_speech_is_one_indirect_quote(nlp: Language) -> None:
    text = "The senator said the bill was “a disgrace to this chamber” and would fail."
    [q] = quotes(nlp, text)
    assert q.kind == "indirect"
    assert "a disgrace to this chamber" in content(text, q)


def test_stance_is_a_quote_of_its_own_class_unless_nested(nlp: Language) -> None:
    text = "The senator criticized the new budget plan."
    [q] = quotes(nlp, text)
    assert (q.cue_class, content(text, q)) == ("stance", "the new budget plan")
    nested = "The senator said the budget would threaten thousands of jobs."
    [q] = quotes(nlp, nested)
    assert q.cue is not None and q.cue.lemma == "say"


# --------------------------------------------------------------------------- attribution


def attribute(
    nlp: Language, text: str, outlet: str | None = "The Gazette"
) -> list[tuple[str, list[tuple[str, str]]]]:
    ctx = AttributionContext()
    out = []
    for sent in nlp(text).sents:
        a = attribution(sent, outlet=outlet, article_context=ctx)
        out.append((a.status, [(c.name, c.kind) for c in a.by]))
    return out


def test_own_voice_is_direct_with_the_publishing_outlet(nlp: Language) -> None:
    assert attribute(nlp, "The parliament met in the capital on Sunday.") == [
        ("direct", [("The Gazette", "outlet")])
    ]
    assert attribute(nlp, "The parliament met on Sunday.", outlet=None) == [("direct", [])]


def test_named_and_anonymous_sources_are_reported(nlp: Language) -> None:
    text = (
        "Defense Minister Benny Gantz said Iran was close to the threshold. "
        "A senior official briefed on the talks said the deal was dead."
    )
    assert attribute(nlp, text) == [
        ("reported", [("The Gazette", "outlet"), ("Defense Minister Benny Gantz", "named")]),
        ("reported", [("The Gazette", "outlet"), ("A senior official", "anonymous")]),
    ]


def test_according_to_a_source(nlp: Language) -> None:
    [(status, by)] = attribute(nlp, "According to diplomats, the embassy will reopen.")
    assert status == "reported"
    assert by[-1] == ("diplomats", "anonymous")


def test_hedges(nlp: Language) -> None:
    for sentence in (
        "The convoy reportedly crossed the border at night.",
        "It is understood that the plan was shelved.",
        "The general is believed to have left the country.",
        "The rebels appear to have withdrawn from the town.",
        "The minister allegedly took bribes.",
        "The envoy is said to be furious.",
    ):
        [(status, by)] = attribute(nlp, sentence)
        assert status == "hedged", sentence
        assert by == [("The Gazette", "outlet")], sentence


def test_reporting_outlet_chain_and_how_long_it_lasts(nlp: Language) -> None:
    text = (
        "The Daily Planet reported, citing officials, that the deal collapsed. "
        "The report cited two European diplomats. "
        "According to the report, the talks will resume in March. "
        "The delegations are believed to have met twice. "
        "The city has a population of two million. "
        "The mood is said to be grim."
    )
    planet = [("The Gazette", "outlet"), ("The Daily Planet", "outlet")]
    full = [*planet, ("officials", "anonymous"), ("two European diplomats", "anonymous")]
    assert attribute(nlp, text) == [
        ("reported", [*planet, ("officials", "anonymous")]),
        ("reported", full),  # "the report" refers back to the Daily Planet's report
        ("reported", full),
        ("hedged", full),  # a hedge right after a sentence carrying the report inherits it
        ("direct", [("The Gazette", "outlet")]),  # the article's own voice ends the run
        ("hedged", [("The Gazette", "outlet")]),  # a later hedge no longer inherits it
    ]


def test_a_reporting_outlet_relaying_officials(nlp: Language) -> None:
    [(status, by)] = attribute(
        nlp, "The New York Times reported that officials said the plant was hit."
    )
    assert status == "reported"
    assert by == [
        ("The Gazette", "outlet"),
        ("The New York Times", "outlet"),
        ("officials", "anonymous"),
    ]


def test_pronoun_speaker_takes_the_last_named_person(nlp: Language) -> None:
    text = "Prime Minister Anna Berg said taxes would fall. She added that wages would rise."
    assert attribute(nlp, text)[1] == (
        "reported",
        [("The Gazette", "outlet"), ("Prime Minister Anna Berg", "named")],
    )


# --------------------------------------------------------------------------- evaluation


# Measured on the first 10 dev articles: content F1 0.793, source F1 0.639 (whole dev set,
# 84 articles: 0.754 and 0.650). The floors sit a little below, so a regression fails.
FLOOR_CONTENT_F1 = 0.75
FLOOR_SOURCE_F1 = 0.60


def test_quote_accuracy_on_polnear_slice(nlp: Language) -> None:
    from tacitus.evaluate.quotes import evaluate_quotes

    path = require_eval("quotes", "polnear_dev.jsonl")
    scores = evaluate_quotes(path, nlp, limit=10)
    assert scores["articles"] == 10
    assert scores["content_f1"] >= FLOOR_CONTENT_F1
    assert scores["source_f1"] >= FLOOR_SOURCE_F1
