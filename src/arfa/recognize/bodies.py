"""Bodies of known organizations: a head noun, a few words, then the organization.

The annotation guidelines make ``مجلس وزراء خارجية رابطة الدول المستقلة`` or
``کمیته اقتصادی سازمان همکاری اقتصادی اکو`` one ORG span with the parent's name
inside. The knowledge base lists the bodies news names most; for the others this
rule joins a body head noun (مجلس, لجنة, مركز, شورای, دبیرخانه ...) to the known
organization that follows it within :data:`MAX_GAP` plain words (no particle, verb of
saying, punctuation or digit between them). Programmes and plans (برنامج, برنامه) are
not heads: "the action plan of the SCO" is no body.

The second edition of the guidelines adds: a body goes on through ``التابع لـ`` (a plain
word) and, for an office (``SEATED_HEADS``: نمایندگی, دفتر, مكتب, بعثة), through ``در``/``في``
+ the place it sits in (``نمایندگی سازمان ملل در کابل``; a council meeting "in Bishkek" stays out);
two bodies joined by و are two spans (``مجلس وزراء الخارجية ومجلس وزراء الدفاع لمنظمة
...``), and a body never reaches across another name or a conjunction before the
organization (``وكالة الأناضول وقناة الجزيرة`` is two outlets, not one body).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence

from arfa.lang import ar, fa, language
from arfa.lang.base import Language

__all__ = ["MAX_GAP", "body_spans"]

MAX_GAP = 5

# A word of either language ends the body: units of a document may be of both.
_BREAKS = ar.BREAK_WORDS | fa.BREAK_WORDS


def _head_start(unit: str, lang: Language, heads: frozenset[str] | None = None) -> int | None:
    """Offset of a body head noun inside ``unit`` (after any proclitic), or ``None``.

    The head may carry the article and proclitics (المجلس, وبمجلس, كمركز, للمجلس):
    every reading of the unit is tried, the body-head list confirming it.

    Examples:
        >>> [_head_start(u, ar) for u in ("المجلس", "وبمجلس", "كمركز", "للمجلس", "بغداد")]
        [0, 2, 1, 1, None]
    """
    heads = lang.BODY_HEADS if heads is None else heads
    for reading in lang.readings(unit):
        if reading.rest in heads or lang.strip_article(reading.rest) in heads:
            return reading.offset
    return None


def _head_before(
    seq: Sequence[tuple[int, int, str]], j: int, data: Language, covered: bytearray
) -> tuple[int, int] | None:
    """``(unit index, offset)`` of a body head at or before unit ``j``, within
    :data:`MAX_GAP` plain words, or ``None``."""
    for k in range(j, max(-1, j - 1 - MAX_GAP), -1):
        unit = seq[k][2]
        if any(covered[seq[k][0] : seq[k][1]]):
            return None  # a body never swallows another name
        at = _head_start(unit, data)
        if at is not None:
            return k, at
        if not unit.isalpha() or unit in _BREAKS:
            return None
    return None


def _conjoined(unit: str, data: Language) -> bool:
    """Whether ``unit`` starts with an attached و or ف before the article (والبنك, فالمنظمة)."""
    offset, _ = data.strip_proclitics(unit)
    return offset > 0 and unit[0] in "وف"


def body_spans(
    seq: Sequence[tuple[int, int, str]],
    orgs: Iterable[tuple[int, int]],
    lang: str,
    matches: Iterable[tuple[int, int]] = (),
    places: Iterable[tuple[int, int]] = (),
) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of bodies ending with one of ``orgs`` (or a place after it).

    Args:
        seq: the matching units of the folded text (:func:`arfa.recognize.gazetteer.units`).
        orgs: ``(first unit index, end offset)`` of each known-organization match.
        lang: the text's language.
        matches: ``(start, end)`` of every name found, which a body must not reach across.
        places: ``(start, end)`` of places, which a body takes in after ``در``/``في``.

    Examples:
        >>> from arfa.normalize import fold
        >>> from arfa.recognize.gazetteer import units
        >>> seq = units(fold("اجتمع مجلس وزراء خارجية رابطة الدول المستقلة في بيشكيك"))
        >>> [(s, e) for s, e in body_spans(seq, [(4, 42)], "ar")]
        [(6, 42)]
        >>> [(s, e) for s, e in body_spans(seq, [(4, 42)], "ar", places=[(46, 52)])]
        [(6, 42)]
        >>> seq = units(fold("افتتح مكتب الامم المتحدة في كابل"))
        >>> [(s, e) for s, e in body_spans(seq, [(2, 24)], "ar", places=[(28, 32)])]
        [(6, 32)]
    """
    data = language(lang)
    out: list[tuple[int, int]] = []
    org_list = list(orgs)
    size = max([e for _, e in org_list] + [u[1] for u in seq[-1:]] + [0])
    covered = bytearray(size + 1)
    for s, e in matches:
        covered[s:e] = b"\x01" * (e - s)
    place_at = {s: e for s, e in places}
    starts = [u[0] for u in seq]
    for first, end in org_list:
        if _conjoined(seq[first][2], data):
            continue  # البنك الآسيوي للتنمية والبنك الأوروبي ...: two names, not a body of the second
        found = _head_before(seq, first - 1, data, covered)
        if found is None:
            continue
        j, at = found
        after = bisect_left(starts, end)  # نمایندگی سازمان ملل در کابل
        seated = _head_start(seq[j][2], data, data.SEATED_HEADS) is not None
        if (seated and after + 1 < len(seq) and seq[after][2] in data.PLACE_PREPOSITIONS
                and seq[after + 1][0] in place_at):
            end = place_at[seq[after + 1][0]]
        out.append((seq[j][0] + at, end))
        # مجلس وزراء الخارجية ومجلس وزراء الدفاع ...: the first conjunct is a body of its own
        joined = at > 0 and seq[j][2][0] in "وف"
        k = j - 1 if joined else j - 2
        if (joined or (j > 0 and seq[j - 1][2] in ("و", "،", ","))) and k >= 0:
            earlier = _head_before(seq, k, data, covered)
            if earlier is not None and earlier[0] < k:
                out.append((seq[earlier[0]][0] + earlier[1], seq[k][1]))
    return out
