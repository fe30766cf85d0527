"""The recognizer contract: Segment, sentence grouping, the legacy adapter."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from arfa.errors import PipelineConfigError
from arfa.models import Label, Token
from arfa.normalize import normalize
from arfa.recognize.base import Candidate, Recognizer, Segment, adapt_recognizer


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ar", "عقد الاجتماع في فيينا. ثم عاد الوفد إلى طشقند!\nوقال الوزير"),
        ("fa", "نشست در تاشکند برگزار شد. وزیر گفت که همکاری ادامه دارد؟ بله"),
    ],
)
def test_segment_from_text(lang: str, text: str) -> None:
    seg = Segment.from_text(text, lang, doc_date=dt.date(2021, 7, 16), offset=7)
    assert seg.norm == normalize(text) and seg.lang == lang and seg.offset == 7
    assert all(text[t.start : t.end] == t.text for t in seg.tokens)
    groups = list(seg.sentence_tokens())
    assert len(groups) == len(seg.sentences) > 1
    for sent, toks in zip(seg.sentences, groups):
        assert all(sent.start <= t.start and t.end <= sent.end for t in toks)
    assert [t for g in groups for t in g] == list(seg.tokens)


def test_without_sentences_the_punctuation_rule_splits() -> None:
    text = "a b . c ؟ d\ne"
    toks = tuple(Token.of(text, i, i + 1) for i in (0, 2, 4, 6, 8, 10, 12))
    seg = Segment(text, 0, normalize(text), toks, (), "ar")
    assert [[t.text for t in g] for g in seg.sentence_tokens()] == [["a", "b", "."], ["c", "؟"], ["d"], ["e"]]


class _New:
    name = "new"
    langs = frozenset({"ar"})

    def __call__(self, segment: Segment) -> list[Candidate]:
        return [Candidate(0, 1, Label.LOC, self.name)]


class _Old:
    name = "old"
    langs = frozenset({"ar"})

    def __init__(self) -> None:
        self.seen: list[Any] = []

    def __call__(self, doc: Any, tokens: Any, *, doc_date: Any = None) -> list[Candidate]:
        self.seen.append((doc, tokens, doc_date))
        return [Candidate(0, 1, Label.LOC, self.name)]


def test_a_new_style_recognizer_is_used_as_is() -> None:
    rec = _New()
    assert adapt_recognizer(rec) is rec


def test_an_old_style_recognizer_is_wrapped() -> None:
    old = _Old()
    with pytest.warns(DeprecationWarning, match="old"):
        rec = adapt_recognizer(old)
    seg = Segment.from_text("في فيينا", "ar", doc_date=dt.date(2020, 1, 2))
    assert isinstance(rec, Recognizer) and rec.name == "old" and rec.langs == old.langs
    assert rec(seg) == [Candidate(0, 1, Label.LOC, "old")]
    assert old.seen == [(seg.norm, seg.tokens, dt.date(2020, 1, 2))]


@pytest.mark.parametrize("bad", [object(), "gazetteer", 42])
def test_not_a_recognizer(bad: object) -> None:
    with pytest.raises(PipelineConfigError, match="not a recognizer"):
        adapt_recognizer(bad)


class _Star:
    name = "star"
    langs = frozenset({"ar"})

    def __call__(self, *args: Any) -> list[Candidate]:
        return []


class _Nothing:
    name = "nothing"
    langs = frozenset({"ar"})

    def __call__(self) -> list[Candidate]:
        return []


def test_star_args_take_a_segment_and_no_args_is_refused() -> None:
    star = _Star()
    assert adapt_recognizer(star) is star
    with pytest.raises(PipelineConfigError, match="must take one Segment"):
        adapt_recognizer(_Nothing())
