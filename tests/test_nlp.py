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
