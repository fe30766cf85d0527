"""Overlap resolution: one flat, non-overlapping set of candidates.

Candidates are taken by priority first: knowledge-base and date matches
(priority 10 and 5) are exact by construction, while a statistical model's span
(priority 0) is a guess, so a model only fills the gaps the others leave. Within
one priority the annotation is flat and outermost, so the longest span wins, then
the higher score, then the earlier start.

One exception lets context win, entity by entity: a one-word knowledge-base match is
often a homograph (``شانگهای`` the city or, elliptically, the organization; a
surname that is also a place), while the model read the words around it. When a
confident model chunk (score at least :data:`CONTEXT_SCORE`) covers such a match
and gives it another label, the model's chunk is taken instead.
"""

from __future__ import annotations

from collections.abc import Iterable

from arfa.models import Label
from arfa.recognize.base import Candidate

__all__ = ["CONTEXT_SCORE", "merge"]

CONTEXT_SCORE = 0.9
"""The lowest model score that overrides a one-word knowledge-base match."""


def _overridden(pool: list[Candidate], text: str) -> set[int]:
    """Indices of one-word KB matches that a confident model chunk relabels."""
    models = [c for c in pool if c.priority == 0 and c.score >= CONTEXT_SCORE]
    out: set[int] = set()
    if not models:
        return out
    for i, cand in enumerate(pool):
        if cand.priority <= 0 or cand.kb_id is None or cand.label is Label.DATE:
            continue
        if any(ch.isspace() for ch in text[cand.start : cand.end]):
            continue
        for model in models:
            if model.start <= cand.start and cand.end <= model.end and model.label is not cand.label:
                out.add(i)
                break
    return out


def merge(candidates: Iterable[Candidate], text: str | None = None) -> list[Candidate]:
    """Keep a non-overlapping subset, highest priority then longest first, sorted by start.

    Args:
        candidates: every recognizer's candidates, in normalized coordinates.
        text: the normalized text they point into; with it, a confident model chunk
            overrides a one-word knowledge-base match it relabels (module docstring).

    Examples:
        >>> a = Candidate(0, 10, Label.ORG, "gazetteer", priority=10)
        >>> b = Candidate(5, 14, Label.LOC, "crf")
        >>> c = Candidate(15, 18, Label.LOC, "crf")
        >>> [(x.start, x.end) for x in merge([b, c, a])]
        [(0, 10), (15, 18)]
        >>> text = "عضویت در شانگهای"
        >>> kb = Candidate(9, 16, Label.LOC, "gazetteer", priority=10, kb_id="loc/shanghai")
        >>> model = Candidate(9, 16, Label.ORG, "crf", score=0.97)
        >>> [x.label.value for x in merge([kb, model], text)]
        ['ORG']
    """
    pool = list(candidates)
    if not pool:
        return []
    if text is not None:
        dropped = _overridden(pool, text)
        pool = [c for i, c in enumerate(pool) if i not in dropped]
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
