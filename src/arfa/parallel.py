"""Multi-process execution of :meth:`arfa.Pipeline.pipe`, in input order, streaming.

Workers are started with the ``spawn`` method and receive the pipeline pickled by
its configuration (:meth:`arfa.pipeline.Pipeline.__reduce__`), so each rebuilds the
same components. If the input iterable raises, the documents of the items read
before it are still yielded, in order, and then the error propagates, exactly as
with ``n_process=1``.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING, Any

from arfa.models import Document

if TYPE_CHECKING:
    from arfa.pipeline import Pipeline

__all__ = ["run_parallel"]

_WORKER: Pipeline | None = None


def _init(pipeline: Pipeline) -> None:
    global _WORKER
    _WORKER = pipeline  # already rebuilt from its configuration by unpickling


def _work(batch: list[Any], doc_date: dt.date | str | None) -> list[Document]:
    assert _WORKER is not None
    return [_WORKER._safe(item, doc_date) for item in batch]


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


def run_parallel(
    pipeline: Pipeline, texts: Iterable[Any], batch_size: int, n_process: int, doc_date: dt.date | str | None
) -> Iterator[Document]:
    """Process ``texts`` in ``n_process`` worker processes, yielding in input order."""
    ctx = multiprocessing.get_context("spawn")
    stream = iter(texts)
    failure: BaseException | None = None
    with ProcessPoolExecutor(n_process, mp_context=ctx, initializer=_init, initargs=(pipeline,)) as pool:
        pending: deque[Future[list[Document]]] = deque()
        while True:
            batch: list[Any] = []
            if failure is None:
                batch, failure = _read_batch(stream, batch_size)
            if batch:
                pending.append(pool.submit(_work, batch, doc_date))
            exhausted = not batch or failure is not None
            if pending and (exhausted or len(pending) >= 2 * n_process):
                yield from pending.popleft().result()
            if exhausted and not pending:
                break
    if failure is not None:
        raise failure
