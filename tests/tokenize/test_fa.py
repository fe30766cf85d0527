from __future__ import annotations

import pytest

from arfa.tokenize import get_tokenizer


@pytest.fixture(scope="module")
def tok():  # type: ignore[no-untyped-def]
    return get_tokenizer("fa")


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("سازمان‌های همکاری", ["سازمان\u200cهای", "همکاری"]),  # ZWNJ keeps the word whole
        ("کتاب‌ها را می‌خوانند", ["کتاب\u200cها", "را", "می\u200cخوانند"]),
        ("در دوشنبه (16.07.2021) برگزار", ["در", "دوشنبه", "(", "16.07.2021", ")", "برگزار"]),
        ("۱۴۰۰/۰۴/۲۵", ["۱۴۰۰", "/", "۰۴", "/", "۲۵"]),
        ("شانگهاي و كشور", ["شانگهاي", "و", "كشور"]),  # Arabic yeh/kaf in Persian text
        ("ایران‌\u200c\u200cو", None),  # ZWNJ runs: only offsets checked
        ("13 الی 14 ژوئیه", ["13", "الی", "14", "ژوئیه"]),
    ],
)
def test_tokens(tok, text: str, tokens: list[str] | None) -> None:  # type: ignore[no-untyped-def]
    result = tok(text)
    if tokens is not None:
        assert [t.text for t in result.tokens] == tokens
    assert all(text[t.start : t.end] == t.text for t in result.tokens)
    assert all(a.end <= b.start for a, b in zip(result.tokens, result.tokens[1:]))


def test_sentences(tok) -> None:  # type: ignore[no-untyped-def]
    text = "جلسه برگزار شد. سازمان همکاری شانگهای تأسیس شد!"
    sents = tok(text).sentences
    assert [s.text for s in sents] == ["جلسه برگزار شد.", "سازمان همکاری شانگهای تأسیس شد!"]
