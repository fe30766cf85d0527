"""One entity, one entry: the duplicate check of ``scripts/kb_duplicates.py``."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from _scripts import load_script
from arfa.kb import KBEntity, KnowledgeBase, load_entities
from arfa.models import Label

ROOT = Path(__file__).parents[2]


def _load() -> ModuleType:
    return load_script("kb_duplicates")


dup = _load()


def _person(ident: str, name: str, qid: str | None = None, **names: Any) -> KBEntity:
    return KBEntity(id=ident, label=Label.PER, name=name, wikidata=qid, kind="person", names=names)


@pytest.mark.parametrize(("first", "second"), [
    ("Mukhtar Tileuberdi", "Mukhtar Tleuberdi"),
    ("Sergei Lavrov", "Sergey Lavrov"),
    ("Erlan Abdyldaev", "Erlan Abdyldayev"),
    ("Abdulaziz Kamilov", "Abdulaziz Komilov"),
    ("Alihan Smailov", "Alikhan Smailov"),
    ("Mohammad Haneef Atmar", "Mohammad Hanif Atmar"),
    ("Maulen Ashimbayev", "Mäulen Äşimbaev"),
    ("Yuri Khatchaturov", "Yury Khachaturov"),
    ("Aleksandr Lukashenko", "Alexander Lukashenko"),
])
def test_spellings_of_one_name_share_a_key_and_are_near(first: str, second: str) -> None:
    assert dup.latin_key(first) == dup.latin_key(second)
    assert dup.near(first, second)


@pytest.mark.parametrize(("first", "second"), [
    ("Akita Prefecture", "Kyoto Prefecture"),
    ("Ministry of Foreign Affairs (Iran)", "Ministry of Foreign Affairs (Iraq)"),
    ("Adana Province", "Aydın Province"),
])
def test_two_names_are_not_near(first: str, second: str) -> None:
    same_key = dup.latin_key(first) == dup.latin_key(second)
    assert not (same_key and dup.near(first, second))


@pytest.mark.parametrize(("entities", "expected"), [
    # one QID twice: a duplicate whatever the names
    ([_person("per/a", "Ann Example", "Q11"), _person("per/b", "Bob Other", "Q11")], [("per/a", "per/b")]),
    # one name in two spellings, one without a QID
    ([_person("per/a", "Mukhtar Tileuberdi"), _person("per/b", "Mukhtar Tleuberdi", "Q70254110")], [("per/a", "per/b")]),
    # one folded Arabic name
    ([_person("per/a", "Ann Example", ar=("مختار تلئوبردي",)), _person("per/b", "Ann Sample", ar=("مختار تلئوبردي",))],
     [("per/a", "per/b")]),
    # two QIDs tell two namesakes apart
    ([_person("per/a", "Zhang Ming", "Q1"), _person("per/b", "Zhang Ming (diplomat)", "Q2")], []),
    # another label or kind is another entity
    ([_person("per/a", "Georgia Example"), KBEntity(id="loc/a", label=Label.LOC, name="Georgia Example", kind="country")], []),
])
def test_find_duplicates(entities: list[KBEntity], expected: list[tuple[str, str]]) -> None:
    pairs = dup.find_duplicates(entities, distinct=set())
    assert [(p.first, p.second) for p in pairs] == expected


def test_a_reviewed_pair_is_not_reported() -> None:
    entities = [_person("per/a", "Mukhtar Tileuberdi"), _person("per/b", "Mukhtar Tleuberdi")]
    assert dup.find_duplicates(entities, distinct={("per/a", "per/b")}) == []


def test_the_shipped_knowledge_base_has_no_unreviewed_duplicate(kb: KnowledgeBase) -> None:
    pairs = dup.find_duplicates(kb)
    assert pairs == [], "merge these entities or list them in scripts/data/kb_distinct.tsv:\n" + "\n".join(
        f"{p.first}\t{p.second}\t{p.reason}" for p in pairs)


def test_every_reviewed_pair_is_still_a_live_pair_of_the_knowledge_base(kb: KnowledgeBase) -> None:
    live = {(p.first, p.second) for p in dup.find_duplicates(kb, distinct=set())}
    stale = sorted(dup.read_distinct() - live)
    assert stale == [], f"remove these rows from scripts/data/kb_distinct.tsv: {stale}"


@pytest.mark.parametrize("path", sorted((ROOT / "src/arfa/resources/kb").glob("*.yaml")), ids=lambda p: p.name)
def test_no_id_is_listed_twice_in_one_file(path: Path) -> None:
    # a later file may override an id on purpose; within one file the first entry would be lost
    ids = [entity.id for entity in load_entities(path)]
    assert sorted(i for i, n in Counter(ids).items() if n > 1) == []
