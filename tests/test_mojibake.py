"""Mojibake (UTF-8 read as Windows-1252) is repaired for the parser, offsets kept."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import tacitus
from tacitus.mojibake import has_mojibake, repair


def _garbled(text: str) -> str:
    """What a UTF-8 text looks like read as Windows-1252 (undefined bytes as Latin-1)."""
    out = []
    for b in text.encode("utf-8"):
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


def test_each_character_comes_back_and_the_saved_characters_end_the_word() -> None:
    garbled = _garbled("He said “we didn’t” — in São Paulo.")
    assert has_mojibake(garbled)
    assert repair(garbled) == "He said “we   didn’t”     —   in São  Paulo."


def test_latin_text_that_is_no_mojibake_is_left_alone() -> None:
    for text in ("Âge of reason", "Déjà vu in Zürich", "plain text"):
        assert not has_mojibake(text)
        assert repair(text) == text


@given(st.text(max_size=60))
def test_repair_keeps_the_length_of_any_text(text: str) -> None:
    garbled = _garbled(text)
    assert len(repair(garbled)) == len(garbled)
    assert len(repair(text)) == len(text)


def test_a_garbled_article_is_coded_as_its_clean_form_and_stored_as_written() -> None:
    clean = "Turkey’s army shelled Kurdish positions in Syria, the ministry said."
    garbled = _garbled(clean)
    result = tacitus.code(garbled, published="2019-10-10")
    assert result.article.text == garbled
    codes = {(e.root, e.source and e.source.country) for e in result.events}
    assert ("19", "TUR") in codes, result.events
