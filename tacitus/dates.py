"""The dates stage: when did an event happen, resolved against the publication date.

Two entry points:

- `resolve(raw, published)` turns one date expression ("Thursday", "earlier this week",
  "Dec. 9", "in 2015") into an `EventDate` with a precision (day, week, month, year) and the
  rule that fired, or `None` when the text is not a date (durations, ages, times of day).
- `event_date(trigger, published)` finds the date expression that belongs to an event: one in
  the trigger's own clause, never one attached to an embedded or governing clause (a reporting
  verb's date belongs to the report, not to the reported event). Without one the event takes
  the publication date, marked as such (`raw=None`).

The rules are written by hand, in the order they are tried; each states its reading of news
style in its `why`. News reports the past, so an expression without a year or a direction
("Thursday", "March 3", "in December") takes the most recent such date not after publication,
unless the event's clause is in the future tense.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from tacitus.model import EventDate

log = logging.getLogger(__name__)

__all__ = ["PUBLICATION_WHY", "event_date", "is_future", "resolve"]

PUBLICATION_WHY = "publication date (no date in the event's clause)"

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
# Abbreviations are accepted only before a month-day ("Sat., Dec. 4"): alone, "sun", "sat"
# and "wed" are ordinary words far more often than dates.
WEEKDAY_ABBREVIATIONS = ("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")
MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

# A bare four-digit number is read as a year only in this range: outside it "1500" or "3000"
# in a DATE-like position is far more often a quantity than a year of political news.
YEAR_MIN, YEAR_MAX = 1800, 2199

_WD = "|".join(WEEKDAYS)
_WD_ANY = "|".join([*WEEKDAYS, *WEEKDAY_ABBREVIATIONS])
_MON = "|".join(sorted(MONTHS, key=len, reverse=True))
_PART = (
    r"(?:(?P<part>early|earlier|mid|late|later|(?:the\s+)?(?:end|beginning|start|middle)\s+of|end(?=-))"
    r"\s*-?\s*)?"
)
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"

# Times of day are dropped before matching: "3 p.m. Saturday" is Saturday, "3 p.m." is nothing.
_TIME = re.compile(
    r"\b(?:\d{1,2}(?::\d{2})?\s*(?:a\.?\s?m\.?|p\.?\s?m\.?)|\d{1,2}:\d{2}|noon|midnight|"
    r"morning|afternoon|evening|night|overnight|dawn|dusk)\b"
)
# Prepositions that leave the date of the event itself; "before", "after", "until" and "by"
# do not (they bound the event), so expressions they lead are not resolved.
# "in" before a count of units stays: "in two weeks" is an offset, "two weeks" a duration.
_LEADING = re.compile(
    r"^(?:(?:on|in(?!\s+(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve)\s+(?:day|week|month|year)s?\b)|during|at|over|"
    r"since|as of|of|the|this past)\s+)+"
)
_BOUNDING = re.compile(r"^(?:before|after|until|till|by|ahead of|prior to)\b")

Rule = Callable[[str, date | None, bool], tuple[date, str, str] | None]


@dataclass(frozen=True, slots=True)
class _Found:
    """A resolved candidate date in a clause, with how far it sits from the clause head."""

    date: EventDate
    depth: int
    distance: int


# ---------------------------------------------------------------------------------------------
# resolve: one expression -> EventDate


def resolve(raw: str, published: date | None, *, future: bool = False) -> EventDate | None:
    """Resolve one date expression against the publication date.

    `published` may be None: then only expressions carrying their own year resolve
    ("March 3, 2021", "2021-12-09", "in 2015"). `future` says the clause is about the
    future, so "Thursday" or "March 3" is the next one, not the last one.
    """
    text = _normalise(raw)
    if not text or _BOUNDING.match(text):
        return None
    for rule in RULES:
        hit = rule(text, published, future)
        if hit is not None:
            value, precision, why = hit
            return EventDate(value.isoformat(), precision, raw.strip(), why)
    return None


def _normalise(raw: str) -> str:
    text = raw.lower().replace("\u2019", "'").strip()
    # Parts of today or yesterday named as such, before _TIME drops parts of the day.
    text = re.sub(r"\blast night\b", "yesterday", text)
    text = re.sub(r"\b(?:tonight|this (?:morning|afternoon|evening))\b", "today", text)
    text = _TIME.sub(" ", text)
    text = re.sub(r"'s\b", "", text)  # "Saturday's" -> "saturday"
    text = re.sub(r"(?<=[a-z])\.", "", text)  # "Dec. 9" -> "dec 9"
    text = re.sub(r"[,()]", " ", text)
    text = re.sub(r"\s+", " ", text).strip(" .;:")
    text = _LEADING.sub("", text)
    if text == "weekend":  # "over the weekend"
        text = "this weekend"
    # "early Saturday", "late Thursday": the part of the day does not change the day.
    return re.sub(rf"^(?:early|late)\s+(?=(?:{_WD})$)", "", text)


def _iso(text: str, published: date | None, future: bool) -> tuple[date, str, str] | None:
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if not m:
        return None
    day = _safe_date(int(m[1]), int(m[2]), int(m[3]))
    return (day, "day", "ISO date") if day else None


def _deictic_day(text: str, published: date | None, future: bool) -> tuple[date, str, str] | None:
    offsets = {"today": 0, "yesterday": -1, "tomorrow": 1}
    if text not in offsets or published is None:
        return None
    return published + timedelta(days=offsets[text]), "day", f"{text} relative to publication"


def _weekday(text: str, published: date | None, future: bool) -> tuple[date, str, str] | None:
    m = re.fullmatch(rf"(?:(?P<dir>last|next|this|past|coming)\s+)?(?P<wd>{_WD})", text)
    if not m or published is None:
        return None
    target = WEEKDAYS[m["wd"]]
    direction = m["dir"]
    if direction == "next" or (direction == "coming"):
        # "next Monday": the first Monday after publication.
        ahead = (target - published.weekday() - 1) % 7 + 1
        return published + timedelta(days=ahead), "day", f"next {m['wd']} after publication"
    if direction in ("last", "past"):
        # "last Tuesday" written on a Tuesday means a week ago, not today.
        back = (published.weekday() - target - 1) % 7 + 1
        return published - timedelta(days=back), "day", f"last {m['wd']} before publication"
    if future:
        ahead = (target - published.weekday()) % 7
        why = f"{m['wd']}: next one on or after publication (future tense)"
        return published + timedelta(days=ahead), "day", why
    back = (published.weekday() - target) % 7
    why = f"{m['wd']}: most recent one not after publication"
    return published - timedelta(days=back), "day", why


def _relative_period(
    text: str, published: date | None, future: bool
) -> tuple[date, str, str] | None:
    m = re.fullmatch(
        rf"{_PART}(?:in\s+)?(?:the\s+)?(?P<dir>this|last|next|past|coming)\s+"
        r"(?P<unit>week|weekend|month|year)",
        text,
    )
    if not m or published is None:
        return None
    if m["dir"] == "past" and m["unit"] != "weekend":
        return None  # "the past week" is the last seven days: a duration, not a period
    step = {"this": 0, "last": -1, "past": -1, "next": 1, "coming": 1}[m["dir"]]
    unit = m["unit"]
    if unit == "weekend":
        return _weekend(published, step, future)
    start = _period_start(published, unit, step)
    precision = "week" if unit == "week" else unit
    part = f"{m['part']} " if m["part"] else ""
    return start, precision, f"{part}{m['dir']} {unit} relative to publication"


def _weekend(published: date, step: int, future: bool) -> tuple[date, str, str]:
    # A weekend is reported at week precision, valued at the Monday of its Saturday's week.
    # Read on a Saturday or Sunday, "this weekend" is the current one; read on a weekday it is
    # the coming one in the future tense and the one just past otherwise ("clashes this
    # weekend" in a Monday paper).
    weekday = published.weekday()
    if weekday >= 5:
        current = published - timedelta(days=weekday - 5)
    elif future:
        current = published + timedelta(days=5 - weekday)
    else:
        current = published - timedelta(days=weekday + 2)
    if step < 0:
        saturday = current if weekday < 5 and not future else current - timedelta(days=7)
        word = "last"
    elif step > 0:
        # "next weekend": the first one that starts after publication.
        saturday = published + timedelta(days=(5 - weekday - 1) % 7 + 1)
        word = "next"
    else:
        saturday, word = current, "this"
    monday = saturday - timedelta(days=5)
    return monday, "week", f"{word} weekend relative to publication"


def _period_start(published: date, unit: str, step: int) -> date:
    if unit == "week":
        monday = published - timedelta(days=published.weekday())
        return monday + timedelta(weeks=step)
    if unit == "month":
        index = published.year * 12 + published.month - 1 + step
        return date(index // 12, index % 12 + 1, 1)
    return date(published.year + step, 1, 1)


def _ago(text: str, published: date | None, future: bool) -> tuple[date, str, str] | None:
    m = re.fullmatch(
        r"(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
        r"(?P<unit>day|week|month|year)s?\s+(?P<way>ago|from now|hence)",
        text,
    )
    if not m and future:
        # "in two weeks" names a date only when the clause is about the future; in the past
        # tense it is usually a duration ("captured in two days of fighting").
        m = re.fullmatch(
            r"in\s+(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
            r"twelve)\s+(?P<unit>day|week|month|year)s?(?P<way>)(?:'?\s*time)?",
            text,
        )
    if not m or published is None:
        return None
    n = int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS[m["n"]]
    sign = -1 if m["way"] == "ago" else 1
    unit = m["unit"]
    why = f"{n} {unit}(s) {'before' if sign < 0 else 'after'} publication"
    if unit == "day":
        return published + timedelta(days=sign * n), "day", why
    return _period_start(published, unit, sign * n), unit, why


def _month_day(text: str, published: date | None, future: bool) -> tuple[date, str, str] | None:
    wd = rf"(?:(?:{_WD_ANY})\s+)?"
    m = re.fullmatch(rf"{wd}(?P<mon>{_MON})\s+(?P<day>\d{{1,2}}){_ORD}(?:\s+{_YEAR})?", text)
    m = m or re.fullmatch(
        rf"{wd}(?:the\s+)?(?P<day>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<mon>{_MON})(?:\s+{_YEAR})?",
        text,
    )
    if not m:
        return None
    month, day = MONTHS[m["mon"]], int(m["day"])
    if m["year"]:
        found = _safe_date(int(m["year"]), month, day)
        return (found, "day", "month, day and year") if found else None
    if published is None:
        return None
    return _month_day_near(month, day, published, future)


def _month_day_near(
    month: int, day: int, published: date, future: bool
) -> tuple[date, str, str] | None:
    this_year = _safe_date(published.year, month, day)
    if this_year is None:  # February 29 outside a leap year, or "June 31"
        return None
    if future:
        if this_year >= published:
            return this_year, "day", "month and day: next one on or after publication (future)"
        found = _safe_date(published.year + 1, month, day)
        return (found, "day", "month and day: next year's (future)") if found else None
    if this_year <= published:
        return this_year, "day", "month and day: most recent one not after publication"
    found = _safe_date(published.year - 1, month, day)
    return (found, "day", "month and day: last year's (not after publication)") if found else None


def _month(text: str, published: date | None, future: bool) -> tuple[date, str, str] | None:
    m = re.fullmatch(
        rf"{_PART}(?:(?P<dir>last|next|this)\s+)?(?:the\s+month\s+of\s+)?(?P<mon>{_MON})"
        rf"(?:\s+(?:of\s+)?{_YEAR}|\s+(?P<ryear>last|this|next)\s+year)?",
        text,
    )
    # "may" and "march" are words too: a month name alone is trusted only in proper case,
    # which the caller's raw text keeps; resolve() sees lower case, so accept it here and let
    # event_date() require a proper-noun tag on the token.
    if not m:
        return None
    month = MONTHS[m["mon"]]
    part = f"{m['part']} " if m["part"] else ""
    if m["year"]:
        year = int(m["year"])
        if not YEAR_MIN <= year <= YEAR_MAX:
            return None
        return date(year, month, 1), "month", f"{part}month and year"
    if published is None:
        return None
    if m["ryear"]:  # "October last year", "in March next year"
        year = published.year + {"last": -1, "this": 0, "next": 1}[m["ryear"]]
        return date(year, month, 1), "month", f"{part}month of {m['ryear']} year"
    year = _month_year(month, published, m["dir"], future)
    why = f"{part}{m['dir'] or 'bare'} month name: " + (
        "same year as publication"
        if year == published.year
        else ("year after publication" if year > published.year else "year before publication")
    )
    return date(year, month, 1), "month", why


def _month_year(month: int, published: date, direction: str | None, future: bool) -> int:
    if direction == "this":
        return published.year
    if direction == "last":  # strictly before the current month
        return published.year if month < published.month else published.year - 1
    if direction == "next" or future:  # strictly after, or on or after when only future tense
        after = month > published.month or (direction is None and month == published.month)
        return published.year if after else published.year + 1
    return published.year if month <= published.month else published.year - 1


def _year(text: str, published: date | None, future: bool) -> tuple[date, str, str] | None:
    m = re.fullmatch(rf"{_PART}(?:the\s+year\s+)?{_YEAR}", text)
    if not m:
        return None
    year = int(m["year"])
    if not YEAR_MIN <= year <= YEAR_MAX:
        return None
    part = f"{m['part']} " if m["part"] else ""
    return date(year, 1, 1), "year", f"{part}explicit year"


def _safe_date(year: int, month: int, day: int) -> date | None:
    if not YEAR_MIN <= year <= YEAR_MAX:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


# Tried in order; the first match wins. Specific shapes come before looser ones so that
# "March 3" is a day before "March" could be a month.
RULES: tuple[Rule, ...] = (
    _iso,
    _deictic_day,
    _weekday,
    _relative_period,
    _ago,
    _month_day,
    _month,
    _year,
)


# ---------------------------------------------------------------------------------------------
# event_date: which expression belongs to the event


# Children that head a clause of their own: a date under them belongs to that clause's event.
_EMBEDDED = frozenset({"ccomp", "advcl", "relcl", "csubj", "csubjpass", "parataxis", "acl"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})
# A date that modifies a noun ("the 2015 nuclear deal", "Saturday's attack") dates that
# thing, not the event, unless the noun is the trigger itself.
_NOUN_MODIFIER = frozenset({"compound", "nummod", "amod", "poss", "nmod"})
_BOUNDING_PREPS = frozenset({"before", "after", "until", "till", "by", "ahead", "prior"})
# Words that make a token sequence date-like when NER missed it.
_SEEDS = frozenset([*WEEKDAYS, "today", "yesterday", "tomorrow", "tonight"])
_PERIODS = frozenset({"week", "weekend", "month", "year"})
_DIRECTIONS = frozenset({"this", "last", "next", "past", "coming"})
_PARTS = frozenset({"early", "earlier", "mid", "late", "later"})
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
# Present-tense heads whose xcomp is a future event ("is set to meet", "plans to visit").
_FUTURE_HEADS = frozenset(
    {"plan", "intend", "expect", "schedule", "set", "due", "go", "aim", "prepare"}
)


def event_date(
    trigger: Token, published: date | None, *, future: bool | None = None
) -> EventDate | None:
    """The date of the event whose trigger is `trigger`.

    Looks in the trigger's own clause, then in the clause it shares its subject with (a verb
    coordinated with it, or the verb it is the open complement of). Falls back to the
    publication date with raw=None; None when there is neither.
    """
    tense = is_future(trigger) if future is None else future
    for head, via in _clause_chain(trigger):
        found = _best_in_clause(head, trigger, published, tense)
        if found is not None:
            if via:
                found = EventDate(found.value, found.precision, found.raw, f"{found.why}; {via}")
            return found
    if published is None:
        return None
    return EventDate(published.isoformat(), "day", None, PUBLICATION_WHY)


def is_future(trigger: Token) -> bool:
    """Whether the trigger's clause is about the future: "will meet", "is set to meet"."""
    if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in trigger.children):
        return True
    head = trigger.head
    if trigger.dep_ == "xcomp" and head.lemma_.lower() in _FUTURE_HEADS:
        # "planned to strike" (past) may well have happened before publication; only a head in
        # the present ("plans", "is set", "is going") points ahead.
        present = head.tag_ in ("VBZ", "VBP", "VBG") or any(
            c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in head.children
        )
        return present or is_future(head)
    return False


