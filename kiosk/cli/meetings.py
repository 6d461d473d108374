"""`kiosk meetings …`: plan a round, enter reply slips, book, fill, list, who is unbooked."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from kiosk.cli.common import UsageError, acting, emit, out_file, positive, say, today, who
from kiosk.domain.meetings import KINDS, read_slip
from kiosk.domain.models import Booking, Pupil, Round
from kiosk.errors import KioskError
from kiosk.i18n import N_, _, ngettext
from kiosk.output import export
from kiosk.output.export import Cell, Column
from kiosk.services import absences, entry, meetings, notes, staff
from kiosk.services.context import Kiosk
from kiosk.services.meetings import KIND_WORDS, STATUS_WORDS, UNBOOKED_WORDS, WHY_WORDS

ROUND_COLUMNS = [
    Column("id", N_("round"), is_id=True), Column("name", N_("name")), Column("kind", N_("kind"), words=KIND_WORDS),
    Column("days", N_("evenings")), Column("staff", N_("staff")), Column("slot_minutes", N_("minutes per slot")),
    Column("replies", N_("reply slips")), Column("bookings", N_("meetings")),
]
BOOKING_COLUMNS = [
    Column("id", N_("meeting"), is_id=True), Column("day", N_("day")), Column("start", N_("from")),
    Column("end", N_("to")), Column("staff", N_("with")), Column("room", N_("room")),
    Column("pupil_id", N_("pupil id"), is_id=True), Column("pupil", N_("pupil")), Column("class", N_("class")),
    Column("guardians", N_("guardians")), Column("also", N_("also there")),
    Column("status", N_("state"), words=STATUS_WORDS),
]
UNBOOKED_COLUMNS = [
    Column("pupil_id", N_("pupil id"), is_id=True), Column("pupil", N_("pupil")), Column("class", N_("class")),
    Column("state", N_("state"), words=UNBOOKED_WORDS),
]


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("meetings", help=_("parent evenings and care meetings"))
    msub = p.add_subparsers(dest="what", required=True)
    r = msub.add_parser("rounds", help=_("the rounds, one line each, its id first"))
    r.add_argument("--format", choices=("table", "csv", "json"), default="table")
    r.set_defaults(run=cmd_rounds)

    r = msub.add_parser("plan", help=_("plan a round: one evening per staff member per date"))
    r.add_argument("--name", required=True)
    r.add_argument("--kind", choices=KINDS, default="parent_evening")
    r.add_argument("--date", action="append", required=True, help=_("an evening of the round (repeatable)"))
    r.add_argument("--from", dest="start", required=True, help=_("start, HH:MM"))
    r.add_argument("--to", dest="end", required=True, help=_("end, HH:MM"))
    r.add_argument("--slot", type=positive, default=10, help=_("minutes per meeting (default 10)"))
    r.add_argument("--break", dest="breaks", action="append", default=[], help=_("a break, HH:MM-HH:MM (repeatable)"))
    r.add_argument("--staff", action="append", default=[],
                   help=_("a staff member (repeatable; default: every class teacher, or the care staff)"))
    r.add_argument("--hours", action="append", default=[],
                   help=_("one staff member's own hours, NAME=HH:MM-HH:MM (repeatable)"))
    r.add_argument("--room", action="append", default=[], help=_("one staff member's room, NAME=ROOM (repeatable)"))
    r.add_argument("--allow-quiet", action="store_true", help=_("meetings in a quiet moment (from 20:00) anyway"))
    r.add_argument("--by")
    r.set_defaults(run=cmd_plan)

    r = _pupil_parser(msub, "reply", _("enter a household's reply slip"))
    r.add_argument("--household", type=positive, default=1)
    choice = r.add_mutually_exclusive_group(required=True)
    choice.add_argument("--available", help=_("e.g. 'na 18:00, niet dinsdag, zorg', or 'altijd'"))
    choice.add_argument("--declines", action="store_true", help=_("the household wants no meeting"))
    r.add_argument("--by")
    r.set_defaults(run=cmd_reply)

    r = _pupil_parser(msub, "book", _("book one pupil (the first time that suits, or --slot)"))
    r.add_argument("--slot", help=_("start, HH:MM"))
    r.add_argument("--date", help=_("the evening (when the round has several)"))
    r.add_argument("--teacher", help=_("another staff member than the class teacher"))
    r.add_argument("--allow-quiet", action="store_true")
    r.add_argument("--by")
    r.set_defaults(run=cmd_book)

    r = _round_parser(msub, "fill", _("book every pupil whose parents replied, families back to back"))
    r.add_argument("--class", dest="class_name")
    r.add_argument("--dry-run", action="store_true", help=_("show what would be booked; change nothing"))
    r.add_argument("--by")
    r.set_defaults(run=cmd_fill)

    r = _round_parser(msub, "list", _("the meetings of a round"))
    r.add_argument("--teacher")
    r.add_argument("--format", choices=("table", "csv", "json"), default="table")
    r.set_defaults(run=cmd_list)

    r = _round_parser(msub, "unbooked", _("who has no meeting yet, and why"))
    r.add_argument("--class", dest="class_name")
    r.add_argument("--format", choices=("table", "csv", "json"), default="table")
    r.set_defaults(run=cmd_unbooked)

    r = _round_parser(msub, "ics", _("a teacher's or a household's meetings as a calendar file"))
    whose = r.add_mutually_exclusive_group(required=True)
    whose.add_argument("--teacher")
    whose.add_argument("--pupil", help=_("a household of the pupil: the meetings of its children"))
    r.add_argument("--household", type=positive, default=1, help=_("which of the pupil's households (default 1)"))
    r.add_argument("--out", type=out_file, required=True, help=_("a new .ics file"))
    r.set_defaults(run=cmd_ics)

    r = _meeting_parser(msub, "care", _("who takes part in a care meeting, and its agenda"))
    r.add_argument("--with", dest="staff", action="append", default=[], help=_("a staff member (repeatable)"))
    r.add_argument("--partner", action="append", default=[],
                   help=_("an external care partner of the pupil, by name (repeatable)"))
    r.add_argument("--agenda")
    r.set_defaults(run=cmd_care)

    r = _meeting_parser(msub, "outcome", _("after a meeting: the outcome and the action points (they become "
                                           "follow-ups)"))
    r.add_argument("--text", required=True)
    r.add_argument("--action", action="append", default=[],
                   help=_("'OWNER: what [@ YYYY-MM-DD]' (repeatable); without a date, by the 48-hour rule"))
    r.add_argument("--allow-quiet", action="store_true")
    r.set_defaults(run=cmd_outcome)

    r = _round_parser(msub, "print", _("a teacher's schedule, or the letters of a household or a class, as PDF"))
    whose = r.add_mutually_exclusive_group(required=True)
    whose.add_argument("--teacher")
    whose.add_argument("--pupil", help=_("the pupil's household: a letter for each household"))
    whose.add_argument("--class", dest="class_name", help=_("a letter for each household of the class"))
    r.add_argument("--out", type=out_file, required=True, help=_("a new .pdf file"))
    r.set_defaults(run=cmd_print)

    for name, help_text in (("cancel", _("cancel a meeting")), ("move", _("move a meeting to another slot")),
                            ("mark", _("on the evening: arrived or did not come"))):
        r = _meeting_parser(msub, name, help_text)
        if name == "move":
            r.add_argument("--slot", required=True)
            r.add_argument("--date")
            r.add_argument("--allow-quiet", action="store_true")
        if name == "mark":
            r.add_argument("--status", choices=tuple(STATUS_WORDS), required=True)
        r.set_defaults(run=CHANGES[name])


def _round_parser(msub: Any, name: str, help_text: str) -> argparse.ArgumentParser:
    """A command about a round, named by its id or a unique part of its name."""
    parser: argparse.ArgumentParser = msub.add_parser(name, help=help_text)
    parser.add_argument("--round", required=True, help=_("the round's id or a unique part of its name"))
    return parser


def _meeting_parser(msub: Any, name: str, help_text: str) -> argparse.ArgumentParser:
    """A command about one meeting of a round."""
    parser = _round_parser(msub, name, help_text)
    parser.add_argument("meeting", help=_("the meeting's id (kiosk meetings list)"))
    parser.add_argument("--by")
    return parser


def _pupil_parser(msub: Any, name: str, help_text: str) -> argparse.ArgumentParser:
    """A command about one pupil in a round."""
    parser = _round_parser(msub, name, help_text)
    parser.add_argument("--pupil", required=True, help=_("pupil id, or name and/or class"))
    return parser


def _time(text: str) -> dt.time:
    return entry.read_time(text)


# -- commands ---------------------------------------------------------------------------------------
def cmd_rounds(kiosk: Kiosk, args: argparse.Namespace) -> int:
    rows = [_round_row(kiosk, round_) for round_ in meetings.rounds(kiosk)]
    return emit(kiosk, args.format, "rounds", ROUND_COLUMNS, rows)


def cmd_plan(kiosk: Kiosk, args: argparse.Namespace) -> int:
    days = [entry.read_day(text, today(kiosk)) for text in args.date]
    breaks = [_break(text) for text in args.breaks]
    hours = {name: _break(span) for name, span in (_pair(text) for text in args.hours)}
    rooms = dict(_pair(text) for text in args.room)
    round_ = meetings.plan_round(kiosk, acting(kiosk, args.by), name=args.name, kind=args.kind, days=days,
                                 start=_time(args.start), end=_time(args.end), slot_minutes=args.slot,
                                 breaks=breaks, staff_ids=args.staff, hours=hours, rooms=rooms,
                                 allow_quiet=args.allow_quiet)
    say(export.plain_table(ROUND_COLUMNS, [_round_row(kiosk, round_)]))
    return 0


def _pair(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name.strip() or not value.strip():
        raise UsageError(_("write NAME=VALUE, not {text!r}").format(text=text))
    return name.strip(), value.strip()


def _break(text: str) -> tuple[dt.time, dt.time]:
    start, sep, end = text.partition("-")
    if not sep:
        raise UsageError(_("a break is written HH:MM-HH:MM, not {text!r}").format(text=text))
    return _time(start), _time(end)


def _round_row(kiosk: Kiosk, round_: Round) -> list[Cell]:
    return [round_.id, round_.name, round_.kind, ", ".join(d.isoformat() for d in round_.days),
            len({s.staff_id for s in round_.sessions}), round_.slot_minutes,
            len(meetings.replies_of(kiosk, round_)), len(meetings.bookings_of(kiosk, round_))]


def cmd_reply(kiosk: Kiosk, args: argparse.Namespace) -> int:
    round_ = meetings.find_round(kiosk, args.round)
    pupil = absences.find_pupil(kiosk, args.pupil)
    slip = read_slip(args.available or "", round_.days, evening=round_.evening)
    reply = meetings.record_reply(kiosk, round_, pupil, args.household, acting(kiosk, args.by),
                                  wants=not args.declines, after=slip.after, not_days=slip.not_days,
                                  care_wish=slip.care_wish)
    say(_("{name}, household {n}: {available}").format(name=pupil.full_name, n=reply.household,
                                                       available=meetings.slip_words(reply)))
    return 0


def cmd_book(kiosk: Kiosk, args: argparse.Namespace) -> int:
    round_ = meetings.find_round(kiosk, args.round)
    pupil = absences.find_pupil(kiosk, args.pupil)
    teacher = staff.find_staff(kiosk, args.teacher).id if args.teacher else None
    day = entry.read_day(args.date, today(kiosk)) if args.date is not None else None
    booking = meetings.book(kiosk, round_, pupil, acting(kiosk, args.by), staff_id=teacher, day=day,
                            start=_time(args.slot) if args.slot is not None else None, allow_quiet=args.allow_quiet)
    say(export.plain_table(BOOKING_COLUMNS, [_booking_row(kiosk, booking)]))
    return 0


def cmd_fill(kiosk: Kiosk, args: argparse.Namespace) -> int:
    round_ = meetings.find_round(kiosk, args.round)
    filled = meetings.fill_round(kiosk, round_, acting(kiosk, args.by), class_name=args.class_name,
                                 dry_run=args.dry_run)
    say(export.plain_table(BOOKING_COLUMNS, [_booking_row(kiosk, b) for b in sorted(
        filled.placed, key=lambda b: (b.day, b.start, b.staff_id))]))
    for item, why in filled.unplaced:
        say(_("not placed: {name} ({class_name}): {why}").format(
            name=item.pupil.full_name, class_name=item.pupil.class_name, why=_(WHY_WORDS[why])))
    for pupil in filled.apart:
        say(_("placed, but not back to back with a brother or sister: {name}").format(name=pupil.full_name))
    placed = len(filled.placed)
    say((ngettext("dry run: {n} meeting would be booked; nothing changed",
                  "dry run: {n} meetings would be booked; nothing changed", placed) if args.dry_run
         else ngettext("{n} meeting booked", "{n} meetings booked", placed)).format(n=placed))
    return 0


def cmd_list(kiosk: Kiosk, args: argparse.Namespace) -> int:
    round_ = meetings.find_round(kiosk, args.round)
    teacher = staff.find_staff(kiosk, args.teacher).id if args.teacher else None
    rows = [_booking_row(kiosk, b) for b in meetings.bookings_of(kiosk, round_, teacher)]
    return emit(kiosk, args.format, "meetings", BOOKING_COLUMNS, rows)


def cmd_unbooked(kiosk: Kiosk, args: argparse.Namespace) -> int:
    round_ = meetings.find_round(kiosk, args.round)
    rows: list[list[Cell]] = [[u.pupil.id, u.pupil.full_name, u.pupil.class_name, u.state]
                              for u in meetings.unbooked(kiosk, round_, args.class_name)]
    return emit(kiosk, args.format, "unbooked", UNBOOKED_COLUMNS, rows)


def _whose(kiosk: Kiosk, args: argparse.Namespace) -> tuple[Round, str | None, Pupil | None]:
    """The round, and the teacher or pupil a calendar or letter is for (when given)."""
    round_ = meetings.find_round(kiosk, args.round)
    teacher = staff.find_staff(kiosk, args.teacher).id if args.teacher else None
    pupil = absences.find_pupil(kiosk, args.pupil) if args.pupil else None
    return round_, teacher, pupil


def cmd_ics(kiosk: Kiosk, args: argparse.Namespace) -> int:
    round_, teacher, pupil = _whose(kiosk, args)
    path, count = meetings.write_ics(kiosk, round_, args.out, who(), staff_id=teacher, pupil=pupil,
                                     household=args.household)
    say(ngettext("{n} meeting written to {path}", "{n} meetings written to {path}", count).format(n=count, path=path))
    return 0


def cmd_print(kiosk: Kiosk, args: argparse.Namespace) -> int:
    round_, teacher, pupil = _whose(kiosk, args)
    path, count = meetings.write_pdf(kiosk, round_, args.out, who(), staff_id=teacher, pupil=pupil,
                                     class_name=args.class_name)
    say(_("{path}: {n} written").format(path=path, n=count))
    return 0


def _booking_row(kiosk: Kiosk, booking: Booking) -> list[Cell]:
    """Names, never contact details: a schedule is read at a door."""
    names = staff.staff_names(kiosk)
    pupil: Pupil | None = kiosk.repos.pupils.get(booking.pupil_id)
    guardians = ", ".join(g.name for g in pupil.guardians) if pupil else ""
    also = ", ".join([*(names.get(s, s) for s in booking.participants), *booking.partners])
    return [booking.id, booking.day.isoformat(), f"{booking.start:%H:%M}", f"{booking.end:%H:%M}",
            names.get(booking.staff_id, booking.staff_id), booking.room, booking.pupil_id,
            pupil.full_name if pupil else "", pupil.class_name if pupil else "", guardians, also, booking.status]


def _meeting(kiosk: Kiosk, args: argparse.Namespace) -> tuple[Round, Booking]:
    round_ = meetings.find_round(kiosk, args.round)
    return round_, meetings.find_booking(kiosk, round_, args.meeting)


def cmd_cancel(kiosk: Kiosk, args: argparse.Namespace) -> int:
    round_, booking = _meeting(kiosk, args)
    meetings.cancel(kiosk, round_, booking, acting(kiosk, args.by))
    say(_("cancelled: {pupil} with {staff}, {day} {time}").format(
        pupil=booking.pupil_id, staff=staff.staff_names(kiosk).get(booking.staff_id, booking.staff_id),
        day=booking.day.isoformat(), time=f"{booking.start:%H:%M}"))
    return 0


def cmd_move(kiosk: Kiosk, args: argparse.Namespace) -> int:
    round_, booking = _meeting(kiosk, args)
    day = entry.read_day(args.date, today(kiosk)) if args.date is not None else None
    moved = meetings.move(kiosk, round_, booking, acting(kiosk, args.by), start=_time(args.slot), day=day,
                          allow_quiet=args.allow_quiet)
    say(export.plain_table(BOOKING_COLUMNS, [_booking_row(kiosk, moved)]))
    return 0


def cmd_mark(kiosk: Kiosk, args: argparse.Namespace) -> int:
    round_, booking = _meeting(kiosk, args)
    marked = meetings.mark(kiosk, round_, booking, args.status, acting(kiosk, args.by))
    say(export.plain_table(BOOKING_COLUMNS, [_booking_row(kiosk, marked)]))
    return 0


def cmd_care(kiosk: Kiosk, args: argparse.Namespace) -> int:
    round_, booking = _meeting(kiosk, args)
    partners = notes.partners_of(kiosk, booking.pupil_id)
    ids = []
    for name in args.partner:
        found = [p for p in partners if name.casefold() in p.who.casefold()]
        if len(found) != 1:
            raise KioskError(_("{name!r} is not one care partner of this pupil (partners: {known})").format(
                name=name, known=", ".join(p.who for p in partners) or "–"))
        ids.append(found[0].id)
    changed = meetings.set_participants(kiosk, round_, booking, acting(kiosk, args.by), staff_ids=args.staff or None,
                                        partner_ids=ids or None, agenda=args.agenda)
    say(export.plain_table(BOOKING_COLUMNS, [_booking_row(kiosk, changed)]))
    return 0


def cmd_outcome(kiosk: Kiosk, args: argparse.Namespace) -> int:
    round_, booking = _meeting(kiosk, args)
    actions = [meetings.read_action(kiosk, text) for text in args.action]
    note, follow_ups = meetings.record_outcome(kiosk, round_, booking, acting(kiosk, args.by), args.text, actions,
                                               allow_quiet=args.allow_quiet)
    names = staff.staff_names(kiosk)
    say(_("outcome noted ({id})").format(id=note.id))
    for follow_up in follow_ups:
        say(_("follow-up {id}: {owner}: {what}, by {due}").format(
            id=follow_up.id, owner=names.get(follow_up.owner, follow_up.owner), what=follow_up.what,
            due=f"{follow_up.due:%Y-%m-%d %H:%M}"))
    return 0


CHANGES = {"cancel": cmd_cancel, "move": cmd_move, "mark": cmd_mark}
