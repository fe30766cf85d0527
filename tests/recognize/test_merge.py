from __future__ import annotations

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
