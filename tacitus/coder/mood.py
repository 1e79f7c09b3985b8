"""How a trigger's clause frames its act: polarity, modality and who demands or appeals.

mood() reads negation, auxiliaries, governing verbs and conditional clauses ("said they would
blockade", "may halt mediation if ..."); the demand and appeal helpers find the speaker whose
clause asks someone else to act ("said Y must ...", "wants Y to ..."), which the events stage
codes as that speaker's demand (10x) or appeal (02x) instead of the act itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import cast

from spacy.tokens import Token

from tacitus.coder.classes import object_classes
from tacitus.coder.grammar import (
    ANAPHORIC_PRONOUNS,
    REPORTING,
    SPEECH_NOUNS,
    SUBJ,
    conditional,
    expand,
    governing_chain,
    negated,
    prep_objects,
)
from tacitus.coder.trigger import Trigger
from tacitus.model import Modality, Polarity

# Nouns that stand for a request: "rejected a U.S. request to interrogate detainees",
# "rejected calls for economic aid" refuse the act requested.
REQUEST_NOUNS = frozenset(
    {
        "request",
        "call",
        "demand",
        "proposal",
        "appeal",
        "plea",
        "offer",
        "ultimatum",
        "bid",
        "plan",
        "invitation",
    }
)

HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "can", "must"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
DEMAND_AUX = frozenset({"must", "should"})
# Verbs and nouns whose that-clause is demanded: "demanded that Israel ease restrictions".
DEMANDING = frozenset({"demand", "insist", "require", "urge", "call", "request", "ultimatum"})
# "needs to", "has to" read like "must" in reported speech.
DEMAND_VERBS = frozenset({"need", "have"})
# "X wants Y to <act>": the subject appeals to Y for the act (CAMEO 02).
APPEAL_VERBS = frozenset(
    {
        "want",
        "wish",
        "expect",
        "ask",
        "invite",
        "encourage",
        "urge",
        "call",
        "press",
        "push",
        "lobby",
        "persuade",
        "appeal",
        "plead",
        "implore",
        "challenge",
    }
)
# "is ready/willing/prepared to <act>": an intention.
INTENT_ADJECTIVES = frozenset(
    {"ready", "willing", "prepared", "determined", "eager", "keen", "committed", "poised", "set"}
)
DEMAND_SPEECH = frozenset(
    {
        "say",
        "tell",
        "insist",
        "reiterate",
        "stress",
        "warn",
        "add",
        "declare",
        "state",
        "write",
        "argue",
        "remind",
        "urge",
        "announce",
        "conclude",
        "maintain",
        "repeat",
    }
)
# Of DEMANDING, the verbs of saying, which also assert: their clause is demanded only in the
# subjunctive or with "must"/"should" ("insisted that Iran stop", not "insisted Iran had
# stopped").
ASSERTING_DEMANDS = DEMANDING & DEMAND_SPEECH
# Pronouns that name no one in particular: what they must do obliges no party.
GENERIC_PRONOUNS = frozenset(
    {"nobody", "no-one", "noone", "everyone", "everybody", "anyone", "anybody", "one"}
)
# Verbs that link a subject to a predicate adjective or participle ("is opposed to").
COPULAS = frozenset({"be", "remain", "become", "seem", "appear", "stay"})
# Auxiliaries of a proposed act ("suggested they could meet", "might"): what is proposed may
# happen, so the clause is an appeal, not a fact asserted.
PROPOSING_AUX = frozenset({"could", "might", "may"})
# Roots whose act, announced on a condition ('will impose sanctions unless ...'), is a threat.
CONDITIONAL_THREATS = frozenset({"14", "16", "17", "18", "19", "20"})
# Subordinators of an adverbial clause that asserts its own act, whatever the main clause's
# mood ("while Labour criticised", "after troops fired").
SEPARATE_MARKS = frozenset(
    {"while", "whilst", "whereas", "although", "though", "as", "after", "before", "since"}
    | {"because", "when", "until", "once"}
)
# Roots of speech acts that are made on a condition without waiting on it: a statement,
# appeal, intent or threat.
SPEECH_ON_CONDITION = frozenset({"01", "02", "03", "13"})


@cache
def criticism_words() -> dict[str, str]:
    """Words of condemnation (tacitus/data/criticism.tsv), each with what it needs of the
    clause's subject: "verdict" (nothing), "party" (a party or a party's thing), "denied" or
    "speaker" (the speaker's own dismay)."""
    return _word_needs("criticism.tsv", "verdict")


@cache
def praise_words() -> dict[str, str]:
    """Words of praise (tacitus/data/praise.tsv), each with what it needs: "party" (said of
    a party or its doing) or "speaker" (the speaker's own pleasure)."""
    return _word_needs("praise.tsv", "party")


def _word_needs(name: str, default: str) -> dict[str, str]:
    path = resources.files("tacitus") / "data" / name
    words: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and not line.startswith("lemma\t"):
            lemma, needs = [*line.split("\t"), default][:2]
            words[lemma.strip()] = needs.strip() or default
    return words


# Prepositions after an adjective of reaction that name what it reacts to ("delighted for the
# couple", "shocked by the poster", "disappointed with the decision").
REACTION_PREPS = ("at", "by", "with", "for", "about", "over")


def speaker_reaction(clause: Token, speaker: Token, words: Mapping[str, str]) -> Token | None:
    """'said he was delighted for the couple', '"I am pleased that they have decided"', 'said
    they were shocked by the poster': the adjective of reaction (a `speaker` word) that the
    clause says of the speaker itself, if any."""
    subj = [c for c in clause.children if c.dep_ in SUBJ or c.dep_ == "nsubjpass"]
    if not subj or not _can_be_speaker(subj[0], speaker) or negated(clause):
        return None
    # The adjective, or the clause's own participle ("had been shocked by the poster"). A
    # reaction to no party ("happy with his campaign task") is a feeling, not a verdict.
    heads = [clause, *(a for a in clause.children if a.dep_ in ("acomp", "attr"))]
    return next(
        (
            a
            for a in heads
            if _needs(words, a) == "speaker" and any(_party_or_its(t) for t in _reacted_to(a))
        ),
        None,
    )


def _needs(words: Mapping[str, str], tok: Token) -> str | None:
    return words.get(tok.lemma_.lower()) or words.get(tok.lower_)


def reaction_targets(clause: Token) -> list[Token]:
    """What a speaker's reaction is to: its adjective's phrase ("delighted for the couple")
    or the subject of its clause ("pleased that Prince Charles has decided")."""
    heads = (clause, *(a for a in clause.children if a.dep_ in ("acomp", "attr")))
    return [t for adj in heads for t in _reacted_to(adj)]


def _reacted_to(adj: Token) -> list[Token]:
    clauses = [c for c in adj.children if c.dep_ == "ccomp"]
    return prep_objects(adj, REACTION_PREPS) + [
        s for c in clauses for s in c.children if s.dep_ in SUBJ
    ]


def _can_be_speaker(subject: Token, speaker: Token) -> bool:
    """A pronoun that can be the speaker: the first person, or one agreeing with the speech
    verb's subject in number ('Russia says it ...', 'the Tories say they ...')."""
    word = subject.lower_
    if subject.pos_ != "PRON":
        return False
    if word in ("i", "we"):
        return True
    speakers = [c for c in speaker.children if c.dep_ in SUBJ]
    plural = any(s.tag_ in ("NNS", "NNPS") or s.lower_ in ("they", "we") for s in speakers)
    return (word == "they") == plural if word in ("they", "he", "she", "it") else False


def praised_clause(speaker: Token) -> Token | None:
    """'said Mr Jackson was a decent public servant', 'said the Tory leader had been
    courageous': the complement clause of a speech verb that praises a party it names as its
    subject, or whose doing its predicate noun names. As with criticism, a pronoun subject may
    be the speaker, and a denied word praises no one."""
    if speaker.lemma_ not in DEMAND_SPEECH | REPORTING:
        return None
    words = praise_words()
    for c in speaker.children:
        if c.dep_ != "ccomp" or c.pos_ not in ("VERB", "AUX") or negated(c):
            continue
        if speaker_reaction(c, speaker, words) is not None:
            return c
        if _judged_party(c) and any(_needs(words, t) == "party" for t in _predicate(c)):
            return c
    return None


def _judged_party(clause: Token) -> bool | None:
    """Whether a reported clause judges a party (its subject, or the owner of its verdict
    noun); None when it has no subject that names anyone (none, or a pronoun that may be the
    speaker and owns no verdict)."""
    subj = [s for s in clause.children if s.dep_ in SUBJ]
    owned = bool(condemned_owners(clause))
    if not subj or (any(s.pos_ == "PRON" for s in subj) and not owned):
        return None
    if all(_nobody_in_particular(s) for s in subj) and not owned:
        return None  # "no government should ignore ...": a rule for all, blaming no one
    return owned or any(_party_or_its(s) for s in subj)


def criticised_clause(speaker: Token) -> Token | None:
    """'said the Tory proposal was absolutely disgusting', 'argued that ministers had misled
    the public', 'said ministers had failed to act': the complement clause of a speech verb
    that condemns a party it names as its subject, if any. A clause about the speaker ('said
    it was a shambles' by a pronoun subject) or with no subject that names someone is no
    criticism of another party; words of blame that also describe things ('failed') need a
    party, or a party's thing, as the subject."""
    if speaker.lemma_ not in DEMAND_SPEECH | REPORTING:
        return None
    words = criticism_words()
    for c in speaker.children:
        if c.dep_ != "ccomp" or c.pos_ not in ("VERB", "AUX"):
            continue
        if speaker_reaction(c, speaker, words) is not None or blamed_in_clause(c):
            return c
        party = _judged_party(c)
        if party is None:
            continue
        if party and _excessive(c):
            return c
        denied = negated(c)
        for t in _predicate(c):
            needs = _needs(words, t)
            if needs == "denied" and party and t.i == c.i and denied:
                return c
            # "the Government will not abandon its standards", "it is not a disgrace": a
            # word of blame denied blames no one.
            if denied:
                continue
            if needs == "verdict" or (needs == "party" and party):
                return c
    return None


def condemned_owners(clause: Token) -> list[Token]:
    """'this is a scurrilous attempt by the Tories', 'what we see is a panicky response from
    the government', 'it is Labour's failure': the party whose doing the clause's predicate
    noun names, by a possessive or a by- or from-phrase. The clause's subject may then be a
    pronoun or a what-clause: the verdict is on the owner."""
    # A verdict is a predicate noun; an object's owner ("wasting taxpayers' money") is the
    # one wronged, not the one blamed.
    nouns = [h for h in _predicate(clause)[1:] if h.pos_ in ("NOUN", "PROPN") and h.dep_ != "dobj"]
    return _party_owners(nouns)


def _party_owners(nouns: list[Token], *, adjectives: bool = False) -> list[Token]:
    """The parties whose doing the nouns name: a possessive ("Labour's failure"), a by- or
    from-phrase ("an attempt by the Tories") and, with `adjectives`, a state's adjective
    ("the American failure")."""
    owners = [
        o
        for n in nouns
        for o in n.children
        if (o.dep_ == "poss" and o.pos_ != "PRON")
        or (adjectives and o.dep_ == "amod" and o.ent_type_ == "NORP")
    ]
    owners += [o for n in nouns for o in prep_objects(n, ("by", "from"))]
    return [o for o in owners if _party_or_its(o)]


def blamed_in_clause(clause: Token) -> list[Token]:
    """The parties a reported clause blames beyond its subject: the owner of a word of blame
    anywhere in it ("the third report to highlight Labour's failure", "a sign of the
    government's incompetence", "the American failure"), and the doer of what an extraposed
    verdict judges ("it is a pity that Mr Blair does not practise what he preaches", "it is
    troubling that the government sought to deny entry"). A denied clause blames no one."""
    if negated(clause):
        return []
    words = criticism_words()
    blamed = [
        t
        for t in clause.subtree
        if t.pos_ == "NOUN" and _needs(words, t) in ("verdict", "party") and not negated(t)
    ]
    return _party_owners(blamed, adjectives=True) + _extraposed_judged(clause, words)


def _extraposed_judged(clause: Token, words: Mapping[str, str]) -> list[Token]:
    subj = [s for s in clause.children if s.dep_ in SUBJ]
    if not subj or subj[0].lower_ != "it":
        return []
    verdicts = [t for t in _predicate(clause) if _needs(words, t) in ("verdict", "party")]
    judged = [
        s
        for v in [clause, *verdicts]
        for k in v.children
        if k.pos_ in ("VERB", "AUX") and (k.dep_ in ("acl", "ccomp") or _marked_relative(k))
        for s in k.children
        if s.dep_ in SUBJ and s.pos_ != "PRON"
    ]
    return [s for s in judged if _party_or_its(s)] if verdicts else []


def _marked_relative(clause: Token) -> bool:
    """'a pity that the government stayed silent': a that-clause the parser hung on the noun
    as a relative clause, though its "that" is a subordinator, not a relative pronoun."""
    return clause.dep_ == "relcl" and any(c.dep_ == "mark" for c in clause.children)


def _excessive(clause: Token) -> bool:
    """'Labour is acting too late', 'the plans do too little': a predicate of excess
    ('too' before an adjective or adverb of the clause's predicate) judges the party."""
    return any(
        m.lower_ == "too" and m.dep_ == "advmod"
        for t in _predicate(clause)
        for c in [t, *t.children]
        if c.pos_ in ("ADJ", "ADV")
        for m in c.children
    )


NAMED_PARTIES = ("PERSON", "ORG", "GPE", "NORP")


def _party_or_its(subject: Token) -> bool:
    """'ministers', 'the Tories', 'the government's response': a party, or a party's own. A
    proper name counts even when the recogniser misses it, as it often does after an opening
    quotation mark ('"Labour has failed," he said')."""
    owners = [subject] + [c for c in subject.children if c.dep_ == "poss"]
    # "the American decision", "the Tory plans": a state's or party's adjective owns too.
    owners += [
        c for c in subject.children if c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP"
    ]
    return any(
        o.ent_type_ in NAMED_PARTIES or o.pos_ == "PROPN" or object_classes([o]) & {"@party"}
        for o in owners
    )


def _predicate(clause: Token) -> list[Token]:
    """What a clause says of its subject: the verb ("had misled"), its complement or object
    ("was a shambles", "was disgusting", "made a mess") and their modifiers ("a shameful
    decision"). A word deeper in the clause is a topic, not a verdict ("would set out plans
    for tackling immigration abuse")."""
    heads = [clause] + [
        c for c in clause.children if c.dep_ in ("acomp", "attr", "dobj", "oprd", "xcomp")
    ]
    mods = [m for h in heads[1:] for m in h.children if m.dep_ in ("amod", "compound", "advmod")]
    return heads + mods


def announces_own_act(clause: Token) -> bool:
    """'(warned) that it would retaliate': a future or modal clause whose subject is the
    warner, referred to by a pronoun."""
    future = any(
        a.dep_ == "aux" and a.lower_ in FUTURE_AUX | HYPOTHETICAL_AUX for a in clause.children
    )
    own = any(c.dep_ in SUBJ and c.lower_ in ANAPHORIC_PRONOUNS for c in clause.children)
    return future and own


def demanding_speaker(verb: Token) -> Token | None:
    """The verb whose complement clause is demanded of its subject: 'said Y must ...',
    'demanded that Y ease ...', 'reiterated its demand that Y ...', 'said Y must be ready
    to mediate', 'demanded that Y refuse to recognize ...'."""
    clause, obliged = _demanded_clause(verb)
    found = _demanding_head(clause)
    if found is not None and found.lemma_ in ASSERTING_DEMANDS and not _demanded_mood(clause):
        # "insisted Mr McConnell was speaking about adults": a claim, not a demand.
        return None
    if found is not None or not obliged:
        return found
    cur = clause
    for _ in range(4):
        if cur.head.i == cur.i:
            return None
        if cur.dep_ == "acl" and cur.head.lemma_ in SPEECH_NOUNS:
            # "issued a reminder to Iraq that it must cooperate": the noun's verb speaks.
            gov = cur.head.head
            return gov if gov.pos_ in ("VERB", "AUX") and gov.i != cur.head.i else None
        if cur.dep_ not in ("ccomp", "conj", "xcomp"):
            return None
        cur = cur.head
        if cur.lemma_ in DEMAND_SPEECH:
            return cur
    return None


def asserted_clause(verb: Token) -> Token | None:
    """'suggested it is unlikely to be held until 2006', 'proposed that the plan had
    failed': the finite clause of a verb of proposing that states a fact, as opposed to
    proposing an act ('suggested that the UN send troops', 'suggested they could meet',
    'proposed talks'). The verb then reports a view (010), like 'insisted' before a fact."""
    if any(c.dep_ in ("dobj", "obj", "xcomp") for c in verb.children):
        return None
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
    if len(clauses) != 1:
        return None
    clause = clauses[0]
    if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in clause.children):
        return None  # a question asked, not a fact stated
    if clause.doc[clause.left_edge.i].tag_ in ("WP", "WRB", "WDT"):
        return None  # "asked what they would do"
    if _demanded_mood(clause) or any(c.lower_ in PROPOSING_AUX for c in clause.children):
        return None
    if clause.tag_ == "VBP" and not any(c.dep_ == "aux" for c in clause.children):
        return None  # "that the United Nations send": a plural subjunctive is tagged present
    if not any(c.dep_ in SUBJ | {"nsubjpass"} for c in clause.children):
        return None
    return clause


