"""Unit tests of :func:`arfa.dates.resolve.resolve`, checked against jdatetime/hijridate."""

from __future__ import annotations

import datetime as dt

import jdatetime
import pytest
from hijridate import Gregorian, Hijri
from hypothesis import given
from hypothesis import strategies as st

from arfa.dates.resolve import DateExpr, DatePoint, calendar_year, resolve, to_gregorian

D = dt.date(2021, 7, 16)


@pytest.mark.parametrize(
    ("expr", "doc_date", "value"),
    [
        (DateExpr(DatePoint(year=2019, month=7, day=10)), None, "2019-07-10"),
        (DateExpr(DatePoint(year=2019, month=7)), None, "2019-07"),
        (DateExpr(DatePoint(year=2019)), None, "2019"),
        (DateExpr(DatePoint(month=12)), None, "XXXX-12"),
        (DateExpr(DatePoint(month=12, day=3)), None, "XXXX-12-03"),
        (DateExpr(DatePoint(month=9)), D, "2021-09"),
        (DateExpr(DatePoint(month=10, shift=-1)), None, "XXXX-10"),
        (DateExpr(DatePoint(month=10, shift=-1)), D, "2020-10"),
        (DateExpr(DatePoint(month=3, shift=-1)), D, "2021-03"),
        (DateExpr(DatePoint(month=3, shift=1)), D, "2022-03"),
        (DateExpr(DatePoint(month=9, shift=1)), D, "2021-09"),
        (DateExpr(DatePoint(month=3, year_offset=-1)), D, "2020-03"),
        (DateExpr(DatePoint(year=2022), DatePoint(year=2024)), None, "2022/2024"),
        (DateExpr(DatePoint(month=7, day=13), DatePoint(month=7, day=14)), D, "2021-07-13/2021-07-14"),
        (DateExpr(relative=("year", -1)), D, "2020"),
        (DateExpr(relative=("year", -1)), None, None),
        (DateExpr(relative=("month", 1)), dt.date(2021, 12, 5), "2022-01"),
        (DateExpr(relative=("day", -1)), dt.date(2021, 3, 1), "2021-02-28"),
        (DateExpr(relative=("week", -1)), D, "2021-W27"),
        (DateExpr(relative=("week", -1), weekday=0), D, "2021-07-12"),
        (DateExpr(relative=("week", 1), weekday=4), D, "2021-07-23"),
        (DateExpr(DatePoint("persian", month=4, day=25)), None, "XXXX-07-16"),
        (DateExpr(DatePoint("persian", month=6)), None, "XXXX-08-23/XXXX-09-22"),
        (DateExpr(DatePoint("islamic", month=9, day=1)), None, None),
        (DateExpr(DatePoint("islamic", 1200, 1, 1)), None, None),  # exists, outside hijridate's range
        (DateExpr(DatePoint(year=2018, season=1)), None, "2018-06/2018-08"),
        (DateExpr(DatePoint(year=2014, season=2)), None, "2014-09/2014-11"),
        (DateExpr(DatePoint(year=2019, season=3)), None, "2019-12/2020-02"),
        (DateExpr(DatePoint(season=1, shift=-1)), D, "2020-06/2020-08"),
        (DateExpr(DatePoint(season=2, shift=-1)), D, "2020-09/2020-11"),
        (DateExpr(DatePoint(season=1, shift=1)), D, "2022-06/2022-08"),
        (DateExpr(DatePoint(season=0, shift=1)), D, "2022-03/2022-05"),
        (DateExpr(DatePoint(season=1, year_offset=-1)), D, "2020-06/2020-08"),
        (DateExpr(DatePoint(season=1, shift=-1)), None, None),
        (DateExpr(iso="199"), None, "199"),
        (DateExpr(relative=("century", -1)), D, "19"),
        (DateExpr(relative=("century", 0)), D, "20"),
        (DateExpr(relative=("century", -1)), None, None),
        (DateExpr(relative=("weekday", -1), weekday=4), D, "2021-07-16"),  # D is a Friday
        (DateExpr(relative=("weekday", -1), weekday=0), D, "2021-07-12"),
        (DateExpr(relative=("weekday", 1), weekday=0), D, "2021-07-19"),
        (DateExpr(relative=("weekday", 1), weekday=4), D, "2021-07-16"),
        (DateExpr(relative=("weekday", -1), weekday=5), D, "2021-07-10"),
        (DateExpr(relative=("weekday", -1), weekday=0), None, None),
    ],
)
def test_resolve(expr: DateExpr, doc_date: dt.date | None, value: str | None) -> None:
    assert resolve(expr, doc_date) == value


@pytest.mark.parametrize(
    "expr",
    [
        DateExpr(DatePoint(year=2021, month=2, day=30)),
        DateExpr(DatePoint(year=2024), DatePoint(year=2022)),
        DateExpr(DatePoint("persian", 1400, 12, 30)),  # 1400 is not a leap year
    ],
)
def test_invalid(expr: DateExpr) -> None:
    with pytest.raises(ValueError):
        resolve(expr)


@given(st.dates(min_value=dt.date(1930, 1, 1), max_value=dt.date(2070, 12, 31)))
def test_persian_round_trip(day: dt.date) -> None:
    j = jdatetime.date.fromgregorian(date=day)
    assert to_gregorian("persian", j.year, j.month, j.day) == day
    assert calendar_year("persian", day) == (j.year, j.month)


@given(st.dates(min_value=dt.date(1937, 3, 14), max_value=dt.date(2076, 11, 16)))
def test_islamic_round_trip(day: dt.date) -> None:
    h = Gregorian(day.year, day.month, day.day).to_hijri()
    assert to_gregorian("islamic", h.year, h.month, h.day) == day
    assert resolve(DateExpr(DatePoint("islamic", h.year, h.month, h.day))) == day.isoformat()


def test_persian_month_interval() -> None:
    first = jdatetime.date(1399, 12, 1).togregorian()
    last = jdatetime.date(1399, 12, 30).togregorian()  # 1399 is a leap year
    assert resolve(DateExpr(DatePoint("persian", 1399, 12))) == f"{first.isoformat()}/{last.isoformat()}"


def test_islamic_year_interval() -> None:
    first = Hijri(1445, 1, 1).to_gregorian()
    last = Hijri(1446, 1, 1).to_gregorian() - dt.timedelta(days=1)
    assert resolve(DateExpr(DatePoint("islamic", 1445))) == f"{first.isoformat()}/{last.isoformat()}"
