"""English names for Arabic- and Persian-script names the knowledge base lacks.

The model is a joint-sequence transliterator (Bisani & Ney 2008, "Joint-sequence
models for grapheme-to-phoneme conversion"). A name word is read as a sequence of
*graphones*, pairs of a source chunk (one or two letters of the folded word) and
the English letters it is written as (zero to four): ``ولادیمیر`` is
``و:v ل:la ا: د:di ي:mi ...``. An n-gram model over graphones scores a
segmentation, and a beam search finds the best English word. Training
(:mod:`arfa.train.translit`) aligns the name pairs of ``../shared/data/anetac`` and
of the knowledge base's own ar/fa/en triples by EM, counts graphone n-grams with
Witten-Bell smoothing, and writes one JSON table (package data,
``arfa/resources/translit/table.json``): no pickle, nothing executable.

Arabic and Persian spellings go through :func:`arfa.normalize.fold` first (``ی``/``ي``,
``ک``/``ك``, ``ة``/``ه``, the alef forms), so both scripts share one alphabet and the
Persian letters ``پ چ ژ گ`` keep their extra information. Beyond the model:

* an *exception lexicon* holds the training words whose English spelling the
  decoder does not reproduce (``فلاديمير`` and ``ولاديمير`` -> ``vladimir``);
* a candidate that is a known English name word (``vocab``) gets a bonus, so the
  Arabic and the Persian spelling of one name converge on the same word;
* ``ابو``/``عبد`` + ``ال`` compounds are split (``ابوالمجد`` -> ``Abu al-Majd``).

:func:`unknown_entity` gives an unknown mention its English ``canonical`` and a
``canonical_id`` derived from :func:`name_key` of that English name, so the Arabic and
Persian mentions of one person get the same id in every document.

The environment variable ``ARFA_TRANSLIT_TABLE`` points at another table file.
"""

from __future__ import annotations

import hashlib
import heapq
import json
import math
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache
from importlib import resources
from operator import itemgetter
from pathlib import Path
from types import MappingProxyType
from typing import Any

from arfa.errors import ModelLoadError, ModelNotFoundError
from arfa.lang import ar
from arfa.models import Label
from arfa.normalize import fold

__all__ = [
    "FORMAT",
    "TABLE_ENV",
    "Transliterator",
    "load_transliterator",
    "name_key",
    "source_word",
    "target_word",
    "transliterate",
    "unknown_entity",
]

#: format tag of the table file; a table with another tag is refused.
FORMAT = "arfa-translit/1"
#: environment variable naming a table file to use instead of the shipped one.
TABLE_ENV = "ARFA_TRANSLIT_TABLE"
#: graphone id of the word boundary (``<s>`` in a history, ``</s>`` when predicted).
BOUNDARY = 0

_ARABIC_LETTER = re.compile(ar.LETTER)
_WORD_SEP = re.compile(r"[\s\-]+")
_REPEAT = re.compile(r"(.)\1+")
_EMPTY: Mapping[int, float] = MappingProxyType({})
_SECOND = itemgetter(1)
_PREFIXES = (("ابو", "Abu"), ("عبد", "Abd"))
_KEY_RULES = (("ph", "f"), ("kh", "x"), ("gh", "g"), ("ou", "u"), ("ee", "i"), ("oo", "u"),
              ("w", "v"), ("y", "i"), ("q", "k"), ("c", "k"), ("j", "g"), ("e", "a"), ("o", "u"))


def source_word(text: str) -> str:
    """The Arabic-script letters of ``fold(text)``: the model's input alphabet.

    Examples:
        >>> source_word("ولادیمیر") == source_word("ولاديمير")
        True
        >>> source_word("بوتينُ!")
        'بوتين'
    """
    return "".join(_ARABIC_LETTER.findall(fold(text)))


