"""Overlap resolution: one flat, non-overlapping set of candidates.

Candidates are taken by priority first: knowledge-base and date matches
(priority 10 and 5) are exact by construction, while a statistical model's span
(priority 0) is a guess, so a model only fills the gaps the others leave. Within
one priority the annotation is flat and outermost, so the longest span wins, then
the higher score, then the earlier start.
"""

from __future__ import annotations

from collections.abc import Iterable

from arfa.recognize.base import Candidate

__all__ = ["merge"]


def merge(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Keep a non-overlapping subset, highest priority then longest first, sorted by start.

    Examples:
        >>> from arfa.models import Label
        >>> a = Candidate(0, 10, Label.ORG, "gazetteer", priority=10)
        >>> b = Candidate(5, 14, Label.LOC, "crf")
        >>> c = Candidate(15, 18, Label.LOC, "crf")
        >>> [(x.start, x.end) for x in merge([b, c, a])]
        [(0, 10), (15, 18)]
    """
    pool = list(candidates)
    if not pool:
        return []
    ranked = sorted(
        pool,
        key=lambda c: (-c.priority, -(c.end - c.start), -c.score, c.start, c.label.value, c.source),
    )
    taken: list[Candidate] = []
    occupied = bytearray(max(c.end for c in pool))
    for cand in ranked:
        if any(occupied[cand.start : cand.end]):
            continue
        taken.append(cand)
        occupied[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
    return sorted(taken, key=lambda c: (c.start, c.end))
