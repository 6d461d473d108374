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


# Easter Sundays, from the published tables (Gregorian): every branch of the algorithm.
EASTERS = {
    1818: D(1818, 3, 22), 1943: D(1943, 4, 25), 1954: D(1954, 4, 18), 1981: D(1981, 4, 19),
    1999: D(1999, 4, 4), 2000: D(2000, 4, 23), 2008: D(2008, 3, 23), 2011: D(2011, 4, 24),
    2019: D(2019, 4, 21), 2020: D(2020, 4, 12), 2021: D(2021, 4, 4), 2022: D(2022, 4, 17),
    2023: D(2023, 4, 9), 2028: D(2028, 4, 16), 2029: D(2029, 4, 1), 2030: D(2030, 4, 21),
    2031: D(2031, 4, 13), 2032: D(2032, 3, 28), 2033: D(2033, 4, 17), 2034: D(2034, 4, 9),
    2035: D(2035, 3, 25), 2036: D(2036, 4, 13), 2037: D(2037, 4, 5), 2039: D(2039, 4, 10),
    2040: D(2040, 4, 1), 2049: D(2049, 4, 18), 2076: D(2076, 4, 19), 2095: D(2095, 4, 24),
    2100: D(2100, 3, 28), 2285: D(2285, 3, 22),
}


@pytest.mark.parametrize("year", sorted(EASTERS))
def test_easter_over_three_centuries(year):
    assert easter(year) == EASTERS[year]
    assert easter(year).weekday() == 6


@pytest.mark.parametrize(("start_year", "expected"), [
    (2024, {"autumn": (D(2024, 10, 28), D(2024, 11, 3)), "christmas": (D(2024, 12, 23), D(2025, 1, 5)),
            "carnival": (D(2025, 3, 3), D(2025, 3, 9)), "easter": (D(2025, 4, 7), D(2025, 4, 20)),
            "ascension": (D(2025, 5, 29), D(2025, 5, 30)), "whit": (D(2025, 6, 9), D(2025, 6, 9))}),
    (2026, {"autumn": (D(2026, 11, 2), D(2026, 11, 8)), "armistice": (D(2026, 11, 11), D(2026, 11, 11)),
            "christmas": (D(2026, 12, 21), D(2027, 1, 3)), "carnival": (D(2027, 2, 8), D(2027, 2, 14)),
            "easter": (D(2027, 3, 29), D(2027, 4, 11)), "labour": (D(2027, 5, 1), D(2027, 5, 1)),
            "ascension": (D(2027, 5, 6), D(2027, 5, 7)), "whit": (D(2027, 5, 17), D(2027, 5, 17)),
            "summer": (D(2027, 7, 1), D(2027, 8, 31))}),
    (2027, {"christmas": (D(2027, 12, 27), D(2028, 1, 9)), "easter": (D(2028, 4, 3), D(2028, 4, 16))}),
    (2022, {"christmas": (D(2022, 12, 26), D(2023, 1, 8)), "autumn": (D(2022, 10, 31), D(2022, 11, 6))}),
])
def test_holidays_of_several_school_years(start_year, expected):
    got = {h.key: (h.start, h.end) for h in flemish_holidays(start_year)}
    for key, period in expected.items():
        assert got[key] == period, key


def test_holidays_are_contained_and_cached_per_school_year():
    calendar = SchoolCalendar([D(2026, 10, 7)])
    assert calendar.holiday(D(2026, 11, 8)).key == "autumn"        # the Sunday that ends it
    assert calendar.holiday(D(2026, 11, 9)) is None
    assert calendar.holiday(D(2026, 10, 7)).key == "free_day"
    assert calendar.holiday(D(2026, 10, 6)) is None
    autumn = flemish_holidays(2026)[0]
    assert D(2026, 11, 2) in autumn and D(2026, 11, 1) not in autumn and "2026-11-03" not in autumn
    assert flemish_holidays(2026) is flemish_holidays(2026)


