"""Name-list features for the CRF: is a word inside a known name, of which type, where.

A :class:`Lexicon` maps folded names (one or more words) to their labels. It is built
at training time (:func:`arfa.train.lexicon.build_lexicon`) from the knowledge base and
the name lists of ``shared/data``, and ships next to the model as
``names-<lang>.tsv`` (``LABEL<TAB>folded name`` lines), so that training and
inference see the same list whatever happens to the knowledge base later.

:func:`lexicon_features` marks every word covered by the longest name starting at
each position: ``g=B-LOC`` / ``g=I-LOC`` for names of two words or more, ``g1=PER``
for a one-word name. An Arabic word with a proclitic (``وموسكو``) matches when the
rest does. These are evidence for the model, not decisions: it learns how far to
trust them.

Examples:
    >>> lex = Lexicon.from_lines(["LOC\\tموسكو", "ORG\\tمنظمه شنغهاي للتعاون", "PER\\tبوتين"])
    >>> lexicon_features(["قال", "بوتين", "في", "وموسكو"], lex, "ar")
    [[], ['g1=PER'], [], ['g1=LOC']]
    >>> lexicon_features(["منظمه", "شنغهاي", "للتعاون"], lex, "ar")
    [['g=B-ORG'], ['g=I-ORG'], ['g=I-ORG']]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from arfa.lang.base import language

__all__ = ["MAX_WORDS", "Lexicon", "lexicon_features"]

MAX_WORDS = 6
"""Names longer than this many words are not listed."""

_LABELS = ("PER", "ORG", "LOC")


@dataclass
class Lexicon:
    """Folded names by word tuple, with every prefix indexed for longest-match search.

    Attributes:
        names: word tuple → labels (sorted).
        prefixes: every proper prefix of a listed name.
        first_words: the first word of every listed name.
    """

    names: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    prefixes: set[tuple[str, ...]] = field(default_factory=set)
    first_words: set[str] = field(default_factory=set)
    _head_cache: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_entries(cls, entries: Iterable[tuple[str, str]]) -> Lexicon:
        """Build from ``(label, folded name)`` pairs; unknown labels and long names are skipped."""
        merged: dict[tuple[str, ...], tuple[str, ...]] = {}
        for label, name in entries:
            words = tuple(name.split())
            if label in _LABELS and 0 < len(words) <= MAX_WORDS:
                found = merged.get(words)
                if found is None:
                    merged[words] = (label,)
                elif label not in found:
                    merged[words] = tuple(sorted((*found, label)))
        lex = cls(merged)
        # built in bulk: this runs at every Pipeline() start (72,000 Arabic names)
        lex.first_words.update(words[0] for words in merged)
        lex.prefixes.update(words[:i] for words in merged if len(words) > 1 for i in range(1, len(words)))
        return lex

    @classmethod
    def from_lines(cls, lines: Iterable[str]) -> Lexicon:
        """Parse ``LABEL<TAB>name`` lines (the ``names-<lang>.tsv`` format)."""
        pairs = (line.partition("\t") for line in lines)
        return cls.from_entries((label, name) for label, tab, name in pairs if tab)

    @classmethod
    def read(cls, path: Path) -> Lexicon:
        """Read a ``names-<lang>.tsv`` file."""
        return cls.from_lines(path.read_text(encoding="utf-8").splitlines())

    def __contains__(self, name: object) -> bool:
        """Whether the folded ``name`` (words separated by spaces) is listed."""
        return isinstance(name, str) and tuple(name.split()) in self.names

    def lines(self) -> list[str]:
        """The file lines, sorted, one per name and label."""
        return sorted(f"{lab}\t{' '.join(words)}" for words, labs in self.names.items() for lab in labs)

    def _heads(self, word: str, lang: str) -> tuple[str, ...]:
        """The readings of ``word`` that start a listed name: as written, then without proclitics."""
        key = (word, lang)
        heads = self._head_cache.get(key)
        if heads is None:
            heads = tuple(
                reading.rest
                for reading in language(lang).readings(word)
                if (not reading.offset or len(reading.rest) >= 3) and reading.rest in self.first_words
            )
            if len(self._head_cache) < 500_000:
                self._head_cache[key] = heads
        return heads

    def match(self, words: Sequence[str], i: int, lang: str) -> tuple[int, tuple[str, ...]]:
        """Length and labels of the longest name starting at ``words[i]`` (``0`` when none)."""
        best: tuple[int, tuple[str, ...]] = (0, ())
        for head in self._heads(words[i], lang):
            key: tuple[str, ...] = (head,)
            j = i + 1
            while True:
                labels = self.names.get(key)
                if labels and len(key) > best[0]:
                    best = (len(key), labels)
                if key not in self.prefixes or j >= len(words):
                    break
                key = (*key, words[j])
                j += 1
        return best


def lexicon_features(folded: Sequence[str], lexicon: Lexicon, lang: str) -> list[list[str]]:
    """Name-list features of each folded word of one sentence (see the module docstring)."""
    out: list[list[str]] = [[] for _ in folded]
    i = 0
    n = len(folded)
    while i < n:
        length, labels = lexicon.match(folded, i, lang)
        if not length:
            i += 1
            continue
        for label in labels:
            if length == 1:
                out[i].append("g1=" + label)
            else:
                out[i].append("g=B-" + label)
                for k in range(i + 1, i + length):
                    out[k].append("g=I-" + label)
        i += length
    return out
