"""pipe(n_process): forked workers, compact results, ids by position."""

from __future__ import annotations

import pytest

from arfa.models import Document
from arfa.parallel import decode, encode, start_method
from arfa.pipeline import Pipeline

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
