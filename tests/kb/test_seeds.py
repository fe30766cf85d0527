"""Every gold ORG/PER/LOC mention of the seed documents gets its gold canonical name."""

from __future__ import annotations

import json

import pytest

from arfa.kb import KnowledgeBase, Mention, link_mentions
from arfa.models import Label

from .conftest import SHARED

GOLD = SHARED / "gold/seeds.jsonl"


@pytest.mark.skipif(not GOLD.is_file(), reason="../shared/gold is absent")
def test_seed_canonical_accuracy(kb: KnowledgeBase) -> None:
    total = correct = 0
    misses = []
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        gold = [e for e in doc["entities"] if e["label"] != "DATE"]
        mentions = [Mention(e["start"], e["end"], e["text"], Label(e["label"]), None) for e in gold]
        for entity, linked in zip(gold, link_mentions(mentions, kb, doc["lang"])):
            total += 1
            if linked.canonical == entity["canonical"]:
                correct += 1
            else:
                misses.append((entity["text"], entity["canonical"], linked.canonical))
    assert total > 200
    assert correct / total >= 0.95, misses
