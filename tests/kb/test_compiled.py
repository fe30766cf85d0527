"""The compiled knowledge base: in sync with the YAML, equal to it, and never silently stale."""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from _scripts import load_script
from arfa.errors import KnowledgeBaseError
from arfa.kb import KnowledgeBase, compiled, store
from arfa.models import Label

ROOT = Path(__file__).parents[2]

SMALL = [
    ("a.yaml", """
- id: loc/vienna
  label: LOC
  name: Vienna
  wikidata: Q1741
  kind: city
  names: {ar: [فيينا, فِيينّا], fa: [وین], en: [Vienna]}
- id: org/osce
  label: ORG
  name: Organization for Security and Co-operation in Europe
  names: {ar: [منظمة الأمن والتعاون في أوروبا]}
  acronyms: [OSCE, ОБСЕ]
  prior: 0.5
""".encode()),
    ("b.yaml", """
- id: per/guterres
  label: PER
  name: António Guterres
  names: {ar: [أنطونيو غوتيريش], fa: [آنتونیو گوترش]}
  short: [غوتيريش]
- id: loc/vienna
  label: LOC
  name: Vienna
  names: {ar: [فيينا]}
  prior: 0.9
""".encode()),
]


def _script(name: str) -> ModuleType:
    return load_script(name)


def _shipped_bytes() -> bytes | None:
    target = resources.files("arfa.resources").joinpath("kb", compiled.COMPILED_NAME)
    return target.read_bytes() if target.is_file() else None


@pytest.fixture(scope="module")
def rebuilt() -> dict[str, Any]:
    """The payload compiled afresh from the shipped YAML (every entity validated)."""
    return compiled.compile_sources(compiled.default_sources())


def _same(a: KnowledgeBase, b: KnowledgeBase) -> None:
    assert [(e.id, e) for e in a] == [(e.id, e) for e in b]
    assert list(a.aliases()) == list(b.aliases())


def test_shipped_file_is_in_sync_with_the_yaml(rebuilt: dict[str, Any]) -> None:
    data = _shipped_bytes()
    assert data is not None, "compiled KB missing: run python scripts/compile_kb.py"
    payload = compiled.read_payload(data)
    assert compiled.stale_reason(payload, compiled.default_sources()) is None
    assert payload["fold"] == compiled.fold_digest(), "normalize.py changed: run python scripts/compile_kb.py"
    assert payload == rebuilt, "compiled KB differs from a rebuild: run python scripts/compile_kb.py"


def test_default_kb_comes_from_the_compiled_file(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="arfa.kb.compiled"):
        kb = store.load_default_kb.__wrapped__()
    assert not caplog.records
    _same(kb, store.load_default_kb())


def test_precomputed_keys_equal_folding_again(rebuilt: dict[str, Any]) -> None:
    kb = store.load_default_kb()
    _same(kb, KnowledgeBase(list(kb)))


@pytest.mark.parametrize("sources", [SMALL, SMALL[:1], SMALL[::-1], []])
def test_compiled_kb_equals_the_yaml_kb(sources: list[tuple[str, bytes]]) -> None:
    data = compiled.dump(compiled.compile_sources(sources))
    kb = compiled.load_compiled(data, sources)
    assert kb is not None
    _same(kb, store._load_yaml_sources(sources))


def test_dump_is_deterministic() -> None:
    assert compiled.dump(compiled.compile_sources(SMALL)) == compiled.dump(compiled.compile_sources(SMALL))


@pytest.mark.parametrize(("sources", "reason"), [
    ([SMALL[0], ("b.yaml", SMALL[1][1] + b"\n# edited\n")], "b.yaml"),
    (SMALL[:1], "b.yaml"),
    ([*SMALL, ("c.yaml", b"[]")], "c.yaml"),
])
def test_stale_file_falls_back_with_a_warning(
    sources: list[tuple[str, bytes]], reason: str, caplog: pytest.LogCaptureFixture
) -> None:
    data = compiled.dump(compiled.compile_sources(SMALL))
    with caplog.at_level(logging.WARNING, logger="arfa.kb.compiled"):
        assert compiled.load_compiled(data, sources) is None
    assert "stale" in caplog.text and reason in caplog.text and "compile_kb.py" in caplog.text


@pytest.mark.parametrize(("data", "message"), [
    (None, "missing"),
    (b"not gzip", "unreadable"),
    (compiled.dump({"format": 0}), "format"),
])
def test_missing_or_broken_file_falls_back_with_a_warning(
    data: bytes | None, message: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="arfa.kb.compiled"):
        assert compiled.load_compiled(data, SMALL) is None
    assert message in caplog.text


def test_another_fold_refolds_the_keys(caplog: pytest.LogCaptureFixture) -> None:
    payload = compiled.compile_sources(SMALL)
    payload["keys"] = [[["wrong", "name"]] for _ in payload["keys"]]
    payload["fold"] = "0" * 64
    with caplog.at_level(logging.WARNING, logger="arfa.kb.compiled"):
        kb = compiled.load_compiled(compiled.dump(payload), SMALL)
    assert kb is not None and "folding its aliases again" in caplog.text
    assert kb.lookup("wrong") == []
    assert [a.entity_id for a in kb.lookup("فيينا")] == ["loc/vienna"]


def test_load_default_kb_reads_the_yaml_when_stale(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(compiled, "default_sources", lambda: SMALL)
    with caplog.at_level(logging.WARNING, logger="arfa.kb.compiled"):
        kb = store.load_default_kb.__wrapped__()
    assert "stale" in caplog.text
    assert sorted(e.id for e in kb) == ["loc/vienna", "org/osce", "per/guterres"]
    assert kb.get("loc/vienna") is not None and kb.get("loc/vienna").prior == 0.9  # type: ignore[union-attr]


@pytest.mark.parametrize(("entities", "keys"), [
    (["loc/a"], []),
    (["loc/a", "loc/a"], [[], []]),
])
def test_from_folded_rejects_unpaired_keys(entities: list[str], keys: list[list[tuple[str, Any]]]) -> None:
    built = [store.KBEntity(id=i, label=Label.LOC, name="A") for i in entities]
    with pytest.raises(KnowledgeBaseError, match="one-to-one"):
        KnowledgeBase.from_folded(built, keys)


def test_compile_script_writes_and_checks(tmp_path: Path) -> None:
    script = _script("compile_kb")
    for name, data in SMALL:
        (tmp_path / name).write_bytes(data)
    assert script.main(["--check", "--dir", str(tmp_path)]) == 1
    assert script.main(["--dir", str(tmp_path)]) == 0
    assert script.main(["--check", "--dir", str(tmp_path)]) == 0
    (tmp_path / "a.yaml").write_bytes(SMALL[0][1] + b"\n")
    assert script.main(["--check", "--dir", str(tmp_path)]) == 1
