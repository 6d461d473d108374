"""Formal meetings: the slots of a round, who is busy when, and filling a round from the
reply slips without a clash.

A booking puts a pupil's guardians, all households together (separated parents come to
one meeting), with a staff member, in a room, with other participants. Nobody is in two
places at once: a staff member, a room, an external partner, a guardian, a pupil. Siblings'
meetings are chained back to back on one evening, so a family walks from one classroom to
the next.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from kiosk.domain.dates import parse_time, weekday_number
from kiosk.domain.models import Booking, Pupil, Reply, Round, Session
from kiosk.errors import KioskError
from kiosk.i18n import _

KINDS = ("parent_evening", "care", "information")
MIN_SLOT, MAX_SLOT = 5, 120
MAX_WALK = dt.timedelta(minutes=10)
"""Back to back: the next meeting starts when the last ends, or within a short walk."""
MAX_ORDERS = 24
"""Siblings are tried in every order (4 children: 24 orders); more are taken as listed."""


@dataclass(frozen=True, order=True)
class Slot:
    day: dt.date
    start: dt.time
    end: dt.time
    staff_id: str
    room: str = ""


def _at(day: dt.date, time: dt.time) -> dt.datetime:
    return dt.datetime.combine(day, time)


def slots_of(session: Session, minutes: int) -> list[Slot]:
    """The session cut into slots of `minutes`, none overlapping a break."""
    step = dt.timedelta(minutes=minutes)
    cursor, end = _at(session.day, session.start), _at(session.day, session.end)
    breaks = sorted((_at(session.day, b.start), _at(session.day, b.end)) for b in session.breaks)
    found = []
    while cursor + step <= end:
        clash = next((b_end for b_start, b_end in breaks if cursor < b_end and b_start < cursor + step), None)
        if clash is not None:
            cursor = clash  # start again after the break
            continue
        found.append(Slot(session.day, cursor.time(), (cursor + step).time(), session.staff_id, session.room))
        cursor += step
    return found


def round_slots(round_: Round) -> dict[str, list[Slot]]:
    """Per staff member, the round's slots in time order (none for an information evening)."""
    per_staff: dict[str, list[Slot]] = {}
    if round_.kind == "information":
        return per_staff
    for session in round_.sessions:
        per_staff.setdefault(session.staff_id, []).extend(slots_of(session, round_.slot_minutes))
    for slots in per_staff.values():
        slots.sort()
    return per_staff


def check_plan(round_: Round) -> None:
    """Raises KioskError with the reason when the plan cannot work."""
    if round_.kind not in KINDS:
        raise KioskError(_("a round is a parent evening, care meetings or an information evening"))
    if not round_.sessions:
        raise KioskError(_("a round needs at least one evening with a staff member"))
    if round_.kind != "information" and not MIN_SLOT <= round_.slot_minutes <= MAX_SLOT:
        raise KioskError(_("a slot lasts {low} to {high} minutes").format(low=MIN_SLOT, high=MAX_SLOT))
    for session in round_.sessions:
        _check_session(session)
        if round_.kind != "information" and not slots_of(session, round_.slot_minutes):
            raise KioskError(_("{start}–{end} leaves no slot of {n} minutes").format(
                start=f"{session.start:%H:%M}", end=f"{session.end:%H:%M}", n=round_.slot_minutes))
    seen: set[tuple[str, dt.date]] = set()
    for session in round_.sessions:
        if (session.staff_id, session.day) in seen and round_.kind != "information":
            raise KioskError(_("one evening per staff member per day"))
        seen.add((session.staff_id, session.day))


def _check_session(session: Session) -> None:
    if session.end <= session.start:
        raise KioskError(_("the evening ends ({end}) before it starts ({start})").format(
            end=f"{session.end:%H:%M}", start=f"{session.start:%H:%M}"))
    for pause in session.breaks:
        if pause.end <= pause.start:
            raise KioskError(_("the break ends before it starts ({start}–{end})").format(
                start=f"{pause.start:%H:%M}", end=f"{pause.end:%H:%M}"))
        if pause.start < session.start or pause.end > session.end:
            raise KioskError(_("the break {start}–{end} lies outside the evening").format(
                start=f"{pause.start:%H:%M}", end=f"{pause.end:%H:%M}"))


# -- availability ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Availability:
    """When every household of a pupil can come: all their reply slips together."""

    after: dt.time | None = None
    not_days: frozenset[dt.date] = frozenset()

    def allows(self, slot: Slot) -> bool:
        return slot.day not in self.not_days and (self.after is None or slot.start >= self.after)


