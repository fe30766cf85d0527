"""Side-by-side speed of the whole default pipeline with two CRF model folders.

``PYTHONPATH=src python scripts/bench_crf_speed.py --old DIR --new DIR [--sentences 2000] [--langs ar fa]
[--new-neural]``

``--new-neural``: the new pipeline uses the BiLSTM-CRF of ``--new``
(``neural-<lang>.safetensors``, the ``neural`` extra) instead of a CRF: the default
chain against gazetteer + dates + neural, side by side. ``--new-model accurate``: the
new pipeline is ``Pipeline(lang, model="accurate")`` with the shipped models.

Texts: the first ``--sentences`` sentences of each test set, joined into documents of
20 sentences (varied news text). Both pipelines (gazetteer, dates, CRF) run on the same
documents, alternating in rounds, and the CPU time of this process (``time.process_time``,
robust on a shared machine) is summed per pipeline. Prints tokens per CPU second.

Each pipeline first runs once over every document, untimed: the caches the two share
(folded words, per-word features) would otherwise be filled by whichever runs first,
which then looked 30 to 50 % slower. Compare two *different* model files of a language:
with the same file twice, the per-word feature cache compares the two models' equal
(but distinct) attribute sets on every lookup, and the second pipeline looks many times slower.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from arfa.pipeline import Pipeline
from arfa.recognize.crf import CRFRecognizer
from arfa.train.datasets import load_splits

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    """Parse the arguments, run, print."""
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--old", type=Path, required=True)
    p.add_argument("--new", type=Path, required=True)
    p.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    p.add_argument("--sentences", type=int, default=2000)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--langs", nargs="+", choices=["ar", "fa"], default=["ar", "fa"])
    p.add_argument("--new-neural", action="store_true", help="the new pipeline tags with the neural model")
    p.add_argument("--new-model", help="the new pipeline is Pipeline(lang, model=NAME) (shipped models)")
    args = p.parse_args()
    print("| lang | model | tokens | CPU s | tokens / CPU s |")
    print("|---|---|---:|---:|---:|")
    for lang in args.langs:
        sents = [s for t in load_splits(lang, args.data, with_train=False).tests.values() for s in t]
        sents = sents[: args.sentences]
        docs = [" ".join(tok for s in sents[i : i + 20] for tok, _ in s) for i in range(0, len(sents), 20)]
        n_tokens = sum(len(s) for s in sents)
        nlps = {
            name: Pipeline(lang, recognizers=["gazetteer", "dates", CRFRecognizer(lang, folder / f"crf-{lang}.crfsuite")])
            for name, folder in (("old", args.old), ("new", args.new))
        }
        if args.new_neural:
            from arfa.recognize.neural import NeuralRecognizer

            neural = NeuralRecognizer(lang, args.new / f"neural-{lang}.safetensors")
            nlps["new"] = Pipeline(lang, recognizers=["gazetteer", "dates", neural])
        if args.new_model:
            nlps["new"] = Pipeline(lang, model=args.new_model)
        for nlp in nlps.values():  # load the models and fill the caches
            for doc in docs:
                nlp(doc)
        cpu = dict.fromkeys(nlps, 0.0)
        for _ in range(args.rounds):
            for name, nlp in nlps.items():
                t = time.process_time()
                for doc in docs:
                    nlp(doc)
                cpu[name] += time.process_time() - t
        for name, secs in cpu.items():
            total = n_tokens * args.rounds
            print(f"| {lang} | {name} | {total} | {secs:.1f} | {total / secs:,.0f} |", flush=True)


if __name__ == "__main__":
    main()
