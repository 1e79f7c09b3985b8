"""Semantic classes of arguments: what kind of thing a verb's object is.

A verb's reading often depends on its object: a party received (a visit, 043) or money
received (no event of the receiver's); a party called (a telephone call, 041) or something
called indefensible (a statement). verbs.txt restricts a pattern to an object class with
`=@class`; the classes are data (tacitus/data/classes.tsv) built from lemmas, entity labels
and the role nouns of the actor dictionary, so no verb has a special case in code.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Final

from spacy.tokens import Token

from tacitus.coder.patterns import CLAUSE_KEY
from tacitus.coder.patterns import NO_OBJECT_KEY as NO_OBJECT
from tacitus.dictionaries import load_dictionaries

CLASS_MARK: Final = "@"


@dataclass(frozen=True, slots=True)
class SemanticClass:
    name: str
    lemmas: frozenset[str]
    entities: frozenset[str]

    def holds(self, tok: Token) -> bool:
        return (
            tok.lemma_.lower() in self.lemmas
            or tok.lower_ in self.lemmas
            or (tok.ent_type_ in self.entities)
            # The recogniser sometimes tags a name's first words and not its head ("President
            # Enrique Pena Nieto" with PERSON on Enrique and Pena only): the name's class.
            or (not tok.ent_type_ and any(_named_part(c, self.entities) for c in tok.children))
        )


def _named_part(tok: Token, entities: frozenset[str]) -> bool:
    return tok.dep_ == "compound" and tok.ent_type_ in entities


@cache
def semantic_classes() -> tuple[SemanticClass, ...]:
    path = resources.files("tacitus") / "data" / "classes.tsv"
    agents = frozenset(w for a in load_dictionaries().agents for w in a.words if " " not in w)
    out: list[SemanticClass] = []
    with path.open(encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        for row in rows:
            lemmas = frozenset(w for w in row["lemmas"].split("|") if w)
            if row["agents"] == "yes":
                lemmas |= agents
            entities = frozenset(e for e in row["entities"].split("|") if e)
            out.append(SemanticClass(row["class"], lemmas, entities))
    return tuple(out)


def class_names() -> frozenset[str]:
    """Every `@class` a pattern may name."""
    return frozenset({NO_OBJECT, CLAUSE_KEY} | {CLASS_MARK + c.name for c in semantic_classes()})


def object_classes(objects: Iterable[Token]) -> frozenset[str]:
    """The `@class` keys of a verb's objects; `@none` when it has none."""
    objs = list(objects)
    if not objs:
        return frozenset({NO_OBJECT})
    return frozenset(CLASS_MARK + c.name for c in semantic_classes() for o in objs if c.holds(o))


def subject_classes(verb: Token) -> frozenset[str]:
    """The `@class` keys of a verb's subject: its nsubj, or the agent of a passive ("was
    suggested by the minister"). Empty when the parse shows no subject (a clause's subject
    is then unknown, and no restriction applies)."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        subjects += [g for g in agent.children if g.dep_ == "pobj"]
    if not subjects:
        return frozenset()
    found = object_classes(subjects)
    # A proper name is a party even when the recogniser misses it ("the WHO recommends"):
    # the actor coder, not the class, decides which party it is.
    if any(t.pos_ == "PROPN" for t in subjects):
        found |= {CLASS_MARK + "party"}
    # A subject of no class is still a subject: it must rule out a restricted reading.
    return found or frozenset({CLASS_MARK + "other"})


@cache
def class_words(name: str) -> frozenset[str]:
    """The lemmas of one class of classes.tsv, for the actor coder: `position` (president,
    spokesman, delegation), `former` (former, ex), `homograph`, `kin`. Read once per class:
    every mention and every argument phrase asks."""
    found = [c.lemmas for c in semantic_classes() if c.name == name]
    return found[0] if found else frozenset()
