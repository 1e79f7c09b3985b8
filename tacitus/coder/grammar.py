"""Dependency-grammar helpers: who is the subject, the object, the governing clause of a token.

Pure functions over spaCy Tokens that return tokens or booleans. They know nothing of event
patterns or actor dictionaries, so the events and mood modules share them and they can be
tested on a parse alone. The word lists below are the closed classes those readings need
(subject and object relations, expletives, negations, background markers, ...).
"""

from __future__ import annotations

from spacy.tokens import Token

from tacitus.coder.patterns import compound_keys

SUBJ = frozenset({"nsubj", "csubj"})
PASS_SUBJ = frozenset({"nsubjpass", "csubjpass"})
OBJ = frozenset({"dobj", "obj", "dative", "attr", "oprd"})
# Clause links through which an embedded verb shares the governing verb's subject.
SUBJECT_SHARING = frozenset({"xcomp", "conj", "advcl", "pcomp", "acomp"})
# Prepositions whose gerund, after a verb with a direct object, is done by that object.
OBJECT_GERUND_PREPS = frozenset({"from", "of", "with", "for"})
# Verbs whose subject reports rather than acts: their own statement event is not coded
# when what they report is itself coded, and a news outlet is never coded as their source.
REPORTING = frozenset(
    {
        "report",
        "say",
        "tell",
        "add",
        "state",
        "write",
        "note",
        "quote",
        "cite",
        "claim",
        "announce",
        "confirm",
        "reveal",
        "disclose",
    }
)
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "lest"})
# Nouns for what is said: "issued a reminder that Y must ..." is said by the issuer.
SPEECH_NOUNS = frozenset(
    {"reminder", "statement", "declaration", "warning", "message", "letter", "communique"}
)
# Verbs whose subject is the author of the statement they take as object.
ISSUING_VERBS = frozenset(
    {"issue", "release", "publish", "make", "send", "deliver", "read", "sign", "adopt", "put"}
)
# Clauses and phrases that set the scene for the main event rather than report it.
BACKGROUND_MARKS = frozenset(
    {"after", "as", "since", "while", "when", "before", "because", "following", "once"}
)
BACKGROUND_PREPS = frozenset({"after", "following", "since", "amid", "before", "despite"})
GENERIC_NOUNS = frozenset({"country", "nation", "state", "government", "side", "leader"})
ANAPHORIC_PRONOUNS = frozenset({"it", "they", "he", "she", "we"})
DEFINITE = frozenset({"the", "these", "those", "such", "this", "that"})
STATIVE_PARTICIPLES = frozenset(
    {"opposed", "committed", "dedicated", "determined", "resigned", "engaged", "involved"}
)
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# Verbs whose passive keeps a direct object ("was given a medal", "Iran offered deal",
# "firm fined £1m"): their participle with an object may still be a reduced passive.
DITRANSITIVE = frozenset(
    {
        "give",
        "hand",
        "offer",
        "award",
        "grant",
        "deny",
        "send",
        "show",
        "promise",
        "tell",
        "ask",
        "pay",
        "lend",
        "sell",
        "allow",
        "refuse",
        "owe",
        "assign",
        "teach",
        "fine",
        "cost",
        "spare",
        "leave",
        "name",
        "call",
    }
)
EXPLETIVES = frozenset({"there", "this", "what"})
NEGATIONS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})


def background(tok: Token) -> bool:
    """'one day after X shot down ...', 'as authorities cracked down', 'following the
    killing', 'the envoy, who had agreed to meet ...': a clause that sets the scene."""
    cur = tok
    for _ in range(8):
        if cur.head.i == cur.i:
            return False
        if cur.dep_ == "advcl" and any(
            c.dep_ in ("mark", "advmod") and c.lower_ in BACKGROUND_MARKS for c in cur.children
        ):
            return True
        if cur.dep_ in ("pobj", "pcomp") and cur.head.lower_ in BACKGROUND_PREPS:
            return True
        if cur.dep_ == "relcl" and cur.i != tok.i:
            return True
        cur = cur.head
    return False


def expand(tokens: list[Token]) -> list[Token]:
    """Add conjuncts: 'Gantz and Barnea' -> [Gantz, Barnea]."""
    out: list[Token] = []
    for t in tokens:
        out.append(t)
        out.extend(c for c in t.conjuncts if c.pos_ in ("NOUN", "PROPN", "PRON", "ADJ"))
    return list(dict.fromkeys(out))


