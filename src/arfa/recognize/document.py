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

from arfa.lang.base import WORD, language
from arfa.models import Label
from arfa.recognize.base import NEEDS_CONFIRMATION, NEEDS_FULL_NAME, Candidate

__all__ = ["SURNAME_SOURCE", "apply_document_rules", "repeated_surnames"]

SURNAME_SOURCE = "surname"
"""``Entity.source`` of a surname found again after a person's full name."""
_MIN_SURNAME = 4  # letters


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


def repeated_surnames(
    texts: Sequence[str], merged: Sequence[Sequence[Candidate]], langs: Sequence[str]
) -> list[list[Candidate]]:
    """Each segment's merged candidates, with a person's surname found again where it recurs.

    News names a person in full once and by surname after (``بخودير قربانوف`` ... ``وقال
    قربانوف``). Every person of several words found anywhere in the document (by the
    knowledge base, the model or the titles rule) gives its last word, when it has
    four letters or more and is no ordinary word and no second part of a compound given
    name (``arfa.lang.<lang>.NAME_TAILS``: عبد الله). Each later written word
    that is that surname, or that surname after proclitics, becomes a PER
    (``source="surname"``) where nothing covers it, and replaces a model guess of another
    label (``تاشیف`` read as a place). A knowledge-base or date match there is kept.

    Args:
        texts: the normalized text of each segment.
        merged: the merged candidates of each segment (non-overlapping).
        langs: each segment's language.

    Examples:
        >>> from arfa.normalize import fold
        >>> text = fold("التقى بخودير قربانوف نظيره. وقال قربانوف إن")
        >>> full = Candidate(6, 20, Label.PER, "titles", score=0.5)
        >>> [text[c.start:c.end] for c in repeated_surnames([text], [[full]], ["ar"])[0]]
        ['بخودير قربانوف', 'قربانوف']
    """
    surnames: dict[str, int] = {}  # surname -> first segment index naming the person in full
    for index, (text, group) in enumerate(zip(texts, merged)):
        for cand in group:
            words = text[cand.start : cand.end].split()
            if cand.label is Label.PER and len(words) >= 2:
                last, data = words[-1], language(langs[index])
                if (len(last) >= _MIN_SURNAME and last.isalpha() and last not in data.common_words()
                        and last not in data.NAME_TAILS):
                    surnames.setdefault(last, index)
    if not surnames:
        return [list(group) for group in merged]
    out: list[list[Candidate]] = []
    for index, (text, group, lang) in enumerate(zip(texts, merged, langs)):
        kept = list(group)
        for match in WORD.finditer(text):
            found = _surname_in(match.group(), lang, surnames, index)
            if found is None:
                continue
            start, end = match.start() + found, match.end()
            over = [c for c in kept if c.start < end and start < c.end]
            if any(c.priority > 0 or c.label is Label.PER for c in over):
                continue  # known, or already a person (the full name itself)
            kept = [c for c in kept if c not in over]
            kept.append(Candidate(start, end, Label.PER, SURNAME_SOURCE, score=0.5, priority=0))
        out.append(sorted(kept, key=lambda c: (c.start, c.end)))
    return out


def _surname_in(word: str, lang: str, surnames: dict[str, int], index: int) -> int | None:
    """The offset in ``word`` where a surname of the document starts (after proclitics), or None."""
    for reading in language(lang).readings(word):
        first = surnames.get(reading.rest)
        if first is not None and first <= index:
            return reading.offset
    return None