def _demanded_mood(clause: Token) -> bool:
    """'insisted that Iran stop', 'insisted Iran must stop': a subjunctive (a bare verb with no
    auxiliary) or an obligation, as opposed to a statement of fact ('insisted Iran had
    stopped')."""
    if _has_demand_aux(clause):
        return True
    if any(c.dep_ == "aux" for c in clause.children):
        return False
    # "that Iran stop", and in the passive "that the talks be held".
    passive = [c for c in clause.children if c.dep_ == "auxpass"]
    return (passive[0] if passive else clause).tag_ == "VB"


def _demanded_clause(verb: Token) -> tuple[Token, bool]:
    """The clause an act belongs to, climbing through subject-control verbs and predicate
    adjectives ('refuse to recognize', 'needs to enact', 'must be ready to mediate'), and
    whether the clause is an obligation (must, should, needs to, has to)."""
    cur = verb
    obliged = _has_demand_aux(cur)
    for _ in range(4):
        head = cur.head
        climbs = (
            (cur.dep_ == "xcomp" and head.lemma_ not in APPEAL_VERBS)
            or (cur.dep_ == "acomp" and cur.pos_ == "ADJ")
            or _purpose(cur)
        )
        if not climbs or head.i == cur.i:
            break
        obliged = obliged or (cur.dep_ == "xcomp" and head.lemma_ in DEMAND_VERBS)
        cur = head
        obliged = obliged or _has_demand_aux(cur)
    return cur, obliged


