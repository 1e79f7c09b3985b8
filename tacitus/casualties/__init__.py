"""Casualties of material conflict events: who was killed, injured, missing or arrested.

A count is attached to an event only when its casualty word ("killed", "wounded",
"arrested", "dead") is the event's trigger or is joined to it in the same clause: a
participle ("exploded, killing five"), a conjoined clause without its own agent
("attacked a convoy and wounded 12"), or the clause the event is the cause of ("five
were killed in an attack"). Numbers elsewhere in the sentence or the article belong to
other events and are never taken.
"""

from tacitus.casualties.extract import casualties_of
from tacitus.casualties.numbers import parse_count

__all__ = ["CONFLICT_ROOTS", "casualties_of", "parse_count"]

# CAMEO roots of material conflict, whose events may count casualties: protest (14, arrests
# at demonstrations), posture (15), coercion (17, arrests), assault (18), fighting (19-20).
CONFLICT_ROOTS = frozenset({"14", "15", "17", "18", "19", "20"})
