"""Multi-process pipe(): order, and an input that fails midway."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from arfa.pipeline import Pipeline


class InputBroke(RuntimeError):
    pass


def _items(n: int) -> Iterator[str]:
    for i in range(n):
        yield f"وصل الوفد {i} إلى فيينا"
    raise InputBroke(f"the source failed after {n} items")


@pytest.fixture(scope="module")
def small() -> Pipeline:
    return Pipeline("ar", recognizers=["gazetteer", "dates"])


@pytest.mark.parametrize(("n_process", "batch_size"), [(1, 64), (2, 3)])
def test_an_input_error_comes_after_the_documents_read_before_it(
    small: Pipeline, n_process: int, batch_size: int
) -> None:
    got = []
    with pytest.raises(InputBroke, match="after 10 items"):
        for doc in small.pipe(_items(10), n_process=n_process, batch_size=batch_size):
            got.append(doc)
    assert [d.text for d in got] == [f"وصل الوفد {i} إلى فيينا" for i in range(10)]
    assert all(d.entities and d.entities[0].canonical == "Vienna" for d in got)


@pytest.mark.parametrize("bad", [{"batch_size": 0}, {"n_process": 0}, {"n_process": -2}])
def test_bad_sizes_raise_at_the_call(small: Pipeline, bad: dict[str, int]) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        small.pipe(["x"], **bad)