_AFTER = re.compile(r"\b(?:na|vanaf|after|from)\s+(\d{1,2}(?:[:.h]\d{2})?)\s*(?:u|uur|h)?(?!\w)", re.I | re.ASCII)
_NOT = re.compile(r"\b(?:niet|not|geen)\s+(?:op\s+|on\s+)?(\w+)", re.I)
_CARE = re.compile(r"\b(?:zorg|zorgjuf|zorgmeester|zorgteam|zorgleerkracht|zorgco[oö]rdinator|care)\b", re.I)
_NO_MEETING = re.compile(r"\b(?:geen|no)\s+(?:gesprek|meeting)\b", re.I)
_FILLER = re.compile(r"\b(?:altijd|any|anytime|ok|en|and|ook|too|also|graag|please|de|het|met|with|the)\b"
                     r"|[,;.+&]", re.I)


@dataclass(frozen=True)
class Slip:
    """A reply slip as ticked: "na 18:00, niet dinsdag, zorg"."""

    after: dt.time | None
    not_days: tuple[dt.date, ...]
    care_wish: bool


def read_slip(text: str, days: Sequence[dt.date], *, evening: bool = True) -> Slip:
    """The ticks of a reply slip, typed: "na 18:00" / "after 18:00", "niet dinsdag" / "not
    Tuesday" (the round's evenings on that weekday), "zorg" / "care"; "altijd" for none.
    Anything else is refused, so a typo never passes for "any time"."""
    if _NO_MEETING.search(text):
        raise KioskError(_("a household that wants no meeting: x on the screen (--declines on the command line)"))
    afters = [match.group(1) for match in _AFTER.finditer(text)]
    if len(afters) > 1:
        raise KioskError(_("the slip says 'after' twice ({times}): which one?").format(times=", ".join(afters)))
    after = None
    for written in afters:
        try:
            after = parse_time(written)
        except ValueError:
            raise KioskError(_("{text!r} is not a time").format(text=written)) from None
        if evening and after.hour < 12:  # "na 6 uur" on an evening's slip is six in the evening
            after = after.replace(hour=after.hour + 12)
    not_days: list[dt.date] = []
    for match in _NOT.finditer(text):
        weekday = weekday_number(match.group(1))
        if weekday is None:
            raise KioskError(_("{word!r} is not a day of the week").format(word=match.group(1)))
        not_days += [d for d in days if d.weekday() == weekday]
    left = _FILLER.sub(" ", _CARE.sub(" ", _NOT.sub(" ", _AFTER.sub(" ", text)))).strip()
    if left:
        raise KioskError(_("not understood: {left!r} (write e.g. 'na 18:00', 'niet dinsdag', 'zorg' or "
                           "'altijd')").format(left=left))
    return Slip(after, tuple(sorted(set(not_days))), bool(_CARE.search(text)))


def availability(replies: Iterable[Reply]) -> Availability:
    """The latest "after" and every "not on" of all households: both parents must be able."""
    afters = [r.after for r in replies if r.after is not None]
    days = frozenset(day for r in replies for day in r.not_days)
    return Availability(max(afters) if afters else None, days)


# -- who is busy when --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Conflict:
    kind: str
    """staff, room, partner, guardian, pupil."""
    subject: str
    """The staff id, room, partner id, guardian name or pupil id that is busy."""
    other: Booking


def people(booking: Booking, pupil: Pupil) -> list[tuple[str, str]]:
    """Everyone and everything a booking keeps busy, as (kind, subject)."""
    found = [("staff", booking.staff_id), *(("staff", s) for s in booking.participants),
             *(("partner", p) for p in booking.partners), ("pupil", pupil.id)]
    found += [("guardian", g.family_key) for g in pupil.guardians]
    return found + ([("room", booking.room)] if booking.room else [])


