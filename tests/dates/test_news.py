"""DATE figures on short news paragraphs written for these tests (``tests/dates/data``).

``news.jsonl`` exercises every rule of the second edition of the guidelines;
``news_heldout.jsonl`` was written and annotated afterwards, before the grammar was run
on it. Both carry only DATE entities, in the gold format.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from arfa.dates.grammar import find_dates
from arfa.dates.resolve import resolve
from arfa.evaluate import snap
from arfa.normalize import normalize

DATA = Path(__file__).parent / "data"


def _score(path: Path) -> tuple[float, float]:
    """(F1 of word-snapped spans, value accuracy on the matched ones)."""
    tp = fp = fn = right = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        text = doc["text"]
        date = dt.date.fromisoformat(doc["doc_date"]) if doc["doc_date"] else None
        gold = {snap(text, e["start"], e["end"]): e["value"] for e in doc["entities"]}
        norm = normalize(text)
        pred = {
            snap(text, *norm.span_to_orig(m.start, m.end)): resolve(m.expr, date)
            for m in find_dates(norm.text, doc["lang"])
        }
        tp += len(pred.keys() & gold.keys())
        fp += len(pred.keys() - gold.keys())
        fn += len(gold.keys() - pred.keys())
        right += sum(pred[k] == gold[k] for k in pred.keys() & gold.keys())
    f1 = 2 * tp / (2 * tp + fp + fn)
    return f1, right / tp


@pytest.mark.parametrize("name", ["news.jsonl", "news_heldout.jsonl"])
def test_news_figures(name: str) -> None:
    f1, value_accuracy = _score(DATA / name)
    assert f1 >= 0.92
    assert value_accuracy >= 0.95


@pytest.mark.parametrize("name", ["news.jsonl", "news_heldout.jsonl"])
def test_news_gold_is_consistent(name: str) -> None:
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        assert doc["lang"] in ("ar", "fa")
        for ent in doc["entities"]:
            assert doc["text"][ent["start"] : ent["end"]] == ent["text"]
            assert ent["label"] == "DATE"
