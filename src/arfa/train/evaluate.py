"""conlleval-style span scores: a chunk counts only when its type and both ends match.

Examples:
    >>> gold = [["B-PER", "I-PER", "O", "B-LOC"]]
    >>> pred = [["B-PER", "I-PER", "O", "B-ORG"]]
    >>> s = score(gold, pred)
    >>> s["PER"].f1, s["micro"].tp, s["micro"].fp, s["micro"].fn
    (1.0, 1, 1, 1)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["LABELS", "Score", "chunks", "format_scores", "score"]

LABELS = ("PER", "ORG", "LOC")


@dataclass
class Score:
    """True positives, false positives and false negatives of one label."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """Share of predicted chunks that are right."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """Share of gold chunks that were found."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def chunks(tags: Sequence[str]) -> set[tuple[int, int, str]]:
    """``(start, end, type)`` chunks of one tag sequence, read as conlleval does.

    A chunk starts at ``B-X``, or at ``I-X`` after anything but ``B-X``/``I-X``.

    Examples:
        >>> sorted(chunks(["I-PER", "I-PER", "B-LOC", "I-ORG", "O"]))
        [(0, 2, 'PER'), (2, 3, 'LOC'), (3, 4, 'ORG')]
    """
    out: set[tuple[int, int, str]] = set()
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        continues = prefix == "I" and label == kind and start >= 0
        if start >= 0 and not continues:
            out.add((start, i, kind))
            start, kind = -1, ""
        if prefix in ("B", "I") and not continues:
            start, kind = i, label
    return out


def score(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]) -> dict[str, Score]:
    """Per-label and micro (PER/ORG/LOC) scores over aligned sentences."""
    scores = {label: Score() for label in (*LABELS, "micro")}
    for g_tags, p_tags in zip(gold, pred, strict=True):
        g = {c for c in chunks(g_tags) if c[2] in LABELS}
        p = {c for c in chunks(p_tags) if c[2] in LABELS}
        for c in g & p:
            scores[c[2]].tp += 1
        for c in p - g:
            scores[c[2]].fp += 1
        for c in g - p:
            scores[c[2]].fn += 1
    for label in LABELS:
        scores["micro"].tp += scores[label].tp
        scores["micro"].fp += scores[label].fp
        scores["micro"].fn += scores[label].fn
    return scores


def format_scores(name: str, scores: dict[str, Score]) -> str:
    """A small table of P/R/F1 (in percent) per label and micro."""
    lines = [f"{name:<12} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}"]
    for label, s in scores.items():
        lines.append(
            f"  {label:<10} {100 * s.precision:6.2f} {100 * s.recall:6.2f} {100 * s.f1:6.2f} {s.tp + s.fn:6d}"
        )
    return "\n".join(lines)
