"""Train the built-in CRF models: ``arfa train crf --lang ar|fa --data DIR --out PATH``.

The defaults reproduce the shipped models in ``arfa/resources/models/``; the
c1/c2 values were chosen on the dev sets (``--tune`` repeats that search).
L-BFGS in crfsuite is deterministic, so one command gives the same file.
"""

from __future__ import annotations

import argparse
import logging
import random
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from arfa.recognize.crf_features import sentence_features
from arfa.recognize.crf_lexicon import Lexicon
from arfa.train import corpora
from arfa.train.corpora import TaggedSentence
from arfa.train.datasets import load_splits
from arfa.train.evaluate import format_scores, score
from arfa.train.lexicon import LEXICON_SOURCES

__all__ = ["CLUSTER_DEFAULTS", "DEFAULTS", "ClusterSettings", "main", "tag_sentences", "train_model"]

logger = logging.getLogger(__name__)

#: Shipped settings per language: L1 weight, L2 weight, L-BFGS iterations, min feature count.
DEFAULTS: dict[str, dict[str, float]] = {
    "ar": {"c1": 0.1, "c2": 0.01, "max_iterations": 150, "min_freq": 1},
    "fa": {"c1": 0.1, "c2": 0.01, "max_iterations": 150, "min_freq": 2},
}


@dataclass(frozen=True)
class ClusterSettings:
    """How a model's word clusters are built (:func:`arfa.train.clusters.build_clusters`).

    Attributes:
        k: cluster counts, one per level (empty: no clusters).
        text: more text for the embeddings (``wikiann``: WikiANN's training text).
        epochs: Word2Vec passes.
    """

    k: tuple[int, ...] = ()
    text: tuple[str, ...] = ()
    epochs: int = 5


#: Shipped cluster settings per language (``--clusters`` and its options override them).
CLUSTER_DEFAULTS: dict[str, ClusterSettings] = {
    "ar": ClusterSettings(),
    "fa": ClusterSettings(k=(64, 512), text=("wikiann",), epochs=10),
}


def train_model(
    sentences: Sequence[TaggedSentence],
    lang: str,
    out: Path,
    *,
    c1: float,
    c2: float,
    max_iterations: int,
    min_freq: float,
    clusters: dict[str, str] | None = None,
    lexicon: Lexicon | None = None,
) -> Path:
    """Train one CRF on ``sentences`` and write crfsuite's binary model to ``out``."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.select("lbfgs", "crf1d")
    for sent in sentences:
        words = [tok for tok, _ in sent]
        trainer.append(sentence_features(words, lang, clusters, lexicon), [tag for _, tag in sent])
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": int(max_iterations),
            "feature.minfreq": min_freq,
            "feature.possible_transitions": True,
        }
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    trainer.train(str(out))
    logger.info("trained %s in %.0f s", out, time.perf_counter() - start)
    return out


def tag_sentences(
    model: Path,
    sentences: Sequence[TaggedSentence],
    lang: str,
    clusters: dict[str, str] | None = None,
    lexicon: Lexicon | None = None,
) -> list[list[str]]:
    """Predicted tags of every sentence (gold tags are ignored)."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    try:
        return [
            list(tagger.tag(sentence_features([t for t, _ in s], lang, clusters, lexicon))) for s in sentences
        ]
    finally:
        tagger.close()


