"""Training and evaluation of the name transliterator (:mod:`arfa.kb.translit`).

Data and splits, fixed by seeds so that a rerun gives the same table:

* ANETAC (``../shared/data/anetac``): one-word English-Arabic pairs, split by the
  hash of the Arabic spelling (all pairs of one spelling land in one part):
  90% train, 5% dev (tuning), 5% test (reported, never tuned on).
* The knowledge base's ar/fa/en names: 10% of the entities (by a hash of the id,
  stable as the KB grows) is the test part, another 5% the dev part; the rest gives word pairs (names whose Arabic or
  Persian form has as many words as the English one, each word pair passing a
  consonant-skeleton check, so translations such as ``ألمانيا``/``Germany`` are left out).

Training: EM over many-to-many alignments (source chunks of 1-2 letters, English
chunks of 0-4), a Viterbi alignment of every pair into graphones, and Witten-Bell
interpolated graphone n-grams written as log probabilities and back-off weights.
KB pairs count ``KB_WEIGHT`` times, so that the English Wikipedia spellings the KB
follows win over ANETAC's noisier ones.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import math
import random
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from arfa.kb.link import skeleton
from arfa.kb.store import KBEntity, load_default_kb
from arfa.kb.translit import BOUNDARY, FORMAT, Transliterator, name_key, source_word, target_word
from arfa.models import Label
from arfa.normalize import fold

__all__ = ["Pair", "Splits", "align", "build_table", "evaluate", "kb_word_pairs", "load_anetac", "main",
           "split_kb"]

_PARENS = re.compile(r"\([^()]*\)")
_WORD_SEP = re.compile(r"[\s\-]+")

logger = logging.getLogger(__name__)

KB_WEIGHT = 4.0
MAX_SOURCE = 2
MAX_TARGET = 4
SEED = 12
Graphone = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Pair:
    """One training word pair: folded source letters, English letters, a weight."""

    source: str
    target: str
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class Splits:
    """The ANETAC parts and the KB entity parts."""

    anetac_train: list[Pair]
    anetac_dev: list[Pair]
    anetac_test: list[Pair]
    kb_train: list[KBEntity]
    kb_dev: list[KBEntity]
    kb_test: list[KBEntity]


# ---------------------------------------------------------------- data


def load_anetac(path: Path) -> tuple[list[Pair], list[Pair], list[Pair]]:
    """ANETAC's pairs as train, dev and test parts (by hash of the Arabic spelling)."""
    parts: tuple[list[Pair], list[Pair], list[Pair]] = ([], [], [])
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split(" ")
        if len(fields) != 3:
            continue
        src, tgt = source_word(fields[2]), target_word(fields[1])
        if not src or not tgt:
            continue
        bucket = int(hashlib.sha1(src.encode("utf-8")).hexdigest()[:8], 16) % 20
        parts[2 if bucket == 0 else 1 if bucket == 1 else 0].append(Pair(src, tgt))
    return parts


def split_kb(entities: Sequence[KBEntity]) -> tuple[list[KBEntity], list[KBEntity], list[KBEntity]]:
    """Train, dev (5%) and test (10%) parts of the KB entities, by a hash of each id.

    A hash rather than a shuffle: an entity stays in its part when the KB grows.
    """
    parts: tuple[list[KBEntity], list[KBEntity], list[KBEntity]] = ([], [], [])
    for entity in sorted(entities, key=lambda e: e.id):
        bucket = int(hashlib.sha1(f"{SEED}:{entity.id}".encode()).hexdigest()[:8], 16) % 20
        parts[2 if bucket < 2 else 1 if bucket == 2 else 0].append(entity)
    return parts


def english_words(name: str) -> list[str]:
    """The words of an English name, parenthetical remarks left out."""
    name = _PARENS.sub(" ", name).replace(",", " ")
    return [w for w in (target_word(x) for x in _WORD_SEP.split(name)) if w]


def kb_word_pairs(entities: Iterable[KBEntity], weight: float = KB_WEIGHT) -> list[Pair]:
    """Word pairs from the entities' Arabic and Persian names and their English names."""
    pairs: list[Pair] = []
    for entity in entities:
        if entity.label is Label.ORG:
            continue  # organization names are translated, not transliterated
        english = [english_words(entity.name)] + [english_words(n) for n in entity.names.get("en", ())]
        for lang in ("ar", "fa"):
            for name in entity.names.get(lang, ()):
                words = [source_word(w) for w in fold(name).split()]
                words = [w for w in words if w]
                target = next((e for e in english if len(e) == len(words)), None)
                if target is None:
                    continue
                for src, tgt in zip(words, target):
                    if fuzz.ratio(skeleton(src), skeleton(tgt)) >= 60:
                        pairs.append(Pair(src, tgt, weight))
    return pairs


