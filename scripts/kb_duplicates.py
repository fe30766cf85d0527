"""Find knowledge-base entities that are probably one entity listed twice.

Two entities of one label are reported when

* they carry the same Wikidata QID (always a duplicate), or
* they have the same kind, are not told apart by two different QIDs, and share a name
  key: the English name or an English alias reduced to its consonant skeleton
  (:func:`latin_key`: ``Mukhtar Tileuberdi`` and ``Mukhtar Tleuberdi`` both give
  ``mktrtlbrd``), or a folded Arabic or Persian name.

A name pair that was read and found to be two different entities (two cities of one
name in two countries, a person and their namesake) is listed in
``scripts/data/kb_distinct.tsv`` and no longer reported. ``tests/kb/test_duplicates.py``
fails when a new pair appears, so a duplicate is merged (or the pair reviewed) before
it ships.

Usage::

    PYTHONPATH=src python scripts/kb_duplicates.py          # list the unreviewed pairs
    PYTHONPATH=src python scripts/kb_duplicates.py --all    # also the reviewed ones
"""

from __future__ import annotations

import argparse
import csv
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from rapidfuzz import fuzz

from arfa.kb import KBEntity, load_default_kb
from arfa.normalize import fold

ROOT = Path(__file__).resolve().parents[1]
DISTINCT = ROOT / "scripts/data/kb_distinct.tsv"

#: letters that NFKD does not reduce to ASCII
_LETTERS = str.maketrans({"đ": "d", "ł": "l", "ø": "o", "æ": "ae", "ß": "ss", "ı": "i", "þ": "th", "ə": "a"})
#: spellings one transliteration writes and another does not (``kh``/``h``, ``dzh``/``j``)
_DIGRAPHS = ((r"dzh|dj|zh", "j"), (r"tch", "ch"), (r"kh", "h"), (r"ph", "f"), (r"ch|sh|th|gh", lambda m: m.group(0)[0]), (r"w", "v"), (r"q", "k"), (r"ck", "k"), (r"x", "ks"))
_DIGRAPH_RES = tuple((re.compile(p), r) for p, r in _DIGRAPHS)
_NON_LETTER = re.compile(r"[^a-z]+")
_VOWELS = re.compile(r"[aeiouyh]+")
_INNER_VOWELS = re.compile(r"[aeiou]+(?=[^aeiou\s])")
_REPEAT = re.compile(r"(.)\1+")
#: skeletons shorter than this say too little (``Ali``, ``Oman``)
MIN_KEY = 5
#: the least rapidfuzz ratio of the words two Latin names do not share (:func:`near`)
NEAR_RATIO = 80


@dataclass(frozen=True)
class Pair:
    """Two entities that look like one: their ids (sorted) and why."""

    first: str
    second: str
    reason: str


def latin_key(name: str) -> str:
    """The consonant skeleton of a Latin-script name, blind to transliteration habits.

    Args:
        name: an English name (``Sergey Vershinin``).

    Returns:
        Lower-case consonants without repeats, vowels, ``h`` and ``y`` (``srgvrsnn``);
        ``''`` for a name in another script.

    Examples:
        >>> latin_key("Mukhtar Tileuberdi") == latin_key("Mukhtar Tleuberdi")
        True
        >>> latin_key("Sergei Lavrov") == latin_key("Sergey Lavrov")
        True
    """
    text = unicodedata.normalize("NFKD", name.lower().translate(_LETTERS))
    text = "".join(c for c in text if not unicodedata.combining(c))
    for pattern, repl in _DIGRAPH_RES:
        text = pattern.sub(repl, text)
    text = _NON_LETTER.sub("", text)
    return _REPEAT.sub(r"\1", _VOWELS.sub("", text))


def _latin_names(entity: KBEntity) -> list[str]:
    return [entity.name, *entity.names.get("en", ())]


def plain(name: str) -> str:
    """A Latin-script name in lower-case ASCII letters and single spaces (``Mäulen`` -> ``maulen``)."""
    text = unicodedata.normalize("NFKD", name.lower().translate(_LETTERS))
    return " ".join(_NON_LETTER.sub(" ", "".join(c for c in text if not unicodedata.combining(c))).split())


