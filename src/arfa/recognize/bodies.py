"""Bodies of known organizations: a head noun, a few words, then the organization.

The annotation guidelines make ``مجلس وزراء خارجية رابطة الدول المستقلة`` or
``کمیته اقتصادی سازمان همکاری اقتصادی اکو`` one ORG span with the parent's name
inside. The knowledge base lists the bodies news names most; for the others this
rule joins a body head noun (مجلس, لجنة, مركز, شورای, دبیرخانه ...) to the known
organization that follows it within :data:`MAX_GAP` plain words (no particle, verb of
saying, punctuation or digit between them). Programmes and plans (برنامج, برنامه) are
not heads: "the action plan of the SCO" is no body.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from arfa.lang import ar, fa, language
from arfa.lang.base import Language

__all__ = ["MAX_GAP", "body_spans"]

MAX_GAP = 5

# A word of either language ends the body: units of a document may be of both.
_BREAKS = ar.BREAK_WORDS | fa.BREAK_WORDS


def _head_start(unit: str, lang: Language) -> int | None:
    """Offset of a body head noun inside ``unit`` (after any proclitic), or ``None``.

    The head may carry the article and proclitics (المجلس, وبمجلس, كمركز, للمجلس):
    every reading of the unit is tried, the body-head list confirming it.

    Examples:
        >>> [_head_start(u, ar) for u in ("المجلس", "وبمجلس", "كمركز", "للمجلس", "بغداد")]
        [0, 2, 1, 1, None]
    """
    heads = lang.BODY_HEADS
    for reading in lang.readings(unit):
        if reading.rest in heads or lang.strip_article(reading.rest) in heads:
            return reading.offset
    return None


def body_spans(
    seq: Sequence[tuple[int, int, str]], orgs: Iterable[tuple[int, int]], lang: str
) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of bodies ending with one of ``orgs``.

    Args:
        seq: the matching units of the folded text (:func:`arfa.recognize.gazetteer.units`).
        orgs: ``(first unit index, end offset)`` of each known-organization match.
        lang: the text's language.

    Examples:
        >>> from arfa.normalize import fold
        >>> from arfa.recognize.gazetteer import units
        >>> seq = units(fold("اجتمع مجلس وزراء خارجية رابطة الدول المستقلة في بيشكيك"))
        >>> [(s, e) for s, e in body_spans(seq, [(4, 42)], "ar")]
        [(6, 42)]
    """
    data = language(lang)
    out: list[tuple[int, int]] = []
    for first, end in orgs:
        for j in range(first - 1, max(-1, first - 2 - MAX_GAP), -1):
            unit = seq[j][2]
            at = _head_start(unit, data)
            if at is not None:
                out.append((seq[j][0] + at, end))
                break
            if not unit.isalpha() or unit in _BREAKS:
                break
    return out
