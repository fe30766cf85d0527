from __future__ import annotations

import pytest

from arfa.models import Label
from arfa.recognize.base import Candidate
from arfa.recognize.merge import merge


def c(s: int, e: int, prio: int = 0, score: float = 1.0, label: Label = Label.ORG) -> Candidate:
    return Candidate(s, e, label, "t", score=score, priority=prio)


def test_longest_wins() -> None:
    assert merge([c(0, 5), c(0, 10), c(6, 12)]) == [c(0, 10)]


def test_priority_breaks_length_ties() -> None:
    assert merge([c(0, 5, prio=0, label=Label.LOC), c(0, 5, prio=10)]) == [c(0, 5, prio=10)]


def test_a_model_guess_never_overrides_a_knowledge_base_match() -> None:
    assert merge([c(0, 20, prio=0), c(3, 10, prio=10), c(25, 30, prio=0)]) == [c(3, 10, prio=10), c(25, 30)]


def test_non_overlapping_all_kept_sorted() -> None:
    assert merge([c(10, 12), c(0, 3), c(4, 8)]) == [c(0, 3), c(4, 8), c(10, 12)]


def test_empty() -> None:
    assert merge([]) == []


def m(s: int, e: int, label: Label, prio: int = 0, score: float = 1.0, kb: str | None = None) -> Candidate:
    return Candidate(s, e, label, "gazetteer" if prio else "crf", score=score, priority=prio, kb_id=kb)


TEXT = "عضویت در شانگهای و سازمان ملل متحد"


@pytest.mark.parametrize(
    ("cands", "expected"),
    [
        # a confident model relabels a one-word KB match
        ([m(9, 16, Label.LOC, 10, kb="loc/x"), m(9, 16, Label.ORG, score=0.95)], [m(9, 16, Label.ORG, score=0.95)]),
        # ... or reads it as part of a longer name
        ([m(9, 16, Label.LOC, 10, kb="loc/x"), m(0, 16, Label.ORG, score=0.95)], [m(0, 16, Label.ORG, score=0.95)]),
        # an unsure model does not
        ([m(9, 16, Label.LOC, 10, kb="loc/x"), m(9, 16, Label.ORG, score=0.6)], [m(9, 16, Label.LOC, 10, kb="loc/x")]),
        # nor one that agrees on the label and span
        ([m(9, 16, Label.LOC, 10, kb="loc/x"), m(9, 16, Label.LOC, score=0.99)], [m(9, 16, Label.LOC, 10, kb="loc/x")]),
        # a multi-word KB match is never overridden
        (
            [m(19, 34, Label.ORG, 10, kb="org/un"), m(19, 34, Label.LOC, score=0.99)],
            [m(19, 34, Label.ORG, 10, kb="org/un")],
        ),
        # a match the KB does not link (no id) keeps its priority
        ([m(9, 16, Label.LOC, 10), m(9, 16, Label.ORG, score=0.95)], [m(9, 16, Label.LOC, 10)]),
    ],
)
def test_context_wins_over_an_ambiguous_one_word_alias(cands: list[Candidate], expected: list[Candidate]) -> None:
    assert merge(cands, TEXT) == expected
    assert merge(cands) == [c for c in cands if c.priority]  # without the text, the KB wins


LONG = "دانشگاه آزاد اسلامی واحد زاهدان و شهرداری کرج"


