"""Character folding for matching, with a map back to the original offsets.

Every matcher in arfa (gazetteer, dates, linker) works on the output of
:func:`normalize`, and every span it finds is mapped back with
:meth:`NormalizedText.span_to_orig`, so entity offsets always point into the
caller's original string.

The folding, one original character at a time:

* Arabic diacritics (harakat, tanwin, shadda, sukun, superscript alef), Quranic
  marks and tatweel are dropped; so are bidi controls (LRM, RLM, LRE ... PDI),
  BOM, soft hyphen, zero-width space and ZWJ.
* ZWNJ, NBSP and every other Unicode space become one ASCII space.
* Alef forms أ إ آ ٱ fold to ا; ى, Persian ی and ئ to ي; ک to ك; ؤ to و;
  ة and ۀ to ه; Persian ه + hamza to ه.
* Arabic-Indic and Persian digits become ASCII digits; Latin letters lower-case;
  presentation forms are decomposed with NFKC.
"""

from __future__ import annotations

import unicodedata
from array import array
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["NormalizedText", "normalize", "fold"]

_DROP = frozenset(
    [chr(c) for c in range(0x064B, 0x0660)]  # harakat, tanwin, shadda, sukun, maddah ...
    + [chr(0x0670), chr(0x0640)]  # superscript alef, tatweel
    + [chr(c) for c in range(0x06D6, 0x06EE) if c not in (0x06E5, 0x06E6)]  # Quranic marks
    + [chr(c) for c in range(0x0610, 0x061B)]
    + ["\u200b", "\u200d", "\u200e", "\u200f", "\u00ad", "\ufeff", "\u061c"]
    + [chr(c) for c in range(0x202A, 0x202F)]  # LRE RLE PDF LRO RLO
    + [chr(c) for c in range(0x2066, 0x206A)]  # LRI RLI FSI PDI
)

_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ئ": "ي", "ې": "ي", "ێ": "ي",
    "ک": "ك", "ڪ": "ك",
    "ؤ": "و",
    "ة": "ه", "ۀ": "ه", "ہ": "ه", "ە": "ه", "ھ": "ه",
    "\u200c": " ", "\u00a0": " ", "\u202f": " ", "\u2007": " ",
}
_MAP.update({chr(0x0660 + i): str(i) for i in range(10)})  # Arabic-Indic digits
_MAP.update({chr(0x06F0 + i): str(i) for i in range(10)})  # Persian digits
_MAP.update({"٫": ".", "٬": ",", "،": "،"})


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """Fold one character; the result may be empty or, rarely, longer than one."""
    if ch in _DROP:
        return ""
    mapped = _MAP.get(ch)
    if mapped is not None:
        return mapped
    if ch.isascii():
        return ch.lower()
    if ch.isspace():
        return " "
    category = unicodedata.category(ch)
    if category == "Mn":  # combining marks of any script
        return ""
    if category == "Cs":  # lone surrogate: keep a placeholder so offsets stay
        return "\ufffd"
    if category in ("Cc", "Cf"):
        return " "
    decomposed = unicodedata.normalize("NFKC", ch)
    if decomposed != ch:
        return "".join(_fold_char(c) for c in decomposed if c != ch) or ""
    return ch.lower()


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """Folded text and, for each of its characters, the index of the original character.

    Attributes:
        original: the caller's text, unchanged.
        text: the folded text.
        to_orig: ``to_orig[i]`` is the index in ``original`` of the character that
            produced ``text[i]``; it never decreases. A compact ``array`` of
            machine integers (8 bytes a character, not a tuple of int objects).
    """

    original: str
    text: str
    to_orig: array[int]

    def span_to_orig(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of ``text`` to the original text.

        Examples:
            >>> norm = normalize("بِالأمم")
            >>> norm.text
            'بالامم'
            >>> norm.span_to_orig(1, 6)
            (2, 7)
        """
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"span {start}:{end} is outside the normalized text (length {len(self.text)})")
        return self.to_orig[start], self.to_orig[end - 1] + 1

    def orig_to_norm(self, index: int) -> int:
        """The first normalized position whose original index is ``index`` or later."""
        return bisect_right(self.to_orig, index - 1)


def normalize(text: str) -> NormalizedText:
    """Fold ``text`` for matching and keep the map back to its offsets.

    Examples:
        >>> normalize("منظّمة شانغهاي").text
        'منظمه شانغهاي'
        >>> normalize("سازمان‌های ۱۴۰۰").text
        'سازمان هاي 1400'
    """
    if not isinstance(text, str):
        raise TypeError(f"normalize() expects str, not {type(text).__name__}")
    out: list[str] = []
    to_orig: array[int] = array("q")
    for i, ch in enumerate(text):
        folded = _fold_char(ch)
        if folded:
            out.append(folded)
            if len(folded) == 1:
                to_orig.append(i)
            else:
                to_orig.extend([i] * len(folded))
    return NormalizedText(original=text, text="".join(out), to_orig=to_orig)


#: Texts up to this many characters go through :func:`fold`'s cache (words and names,
#: most of them repeats); longer ones (whole documents) are folded afresh.
FOLD_CACHED_LEN = 64


def fold(text: str) -> str:
    """The folded form of ``text`` with runs of spaces collapsed: a matching key.

    Short texts (up to :data:`FOLD_CACHED_LEN` characters) are cached: recognizers,
    features and the linker fold the same words again and again.

    Examples:
        >>> fold("  الأُمَمُ   المتّحدة ")
        'الامم المتحده'
        >>> fold("شانگهای") == fold("شانگهاي")
        True
    """
    if isinstance(text, str) and len(text) <= FOLD_CACHED_LEN:
        return _fold_cached(text)
    return _fold(text)


def _fold(text: str) -> str:
    return " ".join(normalize(text).text.split())


_fold_cached = lru_cache(maxsize=1 << 18)(_fold)
