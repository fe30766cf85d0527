"""Training of arfa's built-in NER models: ``arfa train crf --lang ar|fa``."""

from __future__ import annotations

from arfa.train.crf import main, tag_sentences, train_model
from arfa.train.evaluate import Score, score

__all__ = ["Score", "main", "score", "tag_sentences", "train_model"]
