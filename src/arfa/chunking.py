"""Internal segmentation of very long documents, offsets unchanged.

The tokenizer, :func:`arfa.normalize.normalize` and the recognizers keep per-character
and per-token working data. On a 10 MB document that working data, not the result,
sets the peak memory. :func:`chunk_parts` cuts each language part of a long text at
sentence boundaries into pieces of at most :data:`CHUNK_CHARS` characters, so the
pipeline processes one piece at a time. A single sentence longer than that (a text with
no sentence punctuation at all) is cut at the last whitespace before the limit, so even
then the working data stays bounded; a line with no whitespace stays whole. Each
piece keeps its place in the original string: entities, tokens and sentences are
shifted back by the piece's start, exactly as the language parts already are.
Linking runs once over the whole document afterwards, so in-document coreference is
unaffected; the pieces only hide sentence-crossing context, which no recognizer uses.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from arfa.tokenize.base import split_sentences

__all__ = ["CHUNK_CHARS", "chunk_parts"]

CHUNK_CHARS = 100_000


def chunk_parts(
    text: str, parts: Sequence[tuple[int, int, str]], limit: int = CHUNK_CHARS
) -> list[tuple[int, int, str]]:
    """Split every part longer than ``limit`` at sentence boundaries.

    Args:
        text: the whole document.
        parts: ``(start, end, lang)`` ranges of ``text``.
        limit: the most characters a piece should have.

    Examples:
        >>> text = "أ ب. ج د. هـ و."
        >>> chunk_parts(text, [(0, len(text), "ar")], limit=6)
        [(0, 4, 'ar'), (5, 9, 'ar'), (10, 15, 'ar')]
        >>> chunk_parts(text, [(0, len(text), "ar")])
        [(0, 15, 'ar')]
    """
    out: list[tuple[int, int, str]] = []
    for start, end, lang in parts:
        if end - start <= limit:
            out.append((start, end, lang))
            continue
        piece_start: int | None = None
        piece_end = start
        for s, e in _bounded(text, split_sentences(text[start:end], ()), start, limit):
            if piece_start is not None and e - piece_start > limit:
                out.append((piece_start, piece_end, lang))
                piece_start = None
            if piece_start is None:
                piece_start = s
            piece_end = e
        if piece_start is not None:
            out.append((piece_start, piece_end, lang))
    return out


def _bounded(text: str, spans: Sequence[tuple[int, int]], offset: int, limit: int) -> Iterator[tuple[int, int]]:
    """``spans`` moved by ``offset``; one longer than ``limit`` is cut at whitespace.

    Examples:
        >>> list(_bounded("aa bb cc", [(0, 8)], 0, 5))
        [(0, 5), (6, 8)]
    """
    for s, e in spans:
        s, e = s + offset, e + offset
        while e - s > limit:
            cut = max(text.rfind(" ", s + 1, s + limit + 1), text.rfind("\n", s + 1, s + limit + 1))
            if cut <= s:
                break
            yield s, cut
            s = cut + 1
            while s < e and text[s].isspace():
                s += 1
        if s < e:
            yield s, e