# ---------------------------------------------------------------- alignment


def _edges(src: str, tgt: str, i: int, j: int) -> Iterable[tuple[int, int, Graphone]]:
    for a in range(1, MAX_SOURCE + 1):
        if a > i:
            break
        for b in range(0, MAX_TARGET + 1):
            if b > j:
                break
            if a > 1 and b == 0:
                continue
            yield a, b, (src[i - a : i], tgt[j - b : j])


@cache
def _prior(graphone: Graphone) -> float:
    """The first EM step's weight: high when the consonant classes of both sides agree."""
    src, tgt = graphone
    agree = skeleton(src) == skeleton(tgt) if tgt else not skeleton(src)
    return (1.0 if agree else 0.02) * (1.0 if len(src) == 1 else 0.5)


def _em_step(pairs: Sequence[Pair], prob: dict[Graphone, float] | None) -> dict[Graphone, float]:
    counts: dict[Graphone, float] = defaultdict(float)
    for pair in pairs:
        src, tgt = pair.source, pair.target
        n, m = len(src), len(tgt)
        alpha = [[0.0] * (m + 1) for _ in range(n + 1)]
        alpha[0][0] = 1.0
        for i in range(1, n + 1):
            for j in range(m + 1):
                total = 0.0
                for a, b, g in _edges(src, tgt, i, j):
                    p = _prior(g) if prob is None else prob.get(g, 0.0)
                    if p:
                        total += alpha[i - a][j - b] * p
                alpha[i][j] = total
        z = alpha[n][m]
        if z <= 0.0:
            continue
        beta = [[0.0] * (m + 1) for _ in range(n + 1)]
        beta[n][m] = 1.0
        for i in range(n, 0, -1):
            for j in range(m, -1, -1):
                if beta[i][j] == 0.0:
                    continue
                for a, b, g in _edges(src, tgt, i, j):
                    p = _prior(g) if prob is None else prob.get(g, 0.0)
                    if p and alpha[i - a][j - b]:
                        beta[i - a][j - b] += beta[i][j] * p
                        counts[g] += pair.weight * alpha[i - a][j - b] * p * beta[i][j] / z
    total = sum(counts.values())
    return {g: c / total for g, c in counts.items() if c / total > 1e-7}


def _viterbi(pair: Pair, prob: dict[Graphone, float]) -> list[Graphone] | None:
    src, tgt = pair.source, pair.target
    n, m = len(src), len(tgt)
    best: list[list[tuple[float, tuple[int, int, Graphone] | None]]] = [
        [(-math.inf, None)] * (m + 1) for _ in range(n + 1)
    ]
    best[0][0] = (0.0, None)
    for i in range(1, n + 1):
        for j in range(m + 1):
            for a, b, g in _edges(src, tgt, i, j):
                p = prob.get(g)
                prev = best[i - a][j - b][0]
                if p and prev > -math.inf and prev + math.log(p) > best[i][j][0]:
                    best[i][j] = (prev + math.log(p), (a, b, g))
    if best[n][m][0] == -math.inf:
        return None
    out: list[Graphone] = []
    i, j = n, m
    while i or j:
        step = best[i][j][1]
        assert step is not None
        a, b, g = step
        out.append(g)
        i, j = i - a, j - b
    return out[::-1]


def align(pairs: Sequence[Pair], iterations: int = 4, sample: int = 30000) -> list[tuple[list[Graphone], float]]:
    """EM on a sample of the pairs, then a Viterbi alignment of every pair into graphones."""
    rng = random.Random(SEED)
    subset = list(pairs) if len(pairs) <= sample else rng.sample(list(pairs), sample)
    prob: dict[Graphone, float] | None = None
    for it in range(iterations):
        prob = _em_step(subset, prob)
        logger.info("EM iteration %d: %d graphones", it + 1, len(prob))
    assert prob is not None
    out = []
    for pair in pairs:
        path = _viterbi(pair, prob)
        if path is not None:
            out.append((path, pair.weight))
    return out


# ---------------------------------------------------------------- n-grams


_Key = tuple[Any, ...]


