"""Rounds of formal meetings (parent evenings, care meetings): planning, reply slips, booking
by hand or filling a class or the school at once, moving, cancelling, the evening itself.
Every change is checked against every other booking of the round and audited."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from kiosk import i18n
from kiosk.domain import meetings as rules_
from kiosk.domain.calendar import school_year_of
from kiosk.domain.meetings import Board, Conflict, Filled, Slot, Wanted
from kiosk.domain.models import Booking, Break, FollowUp, Note, Pupil, Reply, Role, Round, Session, Staff
from kiosk.domain.text import MAX_NAME, MAX_SHORT, clean_text
from kiosk.errors import KioskError, NotFound
from kiosk.i18n import N_, _
from kiosk.output import ics, pdf
from kiosk.services import notes
from kiosk.services.context import Kiosk
from kiosk.services.entry import read_day
from kiosk.services.files import write_audited
from kiosk.services.labels import day_label
from kiosk.services.pupils import known_class, list_pupils
from kiosk.services.staff import find_staff, staff_names

KIND_WORDS = {"parent_evening": N_("parent evening"), "care": N_("care meetings"),
              "information": N_("information evening")}
STATUS_WORDS = {"booked": N_("booked"), "arrived": N_("arrived"), "no_show": N_("did not come")}
UNBOOKED_WORDS = {"no_reply": N_("no reply yet"), "declined": N_("no meeting wanted"),
                  "not_booked": N_("replied, not booked")}
WHY_WORDS = {"no_session": N_("no evening planned for this staff member"),
             "unavailable": N_("no time that suits every household"),
             "full": N_("no free time left (the evening is full, or the family is busy elsewhere)")}


# -- rounds ----------------------------------------------------------------------------------------
def rounds(kiosk: Kiosk) -> list[Round]:
    """Every round of every school year, newest first."""
    found = [r for year in kiosk.store.year_starts() for r in kiosk.repos.rounds.in_year(year)]
    return sorted(found, key=lambda r: (r.first_day, r.name), reverse=True)


def find_round(kiosk: Kiosk, text: str) -> Round:
    """By its id, or by a unique part of its name."""
    wanted = text.strip()
    found = rounds(kiosk)
    exact = [r for r in found if r.id == wanted]
    if exact:
        return exact[0]
    named = [r for r in found if wanted.casefold() in r.name.casefold()] if wanted else []
    if len(named) == 1:
        return named[0]
    if not named:
        raise NotFound(_("no round {text!r}").format(text=text))
    raise KioskError(_("{text!r} fits several rounds: {names}").format(
        text=text, names=", ".join(f"{r.name} ({r.id})" for r in named)))


def default_staff(kiosk: Kiosk, kind: str) -> list[Staff]:
    """A parent evening: every class teacher; care meetings: the care staff; an information
    evening: every class teacher for their class, and the head for the school."""
    active = [s for s in kiosk.repos.staff.all() if s.active]
    if kind == "care":
        return [s for s in active if s.role == Role.CARE]
    teachers = sorted((s for s in active if s.role == Role.TEACHER and s.classes), key=lambda s: s.classes)
    return teachers + ([s for s in active if s.role == Role.HEAD][:1] if kind == "information" else [])


def information_reminder(kiosk: Kiosk, viewer: Staff) -> bool:
    """From 1 June the head is reminded while September's information evenings have no dates
    (the agreement: they are announced in June)."""
    today = kiosk.clock.now().date()
    if viewer.role != Role.HEAD or not 6 <= today.month <= 8:
        return False
    coming = kiosk.repos.rounds.in_year(today.year)  # September opens the school year starting this year
    return not any(r.kind == "information" and r.first_day.month == 9 for r in coming)


def plan_round(kiosk: Kiosk, who: str, *, name: str, kind: str, days: Iterable[dt.date], start: dt.time,
               end: dt.time, slot_minutes: int, breaks: Iterable[tuple[dt.time, dt.time]] = (),
               staff_ids: Iterable[str] = (), hours: dict[str, tuple[dt.time, dt.time]] | None = None,
               rooms: dict[str, str] | None = None, allow_quiet: bool = False) -> Round:
    """A round with one evening per staff member per day (`hours` and `rooms` per staff
    member where they differ); refused with the reason when it cannot work; a meeting in a
    quiet moment must be confirmed (`allow_quiet`)."""
    planner = kiosk.repos.staff.get(who)
    if planner and planner.role not in (Role.HEAD, Role.CARE):
        raise KioskError(_("the head or care staff plan a round"))
    name = clean_text(name, _("the round's name"), max_length=MAX_NAME, required=True)
    members = [_staff(kiosk, s) for s in staff_ids] or default_staff(kiosk, kind)
    pauses = tuple(Break(a, b) for a, b in breaks)
    own_hours = {_staff(kiosk, s).id: h for s, h in (hours or {}).items()}
    own_rooms = {_staff(kiosk, s).id: clean_text(r, _("the room"), max_length=MAX_NAME)
                 for s, r in (rooms or {}).items()}
    unplanned = (set(own_hours) | set(own_rooms)) - {m.id for m in members}
    if unplanned:
        raise KioskError(_("{name} has no evening in this round").format(name=_staff(kiosk, unplanned.pop()).name))

    def classes(member: Staff) -> tuple[str, ...]:
        """An information evening has a session per class (and the head's, for the school)."""
        return (member.classes or ("",)) if kind == "information" else ("",)

    def room(member: Staff, class_name: str) -> str:
        return own_rooms.get(member.id) or class_name or (member.classes[0] if member.classes else "")

    sessions = tuple(Session(m.id, day, *own_hours.get(m.id, (start, end)), room=room(m, c), breaks=pauses,
                             class_name=c)
                     for day in sorted(set(days)) for m in members for c in classes(m))
    round_ = Round(name, kind, sessions, slot_minutes=slot_minutes, quiet_confirmed=allow_quiet, by_staff=who,
                   created_at=kiosk.clock.now())
    rules_.check_plan(round_)
    _check_days(kiosk, round_)
    if not allow_quiet:
        for slot in sorted(s for slots in rules_.round_slots(round_).values() for s in slots):
            _check_not_quiet(kiosk, slot.day, slot.start, slot.end, allow_quiet=False)
        for session in sessions:
            _check_not_quiet(kiosk, session.day, session.start, session.end, allow_quiet=False)
    with kiosk.store.transaction():
        _check_free(kiosk, round_)
        kiosk.repos.rounds.add(round_)
        kiosk.audit(who, "round-plan", round=round_.id, kind=kind, sessions=len(sessions))
    return round_


def _check_days(kiosk: Kiosk, round_: Round) -> None:
    """Evenings to come, in one school year (its meetings are kept with that year)."""
    today = kiosk.clock.now().date()
    past = [d for d in round_.days if d < today]
    if past:
        raise KioskError(_("{day} has passed").format(day=day_label(past[0], with_year=True)))
    years = {school_year_of(d) for d in round_.days}
    if len(years) > 1:
        raise KioskError(_("a round's evenings lie in one school year: plan a round per school year"))


def _check_free(kiosk: Kiosk, round_: Round) -> None:
    """Nobody is planned for an evening while they have meetings then in another round."""
    days = set(round_.days)
    booked = [b for b in kiosk.repos.bookings.in_year(school_year_of(round_.first_day)) if b.day in days]
    names = staff_names(kiosk)
    for session in round_.sessions:
        for b in booked:
            if session.staff_id in (b.staff_id, *b.participants) and b.day == session.day \
                    and b.start < session.end and session.start < b.end:
                raise KioskError(_("{name} has meetings then ({day} {time}) in another round").format(
                    name=names.get(session.staff_id, session.staff_id), day=day_label(b.day),
                    time=f"{b.start:%H:%M}"))


def _staff(kiosk: Kiosk, text: str) -> Staff:
    return find_staff(kiosk, text)


def teacher_of(kiosk: Kiosk, pupil: Pupil) -> Staff | None:
    return next((s for s in kiosk.repos.staff.all() if s.active and pupil.class_name in s.classes), None)


# -- reply slips -----------------------------------------------------------------------------------
def replies_of(kiosk: Kiosk, round_: Round) -> list[Reply]:
    return [r for r in kiosk.repos.replies.in_year(school_year_of(round_.first_day)) if r.round_id == round_.id]


def record_reply(kiosk: Kiosk, round_: Round, pupil: Pupil, household: int, who: str, *, wants: bool = True,
                 after: dt.time | None = None, not_days: Iterable[dt.date] = (), care_wish: bool = False) -> Reply:
    """A household's reply slip; a second slip of the same household replaces the first."""
    households = {g.household for g in pupil.guardians}
    if household not in households:
        raise KioskError(_("{name} has no household {n} (households: {known})").format(
            name=pupil.full_name, n=household, known=", ".join(map(str, sorted(households))) or "–"))
    outside = [d for d in not_days if d not in round_.days]
    if outside:
        raise KioskError(_("{day} is not an evening of this round").format(day=day_label(outside[0])))
    reply = Reply(round_.id, pupil.id, household, round_.first_day, wants=wants, after=after,
                  not_days=tuple(sorted(set(not_days))), care_wish=care_wish, by_staff=who, at=kiosk.clock.now())
    with kiosk.store.transaction():
        earlier = [r for r in replies_of(kiosk, round_) if r.pupil_id == pupil.id and r.household == household]
        kiosk.repos.replies.remove(earlier)
        kiosk.repos.replies.add(reply)
        kiosk.audit(who, "reply-add", round=round_.id, pupil=pupil.id, household=household)
    return reply


def slip_words(reply: Reply) -> str:
    """A reply slip as ticked: "na 18:00, niet op di 15/12, met de zorgcoördinator"."""
    if not reply.wants:
        return _("no meeting wanted")
    parts = [_("after {time}").format(time=f"{reply.after:%H:%M}")] if reply.after else []
    parts += [_("not on {day}").format(day=day_label(day)) for day in reply.not_days]
    parts += [_("with the care coordinator")] if reply.care_wish else []
    return ", ".join(parts) or _("any time")


def slip_warning(kiosk: Kiosk, round_: Round, pupil: Pupil) -> str:
    """What the slips now say about a meeting already booked ("" when it still suits)."""
    replies = [r for r in replies_of(kiosk, round_) if r.pupil_id == pupil.id]
    booked = [b for b in bookings_of(kiosk, round_) if b.pupil_id == pupil.id]
    if not booked or not replies:
        return ""
    if not any(r.wants for r in replies):
        return _("The parents now want no meeting: cancel it on the schedule (Del).")
    available = rules_.availability(replies)
    clashing = [b for b in booked if not available.allows(Slot(b.day, b.start, b.end, b.staff_id))]
    return _("The meeting at {time} no longer suits these parents: t moves it.").format(
        time=f"{clashing[0].start:%H:%M}") if clashing else ""


# -- bookings --------------------------------------------------------------------------------------
def bookings_of(kiosk: Kiosk, round_: Round, staff_id: str | None = None) -> list[Booking]:
    found = [b for b in kiosk.repos.bookings.in_year(school_year_of(round_.first_day)) if b.round_id == round_.id
             and (staff_id is None or b.staff_id == staff_id or staff_id in b.participants)]
    return sorted(found, key=lambda b: (b.day, b.start, b.staff_id))


def _pupils(kiosk: Kiosk) -> dict[str, Pupil]:
    return {p.id: p for p in kiosk.repos.pupils.all(include_left=True)}


def _board(kiosk: Kiosk, round_: Round) -> Board:
    """Every meeting on the round's evenings, of any round: nobody is in two places at once."""
    days = set(round_.days)
    same_days = [b for b in kiosk.repos.bookings.in_year(school_year_of(round_.first_day)) if b.day in days]
    return Board.of(same_days, _pupils(kiosk))


def describe(kiosk: Kiosk, conflict: Conflict) -> str:
    """A clash in words: who is busy, and with what."""
    names = staff_names(kiosk)
    other = conflict.other
    pupil = _pupils(kiosk).get(other.pupil_id)
    when = f"{day_label(other.day)} {other.start:%H:%M}–{other.end:%H:%M}"
    about = pupil.full_name if pupil else other.pupil_id
    if conflict.kind == "staff":
        who = names.get(conflict.subject, conflict.subject)
    elif conflict.kind == "guardian":
        who = next((g.name for g in (pupil.guardians if pupil else ()) if g.family_key == conflict.subject), about)
    elif conflict.kind == "partner":
        who = conflict.subject  # the practice, by name: one practice is in one place at a time
    elif conflict.kind == "room":
        who = _("room {room}").format(room=conflict.subject)
    else:
        who = about
    return _("{who} already has a meeting then ({when}, about {pupil})").format(who=who, when=when, pupil=about)


@dataclass(frozen=True)
class Placed:
    booking: Booking
    quiet: bool


def _wanted(kiosk: Kiosk, round_: Round, pupil: Pupil, replies: list[Reply], staff_id: str | None = None,
            load: Counter[str] | None = None) -> Wanted:
    if staff_id is None:
        staff_id = _staff_for(kiosk, round_, pupil, load)
    own = [r for r in replies if r.pupil_id == pupil.id]
    care = [s.id for s in kiosk.repos.staff.all() if s.active and s.role == Role.CARE and s.id != staff_id]
    wants_care = round_.kind == "care" or any(r.care_wish for r in own)
    participants = tuple(care[:1]) if wants_care and round_.kind != "care" else ()
    return Wanted(pupil, staff_id, rules_.availability(own), participants)


def _staff_for(kiosk: Kiosk, round_: Round, pupil: Pupil, load: Counter[str] | None = None) -> str:
    """Whom the parents meet: the class teacher; in care meetings, whoever of the round's
    care staff has the fewest meetings so far (`load`: the round's meetings per staff member)."""
    if round_.kind == "care":
        if load is None:
            load = Counter(b.staff_id for b in bookings_of(kiosk, round_))
        chosen = min(dict.fromkeys(s.staff_id for s in round_.sessions), key=lambda s: load[s])
        load[chosen] += 1
        return chosen
    teacher = teacher_of(kiosk, pupil)
    if teacher is None:
        raise KioskError(_("{class_name} has no class teacher in the kiosk").format(class_name=pupil.class_name))
    return teacher.id


def wanted_states(replies: Iterable[Reply]) -> dict[str, bool]:
    """Per pupil with a slip: True when a household wants a meeting (one is enough: the other
    household is invited to the same meeting), False when every slip declines."""
    states: dict[str, bool] = {}
    for reply in replies:
        states[reply.pupil_id] = states.get(reply.pupil_id, False) or reply.wants
    return states


def book(kiosk: Kiosk, round_: Round, pupil: Pupil, who: str, *, staff_id: str | None = None,
         day: dt.date | None = None, start: dt.time | None = None, allow_quiet: bool = False) -> Booking:
    """One pupil by hand: at `start` (and `day`), or the first time that suits. Refused with
    the reason on a clash, outside the round, or when the parents said they cannot."""
    _bookable(round_)
    _may_book(kiosk, who, pupil)
    with kiosk.store.transaction():
        replies = replies_of(kiosk, round_)
        if wanted_states(replies).get(pupil.id) is False:
            raise KioskError(_("the parents of {name} said they want no meeting (a new reply slip changes "
                               "that)").format(name=pupil.full_name))
        item = _wanted(kiosk, round_, pupil, replies, staff_id)
        same = next((b for b in bookings_of(kiosk, round_, item.staff_id) if b.pupil_id == pupil.id), None)
        if same is not None:
            raise KioskError(_("{name} already has a meeting in this round ({day} {time}): move it instead").format(
                name=pupil.full_name, day=day_label(same.day), time=f"{same.start:%H:%M}"))
        board = _board(kiosk, round_)
        slot = _chosen_slot(kiosk, round_, item, board, day, start)
        booking = rules_.booking_at(round_, item, slot, who)
        _check(kiosk, round_, board, booking, item, allow_quiet)
        kiosk.repos.bookings.add(booking)
        kiosk.audit(who, "booking-add", round=round_.id, pupil=pupil.id, staff=booking.staff_id,
                    at=f"{booking.day}T{booking.start:%H:%M}")
    return booking


def _may_book(kiosk: Kiosk, who: str, pupil: Pupil) -> None:
    """A teacher books the pupils of their own classes; the head, care staff and the office
    (and the command line) any pupil."""
    member = kiosk.repos.staff.get(who)
    if member and member.role == Role.TEACHER and pupil.class_name not in member.classes:
        raise KioskError(_("{name} is not in your class: the class teacher, the head or the office books "
                           "this meeting").format(name=pupil.full_name))


def _bookable(round_: Round) -> None:
    if round_.kind == "information":
        raise KioskError(_("an information evening has no meetings to book: print its announcement"))


def _chosen_slot(kiosk: Kiosk, round_: Round, item: Wanted, board: Board, day: dt.date | None,
                 start: dt.time | None) -> Slot:
    own = rules_.round_slots(round_).get(item.staff_id, [])
    if not own:
        raise KioskError(_("{name} has no evening in this round").format(name=_staff(kiosk, item.staff_id).name))
    if day is not None and day not in {s.day for s in own}:
        raise KioskError(_("{day} is not an evening of this round").format(day=day_label(day)))
    if start is None:
        now = kiosk.clock.now()
        free = [s for s in own if (day is None or s.day == day) and dt.datetime.combine(s.day, s.start) > now
                and rules_.free_booking(board, round_, item, s)]
        if not free:
            raise KioskError(_("no free time left that suits the parents"))
        family = rules_.family_meetings(board, round_.id, [item.pupil])
        return min(free, key=lambda s: _walk_to(s, round_, item, family))  # next to a brother or sister
    days = [day] if day else sorted({s.day for s in own})
    matches = [s for d in days for s in own if s.day == d and s.start == start]
    # of the evenings with that time, the first that suits the parents and is free
    match = next((s for s in matches if rules_.free_booking(board, round_, item, s)),
                 matches[0] if matches else None)
    if match is None:
        raise KioskError(_("{time} is not a slot of this round (slots of {n} minutes from {first})").format(
            time=f"{start:%H:%M}", n=round_.slot_minutes, first=f"{own[0].start:%H:%M}"))
    return match


def _walk_to(slot: Slot, round_: Round, item: Wanted, family: list[Booking]) -> tuple[bool, bool, Slot]:
    """Slots next to a brother's or sister's meeting first, then on their evening, then in
    time order."""
    if not family:
        return (False, False, slot)
    return (not rules_.touches([rules_.booking_at(round_, item, slot)], family),
            all(b.day != slot.day for b in family), slot)


def _check(kiosk: Kiosk, round_: Round, board: Board, booking: Booking, item: Wanted, allow_quiet: bool) -> None:
    slot = Slot(booking.day, booking.start, booking.end, booking.staff_id, booking.room)
    if not item.available.allows(slot):
        raise KioskError(_("the parents said they cannot come then"))
    if dt.datetime.combine(booking.day, booking.start) <= kiosk.clock.now():
        raise KioskError(_("{day} {time} has passed").format(day=day_label(booking.day), time=f"{booking.start:%H:%M}"))
    conflict = board.conflict(booking)
    if conflict is not None:
        raise KioskError(describe(kiosk, conflict))
    if not round_.quiet_confirmed:
        _check_not_quiet(kiosk, booking.day, booking.start, booking.end, allow_quiet)


def _check_not_quiet(kiosk: Kiosk, day: dt.date, start: dt.time, end: dt.time, allow_quiet: bool) -> None:
    """Its start and its last minute: a meeting that runs past 20:00 is in a quiet moment too."""
    last = dt.datetime.combine(day, end) - dt.timedelta(minutes=1)
    for moment in (dt.datetime.combine(day, start), last):
        notes.check_planned(kiosk, moment, allow_quiet=allow_quiet)


def find_booking(kiosk: Kiosk, round_: Round, booking_id: str) -> Booking:
    found = next((b for b in bookings_of(kiosk, round_) if b.id == booking_id.strip()), None)
    if found is None:
        raise NotFound(_("no booking {id!r} in this round").format(id=booking_id))
    return found


def move(kiosk: Kiosk, round_: Round, booking: Booking, who: str, *, start: dt.time, day: dt.date | None = None,
         allow_quiet: bool = False) -> Booking:
    with kiosk.store.transaction():
        current = _changeable(kiosk, round_, booking, who)
        if current.status != "booked":
            raise KioskError(_("this meeting was already held or missed: plan a new one"))
        pupil = _pupils(kiosk)[current.pupil_id]
        item = _wanted(kiosk, round_, pupil, replies_of(kiosk, round_), current.staff_id)
        board = _board(kiosk, round_)
        slot = _chosen_slot(kiosk, round_, item, board, day or current.day, start)
        changed = rules_.moved(current, slot)
        _check(kiosk, round_, board, changed, item, allow_quiet)
        kiosk.repos.bookings.replace(current, changed)
        kiosk.audit(who, "booking-move", round=round_.id, pupil=pupil.id, at=f"{changed.day}T{changed.start:%H:%M}")
    return changed


def _changeable(kiosk: Kiosk, round_: Round, booking: Booking, who: str) -> Booking:
    """The meeting as stored, if this staff member may change it and its outcome is not noted."""
    current = find_booking(kiosk, round_, booking.id)
    pupil = _pupils(kiosk).get(current.pupil_id)
    if pupil is not None:
        _may_book(kiosk, who, pupil)
    if current.outcome_note:
        raise KioskError(_("this meeting took place: its outcome is noted"))
    return current


def cancel(kiosk: Kiosk, round_: Round, booking: Booking, who: str) -> Booking:
    """Returns the meeting cancelled."""
    with kiosk.store.transaction():
        current = _changeable(kiosk, round_, booking, who)
        kiosk.repos.bookings.remove([current])
        kiosk.audit(who, "booking-cancel", round=round_.id, pupil=current.pupil_id,
                    at=f"{current.day}T{current.start:%H:%M}")
    return current


def mark(kiosk: Kiosk, round_: Round, booking: Booking, status: str, who: str) -> Booking:
    """On the evening: arrived or did not come (or back to booked)."""
    if status not in STATUS_WORDS:
        raise KioskError(_("a meeting is booked, arrived or no_show"))
    with kiosk.store.transaction():
        current = _changeable(kiosk, round_, booking, who)
        if status != "booked" and kiosk.clock.now().date() < current.day:
            raise KioskError(_("the evening of {day} has not come yet").format(day=day_label(current.day)))
        changed = replace(current, status=status)
        kiosk.repos.bookings.replace(current, changed)
        kiosk.audit(who, "booking-mark", round=round_.id, pupil=current.pupil_id, status=status)
    return changed


# -- filling a class or the school -------------------------------------------------------------------
def fill_round(kiosk: Kiosk, round_: Round, who: str, *, class_name: str | None = None,
               classes: Sequence[str] = (), dry_run: bool = False) -> Filled:
    """Every pupil whose parents replied and who has no meeting yet, families back to back;
    saved in one transaction unless `dry_run` (then nothing changes)."""
    _bookable(round_)
    member = kiosk.repos.staff.get(who)
    chosen = [*classes, *([class_name] if class_name else [])]
    if member and member.role == Role.TEACHER and (not chosen or not set(chosen) <= set(member.classes)):
        raise KioskError(_("a teacher fills their own class; the head fills the school"))
    with kiosk.store.transaction():
        replies = replies_of(kiosk, round_)
        asked = {pupil_id for pupil_id, wants in wanted_states(replies).items() if wants}
        booked = {b.pupil_id for b in bookings_of(kiosk, round_)}
        everyone = [p for name in chosen for p in _class_pupils(kiosk, name)] if chosen else _class_pupils(kiosk, None)
        pupils = [p for p in everyone if p.id in asked - booked]
        load = Counter(b.staff_id for b in bookings_of(kiosk, round_))
        wanted = [_wanted(kiosk, round_, p, replies, load=load) if round_.kind == "care" or teacher_of(kiosk, p)
                  else Wanted(p, "") for p in pupils]  # no class teacher: reported, not skipped
        now = kiosk.clock.now()

        def usable(slot: Slot) -> bool:
            start, end = dt.datetime.combine(slot.day, slot.start), dt.datetime.combine(slot.day, slot.end)
            return start > now and (round_.quiet_confirmed or not (
                notes.is_quiet(kiosk, start) or notes.is_quiet(kiosk, end - dt.timedelta(minutes=1))))

        filled = rules_.fill(round_, wanted, _board(kiosk, round_), by=who, usable=usable)
        if not dry_run and filled.placed:
            kiosk.repos.bookings.add_many(filled.placed)
            kiosk.audit(who, "round-fill", round=round_.id, placed=len(filled.placed),
                        unplaced=len(filled.unplaced), classes=",".join(chosen))
    return filled


def _class_pupils(kiosk: Kiosk, class_name: str | None) -> list[Pupil]:
    return list_pupils(kiosk, known_class(kiosk, class_name) if class_name else None)


@dataclass(frozen=True)
class Unbooked:
    pupil: Pupil
    state: str
    """no_reply, declined or not_booked."""


def unbooked(kiosk: Kiosk, round_: Round, class_name: str | None = None) -> list[Unbooked]:
    """Per class, who has no meeting yet: not replied (ask at the gate), declined, or not placed."""
    booked = {b.pupil_id for b in bookings_of(kiosk, round_)}
    replied = wanted_states(replies_of(kiosk, round_))
    found = []
    for pupil in _class_pupils(kiosk, class_name):
        if pupil.id in booked:
            continue
        state = "no_reply" if pupil.id not in replied else ("not_booked" if replied[pupil.id] else "declined")
        found.append(Unbooked(pupil, state))
    return found



# -- calendar files ----------------------------------------------------------------------------------
def household_bookings(kiosk: Kiosk, round_: Round, pupil: Pupil, household: int) -> list[Booking]:
    """One household's meetings: of the children who have a guardian in it (a half-brother
    who lives with the other parent is not this household's business)."""
    keys = {g.family_key for g in pupil.guardians if g.household == household}
    pupils = _pupils(kiosk)
    return [b for b in bookings_of(kiosk, round_) if b.pupil_id in pupils
            and keys & {g.family_key for g in pupils[b.pupil_id].guardians}]


def _event(kiosk: Kiosk, round_: Round, booking: Booking, names: dict[str, Staff],
           household: set[str] | None = None) -> ics.Meeting:
    """`household`: the family keys of the guardians to invite (a household's own calendar)."""
    pupil = _pupils(kiosk)[booking.pupil_id]
    member = names.get(booking.staff_id)
    summary = _("{round}: {pupil} ({class_name}) with {staff}").format(
        round=round_.name, pupil=pupil.full_name, class_name=pupil.class_name,
        staff=member.name if member else booking.staff_id)
    attendees = tuple((g.name, g.email) for g in pupil.guardians
                      if g.email and (household is None or g.family_key in household))
    organizer = (member.name, member.email) if member and member.email else None
    location = _("room {room}").format(room=booking.room) if booking.room else ""
    return ics.Meeting(booking.id, booking.day, booking.start, booking.end, summary, location, attendees, organizer)


def write_ics(kiosk: Kiosk, round_: Round, out: Path, who: str, *, staff_id: str | None = None,
              pupil: Pupil | None = None, household: int = 1) -> tuple[Path, int]:
    """A teacher's or a household's meetings as a new .ics file; audited once written."""
    if (staff_id is None) == (pupil is None):
        raise KioskError(_("choose a staff member or a pupil"))
    if pupil and household not in {g.household for g in pupil.guardians}:
        raise KioskError(_("{name} has no household {n} (households: {known})").format(
            name=pupil.full_name, n=household, known=", ".join(str(g.household) for g in pupil.guardians)))
    found = household_bookings(kiosk, round_, pupil, household) if pupil else bookings_of(kiosk, round_, staff_id)
    names = {s.id: s for s in kiosk.repos.staff.all()}
    keys = {g.family_key for g in pupil.guardians if g.household == household} if pupil else None
    payload = ics.calendar([_event(kiosk, round_, b, names, keys) for b in found], kiosk.clock.now())
    return write_audited(kiosk, out, payload, who, "export", what="ics", format="ics", count=len(found)), len(found)


# -- care meetings: who takes part, the agenda, the outcome --------------------------------------------
def set_participants(kiosk: Kiosk, round_: Round, booking: Booking, who: str, *,
                     staff_ids: Iterable[str] | None = None, partner_ids: Iterable[str] | None = None,
                     agenda: str | None = None) -> Booking:
    """Staff and the pupil's external care partners who take part, and an agenda line (what is
    not given stays as it was); each must be free then. A partner is known by their practice's
    name, so one practice is never in two meetings at once."""
    with kiosk.store.transaction():
        current = find_booking(kiosk, round_, booking.id)
        changed = current
        if staff_ids is not None:
            found = [_staff(kiosk, s).id for s in staff_ids]
            changed = replace(changed, participants=tuple(dict.fromkeys(s for s in found if s != current.staff_id)))
        if partner_ids is not None:
            own = {p.id: p for p in notes.partners_of(kiosk, current.pupil_id)}
            unknown = [p for p in partner_ids if p not in own]
            if unknown:
                raise KioskError(_("{id!r} is not a care partner of this pupil").format(id=unknown[0]))
            changed = replace(changed, partners=tuple(dict.fromkeys(own[p].who for p in partner_ids)))
        if agenda is not None:
            changed = replace(changed, agenda=clean_text(agenda, _("the agenda"), max_length=MAX_SHORT))
        members = changed.participants
        conflict = _board(kiosk, round_).conflict(changed)
        if conflict is not None:
            raise KioskError(describe(kiosk, conflict))
        kiosk.repos.bookings.replace(current, changed)
        kiosk.audit(who, "booking-participants", round=round_.id, pupil=current.pupil_id,
                    staff=",".join(members), partners=len(changed.partners))
    return changed


@dataclass(frozen=True)
class ActionPoint:
    owner: str
    what: str
    due: dt.datetime | None = None
    """None: by the 48-hour rule from the meeting."""


def read_action(kiosk: Kiosk, text: str) -> ActionPoint:
    """An action point as typed: "Bram Lindeveld: verslag logopedie opvragen @ 15/1"."""
    owner, sep, rest = text.partition(":")
    what, at, day = rest.partition("@")
    if not sep or not what.strip():
        raise KioskError(_("an action point is written 'OWNER: what [@ YYYY-MM-DD]', not {text!r}").format(text=text))
    today = kiosk.clock.now().date()
    due = dt.datetime.combine(read_day(day, today), dt.time(16, 0)) if at else None
    return ActionPoint(find_staff(kiosk, owner).id, what.strip(), due)


def record_outcome(kiosk: Kiosk, round_: Round, booking: Booking, who: str, outcome: str,
                   actions: Iterable[ActionPoint] = (), *, allow_quiet: bool = False) -> tuple[Note, list[FollowUp]]:
    """After the meeting: the outcome as a conversation note (care level for care meetings)
    and each action point as a follow-up with its owner and due time, all or nothing."""
    with kiosk.store.transaction():
        current = find_booking(kiosk, round_, booking.id)
        if current.outcome_note:
            raise KioskError(_("the outcome of this meeting was noted already"))
        if current.status == "no_show":
            raise KioskError(_("the parents did not come to this meeting: plan a new one"))
        pupil = _pupils(kiosk)[current.pupil_id]
        at = dt.datetime.combine(current.day, current.start)
        if at > kiosk.clock.now():
            raise KioskError(_("the meeting has not taken place yet"))
        noted = notes.add_note(kiosk, [pupil], outcome, who, at=at, where="appointment",
                               level="care" if round_.kind == "care" else "class",
                               guardians=[g.name for g in pupil.guardians])
        since = max(at, kiosk.clock.now().replace(second=0, microsecond=0))  # the 48 hours start when noted
        follow_ups = [notes.add_action_point(kiosk, noted.note, a.owner, a.what,
                                             a.due or notes.default_due(kiosk, since), who, allow_quiet=allow_quiet)
                      for a in actions]
        kiosk.repos.bookings.replace(current, replace(current, outcome_note=noted.note.id))
    return noted.note, follow_ups


# -- paper ------------------------------------------------------------------------------------------
def _household_letters(kiosk: Kiosk, round_: Round, pupil: Pupil) -> list[pdf.Letter]:
    """One letter per household of the pupil (separated parents each get one, naming the
    same joint meeting), in the household's language where the kiosk has it."""
    letters = []
    for household in sorted({g.household for g in pupil.guardians}):
        guardians = [g for g in pupil.guardians if g.household == household]
        with i18n.speaking(guardians[0].language):
            letters.append(_letter(kiosk, round_, pupil, household, ", ".join(g.name for g in guardians)))
    return letters


def _letter(kiosk: Kiosk, round_: Round, pupil: Pupil, household: int, to: str) -> pdf.Letter:
    """The household's meetings booked so far (its children only), and for the pupil without
    one yet the invitation with its reply slip; an information evening's announcement."""
    if round_.kind == "information":
        return pdf.Letter(to, round_.name, _announcement(kiosk, round_, pupil))
    names, pupils = staff_names(kiosk), _pupils(kiosk)
    booked = household_bookings(kiosk, round_, pupil, household)
    lines = [_("Dear parents,")]
    lines += [_("Your conversation about {pupil}: {day}, {start}–{end}, with {staff}, room {room}.").format(
        pupil=pupils[b.pupil_id].first_name, day=day_label(b.day), start=f"{b.start:%H:%M}", end=f"{b.end:%H:%M}",
        staff=names.get(b.staff_id, ""), room=b.room or "–") for b in booked]
    invited = not any(b.pupil_id == pupil.id for b in booked)
    if invited:
        teacher = teacher_of(kiosk, pupil)
        sessions = [s for s in round_.sessions if teacher and s.staff_id == teacher.id]
        hours = ", ".join(f"{day_label(s.day)} {s.start:%H:%M}–{s.end:%H:%M}" for s in sessions) or \
            ", ".join(day_label(d) for d in round_.days)
        lines.append(_("We invite you to the {kind} about {pupil}: {hours}. A conversation lasts {n} minutes.")
                     .format(kind=_(KIND_WORDS[round_.kind]), pupil=pupil.first_name, hours=hours,
                             n=round_.slot_minutes))
    lines.append(_("Both parents are invited together, also when they live apart: one conversation, so that "
                   "everyone hears the same thing at the same time."))
    if not invited:
        lines.append(_("Can you not come after all? Please let the class teacher know in time."))
        return pdf.Letter(to, round_.name, tuple(lines))
    lines.append(_("Please tick the slip below and return it to the class teacher."))
    slip_title = _("Reply slip: {pupil} ({class_name})").format(pupil=pupil.full_name, class_name=pupil.class_name)
    slip = (_("We would like a conversation."), _("We can come after ____ (time)."),
            *(_("We cannot come on {day}.").format(day=day_label(d)) for d in round_.days),
            _("We would also like to talk to the care coordinator."), _("We do not need a conversation."))
    return pdf.Letter(to, round_.name, tuple(lines), slip_title, slip)


def _announcement(kiosk: Kiosk, round_: Round, pupil: Pupil) -> tuple[str, ...]:
    """The information evening of the pupil's class, and the head's about the school."""
    names = staff_names(kiosk)

    def when(session: Session) -> str:
        return f"{day_label(session.day)} {session.start:%H:%M}–{session.end:%H:%M}"

    lines = [_("Dear parents,")]
    lines += [_("{teacher} explains the school year of class {class_name}: {when}, room {room}.").format(
        teacher=names.get(s.staff_id, ""), class_name=s.class_name, when=when(s), room=s.room or "–")
        for s in round_.sessions if s.class_name == pupil.class_name]
    lines += [_("{head} explains the school: {when}.").format(head=names.get(s.staff_id, ""), when=when(s))
              for s in round_.sessions if not s.class_name]
    return (*lines, _("We hope to see you there."))


def write_pdf(kiosk: Kiosk, round_: Round, out: Path, who: str, *, staff_id: str | None = None,
              pupil: Pupil | None = None, class_name: str | None = None) -> tuple[Path, int]:
    """A teacher's schedule, or the letters of a household or a class (one page per
    household), as a new PDF; never a phone number, nothing about another family."""
    if sum(x is not None for x in (staff_id, pupil, class_name)) != 1:
        raise KioskError(_("choose a staff member, a pupil or a class"))
    school = kiosk.config.school.name
    if staff_id is not None:
        member = _staff(kiosk, staff_id)
        pupils = _pupils(kiosk)
        rows = [[day_label(b.day), f"{b.start:%H:%M}–{b.end:%H:%M}", pupils[b.pupil_id].full_name,
                 pupils[b.pupil_id].class_name, ", ".join(g.name for g in pupils[b.pupil_id].guardians), b.room]
                for b in bookings_of(kiosk, round_, member.id)]
        payload = pdf.schedule(school, f"{round_.name}: {member.name}",
                               [_("Day"), _("Time"), _("Pupil"), _("Class"), _("Parents"), _("Room")], rows,
                               widths=(1.3, 1.8, 3, 1, 4, 1.1))
        count = len(rows)
    else:
        chosen = [pupil] if pupil else _class_pupils(kiosk, class_name)
        pages = [letter for p in chosen for letter in _household_letters(kiosk, round_, p)]
        payload, count = pdf.letters(school, pages), len(pages)
    return write_audited(kiosk, out, payload, who, "export", what="pdf", format="pdf", count=count), count
