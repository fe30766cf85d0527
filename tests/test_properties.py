"""Property tests: whatever the text, offsets slice the original and spans are sane."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from arfa.models import Document, Label
from arfa.pipeline import Pipeline

WORDS = [
    "منظمة", "شنغهاي", "للتعاون", "والاتحاد", "الأوروبي", "للأمم", "المتحدة", "فيينا", "طاجيكستان",
    "سازمان\u200cهای", "همکاری", "شانگهای", "دوشنبه", "آستانه", "ژوئیه", "۱۴۰۰/۰۴/۲۵", "16.07.2021",
    "10", "يوليو", "2019", "عام", "السيد", "نوروف", "SCO", "EU", "OSCE", "Москва", "北京", "😀",
]
PIECES = st.one_of(
    st.sampled_from(WORDS),
    st.text(st.characters(min_codepoint=0x0600, max_codepoint=0x06FF), max_size=8),
    st.text(st.one_of(st.characters(min_codepoint=0xFB50, max_codepoint=0xFDFF),  # presentation forms
                      st.characters(min_codepoint=0xFE70, max_codepoint=0xFEFF)), max_size=6),
    st.sampled_from(["ﻣﻨﻈﻤﺔ ﺷﻨﻐﻬﺎﻱ", "ﻻ", "ﷲ", "ﷺ"]),
    st.sampled_from(["\u200c", "\u200d", "\u200f", "\u200e", "\u202b", "\u202c", "\u0640" * 3, "\u064e",
                     "\x00", "\r\n", "\n", " ", "،", ".", "/", "-", "<p>", "&amp;", "\ud800"]),
    st.text(max_size=4),
)
TEXTS = st.lists(PIECES, max_size=40).map(lambda parts: " ".join(parts))


def check(doc: Document, text: str) -> None:
    assert doc.text == text
    for span in (*doc.tokens, *doc.sentences, *doc.entities):
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start : span.end] == span.text
    for a, b in zip(doc.entities, doc.entities[1:]):
        assert a.end <= b.start, "entities overlap or are unsorted"
    for a, b in zip(doc.tokens, doc.tokens[1:]):
        assert a.end <= b.start
    for e in doc.entities:
        assert e.label in Label
        assert e.text.strip() == e.text and e.text
        if e.label is Label.DATE and e.value is not None:
            assert _valid_iso(e.value), e.value


def _valid_iso(value: str) -> bool:
    for part in value.split("/"):
        part = part.replace("XXXX", "2000")
        try:
            if len(part) == 4:
                int(part)
            elif len(part) == 7:
                dt.date.fromisoformat(part + "-01")
            else:
                dt.date.fromisoformat(part)
        except ValueError:
            return False
    return True


_NLP = Pipeline()


@given(TEXTS, st.sampled_from([None, "ar", "fa"]), st.sampled_from([None, "2021-07-16"]))
def test_pipeline_offsets_on_generated_text(text: str, lang: str | None, doc_date: str | None) -> None:
    check(_NLP(text, lang=lang, doc_date=doc_date), text)
