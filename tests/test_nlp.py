"""The nlp stage: any installed English spaCy pipeline by name, a clear error otherwise."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tacitus.errors import ModelError
from tacitus.nlp import DEFAULT_MODEL, load_pipeline


def test_the_default_pipeline_parses_and_recognises_entities(nlp: Language) -> None:
    assert {"parser", "ner"} <= set(nlp.pipe_names)
    assert load_pipeline(DEFAULT_MODEL) is nlp  # loaded once per process


def test_a_missing_pipeline_says_how_to_install_one() -> None:
    with pytest.raises(ModelError, match="not installed"):
        load_pipeline("en_core_web_nonexistent")


def test_a_hyphenated_noun_is_one_word_of_its_phrase(nlp: Language) -> None:
    # The parser reads "co" and "-" as two more subjects of "said"; the first part of a
    # hyphenated noun hangs from its last, so the only subject is the co-chairman.
    doc = nlp("Tory co-chairman Liam Fox said the party was ready.")
    said = next(t for t in doc if t.text == "said")
    subjects = [c.text for c in said.children if c.dep_ == "nsubj"]
    assert subjects == ["Fox"], subjects
    fox = next(t for t in doc if t.text == "Fox")
    assert [t.text for t in fox.subtree] == ["Tory", "co", "-", "chairman", "Liam", "Fox"]
