"""Multi-process pipe(): order, an input that fails midway, forked workers, compact results, ids by position."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from arfa.models import Document, Label
from arfa.parallel import decode, encode, start_method
from arfa.pipeline import Pipeline
from arfa.recognize.base import Candidate, Segment


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


TEXTS = ["وصل الوفد إلى طشقند يوم 3 مارس 2021.", "سازمان ملل متحد در ژنو نشستی برگزار کرد.", "", "في فيينا"]


@pytest.mark.parametrize("text", TEXTS)
def test_encoding_round_trip(nlp: Pipeline, text: str) -> None:
    doc = nlp(text, id="a", doc_date="2021-03-01")
    assert decode(encode(doc, text), text) == doc
    assert decode(encode(doc, None), None) == doc  # the text travels when the sender lacks it


def test_error_documents_survive_encoding() -> None:
    doc = Document(id="bad", text="", error="TypeError: no text")
    assert decode(encode(doc, None), None) == doc


@pytest.mark.parametrize(("env", "expected"), [("spawn", "spawn"), ("forkserver", "forkserver")])
def test_start_method_override(monkeypatch: pytest.MonkeyPatch, env: str, expected: str) -> None:
    monkeypatch.setenv("ARFA_START_METHOD", env)
    assert start_method() == expected


@pytest.mark.parametrize("n_process", [1, 2])
def test_plain_strings_get_their_position_as_id(nlp: Pipeline, n_process: int) -> None:
    items = [*TEXTS, {"text": "في موسكو"}, {"id": "mine", "text": "في موسكو"}]
    docs = list(nlp.pipe(items, n_process=n_process, batch_size=2))
    assert [d.id for d in docs] == ["0", "1", "2", "3", "4", "mine"]


def test_parallel_equals_serial_and_stops_early(nlp: Pipeline) -> None:
    items = TEXTS * 6
    serial = list(nlp.pipe(items))
    stream = nlp.pipe(items, n_process=2, batch_size=3)
    assert [next(stream) for _ in range(5)] == serial[:5]
    stream.close()  # shuts the pool down without processing the rest
    assert list(nlp.pipe(items, n_process=2, batch_size=3)) == serial


class _Pid:
    """Tags each document's first word with the id of the process that read it."""

    name = "pid"
    langs = frozenset({"ar"})

    def __call__(self, segment: Segment) -> list[Candidate]:
        end = segment.norm.text.find(" ")
        return [Candidate(0, end, Label.ORG, f"pid-{os.getpid()}")]


@pytest.mark.skipif(start_method() != "fork", reason="the recognizer object travels only by fork")
def test_workers_do_the_work_and_this_process_helps_in_order() -> None:
    nlp = Pipeline("ar", recognizers=[_Pid()], link=False)
    items = [f"كلمة {i}" for i in range(60)]
    docs = list(nlp.pipe(items, n_process=2, batch_size=4))
    assert [d.id for d in docs] == [str(i) for i in range(60)]
    pids = {d.entities[0].source for d in docs}
    assert pids - {f"pid-{os.getpid()}"}  # a worker process did some
    assert all(d.text == items[i] for i, d in enumerate(docs))


@pytest.mark.parametrize(("flag", "method", "freezes"), [(True, "fork", 1), (False, "fork", 0), (True, "spawn", 0)])
def test_the_heap_is_frozen_before_forking(
    monkeypatch: pytest.MonkeyPatch, small: Pipeline, flag: bool, method: str, freezes: int
) -> None:
    """Forked workers inherit a frozen heap (their collections leave it alone); spawned ones rebuild theirs."""
    import gc
    import multiprocessing

    import arfa.pipeline as pipeline_module
    from arfa import parallel

    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} start method here")
    calls: list[None] = []
    monkeypatch.setattr(pipeline_module, "FREEZE_LOADED", flag)
    monkeypatch.setattr(gc, "freeze", lambda: calls.append(None))
    texts = [f"وصل الوفد {i} إلى فيينا" for i in range(4)]
    got = list(parallel.run_parallel(small, texts, 2, 2, None, multiprocessing.get_context(method)))
    assert [d.text for d in got] == texts
    assert len(calls) == freezes
