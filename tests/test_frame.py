"""to_pandas: fixed, typed columns, sentence text and calendar."""

from __future__ import annotations

import pytest

pd = pytest.importorskip("pandas")

from arfa.frame import COLUMNS, DTYPES, empty_frame, to_pandas  # noqa: E402
from arfa.pipeline import Pipeline  # noqa: E402


def test_columns_and_types(nlp: Pipeline) -> None:
    docs = list(nlp.pipe(["وصل الوفد إلى طشقند. ثم عاد يوم 3 مارس 2021.", "في فيينا"], doc_date="2021-03-01"))
    frame = to_pandas(docs)
    assert tuple(frame.columns) == COLUMNS
    assert {c: str(t) for c, t in frame.dtypes.items()} == DTYPES
    assert list(frame["doc_id"]) == ["0", "0", "1"]
    assert list(frame["sentence"]) == ["وصل الوفد إلى طشقند.", "ثم عاد يوم 3 مارس 2021.", "في فيينا"]
    dates = frame[frame["label"] == "DATE"]
    assert list(dates["calendar"]) == ["gregorian"] and list(dates["value"]) == ["2021-03-03"]
    assert set(frame["lang"]) == {"ar"}


def test_empty_frame_has_the_same_types() -> None:
    assert {c: str(t) for c, t in empty_frame().dtypes.items()} == DTYPES
    assert {c: str(t) for c, t in to_pandas([]).dtypes.items()} == DTYPES
