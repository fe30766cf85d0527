"""Score one CRF model file on every dev part and test set of its language.

``PYTHONPATH=src python scripts/eval_crf.py --lang ar --model PATH [--data ../shared/data]``

The name list and cluster table next to the model (``names-<lang>.tsv``,
``clusters-<lang>.tsv``) are used when present, as the recognizer does. Prints
conlleval-style P/R/F1 per label and a one-line summary of micro F1 per set.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from arfa.recognize.crf import load_clusters, load_lexicon
from arfa.train.crf import tag_sentences
from arfa.train.datasets import load_splits
from arfa.train.evaluate import format_scores, score

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    """Parse the arguments, score, print."""
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--lang", required=True, choices=["ar", "fa"])
    p.add_argument("--model", type=Path, required=True)
    p.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    p.add_argument("--no-dev", action="store_true", help="test sets only")
    args = p.parse_args()
    splits = load_splits(args.lang, args.data, with_train=not args.no_dev)
    clusters = load_clusters(args.model)
    lexicon = load_lexicon(args.model)
    sets = {**({} if args.no_dev else {"dev": splits.dev, **splits.dev_parts}), **splits.tests}
    summary = []
    for name, sents in sets.items():
        scores = score([[t for _, t in s] for s in sents], tag_sentences(args.model, sents, args.lang, clusters, lexicon))
        print(format_scores(name, scores), flush=True)
        summary.append(f"{name} {100 * scores['micro'].f1:.2f}")
    print(f"SUMMARY {args.model.name}: " + " | ".join(summary))


if __name__ == "__main__":
    main()
