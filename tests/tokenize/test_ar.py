from __future__ import annotations

import pytest

from arfa.tokenize import get_tokenizer


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
