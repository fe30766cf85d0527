"""The whole pipeline on the NER test splits, per recognizer chain.

``python scripts/bench_chain.py [--data ../shared/data] [--models DIR] [--chains NAME ...]
[--no-discipline] [--split dev|test] [--labels]``

The ``neural`` chains (``--chains gazetteer+dates+neural``) need the ``neural`` extra and
read ``neural-<lang>.safetensors`` from ``--models`` (default: shipped).

Each test sentence is joined with spaces into a text, its BIO tags become character
spans, the pipeline runs on the text, and PER/ORG/LOC spans (snapped to whole words,
labels equal) are scored. These corpora follow their own guidelines (ANERcorp tags
nationalities and some titles differently from arfa's), so the figures compare chains
with one another, not with the published figures of docs/models.md.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from arfa.evaluate import evaluate
from arfa.models import Document, Entity, Label
from arfa.pipeline import Pipeline
from arfa.recognize import merge as merge_module
from arfa.recognize.base import Recognizer
from arfa.recognize.crf import CRFRecognizer
from arfa.train.datasets import load_dev, load_splits

ROOT = Path(__file__).resolve().parents[1]
CHAINS = {"gazetteer+dates": ["gazetteer", "dates"], "gazetteer+dates+crf": ["gazetteer", "dates", "crf"],
          "crf alone": ["crf"], "gazetteer+dates+neural": ["gazetteer", "dates", "neural"],
          "neural alone": ["neural"], "gazetteer+dates+crf+neural": ["gazetteer", "dates", "crf", "neural"]}
DEFAULT_CHAINS = ["gazetteer+dates", "gazetteer+dates+crf", "crf alone"]


def to_doc(i: int, sentence: list[tuple[str, str]], lang: str) -> Document:
    text, spans, pos = "", [], 0
    current: list[int] | None = None
    for token, tag in sentence:
        if text:
            text += " "
            pos += 1
        start, end = pos, pos + len(token)
        text += token
        pos = end
        if tag.startswith("B-") or (tag.startswith("I-") and current is None):
            current = [start, end, tag[2:]]  # type: ignore[list-item]
            spans.append(current)
        elif tag.startswith("I-") and current is not None:
            current[1] = end
        else:
            current = None
    ents = [Entity(start=s, end=e, text=text[s:e], label=Label(lab)) for s, e, lab in spans
            if lab in ("PER", "ORG", "LOC")]
    return Document(id=str(i), lang=lang, text=text, entities=ents)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--limit", type=int, default=0, help="sentences per test set (0: all)")
    parser.add_argument("--models", type=Path,
                        help="folder with crf-<lang>.crfsuite / neural-<lang>.safetensors (default: shipped)")
    parser.add_argument("--chains", nargs="+", choices=list(CHAINS), default=DEFAULT_CHAINS)
    parser.add_argument("--no-discipline", action="store_true", help="CRF chunks as tagged")
    parser.add_argument("--split", choices=["test", "dev"], default="test", help="test sets or dev parts")
    parser.add_argument("--langs", nargs="+", default=["ar", "fa"])
    parser.add_argument("--no-context", action="store_true", help="KB matches always beat the model")
    parser.add_argument("--labels", action="store_true", help="P/R/F1 per label too")
    args = parser.parse_args()
    if args.no_context:
        merge_module.CONTEXT_SCORE = 2.0
    print("| set | chain | P | R | F1 | seconds |")
    print("|---|---|---:|---:|---:|---:|")
    for lang in args.langs:
        if args.split == "test":
            sets = load_splits(lang, args.data, with_train=False).tests
        else:
            sets = load_dev(lang, args.data)
        path = args.models / f"crf-{lang}.crfsuite" if args.models else None
        built: dict[str, Recognizer] = {"crf": CRFRecognizer(lang, path, discipline=not args.no_discipline)}
        if any("neural" in CHAINS[c] for c in args.chains):
            from arfa.recognize.neural import NeuralRecognizer

            neural_path = args.models / f"neural-{lang}.safetensors" if args.models else None
            built["neural"] = NeuralRecognizer(lang, neural_path, discipline=not args.no_discipline)
        for name, sentences in sets.items():
            if args.limit:
                sentences = sentences[: args.limit]
            gold = [to_doc(i, s, lang) for i, s in enumerate(sentences) if s]
            for chain in args.chains:
                names: list[str | Recognizer] = [built.get(n, n) for n in CHAINS[chain]]
                nlp = Pipeline(lang, recognizers=names)
                t = time.perf_counter()
                pred = {}
                for g in gold:
                    doc = nlp(g.text, id=g.id)
                    pred[g.id or ""] = doc.model_copy(update={
                        "entities": tuple(e for e in doc.entities if e.label is not Label.DATE)})
                secs = time.perf_counter() - t
                report = evaluate(gold, pred)
                m = report.micro
                print(f"| {name} | {chain} | {m.precision:.3f} | {m.recall:.3f} | {m.f1:.3f} | {secs:.1f} |",
                      flush=True)
                if args.labels:
                    for label in ("PER", "ORG", "LOC"):
                        s = report.labels[label]
                        print(f"|  | {label} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | |", flush=True)


if __name__ == "__main__":
    main()
