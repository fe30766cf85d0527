"""arfa.lang.fa: Persian letters, ZWNJ, readings that keep the word."""

from __future__ import annotations

import pytest

from arfa.lang import ar, fa
from arfa.normalize import fold


def test_letters() -> None:
    assert fa.LETTER == ar.LETTER and fa.is_letter is ar.is_letter
    assert all(fa.is_letter(ch) for ch in fa.DISTINCT_LETTERS | ar.DISTINCT_LETTERS)
    assert not fa.DISTINCT_LETTERS & ar.DISTINCT_LETTERS
    assert not fa.is_letter(fa.ZWNJ)


def test_zwnj_words_fold_to_their_parts() -> None:
    assert fold(f"رئیس{fa.ZWNJ}جمهور") == "رييس جمهور"
    assert {"رييس", "جمهور"} <= fa.TITLES


@pytest.mark.parametrize("word", ["بهمن", "وزیر", "بتهران", "والا", "کشور"])
def test_readings_keep_the_word(word: str) -> None:
    key = fold(word)
    assert [(r.offset, r.rest, r.plausibility) for r in fa.readings(key)] == [(0, key, 1.0)]
    assert list(fa.readings(key)) == list(fa.readings(key))  # the second from the cache, the same
    assert fa.strip_proclitics(key) == (0, key)
    assert fa.strip_article(key) == key


def test_idioms_are_folded_pairs() -> None:
    assert ("در", fold("آستانه")) in fa.IDIOMS
    assert all(fold(a) == a and fold(b) == b for a, b in fa.IDIOMS)
    assert fa.LOCATIVE_PROCLITICS == ()

