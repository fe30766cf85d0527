"""Snapshot of the pipeline's output on the seeds, compared field by field.

Run ``pytest tests/test_golden.py --update-golden`` after an intended change and
review the diff of ``tests/golden/seeds.jsonl``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from arfa.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "seeds.jsonl"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
DOC_DATES = {"003": "2021-07-16"}  # the one seed that carries its own date


def produce(nlp: Pipeline) -> list[dict[str, object]]:
    return [
        json.loads(nlp(p.read_text(encoding="utf-8"), id=p.stem, doc_date=DOC_DATES.get(p.name[:3])).to_json())
        for p in SEEDS
    ]


def test_seeds_match_golden(nlp: Pipeline, update_golden: bool) -> None:
    got = produce(nlp)
    if update_golden:
        GOLDEN.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in got), encoding="utf-8")
        pytest.skip("golden file rewritten")
    expected = [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines()]
    assert [d["id"] for d in got] == [d["id"] for d in expected]
    for g, e in zip(got, expected):
        assert g["lang"] == e["lang"] and g["doc_date"] == e["doc_date"]
        got_entities = {(x["start"], x["end"]): x for x in g["entities"]}  # type: ignore[union-attr]
        exp_entities = {(x["start"], x["end"]): x for x in e["entities"]}  # type: ignore[union-attr]
        assert sorted(got_entities) == sorted(exp_entities), f"spans of {g['id']} changed"
        for span, ent in exp_entities.items():
            for field in ("text", "label", "canonical", "canonical_id", "wikidata", "value", "source"):
                assert got_entities[span][field] == ent[field], f"{g['id']} {span} {field}"
