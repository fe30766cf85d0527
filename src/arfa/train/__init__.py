"""Training of arfa's built-in NER models: ``arfa train crf|neural --lang ar|fa``."""

from __future__ import annotations

import sys

from arfa.train.crf import main as crf_main
from arfa.train.crf import tag_sentences, train_model
from arfa.train.evaluate import Score, score

__all__ = ["Score", "main", "score", "tag_sentences", "train_model"]


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``arfa train``: ``neural`` trains the BiLSTM-CRF, anything else the CRF."""
    args = sys.argv[1:] if argv is None else list(argv)
    if args[:1] == ["neural"]:
        from arfa.train.neural import main as neural_main

        return neural_main(args)
    return crf_main(args)
