"""The graphone n-gram model behind :mod:`arfa.kb.translit`, and its beam search.

A source word is read as a sequence of graphones, pairs of a source chunk (one or two
letters of the folded word) and the English letters it is written as. An n-gram
model over graphone ids (Witten-Bell, backed off) scores a segmentation, a letter
n-gram model over the English output adds its own score, and :meth:`GraphoneModel.nbest`
finds the best English spellings with a beam search. :class:`arfa.kb.translit.Transliterator`
adds the exception lexicon and the word-by-word naming on top.

The search computes exactly what the plain recurrence does (``tests/kb/test_translit.py``
compares spellings and float scores with it), only with fewer Python operations: what
:meth:`GraphoneModel.logprob` finds past a whole history depends on the history
(:meth:`GraphoneModel._backoff`) or on its tail and the chunk
(:meth:`GraphoneModel._readings`, cached: they recur across histories and words), and
the letter model adds the same terms in the same order, a term whose whole n-gram
was seen being one dict lookup, without a call. Every cache is a bounded
``functools.lru_cache``, so a long-running process stays flat and a benchmark can
clear them all.
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
