"""The records the kiosk keeps. Frozen dataclasses; the store maps them to TinyDB dicts."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from enum import StrEnum


def new_id() -> str:
    """A record id that is unique across kiosk processes without coordination."""
    return uuid.uuid4().hex[:16]


class Role(StrEnum):
    HEAD = "head"
    TEACHER = "teacher"
    CARE = "care"
    OFFICE = "office"


@dataclass(frozen=True)
class Guardian:
    name: str
    phone: str = ""
    """Staff see it on screen; it is never printed or exported."""
    email: str = ""
    household: int = 1
    """Separated parents live in different households (1, 2, ...)."""
    language: str = "nl"

    @property
    def family_key(self) -> str:
        """Links siblings: the same guardian appears on each child's record."""
        contact = self.email.lower() or "".join(ch for ch in self.phone if ch.isdigit())
        return f"{self.name.casefold()}|{contact}"


@dataclass(frozen=True)
class Pupil:
    id: str
    first_name: str
    last_name: str
    class_name: str
    birth_date: dt.date | None = None
    home_language: str = "nl"
    photo_consent: bool = False
    guardians: tuple[Guardian, ...] = ()
    left_on: dt.date | None = None
    """Set when the pupil no longer appears in the roster; history is kept."""

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def active(self) -> bool:
        return self.left_on is None


@dataclass(frozen=True)
class Staff:
    id: str
    name: str
    role: Role
    classes: tuple[str, ...] = ()
    pin_hash: str = ""
    failed_attempts: int = 0
    locked_until: dt.datetime | None = None
    lockouts: int = 0
    """Lockouts in a row without a good login since: each one lasts twice as long."""
    active: bool = True
    """False for staff who left: no login, but their name stays in the history."""
    email: str = ""
    """School e-mail address (the channel agreed with parents); printed on letters."""


@dataclass(frozen=True)
class Absence:
    pupil_id: str
    start: dt.date
    end: dt.date
    code: str
    part: str = "day"
    """day, am (morning only) or pm (afternoon only)."""
    note: str = ""
    reported_via: str = "sms"
    by_staff: str = ""
    created_at: dt.datetime | None = None
    id: str = field(default_factory=new_id)


@dataclass(frozen=True)
class LateArrival:
    pupil_id: str
    date: dt.date
    time: dt.time
    reason: str = ""
    by_staff: str = ""
    created_at: dt.datetime | None = None
    id: str = field(default_factory=new_id)
    announced: bool = False
    """Announced by a parent ("komt om half 10"): the time is when the child is expected."""


@dataclass(frozen=True)
class Note:
    """A conversation with parents, noted by staff (at the gate, the end-of-day bell, ...)."""

    pupil_ids: tuple[str, ...]
    text: str
    at: dt.datetime
    """When the conversation took place (and the 48-hour clock of its follow-up started)."""
    by_staff: str
    where: str = "gate"
    """gate, bell, phone, agenda, email or appointment."""
    level: str = "class"
    """Who may read it: class (the class team), care (care staff and head), personal (author)."""
    guardians: tuple[str, ...] = ()
    """The names of the guardians who took part."""
    created_at: dt.datetime | None = None
    id: str = field(default_factory=new_id)


@dataclass(frozen=True)
class FollowUp:
    """Something owed to the parents after a conversation: an answer by a due time."""

    note_id: str
    pupil_ids: tuple[str, ...]
    owner: str
    opened: dt.datetime
    """The note's time: when the 48-hour clock started."""
    due: dt.datetime
    by_staff: str
    done_at: dt.datetime | None = None
    done_by: str = ""
    answer: str = ""
    """What was answered, noted when it was marked done."""
    what: str = ""
    """An action point agreed at a meeting ("logopedie aanvragen"); empty for an answer owed."""
    id: str = field(default_factory=new_id)


@dataclass(frozen=True)
class CarePartner:
    """An external care provider working with a pupil (speech therapy, physiotherapy, ...)."""

    pupil_id: str
    who: str
    """The provider: a person or a practice."""
    discipline: str
    frequency: str = ""
    goal: str = ""
    since: dt.date | None = None
    by_staff: str = ""
    id: str = field(default_factory=new_id)


