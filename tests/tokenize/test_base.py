from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arfa.errors import UnsupportedLanguageError
from arfa.models import Token
from arfa.tokenize import align, get_tokenizer
from arfa.tokenize.base import _match_at, regex_tokens

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


def _searched(text: str, pieces: list[str], window: int = 64) -> list[Token]:
    """align() without its fast path: every piece found by the folded search alone."""
    tokens: list[Token] = []
    pos = 0
    for piece in pieces:
        if not piece.strip():
            continue
        found = None
        for scan in range(pos, min(len(text), pos + window + len(piece))):
            if not text[scan].isspace() and (end := _match_at(text, scan, piece)) is not None:
                found = (scan, end)
                break
        if found is None:
            continue
        tokens.extend(regex_tokens(text, pos, found[0]))
        tokens.append(Token.of(text, *found))
        pos = found[1]
    tokens.extend(regex_tokens(text, pos))
    return tokens


@given(text=TEXT, how=st.sampled_from(["split", "words", "rewritten"]))
def test_align_fast_path_places_pieces_as_the_search_does(text: str, how: str) -> None:
    """Pieces as written take the ``startswith`` path; the tokens are those of the search."""
    if how == "split":
        pieces = text.split()
    else:
        pieces = [t.text for t in regex_tokens(text)]
        if how == "rewritten":  # as hazm returns them: Persian yeh and keheh, some pieces dropped
            pieces = [p.replace("ي", "ی").replace("ك", "ک") for p in pieces if len(p) % 5]
    assert align(text, pieces) == _searched(text, pieces)


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("كتابٌ جديد", ["كتاب", "جديد"]),  # a mark after the piece joins its token
        ("\u200fالأمن", ["الأمن"]),  # an invisible mark before it too
        ("a\u200c b", ["a\u200c", "b"]),  # a piece ending in an invisible character
        ("سازمان‌ها و كتاب", ["سازمان\u200cها", "و", "کتاب"]),
        ("x" + " " * 80 + "y", ["x", "y"]),  # beyond the search window: filled by the regex
    ],
)
def test_align_edge_cases_match_the_search(text: str, pieces: list[str]) -> None:
    assert align(text, pieces) == _searched(text, pieces)
