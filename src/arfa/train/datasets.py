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
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from arfa.lang.ar import ENCLITICS, PROCLITIC_LETTERS
from arfa.normalize import fold
from arfa.train import corpora
from arfa.train.corpora import TaggedSentence

__all__ = ["ANERCORP_DEV", "DEFAULT_SOURCES", "GAP", "SILVER_MIN_TOKENS", "SOURCES", "Splits", "load_dev", "load_splits", "near_duplicates", "sentence_key", "shingles", "silver_filter"]

logger = logging.getLogger(__name__)

GAP = 8
SHINGLE = 15
OVERLAP = 0.25
_NON_LETTER = re.compile(r"[\W_]+")


@dataclass
class Splits:
    """The sentences of one language, by role.

    ``dev`` (the tuning set) is every part of ``dev_parts`` except WikiANN's silver dev,
    which is reported beside it.
    """

    train: list[TaggedSentence]
    dev: list[TaggedSentence]
    tests: dict[str, list[TaggedSentence]]
    report: dict[str, int] = field(default_factory=dict)
    dev_parts: dict[str, list[TaggedSentence]] = field(default_factory=dict)


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


#: Training corpora per language; :data:`DEFAULT_SOURCES` is what the shipped models use.
SOURCES: dict[str, tuple[str, ...]] = {
    "ar": ("anercorp", "newsfane", "aqmar", "wojood", "wikiann"),
    "fa": ("peyma", "nsurl", "arman", "parstwiner", "wikiann"),
}
DEFAULT_SOURCES: dict[str, tuple[str, ...]] = {
    "ar": ("anercorp", "newsfane", "aqmar", "wojood"),
    "fa": ("peyma", "nsurl", "arman", "parstwiner"),
}
#: WikiANN training sentences shorter than this (titles, list items) do not train.
SILVER_MIN_TOKENS = 5


def silver_filter(sents: Iterable[TaggedSentence]) -> list[TaggedSentence]:
    """The silver (WikiANN) sentences kept for training: at least one entity, :data:`SILVER_MIN_TOKENS` tokens.

    Wikipedia fragments without an entity or of a few words (a title, a list item)
    teach the tagger little about running news text and mostly how to say ``O``.

    Examples:
        >>> silver_filter([[("a", "B-PER")], [("b", "O")] * 5, [("c", "B-LOC")] + [("d", "O")] * 4])
        [[('c', 'B-LOC'), ('d', 'O'), ('d', 'O'), ('d', 'O'), ('d', 'O')]]
    """
    return [s for s in sents if len(s) >= SILVER_MIN_TOKENS and any(tag != "O" for _, tag in s)]


#: ANERcorp's training text ends with this many sentences, kept as its dev block: the
#: part nearest to the test text (which follows it) and in the test's conventions.
ANERCORP_DEV = 384


def _tests(lang: str, data: Path) -> dict[str, list[TaggedSentence]]:
    if lang == "ar":
        return {
            "anercorp": corpora.read_anercorp(data / "anercorp-full" / "test.txt"),
            "anercorp-camel": corpora.read_anercorp(data / "anercorp-camel" / "ANERCorp_CamelLab_test.txt"),
        }
    if lang == "fa":
        return {
            "arman": corpora.read_arman(data / "arman" / "test_fold1.txt"),
            "peyma": corpora.read_peyma(data / "peyma-split" / "test.txt"),
            "nsurl": corpora.read_nsurl_test(data / "nsurl2019-peyma" / "test"),
        }
    raise ValueError(f"no training data for language {lang!r}")


def _arabic(
    data: Path, sources: Collection[str], tests: list[TaggedSentence], report: dict[str, int]
) -> tuple[list[TaggedSentence], dict[str, list[TaggedSentence]]]:
    anercorp = corpora.read_anercorp(data / "anercorp-full" / "train.txt")
    aner_dev = anercorp[-ANERCORP_DEV:]
    newsfane = corpora.read_newsfane(data / "newsfane-gold" / "NewsFANE_Gold_2014_170K.txt")
    # NewsFANE re-annotates the ANERcorp text: keep none of its test or dev part
    near = near_duplicates(newsfane, tests + aner_dev)
    report["newsfane_near_test"] = len(near)
    newsfane = [s for i, s in enumerate(newsfane) if i not in near]
    # dev (whatever the sources): every 10th AQMAR and Wojood sentence, plus Wojood's val
    # split; NewsFANE gives none, its text being ANERcorp's training text
    pool = [("aqmar", s) for s in corpora.read_aqmar(data / "aqmar")]
    pool += [("wojood", s) for s in corpora.read_wojood(data / "wojood-sample" / "train.txt")]
    dev = {
        "dev-anercorp": aner_dev,
        "dev-pool": [s for i, (_, s) in enumerate(pool) if i % 10 == 5]
        + corpora.read_wojood(data / "wojood-sample" / "val.txt"),
    }
    train = [s for i, (name, s) in enumerate(pool) if i % 10 != 5 and name in sources]
    if "newsfane" in sources:
        # as distributed (clitics split), and with its clitics glued back as ANERcorp
        # and raw text write them
        train += newsfane + [g for g in map(glue_clitics, newsfane) if g]
    if "anercorp" in sources:
        train = anercorp[:-ANERCORP_DEV] + train
    return train, dev


