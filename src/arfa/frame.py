"""pandas output: one row per entity (``pip install 'arfa[pandas]'``).

The columns and their dtypes are fixed (:data:`DTYPES`), whatever the documents, so
frames from different batches, Dask partitions or Spark tasks concatenate cleanly:
text columns are pandas' ``string`` dtype, offsets ``Int64``, the score ``Float64``
(all nullable), and ``label`` a categorical of the four labels.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from typing import Any

from arfa.errors import BackendUnavailableError
from arfa.models import Document, Entity, Label

__all__ = ["COLUMNS", "DTYPES", "empty_frame", "rows", "to_pandas"]

# column -> pandas dtype; "label" is categorical (see _dtypes)
DTYPES: dict[str, str] = {
    "doc_id": "string",
    "lang": "string",
    "start": "Int64",
    "end": "Int64",
    "text": "string",
    "label": "category",
    "canonical": "string",
    "canonical_id": "string",
    "wikidata": "string",
    "value": "string",
    "calendar": "string",
    "score": "Float64",
    "source": "string",
    "sentence": "string",
}
COLUMNS = tuple(DTYPES)


def _pandas() -> Any:
    try:
        import pandas as pd
    except ImportError:
        raise BackendUnavailableError("pandas", "pandas") from None
    return pd


def _dtypes(pd: Any) -> dict[str, Any]:
    labels = pd.CategoricalDtype([label.value for label in Label])
    return {c: labels if t == "category" else t for c, t in DTYPES.items()}


def _sentence_of(doc: Document, starts: list[int], entity: Entity) -> str | None:
    i = bisect_right(starts, entity.start) - 1
    if i < 0:
        return None
    s, e = doc.sentences._starts[i], doc.sentences._ends[i]
    return doc.text[s:e] if entity.start < e else None


def rows(docs: Iterable[Document]) -> Iterable[tuple[Any, ...]]:
    """One tuple per entity, in the order of :data:`COLUMNS`."""
    for doc in docs:
        if not doc.entities:
            continue
        starts = list(doc.sentences._starts)
        for e in doc.entities:
            yield (doc.id, doc.lang, e.start, e.end, e.text, e.label.value, e.canonical, e.canonical_id,
                   e.wikidata, e.value, e.calendar, e.score, e.source, _sentence_of(doc, starts, e))


def empty_frame() -> Any:
    """A frame with no rows and the columns and dtypes of :func:`to_pandas` (Dask's ``meta``)."""
    pd = _pandas()
    return pd.DataFrame({c: pd.Series([], dtype=t) for c, t in _dtypes(pd).items()})


def to_pandas(docs: Iterable[Document] | Document) -> Any:
    """A ``pandas.DataFrame`` with one row per entity, columns :data:`COLUMNS`.

    ``sentence`` is the text of the sentence the entity starts in; ``calendar`` the
    calendar a DATE was written in.

    Raises:
        BackendUnavailableError: pandas is not installed.

    Examples:
        >>> from arfa.models import Entity
        >>> doc = Document(id="d1", lang="ar", text="في فيينا. ثم عاد.",
        ...                entities=[Entity(start=3, end=8, text="فيينا", label="LOC")],
        ...                sentences=[(0, 9, "ar"), (10, 17, "ar")])
        >>> frame = to_pandas(doc)
        >>> frame.loc[0, ["doc_id", "text", "label", "sentence"]].tolist()
        ['d1', 'فيينا', 'LOC', 'في فيينا.']
        >>> str(frame.dtypes["start"]), str(frame.dtypes["label"])
        ('Int64', 'category')
    """
    pd = _pandas()
    if isinstance(docs, Document):
        docs = [docs]
    frame = pd.DataFrame(list(rows(docs)), columns=list(COLUMNS))
    return frame.astype(_dtypes(pd))