def _evaluate(
    model: Path,
    sets: dict[str, list[TaggedSentence]],
    lang: str,
    clusters: dict[str, str] | None = None,
    lexicon: Lexicon | None = None,
) -> dict[str, float]:
    f1s: dict[str, float] = {}
    for name, sents in sets.items():
        scores = score([[t for _, t in s] for s in sents], tag_sentences(model, sents, lang, clusters, lexicon))
        print(format_scores(name, scores), flush=True)
        f1s[name] = scores["micro"].f1
    return f1s


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="arfa train crf", description=__doc__.split("\n")[0])
    p.add_argument("model", nargs="?", default="crf", choices=["crf"], help="the model to train (default crf)")
    p.add_argument("--lang", required=True, choices=["ar", "fa"], help="language of the model")
    p.add_argument("--data", type=Path, default=Path("../shared/data"),
                   help="folder of the training corpora (default ../shared/data)")
    p.add_argument("--out", type=Path, required=True, help="path of the .crfsuite model to write")
    p.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    p.add_argument("--c1", type=float, help="L1 regularization (default: the language's tuned value)")
    p.add_argument("--c2", type=float, help="L2 regularization (default: the language's tuned value)")
    p.add_argument("--max-iterations", type=int, help="training iterations (default: the language's value)")
    p.add_argument("--min-freq", type=float, help="drop features seen fewer times (default: the language's value)")
    p.add_argument("--tune", action="store_true", help="grid-search c1/c2 on dev, then train")
    p.add_argument("--tune-iterations", type=int, default=60, help="iterations per grid point (default 60)")
    p.add_argument("--c1-grid", type=float, nargs="+", default=[0.02, 0.1, 0.5],
                   help="c1 values tried by --tune (default 0.02 0.1 0.5)")
    p.add_argument("--c2-grid", type=float, nargs="+", default=[0.001, 0.01],
                   help="c2 values tried by --tune (default 0.001 0.01)")
    p.add_argument("--clusters", type=int, nargs="+", default=None,
                   help="k of the Word2Vec + k-means word clusters; several: nested levels (e.g. 64 512); "
                   "0: no clusters (default: the language's CLUSTER_DEFAULTS)")
    p.add_argument("--cluster-text", nargs="*", default=None, choices=["wikiann"],
                   help="more text for the cluster embeddings: WikiANN's training text of the language")
    p.add_argument("--cluster-epochs", type=int, default=None, help="Word2Vec epochs of the clusters")
    p.add_argument("--lexicon", nargs="+", help="name-list sources (default: LEXICON_SOURCES; 'none': no list)")
    p.add_argument(
        "--names",
        type=Path,
        help="train with this names-<lang>.tsv instead of building the list (the shipped one reproduces the model)",
    )
    p.add_argument("--sources", nargs="+", help="training corpora (default: DEFAULT_SOURCES of datasets.py)")
    p.add_argument("--eval", action="store_true", help="print dev and test scores after training")
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``arfa train crf``; returns the exit status."""
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    random.seed(args.seed)
    params: dict[str, Any] = dict(DEFAULTS[args.lang])
    for key in ("c1", "c2", "max_iterations", "min_freq"):
        if getattr(args, key) is not None:
            params[key] = getattr(args, key)
    splits = load_splits(args.lang, args.data, sources=args.sources)
    print(f"data: {splits.report}", flush=True)
    shipped = CLUSTER_DEFAULTS[args.lang]
    k = [n for n in (args.clusters if args.clusters is not None else shipped.k) if n > 0]
    cluster_text = args.cluster_text if args.cluster_text is not None else shipped.text
    cluster_epochs = args.cluster_epochs if args.cluster_epochs is not None else shipped.epochs
    table_path = args.out.with_name(args.out.name.replace("crf-", "clusters-").replace(".crfsuite", ".tsv"))
    if args.out.name == table_path.name:
        table_path = args.out.with_suffix(".clusters.tsv")
    clusters: dict[str, str] | None = None
    if k:
        from arfa.train.clusters import build_clusters, write_clusters

        extra: list[list[str]] = []
        if "wikiann" in cluster_text:  # its words only: the embeddings, not the CRF, see them
            wiki = corpora.read_wikiann(args.data / "wikiann-panx-xtreme" / f"train-{args.lang}.tsv")
            extra = [[tok for tok, _ in s] for s in wiki]
        clusters = build_clusters(splits.train, k=k, seed=args.seed, extra_text=extra, epochs=cluster_epochs)
        write_clusters(clusters, table_path)
        print(f"wrote {table_path} ({len(clusters)} words, k={k})", flush=True)
    elif table_path.exists():
        table_path.unlink()  # a stale table would change the model's features
    lex_path = args.out.with_name(args.out.name.replace("crf-", "names-").replace(".crfsuite", ".tsv"))
    if args.out.name == lex_path.name:
        lex_path = args.out.with_suffix(".names.tsv")
    lexicon: Lexicon | None = None
    if args.names is not None:
        lexicon = Lexicon.read(args.names)
        if args.names.resolve() != lex_path.resolve():
            lex_path.parent.mkdir(parents=True, exist_ok=True)
            lex_path.write_text("".join(line + "\n" for line in lexicon.lines()), encoding="utf-8")
        print(f"name list {args.names} ({len(lexicon.names)} names)", flush=True)
    elif args.lexicon != ["none"] and (args.lexicon or LEXICON_SOURCES[args.lang]):
        from arfa.train.lexicon import build_lexicon

        lexicon = build_lexicon(args.lang, args.data, args.lexicon)
        lex_path.parent.mkdir(parents=True, exist_ok=True)
        lex_path.write_text("".join(line + "\n" for line in lexicon.lines()), encoding="utf-8")
        print(f"wrote {lex_path} ({len(lexicon.names)} names)", flush=True)
    elif lex_path.exists():
        lex_path.unlink()
    if args.tune:
        best = (-1.0, params["c1"], params["c2"])
        for c1 in args.c1_grid:
            for c2 in args.c2_grid:
                tmp = args.out.with_suffix(f".tune-{c1}-{c2}")
                train_model(
                    splits.train,
                    args.lang,
                    tmp,
                    c1=c1,
                    c2=c2,
                    max_iterations=args.tune_iterations,
                    min_freq=params["min_freq"],
                    clusters=clusters,
                    lexicon=lexicon,
                )
                f1 = _evaluate(tmp, {"dev": splits.dev}, args.lang, clusters, lexicon)["dev"]
                tmp.unlink()
                print(f"tune c1={c1} c2={c2}: dev micro F1 {100 * f1:.2f}", flush=True)
                if f1 > best[0]:
                    best = (f1, c1, c2)
        params["c1"], params["c2"] = best[1], best[2]
        print(f"chosen c1={best[1]} c2={best[2]}", flush=True)
    train_model(splits.train, args.lang, args.out, clusters=clusters, lexicon=lexicon, **params)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB) with {params}", flush=True)
    if args.eval:
        _evaluate(
            args.out, {"dev": splits.dev, **splits.dev_parts, **splits.tests}, args.lang, clusters, lexicon
        )
    return 0
