"""People named after a title: the officials that no knowledge base lists.

News names most officials once, in a fixed frame: a title, what it is a title of,
then the name (``وزير الدفاع الأوزبكي بخودير قربانوف``, ``نائب الأمين العام لمنظمة
شنغهاي للتعاون سهيل خان``, ``رئیس کمیته امنیت ملی قرقیزستان کامچیبک تاشیف``). The
statistical model often misses such a name, or glues it to the organization before it;
the knowledge base cannot know every deputy minister. This rule runs after the merge, so
it knows where the organizations and places already found end:

1. a title (``arfa.lang.<lang>.TITLES``) that no entity covers starts a frame;
2. the frame runs over what completes the title: more titles, a minister's portfolio
   (``arfa.lang.<lang>.PORTFOLIOS``: امور خارجه), in Arabic definite words (``الدفاع``,
   ``الأوزبكي``), in Persian ordinary words (``arfa.lang.fa.common_words``), and
   organizations and places already found;
3. then :data:`MIN_NAME_WORDS` to :data:`MAX_NAME_WORDS` words that are none of these, no entity, no
   ordinary word and no word of a knowledge-base organization or place name that is in
   no person's name (``امور``, ``هيكل``), followed by no further such word, are a person
   (PER, ``source="titles"``, score :data:`SCORE`).

The same words right before a title, with at most a comma between, are a person too
(apposition: ``کاها ایمنادزه رئیس مرکز ...``, ``إيمانغالي تاسماغامبيتوف، الأمين العام``),
when the segment's start, punctuation or a break word comes before them.

Punctuation and a break word (``arfa.lang.<lang>.BREAK_WORDS``: از, إن ...) end a frame,
and so does a person or date already found (the name is known). An Arabic word ending in
a plural or dual pronoun suffix (``خارجيتها``, ``بوصفهما``) is no name. Offsets are those of the merged candidates: the segment's normalized text.
"""

from __future__ import annotations

from collections.abc import Sequence

from arfa.kb.store import KnowledgeBase
from arfa.lang.ar import ARTICLE, ENCLITICS
from arfa.lang.base import WORD, language
from arfa.models import Label
from arfa.recognize.base import Candidate

__all__ = ["MAX_COMPLEMENT", "MAX_NAME_WORDS", "MIN_NAME_WORDS", "SCORE", "people_after_titles", "place_and_org_words"]

MAX_COMPLEMENT = 8
"""The most words and entities between a title and the name."""

MIN_NAME_WORDS = 2
"""The fewest words of a name: one unknown word after a title is as often a verb (يشيد) as a surname."""

MAX_NAME_WORDS = 3
"""The most words of a name; a longer run of unknown words is not taken."""

SCORE = 0.5
"""The score of a person found this way."""

_SOURCE = "titles"
# pronoun suffixes no name ends in (ه, ي, ني, نا, ك, كم: too many names do)
_PRONOUNS = tuple(sorted(s for s in ENCLITICS if s.startswith("ه") and len(s) > 1 or s == "كما"))


def place_and_org_words(kb: KnowledgeBase) -> frozenset[str]:
    """Folded words of the KB's organization and place names that no person's name has.

    Use it through ``kb.derived("place_and_org_words", place_and_org_words)``.
    """
    named: set[str] = set()
    people: set[str] = set()
    for alias in kb.aliases():
        words = alias.key.split()
        (people if alias.label is Label.PER else named).update(words)
    return frozenset(named - people)


def _readings(word: str, lang: str) -> list[str]:
    return [r.rest for r in language(lang).readings(word)]