def witten_bell(
    sequences: Iterable[tuple[Sequence[Any], float]], order: int, boundary: Any, prune: float = 2.0
) -> tuple[list[tuple[_Key, float]], list[tuple[_Key, float]], float]:
    """Interpolated Witten-Bell n-grams: (n-gram, log p) rows, (context, log back-off) rows, floor.

    Every sequence is padded with ``order - 1`` boundaries before and one after.
    N-grams of order 2 and up seen less than ``prune`` times are left out (their
    mass goes to the back-off), as are back-off weights of contexts with no n-gram left.
    """
    counts: list[dict[_Key, float]] = [defaultdict(float) for _ in range(order)]
    for items, weight in sequences:
        seq = [boundary] * (order - 1) + list(items) + [boundary]
        for k in range(order - 1, len(seq)):
            for o in range(1, order + 1):
                counts[o - 1][tuple(seq[k - o + 1 : k + 1])] += weight
    types1 = len(counts[0])
    total1 = sum(counts[0].values())
    prob: list[dict[_Key, float]] = [{k: (c + 0.5) / (total1 + 0.5 * types1) for k, c in counts[0].items()}]
    rows = [(k, round(math.log(p), 4)) for k, p in prob[0].items()]
    backoff: list[tuple[_Key, float]] = []
    for o in range(2, order + 1):
        ctx_total: dict[_Key, float] = defaultdict(float)
        ctx_types: dict[_Key, int] = defaultdict(int)
        for key, c in counts[o - 1].items():
            ctx_total[key[:-1]] += c
            ctx_types[key[:-1]] += 1
        level: dict[_Key, float] = {}
        kept: set[_Key] = set()
        for key, c in counts[o - 1].items():
            ctx = key[:-1]
            p = (c + ctx_types[ctx] * prob[o - 2][key[1:]]) / (ctx_total[ctx] + ctx_types[ctx])
            level[key] = p
            if c >= prune:
                rows.append((key, round(math.log(p), 4)))
                kept.add(ctx)
        prob.append(level)
        backoff.extend((ctx, round(math.log(ctx_types[ctx] / (ctx_total[ctx] + ctx_types[ctx])), 4))
                       for ctx in ctx_total if ctx in kept)
    return rows, backoff, round(math.log(0.5 / (total1 + 0.5 * types1)), 4)


def build_table(
    aligned: Sequence[tuple[list[Graphone], float]], order: int = 3, prune: float = 2.0,
    words: Sequence[tuple[str, float]] = (), char_order: int = 4,
) -> dict[str, Any]:
    """A JSON-ready table: graphone n-grams and, from ``words``, an English letter model."""
    inventory: dict[Graphone, int] = {("", ""): BOUNDARY}
    sequences = [([inventory.setdefault(g, len(inventory)) for g in path], weight) for path, weight in aligned]
    rows, backoff, floor = witten_bell(sequences, order, BOUNDARY, prune)
    table: dict[str, Any] = {
        "format": FORMAT, "order": order,
        "graphones": [list(g) for g, _ in sorted(inventory.items(), key=lambda item: item[1])],
        "ngrams": [[*k, p] for k, p in rows], "backoff": [[*k, p] for k, p in backoff], "floor": floor,
        "lexicon": {}, "vocab": [], "vocab_bonus": 0.0, "lm_weight": 0.0,
        "charlm": {"order": char_order, "ngrams": {}, "backoff": {}, "floor": 0.0},
    }
    if words:
        c_rows, c_backoff, c_floor = witten_bell(words, char_order, "^", prune)
        table["charlm"] = {"order": char_order, "floor": c_floor,
                           "ngrams": {"".join(k): p for k, p in c_rows},
                           "backoff": {"".join(k): p for k, p in c_backoff}}
    return table


# ---------------------------------------------------------------- evaluation


def _english_forms(entity: KBEntity) -> set[str]:
    return {" ".join(english_words(n)) for n in (entity.name, *entity.names.get("en", ()))}


