"""Train stanza's NER tagger (BiLSTM-CRF) on arfa's splits and score it like the CRF.

An experiment, not part of the package: it compares stanza's architecture with arfa's
own CRF models on exactly the same train/dev/test splits (``load_splits``) and scores
with arfa's conlleval-style ``score()``. No stanza weights are shipped.

Steps: word2vec vectors (gensim, on the lower-cased training tokens) -> stanza pretrain
``.pt``; train/dev/test written as BIO and converted with stanza's ``process_dataset``;
``python -m stanza.models.ner_tagger --mode train --cpu`` (no charlm); every test split
tagged with ``stanza.Pipeline`` on the test files' own tokens; speed and size reported.

Usage::

    OMP_NUM_THREADS=1 python scripts/train_stanza.py --lang ar --data ../shared/data \\
        --out /tmp/stanza_exp/ar --max-steps 3500 --eval-interval 500 --seed 0 --threads 1
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

from arfa.train.datasets import load_splits
from arfa.train.evaluate import format_scores, score

Sentence = list[tuple[str, str]]


def _args(argv: list[str] | None) -> argparse.Namespace:
    here = Path(__file__).resolve().parents[1]
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--lang", choices=["ar", "fa"], required=True)
    p.add_argument("--data", type=Path, default=here.parent / "shared" / "data")
    p.add_argument("--out", type=Path, required=True, help="work folder (vectors, json, model, report)")
    p.add_argument("--max-steps", type=int, default=3500)
    p.add_argument(
        "--eval-interval", type=int, default=0, help="dev evaluation every N steps (0: max-steps/4)"
    )
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--hidden-dim", type=int, default=128)
    p.add_argument("--char-hidden-dim", type=int, default=64)
    p.add_argument("--char-emb-dim", type=int, default=32)
    p.add_argument(
        "--optim", default="adam", help="stanza's optimizer (its default, sgd, needs far more steps)"
    )
    p.add_argument("--lr", type=float, default=0.002)
    p.add_argument("--dim", type=int, default=100, help="word2vec dimensions")
    p.add_argument("--max-train-sentences", type=int, default=0, help="random subsample of training (0: all)")
    p.add_argument("--threads", type=int, default=int(os.environ.get("OMP_NUM_THREADS", "2")))
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--skip-train", action="store_true", help="reuse the model already in --out")
    return p.parse_args(argv)


def clean(tok: str) -> str:
    """A token stanza and the word2vec text format can hold: no inner whitespace, not empty."""
    return "_".join(tok.split()) or "_"


def write_bio(sents: list[Sentence], bio: Path, out_json: Path) -> None:
    """Write ``sents`` as tab-separated BIO and convert it with stanza's own converter."""
    from stanza.utils.datasets.ner.prepare_ner_file import process_dataset

    with bio.open("w", encoding="utf-8") as f:
        for sent in sents:
            f.write("".join(f"{clean(w)}\t{t}\n" for w, t in sent) + "\n")
    process_dataset(str(bio), str(out_json))


def build_pretrain(sents: list[Sentence], out: Path, dim: int, seed: int) -> Path:
    """gensim Word2Vec on the lower-cased training tokens, saved as text, then as a stanza pretrain."""
    from gensim.models import Word2Vec
    from stanza.models.common.pretrain import Pretrain

    corpus = [[clean(w).lower() for w, _ in s] for s in sents]
    vectors = Word2Vec(corpus, vector_size=dim, window=5, min_count=2, epochs=5, workers=1, seed=seed)
    txt = out / "vectors.txt"
    vectors.wv.save_word2vec_format(str(txt), binary=False)
    pt = out / "pretrain.pt"
    if pt.exists():
        pt.unlink()
    Pretrain(str(pt), str(txt)).load()
    print(f"pretrain: {len(vectors.wv)} words x {dim}, {pt.stat().st_size / 1e6:.1f} MB", flush=True)
    return pt


def to_bio(tags: list[str]) -> list[str]:
    """stanza's BIOES output as IOB2 (S- -> B-, E- -> I-)."""
    return ["B-" + t[2:] if t.startswith("S-") else "I-" + t[2:] if t.startswith("E-") else t for t in tags]


