"""Reading a count as written: "at least 106", "more than 1,000", "dozens", "five"."""

from __future__ import annotations

import math
import re

__all__ = ["VAGUE", "number_value", "parse_count"]

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1, "dozen": 12,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# Plural vague quantities: no number, but a least value. "dozens" is at least two dozen.
VAGUE = {
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2000,
    "several": 3,
    "tens": 20,
}
# Words before a number that make it a lower bound ("at least 106" -> 106), a strict one
# ("more than 100" -> 101), or an upper one ("nearly 50", "up to 10": at least one).
_AT_LEAST = ("at least", "a minimum of", "no fewer than", "not less than")
_MORE_THAN = ("more than", "over", "above", "in excess of")
_NEARLY = ("nearly", "almost", "close to", "just under")
_AT_MOST = ("up to", "fewer than", "less than", "under")
# "nearly 400": taken as within a tenth below the figure, so that a --min-killed filter
# still finds it; "up to 10" says only that someone was.
_NEARLY_SHARE = 0.9
# Words that leave the number as it is: "only four", "another three", "a further three".
_EXACT = ("only", "just", "another", "a further", "a total of", "the", "all")
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")


def number_value(text: str) -> int | None:
    """ "106" -> 106, "1,000" -> 1000, "five" -> 5, "twenty-one" -> 21, "two hundred" -> 200,
    "a dozen" -> 12; None when the words are not a number."""
    words = text.lower().replace("-", " ").replace(" and ", " ").split()
    if not words:
        return None
    if len(words) == 1 and _DIGITS.match(words[0]):
        return int(words[0].replace(",", ""))
    total, current = 0, 0
    for word in words:
        if _DIGITS.match(word):
            current += int(word.replace(",", ""))
        elif word in _UNITS:
            current = current * 12 if word == "dozen" and current else current + _UNITS[word]
        elif word in _SCALES:
            current = max(current, 1) * _SCALES[word]
            if _SCALES[word] >= 1000:
                total, current = total + current, 0
        else:
            return None
    return total + current


def parse_count(written: str) -> tuple[int | None, int] | None:
    """The stated value and the least value of a count as written, or None when it is no
    count: "at least 106" -> (106, 106); "more than 100" -> (100, 101); "dozens" ->
    (None, 24); "nearly 50" -> (50, 45); "up to 10" -> (10, 1)."""
    text = " ".join(written.lower().split())
    for words in (*_AT_LEAST, *_MORE_THAN, *_NEARLY, *_AT_MOST, *_EXACT, "about", "around",
                  "some", "roughly", "approximately", "an estimated"):  # fmt: skip
        if text.startswith(words + " "):
            rest = text[len(words) + 1 :]
            parsed = parse_count(rest)
            if parsed is None or parsed[0] is None:
                return parsed
            value = parsed[0]
            if words in _MORE_THAN:
                return value, value + 1
            if words in _NEARLY:
                return value, max(1, math.ceil(value * _NEARLY_SHARE))
            if words in _AT_MOST:
                return value, 1
            return value, value
    if text in VAGUE:
        return None, VAGUE[text]
    if text.endswith(" or more"):
        return parse_count(text[: -len(" or more")])
    stated = number_value(text)
    return (stated, stated) if stated is not None else None
