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
from arfa.tokenize.base import _INVISIBLE, Tokenized, _key, align, sentences_from_spans, split_sentences

__all__ = ["FAST_BLOCKS", "ArabicTokenizer", "split_proclitics", "word_pieces"]

_CHUNK = re.compile(r"\S+")
_PLAIN = re.compile(r"[^\W_]+")
# Characters whose tokens are known without camel-tools: ASCII and Arabic punctuation,
# which it always splits into one-character tokens ('#' and '*' only when no keycap
# follows), and control characters, surrogates and private-use characters, which it
# drops (they become one-character tokens, as align() would make them). camel-tools
# tries thousands of emoji alternatives at every character: 100,000 quotation marks
# took 20 s there, 5,000 NULs 2 s.
_SIMPLE_RUN = re.compile(
    r"(?:[!-\"$-)+-/:-@\[-`{-~،؛؟«»…\x00-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff]"
    r"|[#*](?![\ufe0f\u20e3]))+"
)


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


def _camel_tokens(text: str, start: int, end: int) -> list[Token]:
    """camel-tools' tokens of ``text[start:end]``, placed on ``text``."""
    simple = _camel_tokenize()
    piece = text[start:end]
    return [t.shifted(start) for t in align(piece, simple(piece))]  # type: ignore[operator]


#: Blocks whose characters :func:`word_pieces` tokenizes itself: Latin (with Latin-1 and
#: Extended-A/B), Arabic, Arabic Supplement and Extended-A, General Punctuation,
#: currency signs, and the Arabic presentation forms. No emoji sequence of camel-tools
#: is made of these characters alone (``tests/tokenize/test_ar.py`` checks it).
FAST_BLOCKS: tuple[tuple[int, int], ...] = (
    (0x0000, 0x024F), (0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF),
    (0x2000, 0x206F), (0x20A0, 0x20CF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF),
)


def _char_class(categories: str) -> str:
    """A regex class body: the :data:`FAST_BLOCKS` characters whose category starts with one of ``categories``."""
    chars = [chr(c) for lo, hi in FAST_BLOCKS for c in range(lo, hi + 1)
             if unicodedata.category(chr(c))[0] in categories]
    return "".join(_class_char(ord(ch)) for ch in chars)


def _class_char(code: int) -> str:
    """One character written safely inside a regex class, as a ``\\uXXXX`` escape."""
    return f"\\u{code:04x}"


_RANGES = "".join(f"{_class_char(lo)}-{_class_char(hi)}" for lo, hi in FAST_BLOCKS)
#: camel-tools' word pattern on :data:`FAST_BLOCKS` (module level, so the regex sweep of
#: ``tests/test_regexes.py`` sees it), and the test that a chunk stays inside them.
_FAST_PIECES = re.compile(f"[{_char_class('PS')}]|[{_char_class('LMN')}]+")
_FAST_INSIDE = re.compile(f"[{_RANGES}]*")


def _fast_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    return _FAST_PIECES, _FAST_INSIDE


def word_pieces(chunk: str) -> list[str]:
    """camel-tools' ``simple_word_tokenize(chunk)``, without its cost where it is known.

    camel-tools splits off every punctuation or symbol character (and multi-character
    emoji sequences) and keeps runs of letters, marks and numbers. Its pattern tries
    thousands of emoji alternatives at every character; on a chunk whose characters
    all lie in :data:`FAST_BLOCKS`, no emoji sequence can match, and one class of
    punctuation and symbols and one of letters, marks and numbers give the same
    pieces (``tests/tokenize/test_ar.py`` compares them on the news corpora). Other
    chunks go to camel-tools itself, the tokenizer of record.

    Examples:
        >>> word_pieces("(الأمم-المتحدة)،")
        ['(', 'الأمم', '-', 'المتحدة', ')', '،']
    """
    pieces, inside = _fast_patterns()
    if inside.fullmatch(chunk):
        return pieces.findall(chunk)
    simple = _camel_tokenize()
    found: list[str] = simple(chunk)  # type: ignore[operator]
    return found


def _word_tokens(text: str, start: int, end: int) -> list[Token]:
    """:func:`_camel_tokens` with the pieces of :func:`word_pieces` (the same pieces, sooner)."""
    piece = text[start:end]
    return [t.shifted(start) for t in align(piece, word_pieces(piece))]


def _chunk_tokens(text: str, start: int, end: int) -> list[Token]:
    """Tokens of a chunk without whitespace: :data:`_SIMPLE_RUN` here, the rest by camel-tools' pattern.

    The result is camel-tools' own, except that control characters, surrogates and
    private-use characters are always tokens of their own (:func:`align` would glue
    one to the next token). Punctuation that :func:`align` would join to a
    neighbour (an invisible character before it, a mark or tatweel after it) is left
    to camel-tools.
    """
    found: list[Token] = []
    pos = start
    for run in _SIMPLE_RUN.finditer(text, start, end):
        s, e = run.start(), run.end()
        if s > start and _glues(text[s - 1]) and not _dropped(text[s]):
            s += 1
        if e < end and _attaches(text[e]) and not _dropped(text[e - 1]):
            e -= 1
        if s >= e:
            continue
        if s > pos:
            found.extend(_word_tokens(text, pos, s))
        found.extend(Token.of(text, i, i + 1) for i in range(s, e))
        pos = e
    if pos < end:
        found.extend(_word_tokens(text, pos, end))
    return found


def _glues(ch: str) -> bool:
    """A character :func:`align` joins to the token after it (invisible, folds to nothing)."""
    return ch in _INVISIBLE or _key(ch) == ""


def _attaches(ch: str) -> bool:
    """A character :func:`align` joins to the token before it (a mark, tatweel)."""
    return ch == "\u0640" or unicodedata.category(ch) == "Mn"


def _dropped(ch: str) -> bool:
    """A control, surrogate or private-use character: camel-tools has no token for it."""
    return unicodedata.category(ch) in ("Cc", "Cs", "Co")


class ArabicTokenizer:
    """camel-tools word tokenization with original offsets and proclitic splitting.

    Examples:
        >>> tok = ArabicTokenizer()
        >>> [t.text for t in tok("وصل والاتحاد إلى فيينا.").tokens]
        ['وصل', 'و', 'الاتحاد', 'إلى', 'فيينا', '.']
    """

    lang = "ar"

    def __call__(self, text: str) -> Tokenized:
        tokens: list[Token] = []
        # camel-tools' pattern never crosses whitespace, and on 1.5.x it is slow
        # (about 4k tokens/s, from its emoji alternation): chunks of letters and
        # digits alone are tokens as they stand, and so is plain punctuation; only
        # the rest goes through it.
        for m in _CHUNK.finditer(text):
            if _PLAIN.fullmatch(m.group()):
                found = [Token.of(text, m.start(), m.end())]
            else:
                found = _chunk_tokens(text, m.start(), m.end())
            for token in found:
                tokens.extend(split_proclitics(token))
        spans = split_sentences(text, tokens)
        return Tokenized(tuple(tokens), sentences_from_spans(text, spans, self.lang))
