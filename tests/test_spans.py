"""TokenList and SentenceList: sequences of models over offset arrays."""

from __future__ import annotations

import pickle

import pytest

from arfa.models import Document, Sentence, Token
from arfa.spans import SentenceList, SpanBuilder, TokenList

TEXT = "وصل الوفد إلى فيينا. ثم عاد."
OFFSETS = [(0, 3), (4, 9), (10, 13), (14, 19), (19, 20), (21, 23), (24, 27), (27, 28)]


@pytest.fixture
def tokens() -> TokenList:
    return TokenList(TEXT, [s for s, _ in OFFSETS], [e for _, e in OFFSETS])


def test_tokens_read_as_models(tokens: TokenList) -> None:
    expected = tuple(Token(start=s, end=e, text=TEXT[s:e]) for s, e in OFFSETS)
    assert tuple(tokens) == expected and tokens == expected and tokens == list(expected)
    assert len(tokens) == len(OFFSETS) and tokens[-1] == expected[-1] and tokens[3].text == "فيينا"


@pytest.mark.parametrize("index", [slice(1, 3), slice(None, None, 2), slice(5, None), slice(0, 0)])
def test_slices_are_token_lists(tokens: TokenList, index: slice) -> None:
    part = tokens[index]
    assert isinstance(part, TokenList) and list(part) == list(tokens)[index]


@pytest.mark.parametrize("index", [8, -9])
def test_out_of_range(tokens: TokenList, index: int) -> None:
    with pytest.raises(IndexError):
        tokens[index]


def test_pickle_and_equality(tokens: TokenList) -> None:
    again = pickle.loads(pickle.dumps(tokens))
    assert again == tokens and again.offsets() == OFFSETS
    assert tokens != TokenList(TEXT, [0], [3]) and tokens != (tokens[0],)


def test_sentences_keep_their_language() -> None:
    b = SpanBuilder()
    b.append(0, 20, "ar")
    b.append(21, 28, "ar")
    sents = b.sentences(TEXT)
    assert sents[0] == Sentence(start=0, end=20, text=TEXT[:20], lang="ar")
    assert sents.offsets_and_langs() == [(0, 20, "ar"), (21, 28, "ar")]
    assert pickle.loads(pickle.dumps(sents)) == sents
    assert SentenceList.of(TEXT, list(sents)) == sents


def test_builder_shifts_spans() -> None:
    b = SpanBuilder()
    b.add([Token.of("فيينا", 0, 5)], 14)
    assert b.tokens(TEXT)[0].text == "فيينا"


def test_document_uses_compact_lists(tokens: TokenList) -> None:
    doc = Document(text=TEXT, tokens=list(tokens))
    assert isinstance(doc.tokens, TokenList) and doc.tokens == tokens
    assert doc.model_copy() == doc


def test_lists_over_another_text_are_checked() -> None:
    with pytest.raises(ValueError, match="does not match"):
        Document(text="abc def", tokens=TokenList("xyz def", [0], [3]))
    Document(text="abc def", tokens=TokenList("xyz def", [4], [7]))  # the spans slice the same
