"""Dev micro F1 of one CRF model at several score thresholds (model alone, no chain).

``PYTHONPATH=src python scripts/tune_threshold.py --lang ar --model PATH [--data ../shared/data]``

A chunk's score is the lowest marginal of its tokens' labels, as
:class:`arfa.recognize.crf.CRFRecognizer` computes it; chunks under the threshold are
dropped (tagged ``O``) before scoring. Only the dev parts are read (the tuning set,
WikiANN's silver dev aside): test sets never choose a threshold.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from arfa.recognize.base import iob_chunks
from arfa.recognize.crf import CRFRecognizer
from arfa.train.datasets import load_dev
from arfa.train.evaluate import score

ROOT = Path(__file__).resolve().parents[1]
THRESHOLDS = (0.0, 0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6)


def _drop_below(tags: list[str], probs: list[float], threshold: float) -> list[str]:
    out = list(tags)
    for start, end, _ in iob_chunks(tags):
        if min(probs[start:end]) < threshold:
            out[start:end] = ["O"] * (end - start)
    return out


def main() -> None:
    """Parse the arguments, tag dev once, print one line per threshold."""
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--lang", required=True, choices=["ar", "fa"])
    p.add_argument("--model", type=Path, required=True)
    p.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    p.add_argument("--thresholds", type=float, nargs="+", default=list(THRESHOLDS))
    args = p.parse_args()
    rec = CRFRecognizer(args.lang, args.model)
    parts = load_dev(args.lang, args.data)
    sents = [s for part in parts.values() for s in part]
    gold = [[t for _, t in s] for s in sents]
    tagged = [rec.tag([w for w, _ in s]) for s in sents]
    print("| threshold | dev P | dev R | dev F1 |")
    print("|---:|---:|---:|---:|")
    for th in args.thresholds:
        micro = score(gold, [_drop_below(tags, probs, th) for tags, probs in tagged])["micro"]
        print(f"| {th:g} | {100 * micro.precision:.2f} | {100 * micro.recall:.2f} | {100 * micro.f1:.2f} |")


if __name__ == "__main__":
    main()
