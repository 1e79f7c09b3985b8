"""A trigger: the word that names an event in a sentence, with the pattern it matched.

Its own module so that the events stage and the mood reading can share it without an
import cycle.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from tacitus.coder.patterns import Pattern


@dataclass(slots=True)
class Trigger:
    token: Token
    pattern: Pattern
    kind: str  # verb, light, noun
    governor: Token  # the verb whose clause the event belongs to
    code: str = ""  # the pattern's code unless a rule reads the trigger differently
    reading: str = ""  # why the code differs from the pattern's
    # The verb whose clause ranks the event when it is not the trigger's own: the demanding
    # verb of a demanded act ("demanded that X withdraw" ranks as 'demanded').
    anchor: Token | None = None

    def __post_init__(self) -> None:
        self.code = self.code or self.pattern.code
