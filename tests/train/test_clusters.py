"""Word clusters: one flat level, or nested levels whose coarse ids follow the fine ones."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("gensim")
pytest.importorskip("sklearn")

from arfa.normalize import fold  # noqa: E402
from arfa.recognize.crf import CLUSTER_PATH, load_clusters  # noqa: E402
from arfa.train.clusters import build_clusters, write_clusters  # noqa: E402

# two groups of words in two kinds of context, repeated so every word passes min_count
_CITIES = ["بغداد", "دمشق", "القاهرة", "عمان", "بيروت", "الرياض"]
_VERBS = ["قال", "اعلن", "اكد", "اضاف", "ذكر", "اوضح"]
SENTENCES = [
    [(v, "O"), ("الوزير", "O"), ("في", "O"), (c, "B-LOC")] for _ in range(12) for c in _CITIES for v in _VERBS
]


@pytest.mark.parametrize(("k", "depth"), [(4, 1), ([2, 4], 2), ([4, 2, 8], 3)])
def test_every_frequent_word_gets_a_path_of_one_id_per_level(k: int | list[int], depth: int) -> None:
    table = build_clusters(SENTENCES, k=k, min_count=3)
    assert set(table) == {fold(w) for w in (*_CITIES, *_VERBS, "الوزير", "في")}
    assert all(CLUSTER_PATH.fullmatch(p) and len(p.split("/")) == depth for p in table.values())
    finest = max(k) if isinstance(k, list) else k
    assert {int(p.split("/")[-1]) for p in table.values()} <= set(range(finest))


def test_nested_levels_give_one_parent_per_fine_cluster() -> None:
    table = build_clusters(SENTENCES, k=[2, 8], min_count=3)
    parent: dict[str, str] = {}
    for path in table.values():
        coarse, fine = path.split("/")
        assert parent.setdefault(fine, coarse) == coarse
        assert int(coarse) in (0, 1)


def test_extra_text_adds_words_to_the_table() -> None:
    extra = [["طهران", "مدينة", "كبيرة"]] * 5
    assert fold("طهران") not in build_clusters(SENTENCES, k=4)
    assert fold("طهران") in build_clusters(SENTENCES, k=4, extra_text=extra)


def test_same_seed_same_table_and_file_round_trip(tmp_path: Path) -> None:
    first = build_clusters(SENTENCES, k=[2, 4], seed=3)
    assert build_clusters(SENTENCES, k=[2, 4], seed=3) == first
    write_clusters(first, tmp_path / "clusters-ar.tsv")
    assert load_clusters(tmp_path / "crf-ar.crfsuite") == first
