"""Score one BiLSTM-CRF model on every dev part and test set of its language, as eval_crf.py does.

``PYTHONPATH=src python scripts/eval_neural.py --lang ar --model PATH [--data ../shared/data]
[--no-dev] [--speed CRF_PATH] [--threads 1] [--hide-names]``

Prints conlleval-style P/R/F1 per label (:mod:`arfa.train.evaluate`, the scorer of
``scripts/eval_crf.py``) and a one-line summary of micro F1 per set. ``--speed`` also
tags the first ``--speed-sentences`` test sentences with the model and with the CRF at ``CRF_PATH`` (with the name
list and cluster table next to it) and prints tokens per CPU second of each, model
alone, one sentence at a time (as the CRF recognizer tags) and, for the neural model,
in batches of 64 (as :func:`arfa.train.neural.tag_sentences` does). torch runs on
``--threads`` threads. ``--hide-names`` tags with the name-list input set to "no match"
for every word (an inference-time ablation: how much the trained model leans on it).
"""

from __future__ import annotations

import argparse
import dataclasses
import time
from pathlib import Path

from arfa.recognize.neural import load_model
from arfa.train.datasets import load_splits
from arfa.train.evaluate import format_scores, score
from arfa.train.neural import tag_sentences

ROOT = Path(__file__).resolve().parents[1]


def _speed(args: argparse.Namespace, sents: list[list[tuple[str, str]]]) -> None:
    import torch

    from arfa.recognize.crf import CRFRecognizer
    from arfa.recognize.neural import NeuralRecognizer

    words = [[t for t, _ in s] for s in sents if s]
    n_tokens = sum(len(w) for w in words)
    crf = CRFRecognizer(args.lang, args.speed)
    neural = NeuralRecognizer(args.lang, args.model)
    model = load_model(args.model)
    runs = {
        "crf, one sentence at a time": lambda: [crf.tag(w) for w in words],
        "neural, one sentence at a time": lambda: [neural.tag(w) for w in words],
        "neural, batches of 64": lambda: tag_sentences(model, [[(t, "O") for t in w] for w in words]),
    }
    print(f"speed on {len(words)} test sentences, {n_tokens} tokens, torch threads {torch.get_num_threads()}")
    for name, run in runs.items():
        run()  # warm the caches (folded words, features) and torch
        t = time.process_time()
        run()
        cpu = time.process_time() - t
        print(f"  {name}: {cpu:.1f} CPU s, {n_tokens / cpu:,.0f} tokens / CPU s", flush=True)


def main() -> None:
    """Parse the arguments, score, print."""
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--lang", required=True, choices=["ar", "fa"])
    p.add_argument("--model", type=Path, required=True, help="neural-<lang>.safetensors")
    p.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    p.add_argument("--no-dev", action="store_true", help="test sets only")
    p.add_argument("--speed", type=Path, metavar="CRF_PATH", help="also time the model alone against this CRF")
    p.add_argument("--threads", type=int, default=1, help="torch threads (default 1)")
    p.add_argument("--speed-sentences", type=int, default=500, help="test sentences timed by --speed (default 500)")
    p.add_argument("--hide-names", action="store_true", help="no name-list matches as input (ablation)")
    args = p.parse_args()
    import torch

    torch.set_num_threads(args.threads)
    splits = load_splits(args.lang, args.data, with_train=not args.no_dev)
    model = load_model(args.model)
    if args.hide_names:
        model = dataclasses.replace(model, lexicon=None)
    sets = {**({} if args.no_dev else {"dev": splits.dev, **splits.dev_parts}), **splits.tests}
    summary = []
    for name, sents in sets.items():
        scores = score([[t for _, t in s] for s in sents], tag_sentences(model, sents))
        print(format_scores(name, scores), flush=True)
        summary.append(f"{name} {100 * scores['micro'].f1:.2f}")
    print(f"SUMMARY {args.model.name}: " + " | ".join(summary))
    if args.speed:
        _speed(args, [s for t in splits.tests.values() for s in t][: args.speed_sentences])


if __name__ == "__main__":
    main()
