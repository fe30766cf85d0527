"""Arabic vs Persian identification from the letters themselves.

Persian writes پ چ ژ گ, Persian yeh ی and keheh ک; Arabic writes ة, Arabic yeh ي,
kaf ك and alef maksura ى. Counting those separates the two on a sentence or
more; text with no Arabic-script letters (:data:`arfa.lang.ar.LETTER`: digits, marks and
tatweel are none) is ``und``. Presentation forms (U+FB50-FDFF, U+FE70-FEFC, common in
text copied from PDFs) count as the letters they stand for.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from arfa.lang import ar, fa

__all__ = ["detect", "segments"]

_LETTERS = ar.LETTERS
_FA = fa.DISTINCT_LETTERS
_AR = ar.DISTINCT_LETTERS


@lru_cache(maxsize=1024)
def _unpresent(ch: str) -> str:
    """The letters a presentation form stands for (``ﻻ`` -> ``لا``): NFKC of that one character."""
    return unicodedata.normalize("NFKC", ch)


def _scores(text: str) -> tuple[int, int, int]:
    fa = ar = letters = 0
    for ch in text:
        # Arabic presentation forms (text copied from PDFs) count as the letters they show
        for c in _unpresent(ch) if "\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufefc" else ch:
            if c in _LETTERS:
                letters += 1
                if c in _FA:
                    fa += 1
                elif c in _AR:
                    ar += 1
    return fa, ar, letters


def detect(text: str, default: str = "und") -> str:
    """``"ar"``, ``"fa"``, or ``default`` when ``text`` has no Arabic-script letters.

    Examples:
        >>> detect("عقد اجتماع منظمة شنغهاي للتعاون في فيينا")
        'ar'
        >>> detect("جلسه شورای وزیران خارجه در دوشنبه برگزار شد")
        'fa'
        >>> detect("The OSCE met in Vienna.")
        'und'
    """
    fa, ar, letters = _scores(text)
    if letters == 0:
        return default
    if fa == ar:
        return default if fa == 0 and default != "und" else ("fa" if "\u200c" in text else "ar")
    return "fa" if fa > ar else "ar"


def segments(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Label each sentence span with its language and merge neighbours of one language.

    A sentence that cannot tell by itself (no Arabic-script letter, or as many
    Persian as Arabic letters) takes the language of the document as a whole, so a
    Latin-script line inside an Arabic article stays with the article.

    Examples:
        >>> segments("في فيينا. در تهران چه گفت. EU Reporter", [(0, 9), (10, 25), (26, 37)])
        [(0, 9, 'ar'), (10, 25, 'fa'), (26, 37, 'ar')]
        >>> segments("The OSCE met.", [(0, 13)])
        [(0, 13, 'und')]
    """
    overall = detect(text)
    out: list[tuple[int, int, str]] = []
    for s, e in spans:
        piece = text[s:e]
        fa, ar, letters = _scores(piece)
        if letters == 0 or fa == ar:
            lang = overall if overall != "und" or letters == 0 else "ar"
        else:
            lang = "fa" if fa > ar else "ar"
        if out and out[-1][2] == lang:
            out[-1] = (out[-1][0], e, lang)
        else:
            out.append((s, e, lang))
    return out
