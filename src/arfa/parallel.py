"""Multi-process execution of :meth:`arfa.Pipeline.pipe`, in input order, streaming.

Five things make it pay (``docs/benchmarks.md`` has the figures):

- Where the platform allows it (Linux), workers are *forked* from the process that
  already holds the loaded pipeline, so they start in milliseconds instead of each
  rebuilding the knowledge base and models. Elsewhere (macOS, Windows) they are
  spawned and receive the pipeline pickled by its configuration
  (:meth:`arfa.pipeline.Pipeline.__reduce__`), so each rebuilds it once.
  ``ARFA_START_METHOD=spawn`` (or ``forkserver``) forces another start method.
- ``n_process`` counts this process too: it starts ``n_process - 1`` workers and,
  whenever the oldest batch is not back yet, processes the next batch itself instead
  of waiting, with its caches already warm. Workers start cold (their caches fill
  after the fork), so a fixed share would leave this process idle or make it wait.
- One pool lives as long as the stream, each worker holds at most two batches and at
  most ``4 * n_process`` batches wait to be yielded, so memory stays flat on an
  endless stream.
- Before forking, everything alive moves to the collector's permanent generation
  (:func:`gc.freeze`, unless :data:`arfa.pipeline.FREEZE_LOADED` is off), as the
  :mod:`gc` documentation advises: a worker's full collections then walk only what it
  made itself, instead of touching, and so copying page by page, the whole inherited
  heap of the loaded pipeline and its warm caches.
- Results come back compactly (:func:`encode`): no text (the parent has it), offsets
  as raw arrays and entities as tuples, rebuilt without re-validation.

If the input iterable raises, the documents of the items read before it are still
yielded, in order, and then the error propagates, exactly as with ``n_process=1``.
"""

from __future__ import annotations

import datetime as dt
import gc
import multiprocessing
import os
import sys
from array import array
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING, Any

from arfa.models import Document, Entity
from arfa.spans import SentenceList, TokenList

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

    from arfa.pipeline import Pipeline

__all__ = ["decode", "encode", "run_parallel", "start_method"]

_WORKER: Pipeline | None = None

# What one document becomes on the way back: id, lang, text (None: as sent),
# doc_date, entities, token starts/ends, sentence starts/ends/langs, error.
Encoded = tuple[Any, ...]
# every Entity field but its text, which is the document's slice: a field added to Entity travels too
_ENTITY_FIELDS = tuple(name for name in Entity.model_fields if name != "text")


def start_method() -> str:
    """``fork`` where it is safe and available (Linux), else ``spawn``; ``ARFA_START_METHOD`` overrides."""
    chosen = os.environ.get("ARFA_START_METHOD")
    if chosen:
        return chosen
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return "fork"
    return "spawn"


def _init(pipeline: Pipeline) -> None:
    global _WORKER
    _WORKER = pipeline  # inherited by fork, or rebuilt from its configuration by unpickling


def _text_of(item: Any) -> Any:
    return item.get("text") if isinstance(item, Mapping) else item


def encode(doc: Document, sent_text: Any) -> Encoded:
    """``doc`` as plain tuples and bytes; its text is left out when it is ``sent_text``.

    Examples:
        >>> doc = Document(text="في فيينا", lang="ar", tokens=[(0, 2), (3, 8)])
        >>> decode(encode(doc, doc.text), doc.text) == doc
        True
    """
    entities = tuple(tuple(getattr(e, f) for f in _ENTITY_FIELDS) for e in doc.entities)
    return (
        doc.id, doc.lang, None if doc.text == sent_text else doc.text, doc.doc_date, entities,
        doc.tokens._starts.tobytes(), doc.tokens._ends.tobytes(),
        doc.sentences._starts.tobytes(), doc.sentences._ends.tobytes(), doc.sentences._langs,
        doc.error,
    )


def _offsets(raw: bytes) -> array[int]:
    out: array[int] = array("q")
    out.frombytes(raw)
    return out


