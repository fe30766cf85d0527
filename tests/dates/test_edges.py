"""Dates at the edges of the calendar: values are ISO 8601 or ``None``, never an exception.

Before: ``doc_date=0001-01-01`` or ``9999-12-31`` made deictic dates raise
``OverflowError`` or give ``'0'``, ``'10000-01'``, ``'1-W02'``; ``15 رمضان`` with a
document date outside hijridate's range raised; ``"2021-07-16junk"`` was read as
2021-07-16.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arfa.dates.resolve import DateExpr, DatePoint, DateRangeError, calendar_year, resolve, to_gregorian
from arfa.pipeline import Pipeline

EXTREMES = [dt.date.min, dt.date(1, 1, 8), dt.date(1923, 1, 1), dt.date(2078, 1, 1),
            dt.date(9999, 12, 25), dt.date.max]


def iso_value(value: str) -> bool:
    """A value of ANNOTATION.md: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www (or XXXX for the year),
    a century (19) or a decade (199), or two of them joined by '/'."""
    parts = value.split("/")
    return len(parts) <= 2 and all(_iso_part(p) for p in parts)


def _iso_part(part: str) -> bool:
    year, _, rest = part.partition("-")
    if not rest and len(year) in (2, 3) and year.isdigit():  # a century (19) or a decade (199)
        return True
    if year == "XXXX" and rest:  # a month or day without a year (XXXX-07, XXXX-07-16)
        year, part = "2000", "2000" + part[4:]
    if len(year) != 4 or not year.isdigit() or year == "0000":
        return False
    try:
        if not rest:
            return True
        if rest.startswith("W"):
            return len(rest) == 3 and dt.date.fromisocalendar(int(year), int(rest[1:]), 1) is not None
        if len(rest) == 2:
            return dt.date.fromisoformat(part + "-01") is not None
        return len(rest) == 5 and dt.date.fromisoformat(part) is not None
    except ValueError:
        return False


FIELDS = st.sampled_from(["day", "week", "month", "year", "century", "weekday"])


@given(doc_date=st.one_of(st.sampled_from(EXTREMES), st.dates()), field=FIELDS,
       offset=st.integers(-3, 3), weekday=st.one_of(st.none(), st.integers(0, 6)))
def test_deictic_dates_are_iso_or_none(doc_date: dt.date, field: str, offset: int, weekday: int | None) -> None:
    if field == "weekday" and weekday is None:
        weekday = 0  # the grammar gives a "weekday" field only with its day
    value = resolve(DateExpr(relative=(field, offset), weekday=weekday), doc_date)
    assert value is None or iso_value(value), value


POINTS = [
    DatePoint(month=7),
    DatePoint(month=7, day=4, shift=1),
    DatePoint(month=7, shift=-1),
    DatePoint(month=3, year_offset=-1),
    DatePoint(month=3, year_offset=1),
    DatePoint("persian", month=7),
    DatePoint("persian", month=1, day=1, year_offset=1),
    DatePoint("islamic", month=9, day=15),  # 15 رمضان
    DatePoint("islamic", month=9, shift=1),
]


@pytest.mark.parametrize("doc_date", EXTREMES, ids=str)
@pytest.mark.parametrize("point", POINTS, ids=repr)
def test_points_without_a_year_at_the_edges(point: DatePoint, doc_date: dt.date) -> None:
    value = resolve(DateExpr(point), doc_date)
    assert value is None or iso_value(value), value


@pytest.mark.parametrize(("doc_date", "value"), [
    (dt.date(1, 1, 1), None),  # last year would be year 0
    (dt.date(9999, 12, 31), None),  # next year would be 10000
    (dt.date(2021, 7, 16), "2022"),
])
def test_next_and_last_year_at_the_edges(doc_date: dt.date, value: str | None) -> None:
    offset = -1 if doc_date.year == 1 else 1
    assert resolve(DateExpr(relative=("year", offset)), doc_date) == value


@pytest.mark.parametrize(("calendar", "year"), [("islamic", 1200), ("islamic", 1600), ("persian", 9999),
                                                ("gregorian", 0), ("gregorian", 10000)])
def test_years_outside_the_converters_are_range_errors(calendar: str, year: int) -> None:
    with pytest.raises(DateRangeError):
        to_gregorian(calendar, year, 1, 1)
    assert resolve(DateExpr(DatePoint(calendar, year, 1, 1))) is None


@pytest.mark.parametrize("day", [dt.date.min, dt.date.max], ids=str)
@pytest.mark.parametrize("calendar", ["persian", "islamic"])
def test_calendar_year_outside_range(calendar: str, day: dt.date) -> None:
    with pytest.raises(DateRangeError):
        calendar_year(calendar, day)


TEXTS = {
    "ar": "اجتمعوا أمس وسيجتمعون غدا، والأسبوع الماضي والشهر المقبل والعام الماضي والعام المقبل، "
          "ويوم الاثنين الماضي، وفي 15 رمضان وفي يوليو.",
    "fa": "دیروز و فردا و هفته گذشته و ماه آینده و سال گذشته و سال آینده و ۱۵ رمضان و مهر ماه.",
}


@pytest.mark.parametrize("doc_date", ["0001-01-01", "9999-12-31", "1900-02-28"])
@pytest.mark.parametrize("lang", ["ar", "fa"])
def test_pipeline_with_extreme_doc_dates(lang: str, doc_date: str, ar_nlp: Pipeline, fa_nlp: Pipeline) -> None:
    nlp = ar_nlp if lang == "ar" else fa_nlp
    doc = nlp(TEXTS[lang], doc_date=doc_date)
    dates = [e for e in doc.entities if e.label == "DATE"]
    assert any("رمضان" in e.text for e in dates)  # still found, whatever its value
    assert all(e.value is None or iso_value(e.value) for e in dates), [e.value for e in dates]


@pytest.mark.parametrize("bad", ["2021-07-16junk", "2021-07-1", "2021-13-01", "16/07/2021", "yesterday"])
def test_doc_date_must_be_a_whole_iso_date(bad: str, ar_nlp: Pipeline) -> None:
    with pytest.raises(ValueError, match="not an ISO date"):
        ar_nlp("في فيينا", doc_date=bad)


@pytest.mark.parametrize(("given", "day"), [("2021-07-16", dt.date(2021, 7, 16)),
                                            (" 2021-07-16\n", dt.date(2021, 7, 16)),
                                            ("2021-07-16T09:30:00+03:00", dt.date(2021, 7, 16))])
def test_doc_date_forms_accepted(given: str, day: dt.date, ar_nlp: Pipeline) -> None:
    assert ar_nlp("في فيينا", doc_date=given).doc_date == day
