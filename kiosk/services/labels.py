"""Words for what the kiosk stores as codes: parts of a day, channels, roles, holidays,
days and periods. One place for the screens, the CLI and the services' messages."""

from __future__ import annotations

import datetime as dt

from kiosk.domain.models import Absence, LateArrival
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

PLACES = {"gate": N_("at the gate"), "bell": N_("at the end-of-day bell"), "phone": N_("by phone"),
          "agenda": N_("in the agenda"), "email": N_("by e-mail"), "appointment": N_("at an appointment")}
LEVELS = {"class": N_("class team"), "care": N_("care staff and head"), "personal": N_("only its author")}
MESSAGE_KINDS = {"absence": N_("absence"), "late": N_("late arrival"), "return": N_("back at school"),
                 "other": N_("no absence: nothing to save")}
PROPOSAL_FIELDS = {"kind": N_("kind"), "pupils": N_("pupil"), "candidates": N_("maybe"), "code": N_("reason"),
                   "start": N_("first day"), "end": N_("last day"), "part": N_("day or half"), "time": N_("time"),
                   "sure": N_("sure"), "doubts": N_("check")}


def _word(table: dict[str, str], key: str) -> str:
    return _(table[key]) if key in table else key


def part_label(part: str) -> str:
    return _word(PARTS, part)


def channel_label(channel: str) -> str:
    return _word(CHANNELS, channel)


def place_label(place: str) -> str:
    return _word(PLACES, place)


def level_label(level: str) -> str:
    return _word(LEVELS, level)


def role_label(role: str) -> str:
    return _word(ROLES, role)


def late_label(late: LateArrival) -> str:
    """'late 08:41', or 'expected 09:30' for a late arrival a parent announced."""
    time = f"{late.time:%H:%M}"
    return _("expected {time}").format(time=time) if late.announced else _("late {time}").format(time=time)


def kind_label(kind: str) -> str:
    """What a text message is about: an absence, a late arrival, ..."""
    return _word(MESSAGE_KINDS, kind)


def field_label(name: str) -> str:
    """A field of the text-message reader's proposal."""
    return _word(PROPOSAL_FIELDS, name)


def holiday_label(key: str) -> str:
    return _word(HOLIDAYS, key)


def day_label(day: dt.date, *, with_year: bool = False) -> str:
    """'ma 23/11' in Dutch, 'Mon 23/11' in English; 'ma 23/11/2026' with the year."""
    return format_date(day, "EEE dd/MM/y" if with_year else "EEE dd/MM")


def moment_label(moment: dt.datetime) -> str:
    """'di 24/11 15:00'."""
    return f"{day_label(moment.date())} {moment:%H:%M}"


def long_date(day: dt.date) -> str:
    """'maandag 23 november 2026'."""
    return format_date(day, "EEEE d MMMM y")


def period_label(start: dt.date, end: dt.date, *, with_year: bool = False) -> str:
    first = day_label(start, with_year=with_year)
    return first + (f" → {day_label(end, with_year=with_year)}" if end != start else "")


def absence_period(absence: Absence) -> str:
    """The days and, for a half day, which half: 'ma 23/11 ochtend', 'ma 23/11 → vr 27/11'."""
    days = period_label(absence.start, absence.end)
    return days if absence.part == "day" else f"{days} {part_label(absence.part)}"
