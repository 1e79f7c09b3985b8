"""Aims: CAMEO sub-codes chosen by what an act is about.

CAMEO gives appeals (02), intentions (03), demands (10), rejections (12), concessions of
reform (083) and protests (141-145) parallel sub-codes by topic: an appeal for humanitarian
aid is 0233, a demand for the release of prisoners 1053, a rejection of calls for economic
aid 1221, a road block to demand democratic reforms 1444. The verb says "appeal"; the words
of its complement say what for. This module reads those words (tacitus/data/aims.tsv) and
moves a coded event to the sub-code they name, never out of the event's root and never to a
sibling of a code a pattern chose on purpose.
"""

from __future__ import annotations

import csv
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Token

from tacitus.coder.mood import REQUEST_NOUNS
from tacitus.coder.readings import PROTESTS, recode
from tacitus.model import Event

# Words that end, lift or ease what they govern: "lift the ban", "an end to the embargo",
# "lay down their arms".
ENDING = frozenset(
    {
        "lay",
        "end",
        "lift",
        "ease",
        "remove",
        "removal",
        "cancel",
        "halt",
        "stop",
        "scrap",
        "suspend",
        "reconsider",
        "relax",
        "loosen",
        "drop",
        "repeal",
        "revoke",
        "rescind",
        "overturn",
        "easing",
        "lifting",
    }
)

# Which aim wins when a complement names several, most specific first: "an end to the
# embargo on food" is about easing sanctions (1054) before food aid; "the release of aid
# workers" is a release. Domains (econ, mil, jud, intel) and the aid word rank between the
# concrete aims and the broad ones, and combine: aid + econ is economic aid.
RANK = (
    "intl",
    "ease_econ",
    "ease_admin",
    "ease_dissent",
    "release",
    "pk",
    "hum",
    "leadership",
    "institutions",
    "rights",
    "deescalate",
    "mediate",
    "meet",
    "settle",
    "DOMAIN",
    "policy",
    "reform",
    "diplomatic",
    "yield",
)
DOMAINS = frozenset({"econ", "mil", "jud", "intel", "aid", "fin"})

# CAMEO's parallel numbering: the sub-code of each family for each aim (codebook 1.1b3).
_MATERIAL = {"econ": "11", "mil": "12", "jud": "13", "intel": "14"}
_AID = {"aid": "3", "econ_aid": "31", "mil_aid": "32", "hum_aid": "33", "pk_aid": "34"}
_REFORM = {"reform": "4", "leadership": "41", "policy": "42", "rights": "43", "institutions": "44"}
_YIELD = {
    "yield": "5",
    "ease_admin": "51",
    "ease_dissent": "52",
    "release": "53",
    "ease_econ": "54",
    "intl": "55",
    "deescalate": "56",
}


def _family(prefix: str, extra: dict[str, str]) -> dict[str, str]:
    codes = {f"{k}_coop": prefix + v for k, v in _MATERIAL.items()}
    for table in (_AID, _REFORM, _YIELD):
        codes.update({k: prefix + v for k, v in table.items()})
    codes["diplomatic"] = prefix + "2"
    codes.update(extra)
    return codes


