"""Domain helpers at the edges of their rules (the text-message reader has its own file,
test_sms_mutants.py): each test pins one decision so that a change to it shows up here."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

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


def _value_objects() -> list[object]:
    from kiosk.domain.invites import Household, Standing
    from kiosk.domain.meetings import Conflict, Slip, Slot, Wanted

    slot = Slot(WEDNESDAY, dt.time(18), dt.time(18, 15), "staff-1")
    household = Household("key", 1, (), ())
    anything: Any = object()  # the fields' contents do not matter here
    return [slot, Slip(None, (), False), Conflict("staff", "staff-1", anything), Wanted(anything, "staff-1"),
            household, Standing(household, None, None, None)]


@pytest.mark.parametrize("value", _value_objects(), ids=lambda v: type(v).__name__)
def test_values_shared_between_lists_cannot_be_changed_in_one_place(value: object) -> None:
    """A slot, a slip or a household is handed to several lists and caches at once."""
    name = dataclasses.fields(value)[0].name  # type: ignore[arg-type]
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(value, name, "changed")


def test_slots_sort_by_day_then_time() -> None:
    from kiosk.domain.meetings import Slot

    late = Slot(WEDNESDAY, dt.time(19), dt.time(19, 15), "a")
    early_next_day = Slot(WEDNESDAY + dt.timedelta(days=1), dt.time(16), dt.time(16, 15), "a")
    early = Slot(WEDNESDAY, dt.time(16), dt.time(16, 15), "b")
    assert sorted([early_next_day, late, early]) == [early, late, early_next_day]
