"""Train the BiLSTM-CRF models: ``arfa train neural --lang ar|fa --data DIR --out PATH``.

The same training, dev and test sentences as the CRF (:func:`arfa.train.datasets.load_splits`,
default sources). Steps, all seeded and on one CPU thread with torch's deterministic
algorithms, so one command gives the same weights:

1. Word vectors: gensim Word2Vec (CBOW, :data:`DEFAULTS` ``word_dim``, window 5, one
   worker, CRC hash) on the folded words of the training sentences plus WikiANN's
   training text (its words only; its labels train nothing).
2. Vocabulary: the most frequent words of that text, at most ``max_words``; characters
   seen 5 times or more; the name-list tags the training text shows.
3. The network of :mod:`arfa.recognize.neural_net`, Adam, batches of sentences of
   similar length, word dropout; after each epoch the dev micro F1 (conlleval, as
   :mod:`arfa.train.evaluate` scores) decides which epoch's weights are kept, and
   training stops after ``patience`` epochs without a gain.

Writes ``neural-<lang>.safetensors`` and ``neural-<lang>.json`` (and the name list, when
it is not the CRF's ``names-<lang>.tsv`` in the same folder).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import shutil
import sys
import time
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from arfa.normalize import fold
from arfa.recognize.crf_lexicon import Lexicon, lexicon_features
from arfa.recognize.neural import FORMAT, NeuralModel, Vocab, word_key
from arfa.train import corpora
from arfa.train.corpora import TaggedSentence
from arfa.train.datasets import load_splits
from arfa.train.evaluate import format_scores, score

if TYPE_CHECKING:
    from arfa.recognize.neural_net import Tagger

__all__ = ["DEFAULTS", "LABELS", "LANG_DEFAULTS", "build_vocab", "main", "pretrain_vectors", "tag_sentences", "train_net"]

logger = logging.getLogger(__name__)

LABELS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC")

#: Shipped settings (both languages); the command-line options override them.
DEFAULTS: dict[str, Any] = {
    "word_dim": 100,
    "char_dim": 32,
    "char_filters": 50,
    "lex_dim": 16,
    "hidden": 100,
    "dropout": 0.5,
    "max_words": 30_000,
    "w2v_epochs": 5,
    "batch_size": 32,
    "lr": 0.002,
    "word_dropout": 0.05,
    "max_epochs": 8,
    "patience": 2,
}
#: Per-language changes to :data:`DEFAULTS`: the epochs the shipped models were trained
#: for (dev F1 was still rising; the runs were stopped there for the shared machine's
#: CPU budget, docs/models.md). Training is deterministic, so a run stopped after epoch
#: ``k`` and a run with ``max_epochs`` ``k`` write the same weights.
LANG_DEFAULTS: dict[str, dict[str, Any]] = {"ar": {"max_epochs": 3}, "fa": {"max_epochs": 2}}
#: The name list per language when neither ``--names`` nor ``--lexicon`` is given:
#: Arabic trains with the CRF's shipped list, Persian builds one from the KB and ANETAC.
DEFAULT_NAMES: dict[str, str | tuple[str, ...]] = {"ar": "names-ar.tsv", "fa": ("kb", "anetac")}


def _crc_hash(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


def pretrain_vectors(
    texts: Sequence[Sequence[str]], dim: int, *, seed: int, epochs: int
) -> dict[str, list[float]]:
    """Word2Vec vectors of the word keys of ``texts`` (words seen twice or more)."""
    from gensim.models import Word2Vec  # type: ignore[import-untyped]

    model = Word2Vec(
        [list(t) for t in texts],
        vector_size=dim,
        window=5,
        min_count=2,
        workers=1,
        seed=seed,
        epochs=epochs,
        sg=0,
        hashfxn=_crc_hash,
    )
    return {w: [float(x) for x in model.wv[w]] for w in model.wv.index_to_key}


def build_vocab(
    lang: str,
    train: Sequence[TaggedSentence],
    extra: Sequence[Sequence[str]],
    lexicon: Lexicon | None,
    max_words: int,
) -> Vocab:
    """The vocabularies of a model from its training sentences and extra (unlabeled) word keys."""
    counts: Counter[str] = Counter()
    chars: Counter[str] = Counter()
    tags: set[str] = set()
    for sent in train:
        words = [tok for tok, _ in sent]
        keys = [word_key(w) for w in words]
        counts.update(keys)
        for k in keys:
            chars.update(k)
        if lexicon is not None:
            tags.update("|".join(sorted(f)) for f in lexicon_features([fold(w) for w in words], lexicon, lang))
    for text in extra:
        counts.update(text)
    kept = sorted((w for w, n in counts.items() if n >= 2), key=lambda w: (-counts[w], w))[:max_words]
    char_list = sorted((c for c, n in chars.items() if n >= 5), key=lambda c: (-chars[c], c))
    tags.discard("")
    return Vocab(
        lang,
        LABELS,
        {w: i for i, w in enumerate(["<pad>", "<unk>", *kept])},
        {c: i for i, c in enumerate(["<pad>", "<unk>", *char_list])},
        {t: i for i, t in enumerate(["<pad>", "", *sorted(tags)])} if lexicon is not None else {},
    )


def _batches(sizes: Sequence[int], batch_size: int, rng: random.Random) -> list[list[int]]:
    """Shuffled batches of sentence indices, each of sentences of similar length."""
    order = list(range(len(sizes)))
    rng.shuffle(order)
    pool = batch_size * 50
    batches: list[list[int]] = []
    for i in range(0, len(order), pool):
        chunk = sorted(order[i : i + pool], key=lambda j: sizes[j])
        batches += [chunk[k : k + batch_size] for k in range(0, len(chunk), batch_size)]
    rng.shuffle(batches)
    return batches


def tag_sentences(model: NeuralModel, sentences: Sequence[TaggedSentence], batch: int = 64) -> list[list[str]]:
    """Predicted tags of every sentence (gold tags are ignored), in batches of similar length."""
    order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
    out: list[list[str]] = [[] for _ in sentences]
    for k in range(0, len(order), batch):
        idx = order[k : k + batch]
        for i, (labels, _) in zip(idx, model.tag_batch([[t for t, _ in sentences[i]] for i in idx]), strict=True):
            out[i] = labels
    return out


def _f1(model: NeuralModel, sents: Sequence[TaggedSentence]) -> float:
    return score([[t for _, t in s] for s in sents], tag_sentences(model, sents))["micro"].f1


def train_net(
    vocab: Vocab,
    train: Sequence[TaggedSentence],
    dev: Sequence[TaggedSentence],
    lexicon: Lexicon | None,
    *,
    vectors: dict[str, list[float]] | None,
    seed: int,
    settings: dict[str, Any],
    use_chars: bool = True,
    on_best: Callable[[Tagger, dict[str, Any]], None] | None = None,
) -> tuple[Tagger, dict[str, Any]]:
    """Train a network; returns the weights of the best dev epoch and a log of the run.

    ``on_best`` is called with the network and the log after every epoch that improves
    the dev score (the command line saves the model there, so a run stopped after epoch
    ``k`` leaves exactly the model that ``--max-epochs k`` gives).
    """
    import torch

    from arfa.recognize.neural_net import NetConfig, Tagger, pad_batch

    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(1)
    rng = random.Random(seed)
    config = NetConfig(
        n_words=len(vocab.words),
        n_chars=len(vocab.chars),
        n_lex=len(vocab.lex_tags),
        n_labels=len(vocab.labels),
        word_dim=settings["word_dim"],
        char_dim=settings["char_dim"] if use_chars else 0,
        char_filters=settings["char_filters"],
        lex_dim=settings["lex_dim"],
        hidden=settings["hidden"],
        dropout=settings["dropout"],
    )
    net = Tagger(config, vocab.labels)
    if vectors:
        with torch.no_grad():
            found = 0
            for w, i in vocab.words.items():
                vec = vectors.get(w)
                if vec is not None:
                    net.words.weight[i] = torch.tensor(vec)
                    found += 1
        logger.info("pretrained vectors for %d of %d words", found, len(vocab.words))
    label_index = {lab: i for i, lab in enumerate(vocab.labels)}
    encoded = [vocab.encode([t for t, _ in s], lexicon) for s in train]
    gold = [[label_index.get(tag, 0) for _, tag in s] for s in train]
    keep = [i for i, s in enumerate(train) if s]
    sizes = [len(train[i]) for i in keep]
    optim = torch.optim.Adam(net.parameters(), lr=settings["lr"])
    model = NeuralModel(net, vocab, lexicon, {})
    best_f1, best_state, best_epoch, stale = -1.0, None, 0, 0
    log: dict[str, Any] = {"epochs": []}
    for epoch in range(1, settings["max_epochs"] + 1):
        net.train()
        start = time.perf_counter()
        total = 0.0
        for n_batch, batch in enumerate(_batches(sizes, settings["batch_size"], rng), 1):
            if n_batch % 100 == 0:
                logger.info("epoch %d: %d batches, %.0f s", epoch, n_batch, time.perf_counter() - start)
            idx = [keep[j] for j in batch]
            words, chars, lex, mask = pad_batch([encoded[i] for i in idx])
            tags = torch.zeros_like(words)
            for b, i in enumerate(idx):
                tags[b, : len(gold[i])] = torch.tensor(gold[i])
            if settings["word_dropout"]:
                drop = (torch.rand(words.shape) < settings["word_dropout"]) & (words > 1)
                words = words.masked_fill(drop, 1)
            optim.zero_grad()
            loss = net.crf.nll(net.emissions(words, chars, lex, mask), tags, mask) / len(idx)
            loss.backward()  # type: ignore[no-untyped-call]
            torch.nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            optim.step()
            total += float(loss.detach()) * len(idx)
        net.eval()
        f1 = _f1(model, dev)
        secs = time.perf_counter() - start
        log["epochs"].append({"epoch": epoch, "loss": round(total / len(keep), 4), "dev_f1": round(100 * f1, 2),
                              "seconds": round(secs, 1)})
        print(f"epoch {epoch}: loss {total / len(keep):.3f}, dev micro F1 {100 * f1:.2f} ({secs:.0f} s)", flush=True)
        if f1 > best_f1:
            best_f1, best_epoch, stale = f1, epoch, 0
            best_state = {k: v.detach().clone() for k, v in net.state_dict().items()}
            if on_best is not None:
                on_best(net, dict(log, best_epoch=epoch, dev_f1=round(100 * f1, 2)))
        else:
            stale += 1
            if stale >= settings["patience"]:
                break
    if best_state is not None:
        net.load_state_dict(best_state)
    net.eval()
    log.update(best_epoch=best_epoch, dev_f1=round(100 * best_f1, 2))
    return net, log


def save_model(net: Tagger, vocab: Vocab, out: Path, names: str | None, extra: dict[str, Any]) -> None:
    """Write the weights (safetensors) and ``out.with_suffix('.json')`` (vocabularies, sizes, name list)."""
    from safetensors.torch import save_file

    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".part")
    save_file({k: v.contiguous() for k, v in net.state_dict().items()}, str(partial))
    meta = {
        "format": FORMAT,
        "lang": vocab.lang,
        "labels": list(vocab.labels),
        "net": asdict(net.config),
        "names": names,
        "words": list(vocab.words),
        "chars": list(vocab.chars),
        "lex_tags": list(vocab.lex_tags),
        **extra,
    }
    meta_partial = out.with_name(out.name + ".json.part")
    meta_partial.write_text(json.dumps(meta, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    # replaced only once both are written: a run stopped meanwhile keeps the previous pair
    os.replace(partial, out)
    os.replace(meta_partial, out.with_suffix(".json"))


def _lexicon(args: argparse.Namespace, data: Path) -> tuple[Lexicon | None, str | None]:
    """The name list to train with, and the file name the model refers to (written next to it)."""
    target = args.out.with_name(f"neural-{args.lang}.names.tsv")
    if args.lexicon == ["none"]:
        return None, None
    source: str | tuple[str, ...] = tuple(args.lexicon) if args.lexicon else DEFAULT_NAMES[args.lang]
    if args.names is not None:
        source = str(args.names)
    if isinstance(source, str):  # a file: the shipped CRF list by default
        path = Path(source) if "/" in source else Path(str(files("arfa.resources.models").joinpath(source)))
        lexicon = Lexicon.read(path)
        if path.resolve().parent == args.out.resolve().parent:
            return lexicon, path.name
        shutil.copyfile(path, target)
        return lexicon, target.name
    from arfa.train.lexicon import build_lexicon

    lexicon = build_lexicon(args.lang, data, list(source))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("".join(line + "\n" for line in lexicon.lines()), encoding="utf-8")
    return lexicon, target.name


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="arfa train neural", description=__doc__.split("\n")[0])
    p.add_argument("model", nargs="?", default="neural", choices=["neural"], help="the model to train")
    p.add_argument("--lang", required=True, choices=["ar", "fa"], help="language of the model")
    p.add_argument("--data", type=Path, default=Path("../shared/data"),
                   help="folder of the training corpora (default ../shared/data)")
    p.add_argument("--out", type=Path, required=True, help="path of the neural-<lang>.safetensors to write")
    p.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    p.add_argument("--names", type=Path, help="train with this name list (default: DEFAULT_NAMES)")
    p.add_argument("--lexicon", nargs="+", help="build the name list from these sources ('none': no list)")
    p.add_argument("--no-chars", action="store_true", help="no character CNN (ablation)")
    p.add_argument("--no-pretrained", action="store_true", help="random word vectors (ablation)")
    p.add_argument("--sources", nargs="+", help="training corpora (default: DEFAULT_SOURCES of datasets.py)")
    p.add_argument("--eval", action="store_true", help="print dev and test scores after training")
    for key, value in DEFAULTS.items():
        p.add_argument(f"--{key.replace('_', '-')}", type=type(value), default=None,
                       help=f"(default {value}, or the language's LANG_DEFAULTS)")
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``arfa train neural``; returns the exit status."""
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    settings = {**DEFAULTS, **LANG_DEFAULTS[args.lang]}
    settings.update({key: getattr(args, key) for key in DEFAULTS if getattr(args, key) is not None})
    began = time.perf_counter()
    splits = load_splits(args.lang, args.data, sources=args.sources)
    print(f"data: {splits.report}", flush=True)
    lexicon, names = _lexicon(args, args.data)
    print(f"name list: {names} ({len(lexicon.names) if lexicon else 0} names)", flush=True)
    wiki = corpora.read_wikiann(args.data / "wikiann-panx-xtreme" / f"train-{args.lang}.tsv")
    extra = [[word_key(tok) for tok, _ in s] for s in wiki]
    vocab = build_vocab(args.lang, splits.train, extra, lexicon, settings["max_words"])
    vectors = None
    if not args.no_pretrained:
        texts = [[word_key(tok) for tok, _ in s] for s in splits.train] + extra
        vectors = pretrain_vectors(texts, settings["word_dim"], seed=args.seed, epochs=settings["w2v_epochs"])
    print(f"vocab: {len(vocab.words)} words, {len(vocab.chars)} chars, {len(vocab.lex_tags)} name tags", flush=True)

    def checkpoint(best: Tagger, log: dict[str, Any]) -> None:
        log = dict(log, seconds=round(time.perf_counter() - began))
        save_model(best, vocab, args.out, names, {"settings": settings, "seed": args.seed, "training": log})
        print(f"saved epoch {log['best_epoch']} to {args.out}", flush=True)

    net, log = train_net(vocab, splits.train, splits.dev, lexicon, vectors=vectors, seed=args.seed,
                         settings=settings, use_chars=not args.no_chars, on_best=checkpoint)
    log["seconds"] = round(time.perf_counter() - began)
    save_model(net, vocab, args.out, names, {"settings": settings, "seed": args.seed, "training": log})
    size = args.out.stat().st_size + args.out.with_suffix(".json").stat().st_size
    print(f"wrote {args.out} ({size / 1e6:.1f} MB), best epoch {log['best_epoch']}, "
          f"dev {log['dev_f1']}, {log['seconds']} s", flush=True)
    if args.eval:
        from arfa.recognize.neural import load_model

        model = load_model(args.out)
        for name, sents in {"dev": splits.dev, **splits.dev_parts, **splits.tests}.items():
            print(format_scores(name, score([[t for _, t in s] for s in sents], tag_sentences(model, sents))),
                  flush=True)
    return 0