def object_keys(obj: Token) -> frozenset[str]:
    """The lemma of an object with its modifiers, and of what a measure holds: 'provided
    tons of food aid' has the object keys of 'tons' and of 'aid'."""
    keys = noun_keys(obj)
    for prep in obj.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for inner in prep.children:
                if inner.dep_ == "pobj":
                    keys |= noun_keys(inner)
    return keys


def noun_keys(noun: Token) -> frozenset[str]:
    mods = [c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod")]
    return compound_keys(noun.lemma_.lower(), mods)


def preps_with_objects(tok: Token) -> set[str]:
    """Prepositions with an object; 'on Wednesday' is a date, not a target ('called X on')."""
    return {
        c.lower_
        for c in tok.children
        if c.dep_ in ("prep", "agent", "dative")
        and any(
            g.dep_ in ("pobj", "pcomp") and g.ent_type_ not in ("DATE", "TIME") for g in c.children
        )
    }


def objects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in OBJ]


def prep_objects(tok: Token, preps: tuple[str, ...]) -> list[Token]:
    out: list[Token] = []
    for p in tok.children:
        if p.dep_ in ("prep", "agent", "dative") and p.lower_ in preps:
            out += [o for o in p.children if o.dep_ == "pobj"]
    return expand(out)


def stative(verb: Token) -> bool:
    """'is opposed to', 'is committed to': a participle that states its subject's stance."""
    return verb.lower_ in STATIVE_PARTICIPLES and not any(c.dep_ == "agent" for c in verb.children)


def misread_past(verb: Token) -> bool:
    """'The Iraqi air force carried out three air strikes': with no finite verb in sight the
    parser made the sentence a noun phrase, the past tense a reduced relative on its subject.
    A passive participle takes no direct object (the ditransitives aside), so one that has
    an object, on the noun that heads the whole sentence, is the main verb in the past."""
    head = verb.head
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and verb.lemma_ not in DITRANSITIVE
        and head.dep_ == "ROOT"
        and head.pos_ in ("NOUN", "PROPN")
        and any(c.dep_ in ("dobj", "obj") for c in verb.children)
        and not any(c.dep_ in SUBJ | PASS_SUBJ | {"aux", "auxpass"} for c in verb.children)
    )


def is_passive(verb: Token) -> bool:
    """Passive voice, including reduced relatives: 'talks held in Vienna'."""
    if stative(verb) or misread_past(verb):
        return False
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return not any(c.dep_ in SUBJ for c in verb.children)
    # "Asked whether he would resign, the minister said ...": a participle clause with no
    # subject or auxiliary of its own is passive; the main clause's subject undergoes it.
    own = any(c.dep_ in SUBJ or c.dep_ in ("aux", "auxpass") for c in verb.children)
    if verb.dep_ == "advcl" and verb.tag_ == "VBN" and not own:
        return True
    return any(c.dep_ in PASS_SUBJ or c.dep_ == "auxpass" for c in verb.children)


def clause_verb(tok: Token) -> Token:
    """The verb heading the clause a token sits in."""
    cur = tok
    while cur.pos_ not in ("VERB", "AUX") and cur.head.i != cur.i:
        cur = cur.head
    return cur


