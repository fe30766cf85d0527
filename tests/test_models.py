from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from arfa.models import Document, Entity, Label


def test_gold_lines_round_trip(gold_path: Path) -> None:
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        doc = Document.from_json(line)
        again = Document.from_json(doc.to_json())
        assert again == doc
        original = json.loads(line)
        dumped = json.loads(doc.to_json())
        for key in ("id", "lang", "text", "doc_date"):
            assert dumped[key] == original[key]
        for g, d in zip(original["entities"], dumped["entities"]):
            assert {k: d[k] for k in g} == g


def test_entity_text_must_match_document() -> None:
    with pytest.raises(ValidationError, match="does not match"):
        Document(text="في فيينا", entities=[Entity(start=0, end=5, text="فيينا", label=Label.LOC)])


def test_entity_span_must_fit_its_text() -> None:
    with pytest.raises(ValidationError):
        Entity(start=0, end=3, text="فيينا", label=Label.LOC)


def test_models_are_frozen() -> None:
    doc = Document(text="x")
    with pytest.raises(ValidationError):
        doc.text = "y"  # type: ignore[misc]


def test_unknown_label_rejected() -> None:
    with pytest.raises(ValidationError):
        Entity(start=0, end=1, text="x", label="MISC")  # type: ignore[arg-type]


def test_doc_date_parses_iso_string() -> None:
    doc = Document.from_json('{"text": "x", "doc_date": "2021-07-16", "extra": 1}')
    assert str(doc.doc_date) == "2021-07-16"


def test_repr_html_is_rtl_and_escaped() -> None:
    doc = Document(text="<b> في فيينا", lang="ar",
                   entities=[Entity(start=7, end=12, text="فيينا", label="LOC", canonical="Vienna")])
    html = doc._repr_html_()
    assert 'dir="rtl"' in html and "&lt;b&gt;" in html and 'title="LOC: Vienna"' in html


def test_token_of_slices_its_source_and_copies_safely() -> None:
    from arfa.models import Token

    tok = Token.of("في فيينا", 3, 8)
    assert tok == Token(start=3, end=8, text="فيينا")
    assert tok.shifted(2) == Token(start=5, end=10, text="فيينا")
    assert tok.model_copy(update={"text": "abcde"}).text == "abcde"
    with pytest.raises(ValidationError):
        tok.model_copy(update={"end": 20})  # the update is validated like a new token


@pytest.mark.parametrize("text", [
    "وصل وزير الخارجية إلى طشقند يوم 3 مارس 2021. ثم غادر إلى موسكو.",
    "سازمان ملل متحد در ژنو نشستی برگزار کرد. هیئت ایرانی به مسکو رفت.",
    "The OSCE met in Vienna. وصل الوفد إلى فيينا.",
    "",
])
def test_json_round_trip_keeps_tokens_and_sentences(nlp: object, text: str) -> None:
    doc = nlp(text, id="x", doc_date="2021-03-01")  # type: ignore[operator]
    line = doc.to_json()
    again = Document.from_json(line)
    assert again == doc
    assert list(again.tokens) == list(doc.tokens) and list(again.sentences) == list(doc.sentences)
    assert json.loads(doc.to_json(spans=False)).keys() == {"id", "lang", "text", "doc_date", "entities"}


def test_json_round_trip_keeps_the_error() -> None:
    doc = Document(id="bad", text="", error="TypeError: no text")
    assert Document.from_json(doc.to_json()) == doc


@pytest.mark.parametrize("tokens", [
    [(0, 2), (3, 8)],
    [{"start": 0, "end": 2, "text": "في"}, {"start": 3, "end": 8}],
])
def test_tokens_given_as_pairs_or_mappings(tokens: list[object]) -> None:
    from arfa.models import Token

    doc = Document(text="في فيينا", tokens=tokens)
    assert tuple(doc.tokens) == (Token(start=0, end=2, text="في"), Token(start=3, end=8, text="فيينا"))


@pytest.mark.parametrize(("tokens", "sentences"), [
    ([(0, 2), (3, 9)], None),                       # past the end
    ([{"start": 0, "end": 2, "text": "xx"}], None),  # text does not match
    (None, [(0, 9, "ar")]),
])
def test_spans_that_do_not_fit_are_rejected(tokens: object, sentences: object) -> None:
    with pytest.raises((ValidationError, ValueError)):
        Document(text="في فيينا", tokens=tokens, sentences=sentences)  # type: ignore[arg-type]
