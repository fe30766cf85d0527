from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arfa.errors import UnsupportedLanguageError
from arfa.tokenize import align, get_tokenizer

TEXT = st.text(
    st.one_of(
        st.characters(min_codepoint=0x0620, max_codepoint=0x064A),
        st.sampled_from(list("پچژگکیۀ\u200c\u064e\u0640 \n.،؟!()0123456789۱۲٣abcЖ😀\u200f")),
    ),
    max_size=120,
)


def test_align_survives_rewritten_pieces() -> None:
    text = "سازمان‌ها و كتاب"
    tokens = align(text, ["سازمان\u200cها", "و", "کتاب"])  # keheh for kaf, as hazm writes it
    assert [t.text for t in tokens] == ["سازمان\u200cها", "و", "كتاب"]


def test_align_fills_gaps_the_library_dropped() -> None:
    tokens = align("a b c", ["a", "c"])
    assert [t.text for t in tokens] == ["a", "b", "c"]


def test_unsupported_language() -> None:
    with pytest.raises(UnsupportedLanguageError, match="'ar', 'fa'"):
        get_tokenizer("de")


@pytest.mark.parametrize("lang", ["ar", "fa"])
@given(text=TEXT)
def test_tokens_and_sentences_slice_the_original(lang: str, text: str) -> None:
    result = get_tokenizer(lang)(text)
    prev = 0
    for t in result.tokens:
        assert text[t.start : t.end] == t.text
        assert t.start >= prev and t.end > t.start
        prev = t.end
    prev = 0
    for s in result.sentences:
        assert text[s.start : s.end] == s.text
        assert s.start >= prev
        prev = s.end
    # every visible character is inside some token (bidi marks, ZWNJ alone are not tokens)
    covered = {i for t in result.tokens for i in range(t.start, t.end)}
    visible = [i for i, ch in enumerate(text) if not ch.isspace() and unicodedata.category(ch) != "Cf"]
    assert all(i in covered for i in visible)