FAMILIES: dict[str, dict[str, str]] = {
    "02": _family("02", {"meet": "026", "settle": "027", "mediate": "028"}),
    "03": _family("03", {"meet": "036", "settle": "037", "mediate": "039"}),
    "10": _family("10", {"meet": "106", "settle": "107", "mediate": "108"}),
    # Rejections number differently: 121 cooperation, 122 aid, 123 reform, 124 yielding.
    "12": {
        "econ_coop": "1211",
        "mil_coop": "1212",
        "jud_coop": "1213",
        "aid": "122",
        "econ_aid": "1221",
        "mil_aid": "1222",
        "hum_aid": "1223",
        "pk_aid": "1224",
        "reform": "123",
        "leadership": "1231",
        "policy": "1232",
        "rights": "1233",
        "institutions": "1234",
        "yield": "124",
        "ease_admin": "1241",
        "ease_dissent": "1242",
        "release": "1243",
        "ease_econ": "1244",
        "intl": "1245",
        "deescalate": "1246",
        "meet": "125",
        "mediate": "126",
        "settle": "127",
    },
    "08": {
        "reform": "083",
        "leadership": "0831",
        "policy": "0832",
        "rights": "0833",
        "institutions": "0834",
    },
    "16": {"econ_aid": "1621", "mil_aid": "1622", "hum_aid": "1623"},
}
# Codes that name a family but not what the act is about: any aim may refine them. Other
# codes are refined only to their own sub-codes (023 to 0233, never to 0243). 127 (reject a
# plan) is the reading of a rejected "proposal" whatever it proposed.
OPEN_CODES = frozenset({"020", "030", "100", "120", "127", "080"})
# Protest sub-codes append the aim's digit (1411 .. 1454); a protest for "political reform"
# is counted as one for a change of policy.
PROTEST_DIGITS = {
    "leadership": "1",
    "policy": "2",
    "reform": "2",
    "rights": "3",
    "institutions": "4",
}
# How far into the complement to look, in dependency links. 6 reaches "reneged on its
# commitment to holding elections under a new constitution"; deeper words were, in the
# samples read, about something else.
MAX_DEPTH = 6
# Words further from the trigger than the nearest aim word by more than this many links are
# about something else ("rejected an extradition request ... for his role in the
# independence referendum" is about extradition).
WINDOW = 3
# Phrases of time and circumstance ("after hours of talks", "ahead of the summit") do not say
# what the act is about.
CIRCUMSTANCE_PREPS = frozenset(
    {"after", "before", "during", "ahead", "amid", "despite", "since", "following", "until", "as"}
)
# What a rejection (12) can be about: a request or offer, or an act named outright ("rejected
# military cooperation"). "rejected the warning as a pretext for weapons tests" rejects a
# statement, and its words say nothing about a sub-code.
REJECTED_REQUESTS = REQUEST_NOUNS | {"pressure", "suggestion", "initiative"}
# Participial and purpose clauses that say what a protest or appeal is for.
PURPOSE_HEADS = frozenset({"demand", "call", "press", "urge", "protest", "seek", "ask"})
EXCLUDED_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "agent", "punct", "cc"})


@dataclass(frozen=True, slots=True)
class AimWord:
    aim: str
    ended: str


