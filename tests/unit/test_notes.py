"""The 48-hour promise, the quiet moments, and who may read a note (kiosk.domain.notes)."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.domain.calendar import SchoolCalendar
from kiosk.domain.models import FollowUp, Note, Pupil, Role, Staff
from kiosk.domain.notes import (
    Access,
    CommunicationRules,
    by_due_time,
    due_time,
    end_of_quiet,
    is_due_today,
    is_overdue,
    is_quiet,
    note_access,
    sees_care_partners,
    sees_follow_up,
)

T = dt.datetime
FREE_DAY = dt.date(2026, 12, 2)  # a Wednesday the school is closed (pedagogical study day)
CAL = SchoolCalendar([FREE_DAY])
RULES = CommunicationRules()


@pytest.mark.parametrize(("received", "due"), [
    (T(2026, 11, 20, 15, 0), T(2026, 11, 24, 15, 0)),    # Friday 15:00 → Tuesday 15:00 (the weekend skipped)
    (T(2026, 11, 24, 21, 30), T(2026, 11, 27, 7, 0)),    # Tuesday evening: the clock starts Wednesday 07:00
    (T(2026, 10, 30, 10, 0), T(2026, 11, 10, 10, 0)),    # Friday before the autumn holiday → Tuesday after it
    (T(2026, 11, 23, 10, 0), T(2026, 11, 25, 10, 0)),    # Monday → Wednesday
    (T(2026, 11, 25, 13, 0), T(2026, 11, 27, 13, 0)),    # Wednesday afternoon counts: staff are at work
    (T(2026, 11, 26, 6, 30), T(2026, 11, 30, 7, 0)),     # early morning: from 07:00; Thu 17 h + Fri 24 h + Mon 7 h
    (T(2026, 11, 21, 11, 0), T(2026, 11, 25, 7, 0)),     # Saturday: from Monday 07:00
    (T(2026, 11, 22, 23, 0), T(2026, 11, 25, 7, 0)),     # Sunday night: the same
    (T(2026, 11, 23, 20, 0), T(2026, 11, 26, 7, 0)),     # 20:00 is already quiet
    (T(2026, 11, 23, 19, 59), T(2026, 11, 25, 19, 59)),  # 19:59 is not
    (T(2026, 11, 30, 10, 0), T(2026, 12, 3, 10, 0)),     # the school's free day (Wednesday 2/12) is skipped
    (T(2026, 11, 10, 12, 0), T(2026, 11, 13, 12, 0)),    # Armistice Day (Wednesday 11/11) is skipped
    (T(2026, 12, 18, 16, 0), T(2027, 1, 5, 16, 0)),      # the last school day before Christmas
    (T(2027, 5, 5, 9, 0), T(2027, 5, 11, 9, 0)),         # before Ascension (Thursday and Friday off)
    (T(2026, 12, 24, 10, 0), T(2027, 1, 6, 7, 0)),       # in the Christmas holiday: from Monday 4/1 07:00
    (T(2026, 11, 23, 10, 0, 30), T(2026, 11, 25, 10, 0)),  # seconds do not count
])
def test_due_time(received: dt.datetime, due: dt.datetime) -> None:
    assert due_time(received, CAL, RULES) == due


def test_the_school_sets_its_own_quiet_hours_and_promise() -> None:
    early_evening = CommunicationRules(quiet_from="18:00", quiet_until="08:00", answer_hours=24)
    assert due_time(T(2026, 11, 23, 18, 30), CAL, early_evening) == T(2026, 11, 25, 8, 0)
    assert due_time(T(2026, 11, 23, 7, 30), CAL, early_evening) == T(2026, 11, 24, 8, 0)


def test_a_due_time_in_a_quiet_moment_moves_to_its_end() -> None:
    one_hour = CommunicationRules(answer_hours=1)
    assert due_time(T(2026, 11, 23, 19, 30), CAL, one_hour) == T(2026, 11, 24, 7, 0)   # not 20:30
    assert due_time(T(2026, 11, 27, 19, 30), CAL, one_hour) == T(2026, 11, 30, 7, 0)   # Friday: to Monday


@pytest.mark.parametrize(("moment", "quiet"), [
    (T(2026, 11, 23, 7, 0), False),
    (T(2026, 11, 23, 6, 59), True),
    (T(2026, 11, 23, 19, 59), False),
    (T(2026, 11, 23, 20, 0), True),
    (T(2026, 11, 23, 23, 59), True),
    (T(2026, 11, 25, 15, 0), False),   # Wednesday afternoon
    (T(2026, 11, 21, 12, 0), True),    # Saturday
    (T(2026, 11, 22, 12, 0), True),    # Sunday
    (T(2026, 11, 11, 12, 0), True),    # Armistice Day
    (T(2026, 12, 2, 12, 0), True),     # the school's free day
    (T(2026, 12, 28, 12, 0), True),    # Christmas holiday
    (T(2027, 7, 15, 12, 0), True),     # summer
])
def test_is_quiet(moment: dt.datetime, quiet: bool) -> None:
    assert is_quiet(moment, CAL, RULES) is quiet


@pytest.mark.parametrize(("moment", "end"), [
    (T(2026, 11, 23, 10, 0), T(2026, 11, 23, 10, 0)),   # not quiet: itself
    (T(2026, 11, 23, 5, 0), T(2026, 11, 23, 7, 0)),
    (T(2026, 11, 23, 21, 0), T(2026, 11, 24, 7, 0)),
    (T(2026, 11, 27, 21, 0), T(2026, 11, 30, 7, 0)),
    (T(2027, 6, 30, 21, 0), T(2027, 9, 1, 7, 0)),       # the summer holiday
])
def test_end_of_quiet(moment: dt.datetime, end: dt.datetime) -> None:
    assert end_of_quiet(moment, CAL, RULES) == end


# -- who reads what --------------------------------------------------------------------------------
PUPIL = Pupil("P1", "Ada", "Proefhoeve", "3A")
HEAD = Staff("head", "Hoofd", Role.HEAD)
CARE = Staff("care", "Zorg", Role.CARE)
OFFICE = Staff("office", "Secretariaat", Role.OFFICE)
OWN_TEACHER = Staff("t3a", "Juf 3A", Role.TEACHER, classes=("3A",))
OTHER_TEACHER = Staff("t5b", "Meester 5B", Role.TEACHER, classes=("5B",))
AUTHOR = Staff("t1b", "Juf 1B", Role.TEACHER, classes=("1B",))
VIEWERS = (AUTHOR, HEAD, CARE, OFFICE, OWN_TEACHER, OTHER_TEACHER)
R, E, N = Access.READ, Access.EXISTS, Access.NONE


def note(level: str) -> Note:
    return Note(("P1",), "Vraagt naar de logopedie", T(2026, 11, 23, 8, 15), AUTHOR.id, level=level)


@pytest.mark.parametrize(("level", "expected"), [
    #            author head care office own-teacher other-teacher
    ("class",    (R,     R,   R,   E,     R,          N)),
    ("care",     (R,     R,   R,   E,     N,          N)),
    ("personal", (R,     N,   N,   N,     N,          N)),
])
def test_who_reads_a_note(level: str, expected: tuple[Access, ...]) -> None:
    assert tuple(note_access(viewer, note(level), [PUPIL]) for viewer in VIEWERS) == expected


@pytest.mark.parametrize("level", ["class", "care", "personal"])
def test_whoever_owns_its_follow_up_reads_the_note(level: str) -> None:
    assert note_access(OTHER_TEACHER, note(level), [PUPIL], owners={OTHER_TEACHER.id}) == Access.READ
    assert note_access(OFFICE, note(level), [PUPIL], owners={OTHER_TEACHER.id}) != Access.READ


DUE = T(2026, 11, 25, 8, 15)


def follow_up(owner: str, due: dt.datetime = DUE, done: dt.datetime | None = None) -> FollowUp:
    return FollowUp("n1", ("P1",), owner, T(2026, 11, 23, 8, 15), due, AUTHOR.id, done_at=done)


def test_who_sees_a_follow_up() -> None:
    owned_by_care = follow_up(CARE.id)
    seen = {viewer.id: sees_follow_up(viewer, owned_by_care, [PUPIL]) for viewer in VIEWERS}
    assert seen == {"t1b": True, "head": True, "care": True, "office": False, "t3a": True, "t5b": False}
    assert sees_follow_up(OTHER_TEACHER, follow_up(OTHER_TEACHER.id), [PUPIL])  # its owner


def test_who_sees_care_partners() -> None:
    assert [sees_care_partners(v, PUPIL) for v in VIEWERS] == [False, True, True, False, True, False]


def test_overdue_and_due_today() -> None:
    now = T(2026, 11, 25, 9, 0)
    assert is_overdue(follow_up("x", due=T(2026, 11, 25, 8, 59)), now)
    assert not is_overdue(follow_up("x", due=T(2026, 11, 25, 9, 0)), now)
    assert not is_overdue(follow_up("x", due=T(2026, 11, 24, 8, 0), done=T(2026, 11, 24, 9, 0)), now)
    assert is_due_today(follow_up("x", due=T(2026, 11, 25, 15, 0)), now)
    assert not is_due_today(follow_up("x", due=T(2026, 11, 26, 8, 0)), now)
    assert not is_due_today(follow_up("x", due=T(2026, 11, 25, 8, 0)), now)  # overdue, not "today"
    assert is_due_today(follow_up("x", due=now), now) and not is_overdue(follow_up("x", due=now), now)  # this minute


def test_follow_ups_are_listed_by_due_time() -> None:
    later, sooner = follow_up("a", due=T(2026, 11, 26, 8, 0)), follow_up("b", due=T(2026, 11, 25, 8, 0))
    assert by_due_time([later, sooner]) == [sooner, later]
