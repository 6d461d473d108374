import datetime as dt

import pytest

from kiosk.domain.calendar import SchoolCalendar, easter, flemish_holidays, school_year_of

D = dt.date


@pytest.mark.parametrize(("year", "expected"), [
    (2024, D(2024, 3, 31)), (2025, D(2025, 4, 20)), (2026, D(2026, 4, 5)),
    (2027, D(2027, 3, 28)), (2038, D(2038, 4, 25)),
])
def test_easter(year, expected):
    assert easter(year) == expected


def test_holidays_2025_2026_match_the_published_example():
    got = {h.key: (h.start, h.end) for h in flemish_holidays(2025)}
    assert got["autumn"] == (D(2025, 10, 27), D(2025, 11, 2))
    assert got["christmas"] == (D(2025, 12, 22), D(2026, 1, 4))
    assert got["carnival"] == (D(2026, 2, 16), D(2026, 2, 22))
    assert got["easter"] == (D(2026, 4, 6), D(2026, 4, 19))
    assert got["ascension"] == (D(2026, 5, 14), D(2026, 5, 15))
    assert got["whit"] == (D(2026, 5, 25), D(2026, 5, 25))
    assert got["summer"] == (D(2026, 7, 1), D(2026, 8, 31))


@pytest.mark.parametrize(("start_year", "key", "start"), [
    (2026, "autumn", D(2026, 11, 2)),     # 1 Nov 2026 is a Sunday: from Monday 2 Nov
    (2027, "christmas", D(2027, 12, 27)),  # Christmas 2027 is a Saturday: the Monday after
    (2026, "easter", D(2027, 3, 29)),     # Easter 28 March 2027: from the Monday after
    (2037, "easter", D(2038, 4, 12)),     # Easter 25 April 2038: second Monday before
])
def test_holiday_rule_edge_cases(start_year, key, start):
    holiday = next(h for h in flemish_holidays(start_year) if h.key == key)
    assert holiday.start == start
    assert holiday.start.weekday() == 0


@pytest.mark.parametrize(("day", "school"), [
    (D(2026, 11, 23), True),    # Monday
    (D(2026, 11, 21), False),   # Saturday
    (D(2026, 11, 11), False),   # Armistice
    (D(2026, 11, 4), False),    # autumn holiday
    (D(2026, 10, 7), False),    # the school's own free day
    (D(2026, 7, 15), False),    # summer
])
def test_is_school_day(day, school):
    assert SchoolCalendar([D(2026, 10, 7)]).is_school_day(day) is school


def test_wednesday_has_no_afternoon():
    calendar = SchoolCalendar()
    assert calendar.is_school_day(D(2026, 11, 25))
    assert not calendar.has_afternoon(D(2026, 11, 25))
    assert calendar.has_afternoon(D(2026, 11, 26))


def test_school_days_skip_weekend():
    days = SchoolCalendar().school_days(D(2026, 11, 26), D(2026, 12, 1))
    assert days == [D(2026, 11, 26), D(2026, 11, 27), D(2026, 11, 30), D(2026, 12, 1)]


@pytest.mark.parametrize(("day", "year"), [(D(2026, 9, 1), 2026), (D(2026, 8, 31), 2025)])
def test_school_year_of(day, year):
    assert school_year_of(day) == year
