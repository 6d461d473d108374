"""Conversations with parents, the follow-ups they leave, and who may read them.

The school promises a correct and complete answer within 48 hours counted on school
weekdays, and keeps evenings, weekends and holidays communication-quiet. Both are rules
here, in plain Python: `due_time` and `is_quiet` (table-tested in tests/unit/test_notes.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from kiosk.domain.calendar import SchoolCalendar
from kiosk.domain.models import FollowUp, Note, Pupil, Role, Staff

PLACES = ("gate", "bell", "phone", "agenda", "email", "appointment")
"""Where or how the conversation took place: the gate in the morning, the end-of-day bell, …"""
LEVELS = ("class", "care", "personal")
"""Who may read a note: the class team, care staff, or its author only."""


@dataclass(frozen=True)
class CommunicationRules:
    """[communication] in config.toml."""

    quiet_from: str = "20:00"
    """Evenings are quiet from this hour on (the school's guideline)."""
    quiet_until: str = "07:00"
    """… until this hour in the morning of a school weekday."""
    answer_hours: int = 48
    """A parent may expect a correct and complete answer within this many weekday hours."""

    @property
    def evening(self) -> dt.time:
        return dt.time.fromisoformat(self.quiet_from)

    @property
    def morning(self) -> dt.time:
        return dt.time.fromisoformat(self.quiet_until)


# -- the quiet moments and the 48-hour clock ---------------------------------------------------
def counts(calendar: SchoolCalendar, day: dt.date) -> bool:
    """A school weekday: Monday to Friday, not a holiday or one of the school's free days.
    (Wednesday afternoon counts: staff are at work.)"""
    return calendar.is_school_day(day)


def is_quiet(moment: dt.datetime, calendar: SchoolCalendar, rules: CommunicationRules) -> bool:
    """Evenings, early mornings, weekends, holidays and free days."""
    if not counts(calendar, moment.date()):
        return True
    return moment.time() >= rules.evening or moment.time() < rules.morning


def end_of_quiet(moment: dt.datetime, calendar: SchoolCalendar, rules: CommunicationRules) -> dt.datetime:
    """The first moment after `moment` that is not quiet (`moment` itself when it is not)."""
    if not is_quiet(moment, calendar, rules):
        return moment
    day = moment.date()
    if counts(calendar, day) and moment.time() < rules.morning:
        return dt.datetime.combine(day, rules.morning)
    day += dt.timedelta(days=1)
    for _ in range(400):  # the longest break, the summer holiday, is about ten weeks
        if counts(calendar, day):
            return dt.datetime.combine(day, rules.morning)
        day += dt.timedelta(days=1)
    raise ValueError(f"no school day within 400 days of {moment:%Y-%m-%d}")


def due_time(received: dt.datetime, calendar: SchoolCalendar, rules: CommunicationRules) -> dt.datetime:
    """When the answer is due: `answer_hours` counted on school weekdays from the moment the
    question came in, or from the end of the quiet moment it came in; a due time that would
    still land in a quiet moment moves to its end.

    Friday 15:00 → Tuesday 15:00; Tuesday 21:30 → (Wednesday 07:00) → Friday 07:00."""
    cursor = end_of_quiet(received.replace(second=0, microsecond=0), calendar, rules)
    left = dt.timedelta(hours=rules.answer_hours)
    while left > dt.timedelta(0):
        midnight = dt.datetime.combine(cursor.date() + dt.timedelta(days=1), dt.time())
        if counts(calendar, cursor.date()):
            step = min(left, midnight - cursor)
            left -= step
            cursor += step
        else:
            cursor = midnight
    return end_of_quiet(cursor, calendar, rules)


# -- who may read what ------------------------------------------------------------------------
class Access(StrEnum):
    READ = "read"
    """The text."""
    EXISTS = "exists"
    """That there is a note (the office: to know a colleague has talked with the parents)."""
    NONE = "none"


def _teaches(viewer: Staff, pupils: Iterable[Pupil]) -> bool:
    return any(p.class_name in viewer.classes for p in pupils)


def note_access(viewer: Staff, note: Note, pupils: Iterable[Pupil], owners: Iterable[str] = ()) -> Access:
    """Class team: the pupil's class teachers, care staff and the head; care: care staff and
    the head; personal: the author. Whoever owns one of its follow-ups reads the note too."""
    if viewer.id == note.by_staff or viewer.id in owners:
        return Access.READ
    if note.level == "personal":
        return Access.NONE
    if viewer.role in (Role.HEAD, Role.CARE):
        return Access.READ
    if viewer.role == Role.OFFICE:
        return Access.EXISTS
    if note.level == "class" and _teaches(viewer, pupils):
        return Access.READ
    return Access.NONE


def may_own(member: Staff, note: Note, pupils: Iterable[Pupil]) -> bool:
    """Who may owe the answer to a note: whoever may read it by its level (or wrote it), so
    handing a follow-up over never shows a confidential note to a new reader."""
    return member.active and note_access(member, note, pupils) == Access.READ


def sees_follow_up(viewer: Staff, follow_up: FollowUp, pupils: Iterable[Pupil]) -> bool:
    """Its owner and whoever noted it; the head and care staff; a teacher of the pupil's class."""
    if viewer.id in (follow_up.owner, follow_up.by_staff):
        return True
    if viewer.role in (Role.HEAD, Role.CARE):
        return True
    return viewer.role == Role.TEACHER and _teaches(viewer, pupils)


def sees_care_partners(viewer: Staff, pupil: Pupil) -> bool:
    """Care information: care staff, the head and the pupil's class teachers."""
    return viewer.role in (Role.HEAD, Role.CARE) or (viewer.role == Role.TEACHER and _teaches(viewer, [pupil]))


def edits_care_partners(viewer: Staff) -> bool:
    return viewer.role in (Role.HEAD, Role.CARE)


# -- follow-ups -------------------------------------------------------------------------------
def is_overdue(follow_up: FollowUp, now: dt.datetime) -> bool:
    return follow_up.done_at is None and follow_up.due < now


def is_due_today(follow_up: FollowUp, now: dt.datetime) -> bool:
    return follow_up.done_at is None and now <= follow_up.due and follow_up.due.date() == now.date()


def by_due_time(follow_ups: Iterable[FollowUp]) -> list[FollowUp]:
    return sorted(follow_ups, key=lambda f: (f.due, f.id))