def _purpose(clause: Token) -> bool:
    """'must ensure security to allow supplies in': what an obligation is for is asked for
    with it."""
    return clause.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
    )


def obliged_clause(speaker: Token) -> Token | None:
    """'said (that) Indonesia must ensure security', 'says X has to leave': the complement
    clause of a speech verb that puts another party under an obligation, if any."""
    if speaker.lemma_ not in DEMAND_SPEECH | REPORTING:
        return None
    for c in speaker.children:
        if c.dep_ != "ccomp" or c.pos_ not in ("VERB", "AUX"):
            continue
        own = any(s.dep_ in SUBJ and s.lower_ in ANAPHORIC_PRONOUNS for s in c.children)
        if not own and _obliges(c) and not _thing_obliged(c):
            return c
    return None


def _obliges(clause: Token) -> bool:
    if _has_demand_aux(clause):
        return True
    # "X has to act": the obligation sits on the control verb. Not "needs to": "NATO would
    # need to remain strong" is an opinion, and CAMEO codes it as a statement. Not "has yet
    # to": "a decision had yet to be taken" says what has not happened.
    return (
        clause.lemma_ == "have"
        and any(c.dep_ == "xcomp" for c in clause.children)
        and not any(c.lower_ == "yet" for c in clause.children)
    )


