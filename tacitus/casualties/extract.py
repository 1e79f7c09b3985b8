"""Finding the counts of an event's clause in the dependency parse."""

from __future__ import annotations

from spacy.tokens import Token

from tacitus.casualties.numbers import VAGUE, parse_count
from tacitus.model import Casualties, Count

__all__ = ["casualties_of"]


def _lemmas(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Casualty words by what they count. Verbs take their victims as passive subject or
# object ("five were killed", "killing five"); "die" as subject; adjectives describe them.
_VERBS = {
    "kill": "killed", "slay": "killed", "murder": "killed", "massacre": "killed",
    "execute": "killed", "behead": "killed", "shoot": "killed",
    "injure": "injured", "wound": "injured", "hurt": "injured", "maim": "injured",
    "arrest": "arrested", "detain": "arrested", "apprehend": "arrested", "jail": "arrested",
    "abduct": "missing", "kidnap": "missing",
}  # fmt: skip
_INTRANSITIVE = {"die": "killed", "perish": "killed"}
_ADJECTIVES = {
    "dead": "killed", "injured": "injured", "wounded": "injured", "hurt": "injured",
    "missing": "missing", "unaccounted": "missing",
}  # fmt: skip
_NOUNS = {
    "death": "killed", "fatality": "killed", "injury": "injured", "arrest": "arrested",
    "detention": "arrested",
}  # fmt: skip
# "shot" counts the dead only as "shot dead"/"shot and killed"; alone it is no death.
_NEEDS_DEAD = frozenset({"shoot"})
# Dependency relations a casualty clause may hang from the trigger by: a participle
# ("exploded, killing five"), a conjoined clause, a complement, a prepositional phrase.
_DOWN = frozenset(
    {"advcl", "xcomp", "conj", "ccomp", "dobj", "pobj", "prep", "acl", "relcl", "oprd", "amod"}
)
# How far up from the trigger the clause it causes may be: "killed in an attack" (2).
_MAX_UP = 3
_MAX_DOWN = 3


def casualties_of(trigger: Token) -> Casualties | None:
    """The casualties the trigger's clause counts, or None when it counts none."""
    found = Casualties()
    for word, kind, how in _casualty_words(trigger):
        if getattr(found, kind) is not None:
            continue
        count = _count_of(word, kind)
        if count is not None:
            count.why = f"{how}; {count.why}"
            setattr(found, kind, count)
    if all(getattr(found, k) is None for k in ("killed", "injured", "missing", "arrested")):
        return None
    return found


def _kind(tok: Token) -> str | None:
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("VERB", "AUX"):
        if lemma in _NEEDS_DEAD and not any(c.lower_ == "dead" for c in tok.children):
            return None
        return _VERBS.get(lemma) or _INTRANSITIVE.get(lemma) or _ADJECTIVES.get(tok.lower_)
    if tok.pos_ == "ADJ":
        return _ADJECTIVES.get(tok.lower_)
    if tok.pos_ == "NOUN":
        return _NOUNS.get(lemma)
    return None


def _casualty_words(trigger: Token) -> list[tuple[Token, str, str]]:
    """Casualty words of the trigger's clause, the trigger first, then below, then above."""
    out: list[tuple[Token, str, str]] = []
    kind = _kind(trigger)
    if kind is not None:
        out.append((trigger, kind, f"trigger {trigger.text!r}"))
    stack = [(c, 1) for c in trigger.children if c.dep_ in _DOWN]
    while stack:
        tok, depth = stack.pop(0)
        kind = _kind(tok)
        if kind is not None and not _own_agent(tok):
            out.append((tok, kind, f"{tok.text!r} in the clause of {trigger.text!r}"))
        if depth < _MAX_DOWN and not _own_agent(tok):
            stack.extend((c, depth + 1) for c in tok.children if c.dep_ in _DOWN)
    cur = trigger
    for _ in range(_MAX_UP):
        if cur.head.i == cur.i or cur.dep_ not in ("pobj", "prep", "advcl", "agent", "nsubj"):
            break
        cur = cur.head
        kind = _kind(cur)
        # Only the harm an event caused is counted from the clause above it: "five were
        # killed in an attack"; "police arrested five after the clashes" is another event.
        if kind in ("killed", "injured", "missing"):
            out.append((cur, kind, f"{cur.text!r} caused by {trigger.text!r}"))
    return out


def _own_agent(tok: Token) -> bool:
    """A verb with its own active subject is another event ("police arrested five")."""
    if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() in _INTRANSITIVE:
        return False
    return any(c.dep_ == "nsubj" and not _is_number(c) for c in tok.children)


def _is_number(tok: Token) -> bool:
    return tok.like_num or tok.lower_ in VAGUE


def _victims(word: Token, kind: str) -> Token | None:
    """The noun phrase of the people counted, by the casualty word's part of speech."""
    deps: tuple[str, ...]
    if word.pos_ == "NOUN":
        return word  # "12 deaths", "made 20 arrests"
    lemma = word.lemma_.lower()
    if word.pos_ == "VERB" and lemma in _INTRANSITIVE:
        deps = ("nsubj",)
    elif word.pos_ == "VERB" and lemma in _VERBS:
        deps = ("nsubjpass", "dobj")
    else:
        deps = ("nsubj", "nsubjpass", "npadvmod", "nummod")
    for child in word.children:
        if child.dep_ in deps:
            return child
    if word.dep_ in ("amod", "acl") and word.head.pos_ in ("NOUN", "PROPN", "NUM"):
        return word.head  # "five injured people", "the four arrested"
    if word.dep_ in ("oprd", "acomp", "xcomp", "ccomp", "advcl", "conj"):
        # "leaving five people dead", "five were dead": the head's object or subject
        for child in word.head.children:
            if child.dep_ in ("dobj", "nsubj", "nsubjpass") and child.i != word.i:
                return _nearest_before(child, word)
    return None


def _nearest_before(phrase: Token, word: Token) -> Token:
    """Of coordinated counts, the one just before the word: in "leaving three dead and 12
    injured", "injured" counts 12."""
    conjuncts = [phrase, *(c for c in phrase.conjuncts if c.i < word.i)]
    return max(conjuncts, key=lambda t: t.i)


def _count_of(word: Token, kind: str) -> Count | None:
    if _combined(word):
        return None
    head = _victims(word, kind)
    if head is None:
        return None
    same_side = [c for c in head.conjuncts if (c.i < word.i) == (head.i < word.i)]
    heads = [head, *(c for c in same_side if _counted_by(c, word))]
    counts = [c for c in (_one_count(h, word.pos_ == "VERB") for h in heads) if c is not None]
    if not counts:
        return None
    if len(counts) == 1:
        count = counts[0]
    else:  # "300 policemen, over 600 soldiers, more than 3,000 civilians dead": the sum
        values = [c.value for c in counts]
        count = Count(
            written=", ".join(c.written for c in counts),
            value=None if None in values else sum(v or 0 for v in values),
            low=sum(c.low for c in counts),
            group=", ".join(c.group for c in counts if c.group) or None,
        )
    count.why = f"{count.written!r} {word.text}"
    return count


def _counted_by(conjunct: Token, word: Token) -> bool:
    """A coordinated phrase on the same side shares the casualty word unless another one
    stands between them: "three dead and 12 injured" keeps 12 for "injured"."""
    lo, hi = sorted((conjunct.i, word.i))
    return not any(_kind(t) is not None for t in word.doc[lo + 1 : hi])


def _combined(word: Token) -> bool:
    """ "killed or wounded 1,500", "dead or missing": one figure for two kinds, which
    cannot be split between them, so neither is counted."""
    if not any(_kind(c) is not None for c in word.conjuncts):
        return False
    words = [word, *word.conjuncts]
    return any(c.dep_ == "cc" and c.lower_ == "or" for w in words for c in w.children)


def _one_count(head: Token, verb: bool) -> Count | None:
    """The count of one victims phrase; `verb`: the casualty word is a verb, whose subject or
    object is a victim even without a number ("a soldier was killed")."""
    if head.lemma_.lower() in _TIME_NOUNS:
        return None  # "thirty more years": a list of counts may run into other numbers
    number, group = _number_and_group(head)
    if number is None or (not verb and not _is_number(number) and number.dep_ != "nummod"):
        return None
    if number.i == head.i and not _is_number(head):  # a person counted as one
        return Count(written=head.text, value=1, low=1, group=group)
    if number.dep_ in ("det", "poss"):  # "a soldier was killed", "his wife": one
        return Count(written=f"{number.text} {head.text}", value=1, low=1, group=group)
    written = _written(number)
    parsed = parse_count(written)
    if parsed is None or parsed[1] <= 0:
        return None
    return Count(written=written, value=parsed[0], low=parsed[1], group=group)


def _number_and_group(head: Token) -> tuple[Token | None, str | None]:
    """The number token of a victims phrase and the group it counts:
    "at least 106 people" -> (106, "people"); "dozens of protesters" -> (dozens,
    "protesters"); "five" -> (five, None); "a soldier" -> (a, "soldier")."""
    if _is_number(head):
        group = next(
            (
                _group(obj)
                for prep in head.children
                if prep.dep_ == "prep" and prep.lower_ == "of"
                for obj in prep.children
                if obj.dep_ == "pobj"
            ),
            None,
        )
        return head, group
    if head.lemma_.lower() in _CONTAINERS:
        return None, None  # "three coachloads of people": not a count of people
    if head.lemma_.lower() in _TOTALS:  # "a total of 91", "the number of dead": the "of"
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        return _number_and_group(obj)
        return None, None
    for child in head.children:
        if child.dep_ == "nummod" or (child.dep_ in ("amod", "quantmod") and _is_number(child)):
            return child, _group(head)
    if head.tag_ == "NN" and head.pos_ == "NOUN":
        for child in head.children:
            if child.dep_ in ("det", "poss"):
                return child, _group(head)  # "a soldier", "the leader of the party": one
    if (head.tag_ == "NNP" and head.ent_type_ not in _NOT_PEOPLE) or head.lower_ in ("he", "she"):
        return head, None  # "Mr Mubanga was detained", "he was wounded": one
    return None, None


def _group(noun: Token) -> str:
    """The counted noun with its compounds and adjectives: "police officers"."""
    words = [c for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i]
    words = [w for w in words if not _is_number(w) and _kind(w) is None]
    return " ".join([*(w.text for w in words), noun.text])


def _written(number: Token) -> str:
    """The number with the words qualifying it: "at least 106", "more than 1,000"."""
    parts = [number, *(t for c in number.children if c.dep_ in _NUM_MODS for t in c.subtree)]
    start = min(t.i for t in parts)
    end = max(t.i for t in parts if t.i <= number.i) + 1
    span = number.doc[start:end]
    text = span.text
    # "or more" after the number: "50 or more"
    nxt = number.doc[number.i + 1 : number.i + 3]
    if nxt.text.lower() == "or more":
        text += " or more"
    return text


# Nouns that count groups, not people, and nouns whose "of" phrase holds the count.
_CONTAINERS = _lemmas("coachload busload carload boatload truckload group family unit batch")
_TOTALS = _lemmas("total toll number")
_TIME_NOUNS = _lemmas("year month week day hour minute decade century")
# A singular proper name counts one person unless the NER says it is no person.
_NOT_PEOPLE = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT"})
_NUM_MODS = frozenset({"quantmod", "advmod", "compound", "nummod", "amod"})
