"""Readings: how CAMEO re-reads a pattern's code from the context of the event.

The pattern dictionary gives the act a verb or noun names; these rules turn it into the
code CAMEO gives that act as it is reported: announced, intended, threatened or refused
acts (tacitus/data/readings.tsv), force by an unnamed or non-state hand, the aim of a
protest, what an accusation is of (tacitus/data/accusations.tsv), and whether a use of
force is plausible at all.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources

from spacy.tokens import Token

from tacitus.coder.codebook import lookup, read_as
from tacitus.model import Actor, Event, Modality, Polarity

# Protest codes with sub-codes by aim (1411 .. 1454).
PROTESTS = frozenset({"141", "142", "143", "144", "145"})
# Who uses force conventionally (a state's forces) and who is armed at all.
STATE_FORCE_SECTORS = frozenset({"MIL", "GOV", "COP", "SPY"})
ARMED_SECTORS = frozenset({"MIL", "REB", "INS", "SEP", "UAF", "SPY", "COP", "IMG", "PKO"})
# Words that make an unattributed killing a bombing (183x).
BOMB_WORDS = frozenset(
    {"bomb", "bombing", "explosive", "explosion", "ied", "grenade", "bomber", "detonate", "blast"}
)
VEHICLE_WORDS = frozenset({"car", "vehicle", "truck", "lorry", "motorcycle"})
# A visit (042) or a deployment (154): what peacekeepers' arrival is coded as by its verb.
PEACEKEEPER_MOVES = frozenset({"042", "154"})
# Verbs that put their subject on strike: "went on strike", "are on strike", "stayed on strike".
ON_STRIKE_VERBS = frozenset({"go", "be", "remain", "stay", "come"})
# What a work stoppage is for or about: "for better pay", "over wages" ("in protest at" is
# read on its own: "strikes in Gaza" is a place). "for a second day" is a duration.
STRIKE_AIM_PREPS = frozenset({"for", "over"})
DURATION_WORDS = frozenset({"day", "night", "week", "month", "year", "hour", "time", "weekend"})
# Sectors of strikers: labour, professions, students, the public. A strike by one of these
# with no target of attack is a work stoppage (143), not a use of force.
LABOUR_SECTORS = frozenset({"LAB", "EDU", "HLH", "MED", "CVL", "BUS", "AGR", "REF", "OPP"})
NON_STATE_SECTORS = frozenset({"REB", "INS", "SEP", "UAF", "CRM", "IMG", "RAD", "CVL", "OPP"})
# A party campaigning: its pledges to voters are statements (campaign_pledge).
CAMPAIGN_SECTORS = frozenset({"PTY", "OPP"})
PUBLIC_SECTORS = frozenset({"CVL"})
# Bodies that contest politics with words: parties, the opposition, parliaments, courts.
CONTEST_SECTORS = frozenset({"PTY", "OPP", "LEG", "JUD"})


def reading(code: str, polarity: Polarity, modality: Modality) -> tuple[str, str]:
    """CAMEO codes what is announced or refused as its own act: 'will meet' is an intent to
    meet (036), 'will attack' a threat (1384), 'refused to release' a refusal (1243).
    Polarity and modality stay on the event as well."""
    root = code[:2]
    if polarity == "negated" and "03" <= root <= "08":
        kind = "refusal"
    elif modality in ("planned", "intent") and "04" <= root <= "08":
        kind = "intent"
    elif modality in ("planned", "intent", "threat") and (root >= "14" and root != "15"):
        kind = "threat"
    else:
        return code, ""
    new = read_as(kind, code)
    if new is None or new == code:
        return code, ""
    return new, f"{kind}: {code} read as {new}"


def plausible_force(e: Event, nominal: bool = False) -> bool:
    """Force (18-20) needs someone armed or someone hit: 'the rupee hit a high', 'tax cuts
    target firms', 'the company is battling rivals' name no armed actor and no political
    target, and news uses these verbs for markets and sport far more than for war. A state
    named as the doer of a nominal use of force ('Israeli strikes', 'Russia launched air
    strikes') or of a verb with its required object ('imposed a blockade') is armed: sport
    and markets do not use those words."""
    if e.root not in ("18", "19", "20"):
        return True
    if e.root == "18" and _bare_state(e.source) and _bare_state(e.target):
        # "Ireland have beaten Wales": one state does not punch, abduct or torture another;
        # war between states is fighting (19) and is named so. Teams carry states' names.
        return e.cameo[:3] in ("183", "185", "186")
    if e.target is not None and e.target.code is not None:
        return True
    if e.source is None:
        return False
    # A state, or its government or police, named as the doer of such a specific act
    # ("the government is responsible for mass killings") holds the means to do it.
    state = (
        e.source.code is not None
        and set(e.source.sectors) <= STATE_FORCE_SECTORS
        and e.source.kind != "unknown"
    )
    return bool(set(e.source.sectors) & ARMED_SECTORS) or (nominal and state)


def _bare_state(actor: Actor | None) -> bool:
    """A state named as a whole ('Ireland', 'Wales'), with no organ or sector."""
    return actor is not None and actor.code is not None and len(actor.code) == 3


def unconventional(code: str, source: Actor | None, trigger: Token) -> tuple[str, str]:
    """CAMEO's 18 (assault) is violence without military organisation: bombs and attacks
    by rebels, militias, criminals or unknown hands; 19 is the use of military force. A
    generic 'use force' reading (190) is refined by who acted and with what."""
    if code != "190":
        return code, ""
    state = (
        source is not None
        and source.code is not None
        and (not source.sectors or bool(set(source.sectors) & STATE_FORCE_SECTORS))
    )
    if state:
        return code, ""  # a state's forces firing shells or bombs use conventional force
    words = {t.lemma_.lower() for t in trigger.sent}
    if words & BOMB_WORDS:
        sub = (
            "1831"
            if "suicide" in words
            else "1832"
            if words & VEHICLE_WORDS
            else ("1833" if "roadside" in words else "183")
        )
        return sub, f"bombing: 190 read as {sub}"
    if source is None or source.code is None or set(source.sectors) & NON_STATE_SECTORS:
        return "180", "violence by a non-state or unknown hand: 190 read as 180"
    return code, ""


def political_contest(code: str, source: Actor | None, target: Actor | None) -> tuple[str, str]:
    """'Labour attacked the Tories', 'the court clashed with ministers': parties, parliaments
    and courts fight with words. Force (18-19) between such bodies, with no armed party on
    either side, is criticism (111): CAMEO's force needs someone who holds the means."""
    if code[:2] not in ("18", "19"):
        return code, ""
    sides = [a for a in (source, target) if a is not None and a.code]
    if not any(set(a.sectors) & CONTEST_SECTORS for a in sides):
        return code, ""
    if any(set(a.sectors) & ARMED_SECTORS for a in sides):
        return code, ""
    return "111", f"political contest: {code} between unarmed political bodies read as 111"


def campaign_pledge(code: str, source: Actor | None, target: Actor | None) -> tuple[str, str]:
    """'Labour promised to cut stamp duty', 'the Lib Dems pledged to scrap fees': a party's
    promise to no party, or to voters, is campaigning, which CAMEO codes at most as a
    statement (010), not as an intent to cooperate with someone (03)."""
    if code[:2] != "03" or source is None or not set(source.sectors) & CAMPAIGN_SECTORS:
        return code, ""
    if set(source.sectors) - CAMPAIGN_SECTORS:
        return code, ""  # a party in government, a party with an armed wing
    if target is not None and target.code and set(target.sectors) - PUBLIC_SECTORS:
        return code, ""
    if target is not None and target.code and not target.sectors and target.kind != "country":
        return code, ""
    return "010", f"a party's pledge to no party or to the public: {code} read as 010"


def on_strike(noun: Token) -> bool:
    """'went on strike', 'have been on strike for a week': a labour strike its subject joins."""
    head = noun.head
    return (
        noun.lemma_.lower() == "strike"
        and noun.dep_ == "pobj"
        and head.lower_ == "on"
        and head.head.lemma_ in ON_STRIKE_VERBS
    )


def labour_strike(code: str, source: Actor | None, trigger: Token) -> tuple[str, str]:
    """'workers went on strike', 'doctors staged a strike over pay': a strike by people at
    work is a work stoppage (143); 'air strikes on X', 'Israeli strikes' stay uses of force
    (19x). A strike that names what it hits (on/against an actor) or whose striker is armed
    or a state is force."""
    if code[:2] != "19" or trigger.pos_ != "NOUN" or trigger.lemma_.lower() != "strike":
        return code, ""
    preps = {c.lower_ for c in trigger.children if c.dep_ == "prep"}
    if preps & {"on", "against"}:
        return code, ""
    sectors = set(source.sectors) if source is not None else set()
    # "Israeli strikes", "Russia launched strikes": a state with no sector named strikes
    # with force unless it is said to be on strike.
    state = source is not None and source.code is not None and not sectors
    if state and not on_strike(trigger):
        return code, ""
    labour = on_strike(trigger) or bool(sectors & LABOUR_SECTORS) or _strike_aim(trigger)
    if not labour or sectors & ARMED_SECTORS:
        return code, ""
    return "143", f"a strike by people at work: {code} read as 143"


def _strike_aim(strike: Token) -> bool:
    """'a strike over pay', 'a strike for better wages', 'a strike in protest at ...'."""
    for prep in (c for c in strike.children if c.dep_ == "prep"):
        objects = [o for o in prep.children if o.dep_ == "pobj"]
        if prep.lower_ == "in" and any(o.lemma_ == "protest" for o in objects):
            return True
        if prep.lower_ in STRIKE_AIM_PREPS and not any(
            o.lemma_.lower() in DURATION_WORDS for o in objects
        ):
            return True
    return False


def peacekeeping(code: str, source: Actor | None, trigger: Token | None = None) -> tuple[str, str]:
    """'NATO peacekeepers arrived in Bosnia', 'UN troops deployed in Mali': peacekeepers
    who arrive or deploy are providing peacekeeping (074), not visiting (042) or mobilising
    (154). So are troops sent or deployed to, for or as a peacekeeping mission."""
    if code not in PEACEKEEPER_MOVES or source is None:
        return code, ""
    if code == "154" and trigger is not None and _for_peacekeeping(trigger):
        return "074", "troops sent for peacekeeping: 154 read as 074"
    # An organisation's code (IGONAT) hides the PKO sector its words name.
    if "PKO" not in source.sectors and "peacekeep" not in source.text.lower():
        return code, ""
    return "074", f"peacekeepers arriving: {code} read as 074"


def _for_peacekeeping(trigger: Token) -> bool:
    """'sent 300 troops to the UN peacekeeping mission', 'deployed troops as peacekeepers':
    peacekeeping named after the deploying word, in its own phrase."""
    return any(t.lower_.startswith("peacekeep") for t in trigger.subtree if t.i > trigger.i)


def protest_aims(events: list[Event]) -> list[Event]:
    """'staged demonstrations to demand political reform': CAMEO's protest sub-codes say what
    the protest is for (leadership 1, policy 2, rights 3, institutions 4), which the demand
    or appeal coded beside it names (104x, 024x)."""
    aims = {
        (e.source.code if e.source else None): e
        for e in events
        if len(e.cameo) == 4 and e.cameo[:3] in ("104", "024") and e.cameo[3] in "1234"
    }
    for e in events:
        aim = aims.get(e.source.code if e.source else None)
        if aim is None or e.cameo[:3] not in PROTESTS:
            continue
        if e.cameo in PROTESTS:
            recode(e, e.cameo + aim.cameo[3], "protest sub-code from the demand beside it")
        # The protest is the act; the demand says what it is for.
        e.confidence = max(e.confidence, aim.confidence + 0.01)
    return events


@cache
def _accusations() -> dict[str, str]:
    path = resources.files("tacitus") / "data" / "accusations.tsv"
    with path.open(encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        return {row["lemma"]: row["code"] for row in rows}


def accusation_aim(verb: Token) -> str | None:
    """The sub-code of 'accused X of misusing funds' (1121), '... of war crimes' (1124):
    from the lemmas under the verb's "of"/"over"/"for" phrase (tacitus/data/accusations.tsv)."""
    table = _accusations()
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "over", "for"):
            for tok in prep.subtree:
                code = table.get(tok.lemma_.lower())
                if code:
                    return code
    return None


def recode(e: Event, code: str, why: str) -> None:
    cb = lookup(code)
    e.cameo, e.cameo_name, e.goldstein, e.quad_class = cb.code, cb.name, cb.goldstein, cb.quad_class
    e.plover_type, e.plover_mode = cb.plover_type, cb.plover_mode
    e.why = f"{e.why}; {why}"
