"""arfa.lang.ar: the letter class, the readings of a word, the word lists."""

from __future__ import annotations

import re
import unicodedata

import pytest

from arfa.errors import UnsupportedLanguageError
from arfa.lang import Language, Reading, ar, fa, language
from arfa.normalize import fold, normalize

BLOCKS = [*range(0x0600, 0x0700), *range(0x0750, 0x0780)]
PRESENTATION = [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)]


@pytest.mark.parametrize("code", BLOCKS, ids=hex)
def test_letter_is_category_lo_of_the_arabic_blocks(code: int) -> None:
    ch = chr(code)
    assert ar.is_letter(ch) == (unicodedata.category(ch) == "Lo")
    assert (re.fullmatch(ar.LETTER, ch) is not None) == ar.is_letter(ch)


def test_letter_outside_the_blocks() -> None:
    assert ar.LETTERS <= {chr(c) for c in BLOCKS}
    assert not any(ar.is_letter(ch) for ch in "a1\u0640\u064e\u0660\u06f1،؟\u200c ")
    assert not ar.is_letter("با")  # one character only


def test_presentation_forms_normalize_to_letters() -> None:
    """The class leaves out presentation forms: normalize() decomposes them (the tail fragment aside)."""
    for code in PRESENTATION:
        ch = chr(code)
        if unicodedata.category(ch) != "Lo" or code == 0xFE73:
            continue
        assert not ar.is_letter(ch)
        assert all(ar.is_letter(c) or c.isspace() for c in normalize(ch).text), hex(code)


def test_proclitic_table() -> None:
    assert set(ar.PROCLITICS) == {c + p for c in ("", *ar.CONJUNCTIONS) for p in ("", *ar.PREPOSITIONS)} - {""}
    assert len(set(ar.PROCLITICS)) == len(ar.PROCLITICS) == 11
    assert ar.PROCLITIC_LETTERS == frozenset("وفبكل")
    assert set(ar.LOCATIVE_PROCLITICS) == {"ب", "ل", "وب", "ول", "فب", "فل"}


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("والاتحاد", [(0, "والاتحاد", 1.0), (1, "الاتحاد", 0.9)]),
        ("للامم", [(0, "للامم", 1.0), (1, "الامم", 0.95), (1, "لامم", 0.3)]),
        ("وللامم", [(0, "وللامم", 1.0), (2, "الامم", 0.95), (1, "للامم", 0.3), (2, "لامم", 0.3)]),
        ("فكالمنظمه", [(0, "فكالمنظمه", 1.0), (2, "المنظمه", 0.9), (1, "كالمنظمه", 0.3)]),
        ("بغداد", [(0, "بغداد", 1.0), (1, "غداد", 0.3)]),
        ("وبه", [(0, "وبه", 1.0), (1, "به", 0.3)]),
        ("والي", [(0, "والي", 1.0), (1, "الي", 0.3)]),
        ("مجلس", [(0, "مجلس", 1.0)]),
        ("وب", [(0, "وب", 1.0)]),
        ("", [(0, "", 1.0)]),
    ],
)
def test_readings(word: str, expected: list[tuple[int, str, float]]) -> None:
    found = list(ar.readings(word))
    assert all(isinstance(r, Reading) for r in found)
    assert [(r.offset, r.rest, r.plausibility) for r in found] == expected


@pytest.mark.parametrize("word", ["وللامم", "بغداد", "مجلس"])
def test_readings_from_the_bounded_cache_are_the_computed_ones(word: str) -> None:
    ar._readings.cache_clear()
    computed = list(ar.readings(word))  # a miss
    assert list(ar.readings(word)) == computed == list(ar._readings.__wrapped__(word))  # a hit, and uncached
    assert ar._readings.cache_info().hits == 1
    assert ar._readings.cache_parameters()["maxsize"] is not None


def test_readings_whole_first_then_by_plausibility() -> None:
    for word in ("وبالامم", "فللتعاون", "كالعاده", "لبنان"):
        found = list(ar.readings(word))
        assert found[0] == Reading(0, word, 1.0)
        rest = [r.plausibility for r in found[1:]]
        assert rest == sorted(rest, reverse=True)
        assert all(len(word) - r.offset >= ar.MIN_STEM for r in found)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("والاتحاد", (1, "الاتحاد")),
        ("بالامم", (1, "الامم")),
        ("وبالامم", (2, "الامم")),
        ("للامم", (1, "الامم")),
        ("فللامم", (2, "الامم")),
        ("كالعاده", (1, "العاده")),
        ("لبنان", (0, "لبنان")),
        ("لكازاخستان", (0, "لكازاخستان")),
        ("والي", (0, "والي")),
        ("الاتحاد", (0, "الاتحاد")),
        ("بإلغاء", (0, "بإلغاء")),  # hamza alef: no article
    ],
)
def test_strip_proclitics(word: str, expected: tuple[int, str]) -> None:
    assert ar.strip_proclitics(word) == expected


@pytest.mark.parametrize(
    ("word", "min_stem", "expected"),
    [("الاتحاد", 2, "اتحاد"), ("الذي", 2, "ذي"), ("الذي", 3, "الذي"), ("الي", 2, "الي"), ("مجلس", 2, "مجلس")],
)
def test_strip_article(word: str, min_stem: int, expected: str) -> None:
    assert ar.strip_article(word, min_stem=min_stem) == expected


@pytest.mark.parametrize(
    ("word", "expected"), [("لامم", "الامم"), ("لبنان", "البنان"), ("للامم", None), ("امم", None), ("لا", None)]
)
def test_article_form(word: str, expected: str | None) -> None:
    assert ar.article_form(word) == expected


WORD_LISTS = ["TITLES", "ORG_HEADS", "BODY_HEADS", "LOCATIVE_CUES", "LOCATION_TRIGGERS", "TIME_CUES",
              "AFTER_PLACE", "BREAK_WORDS", "STOP_WORDS"]


@pytest.mark.parametrize("module", [ar, fa], ids=["ar", "fa"])
@pytest.mark.parametrize("name", WORD_LISTS)
def test_word_lists_are_folded(module: Language, name: str) -> None:
    words = getattr(module, name)
    assert isinstance(words, frozenset)
    assert all(w and fold(w) == w and " " not in w for w in words)


@pytest.mark.parametrize("module", [ar, fa], ids=["ar", "fa"])
def test_common_words(module: Language) -> None:
    words = module.common_words()
    assert len(words) > 1000
    assert not any(w.startswith("#") or fold(w) != w for w in words)


def test_language() -> None:
    assert language("ar") is ar and language("fa") is fa
    names = [n for n in Language.__annotations__] + ["readings", "strip_proclitics", "strip_article", "common_words"]
    for module in (ar, fa):
        assert all(hasattr(module, n) for n in names)
    with pytest.raises(UnsupportedLanguageError):
        language("de")
