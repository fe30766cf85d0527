"""Overlap resolution: one flat, non-overlapping set of candidates.

Candidates are taken by priority first: knowledge-base and date matches
(priority 10 and 5) are exact by construction, while a statistical model's span
(priority 0) is a guess, so a model only fills the gaps the others leave. Within
one priority the annotation is flat and outermost, so the longest span wins, then
the higher score, then the earlier start.

Two exceptions let context win, entity by entity, because the model read the words
around a match and the knowledge base did not:

- A one-word knowledge-base match is often a homograph (``شانگهای`` the city or,
  elliptically, the organization; a surname that is also a place). When a confident
  model chunk (score at least :data:`CONTEXT_SCORE`) covers such a match and gives it
  another label, the match is dropped.
- Annotation is flat and outermost, so a known name that ends a longer name is not an
  entity of its own (``کرج`` in ``شهرداری کرج``, ``دمشق`` in ``جامعة دمشق``). A model
  chunk scoring at least :data:`CONTAIN_SCORE` that ends with a knowledge-base match,
  is longer than every match inside it and holds no date competes at their priority,
  so the longer name wins unless a longer match of equal priority overlaps it; where
  the chunk loses, the matches inside it stay. A chunk that runs on past the known
  name, or whose every word is already in a match (``آسیای مرکزی کاخا ایمنادزه``, a
  place glued to a person), gets nothing; nor does a chunk of another label that glues a
  title or anaphor to a known person (``لمنظمة تشانغ مينغ`` after ``الأمين العام``).

Both thresholds were chosen on the dev splits (docs/models.md, "Merge").
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from arfa.lang import ar, fa
from arfa.lang.base import WORD
from arfa.models import Label
from arfa.recognize.base import Candidate

__all__ = ["CONTAIN_SCORE", "CONTEXT_SCORE", "merge"]

CONTEXT_SCORE = 0.9
"""The lowest model score that overrides a one-word knowledge-base match."""

CONTAIN_SCORE = 0.5
"""The lowest model score at which a longer model chunk outranks the matches inside it."""

# a title or anaphor before a known person makes no organization of the two
_GLUE = ar.ANAPHORS | fa.ANAPHORS | ar.TITLES | fa.TITLES


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


def _adds_words(cand: Candidate, inside: list[Candidate], text: str) -> bool:
    """Whether ``cand`` holds a whole word that no match inside it touches (the model read more).

    A proclitic the model kept on the match's first word (``لمجلس الأمن``) adds no word.
    """
    for word in WORD.finditer(text, cand.start, cand.end):
        if any(ch.isalpha() for ch in word.group()) and not any(
            k.start < word.end() and word.start() < k.end for k in inside
        ):
            return True
    return False


def _glued_to_person(cand: Candidate, inside: list[Candidate], text: str) -> bool:
    """Whether a non-person chunk is a title or anaphor glued to the known person it holds
    (``لمنظمة تشانغ مينغ`` of ``الأمين العام للمنظمة تشانغ مينغ``)."""
    people = [k.start for k in inside if k.label is Label.PER and k.kb_id is not None]
    if cand.label is Label.PER or not people:
        return False
    head = text.rfind(" ", 0, cand.start) + 1  # the whole word the chunk starts in
    return any(word.group() in _GLUE for word in WORD.finditer(text, head, min(people)))


def _ranks(pool: list[Candidate], text: str) -> list[int]:
    """The priority each candidate competes at: a model chunk ending in a shorter linked match gets its priority."""
    ranks = [c.priority for c in pool]
    inner = sorted((c for c in pool if c.priority > 0), key=lambda c: c.start)
    if not inner:
        return ranks
    starts = [c.start for c in inner]
    for i, cand in enumerate(pool):
        if cand.priority != 0 or cand.score < CONTAIN_SCORE or cand.label is Label.DATE:
            continue
        lo, hi = bisect.bisect_left(starts, cand.start), bisect.bisect_left(starts, cand.end)
        inside = [k for k in inner[lo:hi] if k.end <= cand.end]
        if (
            any(k.kb_id is not None for k in inside)
            and any(not any(ch.isalnum() for ch in text[k.end : cand.end]) for k in inside)
            and all(k.label is not Label.DATE and k.end - k.start < cand.end - cand.start for k in inside)
            and not _glued_to_person(cand, inside, text)
            and _adds_words(cand, inside, text)
        ):
            ranks[i] = max(k.priority for k in inside)
    return ranks


def merge(candidates: Iterable[Candidate], text: str | None = None) -> list[Candidate]:
    """Keep a non-overlapping subset, highest priority then longest first, sorted by start.

    Args:
        candidates: every recognizer's candidates, in normalized coordinates.
        text: the normalized text they point into; with it, context can win over a
            knowledge-base match (module docstring).

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
        ranks = _ranks(pool, text)
    else:
        ranks = [c.priority for c in pool]
    order = sorted(
        range(len(pool)),
        key=lambda i: (-ranks[i], -(pool[i].end - pool[i].start), -pool[i].score, pool[i].start,
                       pool[i].label.value, pool[i].source),
    )
    ranked = [pool[i] for i in order]
    taken: list[Candidate] = []
    occupied = bytearray(max(c.end for c in pool))
    for cand in ranked:
        if any(occupied[cand.start : cand.end]):
            continue
        taken.append(cand)
        occupied[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
    return sorted(taken, key=lambda c: (c.start, c.end))
