"""Dates, periods and times as staff type them, read the same way by every screen and the
CLI: one message for a wrong date, one for a period that ends before it starts."""

from __future__ import annotations

import datetime as dt

from kiosk.domain.dates import parse_day, parse_time
from kiosk.errors import KioskError
from kiosk.i18n import _
from kiosk.services.messages import not_a_date, not_a_time


def read_day(text: str | None, today: dt.date, *, default: dt.date | None = None) -> dt.date:
    """A typed day ('vr', '27/11', 'morgen', '2026-11-27'); blank means `default` when given.
    An empty text without a default is refused: it is never quietly taken as today."""
    if text is None or not text.strip():
        if default is None:
            raise KioskError(not_a_date(text or ""))
        return default
    try:
        return parse_day(text, today)
    except ValueError:
        raise KioskError(not_a_date(text)) from None


def read_period(start_text: str | None, end_text: str | None, today: dt.date, *,
                default_start: dt.date) -> tuple[dt.date, dt.date]:
    """From and to as typed; a blank 'from' is `default_start`, a blank 'to' the same day."""
    start = read_day(start_text, today, default=default_start)
    end = read_day(end_text, today, default=start)
    check_period(start, end)
    return start, end


def check_period(start: dt.date, end: dt.date) -> None:
    if end < start:
        raise KioskError(_("the period ends before it starts"))


def read_time(text: str) -> dt.time:
    try:
        return parse_time(text)
    except ValueError:
        raise KioskError(not_a_time(text)) from None