def subjects(verb: Token, depth: int = 0) -> list[Token]:
    """The acting subjects of `verb`, following control, coordination and passives."""
    kids = list(verb.children)
    if is_passive(verb):
        agents = [o for c in kids if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
        return expand(agents or _stray_agents(verb))
    subj_deps = SUBJ | PASS_SUBJ if stative(verb) else SUBJ
    subj = [c for c in kids if c.dep_ in subj_deps and c.lower_ not in EXPLETIVES]
    subj = [antecedent(c) for c in subj]
    if verb.dep_ == "relcl" and any(c.tag_ in ("WP", "WDT") for c in subj):
        return expand([verb.head])  # "the envoy, who met ...": the noun is the subject
    if subj:
        return expand(subj)
    if misread_past(verb):
        return expand([verb.head])
    if finite(verb) and verb.dep_ not in ("conj", "xcomp", "advcl", "relcl"):
        # A finite verb always has a subject in English; when the parser lost it (hung it
        # on a fronted phrase: "With the signing of X, A and B have agreed"), the noun
        # phrase right before the verb is the best guess.
        left = left_subject(verb)
        if left is not None:
            return expand([left])
    if depth > 4 or verb.head.i == verb.i:
        return []
    head = verb.head
    if verb.dep_ == "relcl":
        return expand([head])  # "the officials who met ...": the noun is the subject
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        if head.lemma_ in SPEECH_NOUNS:
            # "an EU statement condemning ...", "the statement by the EU": its author
            # condemns; "issued a statement condemning ...": the issuer does. Someone who
            # blocks or rejects a statement is not its author.
            author = [c for c in head.children if c.dep_ in ("poss", "compound")]
            author += prep_objects(head, ("by", "from"))
            if author:
                return expand(author)
            if head.head.lemma_ in ISSUING_VERBS:
                return subjects(head.head, depth + 1)
        return expand([head])  # "officials seeking ..."
    if verb.dep_ == "pcomp" and head.lower_ in OBJECT_GERUND_PREPS:
        # "block X from carrying out", "prevent X from reaching", "charged X with helping",
        # "accused X of plotting", "thanked X for supporting": X does it.
        objs = [c for c in head.head.children if c.dep_ in ("dobj", "obj")]
        if objs:
            return expand(objs[:1])
    if verb.dep_ == "xcomp":
        # Object control: "persuade Washington to tighten" -> Washington tightens;
        # "called on Arabs to unite" -> the Arabs unite.
        objs = [c for c in head.children if c.dep_ in ("dobj", "obj")] or [
            o for o in prep_objects(head, ("on", "upon")) if not temporal(o)
        ]  # "agreed on 18 September to lift": a date controls nothing
        if objs and head.lemma_ not in ("promise",):
            return expand(objs[:1])
    if verb.dep_ == "conj" and is_passive(head) and _active_conjunct(verb):
        # "was indicted by the court and will resign": who resigns is the one indicted.
        return expand([c for c in head.children if c.dep_ in PASS_SUBJ])
    if verb.dep_ in SUBJECT_SHARING or (verb.dep_ == "pcomp" and head.dep_ == "prep"):
        return subjects(head if head.pos_ in ("VERB", "AUX") else clause_verb(head), depth + 1)
    if verb.dep_ == "pcomp" or head.dep_ == "prep":
        return subjects(clause_verb(head), depth + 1)
    return []


def _stray_agents(verb: Token) -> list[Token]:
    """'was accused of misusing funds by officials': the parser hangs the passive's
    by-phrase on the gerund of its complement."""
    return [
        o
        for p in verb.children
        if p.dep_ == "prep"
        for g in p.children
        if g.dep_ == "pcomp" and g.tag_ == "VBG"
        for b in g.children
        if b.dep_ in ("prep", "agent") and b.lower_ == "by"
        for o in b.children
        if o.dep_ == "pobj"
    ]


def _active_conjunct(verb: Token) -> bool:
    """'(was indicted) and will resign' is active; '(was tortured) and killed' shares the
    passive of its head, whose auxiliary it leaves out."""
    if is_passive(verb):
        return False
    return verb.tag_ != "VBN" or any(c.dep_ == "aux" for c in verb.children)


def finite(verb: Token) -> bool:
    """A finite verb, or a participle with a finite auxiliary ('have agreed', 'has sent').
    A main-verb participle with a direct object and no auxiliary at all is a past tense
    the tagger misread because it lost the subject ('USAID delivered tents')."""
    kids = list(verb.children)
    if (
        verb.tag_ == "VBN"
        and verb.dep_ == "ROOT"
        and any(c.dep_ in ("dobj", "obj") for c in kids)
        and not any(c.dep_ in ("aux", "auxpass") for c in kids)
    ):
        return True
    return verb.tag_ in FINITE_TAGS or (
        verb.tag_ in ("VBN", "VBG")
        and any(c.dep_ == "aux" and c.tag_ in FINITE_TAGS | {"MD"} for c in kids)
    )


def antecedent(tok: Token) -> Token:
    """'Russia said it had expelled ...': a pronoun subject of a clause reported or planned by
    a verb takes that verb's subject. Other words are their own antecedent."""
    generic = tok.lemma_ in GENERIC_NOUNS and any(
        c.dep_ == "poss" and c.lower_ in ("their", "its") for c in tok.children
    )  # "agreed that their countries should cooperate"
    if tok.lower_ not in ANAPHORIC_PRONOUNS and not generic:
        return tok
    for gov in governing_chain(tok.head):
        # "X was quoted as saying he ...": the quoted one is the speaker.
        deps = SUBJ | PASS_SUBJ if gov.lemma_ in REPORTING else SUBJ
        subj = [c for c in gov.children if c.dep_ in deps and c.pos_ != "PRON"]
        if subj and _agrees(tok, subj[0]):
            return subj[0]
    return tok


def _agrees(pronoun: Token, noun: Token) -> bool:
    """Whether a pronoun can stand for a noun: "he" and "she" for one person, not for "the
    Tories" or a state ("the Tories say he is surrendering a veto": he is someone else).
    "they" and "it" are left to the parse: the recogniser tags groups as persons too often
    ("the Houthis" as PERSON) for a person to rule them out."""
    if pronoun.lower_ not in ("he", "she", "him", "her"):
        return True
    return noun.tag_ not in ("NNS", "NNPS") and noun.ent_type_ not in ("ORG", "GPE", "NORP")


def definite(noun: Token) -> bool:
    """'the attacks', 'these strikes', 'one of the attacks'."""
    if any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE for c in noun.children):
        return True
    return (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "of"
        and noun.head.head.lower_ in ("one", "some", "two", "both", "each", "all", "another")
        and any(c.lower_ == "the" for c in noun.children)
    )


