"""Token features for the built-in CRF models, shared by training and inference.

The features of a token are plain strings (``name=value``) that python-crfsuite
treats as binary attributes. They are computed on the folded form of each word
(:func:`arfa.normalize.fold`), so the trainer and :class:`arfa.recognize.crf.CRFRecognizer`
see exactly the same strings. Changing anything here changes the model: retrain
with ``arfa train crf`` afterwards.

Examples:
    >>> feats = sentence_features(["قال", "الرئيس", "بوتين"], "ar")
    >>> "w=بوتين" in feats[2] and "-1:is_title" in feats[2]
    True
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from arfa.lang import ar, language
from arfa.normalize import fold
from arfa.recognize.crf_lexicon import Lexicon, lexicon_features

__all__ = ["FEATURE_VERSION", "arabic_stem", "sentence_features", "word_shape"]

FEATURE_VERSION = 4
"""Bumped whenever the feature strings change; stored in the model card."""

_LATIN = re.compile(r"[a-z]")
_DIGIT = re.compile(r"[0-9]")
_PUNCT = "\"'()[]{}«»<>.,،؛;:!?؟-_/…"


@lru_cache(maxsize=200_000)
def arabic_stem(word: str) -> str:
    """The lexicon-free stem of a folded word: proclitics before the article, then the article.

    Proclitics go only where :func:`arfa.lang.ar.strip_proclitics` takes them (before
    ``ال``, and ``لل``): a bare first letter is as often part of the word (``بغداد``).
    A stem is never shorter than two letters.

    Examples:
        >>> [arabic_stem(w) for w in ("والاتحاد", "للامم", "وبالامم", "بغداد", "في")]
        ['اتحاد', 'امم', 'امم', 'بغداد', 'في']
    """
    _, rest = ar.strip_proclitics(word)
    return ar.strip_article(rest)


def _bare_readings(word: str) -> list[str]:
    """The rests of the low-plausibility readings of a folded Arabic word (``بروسيا`` -> ``روسيا``).

    Examples:
        >>> _bare_readings("بغداد"), _bare_readings("وبالامم")
        (['غداد'], ['بالامم'])
    """
    return [r.rest for r in ar.readings(word) if r.offset and r.plausibility < ar.PLAUSIBLE]


@lru_cache(maxsize=200_000)
def word_shape(word: str) -> str:
    """A coarse class of the word: script, digits, punctuation.

    Examples:
        >>> [word_shape(w) for w in ["بغداد", "2019", "un", "،", "f16"]]
        ['arab', 'digit', 'latin', 'punct', 'mixed']
    """
    has_ar = bool(ar.LETTER_RE.search(word))
    has_lat = bool(_LATIN.search(word))
    has_dig = bool(_DIGIT.search(word))
    if has_ar and not has_lat and not has_dig:
        return "arab"
    if has_dig and not has_ar and not has_lat:
        return "digit"
    if has_lat and not has_ar and not has_dig:
        return "latin"
    if not (has_ar or has_lat or has_dig):
        return "punct"
    return "mixed"


@lru_cache(maxsize=200_000)
def _token_features(word: str, lang: str) -> tuple[str, tuple[str, ...]]:
    """The stem and the context-free features of one folded word."""
    core = word.strip(_PUNCT) or word
    stem = arabic_stem(core) if lang == "ar" else core
    bare = _bare_readings(core) if lang == "ar" else []
    shape = word_shape(word)
    feats = [
        "bias",
        "w=" + word,
        "shape=" + shape,
        "len=" + str(min(len(word), 8)),
        "p2=" + stem[:2],
        "p3=" + stem[:3],
        "s2=" + stem[-2:],
        "s3=" + stem[-3:],
    ]
    if stem != word:
        feats.append("stem=" + stem)
        if core.endswith(stem):
            feats.append("pre=" + core[: len(core) - len(stem)])
    else:
        feats.append("stem=" + word)
    if " " in word:
        feats.append("multi")
    data = language(lang)
    for kind, words in (("title", data.TITLES), ("org", data.ORG_HEADS), ("loc", data.LOCATION_TRIGGERS)):
        # a bare-stem reading counts when the trigger list confirms it (ورئيس, لمدينة)
        if word in words or stem in words or any(rest in words for rest in bare):
            feats.append("is_" + kind)
    return stem, tuple(feats)


@lru_cache(maxsize=200_000)
def _neighbour_features(word: str, lang: str) -> tuple[tuple[str, ...], ...]:
    """The attributes a folded word gives the word 2 and 1 before it, and 1 and 2 after it.

    They depend on the word alone, so they are built once per word (and cached),
    not once per occurrence; :func:`sentence_features` only concatenates them.
    """
    stem, feats = _token_features(word, lang)
    triggers = [f for f in feats if f.startswith("is_")]
    out: list[tuple[str, ...]] = []
    for off in (-2, -1, 1, 2):
        if abs(off) == 1:  # the neighbour's word, stem, shape, trigger lists and suffix
            out.append((f"{off}:w={word}", f"{off}:stem={stem}", f"{off}:{feats[2]}",
                        *(f"{off}:{f}" for f in triggers), f"{off}:s2={stem[-2:]}"))
        else:
            out.append((f"{off}:w={word}",))
    return tuple(out)


@lru_cache(maxsize=200_000)
def _known_features(
    word: str, lang: str, known: frozenset[str]
) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """:func:`_token_features` and :func:`_neighbour_features` of ``word`` reduced to ``known``."""
    own = tuple(f for f in _token_features(word, lang)[1] if f in known)
    return own, tuple(tuple(f for f in part if f in known) for part in _neighbour_features(word, lang))


@lru_cache(maxsize=8192)
def _cluster_features(path: str | None) -> tuple[tuple[str, ...], ...]:
    """The ``c=`` attributes a cluster path gives the word 1 before it, itself and the word 1 after it.

    One attribute per prefix of the path, coarse first (``unk`` for a word without a
    cluster). Cached per path: a table has a few hundred paths.

    Examples:
        >>> _cluster_features("3/17")[1], _cluster_features("17")[0], _cluster_features(None)[2]
        (('0:c=3', '0:c=3/17'), ('-1:c=17',), ('1:c=unk',))
    """
    if path is None:
        prefixes = ["unk"]
    else:
        parts = path.split("/")
        prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    return tuple(tuple(f"{off}:c={prefix}" for prefix in prefixes) for off in (-1, 0, 1))


def sentence_features(
    words: Sequence[str],
    lang: str,
    clusters: Mapping[str, str] | None = None,
    lexicon: Lexicon | None = None,
    *,
    known: frozenset[str] | None = None,
) -> list[list[str]]:
    """The CRF attributes of every word of one sentence.

    Args:
        words: the sentence's words as written (they are folded here).
        lang: ``ar`` or ``fa``; selects the trigger lists (:mod:`arfa.lang`) and clitic stripping.
        clusters: folded word → cluster path (``17``, or ``3/17`` coarse to fine), when the
            model was trained with clusters: one ``c=`` attribute per prefix of the path,
            for the word and its neighbours at ±1.
        lexicon: the name list, when the model was trained with one: each word gets
            its own name-list features and those of its neighbours.
        known: the attributes a trained model knows (:func:`arfa.recognize.crf.model_attributes`):
            the others are left out. crfsuite skips an attribute it does not know, so
            tags and marginals are the same, without converting a sixth to a third of
            the strings. Training passes ``None``: every attribute.

    Returns:
        One list of attribute strings per word, in the same order with or without ``known``.
    """
    folded = [fold(w) or "_" for w in words]
    if known is None:
        own = [_token_features(w, lang)[1] for w in folded]
        around = [_neighbour_features(w, lang) for w in folded]
    else:
        reduced = [_known_features(w, lang, known) for w in folded]
        own = [r[0] for r in reduced]
        around = [r[1] for r in reduced]
    bos = known is None or "BOS" in known
    eos = known is None or "EOS" in known
    n = len(folded)
    lex = lexicon_features(folded, lexicon, lang) if lexicon is not None else None
    cluster_feats = [_cluster_features(clusters.get(w)) for w in folded] if clusters is not None else None
    out: list[list[str]] = []
    for i in range(n):
        feats = list(own[i])
        extra: list[str] = []
        if lex is not None:
            extra.extend(lex[i])
            if i > 0:
                extra.extend("-1:" + f for f in lex[i - 1])
            if i + 1 < n:
                extra.extend("+1:" + f for f in lex[i + 1])
            feats.extend(extra if known is None else [f for f in extra if f in known])
            extra = []
        for k, off in enumerate((-2, -1, 1, 2)):
            j = i + off
            if 0 <= j < n:
                feats.extend(around[j][k])
            elif off == -1 and bos:
                feats.append("BOS")
            elif off == 1 and eos:
                feats.append("EOS")
        if cluster_feats is not None:
            for k, j in enumerate((i - 1, i, i + 1)):
                if 0 <= j < n:
                    extra.extend(cluster_feats[j][k])
        if i > 0:
            extra.append(f"-1|0={folded[i - 1]}|{folded[i]}")
        if i + 1 < n:
            extra.append(f"0|+1={folded[i]}|{folded[i + 1]}")
        feats.extend(extra if known is None else [f for f in extra if f in known])
        out.append(feats)
    return out
