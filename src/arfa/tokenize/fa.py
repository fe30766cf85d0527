"""Persian tokenization with hazm, aligned back to the original text.

hazm's ``WordTokenizer`` keeps ZWNJ-joined words together (``سازمان‌های``) and
its ``SentenceTokenizer`` splits sentences; both return strings, sometimes with
characters rewritten, so :func:`arfa.tokenize.base.align` places them on the
original text. hazm's ``Normalizer`` is not applied to the text: it rewrites dates
(``16.07.2021``) and would move offsets.
"""

from __future__ import annotations

import re
import threading
from functools import cache
from typing import Any

from arfa.tokenize.base import Tokenized, align, sentences_from_spans

__all__ = ["PersianTokenizer"]

_LOCK = threading.Lock()

#: hazm's sentence-end pattern, ``([!.?⸮؟]+)[ \n]+``, rescans a run of end marks from
#: every position when no space follows (quadratic: 20,000 dots took 12 s). The same
#: pattern with a match allowed only where a run starts finds the same breaks in linear time.
_HAZM_SENTENCE_END = re.compile(r"(?<![!.?⸮؟])([!.?⸮؟]+)[ \n]+")


@cache
def _hazm() -> tuple[Any, Any]:
    from hazm import SentenceTokenizer, WordTokenizer

    sentences = SentenceTokenizer()
    if getattr(sentences, "pattern", None) is not None and sentences.pattern.pattern == r"([!.?⸮؟]+)[ \n]+":
        sentences.pattern = _HAZM_SENTENCE_END
    return WordTokenizer(replace_numbers=False, replace_ids=False, replace_emails=False,
                         replace_links=False, replace_hashtags=False, separate_emoji=False,
                         join_verb_parts=False), sentences


class PersianTokenizer:
    """hazm word and sentence tokenization with original offsets.

    Examples:
        >>> tok = PersianTokenizer()
        >>> [t.text for t in tok("سازمان‌های همکاری (SCO).").tokens]
        ['سازمان\u200cهای', 'همکاری', '(', 'SCO', ')', '.']
    """

    lang = "fa"

    def __call__(self, text: str) -> Tokenized:
        words, sentences = _hazm()
        with _LOCK:  # hazm's tokenizers keep no per-call state, but are not documented as thread-safe
            pieces: list[str] = words.tokenize(text)
            sent_pieces: list[str] = sentences.tokenize(text)
        tokens = align(text, pieces)
        spans = _place_sentences(text, sent_pieces, tokens)
        return Tokenized(tuple(tokens), sentences_from_spans(text, spans, self.lang))


def _place_sentences(text: str, pieces: list[str], tokens: list[Any]) -> list[tuple[int, int]]:
    """Sentence spans from hazm's sentence strings, located by their first token."""
    from arfa.tokenize.base import split_sentences

    starts: list[int] = []
    pos = 0
    for piece in pieces:
        head = piece.strip()[:8]
        if not head:
            continue
        at = text.find(head, pos)
        if at < 0:
            return split_sentences(text, tokens)
        starts.append(at)
        pos = at + len(head)
    if not starts:
        return []
    spans: list[tuple[int, int]] = []
    for i, s in enumerate(starts):
        e = starts[i + 1] if i + 1 < len(starts) else len(text)
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    # a token that straddles a boundary (hazm rewrote something) merges the two
    from arfa.tokenize.base import _no_cut

    return _no_cut(spans, tokens)