def left_subject(verb: Token) -> Token | None:
    """The head of the noun phrase ending right before `verb` (skipping adverbs), if any."""
    i = verb.i - 1
    doc = verb.doc
    while i >= verb.sent.start and doc[i].pos_ in ("ADV", "AUX", "PART") and not acronym(doc[i]):
        i -= 1
    if i < verb.sent.start or not (doc[i].pos_ in ("NOUN", "PROPN", "PRON") or acronym(doc[i])):
        return None
    tok = doc[i]
    if temporal(tok):
        # "A delegation here on Thursday called on ...": a date acts on nothing; the noun
        # its phrase hangs on does.
        while (temporal(tok) or tok.pos_ in ("ADP", "ADV", "NUM")) and tok.head.i != tok.i:
            tok = tok.head
        if temporal(tok) or tok.pos_ not in ("NOUN", "PROPN") or tok.i > verb.i:
            return None
    while tok.dep_ in ("compound", "flat") and tok.head.i > tok.i:
        tok = tok.head
    return tok


def temporal(tok: Token) -> bool:
    """A date or a time ("18 September", "Thursday"): never a party that acts."""
    return tok.ent_type_ in ("DATE", "TIME")


def acronym(tok: Token) -> bool:
    """'USAID', 'ICE': an organisation's initials, which the parser often tags as an adverb
    or adjective when they open a sentence ('USAID deployed ...'); they are still a name."""
    return len(tok.text) >= 2 and tok.text.isupper() and tok.text.isalpha()


def governing_chain(verb: Token) -> list[Token]:
    """Verbs that embed this one through control or complement links, innermost first."""
    out: list[Token] = []
    cur = verb
    while cur.dep_ in ("xcomp", "ccomp", "pcomp", "prep", "pobj", "advcl") and cur.head.i != cur.i:
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX", "NOUN", "ADJ"):
            out.append(cur)
        if len(out) > 4:
            break
    return out


def negated(tok: Token) -> bool:
    return any(
        c.dep_ == "neg" or (c.dep_ in ("det", "advmod") and c.lower_ in NEGATIONS)
        for c in tok.children
    )


def conditional(verb: Token) -> bool:
    """'if X attacks', 'unless ...', 'in the (unlikely) event that X is reached', and the
    act an indirect question asks about ('whether X will attack')."""
    if verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in verb.children
    ):
        return True
    if verb.dep_ == "ccomp" and any(
        c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in verb.children
    ):
        return True  # "asked whether he would resign": a question, not an act reported
    if verb.dep_ in ("acl", "ccomp", "relcl") and verb.head.lemma_ in ("event", "case"):
        return True
    return _after_in_case(verb)


def _after_in_case(verb: Token) -> bool:
    """'(troops are on standby) in case they need to evacuate': a clause that "in case"
    introduces is a condition, whichever head the parser gave it (it often makes the clause
    a complement of the sentence's verb and leaves "case" apart, or puts "in case" inside it)."""
    start = verb.left_edge.i
    before = [t.lower_ for t in verb.doc[max(start - 2, 0) : start]]
    opening = [t.lower_ for t in verb.doc[start : start + 2]]
    return verb.pos_ in ("VERB", "AUX") and ["in", "case"] in (before, opening)
