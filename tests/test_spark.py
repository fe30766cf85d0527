"""arfa.spark in ``local[2]`` mode, row by row against a serial run."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator

import pytest

pytest.importorskip("pyspark", reason="needs the 'spark' extra")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("Spark needs Java (CI installs Debian's openjdk-17-jre-headless)", allow_module_level=True)

import pandas as pd  # noqa: E402
from pyspark.sql import SparkSession  # noqa: E402

import arfa  # noqa: E402
import arfa.spark  # noqa: E402
from arfa.frame import COLUMNS  # noqa: E402
from arfa.pipeline import Pipeline  # noqa: E402

# Sentences written for these tests, each naming a place, a body or a date.
TEXTS = [
    ("ar", "وصل وزير الخارجية إلى طشقند يوم 3 مارس 2021 للقاء نظيره."),
    ("ar", "عقدت منظمة شنغهاي للتعاون اجتماعها في موسكو."),
    ("fa", "هیئت ایرانی روز دوشنبه به مسکو رفت."),
    ("ar", "قالت الأمم المتحدة إن الوفد غادر فيينا أمس."),
    ("fa", "سازمان ملل متحد در ژنو نشستی برگزار کرد."),
    ("fa", "نماینده چین در پکن سخن گفت."),
]


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # the workers run this interpreter
    session = (SparkSession.builder.master("local[2]").appName("arfa-test")
               .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
               .getOrCreate())
    yield session
    session.stop()


def _frame() -> pd.DataFrame:
    return pd.DataFrame({
        "id": [f"doc{i}" for i in range(len(TEXTS))],
        "text": [t for _, t in TEXTS],
        "lang": [lang for lang, _ in TEXTS],
        "published": ["2021-03-01"] * len(TEXTS),
    })


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)


def test_spark_frame_matches_serial_row_by_row(spark: SparkSession) -> None:
    df = spark.createDataFrame(_frame()).repartition(2)
    result = arfa.spark.extract(df, lang="lang", doc_date="published")
    assert result.schema == arfa.spark.schema() and result.columns == list(COLUMNS)
    got = _sorted(pd.DataFrame([r.asDict() for r in result.collect()], columns=list(COLUMNS)))
    items = [{"id": r.id, "text": r.text, "lang": r.lang, "doc_date": r.published} for r in _frame().itertuples()]
    expected = _sorted(arfa.to_pandas(Pipeline().pipe(items)))
    assert len(expected) > len(TEXTS)
    expected = expected.astype(object).where(expected.notna(), None)
    assert got.astype(object).where(got.notna(), None).values.tolist() == expected.values.tolist()


def test_spark_without_id_column_numbers_documents(spark: SparkSession) -> None:
    df = spark.createDataFrame(_frame()[["text"]])
    rows = arfa.spark.extract(df, lang="ar").select("doc_id").distinct().collect()
    assert rows and all(r.doc_id is not None for r in rows)


def test_unknown_text_column_fails_before_running(spark: SparkSession) -> None:
    df = spark.createDataFrame(_frame())
    with pytest.raises(KeyError, match="body"):
        arfa.spark.extract(df, text="body")