@dataclass
class Board:
    """The bookings of a round by person and room, to find a clash at once."""

    pupils: dict[str, Pupil]
    busy: dict[tuple[str, str], list[Booking]] = field(default_factory=dict)

    @classmethod
    def of(cls, bookings: Iterable[Booking], pupils: dict[str, Pupil]) -> Board:
        board = cls(pupils)
        for booking in bookings:
            board.add(booking)
        return board

    def add(self, booking: Booking) -> None:
        for key in people(booking, self.pupils[booking.pupil_id]):
            self.busy.setdefault(key, []).append(booking)

    def remove(self, booking: Booking) -> None:
        for key in people(booking, self.pupils[booking.pupil_id]):
            self.busy[key] = [b for b in self.busy.get(key, []) if b.id != booking.id]

    def conflict(self, candidate: Booking) -> Conflict | None:
        """The first clash of a candidate booking with the others (itself left out)."""
        start, end = _at(candidate.day, candidate.start), _at(candidate.day, candidate.end)
        for kind, subject in people(candidate, self.pupils[candidate.pupil_id]):
            for other in self.busy.get((kind, subject), ()):
                if other.id != candidate.id and other.day == candidate.day \
                        and _at(other.day, other.start) < end and start < _at(other.day, other.end):
                    return Conflict(kind, subject, other)
        return None


def in_round(slot: Slot, slots: dict[str, list[Slot]]) -> bool:
    return slot in slots.get(slot.staff_id, ())


# -- filling a round ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Wanted:
    """A meeting to place: a pupil with a staff member, when the guardians can come."""

    pupil: Pupil
    staff_id: str
    available: Availability = Availability()
    participants: tuple[str, ...] = ()


@dataclass
class Filled:
    placed: list[Booking] = field(default_factory=list)
    unplaced: list[tuple[Wanted, str]] = field(default_factory=list)
    """With the reason: no_session, unavailable, full."""
    apart: list[Pupil] = field(default_factory=list)
    """Placed, but not back to back with a brother or sister."""


def families(wanted: Sequence[Wanted]) -> list[list[Wanted]]:
    """The meetings grouped by family: pupils who share a guardian, however separated."""
    parent: dict[int, int] = {}

    def root(i: int) -> int:
        while parent.setdefault(i, i) != i:
            i = parent[i]
        return i

    by_guardian: dict[str, int] = {}
    for i, item in enumerate(wanted):
        for guardian in item.pupil.guardians:
            j = by_guardian.setdefault(guardian.family_key, i)
            parent[root(i)] = root(j)
    groups: dict[int, list[Wanted]] = {}
    for i, item in enumerate(wanted):
        groups.setdefault(root(i), []).append(item)
    return list(groups.values())


def booking_at(round_: Round, item: Wanted, slot: Slot, by: str = "") -> Booking:
    """The meeting `item` would be in `slot`."""
    return Booking(round_.id, item.pupil.id, slot.staff_id, slot.day, slot.start, slot.end, slot.room,
                   participants=item.participants, by_staff=by)


def free_booking(board: Board, round_: Round, item: Wanted, slot: Slot, by: str = "") -> Booking | None:
    """The meeting in `slot`, when it suits the parents and clashes with nobody; else None."""
    if not item.available.allows(slot):
        return None
    booking = booking_at(round_, item, slot, by)
    return None if board.conflict(booking) else booking


def _chain(board: Board, round_: Round, order: Sequence[Wanted], first: Slot,
           slots: dict[str, list[Slot]], by: str) -> list[Booking] | None:
    """The family's meetings back to back from `first` on, or None."""
    booked: list[Booking] = []
    try:
        for n, item in enumerate(order):
            if n:
                last = booked[-1]
                end = _at(last.day, last.end)
                near = (s for s in slots.get(item.staff_id, ()) if s.day == first.day
                        and end <= _at(s.day, s.start) <= end + MAX_WALK)
                booking = next((b for s in near if (b := free_booking(board, round_, item, s, by))), None)
            else:
                booking = free_booking(board, round_, item, first, by)
            if booking is None:
                return None
            board.add(booking)  # so a later child's check sees it (the same parents)
            booked.append(booking)
        return booked
    finally:
        for booking in booked:
            board.remove(booking)


def family_meetings(board: Board, round_id: str, pupils: Iterable[Pupil]) -> list[Booking]:
    """The round's meetings already booked for these pupils' brothers and sisters (any pupil
    who shares a guardian with them)."""
    found = {b.id: b for p in pupils for g in p.guardians for b in board.busy.get(("guardian", g.family_key), ())
             if b.round_id == round_id}
    return list(found.values())


def _walk(chain: Sequence[Booking], anchors: Sequence[Booking]) -> dt.timedelta | None:
    """The shortest walk between the chain and a family meeting already booked, when the
    chain starts after one or ends before one on its evening; None when it does neither."""
    first, last = min(chain, key=lambda b: b.start), max(chain, key=lambda b: b.end)
    gaps = [gap for a in anchors if a.day == first.day
            for gap in (_at(first.day, first.start) - _at(a.day, a.end), _at(a.day, a.start) - _at(last.day, last.end))
            if dt.timedelta(0) <= gap <= MAX_WALK]
    return min(gaps, default=None)