def _clause_chain(trigger: Token) -> Iterator[tuple[Token, str]]:
    """The trigger, then the verbs it inherits a date from (conj and subjectless xcomp)."""
    yield trigger, ""
    node = trigger
    for _ in range(3):  # three hops cover "tried to persuade and convince"; more is noise
        if node.dep_ == "conj" and node.head.pos_ in ("VERB", "AUX"):
            node = node.head
            yield node, f"shared with coordinated verb {node.text!r}"
        elif node.dep_ == "xcomp" and not _has_subject(node):
            node = node.head
            yield node, f"shared with governing verb {node.text!r}"
        elif node.dep_ == "advcl" and node.tag_ in ("VBG", "VBN") and not _has_subject(node):
            # A participial adjunct ("attacked the town on March 3, killing 12") happens with
            # its head; a purpose infinitive ("arrived ... to share") or a clause with its own
            # subject or conjunction ("before", "after") need not, so those do not inherit.
            if any(c.dep_ == "mark" for c in node.children):
                return
            node = node.head
            yield node, f"shared with the verb {node.text!r} its participle modifies"
        else:
            return


def _has_subject(token: Token) -> bool:
    return any(c.dep_ in _SUBJECTS for c in token.children)


def _is_boundary(child: Token) -> bool:
    """A child that starts another event's clause, so its subtree is not this clause's."""
    if child.dep_ in _EMBEDDED:
        return child.pos_ in ("VERB", "AUX") or _has_subject(child)
    if child.dep_ == "xcomp":
        return _has_subject(child)
    if child.dep_ in ("conj", "pcomp"):
        return child.pos_ in ("VERB", "AUX")
    return False


