"""Meetings as an iCalendar file (.ics) that calendar programs import: one event per meeting,
in Belgian time, every guardian with an e-mail address as an attendee. Never a phone number."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vCalAddress, vText

BRUSSELS = ZoneInfo("Europe/Brussels")
PRODUCT = "-//Schoolpoort kiosk//meetings//NL"


@dataclass(frozen=True)
class Meeting:
    """What one event says: all of it may be read by the people invited."""

    uid: str
    day: dt.date
    start: dt.time
    end: dt.time
    summary: str
    location: str
    attendees: tuple[tuple[str, str], ...]
    """(name, e-mail address) of each guardian with an address."""
    organizer: tuple[str, str] | None = None
    """(name, school e-mail address) of the staff member."""


def _address(name: str, email: str, role: str) -> vCalAddress:
    address = vCalAddress(f"mailto:{email}")
    address.params["cn"] = vText(name)
    address.params["role"] = vText(role)
    return address


def calendar(meetings: Iterable[Meeting], stamp: dt.datetime) -> bytes:
    meetings = list(meetings)  # read twice
    cal = Calendar()
    cal.add("prodid", PRODUCT)
    cal.add("version", "2.0")
    for meeting in meetings:
        event = Event()
        event.add("uid", f"{meeting.uid}@schoolpoort-kiosk")
        event.add("dtstamp", stamp.replace(tzinfo=BRUSSELS))
        event.add("dtstart", dt.datetime.combine(meeting.day, meeting.start, tzinfo=BRUSSELS))
        event.add("dtend", dt.datetime.combine(meeting.day, meeting.end, tzinfo=BRUSSELS))
        event.add("summary", meeting.summary)
        if meeting.location:
            event.add("location", meeting.location)
        if meeting.organizer:
            event.add("organizer", _address(*meeting.organizer, "CHAIR"), encode=False)
        for name, email in meeting.attendees:
            event.add("attendee", _address(name, email, "REQ-PARTICIPANT"), encode=False)
        cal.add_component(event)
    days = [m.day for m in meetings] or [stamp.date()]
    year = dt.timedelta(days=366)  # the time zone's rules around the meetings, not for 1970–2038
    cal.add_missing_timezones(first_date=min(days) - year, last_date=max(days) + year)
    return bytes(cal.to_ical())
