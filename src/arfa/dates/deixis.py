"""Deictic days and weekdays: ``اليوم``, ``أمس``, ``امروز``, ``يوم الثلاثاء``, ``روز جمعه``.

The second edition of the annotation guidelines makes them DATEs. Three decisions need
the context around the word, and the context words are data (``vocab.json``,
:data:`arfa.dates.vocab.CUE_LISTS`):

* ``اليوم``/``امروز`` is "today" unless its neighbours make it "nowadays" (``العالم
  اليوم``, ``حتى اليوم``, ``دنیای امروز``, ``تا امروز``) or "the day" (``اليوم التالي``,
  ``اليوم العالمي``);
* a weekday is no date after a word such as ``صلاة``/``نماز`` (Friday prayer) or
  ``كل``/``هر`` (every), and Persian ``دوشنبه`` after a locative cue (``در``, ``به``,
  ``نشست``) is the city Dushanbe;
* a bare weekday resolves to the nearest such day on or before the document date, or on
  or after it when the sentence speaks of the future (:func:`is_future`).

The functions take the grammar's parser and a token index, and return ``(next token
index, proclitic length, DateExpr)`` like the parser's own pattern methods.

Examples:
    >>> from arfa.dates.grammar import find_dates
    >>> [m.expr.relative for m in find_dates("وقال الوزير اليوم الاثنين إن", "ar")]
    [('day', 0)]
    >>> find_dates("العالم اليوم أكثر ترابطا", "ar")
    []
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from arfa.dates.resolve import DateExpr
from arfa.lang.ar import CONJUNCTIONS

if TYPE_CHECKING:
    from arfa.dates.grammar import _Parser

__all__ = ["deictic_day", "day_of_month", "weekday", "is_future"]

_SENTENCE_END = frozenset(".!?؟;؛\n")
_WINDOW = 8  # tokens either side of a weekday searched for a future-tense cue
_NEAR = 3  # tokens either side where an Arabic imperfect verb counts as one


def _word(p: _Parser, i: int) -> str:
    return p.toks[i].text if 0 <= i < len(p.toks) else ""


def _bare(p: _Parser, word: str) -> str:
    """``word`` without a leading Arabic و/ف conjunction."""
    return word[1:] if p.lang == "ar" and word[:1] in CONJUNCTIONS and len(word) > 3 else word


def _weekday_after(p: _Parser, j: int) -> int | None:
    """The end of a weekday right after token ``j - 1`` (``اليوم الجمعة``). One in
    parentheses (``امروز (جمعه)``, ``روز جمعه (۹ مهرماه)``) is a date of its own, as the
    PEYMA annotators read it too."""
    hit = p.find(j, frozenset({"weekday"}))
    return hit.end if hit is not None else None


def _nowadays(p: _Parser, i: int, end: int) -> bool:
    """Whether ``اليوم``/``امروز`` at ``i`` (ending before token ``end``) is not a day."""
    prev, nxt = _bare(p, _word(p, i - 1)), _word(p, end)
    if p.vocab.cue("nowadays_before", prev) or p.vocab.cue("nowadays_after", nxt):
        return True
    return p.find(end, frozenset({"ord"})) is not None  # اليوم الأول: the first day


def deictic_day(p: _Parser, i: int) -> tuple[int, int, DateExpr] | None:
    """``اليوم``, ``أمس``, ``غدا``, ``امروز``, ``دیروز``, ``روز گذشته``, ``يوم أمس``, with
    an optional weekday (``اليوم الجمعة``) or date (``امروز دوم شهریور ماه``)."""
    hit = p.find(i, frozenset({"rel"}), clitic=True)
    if hit is None or hit.entry.calendar != "day":
        return None
    idiom = p.find(i, frozenset({"idiom"}))
    if idiom is not None or any(
        (h := p.find(k, frozenset({"idiom"}))) is not None and h.end >= hit.end for k in range(max(0, i - 2), i)
    ):
        return None  # امروز و فردا کردن: to put off
    full = p.full_date(hit.end)  # امروز دوم شهریور ماه: the date the text gives
    if full is not None and full[1] == 0 and full[2].start is not None and full[2].start.day is not None:
        return full[0], hit.clitic, full[2]
    end = _weekday_after(p, hit.end)
    if end is None:
        if hit.entry.value == 0 and _nowadays(p, i, hit.end):
            return None
        end = hit.end
    return end, hit.clitic, DateExpr(relative=("day", hit.entry.value))


def day_of_month(p: _Parser, i: int) -> tuple[int, int, DateExpr] | None:
    """A day of a deictic month: ``15 من الشهر الجاري``, ``العاشر من الشهر الماضي``,
    ``پانزدهم ماه جاری`` (the month resolves in Gregorian terms, as ``ماه جاری`` does)."""
    day = p.day(i)
    if day is None:
        return None
    j, number = day
    of = p.find(j, frozenset({"of"}))
    if of is None and p.num(i) is not None:
        return None  # ۲۰ ماه گذشته: twenty months, a duration; the day is پانزدهم or 15 من
    rel = p.find(of.end if of is not None else j, frozenset({"rel"}))
    if rel is None or rel.entry.calendar != "month":
        return None
    return rel.end, 0, DateExpr(relative=("month", rel.entry.value), day=number)


def weekday(p: _Parser, i: int) -> tuple[int, int, DateExpr] | None:
    """A weekday naming a day, ``يوم الثلاثاء``, ``روز جمعه``, ``الاثنين``, without a date
    or a modifier after it (those are the grammar's), resolved by the sentence's tense."""
    j, clitic, first = i, 0, True
    unit = p.find(j, frozenset({"unit"}), clitic=True)
    if unit is not None and unit.entry.calendar == "day":
        if unit.end - j > 1 or p.toks[unit.end - 1].text.endswith(("ها", "هاي")):  # روزهای دوشنبه
            return None
        j, clitic, first = unit.end, unit.clitic, False
    hit = p.find(j, frozenset({"weekday"}), clitic=first)
    if hit is None:
        return None
    if first:
        clitic = hit.clitic
    eq = p.find(hit.end, frozenset({"equals"}))
    numeric = p.numeric(eq.end if eq is not None else hit.end)  # الثلاثاء 05/03/2024
    if numeric is not None:
        return numeric[0], clitic, numeric[2]
    prev = _bare(p, _word(p, i - 1))
    if p.vocab.cue("weekday_blockers", prev):
        return None
    city = p.lang == "fa" and hit.entry.value == 0 and first  # دوشنبه is also Dushanbe
    if city and (p.vocab.cue("locative_cues", prev) or hit.clitic):
        return None
    if p.vocab.cue("weekday_blockers", _word(p, hit.end)):
        return None
    sign = 1 if is_future(p, i, hit.end) else -1
    return hit.end, clitic, DateExpr(relative=("weekday", sign), weekday=hit.entry.value)


def _future_word(p: _Parser, word: str, near: bool) -> bool:
    """A future-tense cue; ``near`` (next to the span) also admits an Arabic imperfect verb
    (``يستمر حتى الأربعاء``), which news uses for what is still to come."""
    word = _bare(p, word)
    if p.vocab.cue("future_cues", word):
        return True
    if p.vocab.cue("not_future", word) or p.find_word(word):
        return False
    prefixes = p.vocab.cues.get("future_prefixes", frozenset())
    if len(word) >= 5 and word[:2] in prefixes and not word.startswith(("سيا", "ستو")):
        return True
    return near and p.lang == "ar" and len(word) >= 4 and word[0] == "ي"


def is_future(p: _Parser, start: int, end: int) -> bool:
    """Whether the sentence around tokens ``start:end`` speaks of the future.

    A future-tense cue (``سوف``, ``سيعقد``, ``خواهد``, ``قرار است``, ``می‌شود``) within
    :data:`_WINDOW` tokens of the span, in the same clause, makes it future (a clause ends at
    sentence punctuation and at words such as ``أن``, ``التي``, ``که``; looking back, the
    word before such a break still counts: ``من المقرر أن``); past-tense reporting is the
    default of news.
    """
    for step, edge in ((-1, start - 1), (1, end)):
        k = edge
        while 0 <= k < len(p.toks) and abs(k - (start if step < 0 else end - 1)) <= _WINDOW:
            tok = p.toks[k]
            if tok.kind == "punct" and tok.text in _SENTENCE_END:
                break
            if step > 0 and "\n" in p.text[p.toks[k - 1].end : tok.start]:
                break
            near = abs(k - (start if step < 0 else end - 1)) <= _NEAR
            if tok.kind == "word" and _future_word(p, tok.text, near):
                return True
            if tok.kind == "word" and p.vocab.cue("clause_breaks", tok.text):
                if step < 0 and k > 0 and _future_word(p, p.toks[k - 1].text, False):
                    return True
                break
            k += step
    return False
