"""Word clusters for the CRF: gensim Word2Vec on the training text, then k-means.

The table (``folded word<TAB>cluster path``) ships next to the model as
``clusters-<lang>.tsv``; :func:`arfa.recognize.crf_features.sentence_features` turns it
into ``c=`` features, one per prefix of the path. With one granularity the path is the
k-means cluster (``17``); with several (``--clusters 64 512``) the words are clustered at
the finest ``k`` and the centroids of each level are clustered again into the next
coarser ``k``, so the path (``12/345``) is a hierarchy, like a Brown-cluster bit-string
prefix. Both steps run on one core with a fixed seed; Word2Vec gets a deterministic
hash function so the result does not depend on ``PYTHONHASHSEED``.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from arfa.normalize import fold
from arfa.train.corpora import TaggedSentence

__all__ = ["build_clusters", "write_clusters"]


def _crc_hash(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


def build_clusters(
    sentences: Sequence[TaggedSentence],
    *,
    k: int | Sequence[int] = 256,
    min_count: int = 3,
    seed: int = 0,
    extra_text: Iterable[Sequence[str]] = (),
    epochs: int = 5,
) -> dict[str, str]:
    """Cluster every folded word seen ``min_count`` times.

    Args:
        sentences: the labelled training sentences (their words only are used).
        k: the number of clusters, or several (any order): one level per value,
            the finest clustering the words and each coarser one the finer centroids.
        min_count: words seen fewer times (in all the text) get no cluster.
        seed: seed of Word2Vec and k-means.
        extra_text: more sentences (lists of words) for the embeddings, e.g. the
            words of a silver training set that does not train the CRF itself.
        epochs: Word2Vec passes over the text.

    Returns:
        folded word → cluster path (``"17"``, or ``"3/17"`` coarse to fine).
    """
    from gensim.models import Word2Vec  # type: ignore[import-untyped]
    from sklearn.cluster import KMeans, MiniBatchKMeans  # type: ignore[import-untyped]

    texts = [[fold(tok) or "_" for tok, _ in s] for s in sentences]
    texts += [[fold(tok) or "_" for tok in words] for words in extra_text]
    counts = Counter(w for t in texts for w in t)
    model = Word2Vec(
        texts,
        vector_size=64,
        window=3,
        min_count=min_count,
        workers=1,
        seed=seed,
        epochs=epochs,
        sg=0,
        hashfxn=_crc_hash,
    )
    words = sorted(
        (w for w in model.wv.index_to_key if counts[w] >= min_count), key=lambda w: (-counts[w], w)
    )
    levels = sorted({k} if isinstance(k, int) else set(k), reverse=True)
    fine = MiniBatchKMeans(n_clusters=levels[0], random_state=seed, n_init=3, batch_size=4096)
    ids = [int(c) for c in fine.fit_predict(model.wv[words])]
    paths = [str(c) for c in ids]
    centroids = fine.cluster_centers_
    for level in levels[1:]:
        # cluster the finer level's centroids: every fine cluster gets one parent
        coarse = KMeans(n_clusters=level, random_state=seed, n_init=3)
        parent = [int(c) for c in coarse.fit_predict(centroids)]
        ids = [parent[c] for c in ids]
        paths = [f"{c}/{p}" for c, p in zip(ids, paths, strict=True)]
        centroids = coarse.cluster_centers_
    return dict(zip(words, paths, strict=True))


def write_clusters(clusters: dict[str, str], path: Path) -> Path:
    """Write the table as ``word<TAB>cluster path`` lines, most frequent words first."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{w}\t{c}\n" for w, c in clusters.items()), encoding="utf-8")
    return path
