"""Prove that a change keeps the pipeline's output: a canonical digest of the whole varied corpus.

``python scripts/check_output_identical.py --write before.jsonl``
    run the default pipeline over the corpus of :mod:`bench_corpus` (all of it by
    default; ``--mb`` per language for less) and write one canonical JSON line per
    document: every entity with every field, every token span and sentence span;
``python scripts/check_output_identical.py --against before.jsonl``
    run it again on the code as it is now and compare, document by document;
``python scripts/check_output_identical.py --rev main~1``
    write the reference from a git revision first (checked out with ``git worktree``
    in a temporary folder and imported through ``PYTHONPATH``), then compare.

Exits 0 when the outputs are identical, 1 otherwise, printing the first differences
(``--show``) and a count per kind: entity sets, token spans, sentence spans.
Uncommitted changes are part of "now" but not of ``--rev``: in a shared checkout,
prefer ``--write`` before a change and ``--against`` after it.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_corpus import DEFAULT_DATA, load_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
_ENTITY_FIELDS = ("start", "end", "text", "label", "canonical", "canonical_id", "wikidata", "value",
                  "score", "source", "calendar")


def digest_lines(mb: float, data: Path, langs: list[str]) -> list[str]:
    """One canonical JSON line per document of the corpus, in corpus order."""
    from arfa.pipeline import Pipeline

    nlp = Pipeline()
    lines: list[str] = []
    for lang in langs:
        for doc in load_corpus(lang, mb, data):
            out = nlp(doc.text, lang=lang)
            record: dict[str, Any] = {
                "id": doc.id,
                "lang": out.lang,
                "entities": [[_plain(getattr(e, f)) for f in _ENTITY_FIELDS] for e in out.entities],
                "tokens": " ".join(f"{t.start}-{t.end}" for t in out.tokens),
                "sentences": " ".join(f"{s.start}-{s.end}" for s in out.sentences),
            }
            lines.append(json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
    return lines


def _plain(value: Any) -> Any:
    return value.value if hasattr(value, "value") else value


def compare(ref_path: Path, now: list[str], show: int) -> int:
    """Print the differences between the reference file and ``now``; the number of differing documents."""
    ref = ref_path.read_text(encoding="utf-8").splitlines()
    if len(ref) != len(now):
        print(f"different corpora: {len(ref)} documents in {ref_path}, {len(now)} now (same --mb and data?)")
        return max(len(ref), len(now))
    kinds: Counter[str] = Counter()
    shown = 0
    differing = 0
    for old_line, new_line in zip(ref, now):
        if old_line == new_line:
            continue
        differing += 1
        old, new = json.loads(old_line), json.loads(new_line)
        for field in ("lang", "tokens", "sentences", "entities"):
            if old[field] != new[field]:
                kinds[field] += 1
        if shown < show:
            shown += 1
            print(f"--- {old['id']}")
            if old["entities"] != new["entities"]:
                before = {json.dumps(e, ensure_ascii=False) for e in old["entities"]}
                after = {json.dumps(e, ensure_ascii=False) for e in new["entities"]}
                for e in sorted(before - after)[:5]:
                    print(f"  - {e}")
                for e in sorted(after - before)[:5]:
                    print(f"  + {e}")
            if old["tokens"] != new["tokens"]:
                a, b = set(old["tokens"].split()), set(new["tokens"].split())
                print(f"  token spans only before: {sorted(a - b)[:8]}; only now: {sorted(b - a)[:8]}")
            if old["sentences"] != new["sentences"]:
                print("  sentence spans differ")
    total_entities = sum(len(json.loads(line)["entities"]) for line in now)
    print(f"{len(now)} documents, {total_entities:,} entities now; {differing} differ "
          f"({', '.join(f'{k}: {v}' for k, v in sorted(kinds.items())) or 'none'})")
    return differing


def reference_from_rev(rev: str, args: argparse.Namespace) -> Path:
    """Write the digest of ``rev`` (a temporary ``git worktree``) and return its path."""
    out = Path(tempfile.mkstemp(prefix="arfa-ref-", suffix=".jsonl")[1])
    tree = Path(tempfile.mkdtemp(prefix="arfa-rev-"))
    subprocess.run(["git", "worktree", "add", "--detach", str(tree), rev], cwd=ROOT, check=True,
                   capture_output=True)
    try:
        env = {**os.environ, "PYTHONPATH": str(tree / "src")}
        cmd = [sys.executable, str(Path(__file__).resolve()), "--write", str(out), "--mb", str(args.mb),
               "--data", str(args.data), "--langs", args.langs, "--expect-src", str(tree / "src")]
        subprocess.run(cmd, env=env, check=True)
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, check=False)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--write", type=Path, help="write the digest of the code as it is now")
    what.add_argument("--against", type=Path, help="compare the code as it is now with a digest file")
    what.add_argument("--rev", help="compare the code as it is now with a git revision")
    parser.add_argument("--mb", type=float, default=0.0, help="megabytes per language (0: the whole corpus)")
    parser.add_argument("--langs", default="ar,fa")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--show", type=int, default=10, help="differing documents to print")
    parser.add_argument("--expect-src", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    import arfa

    where = Path(arfa.__file__).resolve().parent
    if args.expect_src is not None and not where.is_relative_to(args.expect_src.resolve()):
        sys.exit(f"imported arfa from {where}, not from {args.expect_src}")
    ref = reference_from_rev(args.rev, args) if args.rev else args.against
    t0 = time.perf_counter()
    lines = digest_lines(args.mb, args.data, args.langs.split(","))
    print(f"arfa from {where}: {len(lines)} documents in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    if args.write is not None:
        args.write.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return
    assert ref is not None
    sys.exit(1 if compare(ref, lines, args.show) else 0)


if __name__ == "__main__":
    main()
