"""Tune the linker's fuzzy threshold on pairs drawn from the KB itself (not the seeds gold).

Positives: two different folded Arabic-script names of one entity (e.g. mledoze vs
world_countries vs CLDR spellings of a country, GeoNames ar/fa variants of a city,
curated variants of an organization). Negatives: names of two different entities
with the same label, sampled at random with a fixed seed. For each threshold the
script prints precision, recall and F1 of ``rapidfuzz.fuzz.ratio >= threshold``
and of skeleton equality, as a markdown table (copied into docs/kb.md).

Usage::

    PYTHONPATH=src python scripts/tune_fuzzy.py [--negatives 20000]
"""

from __future__ import annotations

import argparse
import itertools
import random

from rapidfuzz import fuzz

from arfa.kb import load_default_kb
from arfa.kb.link import SKELETON_MIN, is_latin, skeleton
from arfa.normalize import fold


def pairs(n_negatives: int, seed: int = 13) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Positive and negative name pairs (folded, Arabic script, 5+ letters)."""
    kb = load_default_kb()
    names: dict[str, list[str]] = {}
    label_of: dict[str, str] = {}
    for entity in kb:
        keys = sorted({fold(n) for lang in ("ar", "fa") for n in entity.names.get(lang, ())})
        keys = [k for k in keys if len(k.replace(" ", "")) >= 5 and not is_latin(k)]
        if keys:
            names[entity.id] = keys
            label_of[entity.id] = str(entity.label)
    positives = [p for keys in names.values() for p in itertools.combinations(keys, 2)]
    rng = random.Random(seed)
    ids = sorted(names)
    negatives: list[tuple[str, str]] = []
    while len(negatives) < n_negatives:
        a, b = rng.sample(ids, 2)
        if label_of[a] == label_of[b]:
            negatives.append((rng.choice(names[a]), rng.choice(names[b])))
    return positives, negatives


def main(argv: list[str] | None = None) -> int:
    """Print the threshold table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--negatives", type=int, default=20000)
    args = parser.parse_args(argv)
    positives, negatives = pairs(args.negatives)
    pos = [fuzz.ratio(a, b) for a, b in positives]
    neg = [fuzz.ratio(a, b) for a, b in negatives]
    print(f"{len(positives)} positive pairs, {len(negatives)} negative pairs\n")
    print("| threshold | precision | recall | F1 | false positives per 10k negatives |")
    print("|---:|---:|---:|---:|---:|")
    for threshold in range(70, 100, 2):
        tp = sum(s >= threshold for s in pos)
        fp = sum(s >= threshold for s in neg)
        # weigh negatives as if there were as many as positives (a balanced estimate)
        fp_scaled = fp * len(pos) / len(neg)
        precision = tp / (tp + fp_scaled) if tp + fp_scaled else 1.0
        recall = tp / len(pos)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"| {threshold} | {precision:.3f} | {recall:.3f} | {f1:.3f} | {fp * 10000 / len(neg):.1f} |")

    def same_skeleton(a: str, b: str) -> bool:
        return len(skeleton(a)) >= SKELETON_MIN and skeleton(a) == skeleton(b)

    tp = sum(same_skeleton(a, b) for a, b in positives)
    fp = sum(same_skeleton(a, b) for a, b in negatives)
    print(f"\nskeleton equality (>= {SKELETON_MIN} letters): recall {tp / len(positives):.3f}, "
          f"false positives {fp * 10000 / len(negatives):.1f} per 10k negatives")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
