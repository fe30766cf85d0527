"""Every regular expression arfa runs takes time linear in the length of its input.

A pattern such as ``[.!?]+(?=\\s)`` searched over 100,000 dots rescans the run from
every position: quadratic, minutes instead of milliseconds. The checks here:

* :func:`test_regexes_are_module_level`: every regex in ``src/arfa`` is a
  module-level ``NAME = re.compile(...)``; no other ``re.*`` call exists (except in
  import-time constants), so the list the sweep checks is complete by construction.
* :func:`test_regex_sweep_finishes`: each pattern (and the hazm pattern arfa runs)
  is searched over 100,000-character runs of every character it names, of every
  pair of them, and of runs ended by each of them. The sweep runs in a child
  process killed after 60 s, which only a real blow-up reaches (a linear pattern
  takes well under a second per input); no time is measured in the test.
* The rewritten patterns find exactly what the old ones found (hypothesis), and the
  tokenizers and the pipeline give the right result on 100,000-character runs.

Run as a script to print each pattern's worst input and time (for
``docs/reliability.md``)::

    PYTHONPATH=src python tests/test_regexes.py
"""

from __future__ import annotations

import ast
import importlib
import json
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from itertools import permutations
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "arfa"
RUN = 100_000
MAX_ALPHABET = 8

try:  # Python 3.11+
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse  # type: ignore[no-redef]

# Representatives of the classes \d \s \w and their negations.
_CATEGORY_CHARS = {
    "CATEGORY_DIGIT": "7٣",
    "CATEGORY_NOT_DIGIT": "ب.",
    "CATEGORY_SPACE": " \n",
    "CATEGORY_NOT_SPACE": "ب.",
    "CATEGORY_WORD": "بa_5",
    "CATEGORY_NOT_WORD": ". ",
}
_ALWAYS = "ب. \n"


