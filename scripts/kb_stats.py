"""Print knowledge-base statistics as markdown: entities per type and kind, names per language, sources.

Usage::

    PYTHONPATH=src python scripts/kb_stats.py
"""

from __future__ import annotations

import time
from collections import Counter

from arfa.kb import load_default_kb


def _source(source: str) -> str:
    """The first word of a source note: its dataset."""
    return "GeoNames" if source.startswith("GeoNames") else source.split(" ")[0].rstrip(";:")


def main() -> int:
    """Print the tables."""
    start = time.perf_counter()
    kb = load_default_kb()
    elapsed = time.perf_counter() - start
    labels = Counter(str(e.label) for e in kb)
    kinds = Counter((str(e.label), e.kind) for e in kb)
    names: Counter[tuple[str, str]] = Counter()
    for entity in kb:
        for lang, values in entity.names.items():
            names[(str(entity.label), lang)] += len(values)
        names[(str(entity.label), "acronyms")] += len(entity.acronyms)
        names[(str(entity.label), "short")] += len(entity.short)
    sources = Counter(_source(e.source) for e in kb)
    print(f"{len(kb)} entities, {sum(1 for _ in kb.aliases())} alias entries; "
          f"load_default_kb() took {elapsed:.2f} s (cold)\n")
    print("| label | entities | with QID |\n|---|---:|---:|")
    for label in sorted(labels):
        qids = sum(1 for e in kb if str(e.label) == label and e.wikidata)
        print(f"| {label} | {labels[label]} | {qids} |")
    print("\n| label | kind | entities |\n|---|---|---:|")
    for (label, kind), count in sorted(kinds.items()):
        print(f"| {label} | {kind} | {count} |")
    print("\n| label | ar | fa | en | ru | acronyms | short |\n|---|---:|---:|---:|---:|---:|---:|")
    for label in sorted(labels):
        cells = " | ".join(str(names[(label, k)]) for k in ("ar", "fa", "en", "ru", "acronyms", "short"))
        print(f"| {label} | {cells} |")
    print("\n| source | entities | with QID | with ar | with fa |\n|---|---:|---:|---:|---:|")
    for source, count in sources.most_common():
        group = [e for e in kb if _source(e.source) == source]
        qids = sum(1 for e in group if e.wikidata)
        ar = sum(1 for e in group if e.names.get("ar"))
        fa = sum(1 for e in group if e.names.get("fa"))
        print(f"| {source} | {count} | {qids} | {ar} | {fa} |")
    with_qid = sum(1 for e in kb if e.wikidata)
    print(f"\nQID share: {with_qid}/{len(kb)} = {with_qid / len(kb):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
