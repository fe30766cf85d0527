"""Gazetteer recognizer: knowledge-base aliases matched on folded words with a trie.

Aliases and text are folded by the same :func:`arfa.normalize.normalize` and cut
into the same units (runs of word characters, single punctuation marks), and a
word trie finds every alias starting at each unit, so the cost grows with the
length of the text and the length of the longest alias, not with the size of the
knowledge base.

Arabic proclitics are stripped only when the rest is a known alias: ``وطاجيكستان``
matches ``طاجيكستان`` from its second letter, ``للامم المتحده`` matches
``الامم المتحده`` from its second letter (the span ``لأمم المتحدة``), while
``لبنان`` stays whole. A ``short`` alias (a surname) matches only in a document
that also names its entity in full.

One-word aliases that are ordinary words far more often than names are *gated*
(the list of such words per language, ``resources/common/<lang>.txt``, is generated
from the NER training corpora by ``scripts/build_common_words.py``): ``دوشنبه`` is
Dushanbe after a locative cue (``در دوشنبه``, ``بدوشنبه``) and Monday otherwise;
once a gated alias is confirmed in a document, its other mentions there link too,
unless a number follows (``دوشنبه 12 ژوئیه``) or a day word precedes (``روز``).
Idioms (``در آستانه``, "on the eve of") never confirm. A proclitic is not stripped
from an ordinary word to make a one-word name (``فعالية`` is not ``ف`` + ``عالية``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field

from arfa.kb.context import national_bodies
from arfa.kb.store import Alias, KnowledgeBase
from arfa.lang import ar, fa, language
from arfa.models import Label
from arfa.normalize import NormalizedText
from arfa.recognize.base import NEEDS_CONFIRMATION, NEEDS_FULL_NAME, Candidate, Segment
from arfa.recognize.bodies import body_spans
from arfa.recognize.senses import refine

__all__ = ["GazetteerRecognizer", "units"]

_UNIT = re.compile(r"\w+|[^\w\s]")
_LATIN = re.compile(r"[a-z]")
# The trie holds the aliases of both languages: a stop word of either is no one-word name.
_STOP = ar.STOP_WORDS | fa.STOP_WORDS
# A KB match through a stripped reading is confirmed by the KB: it scores at least this.
_CONFIRMED = 0.9
# A national institution named without its country is a guess at the model's priority.
_GENERIC_SCORE = 0.8


def units(text: str, start: int = 0) -> list[tuple[int, int, str]]:
    """The matching units of folded ``text``: ``(start, end, unit)``.

    Examples:
        >>> [u for _, _, u in units("co-operation in europe")]
        ['co', '-', 'operation', 'in', 'europe']
    """
    return [(m.start() + start, m.end() + start, m.group()) for m in _UNIT.finditer(text)]


def _followed_by_match(i: int, seq: list[tuple[int, int, str]], starts: list[int]) -> bool:
    """Whether some match starts inside the unit after unit ``i`` (``starts`` sorted)."""
    if i + 1 >= len(seq):
        return False
    lo, hi = seq[i + 1][0], seq[i + 1][1]
    at = bisect_left(starts, lo)
    return at < len(starts) and starts[at] < hi


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    aliases: list[Alias] = field(default_factory=list)


def _national_bodies_by_word(kb: KnowledgeBase) -> dict[str, list[tuple[str, ...]]]:
    """The generic names of :func:`arfa.kb.context.national_bodies` by first word, longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for name in kb.derived("national_bodies", national_bodies):
        words = tuple(name.split())
        out.setdefault(words[0], []).append(words)
    for found in out.values():
        found.sort(key=len, reverse=True)
    return out


def _build_trie(kb: KnowledgeBase) -> _Node:
    """The word trie of every alias of ``kb`` (a derived index the KB caches)."""
    root = _Node()
    for alias in kb.aliases():
        words = _UNIT.findall(alias.key)  # what units() cuts, without the offsets
        if not words or (len(words) == 1 and alias.kind != "acronym" and
                         (alias.key in _STOP or len(alias.key) < 3)):
            continue
        node = root
        for word in words:
            node = node.children.setdefault(word, _Node())
        node.aliases.append(alias)
    return root


