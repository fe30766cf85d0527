"""The input matrix: every odd input has a documented outcome (docs/reliability.md)."""

from __future__ import annotations

import json

import pytest

from arfa.errors import UnsupportedLanguageError
from arfa.models import Document
from arfa.pipeline import Pipeline

VIENNA = "Vienna"


def offsets_ok(doc: Document) -> None:
    for span in (*doc.tokens, *doc.sentences, *doc.entities):
        assert doc.text[span.start : span.end] == span.text
    assert all(a.end <= b.start for a, b in zip(doc.entities, doc.entities[1:]))
    assert Document.from_json(doc.to_json()).text == doc.text  # serializes and loads back


# (name, text, canonical names that must be found)
MATRIX = [
    ("control_chars", "في\x01 فيينا\x07\x1b", [VIENNA]),
    ("nul", "في\x00فيينا\x00", [VIENNA]),
    ("lone_surrogate", "\ud800في فيينا\udfff", [VIENNA]),
    ("bidi_controls", "\u202bفي \u200fفيينا\u200e\u202c \u2067طشقند\u2069 \u202a\u202d\u202e\u2066\u2068", [VIENNA, "Tashkent"]),
    ("zwj_zwnj_runs", "في\u200c\u200c\u200c فيينا\u200d\u200d سازمان\u200c\u200c\u200cهای", [VIENNA]),
    ("tatweel_runs", "في فيـــــــينا", [VIENNA]),
    ("lone_combining_marks", "\u064e\u0651 \u0301 في فيينا \u064b", [VIENNA]),
    ("emoji_and_scripts", "😀🇹🇯 في فيينا Москва 北京 OSCE 👨‍👩‍👧", [VIENNA]),
    ("windows_line_endings", "عقد في فيينا.\r\nثم في طشقند.\r\n", [VIENNA, "Tashkent"]),
    ("html_remnants", "<p class=\"x\">عقد في <b>فيينا</b>&nbsp;و&amp;طشقند</p><br/>", [VIENNA, "Tashkent"]),
    ("digits_only", "١٢٣٤٥ 67890 ۱۲۳", []),
    ("punctuation_only", "،؛؟!...«»", []),
    ("latin_only", "The OSCE met in Vienna.", []),
]


@pytest.mark.parametrize(("name", "text", "expected"), MATRIX, ids=[m[0] for m in MATRIX])
def test_matrix(nlp: Pipeline, name: str, text: str, expected: list[str]) -> None:
    doc = nlp(text)
    offsets_ok(doc)
    found = [e.canonical for e in doc.entities if e.canonical]
    for canonical in expected:
        assert canonical in found, f"{name}: {canonical} not found in {found}"


def test_latin_only_is_und(nlp: Pipeline) -> None:
    assert nlp("The OSCE met in Vienna.").lang == "und"


@pytest.mark.parametrize("bad", [None, b"\xd9\x81\xd9\x8a", 7, 1.5, ["في فيينا"], {"text": "x"}])
def test_non_str_raises_type_error_naming_the_type(nlp: Pipeline, bad: object) -> None:
    with pytest.raises(TypeError, match=f"not {type(bad).__name__}"):
        nlp(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", " ", "\n\r\n\t", "\u200c\u200f \u00a0"])
def test_empty_or_whitespace_gives_empty_document(nlp: Pipeline, text: str) -> None:
    doc = nlp(text)
    assert (doc.text, doc.entities, doc.tokens) == (text, (), ())


@pytest.mark.parametrize("lang", ["en", "AR", "ara", "", 3])
def test_unsupported_lang_lists_supported(lang: object) -> None:
    with pytest.raises(UnsupportedLanguageError, match="arfa supports 'ar', 'fa'"):
        Pipeline(lang)  # type: ignore[arg-type]


def test_long_line_without_spaces(ar_nlp: Pipeline) -> None:
    text = ("منظمةشنغهايللتعاونفيفيينا" * 8000)[:200_000]  # 200 KB, one token-less line
    doc = ar_nlp(text)
    offsets_ok(doc)


def test_large_document_keeps_offsets(ar_nlp: Pipeline) -> None:
    unit = "عقد اجتماع منظمة شنغهاي للتعاون في فيينا في 10 يوليو 2019.\n"
    doc = ar_nlp(unit * 2000)  # ~120 KB
    offsets_ok(doc)
    assert sum(e.canonical == VIENNA for e in doc.entities) == 2000


def test_surrogates_are_escaped_in_json(nlp: Pipeline) -> None:
    line = nlp("\ud800 في فيينا").to_json()
    line.encode("utf-8")  # no UnicodeEncodeError
    assert json.loads(line)["text"] == "\ud800 في فيينا"