def _thing_obliged(clause: Token) -> bool:
    """'the standard of proof would have to be very high', 'the changes would have to go
    ahead': a clause in the active voice whose subject is a thing, not a party, puts no
    party under an obligation; it is an opinion of how things should be (010). A passive
    clause ('sanctions must be lifted') still asks an unnamed party to act."""
    verb = clause
    if clause.lemma_ == "have":
        verb = next((c for c in clause.children if c.dep_ == "xcomp"), clause)
    # "nobody should be distracted", "no politician should": obliges no one in particular.
    generic = [s for c in (clause, verb) for s in c.children if s.dep_ in (*SUBJ, "nsubjpass")]
    if generic and all(_nobody_in_particular(s) for s in generic):
        return True
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return False
    subjects = [s for s in clause.children if s.dep_ in SUBJ]
    # "the rest of the world should listen": a part of a party is a party; "the oppression
    # of the Venezuelan people must end": a thing its phrase gives a party is that party's.
    parts = [o for s in subjects for p in s.children if p.lower_ == "of" for o in p.children]
    named = any(t.ent_type_ in NAMED_PARTIES for s in subjects for t in s.subtree)
    return (
        bool(subjects)
        and not named
        and not any(
            s.pos_ in ("PRON", "PROPN") or object_classes([s]) & {"@party", "@people"}
            for s in subjects + parts
        )
    )


