"""Domain helpers at the edges of their rules (the text-message reader has its own file,
test_sms_mutants.py): each test pins one decision so that a change to it shows up here."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.domain.dates import parse_day, weekday_number

WEDNESDAY = dt.date(2026, 11, 25)


@pytest.mark.parametrize(("typed", "expected"), [
    ("vandaag", WEDNESDAY), ("today", WEDNESDAY), ("morgen", dt.date(2026, 11, 26)),
    ("tomorrow", dt.date(2026, 11, 26)), ("overmorgen", dt.date(2026, 11, 27)),
    ("gisteren", dt.date(2026, 11, 24)), ("yesterday", dt.date(2026, 11, 24)),
])
def test_a_relative_day_typed_by_staff(typed: str, expected: dt.date) -> None:
    assert parse_day(typed, WEDNESDAY) == expected


@pytest.mark.parametrize(("typed", "number"), [
    ("ma", 0), ("Maandag", 0), ("tue", 1), ("woensdag", 2), ("thursday", 3), ("vr", 4), ("zaterdag", 5),
    ("sun", 6), ("maart", None),
])
def test_weekday_number(typed: str, number: int | None) -> None:
    assert weekday_number(typed) == number


def test_a_leap_day_without_a_year_is_the_nearest_leap_day() -> None:
    assert parse_day("29/02", dt.date(2027, 12, 20)) == dt.date(2028, 2, 29)
    with pytest.raises(ValueError, match="31/11"):
        parse_day("31/11", WEDNESDAY)
