"""Document-level rules: decided once over the candidates of every segment of a document.

Recognizers look at one language segment at a time. Some of what they find is only
valid if the *document* says more: a surname (``غوتيريش``) links only where the
document also names the person in full, and a gated one-word alias without a local
cue (``دوشنبه`` is Dushanbe or Monday) only where the document confirms the entity
somewhere else. Such candidates carry :attr:`~arfa.recognize.base.Candidate.needs`;
:func:`apply_document_rules` decides them after every segment has been read, so a
Persian paragraph that names António Guterres in full lets a later Arabic
paragraph's ``غوتيريش`` stand.
"""

from __future__ import annotations

from collections.abc import Sequence

from arfa.models import Label
from arfa.recognize.base import NEEDS_CONFIRMATION, NEEDS_FULL_NAME, Candidate

__all__ = ["apply_document_rules"]


def apply_document_rules(groups: Sequence[Sequence[Candidate]]) -> list[list[Candidate]]:
    """Drop the conditional candidates whose condition the document does not meet.

    ``groups`` holds the candidates of each segment; the result keeps that shape.

    1. An entity is *confirmed* by any unconditional candidate naming its ``kb_id``,
       or by a short form of it; a :data:`NEEDS_CONFIRMATION` candidate stays if its
       entity is confirmed.
    2. An entity is *named in full* by an unconditional candidate or a kept
       confirmation candidate; a :data:`NEEDS_FULL_NAME` candidate stays if its
       entity is named in full.
    3. A :data:`NEEDS_CONFIRMATION` candidate that overlaps a DATE is the date: a gated
       word without a cue of its own (وزیر دوشنبه به تهران بازگشت) reads as the weekday
       even where the document names the city elsewhere (در دوشنبه).

    Examples:
        >>> from arfa.models import Label
        >>> full = Candidate(0, 15, Label.PER, "gazetteer", kb_id="per/guterres")
        >>> short = Candidate(3, 10, Label.PER, "gazetteer", kb_id="per/guterres", needs="full_name")
        >>> other = Candidate(12, 18, Label.PER, "gazetteer", kb_id="per/norov", needs="full_name")
        >>> [[c.kb_id for c in g] for g in apply_document_rules([[full], [short, other]])]
        [['per/guterres'], ['per/guterres']]
    """
    plain: set[str] = set()
    shorts: set[str] = set()
    for group in groups:
        for cand in group:
            if cand.kb_id is None:
                continue
            if cand.needs is None:
                plain.add(cand.kb_id)
            elif cand.needs == NEEDS_FULL_NAME:
                shorts.add(cand.kb_id)
    confirmed = plain | shorts
    named = set(plain)
    for group in groups:
        named.update(c.kb_id for c in group if c.needs == NEEDS_CONFIRMATION and c.kb_id in confirmed)

    def keep(cand: Candidate, dates: list[tuple[int, int]]) -> bool:
        if cand.needs == NEEDS_CONFIRMATION:
            return cand.kb_id in confirmed and not any(s < cand.end and cand.start < e for s, e in dates)
        if cand.needs == NEEDS_FULL_NAME:
            return cand.kb_id in named
        return True

    out = []
    for group in groups:
        dates = [(c.start, c.end) for c in group if c.label is Label.DATE]
        out.append([c for c in group if keep(c, dates)])
    return out