def touches(chain: Sequence[Booking], anchors: Sequence[Booking]) -> bool:
    """The chain starts right after a family meeting, or ends right before one (or there is none)."""
    return not anchors or _walk(chain, anchors) is not None


def _chained(board: Board, round_: Round, family: list[Wanted], slots: dict[str, list[Slot]], by: str,
             anchors: list[Booking]) -> list[Booking] | None:
    """The family's new meetings back to back, as close as can be to the ones already booked;
    apart from them only when nothing closer is free."""
    best: tuple[dt.timedelta, list[Booking]] | None = None
    fallback: list[Booking] | None = None
    orders = itertools.permutations(family) if len(family) <= 4 else iter([tuple(family)])
    for order in itertools.islice(orders, MAX_ORDERS):
        for first in slots.get(order[0].staff_id, ()):
            chain = _chain(board, round_, order, first, slots, by)
            if not chain:
                continue
            if not anchors:
                return chain
            walk = _walk(chain, anchors)
            if walk is None:
                same_evening = any(a.day == chain[0].day for a in anchors)
                if fallback is None or (same_evening and fallback[0].day not in {a.day for a in anchors}):
                    fallback = chain  # apart, but on a brother's or sister's evening if possible
            elif best is None or walk < best[0]:
                best = (walk, chain)
                if not walk:
                    return chain
    return best[1] if best else fallback


def _place_family(board: Board, round_: Round, family: list[Wanted], slots: dict[str, list[Slot]],
                  by: str, result: Filled) -> None:
    anchors = family_meetings(board, round_.id, [w.pupil for w in family])
    chain = _chained(board, round_, family, slots, by, anchors) if len(family) > 1 or anchors else None
    if chain:
        for placed in chain:
            board.add(placed)
        result.placed += chain
        if not touches(chain, anchors):
            result.apart += [w.pupil for w in family]
        return
    for item in family:  # one by one: some meetings, apart, beat none
        single = _first_free(board, round_, item, slots, by)
        if single is None:
            result.unplaced.append((item, _why_not(round_, item, slots)))
            continue
        board.add(single)
        result.placed.append(single)
        if len(family) > 1 or anchors:
            result.apart.append(item.pupil)


def _first_free(board: Board, round_: Round, item: Wanted, slots: dict[str, list[Slot]],
                by: str) -> Booking | None:
    return next((b for s in slots.get(item.staff_id, ()) if (b := free_booking(board, round_, item, s, by))), None)


def _why_not(round_: Round, item: Wanted, slots: dict[str, list[Slot]]) -> str:
    own = slots.get(item.staff_id, [])
    if not own:
        return "no_session"
    if not any(item.available.allows(s) for s in own):
        return "unavailable"
    return "full"


def _difficulty(family: list[Wanted], slots: dict[str, list[Slot]]) -> tuple[int, int]:
    """Bigger families and fewer suitable slots first: they have the least room to move."""
    choices = min(sum(item.available.allows(s) for s in slots.get(item.staff_id, ())) for item in family)
    return (-len(family), choices)


def fill(round_: Round, wanted: Sequence[Wanted], board: Board, by: str = "",
         usable: Callable[[Slot], bool] | None = None) -> Filled:
    """Places every meeting it can: families back to back, the hardest first, in the slots
    that are `usable` (not past, not in an unconfirmed quiet moment). `board` holds the
    bookings so far and is left as it was (the caller saves the result)."""
    slots = {staff: [s for s in own if usable is None or usable(s)] for staff, own in round_slots(round_).items()}
    result = Filled()
    for family in sorted(families(wanted), key=lambda f: _difficulty(f, slots)):
        _place_family(board, round_, family, slots, by, result)
    for booking in result.placed:
        board.remove(booking)
    return result


def greedy(round_: Round, wanted: Sequence[Wanted], board: Board) -> int:
    """One by one in the given order, each in the first free slot: the bench's yardstick."""
    slots = round_slots(round_)
    placed = []
    for item in wanted:
        booking = _first_free(board, round_, item, slots, "")
        if booking:
            board.add(booking)
            placed.append(booking)
    for booking in placed:
        board.remove(booking)
    return len(placed)


def moved(booking: Booking, slot: Slot) -> Booking:
    return replace(booking, staff_id=slot.staff_id, day=slot.day, start=slot.start, end=slot.end, room=slot.room)
