"""No test sentence leaks into the training data (needs ../shared/data)."""

from __future__ import annotations

from pathlib import Path

import pytest

from arfa.train.datasets import ANERCORP_DEV, Splits, load_splits, sentence_key, shingles

DATA = Path(__file__).parents[2].parent / "shared" / "data"

pytestmark = pytest.mark.skipif(not (DATA / "anercorp-camel").is_dir(), reason="shared/data is absent")


@pytest.fixture(scope="module", params=["ar", "fa"])
def splits(request: pytest.FixtureRequest) -> Splits:
    return load_splits(request.param, DATA)


def test_no_training_sentence_equals_a_test_sentence(splits: Splits) -> None:
    held_out = [s for sents in [*splits.tests.values(), *splits.dev_parts.values()] for s in sents]
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


def test_dev_parts_are_reported_and_wikiann_is_not_tuned_on(splits: Splits) -> None:
    assert "dev-wikiann" in splits.dev_parts
    tuned = sum(len(v) for k, v in splits.dev_parts.items() if k != "dev-wikiann")
    assert len(splits.dev) == tuned > 0


def test_the_anercorp_dev_block_is_the_end_of_its_training_text(splits: Splits) -> None:
    if "anercorp" not in splits.tests:
        pytest.skip("Arabic only")
    block = splits.dev_parts["dev-anercorp"]
    assert ANERCORP_DEV - 10 <= len(block) <= ANERCORP_DEV  # a few may equal a test sentence
    keys = {sentence_key(s) for s in block if len(s) > 3}
    assert not any(sentence_key(s) in keys for s in splits.train)
