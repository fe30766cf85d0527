"""Multi-process execution of :meth:`arfa.Pipeline.pipe`, in input order, streaming."""

from __future__ import annotations

import datetime as dt
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import TYPE_CHECKING, Any

from arfa.models import Document

if TYPE_CHECKING:
    from arfa.pipeline import Pipeline, _Config

__all__ = ["run_parallel"]

_WORKER: Pipeline | None = None


def _init(config: _Config) -> None:
    global _WORKER
    from arfa.pipeline import Pipeline

    _WORKER = Pipeline(config.lang, recognizers=config.recognizers,
                       extra_entities=list(config.extra_entities) or None, link=config.link)


def _work(batch: list[Any], doc_date: dt.date | str | None) -> list[Document]:
    assert _WORKER is not None
    return [_WORKER._safe(item, doc_date) for item in batch]


def _item(obj: Any) -> Any:
    return dict(obj) if isinstance(obj, Mapping) else obj


def run_parallel(
    config: _Config, texts: Iterable[Any], batch_size: int, n_process: int, doc_date: dt.date | str | None
) -> Iterator[Document]:
    """Process ``texts`` in ``n_process`` worker processes, yielding in input order."""
    ctx = multiprocessing.get_context("spawn")
    stream = iter(texts)
    with ProcessPoolExecutor(n_process, mp_context=ctx, initializer=_init, initargs=(config,)) as pool:
        pending: deque[Future[list[Document]]] = deque()
        while True:
            batch = [_item(x) for x in islice(stream, batch_size)]
            if batch:
                pending.append(pool.submit(_work, batch, doc_date))
            if pending and (not batch or len(pending) >= 2 * n_process):
                yield from pending.popleft().result()
            if not batch and not pending:
                return
