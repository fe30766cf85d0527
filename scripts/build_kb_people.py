"""Generate ``gen_leaders.yaml`` and give the curated people their Wikidata QIDs.

Sources: ``scripts/data/leaders.tsv`` and ``ministers.tsv``, heads of state and government and ministers of
foreign affairs, members of the cabinets, heads of security services and parliaments of
the region's states and officials of the UN, with their Wikidata QIDs, taken from the
Wikidata-derived tables of EveryPolitician (``every-politician-scrapers/world-leaders-2021``
``data/wikidata.csv``, ``every-politician-scrapers/world`` ``sources/foreign/wikidata.csv`` and
``html/holders21.csv``, and the per-country repositories' ``data/wikidata.csv`` (current
cabinets) and ``html/holders21.csv`` (office holders since 2000, with English Wikipedia titles);
Wikidata is CC0). Names are the English Wikipedia titles where the Wikidata label differs
(``Alexander Lukashenka`` -> ``Alexander Lukashenko``).

* a person the curated ``people.yaml`` already lists (same English name) is not generated
  again; ``--patch-curated`` writes the QID into that curated entry instead;
* the others go to ``gen_leaders.yaml`` with their English names, and with the Arabic and
  Persian spellings that ``scripts/data/leaders_names.tsv`` lists for their QID (hand-written
  press spellings, see its header); each such name's last word becomes a ``short`` form.

Usage::

    PYTHONPATH=src python scripts/build_kb_people.py [--check] [--patch-curated]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from arfa.normalize import fold

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_kb import dump, entity, slug, write_or_check  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TABLES = (ROOT / "scripts/data/leaders.tsv", ROOT / "scripts/data/ministers.tsv")
ADMIN1 = ROOT / "scripts/data/admin1.tsv"
NAMES = ROOT / "scripts/data/leaders_names.tsv"
KB_DIR = ROOT / "src/arfa/resources/kb"
SOURCE = "Wikidata (CC0) via EveryPolitician"

#: rows whose match with a curated person of the same name is not certain (two people?)
UNSURE = frozenset({"Q109656595"})

#: parents that are not countries of the divisions table
PARENTS = {
    "EU": "org/eu", "UN": "org/un", "XK": "loc/kosovo",
    "GE-AB": "loc/abkhazia", "AZ-NK": "loc/nagorno-karabakh",  # GE-SO (South Ossetia) has no entity yet
}


def _rows(tables: tuple[Path, ...] = TABLES) -> list[dict[str, str]]:
    """Rows of the source tables, one per QID (the first wins), with ``names``: title and aliases."""
    rows: list[dict[str, str]] = []
    seen: set[str] = set()
    for table in tables:
        with table.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                if row["qid"] not in seen:
                    seen.add(row["qid"])
                    rows.append(row)
    return rows


def _names(row: dict[str, str]) -> list[str]:
    """The title, the title without its disambiguation, and the alternative spelling."""
    plain = re.sub(r" \([^)]*\)$", "", row["name"])
    return [row["name"], plain, *([row["alt"]] if row.get("alt") else [])]


def _spellings(table: Path = NAMES) -> dict[str, dict[str, list[str]]]:
    """Arabic and Persian names by QID from ``leaders_names.tsv`` (``|`` separates variants)."""
    with table.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return {r["qid"]: {lang: [n for n in r[lang].split("|") if n] for lang in ("ar", "fa")} for r in rows}


def _surnames(names: list[str], shared: frozenset[str] = frozenset()) -> list[str]:
    """The last word of each full name, where it is long enough to stand for the person
    and no other person of the table has it (``سينغ``, ``كارابيتيان`` name several)."""
    return list(dict.fromkeys(w for n in names if " " in n and len(w := n.split()[-1]) >= 4 and w not in shared))


#: last words that are name parts of many people, not surnames (``زاده`` of ``مهر علي زاده``)
NOT_SURNAMES = frozenset({"سينغ", "سینگ", "خان", "زاده", "الحق", "الله"})


def _shared_surnames(spellings: dict[str, dict[str, list[str]]]) -> frozenset[str]:
    """Words that cannot stand for one person: the last word of several people of the table,
    and every given name (the first word of a name: ``حسين``, ``صادق``)."""
    names = [n for local in spellings.values() for n in [*local["ar"], *local["fa"]]]
    counts = Counter(w for local in spellings.values() for w in set(_surnames([*local["ar"], *local["fa"]])))
    given = {n.split()[0] for n in names}
    return frozenset(w for w, n in counts.items() if n > 1) | given | NOT_SURNAMES


def _match(row: dict[str, str], by_name: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    return next((by_name[fold(n)] for n in _names(row) if fold(n) in by_name), None)


def _parents() -> dict[str, str]:
    with ADMIN1.open(encoding="utf-8", newline="") as handle:
        parents = {r["cc"]: r["parent"] for r in csv.DictReader(handle, delimiter="\t") if r["parent"]}
    return parents | PARENTS


#: letters that NFKD does not reduce to ASCII
_LETTERS = str.maketrans({"Đ": "D", "đ": "d", "Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Æ": "Ae", "æ": "ae", "ß": "ss", "ı": "i", "Þ": "Th", "þ": "th"})


def _slug(name: str) -> str:
    """``slug`` after spelling out the letters NFKD keeps (``Đukanović`` -> ``dukanovic``)."""
    return slug(name.translate(_LETTERS))


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
    spellings = _spellings()
    shared = _shared_surnames(spellings)
    out: list[dict[str, Any]] = []
    for row in _rows():
        if _match(row, by_name) is not None or row["qid"] in taken_q:
            continue
        local = spellings.pop(row["qid"], {})
        ident = f"per/{_slug(row['name'])}"
        if ident in ids:
            ident = f"per/{_slug(row['name'])}-{row['qid'].lower()}"
        ids.add(ident)
        out.append(entity(
            id=ident, label="PER", name=row["name"], wikidata=row["qid"], kind="person",
            parent=parents.get(row["cc"]), names={**local, "en": _names(row)},
            # a Chinese name puts the one-syllable surname first: no short form
            short=_surnames([*local.get("ar", []), *local.get("fa", [])], shared) if row["cc"] != "CN" else [],
            source=f"{SOURCE}: {row['position']}" + ("; ar/fa: scripts/data/leaders_names.tsv" if local else ""),
        ))
    if spellings:
        raise ValueError(f"leaders_names.tsv names QIDs that gen_leaders.yaml does not hold: {sorted(spellings)}")
    return dump(out, "scripts/data/leaders.tsv (Wikidata via EveryPolitician)").replace("scripts/build_kb.py", "scripts/build_kb_people.py", 1)


def patch_curated(kb_dir: Path = KB_DIR) -> int:
    """Write the source's QIDs into curated entries that lack one; returns how many."""
    by_name, _ = _curated(kb_dir)
    qids = {ent["id"]: r["qid"] for r in _rows()
            if (ent := _match(r, by_name)) is not None and not ent.get("wikidata") and r["qid"] not in UNSURE}
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
    return write_or_check({"gen_leaders.yaml": build()}, KB_DIR, check=args.check)


if __name__ == "__main__":
    raise SystemExit(main())
