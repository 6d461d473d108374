"""Read a parent's text message and propose what to save. Nothing is saved here.

The reader decides the kind first (absence, late arrival, return notice, other), then who,
why and when. Every field it is not sure of is listed in `doubts`: staff confirm or correct
those before the proposal can be saved. Being unsure is fine; being wrong and sure is not.
One module per concern: kind, names, reasons, when; the words themselves in lexicon.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from kiosk.domain.absences import AbsenceRules
from kiosk.domain.calendar import SchoolCalendar
from kiosk.domain.models import Pupil
from kiosk.domain.sms.kind import KINDS, read_kind
from kiosk.domain.sms.message import Message
from kiosk.domain.sms.names import School, find_people
from kiosk.domain.sms.reasons import read_reason
from kiosk.domain.sms.when import read_when

__all__ = ["FIELDS", "KINDS", "Proposal", "School", "read_message"]

FIELDS = ("kind", "pupils", "code", "start", "end", "part", "time")


@dataclass
class Proposal:
    kind: str
    pupils: list[Pupil] = field(default_factory=list)
    candidates: list[Pupil] = field(default_factory=list)
    """Pupils who may be meant, when the message does not tell them apart: staff pick."""
    code: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    part: str | None = None
    time: dt.time | None = None
    doubts: set[str] = field(default_factory=set)
    """Fields in doubt: shown highlighted; the proposal is saved only when none is left."""
    unusual: bool = False
    """The period is far from the message's day or longer than a school week: shown with
    its year, and in doubt, because a misread date is costly there."""

    @property
    def sure(self) -> bool:
        return not self.doubts


def read_message(text: str, school: School, now: dt.datetime, calendar: SchoolCalendar,
                 rules: AbsenceRules) -> Proposal:
    message = Message(text)
    kind, kind_doubt = read_kind(message)
    proposal = Proposal(kind)
    if kind_doubt:
        proposal.doubts.add("kind")
    people = find_people(message, school)
    proposal.pupils, proposal.candidates = people.pupils, people.candidates
    if people.doubtful:
        proposal.doubts.add("pupils")
    if kind == "other":
        return proposal
    when = read_when(message, now, calendar, kind)
    proposal.doubts |= when.doubts
    proposal.start = when.start
    if kind == "absence":
        proposal.code, code_doubt = read_reason(message, rules)
        if code_doubt:
            proposal.doubts.add("code")
        proposal.end, proposal.part = when.end, when.part
    elif kind == "late":
        proposal.time = when.time  # one day: the start
        proposal.doubts -= {"part"}
    else:
        proposal.doubts -= {"part", "end", "time"}
    if proposal.start is not None and not calendar.is_school_day(proposal.start):
        proposal.doubts.add("start")
    _flag_unusual(proposal, now.date(), calendar)
    return proposal


FAR_DAYS = 14
"""A start further than this from the day the message came is unusual."""
LONG_SCHOOL_DAYS = 5


def _flag_unusual(proposal: Proposal, today: dt.date, calendar: SchoolCalendar) -> None:
    start, end = proposal.start, proposal.end or proposal.start
    if start is None or end is None:
        return
    if abs((start - today).days) > FAR_DAYS:
        proposal.unusual = True
        proposal.doubts.add("start")
    if len(calendar.school_days(start, end)) > LONG_SCHOOL_DAYS or (end - start).days > 2 * 7:
        proposal.unusual = True
        proposal.doubts.add("end")
