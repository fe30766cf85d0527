"""No test sentence leaks into the training data (needs ../shared/data)."""

from __future__ import annotations

from pathlib import Path

import pytest

from arfa.train.datasets import Splits, load_splits, sentence_key, shingles

DATA = Path(__file__).parents[2].parent / "shared" / "data"

pytestmark = pytest.mark.skipif(not (DATA / "anercorp-camel").is_dir(), reason="shared/data is absent")


@pytest.fixture(scope="module", params=["ar", "fa"])
def splits(request: pytest.FixtureRequest) -> Splits:
    return load_splits(request.param, DATA)


def test_no_training_sentence_equals_a_test_sentence(splits: Splits) -> None:
    held_out = [s for sents in splits.tests.values() for s in sents] + splits.dev
    tokens = {tuple(tok.replace("\u200e", "") for tok, _ in s) for s in held_out}
    keys = {sentence_key(s) for s in held_out}
    for sent in splits.train:
        assert tuple(tok.replace("\u200e", "") for tok, _ in sent) not in tokens
        assert sentence_key(sent) not in keys


def test_newsfane_block_of_the_anercorp_test_is_removed(splits: Splits) -> None:
    if "anercorp" not in splits.tests:
        pytest.skip("Arabic only")
    assert splits.report["newsfane_near_test"] >= 854
    ref: set[str] = set()
    for sent in splits.tests["anercorp"]:
        ref |= shingles(sentence_key(sent))
    overlapping = 0
    for sent in splits.train:
        sh = shingles(sentence_key(sent))
        if len(sh) >= 10 and len(sh & ref) / len(sh) >= 0.5:
            overlapping += 1
    assert overlapping <= 5, overlapping
