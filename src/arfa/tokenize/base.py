"""What every tokenizer provides, and the alignment that keeps original offsets.

camel-tools and hazm return bare strings, and hazm may rewrite characters (Arabic
yeh to Persian yeh, added ZWNJ, digits). :func:`align` finds each returned piece
in the original text by comparing folded characters, so every :class:`Token`
slices the caller's string exactly; text a library drops or garbles is
re-tokenized with a plain word pattern, so nothing is lost.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Protocol, runtime_checkable

from arfa.errors import UnsupportedLanguageError
from arfa.models import Sentence, Token
from arfa.normalize import _fold_char

__all__ = ["SUPPORTED", "Tokenized", "Tokenizer", "align", "get_tokenizer", "regex_tokens", "split_sentences"]

SUPPORTED = ("ar", "fa")

# A word: letters, digits, marks, ZWNJ/ZWJ and tatweel inside it; anything else alone.
# Invisible format characters (bidi controls, zero-width space, BOM) are never tokens.
_WORD = re.compile(
    r"[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u200c\u200d\u0640]+"
    r"|[^\s\w\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\u061c]"
)
# A match may only start where a run of end marks starts (the lookbehind): without
# it, a long run not followed by a space is rescanned from every position (quadratic).
_SENT_END = re.compile(r"(?<![.!?؟؛…])[.!?؟؛…]+[\"'”»)\]]*(?=\s)|\n\s*\n|\n")
_INVISIBLE = frozenset("\u200c\u200d\u200e\u200f\u0640\u061c\ufeff")


@dataclass(frozen=True, slots=True)
class Tokenized:
    """Tokens and sentences of one text, in its original offsets."""

    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]


@runtime_checkable
class Tokenizer(Protocol):
    """A language's tokenizer."""

    lang: str

    def __call__(self, text: str) -> Tokenized:
        """Tokenize ``text``; every token and sentence slices ``text`` exactly."""
        ...


def _key(ch: str) -> str:
    return _fold_char(ch).strip()


def _skipped(ch: str) -> bool:
    """A character :func:`_match_at` steps over (invisible, or folding to nothing)."""
    return ch in _INVISIBLE or _key(ch) == ""


def _match_at(text: str, pos: int, piece: str) -> int | None:
    """End of ``piece`` if it matches ``text`` from ``pos`` (folded, skipping invisibles)."""
    i, j = pos, 0
    n, m = len(text), len(piece)
    while j < m:
        pc = piece[j]
        if pc in _INVISIBLE or _key(pc) == "":
            j += 1
            continue
        while i < n and (text[i] in _INVISIBLE or _key(text[i]) == ""):
            i += 1
        if i >= n:
            return None
        if _key(text[i]) != _key(pc):
            if text[i].isspace() and pc.isspace():
                i += 1
                j += 1
                continue
            return None
        i += 1
        j += 1
    while i < n and (text[i] == "\u0640" or unicodedata.category(text[i]) == "Mn"):
        i += 1  # marks and tatweel after the last letter belong to the token
    return i if i > pos else None


def regex_tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Plain word/punctuation tokens of ``text[start:end]``.

    Examples:
        >>> [t.text for t in regex_tokens("في فيينا، اليوم")]
        ['في', 'فيينا', '،', 'اليوم']
    """
    stop = len(text) if end is None else end
    return [
        Token.of(text, m.start(), m.end())
        for m in _WORD.finditer(text, start, stop)
    ]


def align(text: str, pieces: Iterable[str], *, window: int = 64) -> list[Token]:
    """Place library tokens on ``text``; fill what they miss with :func:`regex_tokens`.

    Examples:
        >>> [(t.start, t.text) for t in align("سازمان‌ها و كتاب", ["سازمان‌ها", "و", "کتاب"])]
        [(0, 'سازمان\u200cها'), (10, 'و'), (12, 'كتاب')]
    """
    tokens: list[Token] = []
    pos = 0
    n = len(text)
    for piece in pieces:
        if not piece.strip():
            continue
        found = None
        scan = pos
        while scan < n and text[scan].isspace():
            scan += 1
        limit = min(n, pos + window + len(piece))
        if scan < limit and text.startswith(piece, scan) and not _skipped(piece[-1]):
            # the piece as written, after whitespace only (the common case): the
            # search below would match here first and end at the same place
            stop = scan + len(piece)
            while stop < n and (text[stop] == "\u0640" or unicodedata.category(text[stop]) == "Mn"):
                stop += 1
            tokens.append(Token.of(text, scan, stop))
            pos = stop
            continue
        while scan < limit:
            if not text[scan].isspace():
                end = _match_at(text, scan, piece)
                if end is not None:
                    found = (scan, end)
                    break
            scan += 1
        if found is None:
            continue
        s, e = found
        tokens.extend(regex_tokens(text, pos, s))
        tokens.append(Token.of(text, s, e))
        pos = e
    tokens.extend(regex_tokens(text, pos))
    return tokens


def split_sentences(text: str, tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Sentence spans: a break after ``. ! ? ؟ ؛`` followed by space, and at newlines.

    Spans never cut a token and are trimmed of surrounding whitespace.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(text):
        cut = m.end()
        spans.append((start, cut))
        start = cut
    spans.append((start, len(text)))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return _no_cut(out, tokens)


def _no_cut(spans: list[tuple[int, int]], tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Merge sentence spans so that no token straddles a boundary."""
    if not tokens:
        return spans
    merged: list[tuple[int, int]] = []
    ti = 0
    for s, e in spans:
        if merged:
            ps, pe = merged[-1]
            while ti < len(tokens) and tokens[ti].end <= pe:
                ti += 1
            if ti < len(tokens) and tokens[ti].start < pe < tokens[ti].end:
                merged[-1] = (ps, max(e, tokens[ti].end))
                continue
        merged.append((s, e))
    return merged


def sentences_from_spans(text: str, spans: Sequence[tuple[int, int]], lang: str) -> tuple[Sentence, ...]:
    """Sentence models for ``spans``."""
    return tuple(Sentence(start=s, end=e, text=text[s:e], lang=lang) for s, e in spans)


@cache
def get_tokenizer(lang: str) -> Tokenizer:
    """The shared tokenizer registered for ``lang`` (built once; thread-safe to call).

    Tokenizers are a registered kind (:mod:`arfa.registry`, entry-point group
    ``arfa.tokenizers``), named by the language they serve.

    Raises:
        UnsupportedLanguageError: no tokenizer is registered for ``lang``.
    """
    from arfa import registry

    if not isinstance(lang, str) or lang not in registry.available("tokenizer"):
        raise UnsupportedLanguageError(lang, SUPPORTED)
    tokenizer: Tokenizer = registry.create(lang, registry.Context(lang), kind="tokenizer")
    return tokenizer
