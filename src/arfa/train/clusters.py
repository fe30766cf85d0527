"""Word clusters for the CRF: gensim Word2Vec on the training text, then k-means.

The table (``folded word<TAB>cluster``) ships next to the model as
``clusters-<lang>.tsv``; :func:`arfa.recognize.crf_features.sentence_features` turns it
into ``c=`` features. Both steps run on one core with a fixed seed; Word2Vec gets a
deterministic hash function so the result does not depend on ``PYTHONHASHSEED``.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from arfa.normalize import fold
from arfa.train.corpora import TaggedSentence

__all__ = ["build_clusters", "write_clusters"]


def _crc_hash(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


def build_clusters(
    sentences: Sequence[TaggedSentence], *, k: int = 256, min_count: int = 3, seed: int = 0
) -> dict[str, int]:
    """Cluster every folded word seen ``min_count`` times into ``k`` groups."""
    from gensim.models import Word2Vec  # type: ignore[import-untyped]
    from sklearn.cluster import MiniBatchKMeans  # type: ignore[import-untyped]

    texts = [[fold(tok) or "_" for tok, _ in s] for s in sentences]
    counts = Counter(w for t in texts for w in t)
    model = Word2Vec(
        texts,
        vector_size=64,
        window=3,
        min_count=min_count,
        workers=1,
        seed=seed,
        epochs=5,
        sg=0,
        hashfxn=_crc_hash,
    )
    words = sorted(
        (w for w in model.wv.index_to_key if counts[w] >= min_count), key=lambda w: (-counts[w], w)
    )
    vectors = model.wv[words]
    kmeans = MiniBatchKMeans(n_clusters=k, random_state=seed, n_init=3, batch_size=4096)
    ids = kmeans.fit_predict(vectors)
    return {w: int(c) for w, c in zip(words, ids, strict=True)}


def write_clusters(clusters: dict[str, int], path: Path) -> Path:
    """Write the table as ``word<TAB>cluster`` lines, most frequent words first."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{w}\t{c}\n" for w, c in clusters.items()), encoding="utf-8")
    return path