def _regexes() -> list[tuple[str, str, int]]:
    """``(where, pattern, flags)`` of every ``re.compile`` in ``src/arfa``.

    A literal pattern is read from the source; one built from language data
    (``re.compile(ar.LETTER)``) is read from the imported module's attribute.
    """
    found: list[tuple[str, str, int]] = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {id(n.value): n.targets[0].id for n in tree.body
                 if isinstance(n, ast.Assign) and isinstance(n.targets[0], ast.Name)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _is_re_call(node, "compile"):
                where = f"{path.relative_to(SRC.parent)}:{node.lineno}"
                if isinstance(node.args[0], ast.Constant):
                    flags = 0
                    for arg in [*node.args[1:], *(k.value for k in node.keywords)]:
                        flags |= _flag_value(arg)
                    found.append((where, node.args[0].value, flags))
                else:
                    module = ".".join(path.relative_to(SRC.parent).with_suffix("").parts)
                    compiled = getattr(importlib.import_module(module), names[id(node)])
                    found.append((where, compiled.pattern, compiled.flags & ~re.UNICODE))
    return found


def _flag_value(node: ast.expr) -> int:
    if isinstance(node, ast.BinOp):
        return _flag_value(node.left) | _flag_value(node.right)
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "re":
        return int(getattr(re, node.attr))
    raise AssertionError(f"flags must be re.X constants, not {ast.dump(node)}")


def _is_re_call(node: ast.Call, name: str | None = None) -> bool:
    func = node.func
    return (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
            and func.value.id == "re" and (name is None or func.attr == name))


def _alphabet(pattern: str, flags: int) -> list[str]:
    """Characters the pattern names: literals, range ends and middles, class representatives."""
    chars: dict[str, None] = {}

    def add(text: str) -> None:
        for ch in text:
            chars.setdefault(ch)

    def walk(items: object) -> None:
        for op, av in items:  # type: ignore[attr-defined]
            name = str(op)
            if name in ("LITERAL", "NOT_LITERAL"):
                add(chr(av))
            elif name == "IN":
                for iop, iav in av:
                    iname = str(iop)
                    if iname == "LITERAL":
                        add(chr(iav))
                    elif iname == "RANGE":
                        add(chr(iav[0]) + chr(iav[1]) + chr((iav[0] + iav[1]) // 2))
                    elif iname == "CATEGORY":
                        add(_CATEGORY_CHARS.get(str(iav), ""))
            elif name == "CATEGORY":
                add(_CATEGORY_CHARS.get(str(av), ""))
            elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
                walk(av[2])
            elif name == "SUBPATTERN":
                walk(av[-1])
            elif name == "BRANCH":
                for branch in av[1]:
                    walk(branch)
            elif name in ("ASSERT", "ASSERT_NOT"):
                walk(av[1])
            elif name == "ATOMIC_GROUP":
                walk(av)

    walk(sre_parse.parse(pattern, flags))
    add(_ALWAYS)
    return list(chars)[:MAX_ALPHABET]


def _inputs(alphabet: list[str]) -> Iterator[tuple[str, str]]:
    """(description, text): runs of each character, of each pair, and runs ended by another."""
    for c in alphabet:
        yield f"{c!r} * {RUN:,}", c * RUN
    for a, b in permutations(alphabet, 2):
        yield f"{a + b!r} * {RUN // 2:,}", (a + b) * (RUN // 2)
        yield f"{a!r} * {RUN:,} + {b!r}", a * RUN + b


def sweep(pattern: str, flags: int) -> tuple[str, float, int]:
    """Search every input; returns the slowest input, its time and the number of inputs.

    Asserts, for every input, that the matches are in order, inside the text and
    never overlap.
    """
    compiled = re.compile(pattern, flags)
    worst, worst_time, count = "", -1.0, 0
    for description, text in _inputs(_alphabet(pattern, flags)):
        count += 1
        began = time.perf_counter()
        spans = [m.span() for m in compiled.finditer(text)]
        took = time.perf_counter() - began
        end = 0
        for s, e in spans:
            assert end <= s <= e <= len(text), (description, s, e)
            end = max(e, s + 1) if s == e else e
        if took > worst_time:
            worst, worst_time = description, took
    return worst, worst_time, count


def _third_party() -> list[tuple[str, str, int]]:
    """Patterns of the libraries arfa calls on the whole text (hazm's word splitter)."""
    try:
        from hazm import WordTokenizer
    except ImportError:  # pragma: no cover - hazm is a core dependency
        return []
    pattern = WordTokenizer(join_verb_parts=False).pattern
    return [("hazm WordTokenizer.pattern", pattern.pattern, pattern.flags & ~re.UNICODE)]


# ---------------------------------------------------------------------------- tests

import pytest  # noqa: E402  (the script mode above needs none of the test imports)


def test_regexes_are_module_level() -> None:
    problems: list[str] = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        top_level = {id(node.value) for node in tree.body if isinstance(node, ast.Assign)}
        # import-time code over constants (``frozenset(c for c in ... if re.fullmatch(LETTER, c))``)
        import_time = {id(sub) for node in tree.body if isinstance(node, ast.Assign) for sub in ast.walk(node)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _is_re_call(node):
                where = f"{path.relative_to(SRC.parent)}:{node.lineno}"
                if not _is_re_call(node, "compile"):
                    if id(node) not in import_time:
                        problems.append(f"{where}: re.{node.func.attr}() outside a compiled pattern")  # type: ignore[attr-defined]
                elif id(node) not in top_level:
                    problems.append(f"{where}: re.compile() not assigned at module level")
    assert not problems, problems
    assert len(_regexes()) >= 15  # the sweep below sees every one of them


@pytest.mark.parametrize(("where", "pattern", "flags"), _regexes() + _third_party(),
                         ids=lambda v: v if isinstance(v, str) and ":" in v or "hazm" in str(v) else "")
def test_regex_sweep_finishes(where: str, pattern: str, flags: int) -> None:
    # A child process killed after 60 s: a quadratic pattern needs minutes per input.
    done = subprocess.run(
        [sys.executable, __file__, "--sweep", json.dumps([pattern, flags])],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == 0, done.stderr
    worst, _, count = json.loads(done.stdout)
    assert count >= 16 and worst


OLD_SENT_END = re.compile(r"[.!?؟؛…]+[\"'”»)\]]*(?=\s)|\n\s*\n|\n")
OLD_HAZM_END = re.compile(r"([!.?⸮؟]+)[ \n]+")


def _hypothesis_text() -> object:
    from hypothesis import strategies as st

    return st.text(st.sampled_from(list(".!?؟؛…\"'”»)] \n\tبa⸮")), max_size=60)


def test_sentence_end_finds_what_the_old_pattern_found() -> None:
    from hypothesis import given

    from arfa.tokenize.base import _SENT_END

    @given(_hypothesis_text())
    def check(text: str) -> None:
        assert [m.span() for m in _SENT_END.finditer(text)] == [m.span() for m in OLD_SENT_END.finditer(text)]

    check()


def test_hazm_sentence_end_is_replaced_by_an_equivalent() -> None:
    from hypothesis import given

    from arfa.tokenize.fa import _HAZM_SENTENCE_END, _hazm

    assert _hazm()[1].pattern is _HAZM_SENTENCE_END  # installed on the instance arfa uses

    @given(_hypothesis_text())
    def check(text: str) -> None:
        assert _HAZM_SENTENCE_END.sub(r"\1\n\n", text) == OLD_HAZM_END.sub(r"\1\n\n", text)

    check()


@pytest.mark.parametrize("mark", [".", "!", "؟", "…", "!?"])
def test_sentence_split_of_a_long_run(mark: str) -> None:
    from arfa.tokenize.base import split_sentences

    run = mark * (RUN // len(mark))
    assert split_sentences(run + " ب", ()) == [(0, RUN), (RUN + 1, RUN + 2)]
    assert split_sentences(run + "ب", ()) == [(0, RUN + 1)]


@pytest.mark.parametrize("lang", ["ar", "fa"])
@pytest.mark.parametrize("char", [".", "\x00", "#"])
def test_tokenizers_on_long_runs(lang: str, char: str) -> None:
    from arfa.tokenize.base import get_tokenizer

    text = char * RUN + " فيينا."
    result = get_tokenizer(lang)(text)
    assert result.tokens[-2].text == "فيينا" and result.tokens[-1].text == "."
    assert all(text[t.start : t.end] == t.text for t in result.tokens)
    assert sum(t.end - t.start for t in result.tokens[:-2]) == RUN  # the run is covered, nothing lost


def test_extract_on_a_run_of_dots() -> None:
    from arfa import extract

    doc = extract("." * RUN)
    assert doc.entities == () and len(doc.tokens) == RUN
    assert doc.sentences[0].start == 0 and doc.sentences[-1].end == RUN


if __name__ == "__main__":
    if sys.argv[1:2] == ["--sweep"]:
        given_pattern, given_flags = json.loads(sys.argv[2])
        print(json.dumps(sweep(given_pattern, given_flags)))
        sys.exit(0)
    print("| pattern | where | inputs | worst input | seconds |\n|---|---|---:|---|---:|")
    for where_, pattern_, flags_ in _regexes() + _third_party():
        worst_, took_, count_ = sweep(pattern_, flags_)
        shown = pattern_ if len(pattern_) <= 60 else pattern_[:57] + "..."
        shown = shown.replace("|", "\\|")
        print(f"| `{shown}` | {where_} | {count_} | `{worst_}` | {took_:.3f} |", flush=True)