def main(argv: list[str] | None = None) -> int:
    """Train, tag and score; prints a report and writes ``report.json`` in ``--out``."""
    args = _args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    splits = load_splits(args.lang, args.data)
    train = splits.train
    if args.max_train_sentences and len(train) > args.max_train_sentences:
        train = random.Random(args.seed).sample(train, args.max_train_sentences)
    n_train_tokens = sum(len(s) for s in train)
    print(
        f"{args.lang}: {len(train)} train sentences ({n_train_tokens} tokens), {len(splits.dev)} dev",
        flush=True,
    )
    report: dict[str, object] = {
        "lang": args.lang,
        "train_sentences": len(train),
        "train_tokens": n_train_tokens,
    }

    model = out / "ner.pt"
    if not args.skip_train:
        t0 = time.perf_counter()
        pretrain = build_pretrain(train, out, args.dim, args.seed)
        write_bio(train, out / "train.bio", out / "train.json")
        write_bio(splits.dev, out / "dev.bio", out / "dev.json")
        report["prep_s"] = round(time.perf_counter() - t0, 1)
        cmd = [
            sys.executable, "-m", "stanza.models.ner_tagger", "--mode", "train",
            "--train_file", str(out / "train.json"), "--eval_file", str(out / "dev.json"),
            "--wordvec_pretrain_file", str(pretrain), "--shorthand", f"{args.lang}_arfa",
            "--save_dir", str(out), "--save_name", model.name, "--cpu",
            "--word_emb_dim", str(args.dim), "--hidden_dim", str(args.hidden_dim),
            "--char_hidden_dim", str(args.char_hidden_dim), "--char_emb_dim", str(args.char_emb_dim),
            "--max_steps", str(args.max_steps),
            "--eval_interval", str(args.eval_interval or max(1, args.max_steps // 4)),
            "--batch_size", str(args.batch_size), "--seed", str(args.seed), "--log_step", "50",
            "--optim", args.optim, "--lr", str(args.lr),
        ]  # fmt: skip
        print(" ".join(cmd), flush=True)
        env = {**os.environ, "OMP_NUM_THREADS": str(args.threads), "MKL_NUM_THREADS": str(args.threads)}
        t0 = time.perf_counter()
        with (out / "train.log").open("w", encoding="utf-8") as log:
            done = subprocess.run(cmd, stdout=log, stderr=subprocess.STDOUT, env=env, check=False)
        report["train_s"] = round(time.perf_counter() - t0, 1)
        report["max_steps"] = args.max_steps
        print(f"training: rc {done.returncode}, {report['train_s']} s", flush=True)
        if done.returncode != 0 or not model.is_file():
            print((out / "train.log").read_text(encoding="utf-8")[-3000:], file=sys.stderr)
            return 1

    import stanza
    import torch

    torch.set_num_threads(args.threads)
    # download_method=None still wants a resources.json in dir: a minimal one, as stanza.download() leaves
    (out / "resources.json").write_text(
        json.dumps({args.lang: {"lang_name": args.lang, "packages": {"default": {}}}}), encoding="utf-8"
    )
    nlp = stanza.Pipeline(
        args.lang, dir=str(out), processors="tokenize,ner", tokenize_pretokenized=True,
        ner_model_path=str(model), ner_pretrain_path=str(out / "pretrain.pt"),
        download_method=None, allow_unknown_language=True, use_gpu=False, logging_level="WARN",
    )  # fmt: skip
    report["model_mb"] = round(model.stat().st_size / 1e6, 1)
    report["pretrain_mb"] = round((out / "pretrain.pt").stat().st_size / 1e6, 1)
    n_tokens, seconds = 0, 0.0
    tests: dict[str, dict[str, float]] = {}
    for name, sents in splits.tests.items():
        words = [[clean(w) for w, _ in s] for s in sents if s]
        gold = [[t for _, t in s] for s in sents if s]
        start = time.perf_counter()
        doc = nlp(words)
        seconds += time.perf_counter() - start
        n_tokens += sum(len(s) for s in words)
        pred = [to_bio([tok.ner for tok in sent.tokens]) for sent in doc.sentences]
        assert [len(p) for p in pred] == [len(g) for g in gold], "stanza changed the tokenization"
        scores = score(gold, pred)
        print(format_scores(name, scores), flush=True)
        tests[name] = {k: round(100 * getattr(scores["micro"], k), 2) for k in ("precision", "recall", "f1")}
    report["tests"] = tests
    report["tokens_per_s"] = round(n_tokens / seconds)
    report["test_tokens"] = n_tokens
    print(
        f"speed: {n_tokens / seconds:,.0f} tokens/s ({args.threads} threads, {n_tokens} tokens); "
        f"model {report['model_mb']} MB + pretrain {report['pretrain_mb']} MB",
        flush=True,
    )
    (out / "report.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
