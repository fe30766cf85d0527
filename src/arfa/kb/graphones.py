"""The graphone n-gram model behind :mod:`arfa.kb.translit`, and its beam search.

A source word is read as a sequence of graphones, pairs of a source chunk (one or two
letters of the folded word) and the English letters it is written as. An n-gram
model over graphone ids (Witten-Bell, backed off) scores a segmentation, a letter
n-gram model over the English output adds its own score, and :meth:`GraphoneModel.nbest`
finds the best English spellings with a beam search. :class:`arfa.kb.translit.Transliterator`
adds the exception lexicon and the word-by-word naming on top.

The search computes exactly what the plain recurrence does (``tests/kb/test_translit.py``
compares spellings and float scores with it), only with fewer Python operations:

* what :meth:`GraphoneModel.logprob` finds past a whole history depends on the history
  alone (:meth:`GraphoneModel._backoff`, and :meth:`GraphoneModel._end` for the word
  boundary), or on its tail and the chunk (:meth:`GraphoneModel._readings`): each is
  looked up once and cached;
* the letter model adds the same terms in the same order, but a term whose whole
  n-gram was seen is one dict lookup, without a call.

Every cache is a bounded ``functools.lru_cache``, so a long-running process stays flat
and a benchmark can clear them all.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Mapping
from functools import lru_cache
from operator import itemgetter
from types import MappingProxyType
from typing import Any

from arfa.errors import ModelLoadError

__all__ = ["BOUNDARY", "FORMAT", "GraphoneModel"]

#: format tag of the table file; a table with another tag is refused.
FORMAT = "arfa-translit/1"
#: graphone id of the word boundary (``<s>`` in a history, ``</s>`` when predicted).
BOUNDARY = 0

_EMPTY: Mapping[int, float] = MappingProxyType({})
_SECOND = itemgetter(1)
_NO_SCORE = -math.inf


class GraphoneModel:
    """A trained graphone n-gram model with its letter model and name vocabulary.

    Args:
        table: the parsed JSON table (see :mod:`arfa.train.translit`).
        beam: hypotheses kept per source position.
        per_chunk: readings kept per source chunk, likeliest first.

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
        #: source chunk -> its readings as (graphone id, English letters), likeliest first
        self._chunk_readings: dict[str, tuple[tuple[int, str], ...]] = {
            src: tuple((gid, self.graphones[gid][1]) for gid in gids) for src, gids in self._by_source.items()
        }

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
        as one word at a time would add them, so the floats are the same. A term whose
        whole n-gram the model has seen is ``0.0 +`` its value, as
        :meth:`_letter_term` returns it, looked up without the call.
        """
        order = self._char_order
        term = self._letter_term
        seen = self._char.get
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
            padded = pad + word
            for k in range(known + 1, len(word) + 1):
                gram = padded[k : k + order]  # the last `order` characters of pad + word[:k]
                found = seen(gram)
                total += (0.0 + found) if found is not None else term(gram)
                sums[word[:k]] = total
            gram = (padded + "^")[-order:]
            found = seen(gram)
            out[word] = total + ((0.0 + found) if found is not None else term(gram))
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
            >>> from arfa.kb.translit import load_transliterator
            >>> load_transliterator().nbest("", 3)
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
        levels_of = self._levels
        readings = self._chunk_readings
        beam, nlargest, grows = self.beam, heapq.nlargest, self.order > 1
        for i in range(size):
            if not scores[i]:
                continue
            # best first; ties keep the order the states were reached in (a stable sort)
            kept = nlargest(beam, scores[i].items(), key=_SECOND)
            here = outs[i]
            chunks = [(scores[i + length], outs[i + length], readings.get(word[i : i + length], ()))
                      for length in range(1, min(self._max_chunk, size - i) + 1)]
            for history, score in kept:
                out = here[history]
                levels, floor = levels_of(history)
                tail = history[1:]
                for target, target_out, chunk_readings in chunks:
                    best = target.get
                    for gid, english in chunk_readings:
                        for seen, penalty in levels:  # the first context that has seen gid
                            found = seen.get(gid)
                            if found is not None:
                                new_score = score + (penalty + found)
                                break
                        else:
                            new_score = score + floor
                        state = (*tail, gid) if grows else ()
                        if new_score > best(state, _NO_SCORE):  # scores are finite: the first best stays
                            target[state] = new_score
                            target_out[state] = out + english
        finals = outs[size]
        letter = self._letter_logprobs(finals.values()) if self.lm_weight else {}
        vocab, bonus, weight = self.vocab, self.vocab_bonus, self.lm_weight
        totals: dict[str, float] = {}
        for history, score in scores[size].items():
            out = finals[history]
            levels, floor = levels_of(history)
            for seen, penalty in levels:  # logprob(history, BOUNDARY)
                found = seen.get(BOUNDARY)
                if found is not None:
                    final = score + (penalty + found)
                    break
            else:
                final = score + floor
            if out in vocab:
                final += bonus
            if weight:
                final += weight * letter[out]
            prev = totals.get(out)
            totals[out] = final if prev is None else max(prev, final) + math.log1p(math.exp(-abs(prev - final)))
        return sorted(totals.items(), key=_SECOND, reverse=True)[:n]

    def _levels(self, history: tuple[int, ...]) -> tuple[list[tuple[Mapping[int, float], float]], float]:
        """How :meth:`logprob` backs off after ``history``, as data.

        Returns:
            For each context, the whole ``history`` first, then ever shorter ones down to
            the empty one: the graphones seen after it with their log probabilities, and
            the backoff penalty paid before it (summed as :meth:`logprob` sums it); and
            ``penalty + floor`` for a graphone no context has seen. So
            ``logprob(history, g)`` is ``penalty + seen[g]`` for the first context that
            has seen ``g``, the very same float.
        """
        levels = []
        penalty = 0.0
        nexts, bows = self._next, self._bow
        for start in range(len(history) + 1):
            context = history[start:]
            levels.append((nexts.get(context, _EMPTY), penalty))
            penalty += bows.get(context, 0.0) if context else 0.0
        return levels, penalty + self._floor