class GazetteerRecognizer:
    """Finds knowledge-base aliases in text.

    Args:
        kb: the knowledge base whose aliases are matched.
        lang: the language of the text (clitic stripping is Arabic only).
    """

    name = "gazetteer"
    langs = frozenset({"ar", "fa"})

    def __init__(self, kb: KnowledgeBase, lang: str = "ar") -> None:
        self.lang = lang
        self._kb = kb
        self._lang = language(lang)
        self._common = self._lang.common_words()
        self._root = kb.derived("gazetteer_trie", _build_trie)

    def __call__(self, segment: Segment) -> list[Candidate]:
        """Local candidates of ``segment``; surnames and uncued gated words carry ``needs``.

        Matching runs on ``segment.norm`` cut into :func:`units` (the tokenizer's
        tokens split proclitics the alias keys keep, so they are not the unit here).
        """
        doc = segment.norm
        found: list[tuple[int, int, Alias, float]] = []
        gated: list[tuple[int, int, int, Alias, float]] = []  # (unit index, start, end, alias, score)
        seq = units(doc.text)
        covered = 0  # leftmost-longest: no match starts inside an earlier one
        for i in range(len(seq)):
            if seq[i][0] < covered:
                continue
            best = self._longest_at(doc, seq, i)
            if best is None or self._inside_word(segment, best[0], best[1]):
                continue
            covered = best[1]
            start, end, alias, score = best
            if self._is_gated(alias, start, end, seq[i]):
                gated.append((i, start, end, alias, score))
            else:
                found.append(best)
        # a gated word right before another name is its head noun: مدينة أكتاو, دولة قطر
        starts = sorted([f[0] for f in found] + [g[1] for g in gated])
        gated = [g for g in gated if not _followed_by_match(g[0], seq, starts)]
        out: list[Candidate] = [
            Candidate(start, end, alias.label, self.name, score=score, priority=10, kb_id=alias.entity_id,
                      needs=NEEDS_FULL_NAME if alias.kind == "short" else None)
            for start, end, alias, score in found
        ]
        # gated words: a local cue confirms one; the others wait for the document's verdict
        local = {a.entity_id for _, _, a, _ in found}
        kept = [g for g in gated if not self._blocked(g[0], g[3], seq)]
        cued = [self._cued(i, s, seq) for i, s, _, _, _ in kept]
        local.update(a.entity_id for (_, _, _, a, _), c in zip(kept, cued) if c)
        out.extend(
            Candidate(s, e, a.label, self.name, score=score, priority=10, kb_id=a.entity_id,
                      needs=None if c else NEEDS_CONFIRMATION)
            for (_, s, e, a, score), c in zip(kept, cued)
        )
        # a body of a known organization that the KB does not list (merge keeps the longer span)
        unit_starts = [u[0] for u in seq]
        orgs = sorted(
            [(s, e) for s, e, a, _ in found if a.label is Label.ORG and a.kind != "short"]
            + [(s, e) for _, s, e, a, _ in kept if a.label is Label.ORG and a.entity_id in local]
        )
        places = [(c.start, c.end) for c in out if c.label is Label.LOC and c.needs is None]
        out.extend(Candidate(s, e, Label.ORG, self.name, score=0.8, priority=10)
                   for s, e in body_spans(seq, [(bisect_right(unit_starts, s) - 1, e) for s, e in orgs],
                                          self.lang, [(c.start, c.end) for c in out], places))
        out.extend(self._generic_bodies(seq, out))
        return refine(doc, seq, out, self._kb, self.lang)

    def _generic_bodies(self, seq: list[tuple[int, int, str]], taken: list[Candidate]) -> list[Candidate]:
        """National institutions named without their country (``وزارة الخارجية``), where no
        match is: ORG guesses at the model's priority (a longer model name wins), that the
        linker gives the ministry of the document's country (:func:`arfa.kb.context.national_bodies`)."""
        generic = self._kb.derived("national_bodies_by_word", _national_bodies_by_word)
        out: list[Candidate] = []
        if not seq:
            return out
        occupied = bytearray(max(seq[-1][1], max((c.end for c in taken), default=0)))
        for c in taken:
            occupied[c.start : c.end] = b"\x01" * (c.end - c.start)
        covered = 0
        for i in range(len(seq)):
            start = seq[i][0]
            if start < covered or occupied[start]:
                continue
            for offset, key, score in self._variants(seq[i][2]):
                for words in generic.get(key, ()):
                    j = i + len(words)
                    # a definite word after it goes on with the name (وزارة الخارجية والمغتربين)
                    if (j <= len(seq) and tuple(u[2] for u in seq[i + 1 : j]) == words[1:]
                            and not (j < len(seq) and self._continues(seq[j][2]))):
                        end = seq[j - 1][1]
                        if not any(occupied[start:end]):
                            out.append(Candidate(start + offset, end, Label.ORG, self.name,
                                                 score=min(score, _GENERIC_SCORE), priority=0))
                            covered = end
                        break
                if covered > start:
                    break
        return out

    def _continues(self, unit: str) -> bool:
        """Whether ``unit`` is an Arabic definite word (the name goes on: ``والمغتربين``)."""
        return self.lang == "ar" and any(r.rest.startswith(ar.ARTICLE) for r in self._lang.readings(unit))

    @staticmethod
    def _inside_word(segment: Segment, start: int, end: int) -> bool:
        """Whether a match starts after a ZWNJ: inside a Persian word (``وگو`` of ``گفت‌وگو``)."""
        begin = segment.norm.span_to_orig(start, end)[0]
        return begin > 0 and segment.text[begin - 1] == fa.ZWNJ

    def _is_gated(self, alias: Alias, start: int, end: int, unit: tuple[int, int, str]) -> bool:
        """A one-word, non-acronym alias that is an ordinary word of the language."""
        return alias.kind != "acronym" and end <= unit[1] and alias.key in self._common

    def _blocked(self, i: int, alias: Alias, seq: list[tuple[int, int, str]]) -> bool:
        """A gated word that context rules out: before a number or a weekday's modifier
        (دوشنبه گذشته), after a word of time (روز, صبح, امروز), an idiom."""
        nxt = seq[i + 1][2] if i + 1 < len(seq) else ""
        prev = seq[i - 1][2] if i > 0 else ""
        lang = self._lang
        follows_place = nxt in lang.AFTER_PLACE and (
            nxt not in lang.MOTION_AFTER_PLACE or prev in lang.MOTION_PREPOSITIONS)
        idiom = (prev, alias.key) in lang.IDIOMS and nxt.isalpha() and not follows_place
        return idiom or nxt.isdigit() or prev in lang.TIME_CUES or nxt in lang.AFTER_WEEKDAY

    def _cued(self, i: int, start: int, seq: list[tuple[int, int, str]]) -> bool:
        """A gated word after a locative cue word or proclitic (در دوشنبه, بدوشنبه)."""
        prev = seq[i - 1][2] if i > 0 else ""
        clitic = seq[i][2][: start - seq[i][0]]
        return prev in self._lang.LOCATIVE_CUES or clitic in self._lang.LOCATIVE_PROCLITICS

    def _variants(self, unit: str) -> Iterable[tuple[int, str, float]]:
        """``(offset, key, score)`` readings of a first unit (:func:`arfa.lang.ar.readings`).

        A stripped reading leaves at least three letters (shorter one-word aliases
        are not in the trie); the KB confirms it, so even a bare stem scores
        :data:`_CONFIRMED`.
        """
        for reading in self._lang.readings(unit):
            if reading.offset == 0:
                yield 0, unit, 1.0
            elif len(unit) - reading.offset >= 3:
                yield reading.offset, reading.rest, max(reading.plausibility, _CONFIRMED)

    def _longest_at(
        self, doc: NormalizedText, seq: list[tuple[int, int, str]], i: int
    ) -> tuple[int, int, Alias, float] | None:
        first_start, _, first = seq[i]
        best: tuple[int, int, Alias, float] | None = None
        for offset, key, score in self._variants(first):
            node = self._root.children.get(key)
            j = i
            # an ordinary word is not a proclitic + a one-word name (فعالية is not ف + عالية)
            whole_word = offset > 0 and first in self._common
            while node is not None:
                alias = None if whole_word and j == i else self._pick(
                    doc, node.aliases, first_start + offset, seq[j][1])
                if alias is not None:
                    cand = (first_start + offset, seq[j][1], alias, score)
                    if best is None or cand[1] > best[1]:
                        best = cand
                j += 1
                if j >= len(seq):
                    break
                node = node.children.get(seq[j][2])
        return best

    def _pick(self, doc: NormalizedText, aliases: list[Alias], start: int, end: int) -> Alias | None:
        """The best alias ending here: acronyms in Latin script must be upper-case in the text."""
        if not aliases:
            return None
        ranked = sorted(aliases, key=lambda a: (a.kind == "short", -a.prior, a.entity_id))
        for alias in ranked:
            if alias.kind == "acronym" and _LATIN.search(alias.key):
                s, e = doc.span_to_orig(start, end)
                if not doc.original[s:e].isupper():
                    continue
            return alias
        return None
