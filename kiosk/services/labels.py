"""Words for what the kiosk stores as codes: parts of a day, channels, roles, holidays,
days and periods. One place for the screens, the CLI and the services' messages."""

from __future__ import annotations

import datetime as dt

from kiosk.domain.models import Absence
from kiosk.i18n import N_, _, format_date

PARTS = {"day": N_("whole day"), "am": N_("morning"), "pm": N_("afternoon")}
CHANNELS = {"sms": N_("text message"), "phone": N_("phone"), "agenda": N_("agenda"),
            "email": N_("e-mail"), "in_person": N_("in person")}
ROLES = {"head": N_("head"), "teacher": N_("teacher"), "care": N_("care"), "office": N_("office")}
HOLIDAYS = {
    "autumn": N_("autumn holiday"), "christmas": N_("Christmas holiday"),
    "carnival": N_("carnival holiday"), "easter": N_("Easter holiday"),
    "summer": N_("summer holiday"), "armistice": N_("Armistice Day"),
    "labour": N_("Labour Day"), "ascension": N_("Ascension"), "whit": N_("Whit Monday"),
    "free_day": N_("school free day"),
}


def _word(table: dict[str, str], key: str) -> str:
    return _(table[key]) if key in table else key


def part_label(part: str) -> str:
    return _word(PARTS, part)


def channel_label(channel: str) -> str:
    return _word(CHANNELS, channel)


def role_label(role: str) -> str:
    return _word(ROLES, role)


def holiday_label(key: str) -> str:
    return _word(HOLIDAYS, key)


def day_label(day: dt.date) -> str:
    """'ma 23/11' in Dutch, 'Mon 23/11' in English."""
    return format_date(day, "EEE dd/MM")


def long_date(day: dt.date) -> str:
    """'maandag 23 november 2026'."""
    return format_date(day, "EEEE d MMMM y")


def period_label(start: dt.date, end: dt.date) -> str:
    return day_label(start) + (f" → {day_label(end)}" if end != start else "")


def absence_period(absence: Absence) -> str:
    """The days and, for a half day, which half: 'ma 23/11 ochtend', 'ma 23/11 → vr 27/11'."""
    days = period_label(absence.start, absence.end)
    return days if absence.part == "day" else f"{days} {part_label(absence.part)}"
