"""Hostile knowledge-base YAML: refused with a short message naming the file, quickly.

Before the bounds, the 'billion laughs' file below hung ``Pipeline(extra_entities=...)``
and ``arfa extract --kb`` (2.9 GB, killed at 60 s): the error message's ``repr`` of
``id`` expanded the aliases. The cases that could hang run in a child process with a
memory cap and a 60 s kill, so a regression fails instead of stalling the suite.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from arfa.errors import KnowledgeBaseError
from arfa.kb import load_entities, safe_yaml
from arfa.kb.safe_yaml import describe, load_yaml_list


def _laughs(where: str) -> str:
    """Nine anchors, each a list of nine aliases of the one before: 9^9 values, 400 bytes."""
    lines = ['- a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"  {name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    body = {"id": "  id: *i\n  label: ORG\n  name: x",
            "names": "  id: org/x\n  label: ORG\n  name: x\n  names: {ar: *i}",
            "name": "  id: org/x\n  label: ORG\n  name: *i"}[where]
    return "\n".join(lines) + "\n" + body + "\n"


HOSTILE = {
    "laughs_in_id": (_laughs("id"), "aliases expand"),
    "laughs_in_names": (_laughs("names"), "aliases expand"),
    "laughs_in_name": (_laughs("name"), "aliases expand"),
    "mapping_aliases": ("- &m {" + ", ".join(f"k{i}: [1, 2, 3, 4, 5, 6, 7, 8, 9]" for i in range(9)) + "}\n"
                        + "- x: &n [" + ",".join(["*m"] * 9) + "]\n"
                        + "".join(f"- y{i}: &n{i} [" + ",".join(["*n"] * 40) + "]\n" for i in range(1))
                        + "- z: [" + ",".join(["*n0"] * 200) + "]\n", "aliases expand"),
    "deep_block_nesting": ("- x: &a 1\n  y: *a\n  id:\n" + "".join("  " * (i + 2) + "- \n" for i in range(60)),
                           "nested deeper"),
    "deep_without_aliases": ("- id:\n" + "".join("  " * (i + 2) + "- \n" for i in range(60)), "is invalid"),
    "deep_flow_nesting": ("- id: " + "[" * 100_000 + "]" * 100_000 + "\n", "not valid YAML"),
    "not_a_list": ("id: org/x\n", "a YAML list"),
    "broken": ("- id: [\n", "not valid YAML"),
    "huge_int_id": (f"- id: {'9' * 5000}\n  label: ORG\n  name: x\n", "cannot be read"),
}

_CHILD = textwrap.dedent("""
    import resource, sys
    resource.setrlimit(resource.RLIMIT_AS, (1 << 31, 1 << 31))
    from arfa.errors import KnowledgeBaseError
    from arfa.pipeline import Pipeline
    try:
        Pipeline("ar", recognizers=["gazetteer"], extra_entities=sys.argv[1])
    except KnowledgeBaseError as exc:
        print(exc)
        sys.exit(0)
    sys.exit("no error")
""")


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_file_is_refused_by_pipeline(tmp_path: Path, case: str) -> None:
    text, expected = HOSTILE[case]
    path = tmp_path / f"{case}.yaml"
    path.write_text(text, encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    message = done.stdout.strip()
    assert str(path) in message and expected in message
    assert len(message) < 1000  # never the expanded values


def test_hostile_file_is_refused_by_the_cli(tmp_path: Path) -> None:
    kb = tmp_path / "bomb.yaml"
    kb.write_text(_laughs("id"), encoding="utf-8")
    text = tmp_path / "a.txt"
    text.write_text("في فيينا", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "arfa", "extract", "--kb", str(kb), str(text)],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 1
    assert "aliases expand" in done.stderr and str(kb) in done.stderr and len(done.stderr) < 1000


def test_scalar_aliases_within_bounds_still_load() -> None:
    text = "- id: org/x\n  label: ORG\n  name: &n Example\n  names: {en: [*n, *n]}\n"
    [entity] = load_entities(load_yaml_list("kb.yaml", text))
    assert entity.names["en"] == ("Example", "Example")


def test_file_size_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safe_yaml, "MAX_CHARS", 100)
    with pytest.raises(KnowledgeBaseError, match="kb.yaml: file too large"):
        load_yaml_list("kb.yaml", "- id: org/x\n" * 20)


@pytest.mark.parametrize(("value", "shown"), [  # ids: pytest cannot str() a 5,000-digit int
    ("org/x", "'org/x'"),
    ("x" * 200, repr("x" * 77 + "...")),
    (None, "None"),
    (12, "12"),
    (10 ** 5000, "a large integer"),
    ([[1] * 9] * 9, "a list"),
    ({"a": 1}, "a mapping"),
], ids=["str", "long_str", "none", "int", "huge_int", "list", "mapping"])
def test_describe_never_expands(value: object, shown: str) -> None:
    assert describe(value) == shown