def _arabic_dev(data: Path) -> dict[str, list[TaggedSentence]]:
    """The Arabic dev parts without the training data (for benchmarks)."""
    pool = corpora.read_aqmar(data / "aqmar") + corpora.read_wojood(data / "wojood-sample" / "train.txt")
    return {
        "dev-anercorp": corpora.read_anercorp(data / "anercorp-full" / "train.txt")[-ANERCORP_DEV:],
        "dev-pool": [s for i, s in enumerate(pool) if i % 10 == 5]
        + corpora.read_wojood(data / "wojood-sample" / "val.txt"),
    }


def _persian_dev(data: Path) -> dict[str, list[TaggedSentence]]:
    return {
        "dev-peyma": corpora.read_peyma(data / "peyma-split" / "dev.txt"),
        "dev-parstwiner": corpora.read_parstwiner(data / "parstwiner" / "dev.txt"),
    }


def load_dev(lang: str, data: Path) -> dict[str, list[TaggedSentence]]:
    """The dev parts of ``lang`` that settings are tuned on, without reading the training data.

    The same sentences as :attr:`Splits.dev_parts` (WikiANN's aside), before the
    de-duplication against the test sets, which removes a handful at most.
    """
    return _arabic_dev(data) if lang == "ar" else _persian_dev(data)


def _persian(data: Path, sources: Collection[str]) -> tuple[list[TaggedSentence], dict[str, list[TaggedSentence]]]:
    dev = _persian_dev(data)
    readers: dict[str, Callable[[], list[TaggedSentence]]] = {
        "peyma": lambda: corpora.read_peyma(data / "peyma-split" / "train.txt"),
        "nsurl": lambda: corpora.read_nsurl_train(data / "nsurl2019-peyma" / "train" / "600K"),
        "arman": lambda: corpora.read_arman(data / "arman" / "train_fold1.txt"),
        "parstwiner": lambda: corpora.read_parstwiner(data / "parstwiner" / "train.txt"),
    }
    train = [s for name, read in readers.items() if name in sources for s in read()]
    return train, dev


def load_splits(
    lang: str, data: Path, *, with_train: bool = True, sources: Collection[str] | None = None
) -> Splits:
    """Read the corpora of ``lang`` under ``data`` (the ``shared/data`` folder).

    Args:
        lang: ``ar`` or ``fa``.
        data: the folder holding one sub-folder per corpus.
        with_train: ``False`` reads the test sets only.
        sources: training corpora to use (names in :data:`SOURCES`); default
            :data:`DEFAULT_SOURCES`. Dev and test sets do not depend on it.
    """
    report: dict[str, int] = {}
    tests = _tests(lang, data)
    if not with_train:
        return Splits([], [], tests, report)
    chosen = DEFAULT_SOURCES[lang] if sources is None else tuple(sources)
    unknown = set(chosen) - set(SOURCES[lang])
    if unknown:
        raise ValueError(f"unknown {lang} corpora {sorted(unknown)}; known: {SOURCES[lang]}")
    held_out = [s for t in tests.values() for s in t]
    if lang == "ar":
        train, dev_parts = _arabic(data, chosen, held_out, report)
    else:
        train, dev_parts = _persian(data, chosen)
    wiki_dir = data / "wikiann-panx-xtreme"
    wiki_train = corpora.read_wikiann(wiki_dir / f"train-{lang}.tsv")
    wiki_keys = {sentence_key(s) for s in wiki_train}
    # WikiANN's dev repeats some of its training sentences: those are not held out
    dev_parts["dev-wikiann"] = [
        s for s in corpora.read_wikiann(wiki_dir / f"dev-{lang}.tsv") if sentence_key(s) not in wiki_keys
    ]
    if "wikiann" in chosen:
        train += silver_filter(wiki_train)
    dev_parts = {name: _dedup(sents, held_out, {}) for name, sents in dev_parts.items()}
    dev = [s for name, sents in dev_parts.items() if name != "dev-wikiann" for s in sents]
    every_dev = [s for sents in dev_parts.values() for s in sents]
    train = _dedup(train, held_out + every_dev, report)
    report["train_sentences"] = len(train)
    report["train_tokens"] = sum(len(s) for s in train)
    report["dev_sentences"] = len(dev)
    logger.info("%s data: %s", lang, report)
    return Splits(train, dev, tests, report, dev_parts)
