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

from arfa.normalize import fold

__all__ = ["HEADS", "MAX_GAP", "body_spans"]

MAX_GAP = 5

HEADS = {
    "ar": frozenset(fold(w) for w in (
        "مجلس لجنة هيئة مكتب مركز أمانة منتدى صندوق بعثة معهد وكالة مفوضية جمعية محكمة بنك"
    ).split()),
    "fa": frozenset(fold(w) for w in (
        "شورای شورا کمیته کمیسیون دبیرخانه مرکز دفتر مجمع صندوق هیئت بانک دادگاه ستاد "
        "نمایندگی مؤسسه موسسه"
    ).split()),
}
_BREAKS = frozenset(fold(w) for w in (
    "في لدى داخل أن إن أنه قد لا لم لن ما كما التي الذي الذين حيث عن على مع إلى من هذا هذه ذلك تلك كان "
    "قال أكد أعلن دعا يدعو أشار أضاف عقد يعقد تعقد استضاف يستضيف وقال وأكد وأعلن بين خلال بعد قبل "
    "عند حول ضد أو ثم مثل "
    "که را از با به تا برای این آن است شد بود گفت کرد کند دارد خواهد و یا اما نیز هم ولی"
).split())
_CLITICS = ("و", "ف", "ب", "ل")


def _head_start(unit: str, heads: frozenset[str]) -> int | None:
    """Offset of a body head noun inside ``unit`` (after a proclitic), or ``None``."""
    if unit in heads or (unit.startswith("ال") and unit[2:] in heads):
        return 0
    if unit[:1] in _CLITICS and len(unit) > 3:
        rest = unit[1:]
        if rest in heads or (rest.startswith("ال") and rest[2:] in heads):
            return 1
        if unit[:2] == "لل" and unit[2:] in heads:  # لل + جنة... (li + al-)
            return 1
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
        >>> from arfa.recognize.gazetteer import units
        >>> seq = units(fold("اجتمع مجلس وزراء خارجية رابطة الدول المستقلة في بيشكيك"))
        >>> [(s, e) for s, e in body_spans(seq, [(4, 42)], "ar")]
        [(6, 42)]
    """
    heads = HEADS.get(lang, frozenset())
    out: list[tuple[int, int]] = []
    for first, end in orgs:
        for j in range(first - 1, max(-1, first - 2 - MAX_GAP), -1):
            unit = seq[j][2]
            at = _head_start(unit, heads)
            if at is not None:
                out.append((seq[j][0] + at, end))
                break
            if not unit.isalpha() or unit in _BREAKS:
                break
    return out