class _Words:
    """The segment's words, with what the merged entities say about each."""

    def __init__(self, text: str, merged: Sequence[Candidate], lang: str, not_names: frozenset[str]) -> None:
        self.text = text
        self.not_names = not_names
        self.lang = lang
        self.spans = [(m.start(), m.end()) for m in WORD.finditer(text)]
        self.entity: list[Candidate | None] = [None] * len(self.spans)
        by_start = sorted(merged, key=lambda c: c.start)
        k = 0
        for i, (start, end) in enumerate(self.spans):
            while k < len(by_start) and by_start[k].end <= start:
                k += 1
            if k < len(by_start) and by_start[k].start < end:
                self.entity[i] = by_start[k]
        mod = language(lang)
        self.titles = mod.TITLES
        self.heads = mod.ORG_HEADS
        self.common = mod.common_words()
        self.breaks = mod.BREAK_WORDS
        self.portfolios = mod.PORTFOLIOS

    def word(self, i: int) -> str:
        return self.text[slice(*self.spans[i])]

    def joined(self, i: int) -> bool:
        """Whether word ``i`` follows word ``i - 1`` with only spaces between."""
        return not self.text[self.spans[i - 1][1] : self.spans[i][0]].strip()

    def is_title(self, i: int) -> bool:
        return any(r in self.titles for r in _readings(self.word(i), self.lang))

    def ordinary(self, i: int) -> bool:
        return any(r in self.common for r in _readings(self.word(i), self.lang))

    def complement(self, i: int) -> bool:
        """A word that can complete a title: Arabic, a definite one; Persian, an ordinary one."""
        if self.word(i) in self.breaks:
            return False
        if any(r in self.portfolios for r in _readings(self.word(i), self.lang)):
            return True  # وزیر امور خارجه
        if self.lang == "ar":  # any definite word: الدفاع, الأوزبكي (a name after a title has no article)
            return any(r.startswith(ARTICLE) for r in _readings(self.word(i), self.lang))
        return self.ordinary(i)

    def name_like(self, i: int) -> bool:
        word = self.word(i)
        if self.entity[i] is not None or not word.isalpha() or len(word) < 2:
            return False
        if self.lang == "ar" and (word.startswith(ARTICLE) or word.endswith(_PRONOUNS)):
            return False
        if word in self.breaks or self.ordinary(i) or self.is_title(i) or word in self.heads:
            return False
        rests = _readings(word, self.lang)
        if self.lang == "ar":  # a KB name has the article where the text has a proclitic: لهيكل, الهيكل
            rests += [ARTICLE + r for r in rests if not r.startswith(ARTICLE)]
        return not any(r in self.not_names for r in rests)


def _frame_end(words: _Words, i: int) -> int | None:
    """The index of the first word after the title at ``i`` and its complement, or None."""
    j, steps = i + 1, 0
    while j < len(words.spans) and steps <= MAX_COMPLEMENT:
        if not words.joined(j):
            return None
        found = words.entity[j]
        if found is not None:
            if found.label not in (Label.ORG, Label.LOC):
                return None
            while j < len(words.spans) and words.entity[j] is found:
                j += 1
        elif words.is_title(j) or words.complement(j):
            j += 1
        else:
            return j
        steps += 1
    return None


def people_after_titles(
    text: str, merged: Sequence[Candidate], lang: str, kb: KnowledgeBase | None = None
) -> list[Candidate]:
    """The persons the frames of the module docstring find in ``text``, none overlapping ``merged``.

    Args:
        text: the normalized segment text the candidates point into.
        merged: the merged candidates of the segment (non-overlapping).
        lang: ``ar`` or ``fa``.
        kb: the knowledge base whose organization and place words are no names
            (:func:`place_and_org_words`); ``None``: no such words.

    Returns:
        New PER candidates, in order.

    Examples:
        >>> from arfa.normalize import fold
        >>> text = fold("قال وزير الدفاع الأوزبكي بخودير قربانوف إن")
        >>> [text[c.start : c.end] for c in people_after_titles(text, [], "ar")]
        ['بخودير قربانوف']
    """
    not_names = kb.derived("place_and_org_words", place_and_org_words) if kb is not None else frozenset()
    words = _Words(text, merged, lang, not_names)
    out: list[Candidate] = []
    taken = -1  # the last word index a found name covers
    i = 0
    while i < len(words.spans):
        if words.entity[i] is not None or not words.is_title(i):
            i += 1
            continue
        before = _name_before(words, i)
        if before is not None and before[0] > taken:
            out.append(Candidate(words.spans[before[0]][0], words.spans[before[1] - 1][1], Label.PER, _SOURCE,
                                 score=SCORE, priority=0))
        start = _frame_end(words, i)
        if start is None or not words.name_like(start):
            i += 1
            continue
        end = start + 1
        while end < len(words.spans) and words.joined(end) and words.name_like(end):
            end += 1
        if MIN_NAME_WORDS <= end - start <= MAX_NAME_WORDS:
            out.append(Candidate(words.spans[start][0], words.spans[end - 1][1], Label.PER, _SOURCE,
                                 score=SCORE, priority=0))
            taken = end - 1
        i = end
    return out


def _name_before(words: _Words, i: int) -> tuple[int, int] | None:
    """``(first, end)`` word indices of a name in apposition right before the title at ``i``.

    ``کاها ایمنادزه رئیس مرکز ...``, ``إيمانغالي تاسماغامبيتوف، الأمين العام``: two or three
    name-like words, then the title, with at most a comma between; before them the start
    of the segment, punctuation or a break word, so that they are the whole name.
    """
    gap = words.text[words.spans[i - 1][1] : words.spans[i][0]].strip() if i else "."
    if gap not in ("", "،", ","):
        return None
    first = i
    while first > 0 and i - first < MAX_NAME_WORDS + 1 and words.name_like(first - 1) and (
        first == i or words.joined(first)
    ):
        first -= 1
    if not MIN_NAME_WORDS <= i - first <= MAX_NAME_WORDS:
        return None
    if first > 0 and words.joined(first) and words.word(first - 1) not in words.breaks:
        return None
    return first, i
