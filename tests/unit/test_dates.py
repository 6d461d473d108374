"""Dates and times as staff type them (kiosk.domain.dates)."""

import datetime as dt

import pytest

from kiosk.domain.dates import parse_day, parse_time

D = dt.date
MONDAY = D(2026, 11, 23)


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-11-23", D(2026, 11, 23)),
    ("2027-01-04", D(2027, 1, 4)),
    ("23/11", D(2026, 11, 23)),
    ("5/1", D(2027, 1, 5)),               # no year: the date nearest to today
    ("23/11/2026", D(2026, 11, 23)),
    ("23/11/26", D(2026, 11, 23)),        # two-digit year
    ("23.11.2026", D(2026, 11, 23)),
    ("23-11-2026", D(2026, 11, 23)),
    ("01/12", D(2026, 12, 1)),
    ("  24/11  ", D(2026, 11, 24)),       # surrounding spaces
    ("vandaag", MONDAY),
    ("today", MONDAY),
    ("Vandaag", MONDAY),                  # case does not matter
    ("morgen", D(2026, 11, 24)),
    ("tomorrow", D(2026, 11, 24)),
    ("overmorgen", D(2026, 11, 25)),
    ("gisteren", D(2026, 11, 22)),
    ("yesterday", D(2026, 11, 22)),
    ("ma", MONDAY),                       # today's weekday is today itself
    ("maandag", MONDAY),
    ("di", D(2026, 11, 24)),
    ("woensdag", D(2026, 11, 25)),
    ("do", D(2026, 11, 26)),
    ("vr", D(2026, 11, 27)),
    ("Vrijdag", D(2026, 11, 27)),
    ("fri", D(2026, 11, 27)),
    ("friday", D(2026, 11, 27)),
    ("za", D(2026, 11, 28)),
    ("zo", D(2026, 11, 29)),
    ("sunday", D(2026, 11, 29)),
])
def test_parse_day(text, expected):
    assert parse_day(text, MONDAY) == expected


def test_weekday_is_the_next_one_from_a_later_day():
    thursday = D(2026, 11, 26)
    assert parse_day("di", thursday) == D(2026, 12, 1)
    assert parse_day("do", thursday) == thursday
    assert parse_day("morgen", D(2026, 12, 31)) == D(2027, 1, 1)


@pytest.mark.parametrize("text", [
    "", "   ", "morgenvroeg", "32/11", "31/02", "23/13", "0/11", "2026-02-30",
    "23/11/20266", "23 november", "x", "1/2/3/4", "next week", "-1", "٢٣/١١",
])
def test_parse_day_rejects_bad_input_with_value_error(text):
    with pytest.raises(ValueError) as caught:
        parse_day(text, MONDAY)
    assert str(caught.value) == text          # the message is what was typed


@pytest.mark.parametrize(("text", "expected"), [
    ("8:35", dt.time(8, 35)),
    ("08:35", dt.time(8, 35)),
    ("8.35", dt.time(8, 35)),
    ("8h35", dt.time(8, 35)),
    ("9", dt.time(9, 0)),
    ("13:05", dt.time(13, 5)),
    ("0:00", dt.time(0, 0)),
    ("23:59", dt.time(23, 59)),
    (" 8:40 ", dt.time(8, 40)),
])
def test_parse_time(text, expected):
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", [
    "", "  ", "24:00", "25:99", "8:60", "8:5", "835", "8:355", "acht uur", "8:35am", "-8:35",
    "8::35", "h35", "8h", "٠٨:١٠", "８:３０",
])
def test_parse_time_rejects_bad_input_with_value_error(text):
    with pytest.raises(ValueError) as caught:
        parse_time(text)
    assert str(caught.value) == text


@pytest.mark.parametrize(("today", "typed", "expected"), [
    (dt.date(2027, 1, 5), "23/12", dt.date(2026, 12, 23)),   # typed in January: last December
    (dt.date(2026, 12, 20), "3/1", dt.date(2027, 1, 3)),     # typed in December: next January
    (dt.date(2026, 11, 23), "25/11", dt.date(2026, 11, 25)),
    (dt.date(2027, 3, 1), "29/02", dt.date(2028, 2, 29)),    # the nearest year that has one
])
def test_a_date_without_a_year_is_the_nearest(today, typed, expected):
    assert parse_day(typed, today) == expected


def test_two_digit_years_and_other_separators():
    assert parse_day("23.11.26", dt.date(2026, 1, 1)) == dt.date(2026, 11, 23)
    assert parse_day("23-11-2026", dt.date(2026, 1, 1)) == dt.date(2026, 11, 23)