def evaluate(model: Transliterator, anetac: Sequence[Pair], kb: Sequence[KBEntity]) -> dict[str, Any]:
    """Exact and within-one-edit accuracy on word pairs and on KB names; ar/fa agreement."""
    report: dict[str, Any] = {}
    exact = near = 0
    for pair in anetac:
        got = model.word(pair.source)
        exact += got == pair.target
        near += Levenshtein.distance(got, pair.target) <= 1
    report["anetac"] = {"n": len(anetac), "exact": _ratio(exact, len(anetac)), "edit1": _ratio(near, len(anetac))}
    agree_name = agree_id = both = 0
    for lang in ("ar", "fa"):
        hits: Counter[str] = Counter()
        for entity in kb:
            if entity.label is Label.ORG or not entity.names.get(lang):
                continue
            forms = _english_forms(entity)
            got = " ".join(english_words(model.name(entity.names[lang][0], entity.label)))
            hits["n"] += 1
            hits["exact"] += got in forms
            hits["edit1"] += min(Levenshtein.distance(got, f) for f in forms) <= 1
            hits[f"n_{entity.label}"] += 1
            hits[f"exact_{entity.label}"] += got in forms
        report[f"kb_{lang}"] = {"n": hits["n"], "exact": _ratio(hits["exact"], hits["n"]),
                                "edit1": _ratio(hits["edit1"], hits["n"]),
                                **{f"exact_{lb}": _ratio(hits[f"exact_{lb}"], hits[f"n_{lb}"])
                                   for lb in ("PER", "LOC")}}
    for entity in kb:
        if entity.label is Label.ORG or not entity.names.get("ar") or not entity.names.get("fa"):
            continue
        a = model.name(entity.names["ar"][0], entity.label)
        f = model.name(entity.names["fa"][0], entity.label)
        both += 1
        agree_name += a.lower() == f.lower()
        agree_id += name_key(a, entity.label) == name_key(f, entity.label)
    report["agreement"] = {"n": both, "name": _ratio(agree_name, both), "key": _ratio(agree_id, both)}
    return report


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


# ---------------------------------------------------------------- main


def train(
    splits: Splits, order: int = 3, vocab_bonus: float = 2.0, lm_weight: float = 0.5, sample: int = 30000
) -> tuple[Transliterator, dict[str, Any]]:
    """Align, count, and add the exception lexicon and the name vocabulary: the model and its table."""
    kb_pairs = kb_word_pairs(splits.kb_train)
    pairs = [*splits.anetac_train, *kb_pairs]
    aligned = align(pairs, sample=sample)
    table = build_table(aligned, order=order, words=[(p.target, p.weight) for p in pairs])
    table["vocab"], table["vocab_bonus"] = sorted({p.target for p in kb_pairs}), vocab_bonus
    table["lm_weight"] = lm_weight
    model = Transliterator(table)
    best: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for pair in kb_pairs:
        best[pair.source][pair.target] += pair.weight
    lexicon = {}
    for src, targets in sorted(best.items()):
        target = max(targets, key=targets.__getitem__)  # the first of equals, as inserted
        if model.word(src) != target:
            lexicon[src] = target
    table["lexicon"] = lexicon
    return Transliterator(table), table


def make_splits(anetac_path: Path) -> Splits:
    """The fixed splits of ANETAC and of the shipped KB."""
    a_train, a_dev, a_test = load_anetac(anetac_path)
    k_train, k_dev, k_test = split_kb(list(load_default_kb()))
    return Splits(a_train, a_dev, a_test, k_train, k_dev, k_test)


def main(argv: Sequence[str] | None = None) -> int:
    """``python scripts/train_translit.py [--data DIR] [--out FILE] [--eval test|dev]``."""
    parser = argparse.ArgumentParser(prog="train_translit", description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/anetac/EN-AR_Named-entities.txt"))
    parser.add_argument("--out", type=Path, default=None, help="where to write the table JSON")
    parser.add_argument("--eval", choices=("dev", "test", "none"), default="dev")
    parser.add_argument("--order", type=int, default=3)
    parser.add_argument("--vocab-bonus", type=float, default=2.0)
    parser.add_argument("--lm-weight", type=float, default=0.5)
    parser.add_argument("--sample", type=int, default=30000, help="pairs used by EM")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    splits = make_splits(args.data)
    model, table = train(splits, order=args.order, vocab_bonus=args.vocab_bonus,
                         lm_weight=args.lm_weight, sample=args.sample)
    if args.out is not None:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(table, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        logger.info("wrote %s (%d graphones, %d lexicon words)", args.out, len(model.graphones), len(model.lexicon))
    if args.eval != "none":
        anetac = splits.anetac_dev if args.eval == "dev" else splits.anetac_test
        kb = splits.kb_dev if args.eval == "dev" else splits.kb_test
        print(json.dumps({"split": args.eval, **evaluate(model, anetac, kb)}, indent=1))
    return 0