def _nobody_in_particular(subject: Token) -> bool:
    """'nobody should be distracted', 'no politician should', 'everyone must': a negative or
    universal subject obliges no party the text could name; the clause is an opinion."""
    if subject.lower_ in GENERIC_PRONOUNS:
        return True
    return subject.pos_ == "NOUN" and any(
        d.dep_ == "det" and d.lower_ in ("no", "every", "any") for d in subject.children
    )


def imperative_clause(speaker: Token) -> Token | None:
    """'"Help me to get through the year," he told Mr Brown', 'Protect whistleblowers, TUC
    says': the complement of a speech verb in the imperative, if any."""
    if speaker.lemma_ not in DEMAND_SPEECH | REPORTING:
        return None
    return next((c for c in speaker.children if _imperative(c)), None)


def _imperative(clause: Token) -> bool:
    """A reported clause in the imperative; the parser makes one after a colon or a
    quotation mark ("told Mr Brown: 'Help me'") an open complement, as if "told him help"."""
    if clause.dep_ == "xcomp":
        before = clause.doc[clause.left_edge.i - 1] if clause.left_edge.i > 0 else None
        opened = before is not None and before.text in (":", '"', "“", "'")
        return opened and _right_after(clause) and _bare(clause)
    return clause.dep_ in ("ccomp", "advcl", "parataxis") and _bare(clause)