def target_word(text: str) -> str:
    """``text`` as lower-case ASCII letters, accents removed: the model's output alphabet.

    Examples:
        >>> target_word("António")
        'antonio'
        >>> target_word("Takht-Ravanchi")
        'takhtravanchi'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed.lower() if "a" <= c <= "z")


def name_key(english: str, label: Label | str | None = None) -> str:
    """A spelling-tolerant key of an English name: what an unknown entity's id hashes.

    Letters that Arabic and Persian spellings of one name often render differently
    collapse (``w``/``v``, ``e``/``a``, ``o``/``u``, ``y``/``i``, ``j``/``g``, doubled
    letters), while the consonants and word boundaries stay. A person's name keeps
    only the first letter and the consonant classes of each word
    (:func:`arfa.kb.link.skeleton`): Persian spellings leave out the short vowels that
    Arabic ones write, and two people of the KB never share such a key. Place and
    organization names, often one short word, keep their vowels.

    Examples:
        >>> name_key("Vladimir Norov") == name_key("Wladimir Noruv")
        True
        >>> name_key("Abu Bakr al-Majd")
        'abu bakr al magd'
        >>> name_key("Masoud Pezeshkian", "PER") == name_key("Msaud Bezeshkian", "PER")
        True
        >>> name_key("Ali Karimi", "PER") == name_key("Ali Karimov", "PER")
        False
    """
    person = label is not None and str(label) == "PER"
    words = []
    for word in _WORD_SEP.split(english):
        key = target_word(word)
        for old, new in _KEY_RULES:
            key = key.replace(old, new)
        key = _REPEAT.sub(r"\1", key)
        if key and person:
            from arfa.kb.link import skeleton

            key = (skeleton(key[0]) or key[0]) + "." + skeleton(key[1:])
        if key:
            words.append(key)
    return " ".join(words)


class Transliterator:
    """A trained graphone n-gram model with its exception lexicon and name vocabulary.

    Args:
        table: the parsed JSON table (see :mod:`arfa.train.translit`).
        beam: hypotheses kept per source position.

    Raises:
        ModelLoadError: when the table does not have the expected format.
    """

    def __init__(self, table: Mapping[str, Any], beam: int = 16, per_chunk: int = 12) -> None:
        if table.get("format") != FORMAT:
            raise ModelLoadError(f"not a transliteration table of format {FORMAT!r}")
        try:
            self.order = int(table["order"])
            self.graphones: list[tuple[str, str]] = [(str(s), str(t)) for s, t in table["graphones"]]
            self._prob: dict[tuple[int, ...], float] = {}
            self._bow: dict[tuple[int, ...], float] = {}
            self._next: dict[tuple[int, ...], dict[int, float]] = {}  # context -> graphone -> logprob
            for row in table["ngrams"]:
                ngram, value = tuple(row[:-1]), float(row[-1])
                self._prob[ngram] = value
                self._next.setdefault(ngram[:-1], {})[ngram[-1]] = value
            for row in table["backoff"]:
                self._bow[tuple(row[:-1])] = float(row[-1])
            self._floor = float(table["floor"])
            self.lexicon: dict[str, str] = dict(table["lexicon"])
            self.vocab: frozenset[str] = frozenset(table["vocab"])
            self.vocab_bonus = float(table["vocab_bonus"])
            self.lm_weight = float(table["lm_weight"])
            charlm = table["charlm"]
            self._char_order = int(charlm["order"])
            self._char: dict[str, float] = dict(charlm["ngrams"])
            self._char_bow: dict[str, float] = dict(charlm["backoff"])
            self._char_floor = float(charlm["floor"])
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            raise ModelLoadError(f"malformed transliteration table: {exc!r}") from exc
        self.beam = beam
        self._by_source: dict[str, list[int]] = {}
        for gid, (src, _) in enumerate(self.graphones):
            if gid != BOUNDARY:
                self._by_source.setdefault(src, []).append(gid)
        for gids in self._by_source.values():  # the likeliest readings of each chunk
            gids.sort(key=lambda g: -self._prob.get((g,), self._floor))
            del gids[per_chunk:]
        self._max_chunk = max((len(s) for s in self._by_source), default=1)

    @classmethod
    def from_file(cls, path: Path | str) -> Transliterator:
        """Load a table file written by ``scripts/train_translit.py``.

        Raises:
            ModelNotFoundError: when the file does not exist.
            ModelLoadError: when it is not a valid table.
        """
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError as exc:
            raise ModelNotFoundError("transliteration table", str(path),
                                     "Run: python scripts/train_translit.py") from exc
        try:
            table = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ModelLoadError(f"{path}: not valid JSON: {exc}") from exc
        return cls(table)

    def logprob(self, history: tuple[int, ...], graphone: int) -> float:
        """Natural-log probability of ``graphone`` after ``history`` (backed off)."""
        penalty = 0.0
        for start in range(len(history) + 1):
            context = history[start:]
            found = self._prob.get((*context, graphone))
            if found is not None:
                return penalty + found
            penalty += self._bow.get(context, 0.0) if context else 0.0
        return penalty + self._floor

    def letter_logprob(self, word: str) -> float:
        """Natural-log probability of an English word under the letter n-gram model."""
        return self._letter_logprobs([word])[word]

    def _letter_logprobs(self, words: Iterable[str]) -> dict[str, float]:
        """:meth:`letter_logprob` of each of ``words``, which share their beginnings.

        The candidates of one source word are mostly extensions of each other, so the
        sum over each prefix is kept and extended. The letters are added left to right,
        as one word at a time would add them, so the floats are the same.
        """
        order = self._char_order
        term = self._letter_term
        pad = "^" * order
        sums: dict[str, float] = {"": 0.0}
        out: dict[str, float] = {}
        for word in words:
            if word in out:
                continue
            known = len(word)
            while word[:known] not in sums:
                known -= 1
            total = sums[word[:known]]
            for k in range(known + 1, len(word) + 1):
                total += term((pad + word[:k])[-order:] if k < order else word[k - order : k])
                sums[word[:k]] = total
            out[word] = total + term((pad + word + "^")[-order:])
        return out

    @lru_cache(maxsize=8192)  # noqa: B019 - one shared model, loaded once
    def _letter_term(self, gram: str) -> float:
        """Log probability of the last letter of ``gram`` after the ones before it (backed off)."""
        history, char = gram[:-1], gram[-1]
        penalty = 0.0
        for start in range(len(history) + 1):
            context = history[start:]
            found = self._char.get(context + char)
            if found is not None:
                return penalty + found
            penalty += self._char_bow.get(context, 0.0) if context else 0.0
        return penalty + self._char_floor

    def nbest(self, word: str, n: int = 8) -> list[tuple[str, float]]:
        """The ``n`` best English spellings of a folded source word, with log scores.

        Examples:
            >>> t = load_transliterator()
            >>> t.nbest("", 3)
            []
        """
        if not word:
            return []
        size = len(word)
        start = (BOUNDARY,) * (self.order - 1)
        # per position: state -> best score, and state -> the English of that best path
        scores: list[dict[tuple[int, ...], float]] = [{} for _ in range(size + 1)]
        outs: list[dict[tuple[int, ...], str]] = [{} for _ in range(size + 1)]
        scores[0][start] = 0.0
        outs[0][start] = ""
        for i in range(size):
            if not scores[i]:
                continue
            # best first; ties keep the order the states were reached in (a stable sort)
            kept = heapq.nlargest(self.beam, scores[i].items(), key=_SECOND)
            here = outs[i]
            chunks = [(scores[i + length], outs[i + length], word[i : i + length])
                      for length in range(1, min(self._max_chunk, size - i) + 1)]
            for history, score in kept:
                out = here[history]
                own, penalties = self._backoff(history)
                first = penalties[0]
                tail = history[1:]
                for target, target_out, chunk in chunks:
                    for gid, state, english, level, value in self._readings(tail, chunk):
                        if own and gid in own:
                            new_score = score + (first + own[gid])
                        else:
                            new_score = score + (penalties[level] + value)
                        old = target.get(state)
                        if old is None or old < new_score:
                            target[state] = new_score
                            target_out[state] = out + english
        finals = outs[size]
        letter = self._letter_logprobs(finals.values()) if self.lm_weight else {}
        totals: dict[str, float] = {}
        for history, score in scores[size].items():
            out = finals[history]
            final = score + self.logprob(history, BOUNDARY)
            if out in self.vocab:
                final += self.vocab_bonus
            if self.lm_weight:
                final += self.lm_weight * letter[out]
            prev = totals.get(out)
            totals[out] = final if prev is None else max(prev, final) + math.log1p(math.exp(-abs(prev - final)))
        return sorted(totals.items(), key=_SECOND, reverse=True)[:n]

    def _backoff(self, history: tuple[int, ...]) -> tuple[Mapping[int, float], tuple[float, ...]]:
        """The part of :meth:`logprob` after ``history`` that depends on all of it.

        Returns:
            The log probabilities of the graphones seen after the whole ``history``,
            and the backoff penalty paid before each level of :meth:`_readings`:
            level 0 is the whole history, then ever shorter contexts, then the floor.
        """
        penalties = []
        penalty = 0.0
        for start in range(len(history) + 1):
            context = history[start:]
            penalties.append(penalty)
            penalty += self._bow.get(context, 0.0) if context else 0.0
        penalties.append(penalty)
        return self._next.get(history, _EMPTY), tuple(penalties)

    @lru_cache(maxsize=16384)  # noqa: B019 - one shared model, loaded once
    def _readings(self, tail: tuple[int, ...], chunk: str) -> tuple[tuple[int, tuple[int, ...], str, int, float], ...]:
        """The readings of ``chunk`` after any history ending in ``tail`` (all of it but its first graphone).

        The beam search meets the same ``tail`` and ``chunk`` again and again (every
        history ending in one graphone, in every word); what :meth:`logprob` finds past
        the whole history depends on them alone, so it is looked up once.

        Returns:
            For each graphone of ``chunk``, likeliest first: its id, the state after it,
            its English letters, and the :meth:`_backoff` level and log probability that
            :meth:`logprob` finds when the whole history has not been seen before it
            (the level past the last context is the floor).
        """
        seen = [self._next.get(tail[start:], _EMPTY) for start in range(len(tail) + 1)] if self.order > 1 else []
        floor = len(seen) + 1
        out = []
        for gid in self._by_source.get(chunk, ()):
            level, value = floor, self._floor
            for k, found in enumerate(seen, start=1):
                if gid in found:
                    level, value = k, found[gid]
                    break
            out.append((gid, (*tail, gid) if self.order > 1 else (), self.graphones[gid][1], level, value))
        return tuple(out)

    @lru_cache(maxsize=16384)  # noqa: B019 - one shared model, loaded once
    def word(self, word: str) -> str:
        """The English spelling (lower case) of one folded source word.

        Examples:
            >>> load_transliterator().word("")
            ''
        """
        if word in self.lexicon:
            return self.lexicon[word]
        best = self.nbest(word, 1)
        return best[0][0] if best else ""

    def name(self, text: str, label: Label | str | None = None) -> str:
        """The English name of an Arabic- or Persian-script name, word by word.

        Latin-script words are kept; a word with no letters is dropped.

        Examples:
            >>> t = load_transliterator()
            >>> t.name("أبوبكر أبوالمجد", Label.PER)
            'Abu Bakr Abu al-Majd'
        """
        person = label is not None and str(label) == "PER"
        organization = label is not None and str(label) == "ORG"
        parts: list[str] = []
        for position, token in enumerate(fold(text).split()):
            src = source_word(token)
            if not src:
                latin = "".join(c for c in token if c.isalnum() or c in "-'.")
                if latin:
                    parts.append(latin)
                continue
            parts.append(self._display(src, person=person, first=position == 0, organization=organization))
        return _capitalize(" ".join(p for p in parts if p))

    def _display(self, src: str, *, person: bool, first: bool, organization: bool = False) -> str:
        if src in self.lexicon:
            return _capitalize(self.lexicon[src])
        for prefix, english in _PREFIXES:
            rest = src[len(prefix):]
            if src.startswith(prefix) and len(rest) >= 3 and (
                rest.startswith("ال") or (prefix == "ابو" and person and len(rest) <= 4)
            ):
                return f"{english} {self._display(rest, person=True, first=False)}"
        if (person and not first or organization) and src.startswith("ال") and len(src) >= 4:
            return "al-" + _capitalize(self.word(src[2:]))
        return _capitalize(self.word(src))


def _capitalize(word: str) -> str:
    return word[:1].upper() + word[1:]


@cache
def load_transliterator() -> Transliterator:
    """The shipped transliteration model (or the table ``$ARFA_TRANSLIT_TABLE`` names), loaded once.

    Raises:
        ModelNotFoundError: when the table file is missing.
        ModelLoadError: when it cannot be parsed.
    """
    override = os.environ.get(TABLE_ENV)
    if override:
        return Transliterator.from_file(override)
    entry = resources.files("arfa.resources").joinpath("translit", "table.json")
    try:
        text = entry.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ModelNotFoundError("transliteration table", str(entry),
                                 "Run: python scripts/train_translit.py") from exc
    return Transliterator(json.loads(text))


def transliterate(text: str, label: Label | str | None = None) -> str:
    """The English name of an Arabic- or Persian-script name.

    Examples:
        >>> transliterate("ولادیمیر", "PER") == transliterate("فلاديمير", "PER")
        True
    """
    return load_transliterator().name(text, label)


def unknown_entity(text: str, label: Label | str) -> tuple[str | None, str]:
    """The English ``canonical`` and the ``canonical_id`` of an entity the KB lacks.

    The id hashes :func:`name_key` of the English name, so spellings that transliterate
    alike, in Arabic or Persian, in any document, share it. Proclitics before the
    article go as :func:`arfa.lang.ar.strip_proclitics` decides. A name with no
    letters keeps ``canonical`` ``None`` and gets an id from its folded text.

    Examples:
        >>> unknown_entity("والبنك الأهلي", "ORG") == unknown_entity("البنك الاهلي", "ORG")
        True
        >>> unknown_entity("بالبنك الأهلي", "ORG") == unknown_entity("البنك الاهلي", "ORG")
        True
        >>> unknown_entity("أبوبكر أبوالمجد", "PER")[1].startswith("x/per/")
        True
    """
    _, key = ar.strip_proclitics(fold(text))
    kind = str(label).lower()
    english = load_transliterator().name(key, label) if key else ""
    basis = name_key(english, label)
    if not basis:
        return None, f"x/{kind}/" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
    return english, f"x/{kind}/" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:10]
