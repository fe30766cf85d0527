"""The graphone model's search parts, each against the plain computation it replaces.

The whole search is compared with its plain form in ``tests/kb/test_translit.py``.
"""

from __future__ import annotations

import pytest

from arfa.kb.graphones import BOUNDARY, GraphoneModel
from arfa.kb.translit import load_transliterator
from arfa.train.translit import Pair, align, build_table

WORDS = [("بابا", "baba"), ("بار", "bar"), ("راب", "rab"), ("ماما", "mama"), ("مار", "mar"), ("رام", "ram")]


def _model(order: int) -> GraphoneModel:
    return GraphoneModel(build_table(align([Pair(s, t) for s, t in WORDS], iterations=5), order=order, prune=0.0))


def _backed_off(model: GraphoneModel, history: tuple[int, ...], chunk: str) -> dict[int, float]:
    """What the search adds for each reading of ``chunk`` after ``history``, from its two caches."""
    own, penalties = model._backoff(history)
    out = {}
    for gid, _, _, level, value in model._readings(history[1:], chunk):
        out[gid] = penalties[0] + own[gid] if gid in own else penalties[level] + value
    return out


@pytest.mark.parametrize("order", [1, 2, 3, 4])
def test_backoff_and_readings_give_logprob_exactly(order: int) -> None:
    """Every reading after every history of the table, and after a history it never saw."""
    model = _model(order)
    histories = {ngram[:-1] for ngram in model._prob if len(ngram) == order} | {(BOUNDARY,) * (order - 1)}
    histories |= {tuple([len(model.graphones) + 7] * (order - 1))}  # an id no context has seen
    for history in sorted(histories):
        for chunk in model._by_source:
            for gid, score in _backed_off(model, history, chunk).items():
                assert score == model.logprob(history, gid), (history, gid)


@pytest.mark.parametrize(
    "words",
    [["vladimir", "vladimer", "vlad", "v"], ["pezeshkian", "bezeshkian"], ["", "a", "zzzq", "a"]],
)
def test_letter_logprobs_of_a_word_family_equal_each_word_alone(words: list[str]) -> None:
    """The shared-prefix sums and the direct n-gram lookups give each word's own sum."""
    model = load_transliterator()
    together = model._letter_logprobs(words)
    model._letter_term.cache_clear()
    for word in words:
        alone = 0.0
        padded = "^" * model._char_order + word + "^"
        for k in range(1, len(word) + 2):
            alone += model._letter_term(padded[k : k + model._char_order])
        assert together[word] == alone
