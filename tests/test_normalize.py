from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arfa.normalize import fold, normalize

ARABIC_SCRIPT = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
MIXED = st.text(
    st.one_of(
        ARABIC_SCRIPT,
        st.sampled_from(list("\u200c\u200d\u200e\u200f\u202b\u202c\u00a0\u0640 \n\t.،")),
        st.characters(codec="utf-8"),
        st.characters(min_codepoint=0xFB50, max_codepoint=0xFDFF),  # presentation forms, some of
        st.characters(min_codepoint=0xFE70, max_codepoint=0xFEFF),  # which expand to many letters
    ),
    max_size=200,
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("شنغهاي", "شنغهای"),  # Arabic vs Persian yeh
        ("كازاخستان", "کازاخستان"),  # Arabic vs Persian kaf
        ("أوروبا", "اوروبا"),  # hamza on alef
        ("إيران", "ايران"),
        ("آسيا", "اسيا"),
        ("منظمة", "منظمه"),  # teh marbuta for matching
        ("الوسطى", "الوسطي"),  # alef maksura
        ("الأُمَمُ", "الامم"),  # diacritics
        ("المتـــحدة", "المتحده"),  # tatweel
        ("۱۴۰۰", "1400"),  # Persian digits
        ("٢٠١٩", "2019"),  # Arabic-Indic digits
        ("OSCE", "osce"),
        ("سازمان\u200cهای", "سازمان های"),  # ZWNJ
        ("في\u00a0فيينا", "في فيينا"),  # NBSP
        ("\u200fفيينا\u200e", "فيينا"),  # bidi marks
    ],
)
def test_fold_equivalences(a: str, b: str) -> None:
    assert fold(a) == fold(b)


def test_rejects_non_str() -> None:
    with pytest.raises(TypeError, match="bytes"):
        normalize(b"abc")  # type: ignore[arg-type]


def test_empty() -> None:
    norm = normalize("")
    assert norm.text == "" and len(norm.to_orig) == 0


@given(MIXED)
def test_offset_map_is_monotonic_and_in_bounds(text: str) -> None:
    norm = normalize(text)
    assert len(norm.to_orig) == len(norm.text)
    assert all(a <= b for a, b in zip(norm.to_orig, norm.to_orig[1:]))
    assert all(0 <= i < len(text) for i in norm.to_orig)


@given(MIXED, st.data())
def test_span_to_orig_covers_the_source_characters(text: str, data: st.DataObject) -> None:
    norm = normalize(text)
    if not norm.text:
        return
    s = data.draw(st.integers(0, len(norm.text) - 1))
    e = data.draw(st.integers(s + 1, len(norm.text)))
    os_, oe = norm.span_to_orig(s, e)
    assert 0 <= os_ < oe <= len(text)
    # folding the original slice gives back at least the normalized slice
    assert norm.text[s:e] in normalize(text[os_:oe]).text


def test_span_outside_raises() -> None:
    with pytest.raises(ValueError):
        normalize("abc").span_to_orig(2, 9)


@pytest.mark.parametrize(("text", "folded", "to_orig"), [
    ("\ufefb", "لا", [0, 0]),  # lam-alef ligature: one character, two letters
    ("\ufdf2", "الله", [0, 0, 0, 0]),
    ("ﻣﻨﻈﻤﺔ", "منظمه", [0, 1, 2, 3, 4]),  # initial, medial, final forms
    ("ﺍﻟﺄﻣﻢ", "الامم", [0, 1, 2, 3, 4]),  # hamza form folds like أ
    ("ب\ufefbد", "بلاد", [0, 1, 1, 2]),
    ("ﮔﻔﺖ", "گفت", [0, 1, 2]),  # Persian gaf
])
def test_presentation_forms_fold_to_letters(text: str, folded: str, to_orig: list[int]) -> None:
    norm = normalize(text)
    assert norm.text == folded and list(norm.to_orig) == to_orig


@given(st.text(st.one_of(st.characters(min_codepoint=0xFB50, max_codepoint=0xFDFF),
                         st.characters(min_codepoint=0xFE70, max_codepoint=0xFEFC),
                         st.sampled_from(list(" منظمة"))), max_size=60))
def test_presentation_forms_fold_like_their_letters(text: str) -> None:
    import unicodedata

    plain = "".join(unicodedata.normalize("NFKC", ch) if "\ufb50" <= ch <= "\ufefc" else ch for ch in text)
    assert normalize(text).text == normalize(plain).text


@given(text=st.text(max_size=90))
def test_fold_cache_gives_the_uncached_key(text: str) -> None:
    """Short texts come from fold()'s cache, long ones are folded afresh: the same key."""
    expected = " ".join(normalize(text).text.split())
    assert fold(text) == expected
    assert fold(text) == expected
