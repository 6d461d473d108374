"""Dates and times as staff type them: 23/11, 23/11/2026, 2026-11-23, vandaag, morgen, vr."""

from __future__ import annotations

import datetime as dt
import re

from kiosk.domain.text import fold

_RELATIVE = {"vandaag": 0, "today": 0, "morgen": 1, "tomorrow": 1, "overmorgen": 2, "gisteren": -1,
             "yesterday": -1}
_WEEKDAYS = (("ma", "maandag", "mon", "monday"), ("di", "dinsdag", "tue", "tuesday"),
             ("wo", "woensdag", "wed", "wednesday"), ("do", "donderdag", "thu", "thursday"),
             ("vr", "vrijdag", "fri", "friday"), ("za", "zaterdag", "sat", "saturday"),
             ("zo", "zondag", "sun", "sunday"))
# ASCII digits only: "٠٨:١٠" is refused with a message, never read as 08:10
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$", re.ASCII)
_TIME = re.compile(r"^(\d{1,2})(?:[:.h](\d{2}))?$", re.ASCII)


def weekday_number(word: str) -> int | None:
    """0 for "ma", "maandag", "mon", "Monday" … 6 for Sunday; None for another word."""
    folded = fold(word.strip())
    return next((n for n, names in enumerate(_WEEKDAYS) if folded in names), None)


def parse_day(text: str, today: dt.date) -> dt.date:
    """Raises ValueError with the text when it is not a date."""
    word = fold(text.strip())
    if word in _RELATIVE:
        return today + dt.timedelta(days=_RELATIVE[word])
    for weekday, names in enumerate(_WEEKDAYS):
        if word in names:
            return today + dt.timedelta(days=(weekday - today.weekday()) % 7)
    try:
        return dt.date.fromisoformat(word)
    except ValueError:
        pass
    match = _DMY.match(word)
    if match:
        day, month, year = int(match.group(1)), int(match.group(2)), match.group(3)
        try:
            if year is None:
                return _nearest(day, month, today)
            return dt.date(int(year) + (2000 if len(year) == 2 else 0), month, day)
        except ValueError:
            raise ValueError(text) from None
    raise ValueError(text)


def _nearest(day: int, month: int, today: dt.date) -> dt.date:
    """A date typed without a year is the one closest to today (23/12 typed in January is
    last December). Raises ValueError for an impossible date."""
    dates = []
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            dates.append(dt.date(year, month, day))
        except ValueError:
            continue  # 29/02 outside a leap year
    if not dates:
        raise ValueError(f"{day}/{month}")
    return min(dates, key=lambda d: abs((d - today).days))


def parse_time(text: str) -> dt.time:
    """8:35, 8.35, 8h35 or just 9 (→ 9:00). Raises ValueError with the text."""
    match = _TIME.match(text.strip())
    if match:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if hour < 24 and minute < 60:
            return dt.time(hour, minute)
    raise ValueError(text)
