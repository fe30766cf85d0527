"""arfa.dask on a real two-process ``distributed.LocalCluster``, row by row against a serial run."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

pytest.importorskip("dask.dataframe", reason="needs the 'dask' extra")
distributed = pytest.importorskip("distributed", reason="needs the 'dask' extra")

import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402
import pandas as pd  # noqa: E402

import arfa  # noqa: E402
import arfa.dask  # noqa: E402
from arfa.engine import built_count  # noqa: E402
from arfa.frame import COLUMNS, DTYPES  # noqa: E402
from arfa.pipeline import Pipeline  # noqa: E402

# Sentences written for these tests, each naming a place, a body or a date.
TEXTS = [
    ("ar", "وصل وزير الخارجية إلى طشقند يوم 3 مارس 2021 للقاء نظيره."),
    ("ar", "عقدت منظمة شنغهاي للتعاون اجتماعها في موسكو."),
    ("fa", "هیئت ایرانی روز دوشنبه به مسکو رفت."),
    ("ar", "قالت الأمم المتحدة إن الوفد غادر فيينا أمس."),
    ("fa", "سازمان ملل متحد در ژنو نشستی برگزار کرد."),
    ("ar", "لا كيان في هذه الجملة."),
    ("fa", "نماینده چین در پکن سخن گفت."),
    ("ar", "التقى الرئيس في القاهرة وفدا من الاتحاد الأوروبي."),
]


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as c:
        yield c


def _frame() -> pd.DataFrame:
    return pd.DataFrame({
        "id": [f"doc{i}" for i in range(len(TEXTS))],
        "text": [t for _, t in TEXTS],
        "lang": [lang for lang, _ in TEXTS],
        "published": ["2021-03-01"] * len(TEXTS),
    })


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)


@pytest.mark.parametrize("lang", [None, "lang"])
def test_dask_frame_matches_serial_row_by_row(client: distributed.Client, lang: str | None) -> None:
    docs = dd.from_pandas(_frame(), npartitions=4)
    lazy = arfa.dask.extract(docs, lang=lang, doc_date="published")
    assert list(lazy.columns) == list(COLUMNS)
    got = _sorted(lazy.compute())
    nlp = Pipeline()
    items = [{"id": r.id, "text": r.text, "lang": r.lang if lang else None, "doc_date": r.published}
             for r in _frame().itertuples()]
    expected = _sorted(arfa.to_pandas(nlp.pipe(items)))
    assert len(expected) > len(TEXTS)  # the texts do name entities
    pd.testing.assert_frame_equal(got, expected)
    assert {c: str(t) for c, t in got.dtypes.items()} == DTYPES


def test_one_pipeline_per_worker_process(client: distributed.Client) -> None:
    docs = dd.from_pandas(_frame(), npartitions=8)
    arfa.dask.extract(docs, lang="lang").compute()
    counts = client.run(built_count)
    assert len(counts) == 2 and max(counts.values()) <= 1  # every test here uses the same settings
    assert sum(counts.values()) >= 1


def test_bag_yields_documents_like_pipe(client: distributed.Client) -> None:
    bag = db.from_sequence([t for _, t in TEXTS], npartitions=3)
    got = arfa.dask.extract_bag(bag).compute()
    expected = list(Pipeline().pipe(t for _, t in TEXTS))
    assert [d.entities for d in got] == [d.entities for d in expected]
    assert [d.tokens for d in got] == [d.tokens for d in expected]
    assert len({d.id for d in got}) == len(TEXTS)


def test_unknown_text_column_fails_before_running() -> None:
    docs = dd.from_pandas(_frame(), npartitions=1)
    with pytest.raises(KeyError, match="body"):
        arfa.dask.extract(docs, text="body")


def test_bad_language_fails_before_running() -> None:
    docs = dd.from_pandas(_frame(), npartitions=1)
    with pytest.raises(arfa.UnsupportedLanguageError):
        arfa.dask.extract(docs, lang="xx")
