"""The text-message reader as a use case: read a pasted message against the school as it
is now, and save what staff confirmed (an absence, an announced late arrival, the end of an
absence for a return notice; nothing for another kind of message)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from kiosk.domain.calendar import school_year_of
from kiosk.domain.models import Absence, Pupil
from kiosk.domain.sms import Proposal, School, read_message
from kiosk.domain.sms.message import with_line_breaks
from kiosk.domain.text import MAX_MESSAGE, clean_text, without_direction_marks
from kiosk.errors import KioskError
from kiosk.i18n import _
from kiosk.services import absences
from kiosk.services.context import Kiosk


class Reader:
    """The school indexed once, again only when the roster or the staff changed."""

    def __init__(self, kiosk: Kiosk) -> None:
        self.kiosk = kiosk
        self._school: School | None = None
        self._key: object = None

    def school(self) -> School:
        pupils = self.kiosk.repos.pupils.all()
        staff = self.kiosk.repos.staff.all()
        key = (self.kiosk.repos.pupils.revision, tuple((s.id, s.classes) for s in staff))
        if self._school is None or key != self._key:
            self._school, self._key = School(pupils, staff), key
        return self._school

    def read(self, text: str, at: dt.datetime | None = None) -> Proposal:
        lines = with_line_breaks(without_direction_marks(text))  # the limit counts the message, not the ⏎ signs
        text = clean_text(lines, _("the message"), max_length=MAX_MESSAGE, multiline=True)
        return read_message(text, self.school(), at or self.kiosk.clock.now(), self.kiosk.calendar,
                            self.kiosk.config.absences)


@dataclass
class Returned:
    """A return notice: the absences it ended (shortened or removed)."""

    pupils: list[Pupil]
    changed: list[Absence] = field(default_factory=list)


def save(kiosk: Kiosk, proposal: Proposal, who: str, note: str = "") -> object:
    """Save a confirmed proposal: absences.Logged, a list of (LateArrival, count), Returned,
    or None for another kind of message. A proposal with doubts left is refused."""
    if proposal.doubts:
        raise KioskError(_("check the marked fields first"))
    if proposal.kind != "other" and not proposal.pupils:
        raise KioskError(_("choose the pupil first"))
    if proposal.kind == "absence":
        assert proposal.start and proposal.end and proposal.code
        return absences.log_absences(kiosk, proposal.pupils, code=proposal.code, start=proposal.start,
                                     end=proposal.end, part=proposal.part or "day", note=note, via="sms", who=who)
    if proposal.kind == "late":
        if proposal.time is None:
            raise KioskError(_("the late arrival needs a time"))
        with kiosk.store.transaction():
            return [absences.add_late(kiosk, pupil, who=who, time=proposal.time, day=proposal.start, reason=note,
                                      announced=True) for pupil in proposal.pupils]
    if proposal.kind == "return":
        assert proposal.start
        return end_absences(kiosk, proposal.pupils, proposal.start, who)
    return None


def end_absences(kiosk: Kiosk, pupils: list[Pupil], back: dt.date, who: str) -> Returned:
    """The child is back on `back`: an absence that ran on is shortened to the school day
    before; one that would only have started then is removed. Nothing else changes."""
    result = Returned(pupils)
    last_day = _school_day_before(kiosk, back)
    with kiosk.store.transaction():
        for pupil in pupils:
            for absence in absences.pupil_absences(kiosk, pupil.id, school_year_of(back)):
                if absence.start < back <= absence.end:
                    result.changed.append(absences.update_absence(kiosk, absence, who, end=last_day,
                                                                  part="day" if last_day > absence.start
                                                                  else absence.part))
                elif absence.start == back and absence.end == back:
                    absences.delete_absences(kiosk, [absence], who)
                    result.changed.append(absence)
    return result


def _school_day_before(kiosk: Kiosk, day: dt.date) -> dt.date:
    previous = day - dt.timedelta(days=1)
    while not kiosk.calendar.is_school_day(previous) and (day - previous).days < 60:
        previous -= dt.timedelta(days=1)
    return previous


def open_absences(kiosk: Kiosk, pupil: Pupil, back: dt.date) -> list[Absence]:
    """The absences a return on `back` would end (shown before saving)."""
    return [a for a in absences.pupil_absences(kiosk, pupil.id, school_year_of(back))
            if a.start < back <= a.end or (a.start == back == a.end)]


