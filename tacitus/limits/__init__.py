"""Bounds on what one article may cost, so that no input can hang a run.

spaCy's parser takes time growing with the square of a sentence's length: a paragraph of
8,000 characters of ``.,`` (or of ``<&``, which is what a page of HTML entities becomes) took
13 s, one of 16,000 took 57 s, and a 999,000-character paragraph would have run for hours.
Three bounds make every article's cost linear or capped:

- `pieces`: a segment longer than MAX_PIECE_CHARS is parsed in pieces cut at sentence ends
  (else at a space, else hard), so no parse sees more than that many characters;
- `is_prose`: a long piece with hardly any letters (runs of punctuation, entity debris,
  tables of numbers) is not parsed at all; and after parsing, a sentence of more than
  MAX_SENTENCE_TOKENS tokens without a verb is not coded (`worth_coding`);
- `Budget`: an article still being coded after its time budget is recorded as failed
  ("took longer than N s") and the run goes on.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field

from spacy.tokens import Span

from tacitus.model import Segment

# The longest of the 19,070 paragraphs of the BBC corpus has 2,575 characters, so a real
# paragraph is never cut; at 4,000 characters of prose (about 800 tokens) a parse stays well
# under a second, where the quadratic cost of the parser is still small.
MAX_PIECE_CHARS = 4000
# A piece shorter than this is parsed whatever it holds: a short line of figures ("1-0, 2-2")
# costs nothing and may sit in a real sentence.
MIN_JUDGED_CHARS = 200
# Prose is mostly letters (about 80% of the characters of English news, spaces included)
# and little punctuation (a few percent); below a quarter of letters, or above a fifth of
# punctuation and symbols (each of which is a token: "a.,a.,a.," is 3 tokens in 3 characters),
# the text is debris, not sentences.
MIN_LETTER_SHARE = 0.25
MAX_PUNCT_SHARE = 0.20
# The longest sentences of news are about 120 tokens; one of 300 tokens without any verb is a
# list, a table or debris, and coding it would only cost time.
MAX_SENTENCE_TOKENS = 300
# Seconds one article may take from its first segment entering the parser to its coding.
DEFAULT_BUDGET_SECONDS = 120.0

_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")
_LETTER = re.compile(r"[^\W\d_]")
_PUNCT = re.compile(r"[^\w\s]")


def pieces(segment: Segment, limit: int = MAX_PIECE_CHARS) -> list[Segment]:
    """`segment` cut into pieces of at most `limit` characters, each keeping its offset."""
    text, start = segment.text, 0
    out: list[Segment] = []
    while len(text) - start > limit:
        cut = _cut_at(text, start, start + limit)
        out.append(Segment(segment.kind, text[start:cut], segment.start + start))
        start = cut
    out.append(Segment(segment.kind, text[start:], segment.start + start))
    return [p for p in out if p.text.strip()]


def _cut_at(text: str, start: int, end: int) -> int:
    """The last sentence end in text[start:end], else its last space, else `end`."""
    window = text[start:end]
    ends = [m.end() for m in _SENTENCE_END.finditer(window)]
    if ends and ends[-1] > len(window) // 2:
        return start + ends[-1]
    space = window.rfind(" ")
    return start + space + 1 if space > len(window) // 2 else end


def is_prose(text: str) -> bool:
    """Whether a piece is worth parsing: short, or made mostly of letters."""
    if len(text) < MIN_JUDGED_CHARS:
        return True
    letters = len(_LETTER.findall(text))
    punctuation = len(_PUNCT.findall(text))
    return letters >= MIN_LETTER_SHARE * len(text) and punctuation <= MAX_PUNCT_SHARE * len(text)


def worth_coding(sent: Span) -> bool:
    """A sentence is coded unless it is very long and has no verb."""
    if len(sent) <= MAX_SENTENCE_TOKENS:
        return True
    return any(token.pos_ in ("VERB", "AUX") for token in sent)


class BudgetExceeded(Exception):
    """An article ran past its time budget."""


@dataclass(slots=True)
class Budget:
    """The time one article may take; `check` raises BudgetExceeded once it is spent."""

    seconds: float = DEFAULT_BUDGET_SECONDS
    started: float = field(default_factory=time.monotonic)

    @property
    def spent(self) -> bool:
        return time.monotonic() - self.started > self.seconds

    def check(self) -> None:
        if self.spent:
            raise BudgetExceeded(self.reason)

    @property
    def reason(self) -> str:
        return f"took longer than {self.seconds:g} s (the per-article time budget); not coded"
