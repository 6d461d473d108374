"""Whether there is school, in words: for the top bar and the day view."""

from __future__ import annotations

import datetime as dt

from kiosk.i18n import _
from kiosk.services.context import Kiosk
from kiosk.services.labels import holiday_label, long_date


def school_status(kiosk: Kiosk, day: dt.date) -> str:
    """'no school: autumn holiday', 'weekend', 'school day', ..."""
    calendar = kiosk.calendar
    holiday = calendar.holiday(day)
    if holiday:
        return _("no school: {holiday}").format(holiday=holiday_label(holiday.key))
    if day.weekday() >= 5:
        return _("weekend")
    if not calendar.has_afternoon(day):
        return _("school day, no lessons in the afternoon")
    return _("school day")


def describe_day(kiosk: Kiosk, now: dt.datetime) -> str:
    return f"{long_date(now.date())} · {school_status(kiosk, now.date())}"
