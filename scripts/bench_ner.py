"""Benchmark arfa's built-in CRF models on the public NER test sets.

Prints conlleval-style span P/R/F1 per label and micro (PER/ORG/LOC) for the
ANERcorp CAMeL test split, Arman test fold 1, PEYMA test and the NSURL-2019 test,
beside published figures, plus tagging speed on one core and model size.

Usage::

    PYTHONPATH=src python scripts/bench_ner.py [--data ../shared/data] [--models DIR]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from arfa.recognize.crf import CRFRecognizer, default_model_path, load_tagger
from arfa.train.datasets import load_splits
from arfa.train.evaluate import format_scores, score

#: Best published micro F1 on each test set, for comparison.
PUBLISHED = {
    "anercorp": ("AraBERT", 83.1),
    "arman": ("published, fold 1", 84.23),
    "peyma": ("ParsBERT", 93.4),
    "nsurl": ("NSURL-2019 best system", 85.4),
}


def _args(argv: list[str] | None) -> argparse.Namespace:
    here = Path(__file__).resolve().parents[1]
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--data", type=Path, default=here.parent / "shared" / "data")
    p.add_argument("--models", type=Path, help="folder with crf-ar.crfsuite / crf-fa.crfsuite")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the report; returns the exit status."""
    args = _args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    summary: list[str] = []
    for lang in ("ar", "fa"):
        path = args.models / f"crf-{lang}.crfsuite" if args.models else default_model_path(lang)
        rec = CRFRecognizer(lang, path)
        load_tagger(path)
        print(f"## {lang}: {path.name}, {path.stat().st_size / 1e6:.1f} MB")
        tests = load_splits(lang, args.data, with_train=False).tests
        n_tokens, seconds = 0, 0.0
        for name, sents in tests.items():
            start = time.perf_counter()
            pred = [rec.tag([tok for tok, _ in s])[0] for s in sents]
            seconds += time.perf_counter() - start
            n_tokens += sum(len(s) for s in sents)
            scores = score([[t for _, t in s] for s in sents], pred)
            print(format_scores(name, scores))
            who, fig = PUBLISHED[name]
            micro = scores["micro"]
            summary.append(
                f"| {name} | {100 * micro.precision:.1f} | {100 * micro.recall:.1f} | "
                f"{100 * micro.f1:.1f} | {fig} ({who}) |"
            )
        print(
            f"speed: {n_tokens / seconds:,.0f} tokens/s on one core "
            f"(features + Viterbi + marginals, {n_tokens} tokens)\n"
        )
    print("| test set | P | R | F1 | published F1 to beat |")
    print("|---|---|---|---|---|")
    print("\n".join(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
