"""Document-level rules: conditional candidates decided over every segment at once."""

from __future__ import annotations

import pytest

from arfa.models import Label
from arfa.pipeline import Pipeline
from arfa.recognize.base import NEEDS_CONFIRMATION, NEEDS_FULL_NAME, Candidate
from arfa.recognize.document import apply_document_rules


def cand(start: int, kb_id: str | None, needs: str | None = None, source: str = "gazetteer") -> Candidate:
    return Candidate(start, start + 3, Label.PER, source, kb_id=kb_id, needs=needs)  # type: ignore[arg-type]


FULL = cand(0, "per/a")
SHORT = cand(10, "per/a", NEEDS_FULL_NAME)
OTHER_SHORT = cand(20, "per/b", NEEDS_FULL_NAME)
GATED = cand(30, "loc/g", NEEDS_CONFIRMATION)
GATED_CUED = cand(40, "loc/g")
GATED_A = cand(50, "per/a", NEEDS_CONFIRMATION)
UNKNOWN = cand(60, None, source="crf")


@pytest.mark.parametrize(
    ("groups", "kept"),
    [
        ([[FULL], [SHORT]], [[FULL], [SHORT]]),  # full name in another segment
        ([[SHORT], [FULL]], [[SHORT], [FULL]]),  # order does not matter
        ([[SHORT, OTHER_SHORT]], [[]]),  # no full name at all
        ([[FULL, OTHER_SHORT]], [[FULL]]),
        ([[GATED], [GATED_CUED]], [[GATED], [GATED_CUED]]),  # a cue elsewhere confirms
        ([[GATED]], [[]]),
        ([[SHORT, GATED_A]], [[SHORT, GATED_A]]),  # a short form confirms, a confirmed word names
        ([[UNKNOWN, SHORT]], [[UNKNOWN]]),
        ([[], []], [[], []]),
    ],
)
def test_rules(groups: list[list[Candidate]], kept: list[list[Candidate]]) -> None:
    assert apply_document_rules(groups) == kept


def test_a_conditional_candidate_names_its_entity() -> None:
    with pytest.raises(ValueError, match="kb_id"):
        Candidate(0, 3, Label.PER, "x", needs=NEEDS_FULL_NAME)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the surname of a person found in full is a person again where it recurs, with the same id
        (
            "التقى وزير الدفاع الأوزبكي بخودير قربانوف نظيره. وقال قربانوف إن التعاون مهم. وأضاف لقربانوف",
            [("بخودير قربانوف", "titles"), ("قربانوف", "surname"), ("قربانوف", "surname")],
        ),
        # ... replacing a model guess of another label
        (
            "رئیس کمیته امنیت ملی قرقیزستان کامچیبک تاشیف وارد دوشنبه شد. تاشیف گفت که همکاری ادامه دارد.",
            [("کامچیبک تاشیف", "titles"), ("تاشیف", "surname")],
        ),
        # the second part of a compound given name is no surname
        ("قال الوزير زيد عبد الله إن شاء الله", [("زيد عبد الله", "crf")]),
    ],
)
def test_repeated_surnames(nlp: Pipeline, text: str, expected: list[tuple[str, str]]) -> None:
    doc = nlp(text)
    people = [(e.text, e.source) for e in doc.entities if e.label is Label.PER]
    assert people == expected
    ids = {e.canonical_id for e in doc.entities if e.label is Label.PER}
    assert len(ids) == 1