@pytest.mark.parametrize(
    ("cands", "expected"),
    [
        # flat and outermost: the model's longer name holds the place the KB knows
        ([m(25, 31, Label.LOC, 10, kb="loc/z"), m(0, 31, Label.ORG, score=0.6)], [m(0, 31, Label.ORG, score=0.6)]),
        # ... whatever its label
        ([m(25, 31, Label.LOC, 10, kb="loc/z"), m(20, 31, Label.LOC, score=0.6)], [m(20, 31, Label.LOC, score=0.6)]),
        # ... and whatever the length of the match inside it
        (
            [m(34, 45, Label.ORG, 10, kb="org/k"), m(26, 45, Label.ORG, score=0.8)],
            [m(26, 45, Label.ORG, score=0.8)],
        ),
        # a chunk under CONTAIN_SCORE does not
        ([m(25, 31, Label.LOC, 10, kb="loc/z"), m(0, 31, Label.ORG, score=0.45)], [m(25, 31, Label.LOC, 10, kb="loc/z")]),
        # nor one that runs on past the match (a place glued to a person)
        ([m(25, 31, Label.LOC, 10, kb="loc/z"), m(20, 33, Label.LOC, score=0.9)], [m(25, 31, Label.LOC, 10, kb="loc/z")]),
        # nor one whose every word the KB already matched (a place glued to a person)
        (
            [m(20, 24, Label.LOC, 10, kb="loc/w"), m(25, 31, Label.PER, 10, kb="per/z"), m(20, 31, Label.LOC, score=0.6)],
            [m(20, 24, Label.LOC, 10, kb="loc/w"), m(25, 31, Label.PER, 10, kb="per/z")],
        ),
        # nor one that adds only a proclitic to the match (لمجلس الأمن: the KB's span stays)
        ([m(35, 45, Label.ORG, 10, kb="org/k"), m(34, 45, Label.ORG, score=0.9)], [m(35, 45, Label.ORG, 10, kb="org/k")]),
        # nor one that only overlaps the match
        ([m(25, 31, Label.LOC, 10, kb="loc/z"), m(20, 28, Label.ORG, score=0.99)], [m(25, 31, Label.LOC, 10, kb="loc/z")]),
        # nor one holding a date
        (
            [m(25, 31, Label.LOC, 10, kb="loc/z"), m(0, 7, Label.DATE, 5), m(0, 31, Label.ORG, score=0.6)],
            [m(0, 7, Label.DATE, 5), m(25, 31, Label.LOC, 10, kb="loc/z")],
        ),
        # nor one holding only matches the KB does not link
        ([m(25, 31, Label.LOC, 10), m(0, 31, Label.ORG, score=0.6)], [m(25, 31, Label.LOC, 10)]),
        # a chunk that loses to a longer KB match keeps nothing, and the match inside it stays
        (
            [m(25, 31, Label.LOC, 10, kb="loc/z"), m(20, 31, Label.ORG, score=0.6), m(0, 24, Label.ORG, 10, kb="org/d")],
            [m(0, 24, Label.ORG, 10, kb="org/d"), m(25, 31, Label.LOC, 10, kb="loc/z")],
        ),
    ],
)
def test_a_longer_model_name_outranks_the_match_inside_it(
    cands: list[Candidate], expected: list[Candidate]
) -> None:
    assert merge(cands, LONG) == expected


TITLED = "الامين العام للمنظمه تشانغ مينغ و مؤسسه تشانغ مينغ"


@pytest.mark.parametrize(
    ("cands", "expected"),
    [
        # an anaphor glued to the known person after it is no organization (للمنظمة تشانغ مينغ)
        ([m(21, 31, Label.PER, 10, kb="per/z"), m(13, 31, Label.ORG, score=0.8)], [m(21, 31, Label.PER, 10, kb="per/z")]),
        # an organization named after the person still is
        ([m(40, 50, Label.PER, 10, kb="per/z"), m(34, 50, Label.ORG, score=0.8)], [m(34, 50, Label.ORG, score=0.8)]),
        # and so is a longer name of the person
        ([m(21, 31, Label.PER, 10, kb="per/z"), m(13, 31, Label.PER, score=0.8)], [m(13, 31, Label.PER, score=0.8)]),
    ],
)
def test_a_title_glued_to_a_known_person_is_no_organization(
    cands: list[Candidate], expected: list[Candidate]
) -> None:
    assert TITLED[21:31] == TITLED[40:50] == "تشانغ مينغ"
    assert merge(cands, TITLED) == expected