def _right_after(clause: Token) -> bool:
    """Whether only the speech verb's addressee and punctuation stand between it and the
    clause ("told Mr Brown: 'Help me'"), so that the clause is what it reports; a colon
    deeper in a quotation ("told us ..., it was the troops telling the leaders: get in
    line") opens someone else's words."""
    verb = clause.head
    addressed = {t.i for c in verb.children if c.dep_ in ("dobj", "dative") for t in c.subtree}
    between = verb.doc[verb.i + 1 : clause.left_edge.i]
    return all(t.i in addressed or t.is_punct or t.is_space for t in between)


def _bare(verb: Token) -> bool:
    """A verb in the imperative: the base form opening its clause, with no subject, no
    auxiliary and no subordinator of its own."""
    first = next((t for t in verb.subtree if not t.is_punct and not t.is_space), verb)
    return (
        verb.tag_ == "VB"
        and first.i == verb.i
        and not any(c.dep_ in (*SUBJ, "nsubjpass", "expl", "aux", "mark") for c in verb.children)
    )


def advised(verb: Token) -> bool:
    """'should', 'needs to' without 'must' or 'has to': CAMEO reads advice as an appeal (02)
    and an obligation as a demand (10)."""
    words: set[str] = set()
    cur = verb
    for _ in range(5):
        words |= {c.lower_ for c in cur.children if c.dep_ == "aux"}
        if cur.dep_ not in ("xcomp", "acomp") or cur.head.i == cur.i:
            break
        cur = cur.head
        words.add(cur.lemma_)
    return bool(words & {"should", "need"}) and not words & {"must", "have"}


def _has_demand_aux(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in DEMAND_AUX for c in verb.children)


