"""The gold file of arfa's own in-domain news items is what its markup gives, and is valid gold."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

from _scripts import load_script

ROOT = Path(__file__).resolve().parents[1]


def _builder() -> ModuleType:
    return load_script("build_own_news")


def test_jsonl_matches_markup() -> None:
    builder = _builder()
    for source, target in builder.PAIRS:
        built = builder.render(builder.build(source.read_text(encoding="utf-8")))
        assert target.read_text(encoding="utf-8") == built, "run python scripts/build_own_news.py"


@pytest.mark.parametrize("name", ["own-news.jsonl", "own-news-2.jsonl"])
def test_every_entity_points_into_its_text(name: str) -> None:
    docs = [json.loads(line) for line in (ROOT / "docs" / "data" / name).read_text("utf-8").splitlines()]
    assert {d["lang"] for d in docs} == {"ar", "fa"}
    for doc in docs:
        for ent in doc["entities"]:
            assert doc["text"][ent["start"] : ent["end"]] == ent["text"]
            assert ent["label"] in {"ORG", "PER", "LOC", "DATE"}
            assert (ent["canonical"] is None) == (ent["label"] == "DATE")


@pytest.mark.parametrize(
    ("body", "message"),
    [("[[PER:بوتين", "unparsed"), ("قال [[XYZ:بوتين]] ", "unparsed")],
)
def test_broken_markup_is_an_error(body: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        _builder().parse_document(body)