@pytest.mark.parametrize(("start_year", "bounds"), [
    (2026, (D(2026, 9, 1), D(2027, 8, 31))), (2027, (D(2027, 9, 1), D(2028, 8, 31))),
])
def test_school_year_bounds_and_label(start_year, bounds):
    from kiosk.domain.calendar import school_year_bounds, school_year_label

    assert school_year_bounds(start_year) == bounds
    assert school_year_label(start_year) == f"{start_year}-{start_year + 1}"
    assert school_year_of(bounds[0]) == start_year and school_year_of(bounds[1]) == start_year


def test_a_free_day_on_a_weekday_has_no_afternoon_and_no_school():
    calendar = SchoolCalendar([D(2026, 11, 24)])
    assert not calendar.is_school_day(D(2026, 11, 24)) and not calendar.has_afternoon(D(2026, 11, 24))
    assert calendar.has_afternoon(D(2026, 11, 23)) and not calendar.has_afternoon(D(2026, 11, 22))
    assert calendar.school_days(D(2026, 11, 23), D(2026, 11, 23)) == [D(2026, 11, 23)]
    assert calendar.school_days(D(2026, 11, 24), D(2026, 11, 23)) == []


def test_easter_agrees_with_dateutil_for_every_gregorian_year() -> None:
    """Checked against an independent implementation over centuries, not only this one
    (where a wrong constant in the computus can go unnoticed)."""
    from dateutil.easter import EASTER_WESTERN
    from dateutil.easter import easter as reference  # icalendar brings python-dateutil

    assert all(easter(year) == reference(year, EASTER_WESTERN) for year in range(1583, 10000))


def _mondays(first: dt.date, last: dt.date) -> list[dt.date]:
    days = (first + dt.timedelta(days=n) for n in range((last - first).days + 1))
    return [day for day in days if day.weekday() == 0]


def _as_written(start_year: int) -> dict[str, tuple[dt.date, dt.date]]:
    """The holidays as DOMAIN.md words the rules, found by searching the calendar (not by the
    module's arithmetic)."""
    from dateutil.easter import easter as reference

    y1, y2 = start_year, start_year + 1
    nov1, xmas, sunday = dt.date(y1, 11, 1), dt.date(y1, 12, 25), reference(y2)
    autumn = dt.date(y1, 11, 2) if nov1.weekday() == 6 else _mondays(nov1 - dt.timedelta(days=6), nov1)[0]
    christmas = _mondays(xmas, xmas + dt.timedelta(days=6))[0] if xmas.weekday() >= 5 else \
        _mondays(xmas - dt.timedelta(days=6), xmas)[0]
    if sunday.month == 3:
        spring = sunday + dt.timedelta(days=1)
    elif sunday > dt.date(y2, 4, 15):
        spring = _mondays(sunday - dt.timedelta(days=14), sunday)[-2]
    else:
        spring = _mondays(dt.date(y2, 4, 1), dt.date(y2, 4, 30))[0]
    carnival = _mondays(sunday - dt.timedelta(days=60), sunday)[-7]
    weeks = {"autumn": (autumn, 1), "christmas": (christmas, 2), "carnival": (carnival, 1), "easter": (spring, 2)}
    return {key: (start, start + dt.timedelta(days=7 * n - 1)) for key, (start, n) in weeks.items()} | {
        "armistice": (dt.date(y1, 11, 11),) * 2, "labour": (dt.date(y2, 5, 1),) * 2,
        "ascension": (sunday + dt.timedelta(days=39), sunday + dt.timedelta(days=40)),
        "whit": (sunday + dt.timedelta(days=50),) * 2, "summer": (dt.date(y2, 7, 1), dt.date(y2, 8, 31))}


@pytest.mark.parametrize("start_year", range(1990, 2200))
def test_holidays_follow_the_rules_as_written(start_year: int) -> None:
    assert {h.key: (h.start, h.end) for h in flemish_holidays(start_year)} == _as_written(start_year)
