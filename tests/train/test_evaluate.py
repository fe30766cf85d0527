"""conlleval-style span scoring."""

from __future__ import annotations

import pytest

from arfa.train.evaluate import chunks, score


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        (["B-PER", "I-PER", "O"], {(0, 2, "PER")}),
        (["I-LOC", "I-LOC"], {(0, 2, "LOC")}),
        (["B-ORG", "I-LOC"], {(0, 1, "ORG"), (1, 2, "LOC")}),
        (["B-PER", "B-PER"], {(0, 1, "PER"), (1, 2, "PER")}),
        (["O", "O"], set()),
    ],
)
def test_chunks(tags: list[str], expected: set[tuple[int, int, str]]) -> None:
    assert chunks(tags) == expected


def test_score_boundaries_must_match() -> None:
    gold = [["B-ORG", "I-ORG", "O", "B-LOC"]]
    pred = [["B-ORG", "O", "O", "B-LOC"]]
    s = score(gold, pred)
    assert (s["ORG"].tp, s["ORG"].fp, s["ORG"].fn) == (0, 1, 1)
    assert s["LOC"].f1 == 1.0
    assert s["micro"].precision == pytest.approx(0.5)
