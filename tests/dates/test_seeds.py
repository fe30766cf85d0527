"""The DATE entities of the seeds gold: exact spans and values."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from arfa.dates import DateRecognizer
from arfa.normalize import normalize
from arfa.recognize.base import Segment

GOLD = Path(__file__).resolve().parents[3] / "shared" / "gold" / "seeds.jsonl"


@pytest.mark.skipif(not GOLD.exists(), reason="seeds gold not available")
def test_seed_dates() -> None:
    gold: set[tuple[str, int, int, str | None]] = set()
    found: set[tuple[str, int, int, str | None]] = set()
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        date = dt.date.fromisoformat(doc["doc_date"]) if doc["doc_date"] else None
        gold |= {
            (doc["id"], e["start"], e["end"], e["value"]) for e in doc["entities"] if e["label"] == "DATE"
        }
        norm = normalize(doc["text"])
        segment = Segment(doc["text"], 0, norm, (), (), doc["lang"], date)
        for cand in DateRecognizer(doc["lang"])(segment):
            found.add((doc["id"], *norm.span_to_orig(cand.start, cand.end), cand.value))
    assert len(gold) == 15
    assert found == gold
