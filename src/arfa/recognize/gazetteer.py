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

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from arfa.kb.store import Alias, KnowledgeBase
from arfa.models import Label, Token
from arfa.normalize import NormalizedText, fold
from arfa.recognize.base import Candidate
from arfa.recognize.bodies import body_spans

__all__ = ["GazetteerRecognizer", "units"]

_UNIT = re.compile(r"\w+|[^\w\s]")
_LATIN = re.compile(r"[a-z]")
# Single-word aliases that are ordinary words far more often than names.
_STOP = frozenset(
    fold(w)
    for w in (
        "في من إلى على عن مع هذا هذه التي الذي كان قد لا ما أن إن أو ثم بين حول عام يوم "
        "در از به با که این آن را و یا تا بر برای هم نیز شد است بود کرد"
    ).split()
)
_CUES = {
    "ar": frozenset(fold(w) for w in "في إلى الى من مدينة العاصمة عاصمة وفي ومن وإلى".split()),
    "fa": frozenset(fold(w) for w in "در به از شهر پایتخت تا".split()),
}
_ANTI_CUES = frozenset(fold(w) for w in "روز يوم يوم، صباح مساء شب".split())
_IDIOMS = frozenset((fold(a), fold(b)) for a, b in [("در", "آستانه"), ("در", "استانه")])
# After a place the sentence goes on with a verb or a conjunction; "on the eve of"
# (در آستانه) is always followed by the noun it governs.
_AFTER_PLACE = frozenset(fold(w) for w in "برگزار شد است بود گفت و که با به دیدار حضور".split())
_LOCATIVE_CLITICS = ("ب", "ل", "وب", "ول", "فب")
_PROCLITICS_AR = ("و", "ف", "ب", "ك", "ل", "وب", "وك", "ول", "فب", "فك", "فل")


@cache
def common_words(lang: str) -> frozenset[str]:
    """Folded words of ``lang`` that are rarely names (empty for other languages)."""
    path = resources.files("arfa.resources").joinpath("common", f"{lang}.txt")
    if not path.is_file():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


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
        self._common = common_words(lang)
        self._cues = _CUES.get(lang, frozenset())
        self._root = _Node()
        self._build(kb.aliases())

    def _build(self, aliases: Iterable[Alias]) -> None:
        for alias in aliases:
            words = [u for _, _, u in units(alias.key)]
            if not words or (len(words) == 1 and alias.kind != "acronym" and
                             (alias.key in _STOP or len(alias.key) < 3)):
                continue
            node = self._root
            for word in words:
                node = node.children.setdefault(word, _Node())
            node.aliases.append(alias)

    def __call__(
        self, doc: NormalizedText, tokens: Sequence[Token], *, doc_date: dt.date | None = None
    ) -> list[Candidate]:
        found: list[tuple[int, int, Alias, float]] = []
        gated: list[tuple[int, int, int, Alias, float]] = []  # (unit index, start, end, alias, score)
        seq = units(doc.text)
        covered = 0  # leftmost-longest: no match starts inside an earlier one
        for i in range(len(seq)):
            if seq[i][0] < covered:
                continue
            best = self._longest_at(doc, seq, i)
            if best is None:
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
        found.extend(self._confirm(gated, seq, {a.entity_id for _, _, a, _ in found}))
        found.sort(key=lambda f: f[0])
        unit_starts = [u[0] for u in seq]
        orgs = [(bisect_right(unit_starts, s) - 1, e) for s, e, a, _ in found
                if a.label is Label.ORG and a.kind != "short"]
        named = {a.entity_id for _, _, a, _ in found if a.kind != "short"}
        out: list[Candidate] = []
        for start, end, alias, score in found:
            if alias.kind == "short" and alias.entity_id not in named:
                continue
            out.append(Candidate(start, end, alias.label, self.name, score=score, priority=10,
                                 kb_id=alias.entity_id))
        # a body of a known organization that the KB does not list (merge keeps the longer span)
        out.extend(Candidate(s, e, Label.ORG, self.name, score=0.8, priority=10)
                   for s, e in body_spans(seq, orgs, self.lang))
        return out

    def _is_gated(self, alias: Alias, start: int, end: int, unit: tuple[int, int, str]) -> bool:
        """A one-word, non-acronym alias that is an ordinary word of the language."""
        return alias.kind != "acronym" and end <= unit[1] and alias.key in self._common

    def _confirm(
        self, gated: list[tuple[int, int, int, Alias, float]], seq: list[tuple[int, int, str]],
        named: set[str],
    ) -> list[tuple[int, int, Alias, float]]:
        """Keep gated matches that context confirms, in the document as a whole."""
        def blocked(i: int, alias: Alias) -> bool:
            nxt = seq[i + 1][2] if i + 1 < len(seq) else ""
            prev = seq[i - 1][2] if i > 0 else ""
            idiom = (prev, alias.key) in _IDIOMS and nxt.isalpha() and nxt not in _AFTER_PLACE
            return idiom or nxt.isdigit() or prev in _ANTI_CUES

        def cued(i: int, start: int) -> bool:
            prev = seq[i - 1][2] if i > 0 else ""
            clitic = seq[i][2][: start - seq[i][0]]
            return prev in self._cues or clitic in _LOCATIVE_CLITICS

        confirmed = set(named)
        confirmed.update(a.entity_id for i, s, _, a, _ in gated if not blocked(i, a) and cued(i, s))
        return [(s, e, a, score) for i, s, e, a, score in gated if a.entity_id in confirmed and not blocked(i, a)]

    def _variants(self, unit: str) -> Iterable[tuple[int, str, float]]:
        """``(offset, key, score)`` readings of a first unit: whole, then clitic-stripped."""
        yield 0, unit, 1.0
        if self.lang != "ar" or len(unit) < 4:
            return
        for clitic in _PROCLITICS_AR:
            if unit.startswith(clitic) and len(unit) - len(clitic) >= 3:
                rest = unit[len(clitic):]
                if clitic.endswith("ل") and rest.startswith("ل"):
                    yield len(clitic), "ا" + rest, 0.95  # li + al-: للامم -> (ا)لامم
                yield len(clitic), rest, 0.9

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