def near(first: str, second: str) -> bool:
    """Whether two Latin names with one skeleton are spellings of one name, not two names.

    The words both names share are dropped; what is left must be one spelling
    (``tileuberdi``/``tleuberdi``, rapidfuzz ratio >= :data:`NEAR_RATIO`) or nothing on one
    side (``Haneef Atmar`` within ``Mohammad Haneef Atmar``). ``Akita Prefecture`` and
    ``Kyoto Prefecture`` share a skeleton and are two names.
    """
    words_a, words_b = plain(first).split(), plain(second).split()
    rest_a = " ".join(w for w in words_a if w not in words_b)
    rest_b = " ".join(w for w in words_b if w not in words_a)
    return (not rest_a or not rest_b or fuzz.ratio(_respell(rest_a), _respell(rest_b)) >= NEAR_RATIO
            or _vowel_form(rest_a) == _vowel_form(rest_b))


def _respell(text: str) -> str:
    """``text`` with the transliteration digraphs of :data:`_DIGRAPHS` written one way."""
    for pattern, repl in _DIGRAPH_RES:
        text = pattern.sub(repl, text)
    return text


def _vowel_form(text: str) -> str:
    """``text`` with each run of vowels inside a word one ``a`` (``haneef``, ``hanif`` -> ``hanaf``).

    ``y`` stays a consonant and a word's last vowel stays itself, so ``Oman``/``Yemen`` and
    ``Ribeiro``/``Ribera`` keep apart.
    """
    return _REPEAT.sub(r"\1", _INNER_VOWELS.sub("a", text))


def name_keys(entity: KBEntity) -> set[str]:
    """The keys of an entity's full names: Latin skeletons and folded Arabic-script names."""
    keys = {f"en:{k}" for n in _latin_names(entity) if len(k := latin_key(n)) >= MIN_KEY}
    keys |= {f"ar:{fold(n)}" for lang in ("ar", "fa") for n in entity.names.get(lang, ())}
    return keys


def read_distinct(path: Path = DISTINCT) -> set[tuple[str, str]]:
    """The reviewed pairs of different entities (ids sorted)."""
    if not path.is_file():
        return set()
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        pairs = ((r["first"], r["second"]) for r in rows)
        return {(a, b) if a <= b else (b, a) for a, b in pairs}


def _near_names(first: KBEntity, second: KBEntity, key: str) -> bool:
    names_a = [n for n in _latin_names(first) if latin_key(n) == key]
    names_b = [n for n in _latin_names(second) if latin_key(n) == key]
    return any(near(a, b) for a in names_a for b in names_b)


def find_duplicates(entities: Iterable[KBEntity], distinct: set[tuple[str, str]] | None = None) -> list[Pair]:
    """Pairs of entities that look like one entity, minus the reviewed ``distinct`` pairs.

    Args:
        entities: the knowledge base's entities.
        distinct: id pairs (sorted) known to be two entities; ``None`` reads the table.

    Returns:
        The pairs, sorted by ids.
    """
    distinct = read_distinct() if distinct is None else distinct
    ents = list(entities)
    found: dict[tuple[str, str], str] = {}
    by_qid: dict[tuple[str, str], list[KBEntity]] = defaultdict(list)
    by_key: dict[tuple[str, str, str], list[KBEntity]] = defaultdict(list)
    for ent in ents:
        if ent.wikidata:
            by_qid[(str(ent.label), ent.wikidata)].append(ent)
        for key in name_keys(ent):
            by_key[(str(ent.label), ent.kind, key)].append(ent)
    for (_, qid), group in by_qid.items():
        for a, b in combinations(sorted(group, key=lambda e: e.id), 2):
            found[(a.id, b.id)] = f"same QID {qid}"
    for (_, _, key), group in by_key.items():
        for a, b in combinations(sorted(group, key=lambda e: e.id), 2):
            if a.wikidata and b.wikidata and a.wikidata != b.wikidata:
                continue
            if key.startswith("en:") and not _near_names(a, b, key[3:]):
                continue
            found.setdefault((a.id, b.id), f"same name key {key}")
    return [Pair(a, b, why) for (a, b), why in sorted(found.items()) if (a, b) not in distinct]


def main(argv: list[str] | None = None) -> int:
    """Print the pairs as TSV; exit 1 when any unreviewed pair is left."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="also list the reviewed distinct pairs")
    args = parser.parse_args(argv)
    kb = load_default_kb()
    pairs = find_duplicates(kb, distinct=set() if args.all else None)
    print("first\tsecond\treason\tfirst_name\tsecond_name")
    for pair in pairs:
        a, b = kb.get(pair.first), kb.get(pair.second)
        print(f"{pair.first}\t{pair.second}\t{pair.reason}\t{a.name if a else ''}\t{b.name if b else ''}")
    return 1 if pairs else 0


if __name__ == "__main__":
    raise SystemExit(main())
