"""What every language module provides, and the helpers they share.

:mod:`arfa.lang.ar` and :mod:`arfa.lang.fa` define the same names (the
:class:`Language` protocol), so a component that serves either language asks
:func:`language` for the module and never defines a word list of its own.

All word lists hold *folded* words (:func:`arfa.normalize.fold`), because every
matcher compares folded text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Protocol

from arfa.errors import UnsupportedLanguageError
from arfa.normalize import fold

__all__ = [
    "QUOTES", "SUPPORTED", "WORD", "Language", "Reading", "folded_phrases", "folded_words", "language", "load_words",
]

SUPPORTED = ("ar", "fa")

QUOTES = frozenset('«»"“”„\'‹›')
"""Quotation marks of Arabic-script and Latin text; a quoted name's span leaves them out."""

WORD = re.compile(r"[^\s\"'()\[\]{}«»<>.,،؛;:!?؟]+")
"""A written word: a run of anything but whitespace, brackets, quotes and sentence or clause punctuation."""


@dataclass(frozen=True, slots=True)
class Reading:
    """One way to read a word: where a name in it may start, and how likely that is.

    Attributes:
        offset: characters of proclitic before the reading (``0`` for the word itself);
            a span that uses this reading starts ``offset`` characters into the word.
        rest: the form to look up: the word after ``offset``, except for the
            ``لل`` reading, where it has the article back (``للامم`` -> ``الامم``).
        plausibility: how likely the reading is without a lexicon to confirm it,
            from 0 to 1 (``1.0`` for the word itself).
    """

    offset: int
    rest: str
    plausibility: float


class Language(Protocol):
    """The language data of one module (:mod:`arfa.lang.ar`, :mod:`arfa.lang.fa`)."""

    CODE: str
    TITLES: frozenset[str]
    ORG_HEADS: frozenset[str]
    BODY_HEADS: frozenset[str]
    ANAPHORS: frozenset[str]
    LOCATIVE_CUES: frozenset[str]
    LOCATION_TRIGGERS: frozenset[str]
    TIME_CUES: frozenset[str]
    AFTER_WEEKDAY: frozenset[str]
    IDIOMS: frozenset[tuple[str, str]]
    AFTER_PLACE: frozenset[str]
    MOTION_AFTER_PLACE: frozenset[str]
    MOTION_PREPOSITIONS: frozenset[str]
    ELLIPTIC_EVENTS: frozenset[str]
    ELLIPTIC_MEMBERSHIP: frozenset[str]
    PRESIDENT_WORDS: frozenset[str]
    REPUBLIC_WORDS: frozenset[str]
    OUTLET_HEADS: frozenset[str]
    PLACE_PREPOSITIONS: frozenset[str]
    SEATED_HEADS: frozenset[str]
    BREAK_WORDS: frozenset[str]
    STOP_WORDS: frozenset[str]
    LOCATIVE_PROCLITICS: tuple[str, ...]
    PORTFOLIOS: frozenset[str]
    NAME_TAILS: frozenset[str]
    MINISTER_TITLES: frozenset[str]
    BODY_NAMES: dict[str, str]
    BODY_LINKS: frozenset[str]

    def readings(self, word: str) -> Iterator[Reading]:
        """The readings of a folded word, the word itself first."""
        ...

    def strip_proclitics(self, word: str) -> tuple[int, str]:
        """The lexicon-free choice among the readings: ``(offset, rest)``."""
        ...

    def strip_article(self, word: str, *, min_stem: int = 2) -> str:
        """``word`` without a definite article."""
        ...

    def common_words(self) -> frozenset[str]:
        """Folded words that are rarely names."""
        ...


def folded_words(raw: str) -> frozenset[str]:
    """The folded words of a space-separated list (a ZWNJ-joined word gives its parts).

    Examples:
        >>> sorted(folded_words("الأمين رئیس‌جمهور"))
        ['الامين', 'جمهور', 'رييس']
    """
    return frozenset(part for word in raw.split() for part in fold(word).split())


def folded_phrases(raw: dict[str, str]) -> dict[str, str]:
    """``raw`` with each key folded and its words joined by one space.

    Examples:
        >>> folded_phrases({"شورای سران دولت‌ها": "Heads of Government Council"})
        {'شوراي سران دولت ها': 'Heads of Government Council'}
    """
    return {" ".join(fold(key).split()): value for key, value in raw.items()}


@cache
def load_words(lang: str) -> frozenset[str]:
    """The common words of ``lang`` (``resources/common/<lang>.txt``), read once.

    The files are generated from the NER training splits by
    ``scripts/build_common_words.py``; a missing file gives an empty set.
    """
    path = resources.files("arfa.resources").joinpath("common", f"{lang}.txt")
    if not path.is_file():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def language(code: str) -> Language:
    """The language module for ``code``.

    Called for every word by several components, so the modules found are kept in a
    dict: the first call imports, the others are one lookup.

    Raises:
        UnsupportedLanguageError: for anything but ``ar`` and ``fa``.

    Examples:
        >>> language("fa").CODE
        'fa'
    """
    found = _LANGUAGES.get(code)
    if found is not None:
        return found
    module: Language
    if code == "ar":
        from arfa.lang import ar as module
    elif code == "fa":
        from arfa.lang import fa as module
    else:
        raise UnsupportedLanguageError(code, SUPPORTED)
    _LANGUAGES[code] = module
    return module


_LANGUAGES: dict[str, Language] = {}
