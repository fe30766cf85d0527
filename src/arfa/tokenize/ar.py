"""Arabic tokenization: camel-tools' word tokenizer plus proclitic splitting.

camel-tools' ``simple_word_tokenize`` splits on whitespace and punctuation. On top
of it, an attached conjunction or preposition before the definite article is split
off, as the annotation rules want it outside entity spans:

* ``والاتحاد`` -> ``و`` + ``الاتحاد``; ``بالأمم`` -> ``ب`` + ``الأمم``; ``وبال...``
  -> ``و`` + ``ب`` + ``ال...``
* ``للأمم`` (li + al-) -> ``ل`` + ``لأمم``: the span starts after the first lam.

Proclitics on words without the article (``لكازاخستان``) are ambiguous with
word-initial letters (``لبنان``), so the tokenizer leaves them; the gazetteer
strips them only when the rest is a known name. The choice is
:func:`arfa.lang.ar.strip_proclitics`, read on the token without its diacritics
(``وَالاتحاد`` splits too).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from arfa.lang.ar import PROCLITIC_LETTERS, strip_proclitics
from arfa.models import Token
from arfa.tokenize.base import Tokenized, align, sentences_from_spans, split_sentences

__all__ = ["ArabicTokenizer", "split_proclitics"]

_CHUNK = re.compile(r"\S+")
_PLAIN = re.compile(r"[^\W_]+")


def _is_mark(ch: str) -> bool:
    return ch == "\u0640" or unicodedata.category(ch) == "Mn"


def split_proclitics(token: Token) -> list[Token]:
    """Split attached proclitics before the definite article off ``token``.

    Examples:
        >>> [t.text for t in split_proclitics(Token(start=0, end=8, text="والاتحاد"))]
        ['و', 'الاتحاد']
        >>> [t.text for t in split_proclitics(Token(start=0, end=5, text="للأمم"))]
        ['ل', 'لأمم']
        >>> [t.text for t in split_proclitics(Token(start=0, end=5, text="لبنان"))]
        ['لبنان']
        >>> [t.text for t in split_proclitics(Token(start=0, end=8, text="وَبالأمم"))]
        ['وَ', 'ب', 'الأمم']
    """
    text = token.text
    # every split leaves ال or لل after at most two letters (and their diacritics)
    if text[:1] not in PROCLITIC_LETTERS or "ل" not in text[1:9]:
        return [token]
    if not any(map(_is_mark, text)):
        offset, _ = strip_proclitics(text)
        cuts = [*range(offset + 1), len(text)]
    else:  # diacritics stay on their letter
        letters = [i for i, ch in enumerate(text) if not _is_mark(ch)]
        offset, _ = strip_proclitics("".join(text[i] for i in letters))
        cuts = [*letters[: offset + 1], len(text)]
    if offset == 0:
        return [token]
    return [Token.of(text, a, b).shifted(token.start) for a, b in zip(cuts, cuts[1:])]


@cache
def _camel_tokenize() -> object:
    from camel_tools.tokenizers.word import simple_word_tokenize

    return simple_word_tokenize


class ArabicTokenizer:
    """camel-tools word tokenization with original offsets and proclitic splitting.

    Examples:
        >>> tok = ArabicTokenizer()
        >>> [t.text for t in tok("وصل والاتحاد إلى فيينا.").tokens]
        ['وصل', 'و', 'الاتحاد', 'إلى', 'فيينا', '.']
    """

    lang = "ar"

    def __call__(self, text: str) -> Tokenized:
        simple = _camel_tokenize()
        tokens: list[Token] = []
        # camel-tools' pattern never crosses whitespace, and on 1.5.x it is slow
        # (about 4k tokens/s, from its emoji alternation): chunks of letters and
        # digits alone are tokens as they stand; only the others go through it.
        for m in _CHUNK.finditer(text):
            chunk = m.group()
            if _PLAIN.fullmatch(chunk):
                found = [Token.of(text, m.start(), m.end())]
            else:
                pieces: list[str] = simple(chunk)  # type: ignore[operator]
                found = [t.shifted(m.start()) for t in align(chunk, pieces)]
            for token in found:
                tokens.extend(split_proclitics(token))
        spans = split_sentences(text, tokens)
        return Tokenized(tuple(tokens), sentences_from_spans(text, spans, self.lang))