def _demanding_head(clause: Token) -> Token | None:
    """'demanded that Y ...', 'its demand that Y ...': the demanding verb of a clause."""
    head = clause.head
    if clause.dep_ in ("ccomp", "acl") and head.lemma_ in DEMANDING:
        if head.pos_ in ("VERB", "AUX"):
            return head
        if head.pos_ == "NOUN" and head.head.pos_ in ("VERB", "AUX"):
            return head.head  # "reiterated its demand that Israel ease ..."
    if clause.dep_ == "ccomp" and any(
        c.dep_ in ("dobj", "obj") and c.lemma_ in DEMANDING for c in head.children
    ):
        return head  # the same, with the clause hung on the verb by the parser
    return None


def appealing_verb(verb: Token) -> Token | None:
    """'wants Germany to pay': the governing verb of an object-controlled complement."""
    head = verb.head
    if head.lemma_ not in APPEAL_VERBS:
        return None
    if for_clause(verb) or _subject_infinitive(verb):
        # "called for Israel to withdraw", "wants Germany to pay" (which the parser reads
        # as a clause with its own subject): that subject is asked to act.
        return head
    # "appealed to Uganda to extradite": the parser often reads the complement as advcl.
    if verb.dep_ != "xcomp" and not (
        verb.dep_ == "advcl" and any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children)
    ):
        return None
    return head if addressees(head) else None


def _subject_infinitive(verb: Token) -> bool:
    """A to-infinitive clause with its own subject: 'wants [Germany to pay]'."""
    return (
        verb.dep_ == "ccomp"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and any(c.dep_ in SUBJ for c in verb.children)
    )


def for_clause(verb: Token) -> bool:
    """'called for Israel to withdraw', 'pushed for the US to support': a for-to clause,
    which the parser hangs on the verb as an adverbial clause marked 'for'."""
    return (
        verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children)
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def addressees(verb: Token) -> list[Token]:
    """Whom an appeal is made to: 'asked Germany', 'called on Arabs', 'appealed to Uganda'."""
    found = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    return expand(found) or prep_objects(verb, ("on", "upon", "to"))


def _embedding(verb: Token) -> list[Token]:
    """The governing chain up to a participial adjunct: in "set fire to shops, prompting the
    police to fire teargas", 'prompting' tells what followed, and 'set' (as in "is set to
    visit") does not embed the police's act; a to- or for-clause still is embedded."""
    out: list[Token] = []
    for gov in governing_chain(verb):
        out.append(gov)
        if gov.dep_ == "advcl" and gov.tag_ in ("VBG", "VBN") and not _marked(gov):
            break
    return out


def _marked(verb: Token) -> bool:
    return any(c.dep_ == "mark" or (c.dep_ == "aux" and c.lower_ == "to") for c in verb.children)


def _clause_of(governor: Token) -> Token:
    """The verb that carries a trigger's negation, auxiliaries and governing verbs: the
    trigger itself, or for a predicate adjective its copula ("is not opposed to", "tends to
    be critical of", "would be willing to")."""
    copula = governor.head
    predicate = governor.dep_ in ("acomp", "attr") and copula.i != governor.i
    return copula if predicate and copula.lemma_ in COPULAS else governor