@cache
def aim_words() -> dict[str, AimWord]:
    path = resources.files("tacitus") / "data" / "aims.tsv"
    with path.open(encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        return {r["word"]: AimWord(r["aim"] or "", r["ended"] or "") for r in rows}


def refine(event: Event, trigger: Token, governor: Token) -> None:
    """Move `event` to the sub-code its complement's words name, in place."""
    root = event.cameo[:2]
    if root not in FAMILIES and event.cameo not in PROTESTS:
        return
    if root == "12" and not _rejects_a_request(trigger):
        return
    allowed = PROTEST_DIGITS if event.cameo in PROTESTS else FAMILIES[root]
    aim = aim_of(_content(trigger, governor), allowed)
    if aim is None:
        return
    new = _code_for(event.cameo, aim)
    if new is not None and new != event.cameo:
        recode(event, new, f"aim: {aim} ({event.cameo} read as {new})")


def _rejects_a_request(verb: Token) -> bool:
    words = aim_words()
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    return not objects or any(
        o.lemma_.lower() in REJECTED_REQUESTS or _entry(o, words) is not None for o in objects
    )


def _code_for(code: str, aim: str) -> str | None:
    if code in PROTESTS:
        digit = PROTEST_DIGITS.get(aim)
        return code + digit if digit else None
    new = FAMILIES[code[:2]].get(aim)
    if new is None:
        return None
    if code in OPEN_CODES or (len(code) == 3 and new.startswith(code)):
        return new
    return None


def aim_of(tokens: list[tuple[Token, int]], allowed: Collection[str] | None = None) -> str | None:
    """The aim the words name (see RANK), among the `allowed` ones (the aims the event's
    family has sub-codes for: a protest has none for military cooperation, so "riots
    against military policies" is about policy); None when they name none. `tokens` carry
    their distance from the trigger: only words near the nearest hit count (WINDOW)."""
    words = aim_words()
    hits: list[tuple[str, int]] = []
    for tok, depth in tokens:
        entry = _entry(tok, words)
        if entry is None:
            continue
        aim = entry.ended if entry.ended and _ended(tok) else entry.aim
        if aim:
            hits.append((aim, depth))
    if not hits:
        return None
    nearest = min(d for _, d in hits)
    found = [a for a, d in hits if d <= nearest + WINDOW]
    # Each word's reading, ranked; the domains (and the aid word) combine into one reading
    # that ranks at the DOMAIN slot.
    ranked = [(RANK.index(a), _combined(a, found)) for a in found if a not in DOMAINS]
    domains = [a for a in found if a in DOMAINS]
    if domains:
        ranked.append((RANK.index("DOMAIN"), _combined(domains[0], found)))
    usable = [(rank, aim) for rank, aim in ranked if allowed is None or aim in allowed]
    return min(usable)[1] if usable else None


def _combined(aim: str, found: list[str]) -> str:
    """Aid words and domains combine: 'economic aid' is econ_aid, 'trade' alone econ_coop,
    'peacekeeping troops' pk_aid, 'food' hum_aid."""
    if aim in ("pk", "hum"):
        return f"{aim}_aid"
    if aim not in DOMAINS:
        return aim
    kinds = [a for a in found if a in ("econ", "mil", "jud", "intel")]
    if "fin" in found and not ({"mil", "jud", "intel"} & set(kinds)):
        return "econ_aid"  # "appealed for funds", "a loan"
    if "aid" in found:
        kind = next((k for k in kinds if k in ("econ", "mil")), None)
        return f"{kind}_aid" if kind else "aid"
    return f"{kinds[0]}_coop"


def _entry(tok: Token, words: dict[str, AimWord]) -> AimWord | None:
    for mod in tok.children:
        if mod.dep_ in ("compound", "amod", "prt"):
            hit = words.get(f"{mod.lemma_.lower()}_{tok.lemma_.lower()}") or words.get(
                f"{tok.lemma_.lower()}_{mod.lower_}"
            )
            if hit is not None:
                return hit
    return words.get(tok.lower_) or words.get(tok.lemma_.lower())


def _ended(tok: Token) -> bool:
    """'lift the ban', 'an end to the embargo', 'the lifting of sanctions'."""
    cur = tok
    for _ in range(3):
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.lemma_.lower() in ENDING:
            return True
        if cur.dep_ not in ("prep", "pobj", "dobj", "compound") and cur.pos_ != "ADP":
            return False
    return False


def _content(trigger: Token, governor: Token) -> list[tuple[Token, int]]:
    """The words that say what the act is about: the trigger's complements, and for a noun
    trigger ('staged demonstrations to demand reforms') its clause's purpose phrases."""
    roots = [trigger]
    if governor.i != trigger.i:
        roots.extend(c for c in governor.children if _purpose(c))
    seen: set[int] = {trigger.i}
    return [hit for root in roots for hit in _walk(root, seen)]


def _walk(root: Token, seen: set[int]) -> Iterator[tuple[Token, int]]:
    """Breadth first, so nearer words come first; subjects and side clauses are skipped."""
    frontier: list[tuple[Token, int]] = [(root, 0)]
    while frontier:
        tok, depth = frontier.pop(0)
        if tok.i not in seen:
            seen.add(tok.i)
            yield tok, depth
        if depth >= MAX_DEPTH:
            continue
        for child in tok.children:
            if not _followed(child):
                continue
            frontier.append((child, depth + 1))


def _followed(child: Token) -> bool:
    """Subjects, side clauses, coordinated clauses and circumstances are not the content."""
    if child.dep_ in EXCLUDED_DEPS or (child.dep_ == "advcl" and not _purpose(child)):
        return False
    if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
        return False  # "rejected the offer and announced an offensive"
    return not (child.dep_ == "prep" and child.lower_ in CIRCUMSTANCE_PREPS)


def _purpose(tok: Token) -> bool:
    """'to demand reforms', 'demanding that he be reinstated', 'calling for independence'."""
    if tok.dep_ not in ("advcl", "xcomp", "prep"):
        return False
    if tok.dep_ == "prep":
        return tok.lower_ in ("for", "against", "over")
    to_infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    return to_infinitive or tok.lemma_ in PURPOSE_HEADS
