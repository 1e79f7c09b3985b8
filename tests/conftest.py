"""Shared fixtures. The spaCy pipeline loads once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from tacitus.places import Gazetteer

SHARED = Path(__file__).resolve().parents[2] / "shared"
EVAL = SHARED / "eval"


@pytest.fixture(scope="session")
def nlp() -> Language:
    from tacitus.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    from tacitus.places import load_gazetteer

    return load_gazetteer()


def require_eval(*parts: str) -> Path:
    """The path of a file in ../shared/eval, or skip the test saying what is missing."""
    path = EVAL.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: evaluation data lives in ../shared/eval beside the repo")
    return path