def mood(trig: Trigger, modal_verbs: Mapping[str, str]) -> tuple[Polarity, Modality, str]:
    """Polarity and modality of a trigger from its own clause and the verbs governing it."""
    polarity: Polarity = "asserted"
    modality: Modality = "factual"
    why: list[str] = []
    own = _clause_of(trig.governor)
    chain = _embedding(own)
    if negated(own) or (trig.kind != "verb" and negated(trig.token)):
        polarity = "negated"
        why.append("negation")
    for aux in (c for c in own.children if c.dep_ == "aux"):
        if aux.lower_ in FUTURE_AUX or (aux.lower_ == "would" and _reported(own)):
            # "said they would blockade Paris": 'would' is the future of reported speech.
            modality = "planned"
            why.append(f"future '{aux.text}'")
        elif aux.lower_ in HYPOTHETICAL_AUX:
            modality = "hypothetical"
            why.append(f"modal '{aux.text}'")
    if modality == "factual" and _imperative(own) and own.head.lemma_ in DEMAND_SPEECH | REPORTING:
        # '"Stop the war," the Pope said': the act is asked for, not reported.
        modality = "demand"
        why.append(f"imperative reported by '{own.head.text}'")
    if modality == "factual" and _arranged(own):
        modality = "planned"
        why.append(f"'{own.head.text} to': an arranged act")
    possible = _possible_governor(own, chain)
    if possible is not None:
        # "could be used by China to threaten Taiwan", "could issue subsidies, helping
        # farmers": an act inside a clause of possibility is itself only possible.
        modality = "hypothetical"
        why.append(f"governed by '{possible.text}' (possible)")
    for gov in chain:
        m = modal_verbs.get(gov.lemma_) or (
            "intent" if gov.pos_ == "ADJ" and gov.lemma_ in INTENT_ADJECTIVES else None
        )
        if m == "negated":
            polarity = "asserted" if negated(gov) else "negated"
            why.append(f"governed by '{gov.text}'")
        elif m and (modality == "factual" or (modality == "hypothetical" and m != "hypothetical")):
            # "agreed that they should cooperate": the governing verb says more than 'should'.
            modality = cast(Modality, m)
            why.append(f"governed by '{gov.text}' ({m})")
            if negated(gov):
                polarity = "negated"
        if conditional(gov):
            modality = "hypothetical"
            why.append("conditional clause")
    if conditional(own):
        modality = "hypothetical"
        why.append("conditional clause")
    elif _threatened(trig, own, modality):
        modality = "threat"
        why.append("a hostile act on a condition")
    elif _offered(trig, own, modality):
        modality = "intent"
        why.append("a cooperative act offered on a condition")
    elif modality == "factual" and trig.code[:2] not in SPEECH_ON_CONDITION and _on_condition(own):
        # "put forces on standby to evacuate their nationals if necessary": an act that
        # waits on a condition has not happened. A threat, offer or appeal made on a
        # condition has ("threatened to shell Haifa if Israel hits Beirut").
        modality = "hypothetical"
        why.append("an act on a condition")
    return polarity, modality, "; ".join(dict.fromkeys(why))


def _arranged(verb: Token) -> bool:
    """'Tony Blair is to visit India', 'the talks are to resume': "be to" with an
    infinitive is the news style of an arranged future act, not a report of it."""
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.lemma_ == "be"
        and head.i != verb.i
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and not any(c.dep_ == "mark" for c in verb.children)
        # "it is not acceptable for the world to stand by": an extraposed clause, no plan
        and any(c.dep_ in SUBJ and c.lower_ != "it" for c in head.children)
    )


def _possible_governor(own: Token, chain: list[Token]) -> Token | None:
    """The governing verb whose clause says only what could happen ('could issue', 'might be
    used'), up to a clause that asserts apart from it: in "said the plan could let extreme
    groups run policing, while Labour criticised Tory promises" the criticism happened."""
    below = own
    for gov in chain:
        if below.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in SEPARATE_MARKS for c in below.children
        ):
            return None
        if any(a.dep_ == "aux" and a.lower_ in PROPOSING_AUX for a in gov.children):
            return gov
        below = gov
    return None


def _threatened(trig: Trigger, own: Token, modality: Modality) -> bool:
    """'may halt mediation if ...', 'will withdraw its force unless ...': a hostile act
    announced on a condition is a threat (13x), not the act."""
    if modality not in ("planned", "hypothetical") or trig.code[:2] not in CONDITIONAL_THREATS:
        return False
    return _on_condition(own)


def _on_condition(own: Token) -> bool:
    return any(conditional(c) for c in own.children if c.dep_ == "advcl")


def _offered(trig: Trigger, own: Token, modality: Modality) -> bool:
    """'would meet the mediator if he gave them a veto': a cooperative act announced on a
    condition is an offer, an intent (03x)."""
    if modality not in ("planned", "hypothetical") or not ("04" <= trig.code[:2] <= "08"):
        return False
    said = own.dep_ == "ccomp" and own.head.lemma_ in DEMAND_SPEECH | REPORTING
    return said and _on_condition(own)


def _reported(verb: Token) -> bool:
    """A clause reported by a speech verb ('X said it would ...'), not a conditional one."""
    return (
        verb.dep_ == "ccomp"
        and verb.head.lemma_ in DEMAND_SPEECH | REPORTING
        and not any(c.dep_ == "advcl" and conditional(c) for c in verb.children)
    )
