from __future__ import annotations

from pathlib import Path

import pytest
from camel_tools.tokenizers.word import simple_word_tokenize
from hypothesis import given
from hypothesis import strategies as st

from arfa.tokenize import get_tokenizer
from arfa.tokenize.ar import _PLAIN, FAST_BLOCKS, ArabicTokenizer, word_pieces

DATA = Path(__file__).parents[2].parent / "shared" / "data"


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


def _in_fast_blocks(text: str) -> bool:
    return all(any(lo <= ord(ch) <= hi for lo, hi in FAST_BLOCKS) for ch in text)


def test_no_emoji_sequence_lies_in_the_fast_blocks() -> None:
    """Where camel-tools' emoji alternatives cannot match, its pattern is two classes."""
    from camel_tools.utils.charsets import EMOJI_MULTICHAR_CHARSET

    assert len(EMOJI_MULTICHAR_CHARSET) > 1000
    assert [e for e in EMOJI_MULTICHAR_CHARSET if _in_fast_blocks(e)] == []


@pytest.mark.parametrize(
    "chunk",
    [
        "(الأمم-المتحدة)،",
        "«عُقِدَ»",
        "الأمن\u200f1706",  # a right-to-left mark inside a word (ANERcorp has 1,027 lines with one)
        "\u200f.",
        "سازمان\u200cها،",
        "ﻻ؟ﷲ",  # presentation forms
        "١٢٣٫٥%",
        "1,000.5$",
        "e-mail@x.org",
        "_x_",
        "\x01a\x7f",
        "#️⃣5",  # a keycap emoji: camel-tools' own pattern
        "a😀b",
        "مرحبا👍🏽!",
    ],
)
def test_word_pieces_are_camel_tools_pieces(chunk: str) -> None:
    assert word_pieces(chunk) == simple_word_tokenize(chunk)


@given(text=st.text(st.one_of(
    st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
    st.characters(min_codepoint=0x20, max_codepoint=0x24F),
    st.characters(min_codepoint=0x2000, max_codepoint=0x206F),
    st.sampled_from(list("😀👍🏽\ufe0f\u20e3\u200d#*ﻻﷲ\u0640\x00")),
), max_size=40))
def test_word_pieces_agree_on_any_text(text: str) -> None:
    assert word_pieces(text) == simple_word_tokenize(text)


@pytest.mark.skipif(not DATA.is_dir(), reason="../shared/data is not beside the repository")
def test_word_pieces_agree_with_camel_tools_on_the_corpora() -> None:
    """Every chunk camel-tools tokenizes in the benchmark corpora, and in raw ANERcorp."""
    chunks: set[str] = set()
    files = [(DATA / "anercorp-full" / "ANERCorp", " "), (DATA / "peyma-split" / "test.txt", "|"),
             *((p, "") for p in sorted((DATA / "nsurl2019-peyma" / "test" / "tokens").glob("*.txt")))]
    for path, sep in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            token = line.rpartition(sep)[0] if sep else line
            chunks.update(c for c in token.split() if not _PLAIN.fullmatch(c))
    assert len(chunks) > 2000
    assert sum("\u200f" in c for c in chunks) > 100
    assert [c for c in sorted(chunks) if word_pieces(c) != simple_word_tokenize(c)] == []
