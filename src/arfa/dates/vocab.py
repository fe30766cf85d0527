"""The date vocabulary of one language, read lazily from ``resources/dates/vocab.json``.

The file is generated from CLDR by ``scripts/build_date_vocab.py`` (section ``cldr``)
plus hand-written additions (section ``supplement``). Every phrase is folded with
:func:`arfa.normalize.fold` and split into the same tokens that the grammar uses, so
lookups are exact matches on token tuples.

Examples:
    >>> vocab = load_vocab("ar")
    >>> vocab.lookup(("كانون", "الاول"))
    (Entry(kind='month', calendar='gregorian', value=12),)
    >>> [e.kind for e in load_vocab("fa").lookup(("ژوييه",))]
    ['month']
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from arfa.normalize import fold

__all__ = ["Entry", "Vocab", "load_vocab", "split_tokens", "TOKEN_RE", "AMBIGUOUS_MONTHS", "CUE_LISTS"]

#: Tokens of folded text: numeric dates, numbers, words, single punctuation marks.
TOKEN_RE = re.compile(
    r"(?P<numdate>(?<![\d.])\d{1,4}[./-]\d{1,2}[./-]\d{1,4}(?![\d]|[./-]\d))"
    r"|(?P<num>\d+)"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<punct>[^\w\s])"
)

#: Month names (folded) that are also common words; they need a day or year next to them.
AMBIGUOUS_MONTHS = frozenset(
    fold(w)
    for w in (
        "مارس ماي آب أوت نيسان تموز أيار جون می مه جنو جول دسم "
        "تیر مهر دی آذر بهمن خرداد مرداد آبان "
        "حمل ثور جوزا سرطان اسد سنبله میزان عقرب قوس جدی دلو حوت "
        "محرم صفر رجب شعبان رمضان شوال"
    ).split()
)


_PHRASE_LISTS = {
    "connectors": "conn",
    "of": "of",
    "equals": "equals",
    "decade_units": "decade_unit",
    "year_prepositions": "yprep",
    "positions": "pos",
    "season_units": "season_unit",
    "century_units": "century_unit",
    "between": "between",
    "calendar_links": "link",
    "idioms": "idiom",
}

#: Context-word lists (single folded words) that the grammar consults around a match:
#: future-tense cues for weekdays, the contexts where ``اليوم``/``امروز`` mean "nowadays",
#: words before a weekday that make it no date (``صلاة الجمعة``), and the words after
#: which Persian ``دوشنبه`` is the city.
CUE_LISTS = (
    "future_cues",
    "clause_breaks",
    "future_prefixes",
    "not_future",
    "nowadays_before",
    "nowadays_after",
    "weekday_blockers",
    "locative_cues",
    "count_units",
    "count_words",
    "count_ends",
)


def split_tokens(text: str) -> list[str]:
    """Split folded text into the grammar's token strings.

    Examples:
        >>> split_tokens("ه.ق")
        ['ه', '.', 'ق']
    """
    return [m.group() for m in TOKEN_RE.finditer(text)]


@dataclass(frozen=True, slots=True)
class Entry:
    """What a phrase means.

    Attributes:
        kind: ``month``, ``weekday``, ``rel``, ``mod``, ``ord``, ``unit``, ``era``,
            ``conn``, ``of``, ``equals``, ``decade``, ``decade_unit``, ``decade_word``,
            ``yprep``, ``pos`` (a positioning modifier before a date: ``نهاية``, ``پایان``),
            ``season``, ``season_unit``, ``century_unit``, ``century_ord``, ``between``,
            ``link`` (between one date and the same in another calendar: ``الموافق``) or
            ``idiom`` (a phrase whose deictic words are no dates: ``امروز و فردا``).
        calendar: for ``month`` and ``era``, the calendar; for ``rel`` and ``unit``,
            the field (``day``, ``week``, ``month``, ``year``).
        value: month number, weekday (Monday 0), offset, ordinal, decade digit, season
            (spring 0 to winter 3) or century number.
    """

    kind: str
    calendar: str | None = None
    value: int = 0


@dataclass(slots=True)
class Vocab:
    """Phrase table of one language: token tuples to their meanings."""

    lang: str
    phrases: dict[tuple[str, ...], tuple[Entry, ...]] = field(default_factory=dict)
    max_len: int = 1
    first_words: set[str] = field(default_factory=set)
    cues: dict[str, frozenset[str]] = field(default_factory=dict)

    def add(self, phrase: str, entry: Entry) -> None:
        """Add ``phrase`` (folded and tokenized here) with meaning ``entry``."""
        key = tuple(split_tokens(fold(phrase)))
        if not key:
            return
        old = self.phrases.get(key, ())
        if entry not in old:
            self.phrases[key] = (*old, entry)
        self.max_len = max(self.max_len, len(key))
        self.first_words.add(key[0])

    def lookup(self, key: tuple[str, ...]) -> tuple[Entry, ...]:
        """Meanings of the token tuple ``key`` (empty when unknown)."""
        return self.phrases.get(key, ())

    def cue(self, name: str, word: str) -> bool:
        """Whether folded ``word`` is in the context-word list ``name`` (see :data:`CUE_LISTS`)."""
        return word in self.cues.get(name, frozenset())


def _read() -> dict[str, Any]:
    text = resources.files("arfa.resources.dates").joinpath("vocab.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _add_section(vocab: Vocab, section: dict[str, Any]) -> None:
    for calendar in ("gregorian", "persian", "islamic"):
        for month, names in section.get(calendar, {}).items():
            for name in names:
                vocab.add(name, Entry("month", calendar, int(month)))
    for day, names in section.get("weekdays", {}).items():
        for name in names:
            vocab.add(name, Entry("weekday", None, int(day)))
    for fld, offsets in section.get("relative", {}).items():
        for offset, names in offsets.items():
            for name in names:
                vocab.add(name, Entry("rel", fld, int(offset)))
    for offset, names in section.get("modifiers", {}).items():
        for name in names:
            vocab.add(name, Entry("mod", None, int(offset)))
    for number, names in section.get("ordinals", {}).items():
        for name in names:
            vocab.add(name, Entry("ord", None, int(number)))
    for fld, names in section.get("units", {}).items():
        for name in names:
            vocab.add(name, Entry("unit", fld))
    for calendar, names in section.get("eras", {}).items():
        for name in names:
            vocab.add(name, Entry("era", calendar))
    for digit, names in section.get("decades", {}).items():
        for name in names:
            vocab.add(name, Entry("decade", None, int(digit)))
    for digit, names in section.get("decade_words", {}).items():
        for name in names:
            vocab.add(name, Entry("decade_word", None, int(digit)))
    for index, names in section.get("seasons", {}).items():
        for name in names:
            vocab.add(name, Entry("season", None, int(index)))
    for number, names in section.get("century_ordinals", {}).items():
        for name in names:
            vocab.add(name, Entry("century_ord", None, int(number)))
    for kind, short in _PHRASE_LISTS.items():
        for name in section.get(kind, []):
            vocab.add(name, Entry(short))
    for name in CUE_LISTS:
        words = frozenset(fold(w) for w in section.get(name, []))
        vocab.cues[name] = vocab.cues.get(name, frozenset()) | words


@cache
def load_vocab(lang: str) -> Vocab:
    """Load (once) the folded phrase table for ``lang`` (``ar`` or ``fa``).

    Raises:
        ValueError: for a language without date vocabulary.
    """
    data = _read()
    if lang not in data["cldr"]:
        raise ValueError(f"no date vocabulary for language {lang!r}; known: {sorted(data['cldr'])}")
    vocab = Vocab(lang)
    _add_section(vocab, data["cldr"][lang])
    _add_section(vocab, data["supplement"][lang])
    return vocab