@dataclass(frozen=True)
class AuditEntry:
    at: dt.datetime
    who: str
    action: str
    """What happened, e.g. login, login-failed, roster-import, staff-add, export."""
    detail: str = ""
    """Free text for what the facts do not hold (older entries have only this)."""
    facts: tuple[tuple[str, str], ...] = ()
    """(name, value) pairs: pupil and staff ids, codes, dates, counts. Shown in plain
    words, in the reader's language, when the trail is read."""

    def fact(self, name: str) -> str:
        return next((value for key, value in self.facts if key == name), "")


# -- meetings -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Break:
    start: dt.time
    end: dt.time


@dataclass(frozen=True)
class Session:
    """One staff member's evening in a round: where, from when to when, with breaks."""

    staff_id: str
    day: dt.date
    start: dt.time
    end: dt.time
    room: str = ""
    breaks: tuple[Break, ...] = ()
    class_name: str = ""
    """An information evening's class (it has one session per class and no slots)."""


@dataclass(frozen=True)
class Round:
    """A round of formal meetings: a parent evening, care meetings or information evenings."""

    name: str
    kind: str
    """parent_evening, care or information."""
    sessions: tuple[Session, ...]
    slot_minutes: int = 10
    quiet_confirmed: bool = False
    """Staff confirmed meetings in a quiet moment (after 20:00, a weekend, a holiday)."""
    by_staff: str = ""
    created_at: dt.datetime | None = None
    id: str = field(default_factory=new_id)

    @property
    def first_day(self) -> dt.date:
        """The school year it belongs to; its replies and bookings are kept with it."""
        return min(s.day for s in self.sessions)

    @property
    def days(self) -> list[dt.date]:
        return sorted({s.day for s in self.sessions})

    @property
    def evening(self) -> bool:
        """Every session from noon on: "na 6 uur" then means 18:00."""
        return all(s.start >= dt.time(12, 0) for s in self.sessions)


@dataclass(frozen=True)
class Reply:
    """A household's reply slip for a round."""

    round_id: str
    pupil_id: str
    household: int
    day: dt.date
    """The round's first day: the reply is kept in its round's school year."""
    wants: bool = True
    after: dt.time | None = None
    """"I can come after 18:00"."""
    not_days: tuple[dt.date, ...] = ()
    """"Not on Tuesday"."""
    care_wish: bool = False
    """"I would like to talk to the care coordinator too"."""
    by_staff: str = ""
    at: dt.datetime | None = None
    id: str = field(default_factory=new_id)


@dataclass(frozen=True)
class Booking:
    """One meeting: a pupil's guardians (all households together) with a staff member."""

    round_id: str
    pupil_id: str
    staff_id: str
    day: dt.date
    start: dt.time
    end: dt.time
    room: str = ""
    participants: tuple[str, ...] = ()
    """Other staff taking part (the care coordinator, the head)."""
    partners: tuple[str, ...] = ()
    """External care partners taking part (their ids)."""
    agenda: str = ""
    outcome_note: str = ""
    """The conversation note with the meeting's outcome, once noted (its action points are follow-ups)."""
    status: str = "booked"
    """booked, arrived or no_show."""
    by_staff: str = ""
    id: str = field(default_factory=new_id)


@dataclass(frozen=True)
class ClassCode:
    """A class's code in the class app; a new version replaces a code that leaked."""

    class_name: str
    code: str
    version: int
    set_at: dt.datetime
    by_staff: str
    id: str = field(default_factory=new_id)


@dataclass(frozen=True)
class Invitation:
    """A household's letter for a class: when it was printed, with which code version, and
    whether the household joined (ticked by the teacher after approving it in the app)."""

    class_name: str
    household_key: str
    pupil_ids: tuple[str, ...]
    language: str
    by_staff: str
    printed_on: dt.date | None = None
    """None for a household that joined without a letter (the QR on screen at the gate)."""
    code_version: int = 0
    joined_on: dt.date | None = None
    joined_by: str = ""
    id: str = field(default_factory=new_id)
