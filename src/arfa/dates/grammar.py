"""Finding date expressions in folded text.

The text (the output of :func:`arfa.normalize.normalize`) is split into tokens (numeric
dates, numbers, words, punctuation); a small hand-written parser then tries, at each
token, the patterns below and keeps the longest match:

* ``[weekday] [day [to day]] [من] month[/month] [year-unit] [year [era]] [modifier]``,
  optionally followed by a range connector and a second such date;
* numeric dates ``16.07.2021``, ``2021/07/16``, ``1400/04/25``;
* years only with a unit or an era (``عام 2019``, ``سال 1400``, ``1445 هـ``), bare
  year ranges ``2022-2024``, decades, and (Arabic) ``في 2019``;
* deictic dates (``أمس``, ``العام الماضي``, ``سال گذشته``, ``الاثنين المقبل``).

Attached proclitics (و ف ب ل ك) of the first word stay outside the span.

Examples:
    >>> [(m.start, m.end) for m in find_dates("وفي 10 يوليو 2019 في فيينا", "ar")]
    [(4, 17)]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from arfa.dates.resolve import DateExpr, DatePoint
from arfa.dates.vocab import AMBIGUOUS_MONTHS, TOKEN_RE, Entry, Vocab, load_vocab
from arfa.lang import language

__all__ = ["Tok", "Match", "tokenize", "find_dates"]

_COUNT_WORDS = frozenset("يك دو سه چهار پنج شش هفت هشت نه ده چند واحد".split())
_AFTER_YEAR_STOP = frozenset(
    "دولار يورو ريال دينار درهم جنيه تومان ليره روبل شخص قتيل نفر مليون مليار الف هزار ميليون ميليارد".split()
)


@dataclass(frozen=True, slots=True)
class Tok:
    """A token of the folded text."""

    start: int
    end: int
    text: str
    kind: str  # numdate | num | word | punct


@dataclass(frozen=True, slots=True)
class Match:
    """A date found in folded text, in normalized coordinates."""

    start: int
    end: int
    expr: DateExpr
    score: float = 0.9


def tokenize(text: str) -> list[Tok]:
    """Split folded text into :class:`Tok` objects.

    Examples:
        >>> [t.kind for t in tokenize("16.07.2021 عام 2019-")]
        ['numdate', 'word', 'num', 'punct']
    """
    return [Tok(m.start(), m.end(), m.group(), m.lastgroup or "punct") for m in TOKEN_RE.finditer(text)]


@dataclass(frozen=True, slots=True)
class _Hit:
    end: int  # index of the token after the phrase
    entry: Entry
    clitic: int  # characters of proclitic stripped from the first token


class _Parser:
    def __init__(self, text: str, lang: str) -> None:
        self.text = text
        self.lang = lang
        self.vocab: Vocab = load_vocab(lang)
        self.toks = tokenize(text)
        self._cache: dict[tuple[int, bool], list[_Hit]] = {}

    # -- phrase lookup -------------------------------------------------------------
    def _key(self, i: int, n: int, first: str) -> tuple[str, ...] | None:
        if i + n > len(self.toks):
            return None
        toks = self.toks[i : i + n]
        if any("\n" in self.text[a.end : b.start] for a, b in zip(toks, toks[1:])):
            return None
        return (first, *(t.text for t in toks[1:]))

    def find(self, i: int, kinds: frozenset[str], clitic: bool = False) -> _Hit | None:
        """Longest phrase at token ``i`` whose meaning has a kind in ``kinds``."""
        for hit in self._hits(i, clitic):
            if hit.entry.kind in kinds:
                return hit
        return None

    def _hits(self, i: int, clitic: bool) -> list[_Hit]:
        """Every phrase at token ``i``, plain before clitic-stripped, longest first (cached)."""
        cached = self._cache.get((i, clitic))
        if cached is not None:
            return cached
        hits: list[_Hit] = []
        if i < len(self.toks):
            word = self.toks[i].text
            firsts: list[tuple[str, int]] = [(word, 0)]
            if self.lang == "fa" and word.endswith("ماه") and len(word) > 4:
                firsts.append((word[:-3], 0))
            if clitic and self.toks[i].kind == "word":  # the vocabulary confirms a reading
                firsts += [(r.rest, r.offset) for r in language(self.lang).readings(word) if r.offset]
            for first, strip in firsts:
                if first not in self.vocab.first_words:
                    continue
                for n in range(min(self.vocab.max_len, len(self.toks) - i), 0, -1):
                    key = self._key(i, n, first)
                    if key is not None:
                        hits += [_Hit(i + n, entry, strip) for entry in self.vocab.lookup(key)]
        self._cache[(i, clitic)] = hits
        return hits

    def is_punct(self, i: int, chars: str) -> bool:
        return i < len(self.toks) and self.toks[i].kind == "punct" and self.toks[i].text in chars

    def num(self, i: int) -> int | None:
        if i < len(self.toks) and self.toks[i].kind == "num" and len(self.toks[i].text) <= 4:
            return int(self.toks[i].text)
        return None

    # -- pieces --------------------------------------------------------------------
    def day(self, i: int, clitic: bool = False) -> tuple[int, int] | None:
        n = self.num(i)
        if n is not None and 1 <= n <= 31 and len(self.toks[i].text) <= 2:
            return i + 1, n
        hit = self.find(i, frozenset({"ord"}), clitic=clitic)
        if hit is not None and (not clitic or hit.clitic == 0 or self.toks[i].text.startswith("و")):
            return hit.end, hit.entry.value
        return None

    def connector(self, i: int) -> int | None:
        if self.is_punct(i, "-–—"):
            return i + 1
        hit = self.find(i, frozenset({"conn"}))
        return hit.end if hit else None

    def days(self, i: int) -> tuple[int, int, int | None] | None:
        first = self.day(i)
        if first is None:
            return None
        j, d1 = first
        k = self.connector(j)
        second = self.day(k) if k is not None else None
        if second is None:  # "والرابع": the connector is a proclitic
            second = (
                self.day(j, clitic=True) if j < len(self.toks) and self.toks[j].text.startswith("و") else None
            )
        if second is not None and second[1] > d1:
            return second[0], d1, second[1]
        return j, d1, None

    def month(self, i: int, clitic: bool) -> tuple[_Hit, str] | None:
        hit = self.find(i, frozenset({"month"}), clitic=clitic)
        if hit is None:
            return None
        word = " ".join(t.text for t in self.toks[i : hit.end])[hit.clitic :]
        end = hit.end
        for open_, close in (("/", ""), ("(", ")")):
            if self.is_punct(end, open_):
                pair = self.find(end + 1, frozenset({"month"}))
                if (
                    pair
                    and pair.entry.value == hit.entry.value
                    and (not close or self.is_punct(pair.end, close))
                ):
                    end = pair.end + (1 if close else 0)
                    word = ""
                    break
        unit = self.find(end, frozenset({"unit"}))
        if self.lang == "fa" and unit is not None and unit.entry.calendar == "month":
            end = unit.end
        return replace(hit, end=end), word

    def year(
        self, i: int, calendar: str | None, inner: bool = True
    ) -> tuple[int, int, str | None, bool] | None:
        """``[unit] number [era]`` → (next index, year, era calendar, had unit)."""
        j = i
        if inner and self.find(j, frozenset({"of"})) and self.find(j + 1, frozenset({"unit"}), clitic=True):
            j += 1
        unit = self.find(j, frozenset({"unit"}), clitic=True)
        had_unit = unit is not None and unit.entry.calendar == "year"
        if had_unit and unit is not None:
            j = unit.end
        n = self.num(j)
        if n is None:
            return None
        digits = len(self.toks[j].text)
        era_hit = self.find(j + 1, frozenset({"era"}))
        era = era_hit.entry.calendar if era_hit else None
        if era_hit and era_hit.entry.calendar == "gregorian" and not 1000 <= n <= 2100:
            era_hit, era = None, None
        end = era_hit.end if era_hit else j + 1
        if digits == 4:
            return end, n, era, had_unit
        persian = self.lang == "fa" and (calendar == "persian" or (calendar is None and had_unit))
        if digits == 2 and persian and era in (None, "persian"):
            return end, (1300 + n if n >= 50 else 1400 + n), "persian", had_unit
        return None

    # -- expressions ---------------------------------------------------------------
    def full_date(self, i: int) -> tuple[int, int, DateExpr] | None:
        """Weekday/day/month/year patterns; returns (next index, clitic, expr)."""
        j, clitic, first = i, 0, True
        unit = self.find(j, frozenset({"unit"}), clitic=True)
        if unit is not None and unit.entry.calendar == "day":
            j, clitic, first = unit.end, unit.clitic, False
        weekday = self.find(j, frozenset({"weekday"}), clitic=first)
        if weekday is not None:
            clitic = weekday.clitic if first else clitic
            j, first = weekday.end, False
            eq = self.find(j, frozenset({"equals"}))
            if eq is not None:
                j = eq.end
        days = self.days(j)
        unit_before = False
        if days is not None:
            j = days[0]
            of = self.find(j, frozenset({"of"}))
            if of is not None and self.find(of.end, frozenset({"month"})):
                j = of.end
        elif weekday is None:
            unit = self.find(j, frozenset({"unit"}), clitic=first)
            if unit is not None and unit.entry.calendar == "month":
                clitic = unit.clitic if first else clitic
                j, first, unit_before = unit.end, False, True
        found = self.month(j, clitic=first)
        if found is None:
            return None
        hit, word = found
        if first:
            clitic = hit.clitic
        j = hit.end
        calendar = hit.entry.calendar or "gregorian"
        year = self.year(j, calendar)
        shift = year_offset = None
        if year is not None:
            j = year[0]
        elif (rel := self._year_rel(j)) is not None:
            j, year_offset = rel
        else:
            mod = self.find(j, frozenset({"mod"}))
            if mod is not None and days is None:
                j, shift = mod.end, mod.entry.value
        if days is None and year is None and year_offset is None:
            if calendar == "islamic":
                return None
            if not unit_before and word in AMBIGUOUS_MONTHS and (shift is None or len(word) <= 2):
                return None
        start = DatePoint(
            calendar,
            year[1] if year else None,
            hit.entry.value,
            days[1] if days else None,
            shift,
            year_offset,
        )
        end = replace(start, day=days[2]) if days is not None and days[2] is not None else None
        expr = DateExpr(start, end)
        k = self.connector(j)
        if k is not None and end is None:  # "30 يونيو - 2 يوليو 2021"
            other = self.full_date(k)
            if other is not None and other[2].start is not None and other[2].end is None:
                o = other[2].start
                if o.calendar == calendar and (start.year is None or o.year is not None):
                    new_start = replace(start, year=start.year if start.year is not None else o.year)
                    if (start.day is None) == (o.day is None):
                        return other[0], clitic, DateExpr(new_start, o)
        return j, clitic, expr

    def _year_rel(self, j: int) -> tuple[int, int] | None:
        """A deictic year after a month: ``سال جاری``, ``من العام الماضي``."""
        of = self.find(j, frozenset({"of"}))
        k = of.end if of is not None else j
        rel = self.find(k, frozenset({"rel"}), clitic=True)
        if rel is None or rel.entry.calendar != "year":
            return None
        return rel.end, rel.entry.value

    def numeric(self, i: int) -> tuple[int, int, DateExpr] | None:
        tok = self.toks[i]
        if tok.kind != "numdate" or (tok.start > 0 and self.text[tok.start - 1] in "+/:"):
            return None
        sep = next(c for c in tok.text if not c.isdigit())
        parts = tok.text.split(sep)
        if len(parts) != 3:
            return None
        if len(parts[0]) == 4:
            y, m, d = (int(p) for p in parts)
        elif len(parts[2]) == 4:
            d, m, y = (int(p) for p in parts)
        else:
            return None
        if 1900 <= y <= 2100:
            calendar = "gregorian"
        elif 1300 <= y <= 1500:
            calendar = "persian" if self.lang == "fa" else "islamic"
        else:
            return None
        if not (1 <= m <= 12 and 1 <= d <= 31):
            return None
        return i + 1, 0, DateExpr(DatePoint(calendar, y, m, d))

    def _year_point(self, year: int, era: str | None) -> DatePoint | None:
        calendar = era or ("persian" if self.lang == "fa" and 1200 <= year <= 1500 else "gregorian")
        low, high = {"gregorian": (1000, 2100), "persian": (1200, 1500), "islamic": (1300, 1500)}[calendar]
        return DatePoint(calendar, year) if low <= year <= high else None

    def year_expr(self, i: int) -> tuple[int, int, DateExpr, float] | None:
        decade = self.find(i, frozenset({"decade"}), clitic=True)
        if decade is not None:
            y = 1900 + 10 * decade.entry.value
            return decade.end, decade.clitic, DateExpr(DatePoint(year=y), DatePoint(year=y + 9)), 0.9
        du = self.find(i, frozenset({"decade_unit"}), clitic=True)
        n = self.num(du.end) if du else None
        if du is not None and n is not None:
            digits = len(self.toks[du.end].text)
            if digits == 2 and n % 10 == 0:
                y, cal = (1300 + n, "persian") if self.lang == "fa" else (1900 + n, "gregorian")
            elif digits == 4 and n % 10 == 0:
                y, cal = n, ("persian" if 1200 <= n <= 1500 else "gregorian")
            else:
                return None
            return du.end + 1, du.clitic, DateExpr(DatePoint(cal, y), DatePoint(cal, y + 9)), 0.9
        unit = self.find(i, frozenset({"unit"}), clitic=True)
        clitic = unit.clitic if unit is not None and unit.entry.calendar == "year" else 0
        first = self.year(i, None, inner=False)
        if first is None:
            return None
        j, y1, era, had_unit = first
        bare = not had_unit and era is None
        if bare and (len(self.toks[i].text) != 4 or not 1900 <= y1 <= 2100):
            return None
        p1 = self._year_point(y1, era)
        if p1 is None:
            return None
        k = j + 1 if bare and self.is_punct(j, "-–") else (None if bare else self.connector(j))
        second = self.year(k, p1.calendar) if k is not None else None
        if second is not None and (not bare or second[3] is False):
            y2 = second[1]
            p2 = self._year_point(y2, second[2] or era)
            if p2 is not None and 0 < y2 - y1 <= 100:
                return second[0], clitic, DateExpr(p1, p2), 0.9 if not bare else 0.8
        if bare:
            prep = i > 0 and self.find(i - 1, frozenset({"yprep"})) is not None
            after = self.toks[j].text if j < len(self.toks) else ""
            if not prep or after in _AFTER_YEAR_STOP or self.is_punct(j, "-–/."):
                return None
            return j, 0, DateExpr(p1), 0.6
        return j, clitic, DateExpr(p1), 0.9

    def relative(self, i: int) -> tuple[int, int, DateExpr] | None:
        prev = self.toks[i - 1] if i > 0 else None
        if prev is not None and (prev.kind == "num" or prev.text in _COUNT_WORDS):
            return None  # "20 سال گذشته" is a duration
        hit = self.find(i, frozenset({"rel"}), clitic=True)
        if hit is not None and hit.entry.calendar is not None:
            if hit.entry.calendar == "day" and hit.entry.value == 0:
                weekday = self.find(hit.end, frozenset({"weekday"}))
                if weekday is None:
                    return None  # bare "اليوم" / "امروز" is too often "nowadays"
                return weekday.end, hit.clitic, DateExpr(relative=("day", 0))
            return hit.end, hit.clitic, DateExpr(relative=(hit.entry.calendar, hit.entry.value))
        j, clitic, first = i, 0, True
        unit = self.find(j, frozenset({"unit"}), clitic=True)
        if unit is not None and unit.entry.calendar == "day":
            j, clitic, first = unit.end, unit.clitic, False
        weekday = self.find(j, frozenset({"weekday"}), clitic=first)
        if weekday is None:
            return None
        mod = self.find(weekday.end, frozenset({"mod"}))
        if mod is None or mod.entry.value == 0:
            return None
        clitic = weekday.clitic if first else clitic
        return mod.end, clitic, DateExpr(relative=("week", mod.entry.value), weekday=weekday.entry.value)

    def parse_at(self, i: int) -> tuple[int, Match] | None:
        best: tuple[int, int, DateExpr, float] | None = None
        for found in (self.full_date(i), self.numeric(i), self.relative(i)):
            if found is not None and (best is None or found[0] > best[0]):
                best = (*found, 0.9)
        ye = self.year_expr(i)
        if ye is not None and (best is None or ye[0] > best[0]):
            best = ye
        if best is None:
            return None
        end, clitic, expr, score = best
        start = self.toks[i].start + clitic
        return end, Match(start, self.toks[end - 1].end, expr, score)

    def __iter__(self) -> Iterator[Match]:
        i = 0
        while i < len(self.toks):
            found = self.parse_at(i)
            if found is None:
                i += 1
                continue
            i, match = found
            yield match


def find_dates(text: str, lang: str) -> list[Match]:
    """All date expressions in folded ``text``, left to right, not overlapping.

    Args:
        text: folded text (``normalize(original).text``).
        lang: ``ar`` or ``fa``.

    Examples:
        >>> m = find_dates("در تاريخ 13 الي 14 ژوييه", "fa")[0]
        >>> (m.start, m.end, m.expr.start.day, m.expr.end.day)
        (9, 24, 13, 14)
    """
    return list(_Parser(text, lang))
