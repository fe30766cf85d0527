"""Years: ``عام 2019``, ``سال ۱۴۰۰``, ``1445 هـ``, ranges, lists and bounded periods.

A list of years is one match per year (``سال‌های ۲۰۰۶`` | ``۲۰۰۷``, ``سال 93`` | ``94``): the
year after و is marked on the parser so that it matches alone, bare as it is. A bounded
period is one range: years after a dual unit (``عامي 2022 و2025``) or a word for
"between" (``بين``, ``بین``, ``در فاصله``), and a range with ``تا``/``إلى``/a dash, whose era
may come after the second year only (``۱۳۵۷ تا ۱۳۹۸ هجری شمسی``) and which may be typed
right to left (``1347-1340 ش``). A bare 19xx/20xx year is a date only after a preposition
(``في``, ``منذ``) or a positioning modifier (``نهاية 2025``), with a lower score.

Examples:
    >>> from arfa.dates.grammar import find_dates
    >>> from arfa.normalize import fold
    >>> [m.expr.start.year for m in find_dates(fold("سال‌های ۲۰۰۶ و ۲۰۰۷"), "fa")]
    [2006, 2007]
    >>> [(m.expr.start.year, m.expr.end.year) for m in find_dates("بين عامي 2022 و2025", "ar")]
    [(2022, 2025)]
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from arfa.dates.resolve import DateExpr

if TYPE_CHECKING:
    from arfa.dates.grammar import _Parser

__all__ = ["bounded", "year_expr"]

_DUALS = frozenset({"عامي", "العامين", "سنتي", "يومي"})
_AFTER_YEAR_STOP = frozenset(
    "دولار يورو ريال دينار درهم جنيه تومان ليره روبل شخص قتيل نفر مليون مليار الف هزار ميليون ميليارد".split()
)


def bounded(p: _Parser, i: int) -> bool:
    """Whether the years from token ``i`` joined by و are a bounded period, not a list:
    after a dual unit (``عامي``) or a word for "between" (``بين``, ``بین``, ``در فاصله``)."""
    unit = p.find(i, frozenset({"unit"}), clitic=True)
    if unit is not None and p.toks[unit.end - 1].text in _DUALS:
        return True
    return any(
        k >= 0 and (hit := p.find(k, frozenset({"between"}), clitic=True)) is not None and hit.end == i
        for k in (i - 1, i - 2)
    )


def year_expr(p: _Parser, i: int) -> tuple[int, int, DateExpr, float] | None:
    """A year, a range or a bounded period of years at token ``i``, or one year of a list:
    ``(next index, proclitic length, expr, score)``."""
    unit = p.find(i, frozenset({"unit"}), clitic=True)
    clitic = unit.clitic if unit is not None and unit.entry.calendar == "year" else 0
    listed = i in p.listed_years
    first = p.year(i, "persian" if listed and p.lang == "fa" else None, inner=False)
    if first is None:
        return None
    j, y1, era, had_unit = first
    bare = not had_unit and era is None
    if bare and not listed and (k0 := p.connector(j)) is not None and p.toks[j].text != "و":
        later = p.year(k0, None)  # ۱۳۵۷ تا ۱۳۹۸ هجری شمسی: the era after the second year
        if later is not None and later[2] is not None:
            era = later[2]
    if bare and not listed and (len(p.toks[i].text) != 4 or not (1900 <= y1 <= 2100 or era)):
        return None
    p1 = p.year_point(y1, era)
    if p1 is None:
        return None
    is_bounded = bounded(p, i)
    if bare and p.is_punct(j, "-–"):
        k: int | None = j + 1
    elif bare and not (listed or is_bounded or era):
        k = None
    else:
        k = p.connector(j)
    and_ = j < len(p.toks) and p.toks[j].text == "و"
    if k is not None and and_ and not is_bounded:
        k = None  # a list: the next year is a match of its own
    second = p.year(k, p1.calendar) if k is not None else None
    if second is not None and (not bare or second[3] is False or is_bounded):
        y2 = second[1]
        p2 = p.year_point(y2, second[2] or era)
        if p2 is not None and p.is_punct(j, "-–") and 0 < y1 - y2 <= 100:
            p1, p2 = replace(p2, calendar=p1.calendar), p1  # ۱۳۴۷-۱۳۴۰: written right to left
        if p2 is not None and p1.year is not None and p2.year is not None and 0 < p2.year - p1.year <= 100:
            return second[0], clitic, DateExpr(p1, p2), 0.9 if not bare else 0.8
    if bare and not listed:
        prep = i > 0 and p.find(i - 1, frozenset({"yprep", "pos"})) is not None
        after = p.toks[j].text if j < len(p.toks) else ""
        decimal = p.is_punct(j, ".") and p.num(j + 1) is not None  # 2019.5
        if not prep or after in _AFTER_YEAR_STOP or p.is_punct(j, "-–/") or decimal:
            return None
    if and_ and not is_bounded and p.num(j + 1) is not None:
        if len(p.toks[j + 1].text) == len(p.toks[j - 1].text) in (2, 4):
            p.listed_years.add(j + 1)  # سال‌های ۲۰۰۶ و ۲۰۰۷, سال 93 و 94: one match per year
    if bare:
        return j, 0, DateExpr(p1), 0.9 if listed else 0.6
    return j, clitic, DateExpr(p1), 0.9
