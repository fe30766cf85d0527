"""Overlap resolution: one flat, non-overlapping set of candidates.

The annotation is flat and outermost, so among overlapping candidates the longest
span wins; ties go to the higher priority (gazetteer over statistical models),
then the higher score, then the earlier start.
"""

from __future__ import annotations

from collections.abc import Iterable

from arfa.recognize.base import Candidate

__all__ = ["merge"]


def merge(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Keep a non-overlapping subset, longest and highest-priority first, sorted by start.

    Examples:
        >>> from arfa.models import Label
        >>> a = Candidate(0, 10, Label.ORG, "gazetteer", priority=10)
        >>> b = Candidate(5, 10, Label.LOC, "crf")
        >>> c = Candidate(11, 15, Label.LOC, "crf")
        >>> [(x.start, x.end) for x in merge([b, c, a])]
        [(0, 10), (11, 15)]
    """
    pool = list(candidates)
    if not pool:
        return []
    ranked = sorted(
        pool,
        key=lambda c: (-(c.end - c.start), -c.priority, -c.score, c.start, c.label.value, c.source),
    )
    taken: list[Candidate] = []
    occupied = bytearray(max(c.end for c in pool))
    for cand in ranked:
        if any(occupied[cand.start : cand.end]):
            continue
        taken.append(cand)
        occupied[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
    return sorted(taken, key=lambda c: (c.start, c.end))
