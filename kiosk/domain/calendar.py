"""The Flemish school calendar: school years, holidays, school days and half days."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

WEDNESDAY = 2


def school_year_of(day: dt.date) -> int:
    """The calendar year in which the school year holding `day` starts (1 Sept–31 Aug)."""
    return day.year if day.month >= 9 else day.year - 1


def school_year_label(start_year: int) -> str:
    return f"{start_year}-{start_year + 1}"


def school_year_bounds(start_year: int) -> tuple[dt.date, dt.date]:
    return dt.date(start_year, 9, 1), dt.date(start_year + 1, 8, 31)


def easter(year: int) -> dt.date:
    """Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return dt.date(year, month, day + 1)


@dataclass(frozen=True)
class Holiday:
    key: str
    """autumn, christmas, carnival, easter, summer, armistice, labour, ascension, whit."""
    start: dt.date
    end: dt.date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end


def _monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _week(key: str, start: dt.date, weeks: int = 1) -> Holiday:
    return Holiday(key, start, start + dt.timedelta(days=7 * weeks - 1))


def _day(key: str, day: dt.date, days: int = 1) -> Holiday:
    return Holiday(key, day, day + dt.timedelta(days=days - 1))


@lru_cache(maxsize=64)
def flemish_holidays(start_year: int) -> tuple[Holiday, ...]:
    """Holidays of the school year starting 1 September `start_year` (decision of 1991)."""
    y1, y2 = start_year, start_year + 1
    nov1 = dt.date(y1, 11, 1)
    autumn = nov1 + dt.timedelta(days=1) if nov1.weekday() == 6 else _monday_of(nov1)
    xmas = dt.date(y1, 12, 25)
    christmas = _monday_of(xmas) + dt.timedelta(days=7 if xmas.weekday() >= 5 else 0)
    sunday = easter(y2)
    april1 = dt.date(y2, 4, 1)
    first_april_monday = april1 + dt.timedelta(days=(7 - april1.weekday()) % 7)
    if sunday.month == 3:
        spring = sunday + dt.timedelta(days=1)
    elif sunday > dt.date(y2, 4, 15):
        spring = sunday - dt.timedelta(days=13)
    else:
        spring = first_april_monday
    return (
        _week("autumn", autumn),
        _day("armistice", dt.date(y1, 11, 11)),
        _week("christmas", christmas, weeks=2),
        _week("carnival", sunday - dt.timedelta(days=48)),
        _week("easter", spring, weeks=2),
        _day("labour", dt.date(y2, 5, 1)),
        _day("ascension", sunday + dt.timedelta(days=39), days=2),
        _day("whit", sunday + dt.timedelta(days=50)),
        Holiday("summer", dt.date(y2, 7, 1), dt.date(y2, 8, 31)),
    )


class SchoolCalendar:
    """Answers 'is there school?' for any day, with the school's own free days."""

    def __init__(self, free_days: Iterable[dt.date] = ()) -> None:
        self.free_days = frozenset(free_days)

    def holiday(self, day: dt.date) -> Holiday | None:
        for holiday in flemish_holidays(school_year_of(day)):
            if day in holiday:
                return holiday
        if day in self.free_days:
            return Holiday("free_day", day, day)
        return None

    def is_school_day(self, day: dt.date) -> bool:
        return day.weekday() < 5 and self.holiday(day) is None

    def has_afternoon(self, day: dt.date) -> bool:
        """Primary schools have no lessons on Wednesday afternoon."""
        return self.is_school_day(day) and day.weekday() != WEDNESDAY

    def school_days(self, start: dt.date, end: dt.date) -> list[dt.date]:
        days = (start + dt.timedelta(days=n) for n in range((end - start).days + 1))
        return [day for day in days if self.is_school_day(day)]
