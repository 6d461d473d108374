"""Service rules that refuse entries (run in-process on the small demo school)."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.errors import KioskError
from kiosk.services import absences


def test_a_late_arrival_later_today_is_refused(kiosk):
    pupil = kiosk.repos.pupils.all()[0]
    with pytest.raises(KioskError):
        absences.add_late(kiosk, pupil, who="t", time=dt.time(8, 50))  # it is 8:20
    late, _count = absences.add_late(kiosk, pupil, who="t", time=dt.time(8, 19))
    with pytest.raises(KioskError):
        absences.update_late(kiosk, late, "t", time=dt.time(9, 0), reason="")


def test_a_period_into_the_next_school_year_is_refused(kiosk):
    pupil = kiosk.repos.pupils.all()[0]
    with pytest.raises(KioskError, match="1 september"):
        absences.log_absences(kiosk, [pupil], code="justified", start=dt.date(2026, 8, 25),
                              end=dt.date(2026, 9, 3), who="t")


def test_the_first_late_arrival_of_a_new_school_year_counts_itself(kiosk, clock):
    clock.advance(days=301)  # Monday 20 September 2027: a school year with no file yet
    pupil = kiosk.repos.pupils.all()[0]
    assert not kiosk.store.year_path(2027).exists()
    _late, count = absences.add_late(kiosk, pupil, who="t", time=dt.time(8, 0))
    assert count == 1