def decode(data: Encoded, sent_text: Any) -> Document:
    """The :class:`Document` that :func:`encode` encoded; ``sent_text`` is the text sent."""
    ident, lang, text, doc_date, entities, t_starts, t_ends, s_starts, s_ends, s_langs, error = data
    if text is None:
        text = sent_text
    built = tuple(
        Entity.model_construct(
            **dict(zip(_ENTITY_FIELDS, row)), text=text[row[0] : row[1]]
        )
        for row in entities
    )
    return Document.model_construct(
        id=ident, lang=lang, text=text, doc_date=doc_date, entities=built,
        tokens=TokenList(text, _offsets(t_starts), _offsets(t_ends)),
        sentences=SentenceList(text, _offsets(s_starts), _offsets(s_ends), s_langs),
        error=error,
    )


def _work(batch: list[Any], doc_date: dt.date | str | None) -> list[Encoded]:
    assert _WORKER is not None
    return [encode(_WORKER._safe(item, doc_date), _text_of(item)) for item in batch]


def _item(obj: Any) -> Any:
    return dict(obj) if isinstance(obj, Mapping) else obj


def _read_batch(stream: Iterator[Any], size: int) -> tuple[list[Any], BaseException | None]:
    """Up to ``size`` items, and the exception the input raised while reading them, if any."""
    batch: list[Any] = []
    try:
        for _ in range(size):
            batch.append(_item(next(stream)))
    except StopIteration:
        pass
    except Exception as exc:  # the input's own error: re-raised after the items before it
        return batch, exc
    return batch, None


class _Slot:
    """One batch on its way: sent to a worker (``future``) or processed here (``done``)."""

    __slots__ = ("batch", "done", "future")

    def __init__(self, batch: list[Any], future: Future[list[Encoded]] | None = None,
                 done: list[Document] | None = None) -> None:
        self.batch = batch
        self.future = future
        self.done = done

    def ready(self) -> bool:
        return self.done is not None or self.future is not None and self.future.done()

    def documents(self) -> Iterator[Document]:
        if self.done is not None:
            yield from self.done
            return
        assert self.future is not None
        for item, data in zip(self.batch, self.future.result()):
            yield decode(data, _text_of(item))


def run_parallel(
    pipeline: Pipeline, texts: Iterable[Any], batch_size: int, n_process: int,
    doc_date: dt.date | str | None, context: BaseContext | None = None,
) -> Iterator[Document]:
    """Process ``texts`` in ``n_process`` processes, this one included, yielding in input order.

    ``n_process - 1`` worker processes each hold up to two batches; this process reads
    the input, and whenever the oldest batch is not back yet it processes the next batch
    itself instead of waiting (so no core idles while a worker finishes, and this
    process's warm caches do their share), then yields every finished batch in order.

    Args:
        pipeline: the loaded pipeline: inherited by forked workers, pickled by its
            configuration for spawned ones.
        texts: the items of :meth:`~arfa.Pipeline.pipe`.
        batch_size: items per batch.
        n_process: processes at work, this one included (at least 2).
        doc_date: the default document date.
        context: a multiprocessing context (default: :func:`start_method`).
    """
    ctx = context or multiprocessing.get_context(start_method())
    from arfa import pipeline as pipeline_module

    if pipeline_module.FREEZE_LOADED and ctx.get_start_method() == "fork":
        gc.freeze()  # the workers are forked at the first submit below
    stream = iter(texts)
    failure: BaseException | None = None
    exhausted = False
    workers = max(1, n_process - 1)
    pool = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init, initargs=(pipeline,))
    pending: deque[_Slot] = deque()
    in_flight = 0

    def read() -> list[Any]:
        nonlocal failure, exhausted
        if exhausted:
            return []
        batch, failure = _read_batch(stream, batch_size)
        if len(batch) < batch_size or failure is not None:
            exhausted = True
        return batch

    try:
        while True:
            while in_flight < 2 * workers:  # keep every worker busy
                batch = read()
                if not batch:
                    break
                pending.append(_Slot(batch, future=pool.submit(_work, batch, doc_date)))
                in_flight += 1
            if not pending:
                break
            head = pending[0]
            if not head.ready() and len(pending) < 4 * n_process:
                batch = read()
                if batch:  # work here rather than wait
                    pending.append(_Slot(batch, done=[pipeline._safe(item, doc_date) for item in batch]))
                    continue
            pending.popleft()
            if head.future is not None:
                in_flight -= 1
            yield from head.documents()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    if failure is not None:
        raise failure
