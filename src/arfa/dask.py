"""arfa on Dask (``pip install 'arfa[dask]'``): lazy entity frames and document bags.

Each worker process builds one :class:`~arfa.Pipeline` the first time it runs an
arfa task and reuses it for every later partition (:mod:`arfa.engine`); tasks carry
only the pipeline's settings. See ``docs/scale.md`` for cluster set-up.

Examples:
    >>> import dask.dataframe as dd, pandas as pd
    >>> import arfa.dask
    >>> docs = dd.from_pandas(pd.DataFrame({"id": ["a"], "text": ["وصل الوفد إلى طشقند"]}), npartitions=1)
    >>> ents = arfa.dask.extract(docs, lang="ar")          # lazy: nothing has run yet
    >>> ents.compute()[["doc_id", "text", "canonical"]].values.tolist()
    [['a', 'طشقند', 'Tashkent']]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from arfa.engine import PipelineSpec, column_or_value, pipeline_for, process_frame
from arfa.errors import BackendUnavailableError
from arfa.frame import empty_frame
from arfa.models import Document

__all__ = ["extract", "extract_bag"]


def _require() -> None:
    try:
        import dask.dataframe  # noqa: F401
    except ImportError:
        raise BackendUnavailableError("dask", "dask") from None


def extract(
    frame: Any,
    *,
    text: str = "text",
    id: str = "id",
    lang: str | None = None,
    doc_date: dt.date | str | None = None,
    recognizers: Sequence[str] | None = None,
    link: bool = True,
    extra_entities: str | None = None,
    meta: Any = None,
) -> Any:
    """Entities of every document of a Dask DataFrame, as a lazy Dask DataFrame.

    The result has one row per entity and the columns and dtypes of
    :func:`arfa.to_pandas` (``doc_id`` is the ``id`` column, or the index when the
    frame has no such column). Nothing runs until ``.compute()`` or a write.

    Args:
        frame: a ``dask.dataframe.DataFrame`` with one document per row.
        text: the column holding the text.
        id: the column holding the document id.
        lang: a language code for every document, the name of a column holding one
            per row, or ``None`` to detect it.
        doc_date: the date of every document (for relative dates), or the name of a
            column holding one per row.
        recognizers: registry names; ``None`` for the default chain.
        link: whether to link mentions to the knowledge base.
        extra_entities: a YAML file of more KB entities, at a path every worker can read.
        meta: the output's ``meta`` (default :func:`arfa.frame.empty_frame`).

    Raises:
        BackendUnavailableError: dask is not installed.
        UnsupportedLanguageError: ``lang`` is neither a column nor a supported code.
    """
    _require()
    columns = list(frame.columns)
    if text not in columns:
        raise KeyError(f"no text column {text!r} among {columns}")
    lang_spec = column_or_value(columns, lang)
    spec = PipelineSpec.of(lang_spec[1], recognizers, link, extra_entities)
    return frame.map_partitions(
        process_frame, spec, text, id if id in columns else None, lang_spec,
        column_or_value(columns, doc_date),
        meta=empty_frame() if meta is None else meta, align_dataframes=False,
    )


def _bag_partition(part: Iterable[Any], number: int, spec: PipelineSpec,
                   doc_date: dt.date | str | None) -> list[Document]:
    nlp = pipeline_for(spec)
    items = (
        item if isinstance(item, dict) and item.get("id") is not None
        else {**(item if isinstance(item, dict) else {"text": item}), "id": f"{number}:{i}"}
        for i, item in enumerate(part)
    )
    return list(nlp.pipe(items, doc_date=doc_date))


def extract_bag(
    bag: Any,
    *,
    lang: str | None = None,
    doc_date: dt.date | str | None = None,
    recognizers: Sequence[str] | None = None,
    link: bool = True,
    extra_entities: str | None = None,
) -> Any:
    """A lazy ``dask.bag.Bag`` of :class:`~arfa.Document` from a bag of texts.

    Items are strings or mappings as in :meth:`arfa.Pipeline.pipe`. An item without
    an id gets ``"<partition>:<position>"``, stable for a given partitioning.

    Raises:
        BackendUnavailableError: dask is not installed.
    """
    _require()
    import dask.bag as db
    from dask.delayed import delayed

    spec = PipelineSpec.of(lang, recognizers, link, extra_entities)
    parts = [
        delayed(_bag_partition)(part, number, spec, doc_date)
        for number, part in enumerate(bag.to_delayed())
    ]
    return db.from_delayed(parts)  # type: ignore[no-untyped-call]
