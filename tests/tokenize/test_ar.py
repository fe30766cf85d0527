from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arfa.tokenize import get_tokenizer
from arfa.tokenize.ar import ArabicTokenizer


@pytest.fixture(scope="module")
def tok():  # type: ignore[no-untyped-def]
    return get_tokenizer("ar")


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("والاتحاد الأوروبي", ["و", "الاتحاد", "الأوروبي"]),
        ("للأمم المتحدة", ["ل", "لأمم", "المتحدة"]),
        ("بالأمم المتحدة", ["ب", "الأمم", "المتحدة"]),
        ("وبالاتحاد", ["و", "ب", "الاتحاد"]),
        ("فالمنظمة", ["ف", "المنظمة"]),
        ("كالعادة", ["ك", "العادة"]),
        ("لبنان وفيينا", ["لبنان", "وفيينا"]),  # no article: left whole
        ("والي", ["والي"]),  # too short to be و + ال...
        ("منظمة شنغهاي للتعاون (SCO)، في 10 يوليو 2019.",
         ["منظمة", "شنغهاي", "ل", "لتعاون", "(", "SCO", ")", "،", "في", "10", "يوليو", "2019", "."]),
        ("“قوى الشر الثلاث” – الإرهاب", ["“", "قوى", "الشر", "الثلاث", "”", "–", "الإرهاب"]),
        ("عُقِدَ الاجتماعُ", ["عُقِدَ", "الاجتماعُ"]),
    ],
)
def test_tokens(tok, text: str, tokens: list[str]) -> None:  # type: ignore[no-untyped-def]
    result = tok(text)
    assert [t.text for t in result.tokens] == tokens
    assert all(text[t.start : t.end] == t.text for t in result.tokens)


def test_sentences(tok) -> None:  # type: ignore[no-untyped-def]
    text = "عقد الاجتماع في فيينا. وحضره نوروف!\nمواضيع ذات صلة"
    sents = tok(text).sentences
    assert [s.text for s in sents] == ["عقد الاجتماع في فيينا.", "وحضره نوروف!", "مواضيع ذات صلة"]
    assert all(s.lang == "ar" for s in sents)


# Punctuation and control runs skip camel-tools (tests/test_regexes.py has the timing
# story); on text without lone marks, tatweel or control characters, where align()
# has no quirks, the tokens are exactly camel-tools' own.
_CAMEL_ALPHABET = list("ابتثجحخدذرزسشصضطظعغفقكلمنهوية ءأإآ؟،؛«»…!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
                       "0123456789١٢abcXYZ\u200c\u200d😀👍🏽\u2028\n\t ")


@given(st.text(st.sampled_from(_CAMEL_ALPHABET), max_size=40))
def test_punctuation_runs_tokenize_as_camel_tools_would(text: str) -> None:
    from arfa.models import Token
    from arfa.tokenize.ar import _CHUNK, _PLAIN, _camel_tokens, split_proclitics

    expected: list[Token] = []
    for m in _CHUNK.finditer(text):
        whole = ([Token.of(text, m.start(), m.end())] if _PLAIN.fullmatch(m.group())
                 else _camel_tokens(text, m.start(), m.end()))
        for token in whole:
            expected.extend(split_proclitics(token))
    assert ArabicTokenizer()(text).tokens == tuple(expected)


@pytest.mark.parametrize(("text", "pieces"), [
    ("\x00\x00.", ["\x00", "\x00", "."]),  # controls are tokens of their own, never glued
    ("#\ufe0f\u20e3!", ["#\ufe0f\u20e3", "!"]),  # a keycap emoji stays whole
    ("a_b", ["a", "_", "b"]),
])
def test_simple_runs(text: str, pieces: list[str]) -> None:
    assert [t.text for t in ArabicTokenizer()(text).tokens] == pieces
