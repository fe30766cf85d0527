"""Span discipline for a statistical model's chunks: the annotation rules, applied after tagging.

A sequence tagger learns the conventions of its training corpora, which are not quite
arfa's (``docs/annotation.md``), and it errs at the edges of names. Every model chunk
goes through :func:`discipline`, on the folded text of the segment:

* **proclitics outside**: the first word loses an attached ``و ف ب ل ك`` (and their
  pairs) where :func:`arfa.lang.ar.strip_proclitics` reads one (before the article, and
  ``لل``), or where the rest is a known name and the whole word is not;
* **titles outside**: leading titles (``السيد``, ``الرئيس``, ``آقای``) go, and for a
  person the ordinary words that complete the title too (``وزير الخارجية سيرغي لافروف``
  → ``سيرغي لافروف``);
* **coordinated names split**: a chunk is cut before ``و`` when what follows starts a
  new name: an organization head (``ومنظمة``, ``و سازمان``), or a known name, or, for
  people, any standalone ``و``;
* **never a bare common word**: a one-word chunk that, proclitics aside, is an ordinary
  word (``للمنظمة``, ``بمدينة``) and no known name, or a head noun or anaphor alone
  (``سازمان``, ``المجلس``: a back-reference), is dropped;
* **posts are no organizations**: an organization chunk right after a minister's title
  that starts with a portfolio is the rest of the post (``وزیر امور خارجه``) and is dropped.

Sentences are tagged one at a time, so a chunk never crosses a sentence end.

Examples:
    >>> from arfa.models import Label
    >>> from arfa.normalize import fold
    >>> text = fold("التقى وزير الخارجية سيرغي لافروف بمدينة طهران والرئيس بوتين")
    >>> cands = [Candidate(6, 32, Label.PER, "crf"), Candidate(33, 39, Label.LOC, "crf"),
    ...          Candidate(46, 59, Label.PER, "crf")]
    >>> [text[c.start:c.end] for c in discipline(text, cands, "ar")]
    ['سيرغي لافروف', 'بوتين']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from arfa.lang import ar
from arfa.lang.base import QUOTES, WORD, language
from arfa.models import Label
from arfa.recognize.base import Candidate

__all__ = ["discipline"]

_CONJ = "و"
Known = Callable[[str], bool]


def _never(_: str) -> bool:
    return False


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in WORD.finditer(text, start, end)]


def _rests(word: str, lang: str) -> Iterable[str]:
    for reading in language(lang).readings(word):
        yield reading.rest


def _is_title(word: str, lang: str) -> bool:
    titles = language(lang).TITLES
    return any(rest in titles for rest in _rests(word, lang))


def _ordinary(word: str, lang: str, known: Known) -> bool:
    """An ordinary word (``arfa.lang.<lang>.common_words``), proclitics aside, and no listed name."""
    common = language(lang).common_words()
    return not known(word) and any(r in common for r in _rests(word, lang))


def _strip_head(text: str, words: list[tuple[int, int]], label: Label, lang: str, known: Known) -> int:
    """How many leading words are titles or, for people, ordinary words.

    After a title the ordinary words complete it (``وزير الخارجية سيرغي لافروف``); with a
    name list to tell names from ordinary words, a person's chunk also loses ordinary
    definite leading words without a title (``للبرازيلي فريد`` -> ``فريد``). An
    indefinite ordinary word may be a name (``بان كي مون``), so it stays unless a title
    precedes it.
    """
    k = 0
    titled = False
    while k < len(words) - 1:
        word = text[slice(*words[k])]
        if _is_title(word, lang):
            titled = True
        elif not (label is Label.PER and (titled or known is not _never and _definite(word, lang))
                  and _ordinary(word, lang, known)):
            break
        k += 1
    return k


def _definite(word: str, lang: str) -> bool:
    """An Arabic word with the article, proclitics aside (البرازيلي, للحارس)."""
    return lang == "ar" and any(rest.startswith(ar.ARTICLE) for rest in _rests(word, lang))


def _proclitic(word: str, lang: str, known: Known) -> int:
    """Characters of ``word`` that are a proclitic outside the span."""
    mod = language(lang)
    offset, _ = mod.strip_proclitics(word)
    if offset:
        return offset
    if known(word):
        return 0
    for reading in mod.readings(word):
        if reading.offset and len(reading.rest) >= 3 and known(reading.rest):
            return reading.offset
    return 0


def _cut_points(text: str, words: list[tuple[int, int]], label: Label, lang: str, known: Known) -> list[int]:
    """Indices of the words that start a new coordinated name."""
    heads = language(lang).ORG_HEADS
    cuts: list[int] = []
    for k in range(1, len(words)):
        word = text[slice(*words[k])]
        if word == _CONJ:
            if k + 1 >= len(words):
                continue
            nxt = text[slice(*words[k + 1])]
            if label is Label.PER or nxt in heads or (label is Label.LOC and known(nxt)):
                cuts.append(k)
        elif word.startswith(_CONJ) and len(word) > 3:
            rest = word[1:]
            if rest in heads and label is Label.ORG or label is not Label.ORG and known(rest):
                cuts.append(k)
    return cuts


def _pieces(text: str, cand: Candidate, lang: str, known: Known) -> list[tuple[int, int]]:
    words = _words(text, cand.start, cand.end)
    if not words:
        return []
    skip = _strip_head(text, words, cand.label, lang, known)
    words = words[skip:]
    cuts = _cut_points(text, words, cand.label, lang, known)
    groups: list[list[tuple[int, int]]] = []
    prev = 0
    for k in [*cuts, len(words)]:
        group = [w for w in words[prev:k] if text[slice(*w)] != _CONJ]
        if group and prev in cuts and text[slice(*words[prev])] != _CONJ:
            group[0] = (group[0][0] + len(_CONJ), group[0][1])  # the attached و of the cut
        if group:
            groups.append(group)
        prev = k
    out: list[tuple[int, int]] = []
    for n, group in enumerate(groups):
        # the chunk's own edges (brackets) stay where no word was taken off; quotes never
        # belong to a name: «ایرنا» -> ایرنا
        start = cand.start if n == 0 and not skip else group[0][0]
        end = cand.end if n == len(groups) - 1 else group[-1][1]
        while start < end and (text[start] in QUOTES or text[start].isspace()):
            start += 1
        while end > start and (text[end - 1] in QUOTES or text[end - 1].isspace()):
            end -= 1
        start += _proclitic(text[group[0][0] : group[0][1]], lang, known) if start == group[0][0] else 0
        if start < end:
            out.append((start, end))
    return out


def _bare_common(word: str, lang: str, known: Known) -> bool:
    if known(word):
        return False
    common = language(lang).common_words()
    return any(rest in common and not known(rest) for rest in _rests(word, lang))


def _title_complement(text: str, cand: Candidate, lang: str) -> bool:
    """Whether an organization chunk is the rest of a post: a minister's title, then a portfolio.

    ``وزیر امور خارجه ازبکستان``: the minister of foreign affairs is a post, not the
    ministry (``وزارت امور خارجه``). ``arfa.lang.<lang>.MINISTER_TITLES`` and ``PORTFOLIOS``
    list the titles and the first words; a player's club (``بازیکن نفت تهران``) stays.
    """
    before = [m.group() for m in WORD.finditer(text, max(0, cand.start - 40), cand.start)]
    mod = language(lang)
    if (not before or not text[cand.start - 1 : cand.start].isspace()
            or not any(r in mod.MINISTER_TITLES for r in _rests(before[-1], lang))):
        return False
    words = _words(text, cand.start, cand.end)
    return bool(words) and any(r in mod.PORTFOLIOS for r in _rests(text[slice(*words[0])], lang))


def _generic_head(word: str, lang: str) -> bool:
    """A head noun or anaphor alone (``سازمان``, ``المنظمة``, ``شورا``): a back-reference, no name."""
    mod = language(lang)
    return any(r in mod.ORG_HEADS or r in mod.BODY_HEADS or r in mod.ANAPHORS
               or mod.strip_article(r) in mod.ORG_HEADS for r in _rests(word, lang))


def discipline(
    text: str, candidates: Sequence[Candidate], lang: str, known: Known | None = None
) -> list[Candidate]:
    """Apply the span rules of the module docstring to model ``candidates``.

    Args:
        text: the folded segment the candidates' offsets point into.
        candidates: the model's chunks.
        lang: ``ar`` or ``fa``.
        known: whether a folded word or name is a known name (the model's name list);
            ``None`` knows no names.

    Returns:
        The kept and trimmed candidates, in order; a split chunk keeps its score.
    """
    is_known = known or _never
    out: list[Candidate] = []
    for cand in candidates:
        if cand.label is Label.ORG and _title_complement(text, cand, lang):
            continue
        for start, end in _pieces(text, cand, lang, is_known):
            piece = text[start:end]
            # judge the whole written word, proclitics included: للمنظمه reads as المنظمه
            word_start = start
            while word_start > 0 and not text[word_start - 1].isspace():
                word_start -= 1
            if " " not in piece and (_bare_common(text[word_start:end], lang, is_known)
                                     or _generic_head(text[word_start:end], lang)):
                continue
            out.append(replace(cand, start=start, end=end))
    return out