def clause_tokens(head: Token) -> set[int]:
    """Indices of the tokens in `head`'s clause: its subtree minus embedded clauses."""
    seen: set[int] = {head.i}
    stack = [head]
    while stack:
        node = stack.pop()
        for child in node.children:
            if child.i not in seen and not _is_boundary(child):
                seen.add(child.i)
                stack.append(child)
    return seen


def _best_in_clause(
    head: Token, trigger: Token, published: date | None, future: bool
) -> EventDate | None:
    inside = clause_tokens(head)
    found: list[_Found] = []
    for span in _candidates(head.doc, inside):
        if not _attached_to_event(span, head, trigger):
            continue
        resolved = resolve(span.text, published, future=future)
        if resolved is None:
            continue
        depth = _depth(span.root, head)
        found.append(_Found(resolved, depth, abs(span.root.i - trigger.i)))
    if not found:
        return None
    # The date closest to the clause head in the tree wins, then the one nearest in the text.
    best = min(found, key=lambda f: (f.depth, f.distance))
    return best.date


def _candidates(doc: Doc, inside: set[int]) -> Iterator[Span]:
    """DATE entities in the clause, then date-like token runs that NER missed."""
    covered: set[int] = set()
    for ent in doc.ents:
        if ent.label_ == "DATE" and ent.root.i in inside:
            span = _widen(ent)
            covered.update(range(span.start, span.end))
            yield span
    for i in sorted(inside):
        token = doc[i]
        if i not in covered and _is_seed(token):
            span = _grow(token)
            covered.update(range(span.start, span.end))
            yield span


