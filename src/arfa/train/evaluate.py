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

from arfa.evaluate import Scores
from arfa.recognize.base import iob_chunks

__all__ = ["LABELS", "Score", "chunks", "format_scores", "score"]

LABELS = ("PER", "ORG", "LOC")


Score = Scores  # one P/R/F1 counter for the whole package


def chunks(tags: Sequence[str]) -> set[tuple[int, int, str]]:
    """``(start, end, type)`` chunks of one tag sequence, read as conlleval does.

    A chunk starts at ``B-X``, or at ``I-X`` after anything but ``B-X``/``I-X``.

    Examples:
        >>> sorted(chunks(["I-PER", "I-PER", "B-LOC", "I-ORG", "O"]))
        [(0, 2, 'PER'), (2, 3, 'LOC'), (3, 4, 'ORG')]
    """
    return set(iob_chunks(tags))


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
