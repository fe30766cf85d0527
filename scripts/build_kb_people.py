"""Generate ``gen_leaders.yaml`` and give the curated people their Wikidata QIDs.

Source: ``scripts/data/leaders.tsv``, heads of state and government and ministers of
foreign affairs of the region's states, with their Wikidata QIDs, taken from the
Wikidata-derived tables of EveryPolitician (``every-politician-scrapers/world-leaders-2021``
``data/wikidata.csv`` and ``every-politician-scrapers/world`` ``sources/foreign/wikidata.csv``;
Wikidata is CC0). Names are the English Wikipedia titles where the Wikidata label differs
(``Alexander Lukashenka`` -> ``Alexander Lukashenko``).

* a person the curated ``people.yaml`` already lists (same English name) is not generated
  again; ``--patch-curated`` writes the QID into that curated entry instead;
* the others go to ``gen_leaders.yaml`` with their English name only: no source gave
  Arabic or Persian spellings, and none are made up here.

Usage::

    PYTHONPATH=src python scripts/build_kb_people.py [--check] [--patch-curated]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path
from typing import Any

import yaml

from arfa.normalize import fold

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_kb import dump, entity, slug  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "scripts/data/leaders.tsv"
ADMIN1 = ROOT / "scripts/data/admin1.tsv"
KB_DIR = ROOT / "src/arfa/resources/kb"
SOURCE = "Wikidata (CC0) via EveryPolitician"

#: parents that are not countries of the divisions table
PARENTS = {"EU": "org/eu", "UN": "org/un", "XK": "loc/kosovo"}


def _rows(table: Path = TABLE) -> list[dict[str, str]]:
    with table.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _parents() -> dict[str, str]:
    with ADMIN1.open(encoding="utf-8", newline="") as handle:
        parents = {r["cc"]: r["parent"] for r in csv.DictReader(handle, delimiter="\t") if r["parent"]}
    return parents | PARENTS


def _curated(kb_dir: Path) -> tuple[dict[str, dict[str, Any]], set[str]]:
    """Curated people by folded English name, and every id of the other files."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    by_name: dict[str, dict[str, Any]] = {}
    ids: set[str] = set()
    for path in sorted(kb_dir.glob("*.yaml")):
        if path.name == "gen_leaders.yaml":
            continue
        for ent in yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or []:
            ids.add(ent["id"])
            if ent["label"] == "PER" and not path.name.startswith("gen_"):
                for name in [ent["name"], *(ent.get("names") or {}).get("en", [])]:
                    by_name.setdefault(fold(name), ent)
    return by_name, ids


def build(kb_dir: Path = KB_DIR) -> str:
    """The text of ``gen_leaders.yaml``."""
    by_name, ids = _curated(kb_dir)
    taken_q = {e.get("wikidata") for e in by_name.values()} - {None}
    parents = _parents()
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for row in _rows():
        if fold(row["name"]) in by_name or row["qid"] in taken_q or row["qid"] in seen:
            continue
        seen.add(row["qid"])
        ident = f"per/{slug(row['name'])}"
        if ident in ids:
            ident = f"per/{slug(row['name'])}-{row['qid'].lower()}"
        ids.add(ident)
        out.append(entity(
            id=ident, label="PER", name=row["name"], wikidata=row["qid"], kind="person",
            parent=parents.get(row["cc"]), names={"en": [row["name"]]}, source=f"{SOURCE}: {row['position']}",
        ))
    return dump(out, "scripts/data/leaders.tsv (Wikidata via EveryPolitician)").replace("scripts/build_kb.py", "scripts/build_kb_people.py", 1)


def patch_curated(kb_dir: Path = KB_DIR) -> int:
    """Write the source's QIDs into curated entries that lack one; returns how many."""
    by_name, _ = _curated(kb_dir)
    qids = {by_name[fold(r["name"])]["id"]: r["qid"] for r in _rows()
            if fold(r["name"]) in by_name and not by_name[fold(r["name"])].get("wikidata")}
    count = 0
    for path in sorted(kb_dir.glob("*.yaml")):
        if path.name.startswith("gen_"):
            continue
        text = path.read_text(encoding="utf-8")
        for ident, qid in qids.items():
            pattern = re.compile(rf"(\{{id: {re.escape(ident)}, label: PER, name: (?:[^,{{}}]|, (?!kind:))+?, )(kind: )")
            text, n = pattern.subn(rf"\g<1>wikidata: {qid}, \g<2>", text, count=1)
            count += n
        path.write_text(text, encoding="utf-8")
    return count


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    parser.add_argument("--patch-curated", action="store_true", help="add the QIDs to curated people")
    args = parser.parse_args(argv)
    if args.patch_curated:
        print(f"added {patch_curated()} QIDs to curated people")
    text = build()
    path = KB_DIR / "gen_leaders.yaml"
    if args.check:
        stale = not path.exists() or path.read_text(encoding="utf-8") != text
        print("stale: gen_leaders.yaml" if stale else "stale: none")
        return int(stale)
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path} ({text.count(chr(10)) - 1} entities)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
