"""arfa on Apache Spark (``pip install 'arfa[spark]'``; Spark needs Java 17 or newer).

:func:`extract` runs through ``mapInPandas``: each executor Python worker builds one
:class:`~arfa.Pipeline` on its first batch and keeps it for every later batch and
task (Spark reuses its Python workers by default, ``spark.python.worker.reuse``).
See ``docs/scale.md`` for cluster set-up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any

from arfa.engine import PipelineSpec, column_or_value, process_frame
from arfa.errors import BackendUnavailableError
from arfa.frame import COLUMNS, DTYPES

__all__ = ["SCHEMA_DDL", "extract", "schema"]

_SPARK_TYPES = {"string": "STRING", "category": "STRING", "Int64": "BIGINT", "Float64": "DOUBLE"}
# The result's schema in Spark's DDL notation, column for column as arfa.to_pandas.
SCHEMA_DDL = ", ".join(f"`{c}` {_SPARK_TYPES[t]}" for c, t in DTYPES.items())


def schema() -> Any:
    """The result's ``pyspark.sql.types.StructType`` (every column nullable).

    Raises:
        BackendUnavailableError: pyspark is not installed.
    """
    try:
        from pyspark.sql.types import StructType
    except ImportError:
        raise BackendUnavailableError("pyspark", "spark") from None
    return StructType.fromDDL(SCHEMA_DDL)


def _batches(
    frames: Iterator[Any], spec: PipelineSpec, text: str, id: str | None,
    lang: tuple[str | None, Any], doc_date: tuple[str | None, Any],
) -> Iterator[Any]:
    for part in frames:
        out = process_frame(part, spec, text, id, lang, doc_date)
        yield out.astype({"label": "string"})[list(COLUMNS)]


def extract(
    df: Any,
    *,
    text: str = "text",
    id: str = "id",
    lang: str | None = None,
    doc_date: dt.date | str | None = None,
    recognizers: Sequence[str] | None = None,
    link: bool = True,
    extra_entities: str | None = None,
) -> Any:
    """Entities of every document of a Spark DataFrame, one row per entity.

    The result has the columns of :func:`arfa.to_pandas` with the declared schema
    :func:`schema` (``label`` is a string, offsets ``bigint``). It is lazy, as any
    Spark transformation.

    Args:
        df: a ``pyspark.sql.DataFrame`` with one document per row.
        text: the column holding the text.
        id: the column holding the document id (cast to string).
        lang: a language code for every document, the name of a column holding one
            per row, or ``None`` to detect it.
        doc_date: the date of every document, or the name of a column holding one
            per row (``date`` or ISO string).
        recognizers: registry names; ``None`` for the default chain.
        link: whether to link mentions to the knowledge base.
        extra_entities: a YAML file of more KB entities, at a path every executor can read.

    Raises:
        BackendUnavailableError: pyspark is not installed.
        UnsupportedLanguageError: ``lang`` is neither a column nor a supported code.
    """
    out_schema = schema()
    columns = list(df.columns)
    if text not in columns:
        raise KeyError(f"no text column {text!r} among {columns}")
    lang_spec = column_or_value(columns, lang)
    spec = PipelineSpec.of(lang_spec[1], recognizers, link, extra_entities)
    date_spec = column_or_value(columns, doc_date)
    if isinstance(date_spec[1], dt.date):
        date_spec = (None, date_spec[1].isoformat())
    id_col = id if id in columns else None
    if id_col is None:
        from pyspark.sql import functions as F  # noqa: N812

        id_col = "__arfa_id"
        df = df.withColumn(id_col, F.monotonically_increasing_id().cast("string"))
    wanted = [c for c in dict.fromkeys((text, id_col, lang_spec[0], date_spec[0])) if c]
    return df.select(*wanted).mapInPandas(
        lambda frames: _batches(frames, spec, text, id_col, lang_spec, date_spec), out_schema
    )
