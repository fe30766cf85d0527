"""Finding date expressions in folded text.

The text (the output of :func:`arfa.normalize.normalize`) is split into tokens (numeric
dates, numbers, words, punctuation); a small hand-written parser then tries, at each
token, the patterns below and keeps the longest match:

* ``[weekday] [day [to day]] [من] month[/month] [year-unit] [year [era]] [modifier]``,
  optionally followed by a range connector and a second such date;
* numeric dates ``16.07.2021``, ``2021/07/16``, ``1400/04/25``;
* years only with a unit or an era (``عام 2019``, ``سال 1400``, ``1445 هـ``), bare
  year ranges ``2022-2024``, decades, and (Arabic) ``في 2019``;
* deictic dates (``أمس``, ``اليوم``, ``العام الماضي``, ``سال گذشته``, ``الاثنين المقبل``)
  and weekdays (``يوم الثلاثاء``, ``روز جمعه``): :mod:`arfa.dates.deixis`;
* seasons, decades and centuries: :mod:`arfa.dates.periods`;
* any of these after a positioning modifier (``نهاية``, ``پایان``), and one date
  followed by the same in another calendar (``15 رمضان 1445 هـ الموافق 25 مارس 2024``).

Weeks (``الأسبوع الماضي``) are not dates. A list of years (``سال‌های ۲۰۰۶ و ۲۰۰۷``) is one
match per year; a bounded period (``عامي 2022 و2025``, ``بین سال‌های ...``) is one range.

Attached proclitics (و ف ب ل ك) of the first word stay outside the span.

Examples:
    >>> [(m.start, m.end) for m in find_dates("وفي 10 يوليو 2019 في فيينا", "ar")]
    [(4, 17)]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from arfa.dates import deixis, periods, years
from arfa.dates.resolve import DateExpr, DatePoint
from arfa.dates.vocab import AMBIGUOUS_MONTHS, TOKEN_RE, Entry, Vocab, load_vocab
from arfa.lang import language

__all__ = ["Tok", "Match", "tokenize", "find_dates"]

_COUNT_WORDS = frozenset("يك دو سه چهار پنج شش هفت هشت نه ده چند واحد شبانه".split())


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
        self.listed_years: set[int] = set()  # token indices of years continuing a list

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

    def find_word(self, word: str) -> bool:
        """Whether the one-token ``word`` is date vocabulary (``يوليو``, ``يوم``)."""
        return (word,) in self.vocab.phrases

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
        if hit is not None and i > 0 and self.find(i - 1, frozenset({"decade_unit"})) is not None:
            return None  # دهه اول محرم: the first ten days, no day of the month
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
        for open_, close in (("/", ""), ("(", ")"), ("-–", "")):
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
            # آذر ماه: the unit names a month as surely as one before it (ماه آذر) does
            end, word = unit.end, " ".join(t.text for t in self.toks[i : unit.end])[hit.clitic :]
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
        elif (rel := self.year_rel(j)) is not None:
            j, year_offset = rel
        else:
            mod = self.find(j, frozenset({"mod"}))
            if mod is not None:  # أكتوبر الماضي, يومي 13 و14 يونيو الماضي
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

    def year_rel(self, j: int) -> tuple[int, int] | None:
        """A deictic year after a month: ``سال جاری``, ``من العام الماضي``."""
        of = self.find(j, frozenset({"of"}))
        k = of.end if of is not None else j
        rel = self.find(k, frozenset({"rel"}), clitic=True)
        if rel is None or rel.entry.calendar != "year":
            return None
        return rel.end, rel.entry.value

    def numeric(self, i: int) -> tuple[int, int, DateExpr] | None:
        if i >= len(self.toks):
            return None
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

    def year_point(self, year: int, era: str | None) -> DatePoint | None:
        calendar = era or ("persian" if self.lang == "fa" and 1200 <= year <= 1500 else "gregorian")
        low, high = {"gregorian": (1000, 2100), "persian": (1200, 1500), "islamic": (1300, 1500)}[calendar]
        return DatePoint(calendar, year) if low <= year <= high else None

    def relative(self, i: int) -> tuple[int, int, DateExpr] | None:
        prev = self.toks[i - 1] if i > 0 else None
        if prev is not None and (prev.kind == "num" or prev.text in _COUNT_WORDS):
            return None  # "20 سال گذشته" is a duration
        hit = self.find(i, frozenset({"rel"}), clitic=True)
        if hit is not None and hit.entry.calendar == "week":
            return None  # weeks are not dates
        if hit is not None and hit.entry.calendar == "day":
            return deixis.deictic_day(self, i)
        if hit is not None and hit.entry.calendar is not None:
            era = self.find(hit.end, frozenset({"era"}))  # ماه جاری میلادی
            end = era.end if era is not None and era.entry.calendar != "islamic" else hit.end
            return end, hit.clitic, DateExpr(relative=(hit.entry.calendar, hit.entry.value))
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

    def _best(self, i: int) -> tuple[int, int, DateExpr, float] | None:
        """The longest expression of any pattern at token ``i``."""
        best: tuple[int, int, DateExpr, float] | None = None
        patterns = (
            self.full_date(i),
            self.numeric(i),
            self.relative(i),
            deixis.weekday(self, i),
            deixis.day_of_month(self, i),
            periods.season(self, i),
            periods.century(self, i),
            periods.decade(self, i),
        )
        for found in patterns:
            if found is not None and (best is None or found[0] > best[0]):
                best = (*found, 0.9)
        ye = years.year_expr(self, i)
        if ye is not None and (best is None or ye[0] > best[0]):
            best = ye
        return best

    def _other_calendar(self, j: int) -> int | None:
        """The end of the same date in another calendar or with another month name after
        token ``j``: ``الموافق 25 مارس 2024``, ``(۱۶ ژوئیه ۲۰۲۱)``, ``برابر با ...``."""
        link = self.find(j, frozenset({"link"}))
        if link is None and self.is_punct(j, "،,"):  # ..., الموافق ...
            link = self.find(j + 1, frozenset({"link"}))
        paren = link is None and self.is_punct(j, "(")
        k = link.end if link is not None else j + 1 if paren else None
        if k is None:
            return None
        other = self.full_date(k) or self.numeric(k)
        if other is None or other[1] or other[2].start is None:
            return None
        if paren:
            return other[0] + 1 if self.is_punct(other[0], ")") else None
        return other[0]

    def parse_at(self, i: int) -> tuple[int, Match] | None:
        best = None
        pos = self.find(i, frozenset({"pos"}), clitic=True)  # نهاية, پایان: inside the span
        pos_end, pos_clitic = (pos.end, pos.clitic) if pos is not None else (periods.count_position(self, i), 0)
        if pos_end is not None:
            inner = self._best(pos_end)
            if inner is not None and inner[1] == 0:
                best = (inner[0], pos_clitic, inner[2], inner[3])
        if best is None:
            best = self._best(i)
        if best is None:
            return None
        end, clitic, expr, score = best
        if expr.start is not None and (other := self._other_calendar(end)) is not None:
            end = other
        start = self.toks[i].start + clitic
        return end, Match(start, self.toks[end - 1].end, expr, score)

    def can_start(self, i: int) -> bool:
        """Whether a date can start at token ``i``: a number, or a word whose own form, a
        clitic-free reading or (Persian) its form without ``ماه`` begins a vocabulary
        phrase, or a count word of a period (``هفت ماه نخست``). Every pattern reads one of
        these first, so :meth:`parse_at` finds nothing anywhere else."""
        tok = self.toks[i]
        if tok.kind in ("num", "numdate"):
            return True
        return _starts_date(self.lang, tok.text, tok.kind == "word")

    def __iter__(self) -> Iterator[Match]:
        i = 0
        while i < len(self.toks):
            if not self.can_start(i):
                i += 1
                continue
            found = self.parse_at(i)
            if found is None:
                i += 1
                continue
            i, match = found
            yield match


_START_CUES = ("count_words", "count_units")


@lru_cache(maxsize=200_000)
def _starts_date(lang: str, word: str, is_word: bool) -> bool:
    """The word-level test of :meth:`_Parser.can_start` (cached: words repeat)."""
    vocab = load_vocab(lang)
    first = vocab.first_words
    return (
        word in first
        or (lang == "fa" and word.endswith("ماه") and len(word) > 4 and word[:-3] in first)
        or (is_word and any(r.offset and r.rest in first for r in language(lang).readings(word)))
        or any(vocab.cue(name, word) for name in _START_CUES)
    )


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
