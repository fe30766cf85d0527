"""Train, dev and test sets per language, with test sentences kept out of training.

Two checks keep evaluation honest:

* exact: a training sentence whose folded text (spaces removed) equals a dev or
  test sentence is dropped, as are repeated training sentences;
* near-duplicate (Arabic only): NewsFANE re-annotates the ANERcorp text that the
  CAMeL test split comes from, with other clitic splitting and sentence
  boundaries, so exact matching finds nothing. A NewsFANE sentence sharing 25 % or
  more of its 15-character shingles with the test file is dropped, together with
  short gaps (up to :data:`GAP` sentences) between dropped sentences.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from arfa.lang.ar import ENCLITICS, PROCLITIC_LETTERS
from arfa.normalize import fold
from arfa.train import corpora
from arfa.train.corpora import TaggedSentence

__all__ = ["GAP", "Splits", "load_splits", "near_duplicates", "sentence_key", "shingles"]

logger = logging.getLogger(__name__)

GAP = 8
SHINGLE = 15
OVERLAP = 0.25
_NON_LETTER = re.compile(r"[\W_]+")


@dataclass
class Splits:
    """The sentences of one language, by role."""

    train: list[TaggedSentence]
    dev: list[TaggedSentence]
    tests: dict[str, list[TaggedSentence]]
    report: dict[str, int] = field(default_factory=dict)


def sentence_key(sent: Sequence[tuple[str, str]]) -> str:
    """Folded text of a sentence without spaces or punctuation: the exact-match key.

    Examples:
        >>> sentence_key([("\u200eقال", "O"), ("الرئيسُ", "O"), (".", "O")])
        'قالالرييس'
    """
    return _NON_LETTER.sub("", fold("".join(tok for tok, _ in sent)))


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """Character ``size``-grams of ``text`` (the whole text when it is shorter)."""
    if len(text) <= size:
        return {text} if text else set()
    return {text[i : i + size] for i in range(len(text) - size + 1)}


def near_duplicates(candidates: Sequence[TaggedSentence], reference: Iterable[TaggedSentence]) -> set[int]:
    """Indices of ``candidates`` that overlap ``reference`` (shingle test + gap filling)."""
    ref: set[str] = set()
    for sent in reference:
        ref |= shingles(sentence_key(sent))
    hits: list[int] = []
    for i, sent in enumerate(candidates):
        sh = shingles(sentence_key(sent))
        if sh and len(sh & ref) / len(sh) >= OVERLAP:
            hits.append(i)
    out = set(hits)
    for a, b in itertools.pairwise(hits):
        if b - a <= GAP:
            out.update(range(a, b))
    return out


def glue_clitics(sent: TaggedSentence) -> TaggedSentence:
    """Re-attach NewsFANE's split clitics, as ANERcorp and raw text write them.

    One-letter proclitic tokens (:data:`arfa.lang.ar.PROCLITIC_LETTERS`) tagged ``O``
    join the next token, which keeps its tag; a pronoun suffix token
    (:data:`arfa.lang.ar.ENCLITICS`) tagged ``O`` joins the previous token.

    Examples:
        >>> glue_clitics([("و", "O"), ("ب", "O"), ("الاتحاد", "B-ORG"), ("قال", "O"), ("ه", "O")])
        [('وبالاتحاد', 'B-ORG'), ('قاله', 'O')]
    """
    out: TaggedSentence = []
    pending = ""
    for tok, tag in sent:
        if tag == "O" and tok in PROCLITIC_LETTERS:
            pending += tok
            continue
        if tag == "O" and not pending and tok in ENCLITICS and out and out[-1][0][-1:].isalpha():
            out[-1] = (out[-1][0] + tok, out[-1][1])
            continue
        out.append((pending + tok, tag))
        pending = ""
    if pending:
        out.append((pending, "O"))
    return out


def _dedup(
    train: list[TaggedSentence], held_out: Iterable[TaggedSentence], report: dict[str, int]
) -> list[TaggedSentence]:
    banned = {sentence_key(s) for s in held_out}
    seen: set[tuple[str, int]] = set()
    out: list[TaggedSentence] = []
    for sent in train:
        key = sentence_key(sent)
        if key in banned:
            report["dropped_heldout_exact"] = report.get("dropped_heldout_exact", 0) + 1
        elif (key, len(sent)) in seen and len(sent) > 2:
            report["dropped_repeat"] = report.get("dropped_repeat", 0) + 1
        else:
            seen.add((key, len(sent)))
            out.append(sent)
    return out


def load_splits(lang: str, data: Path, *, with_train: bool = True) -> Splits:
    """Read every corpus of ``lang`` under ``data`` (the ``shared/data`` folder)."""
    report: dict[str, int] = {}
    if lang == "ar":
        tests = {"anercorp": corpora.read_anercorp(data / "anercorp-camel" / "ANERCorp_CamelLab_test.txt")}
        if not with_train:
            return Splits([], [], tests, report)
        newsfane = corpora.read_newsfane(data / "newsfane-gold" / "NewsFANE_Gold_2014_170K.txt")
        near = near_duplicates(newsfane, tests["anercorp"])
        report["newsfane_near_test"] = len(near)
        newsfane = [s for i, s in enumerate(newsfane) if i not in near]
        pool = (
            newsfane
            + corpora.read_aqmar(data / "aqmar")
            + corpora.read_wojood(data / "wojood-sample" / "train.txt")
        )
        # dev: every 10th sentence of the pooled training data, plus Wojood's val split
        dev = [s for i, s in enumerate(pool) if i % 10 == 5]
        dev += corpora.read_wojood(data / "wojood-sample" / "val.txt")
        train = [s for i, s in enumerate(pool) if i % 10 != 5]
        # NewsFANE again with its clitics glued back, as ANERcorp and raw text have them
        nf_train = {id(s) for i, s in enumerate(pool[: len(newsfane)]) if i % 10 != 5}
        glued = [glue_clitics(s) for s in newsfane if id(s) in nf_train]
        train += [g for g in glued if len(g) > 0]
    elif lang == "fa":
        tests = {
            "arman": corpora.read_arman(data / "arman" / "test_fold1.txt"),
            "peyma": corpora.read_peyma(data / "peyma-split" / "test.txt"),
            "nsurl": corpora.read_nsurl_test(data / "nsurl2019-peyma" / "test"),
        }
        if not with_train:
            return Splits([], [], tests, report)
        dev = corpora.read_peyma(data / "peyma-split" / "dev.txt") + corpora.read_parstwiner(
            data / "parstwiner" / "dev.txt"
        )
        train = (
            corpora.read_peyma(data / "peyma-split" / "train.txt")
            + corpora.read_nsurl_train(data / "nsurl2019-peyma" / "train" / "600K")
            + corpora.read_arman(data / "arman" / "train_fold1.txt")
            + corpora.read_parstwiner(data / "parstwiner" / "train.txt")
        )
    else:
        raise ValueError(f"no training data for language {lang!r}")
    held_out = [s for t in tests.values() for s in t]
    dev = _dedup(dev, held_out, {})
    train = _dedup(train, held_out + dev, report)
    report["train_sentences"] = len(train)
    report["train_tokens"] = sum(len(s) for s in train)
    report["dev_sentences"] = len(dev)
    logger.info("%s data: %s", lang, report)
    return Splits(train, dev, tests, report)
