"""Words for codes the screens show: parts of a day, channels, days."""

from __future__ import annotations

import datetime as dt

from kiosk.i18n import _

PART_LABELS = {"day": _("whole day"), "am": _("morning"), "pm": _("afternoon")}
CHANNEL_LABELS = {"sms": _("text message"), "phone": _("phone"), "agenda": _("agenda"),
                  "email": _("e-mail"), "in_person": _("in person")}
SHORT_WEEKDAYS = (_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun"))
ROLE_LABELS = {"head": _("head"), "teacher": _("teacher"), "care": _("care"), "office": _("office")}


def day_label(day: dt.date) -> str:
    return f"{SHORT_WEEKDAYS[day.weekday()]} {day:%d/%m}"


def period_label(start: dt.date, end: dt.date) -> str:
    return day_label(start) + (f" → {day_label(end)}" if end != start else "")
