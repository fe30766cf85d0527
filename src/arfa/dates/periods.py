"""Seasons, decades and centuries: ``صيف 2018``, ``الثمانينيات``, ``دهه ۹۰ قرن بیستم میلادی``.

Values follow the second edition of the annotation guidelines:

* a season is the interval of its months (``صيف 2018`` → ``2018-06/2018-08``, a Gregorian
  winter runs into the next year's February); with a Solar Hijri year it is the interval
  of its Gregorian days (``تابستان ۱۴۰۰``); with a deictic year or a modifier it resolves
  against the document date, in Gregorian months like the deictic years of the guidelines
  (``صيف العام الماضي``, ``الصيف المقبل``, ``تابستان امسال``);
  a season without a year is no date (``الربيع العربي``);
* a Gregorian decade or century is an ISO reduced-precision value: ``199`` for the 1990s,
  ``19`` for the twentieth century (``القرن الماضي`` resolves against the document
  date); an Arabic decade word without a century (``الثمانينيات``) is of the twentieth;
* a Persian ``دهه`` with a two-digit number and no Gregorian era or century (``دهه 60``)
  is a Solar Hijri decade, the interval of its Gregorian days, and so is ``دهه ۱۳۶۰``.

Each function takes the grammar's parser and a token index and returns ``(next token
index, proclitic length, DateExpr)``, or ``None``.

Examples:
    >>> from arfa.dates.grammar import find_dates
    >>> [m.expr.iso for m in find_dates("في ثمانينيات القرن الماضي", "ar")]
    ['198']
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from arfa.dates.resolve import DateExpr, DatePoint

if TYPE_CHECKING:
    from arfa.dates.grammar import _Parser

__all__ = ["season", "century", "decade", "count_position"]

Found = tuple[int, int, DateExpr]


def season(p: _Parser, i: int) -> Found | None:
    """``[فصل] season (year | deictic year | modifier)``."""
    j, clitic, first = i, 0, True
    unit = p.find(j, frozenset({"season_unit"}), clitic=True)
    if unit is not None:
        j, clitic, first = unit.end, unit.clitic, False
    hit = p.find(j, frozenset({"season"}), clitic=first)
    if hit is None:
        return None
    if first:
        clitic = hit.clitic
    j, index = hit.end, hit.entry.value
    calendar = "gregorian"  # a deictic year is a Gregorian one, as سال گذشته → 2020 in the guidelines
    year = p.year(j, None)
    if year is not None:
        point = p.year_point(year[1], year[2])
        return (year[0], clitic, DateExpr(replace(point, season=index))) if point is not None else None
    rel = p.year_rel(j)
    if rel is not None:
        return rel[0], clitic, DateExpr(DatePoint(calendar, season=index, year_offset=rel[1]))
    mod = p.find(j, frozenset({"mod"}))
    if mod is None:
        return None
    shift = mod.entry.value
    point = DatePoint(calendar, season=index, shift=shift or None, year_offset=0 if shift == 0 else None)
    return mod.end, clitic, DateExpr(point)


def count_position(p: _Parser, i: int) -> int | None:
    """The end of a counted part of a period before it, a positioning modifier like
    ``نهاية``: ``هفت ماه نخست`` (امسال), ``6 ماهه دوم`` (سال گذشته), ``الأشهر الستة الأولى
    من`` (العام). The date after it keeps its value."""
    if p.lang == "fa":
        word = p.toks[i].text if i < len(p.toks) else ""
        if not (p.num(i) is not None and len(word) <= 2) and not p.vocab.cue("count_words", word):
            return None
        j = i + 1
    else:
        j = i
    if not (j + 1 < len(p.toks) and p.vocab.cue("count_units", p.toks[j].text)):
        return None
    k = j + 1
    if p.lang == "ar":
        if not p.vocab.cue("count_words", p.toks[k].text):
            return None
        k += 1
    if not (k < len(p.toks) and p.vocab.cue("count_ends", p.toks[k].text)):
        return None
    of = p.find(k + 1, frozenset({"of"}))
    return of.end if of is not None else k + 1


def _century_number(p: _Parser, j: int) -> tuple[int, int] | None:
    """``(next index, n)`` for an ordinal or a number naming a century."""
    hit = p.find(j, frozenset({"century_ord", "ord"}))
    if hit is not None:
        return hit.end, hit.entry.value
    k = j + 1 if j < len(p.toks) and p.toks[j].text == "ال" else j  # القرن الـ21
    n = p.num(k)
    if n is not None and len(p.toks[k].text) <= 2:
        return k + 1, n
    return None


def century(p: _Parser, i: int) -> Found | None:
    """``القرن العشرين``, ``القرن الـ21``, ``قرن بیستم میلادی``, ``القرن الماضي``."""
    unit = p.find(i, frozenset({"century_unit"}), clitic=True)
    if unit is None:
        return None
    found = _century_number(p, unit.end)
    if found is None:
        mod = p.find(unit.end, frozenset({"mod"}))
        if mod is None:
            return None
        return mod.end, unit.clitic, DateExpr(relative=("century", mod.entry.value))
    j, n = found
    era = p.find(j, frozenset({"era"}))
    if era is not None and era.entry.calendar in ("persian", "islamic"):  # قرن چهاردهم هجری شمسی
        cal = era.entry.calendar
        return era.end, unit.clitic, DateExpr(DatePoint(cal, (n - 1) * 100 + 1), DatePoint(cal, n * 100))
    if not 1 <= n <= 21:
        return None
    return (era.end if era is not None else j), unit.clitic, DateExpr(iso=f"{n - 1:02d}")


def _century_base(p: _Parser, j: int) -> tuple[int, int | None]:
    """An optional century after a decade (``من القرن الماضي``, ``قرن بیستم``):
    ``(next index, first year of the century)``, the year ``None`` when none is named."""
    of = p.find(j, frozenset({"of"}))
    found = century(p, of.end if of is not None else j)
    if found is None:
        return j, None
    end, _, expr = found
    if expr.iso is not None:
        return end, int(expr.iso) * 100
    if expr.relative is not None:  # the decades of "the last century" are the 1900s in news
        return end, 1900 + 100 * (expr.relative[1] + 1)
    return j, None


def decade(p: _Parser, i: int) -> Found | None:
    """Arabic decade words (``[عقد] الثمانينيات [من القرن الماضي]``), ``دهه N``, and an
    ordinal decade of a named century (``العقد الأول من القرن الحادي والعشرين`` → ``200``)."""
    j, clitic, first = i, 0, True
    unit = p.find(j, frozenset({"decade_unit"}), clitic=True)
    if unit is not None:
        j, clitic, first = unit.end, unit.clitic, False
    word = p.find(j, frozenset({"decade"}), clitic=first)
    if word is not None:
        end, base = _century_base(p, word.end)
        year = (base if base is not None else 1900) + 10 * word.entry.value
        return end, (word.clitic if first else clitic), DateExpr(iso=str(year // 10))
    if unit is not None and (nth := p.find(j, frozenset({"ord"}))) is not None and nth.entry.value <= 10:
        end, base = _century_base(p, nth.end)  # العقد الأول من القرن الحادي والعشرين, دهه اول قرن ...
        if base is None:
            return None  # دهه اول محرم: ten days, no decade
        return end, clitic, DateExpr(iso=str((base + 10 * (nth.entry.value - 1)) // 10))
    if unit is None or p.lang != "fa":  # Arabic عقد is also "held": only with a decade word
        return None
    spoken = p.find(j, frozenset({"decade_word"}))
    n = p.num(j)
    digits = len(p.toks[j].text) if n is not None else 2
    if spoken is not None:
        n, j = 10 * spoken.entry.value, spoken.end
    elif n is not None and n % 10 == 0 and digits in (2, 4):
        j += 1
    else:
        return None
    assert n is not None
    end, base = _century_base(p, j)
    era = p.find(end, frozenset({"era"}))
    calendar = era.entry.calendar if era is not None else None
    if era is not None:
        end = era.end
    if digits == 4:
        calendar = calendar or ("persian" if 1200 <= n <= 1500 else "gregorian")
        year = n
    elif base is not None or calendar == "gregorian" or p.lang != "fa":
        calendar, year = "gregorian", (base if base is not None else 1900) + n
    else:
        calendar, year = "persian", 1300 + n
    if calendar == "gregorian":
        return end, clitic, DateExpr(iso=str(year // 10))
    return end, clitic, DateExpr(DatePoint(calendar, year), DatePoint(calendar, year + 9))
