"""pandas output: one row per entity (``pip install 'arfa[pandas]'``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from arfa.errors import BackendUnavailableError
from arfa.models import Document

__all__ = ["COLUMNS", "to_pandas"]

COLUMNS = ("doc_id", "lang", "start", "end", "text", "label", "canonical", "canonical_id",
           "wikidata", "value", "score", "source")


def to_pandas(docs: Iterable[Document] | Document) -> Any:
    """A ``pandas.DataFrame`` with one row per entity, columns :data:`COLUMNS`.

    Raises:
        BackendUnavailableError: pandas is not installed.
    """
    try:
        import pandas as pd
    except ImportError:
        raise BackendUnavailableError("pandas", "pandas") from None
    if isinstance(docs, Document):
        docs = [docs]
    rows = [
        (doc.id, doc.lang, e.start, e.end, e.text, e.label.value, e.canonical, e.canonical_id,
         e.wikidata, e.value, e.score, e.source)
        for doc in docs
        for e in doc.entities
    ]
    return pd.DataFrame(rows, columns=list(COLUMNS))