def _is_seed(token: Token) -> bool:
    low = token.lower_
    if low in _SEEDS:
        return True
    if low in _PERIODS and token.i > 0 and token.nbor(-1).lower_ in _DIRECTIONS:
        return True
    # "May", "March": months only as proper nouns ("may" the modal, "march" the protest).
    return low.rstrip(".") in MONTHS and token.tag_ == "NNP" and len(low) > 2


def _widen(span: Span) -> Span:
    """Take in an adjacent "earlier"/"late" that NER left outside ("earlier" + "this week")."""
    start = span.start
    if start > 0 and span.doc[start - 1].lower_ in _PARTS:
        start -= 1
    return span.doc[start : span.end]


def _date_word(token: Token) -> bool:
    low = token.lower_.rstrip(".")
    return (
        low in WEEKDAYS
        or low in MONTHS
        or low in _DIRECTIONS
        or low in _PARTS
        or low in _PERIODS
        or (token.like_num and len(low) in (1, 2, 4) and low.isdigit())
        or re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)", low) is not None
    )


def _grow(token: Token) -> Span:
    """The run of date words around a seed token, across commas inside it ("Dec. 4, 2021")."""
    doc = token.doc
    start, end = token.i, token.i + 1
    while start > 0 and _date_word(doc[start - 1]):
        start -= 1
    while end < len(doc) and (
        _date_word(doc[end])
        or (doc[end].text == "," and end + 1 < len(doc) and _date_word(doc[end + 1]))
    ):
        end += 1
    return doc[start:end]


def _attached_to_event(span: Span, head: Token, trigger: Token) -> bool:
    root = span.root
    outer = root.head
    if root.dep_ in _NOUN_MODIFIER and outer.i not in (trigger.i, head.i) and outer not in span:
        log.debug("date %r modifies %r, not the event", span.text, outer.text)
        return False
    # "before Saturday", "ahead of next week's talks": the date bounds the event, not dates it.
    return not any(
        t.lower_ in _BOUNDING_PREPS and t.dep_ in ("prep", "advmod", "mark")
        for t in _path_up(root, head)
    )


def _path_up(token: Token, head: Token) -> Iterable[Token]:
    """Tokens from `token` (exclusive) up to `head` (exclusive)."""
    node = token.head
    while node.i != head.i and node.head.i != node.i:
        yield node
        node = node.head


def _depth(token: Token, head: Token) -> int:
    return sum(1 for _ in _path_up(token, head)) + (0 if token.i == head.i else 1)
