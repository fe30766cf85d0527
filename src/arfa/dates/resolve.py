"""From a parsed date expression to its ISO 8601 value.

A :class:`DateExpr` is what :mod:`arfa.dates.grammar` finds: one point (day, month or
year in some calendar), a range of two points, or a deictic date (``العام الماضي``,
``دیروز``). :func:`resolve` converts it to the ``value`` of ANNOTATION.md:

* Gregorian points keep their precision: ``2019-07-10``, ``2019-07``, ``2019``;
  without a year and without a document date the year is ``XXXX`` (``XXXX-12``).
* Solar Hijri (``persian``) and lunar Hijri (``islamic``) points are converted with
  jdatetime and hijridate: a full date gives one Gregorian day, a month or a year gives
  the interval of its Gregorian days.
* A range is ``start/end``; deictic dates resolve against ``doc_date`` or give ``None``.
* A season is the interval of its months (``صيف 2018`` → ``2018-06/2018-08``; a Solar
  Hijri season the interval of its Gregorian days); a decade or a century is an ISO
  reduced-precision value (``199``, ``19``).
* A Solar Hijri day or month without a year (and without a document date) gets the
  Gregorian month and day it has in most years: ``۲۵ شهریور`` → ``XXXX-09-16``.
* A weekday alone resolves to the nearest such day on or before the document date, or on
  or after it when the sentence speaks of the future.
* A value outside what ISO 8601 and the converters can write (before year 1, after
  9999, lunar Hijri dates outside hijridate's 1343-1500 AH) is ``None``: the date
  is still found, its value is unknown.

jdatetime and hijridate are imported inside the functions that need them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from functools import cache

__all__ = ["DatePoint", "DateExpr", "DateRangeError", "resolve", "to_gregorian", "calendar_year"]

CALENDARS = ("gregorian", "persian", "islamic")


class DateRangeError(ValueError):
    """A date that exists but lies outside the years a value or a converter can express.

    :func:`resolve` turns it into a ``None`` value; a date that does not exist at all
    (31 February) is a plain :class:`ValueError`.
    """


def _year_in_range(year: int) -> int:
    if not 1 <= year <= 9999:
        raise DateRangeError(f"year {year} is outside 0001-9999")
    return year


@dataclass(frozen=True, slots=True)
class DatePoint:
    """A calendar date of some precision.

    Attributes:
        calendar: ``gregorian``, ``persian`` (Solar Hijri) or ``islamic`` (lunar Hijri).
        year: the year in that calendar, or ``None`` when the text gives none.
        month: 1 to 12, or ``None``.
        day: 1 to 31, or ``None``.
        shift: for a month without a year and with ``الماضي``/``المقبل``: -1 for the last
            such month before the document date, +1 for the next one after it, 0 for
            this year's.
        year_offset: for a month followed by a deictic year (``مهر ماه سال جاری``,
            ``مارس من العام الماضي``): the year relative to the document date's.
        season: with ``month=None``: spring 0, summer 1, autumn 2, winter 3 (a
            Gregorian winter runs from December into the next year's February).
    """

    calendar: str = "gregorian"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    shift: int | None = None
    year_offset: int | None = None
    season: int | None = None


@dataclass(frozen=True, slots=True)
class DateExpr:
    """A date expression: a point, a range, or a deictic date.

    Attributes:
        start: the point, or the first point of a range.
        end: the last point of a range.
        relative: a deictic date as ``(field, offset)``: ``("year", -1)`` is last year,
            ``("century", -1)`` the last century; ``("week", k)`` with a ``weekday`` is
            that day of the week before (-1) or after (1) the document date, ``("weekday",
            k)`` the nearest such day on or before (-1) or on or after (1) it.
        weekday: a weekday (Monday 0) for ``week`` and ``weekday`` relatives.
        iso: a fixed value that needs no calendar arithmetic: a decade ``198`` or a
            century ``19`` in ISO reduced precision.
        day: with ``relative=("month", k)``: a day of that month (``15 من الشهر الجاري``).
    """

    start: DatePoint | None = None
    end: DatePoint | None = None
    relative: tuple[str, int] | None = None
    weekday: int | None = None
    iso: str | None = None
    day: int | None = None

    @property
    def calendar(self) -> str:
        """The calendar the expression was written in."""
        return self.start.calendar if self.start is not None else "gregorian"


def to_gregorian(calendar: str, year: int, month: int, day: int) -> dt.date:
    """The Gregorian date of a day in ``calendar``.

    Raises:
        DateRangeError: for a year outside what the calendar's converter supports.
        ValueError: for a day that does not exist in that calendar.

    Examples:
        >>> to_gregorian("persian", 1400, 4, 25)
        datetime.date(2021, 7, 16)
        >>> to_gregorian("islamic", 1445, 9, 1)
        datetime.date(2024, 3, 11)
    """
    if calendar == "gregorian":
        return dt.date(_year_in_range(year), month, day)
    if calendar == "persian":
        import jdatetime

        if not 1 <= month <= 12 or not 1 <= day <= _month_length(calendar, year, month):
            raise ValueError(f"no day {year}-{month}-{day} in the Solar Hijri calendar")
        try:
            g = jdatetime.date(year, month, day).togregorian()
        except (ValueError, OverflowError) as err:  # the day exists: its year is out of range
            raise DateRangeError(f"Solar Hijri {year}-{month}-{day}: {err}") from err
        return dt.date(g.year, g.month, g.day)
    if calendar == "islamic":
        from hijridate import Hijri

        try:
            g2 = Hijri(year, month, day).to_gregorian()
        except OverflowError as err:  # hijridate: "year must be in 1343-1500"
            raise DateRangeError(f"Hijri {year}-{month}-{day}: {err}") from err
        except ValueError as err:
            raise ValueError(f"no day {year}-{month}-{day} in the Hijri calendar: {err}") from err
        return dt.date(g2.year, g2.month, g2.day)
    raise ValueError(f"unknown calendar {calendar!r}")


def _month_length(calendar: str, year: int, month: int) -> int:
    if calendar == "gregorian":
        nxt = dt.date(year + month // 12, month % 12 + 1, 1)
        return (nxt - dt.timedelta(days=1)).day
    if calendar == "persian":
        import jdatetime

        if month == 12:
            try:
                return 30 if jdatetime.date(year, 1, 1).isleap() else 29
            except (ValueError, OverflowError) as err:
                raise DateRangeError(f"Solar Hijri year {year}: {err}") from err
        return int(jdatetime.j_days_in_month[month - 1])
    from hijridate import Hijri

    try:
        return int(Hijri(year, month, 1).month_length())
    except OverflowError as err:
        raise DateRangeError(f"Hijri {year}-{month}: {err}") from err
    except ValueError as err:
        raise ValueError(f"no month {year}-{month} in the Hijri calendar: {err}") from err


def calendar_year(calendar: str, day: dt.date) -> tuple[int, int]:
    """The (year, month) that Gregorian ``day`` falls in, in ``calendar``.

    Raises:
        DateRangeError: ``day`` is outside the range of the calendar's converter.

    Examples:
        >>> calendar_year("persian", dt.date(2021, 7, 16))
        (1400, 4)
    """
    if calendar == "gregorian":
        return day.year, day.month
    try:
        if calendar == "persian":
            import jdatetime

            j = jdatetime.date.fromgregorian(date=day)
            return j.year, j.month
        from hijridate import Gregorian

        h = Gregorian(day.year, day.month, day.day).to_hijri()
        return h.year, h.month
    except (ValueError, OverflowError) as err:
        raise DateRangeError(f"{day.isoformat()} in the {calendar} calendar: {err}") from err


#: First month of each season (spring, summer, autumn, winter) per calendar.
_SEASON_START = {"gregorian": (3, 6, 9, 12), "persian": (1, 4, 7, 10)}


def _year_of(point: DatePoint, doc_date: dt.date | None) -> int | None:
    if point.year is not None:
        return point.year
    if doc_date is None:
        return None
    year, month = calendar_year(point.calendar, doc_date)
    if point.year_offset is not None:
        return year + point.year_offset
    if point.season is not None and point.shift in (-1, 1):
        first = _SEASON_START[point.calendar][point.season]
        if point.shift == -1:  # last summer: this year's once it is over
            return year - 1 if month <= first + 2 else year
        return year + 1 if month >= first else year
    if point.month is not None and point.shift == -1 and point.month >= month:
        return year - 1
    if point.month is not None and point.shift == 1 and point.month <= month:
        return year + 1
    return year


@cache
def _typical_day(calendar: str, month: int, day: int) -> str:
    """``MM-DD``: the Gregorian month and day that ``day`` of ``month`` has in most years.

    Examples:
        >>> _typical_day("persian", 6, 25)
        '09-16'
    """
    counts = Counter(to_gregorian(calendar, year, month, day).strftime("%m-%d") for year in range(1370, 1430))
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def _season_bounds(point: DatePoint, year: int | None) -> tuple[str, str] | None:
    if year is None or point.season is None:
        return None
    first = _SEASON_START[point.calendar][point.season]
    if point.calendar == "gregorian":
        last_year, last = (year + 1, 2) if first == 12 else (year, first + 2)
        return f"{year:04d}-{first:02d}", f"{last_year:04d}-{last:02d}"
    start = to_gregorian(point.calendar, year, first, 1)
    end = to_gregorian(point.calendar, year, first + 2, _month_length(point.calendar, year, first + 2))
    return start.isoformat(), end.isoformat()


def _bounds(point: DatePoint, doc_date: dt.date | None) -> tuple[str, str] | None:
    """First and last ISO value of ``point`` (equal for a Gregorian point)."""
    year = _year_of(point, doc_date)
    if point.season is not None:
        return _season_bounds(point, year)
    if point.calendar == "persian" and year is None and point.month is not None:
        if not 1 <= point.month <= 12 or (point.day is not None and not 1 <= point.day <= 31 - (point.month > 6)):
            raise ValueError(f"no day {point.month}-{point.day} in the Solar Hijri calendar")
        if point.day is not None:
            typical = f"XXXX-{_typical_day('persian', point.month, point.day)}"
            return typical, typical
        last_day = 31 if point.month <= 6 else 30 if point.month < 12 else 29
        return (f"XXXX-{_typical_day('persian', point.month, 1)}",
                f"XXXX-{_typical_day('persian', point.month, last_day)}")
    if point.calendar == "gregorian":
        if point.month is None:
            if year is None:
                return None
            return f"{_year_in_range(year):04d}", f"{year:04d}"
        if point.day is not None:
            dt.date(_year_in_range(year) if year is not None else 2000, point.month, point.day)  # validates
        ytxt = f"{_year_in_range(year):04d}" if year is not None else "XXXX"
        text = f"{ytxt}-{point.month:02d}" + (f"-{point.day:02d}" if point.day is not None else "")
        return text, text
    if year is None:
        return None
    if point.month is None:
        first = to_gregorian(point.calendar, year, 1, 1)
        last = to_gregorian(point.calendar, year, 12, _month_length(point.calendar, year, 12))
    elif point.day is None:
        first = to_gregorian(point.calendar, year, point.month, 1)
        last = to_gregorian(
            point.calendar, year, point.month, _month_length(point.calendar, year, point.month)
        )
    else:
        first = last = to_gregorian(point.calendar, year, point.month, point.day)
    return first.isoformat(), last.isoformat()


def _relative(field: str, offset: int, weekday: int | None, doc_date: dt.date) -> str:
    try:
        if field == "weekday" and weekday is not None:  # the nearest such day, the document's own included
            delta = weekday - doc_date.weekday()
            if offset < 0 and delta > 0:
                delta -= 7
            elif offset > 0 and delta < 0:
                delta += 7
            return (doc_date + dt.timedelta(days=delta)).isoformat()
        if field == "century":
            century = doc_date.year // 100 + offset
            if not 0 <= century <= 99:
                raise DateRangeError(f"century {century} is outside 00-99")
            return f"{century:02d}"
        if weekday is not None:
            delta = weekday - doc_date.weekday()
            if offset < 0:
                delta = delta - 7 if delta >= 0 else delta
            elif offset > 0:
                delta = delta + 7 if delta <= 0 else delta
            return (doc_date + dt.timedelta(days=delta)).isoformat()
        if field == "day":
            return (doc_date + dt.timedelta(days=offset)).isoformat()
        if field == "week":
            year, week, _ = (doc_date + dt.timedelta(weeks=offset)).isocalendar()
            return f"{_year_in_range(year):04d}-W{week:02d}"
    except OverflowError as err:  # before 0001-01-01 or after 9999-12-31
        raise DateRangeError(f"{field} {offset:+d} from {doc_date.isoformat()}: {err}") from err
    if field == "month":
        index = doc_date.year * 12 + doc_date.month - 1 + offset
        return f"{_year_in_range(index // 12):04d}-{index % 12 + 1:02d}"
    if field == "year":
        return f"{_year_in_range(doc_date.year + offset):04d}"
    raise ValueError(f"unknown relative field {field!r}")


def resolve(expr: DateExpr, doc_date: dt.date | None = None) -> str | None:
    """The ISO 8601 value of ``expr``, or ``None`` when it cannot be resolved.

    A date outside the years that can be written or converted (:class:`DateRangeError`)
    gives ``None``.

    Raises:
        ValueError: when the expression names a day that does not exist, or a range
            that runs backwards.

    Examples:
        >>> resolve(DateExpr(DatePoint(year=2019, month=7, day=10)))
        '2019-07-10'
        >>> resolve(DateExpr(DatePoint(month=12)))
        'XXXX-12'
        >>> resolve(DateExpr(DatePoint(month=9)), dt.date(2021, 7, 16))
        '2021-09'
        >>> resolve(DateExpr(DatePoint(year=2021, month=7, day=13), DatePoint(year=2021, month=7, day=14)))
        '2021-07-13/2021-07-14'
        >>> resolve(DateExpr(DatePoint(year=2022), DatePoint(year=2024)))
        '2022/2024'
        >>> resolve(DateExpr(DatePoint("persian", 1400, 4)))
        '2021-06-22/2021-07-22'
        >>> resolve(DateExpr(relative=("year", -1)), dt.date(2021, 7, 16))
        '2020'
        >>> resolve(DateExpr(relative=("year", -1))) is None
        True
        >>> resolve(DateExpr(DatePoint(year=2018, season=1)))
        '2018-06/2018-08'
        >>> resolve(DateExpr(DatePoint("persian", month=6, day=25)))
        'XXXX-09-16'
        >>> resolve(DateExpr(relative=("century", -1)), dt.date(2021, 7, 16))
        '19'
        >>> resolve(DateExpr(relative=("month", -1), day=10), dt.date(2021, 7, 16))
        '2021-06-10'
        >>> resolve(DateExpr(relative=("year", -1)), dt.date(1, 1, 1)) is None
        True
    """
    try:
        return _resolve(expr, doc_date)
    except DateRangeError:
        return None


def _resolve(expr: DateExpr, doc_date: dt.date | None) -> str | None:
    if expr.iso is not None:
        return expr.iso
    if expr.relative is not None:
        if doc_date is None:
            return None
        value = _relative(*expr.relative, expr.weekday, doc_date)
        if expr.day is not None and expr.relative[0] == "month":
            year, month = (int(x) for x in value.split("-"))
            return dt.date(year, month, expr.day).isoformat()  # ValueError for 31 June
        return value
    if expr.start is None:
        return None
    first = _bounds(expr.start, doc_date)
    if expr.end is None:
        if first is None:
            return None
        return first[0] if first[0] == first[1] else f"{first[0]}/{first[1]}"
    last = _bounds(expr.end, doc_date)
    if first is None or last is None:
        return None
    if "X" not in first[0] + last[1] and first[0] > last[1]:
        raise ValueError(f"range runs backwards: {first[0]} > {last[1]}")
    return f"{first[0]}/{last[1]}"
