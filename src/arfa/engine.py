"""What the Dask and Spark integrations share: one pipeline per worker process.

A cluster ships functions, not loaded models. Tasks carry a small, picklable
:class:`PipelineSpec`; :func:`pipeline_for` builds the :class:`~arfa.Pipeline` the
first time a worker process sees a spec and returns the same object for every later
partition (the knowledge base and models load once per process, never per task).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from arfa.pipeline import Pipeline

__all__ = ["PipelineSpec", "built_count", "column_or_value", "pipeline_for", "process_frame"]

logger = logging.getLogger(__name__)

_PIPELINES: dict[PipelineSpec, Pipeline] = {}
_LOCK = threading.Lock()


@dataclass(frozen=True)
class PipelineSpec:
    """How to build the pipeline on a worker.

    Attributes:
        lang: ``"ar"``, ``"fa"`` or ``None`` (detect per sentence).
        recognizers: registry names, or ``None`` for the defaults.
        link: whether to link mentions to the knowledge base.
        extra_entities: a YAML path of more KB entities, readable on every worker.
    """

    lang: str | None = None
    recognizers: tuple[str, ...] | None = None
    link: bool = True
    extra_entities: str | None = None

    @classmethod
    def of(cls, lang: str | None, recognizers: Sequence[str] | None, link: bool,
           extra_entities: str | None) -> PipelineSpec:
        """A spec checked here, on the client, so a bad setting fails before any task runs."""
        from arfa.pipeline import _check_lang

        _check_lang(lang)
        return cls(lang, tuple(recognizers) if recognizers is not None else None, link, extra_entities)


def pipeline_for(spec: PipelineSpec) -> Pipeline:
    """This process's pipeline for ``spec``, built on first use."""
    nlp = _PIPELINES.get(spec)
    if nlp is None:
        with _LOCK:
            nlp = _PIPELINES.get(spec)
            if nlp is None:
                from arfa.pipeline import Pipeline

                logger.info("building a pipeline for %s in this worker process", spec)
                nlp = _PIPELINES[spec] = Pipeline(
                    spec.lang, recognizers=spec.recognizers, link=spec.link, extra_entities=spec.extra_entities
                )
    return nlp


def built_count() -> int:
    """How many pipelines this process has built (a test checks it is one per worker)."""
    return len(_PIPELINES)


def column_or_value(columns: Sequence[str], value: Any) -> tuple[str | None, Any]:
    """``(column, None)`` when ``value`` names one of ``columns``, else ``(None, value)``."""
    if isinstance(value, str) and value in columns:
        return value, None
    return None, value


def process_frame(
    part: Any, spec: PipelineSpec, text: str, id: str | None, lang: tuple[str | None, Any],
    doc_date: tuple[str | None, Any],
) -> Any:
    """One pandas partition of documents -> the typed entity frame of :func:`arfa.to_pandas`."""
    from arfa.frame import to_pandas

    nlp = pipeline_for(spec)
    docs = nlp.pipe(_items(part, text, id, lang, doc_date))
    return to_pandas(_kept(docs))


def _items(
    part: Any, text: str, id: str | None, lang: tuple[str | None, Any], doc_date: tuple[str | None, Any]
) -> Iterator[dict[str, Any]]:
    ids = part[id] if id is not None and id in part.columns else part.index
    lang_col, lang_value = lang
    date_col, date_value = doc_date
    langs = part[lang_col] if lang_col else None
    dates = part[date_col] if date_col else None
    for i, (ident, body) in enumerate(zip(ids, part[text])):
        day = dates.iloc[i] if dates is not None else date_value
        yield {
            "id": str(ident),
            "text": body,
            "lang": langs.iloc[i] if langs is not None else lang_value,
            "doc_date": _date(day),
        }


def _date(value: Any) -> dt.date | str | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp
        return value.to_pydatetime().date()  # type: ignore[no-any-return]
    return value  # type: ignore[no-any-return]


def _kept(docs: Iterator[Any]) -> Iterator[Any]:
    for doc in docs:
        if doc.error is not None:
            logger.warning("document %s failed: %s", doc.id, doc.error)
        yield doc
