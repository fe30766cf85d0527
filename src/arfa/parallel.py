"""Multi-process execution of :meth:`arfa.Pipeline.pipe`, in input order, streaming.

Three things make it pay (``docs/benchmarks.md`` has the figures):

- Where the platform allows it (Linux), workers are *forked* from the process that
  already holds the loaded pipeline, so they start in milliseconds instead of each
  rebuilding the knowledge base and models (about 12 s). Elsewhere (macOS, Windows)
  they are spawned and rebuild the pipeline from its configuration once each.
  ``ARFA_START_METHOD=spawn`` (or ``forkserver``) forces another start method.
- One pool lives as long as the stream, and at most ``2 * n_process`` batches are in
  flight, so memory stays flat on an endless stream.
- Results come back compactly (:func:`encode`): no text (the parent has it), offsets
  as raw arrays and entities as tuples, rebuilt without re-validation.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import sys
from array import array
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import TYPE_CHECKING, Any

from arfa.models import Document, Entity
from arfa.spans import SentenceList, TokenList

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

    from arfa.pipeline import Pipeline, _Config

__all__ = ["decode", "encode", "run_parallel", "start_method"]

_WORKER: Pipeline | None = None

# What one document becomes on the way back: id, lang, text (None: as sent),
# doc_date, entities, token starts/ends, sentence starts/ends/langs, error.
Encoded = tuple[Any, ...]
_ENTITY_FIELDS = ("start", "end", "label", "canonical", "canonical_id", "wikidata", "value", "score",
                  "source", "calendar")


def start_method() -> str:
    """``fork`` where it is safe and available (Linux), else ``spawn``; ``ARFA_START_METHOD`` overrides."""
    chosen = os.environ.get("ARFA_START_METHOD")
    if chosen:
        return chosen
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return "fork"
    return "spawn"


def _init(source: Pipeline | _Config) -> None:
    global _WORKER
    from arfa.pipeline import Pipeline

    if isinstance(source, Pipeline):
        _WORKER = source  # inherited by fork: nothing to load
        return
    _WORKER = Pipeline(source.lang, recognizers=source.recognizers,
                       extra_entities=list(source.extra_entities) or None, link=source.link)


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


def run_parallel(
    pipeline: Pipeline, config: _Config, texts: Iterable[Any], batch_size: int, n_process: int,
    doc_date: dt.date | str | None, context: BaseContext | None = None,
) -> Iterator[Document]:
    """Process ``texts`` in ``n_process`` worker processes, yielding in input order.

    Args:
        pipeline: the loaded pipeline, inherited by forked workers.
        config: what spawned workers rebuild the pipeline from.
        texts: the items of :meth:`~arfa.Pipeline.pipe`.
        batch_size: items per task sent to a worker.
        n_process: worker processes.
        doc_date: the default document date.
        context: a multiprocessing context (default: :func:`start_method`).
    """
    ctx = context or multiprocessing.get_context(start_method())
    source: Pipeline | _Config = pipeline if ctx.get_start_method() == "fork" else config
    stream = iter(texts)
    pool = ProcessPoolExecutor(n_process, mp_context=ctx, initializer=_init, initargs=(source,))
    pending: deque[tuple[list[Any], Future[list[Encoded]]]] = deque()
    try:
        while True:
            batch = [_item(x) for x in islice(stream, batch_size)]
            if batch:
                pending.append((batch, pool.submit(_work, batch, doc_date)))
            if pending and (not batch or len(pending) >= 2 * n_process):
                sent, future = pending.popleft()
                for item, data in zip(sent, future.result()):
                    yield decode(data, _text_of(item))
            if not batch and not pending:
                return
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
