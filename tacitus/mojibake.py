"""Text decoded with the wrong encoding ("mojibake"): "didnâ€™t" for "didn’t".

UTF-8 text read as Windows-1252 turns each non-ASCII character into two to four Latin
characters; news archives that passed through such a step are full of "â€œ" and "â€™", which
split words and hide quotation marks from the parser. A run of characters that, encoded back
to Windows-1252 bytes, decodes as UTF-8 is put back as the character it was. The repaired text
keeps the length of the original: the characters a repair saves become spaces at the end of
the word, so every offset outside that word is the article's own, and the record keeps the
text as written.
"""

from __future__ import annotations

import re

__all__ = ["has_mojibake", "repair"]

# A UTF-8 lead byte read as Windows-1252 (Â-ô), then one to three continuation bytes
# (0x80-0xBF), which Windows-1252 shows as the characters below.
_CONTINUATION = "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc" + (
    "\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039"
    "\u203a\u20ac\u2122"
)
_CANDIDATE = re.compile(f"[\u00c2-\u00f4][{_CONTINUATION}]{{1,3}}")


def has_mojibake(text: str) -> bool:
    """Whether the text holds at least one run that is mojibake of a UTF-8 character."""
    return any(_decoded(m.group()) is not None for m in _CANDIDATE.finditer(text))


def repair(text: str) -> str:
    """The text with its mojibake put back, the same length as the original."""
    out: list[str] = []
    pending = 0  # spaces owed for the characters saved in the current word
    i = 0
    for m in _CANDIDATE.finditer(text):
        fixed = _decoded(m.group())
        if fixed is None:
            continue
        pending = _copy(text, i, m.start(), out, pending)
        out.append(fixed[0])
        used = len(fixed[1])
        pending += used - 1
        i = m.start() + used
    _copy(text, i, len(text), out, pending)
    return "".join(out)


def _copy(text: str, start: int, end: int, out: list[str], pending: int) -> int:
    """Copy text[start:end], paying the owed spaces at the first whitespace."""
    for ch in text[start:end]:
        if pending and ch.isspace():
            out.append(" " * pending)
            pending = 0
        out.append(ch)
    if end == len(text) and pending:
        out.append(" " * pending)
        pending = 0
    return pending


def _decoded(run: str) -> tuple[str, str] | None:
    """The character a mojibake run stands for and the part of the run it spans."""
    raw = bytearray()
    for ch in run:
        try:
            raw += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) > 0xFF:
                return None
            raw.append(ord(ch))  # the five bytes Windows-1252 leaves undefined pass as Latin-1
    size = 2 if raw[0] < 0xE0 else 3 if raw[0] < 0xF0 else 4
    if len(raw) < size:
        return None
    try:
        char = bytes(raw[:size]).decode("utf-8")
    except UnicodeDecodeError:
        return None
    # Each character of the run stands for one byte here (Windows-1252 is single-byte).
    return char, run[:size]
