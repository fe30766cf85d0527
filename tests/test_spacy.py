"""The spaCy component on blank Arabic and Persian pipelines (no model download)."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy", reason="needs the 'spacy' extra")

from spacy import displacy  # noqa: E402

import arfa.spacy  # noqa: E402, F401  (registers the factory, as the entry point does)
from arfa.pipeline import Pipeline  # noqa: E402

CASES = [
    ("ar", "وصل الوفد إلى طشقند والتقى ممثلي منظمة شنغهاي للتعاون يوم 3 مارس 2021."),
    ("ar", "قالت الأمم المتحدة إن الوفد غادر فيينا."),
    ("fa", "هیئت ایرانی روز دوشنبه به مسکو رفت."),
    ("fa", "سازمان ملل متحد در ژنو نشستی برگزار کرد."),
]


_BLANK: dict[str, spacy.language.Language] = {}


def _blank(lang: str) -> spacy.language.Language:
    """A blank spaCy pipeline with the arfa component, built once per language."""
    if lang not in _BLANK:
        _BLANK[lang] = spacy.blank(lang)
        _BLANK[lang].add_pipe("arfa")
    return _BLANK[lang]


@pytest.mark.parametrize(("lang", "text"), CASES)
def test_ents_are_arfa_entities(lang: str, text: str) -> None:
    expected = Pipeline(lang)(text).entities
    doc = _blank(lang)(text)
    assert doc.text == text  # splitting tokens never changes the text
    assert [(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents] == [
        (x.start, x.end, x.text, x.label.value) for x in expected
    ]
    assert [(e.kb_id_, e._.canonical, e._.wikidata, e._.value) for e in doc.ents] == [
        (x.canonical_id or "", x.canonical, x.wikidata, x.value) for x in expected
    ]


def test_proclitic_is_split_off_the_entity_token() -> None:
    nlp = spacy.blank("ar")
    nlp.add_pipe("arfa")
    doc = nlp("وصل الوفد إلى طشقند والقاهرة")
    assert [t.text for t in doc][-2:] == ["و", "القاهرة"]
    assert doc.ents[-1].text == "القاهرة"


def test_without_splitting_spans_cover_whole_tokens() -> None:
    nlp = spacy.blank("ar")
    nlp.add_pipe("arfa", config={"split_tokens": False})
    doc = nlp("وصل الوفد إلى طشقند والقاهرة")
    assert doc.ents[-1].text == "والقاهرة" and doc.ents[-1]._.canonical == "Cairo"


@pytest.mark.parametrize("lang", ["ar", "fa"])
def test_displacy_renders_the_entities(lang: str) -> None:
    text = next(t for code, t in CASES if code == lang)
    doc = _blank(lang)(text)
    html = displacy.render(doc, style="ent")
    assert doc.ents and all(e.text in html for e in doc.ents)
