"""`kiosk absences …` and `kiosk late …`: for scripts, tests and the office."""

from __future__ import annotations

import argparse
from typing import Any

from kiosk.cli.common import UsageError, acting, day_argument, emit, period, period_arguments, say, today, warn
from kiosk.domain.models import Absence, LateArrival, Pupil
from kiosk.i18n import N_, _
from kiosk.output import export
from kiosk.output.export import Cell, Column
from kiosk.services import absences, entry
from kiosk.services.context import Kiosk
from kiosk.services.labels import CHANNELS, PARTS
from kiosk.services.messages import warning_text
from kiosk.services.pupils import known_class, list_pupils

ABSENCE_COLUMNS = [
    Column("id", N_("entry"), is_id=True), Column("pupil_id", N_("pupil id"), is_id=True),
    Column("first_name", N_("first name")),
    Column("last_name", N_("last name")),
    Column("class", N_("class")),
    Column("from", N_("from")),
    Column("to", N_("to")),
    Column("part", N_("part"), words=PARTS),
    Column("code", N_("code")),
    Column("justified", N_("justified")),
    Column("reported_via", N_("reported via"), words=CHANNELS),
    Column("note", N_("note")),
    Column("by", N_("by")),
]
LATE_COLUMNS = [
    Column("id", N_("entry"), is_id=True), Column("pupil_id", N_("pupil id"), is_id=True),
    Column("first_name", N_("first name")),
    Column("last_name", N_("last name")),
    Column("class", N_("class")),
    Column("date", N_("date")),
    Column("time", N_("time")),
    Column("announced", N_("announced")),
    Column("reason", N_("reason")),
    Column("by", N_("by")),
]


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("absences", help=_("absences"))
    asub = p.add_subparsers(dest="what", required=True)
    r = asub.add_parser("add", help=_("log an absence"))
    r.add_argument("--pupil", required=True, help=_("pupil id, or name and/or class"))
    r.add_argument("--code", required=True, help=_("absence code id or its key letter"))
    period_arguments(r)
    r.add_argument("--part", choices=("day", "am", "pm"), default="day")
    r.add_argument("--note", default="")
    r.add_argument("--via", default="sms", choices=CHANNELS, help=_("sms, phone, agenda, email or in_person"))
    r.add_argument("--by", help=_("staff member who logs it"))
    r.set_defaults(run=cmd_absences_add)
    r = asub.add_parser("list", help=_("list absences"))
    _list_arguments(r)
    r.set_defaults(run=cmd_absences_list)

    p = sub.add_parser("late", help=_("late arrivals"))
    lsub = p.add_subparsers(dest="what", required=True)
    r = lsub.add_parser("add", help=_("log a late arrival"))
    r.add_argument("--pupil", required=True, help=_("pupil id, or name and/or class"))
    r.add_argument("--time", help=_("HH:MM, default now"))
    r.add_argument("--date", help=_("default today"))
    r.add_argument("--reason", default="")
    r.add_argument("--by", help=_("staff member who logs it"))
    r.set_defaults(run=cmd_late_add)
    r = lsub.add_parser("list", help=_("list late arrivals"))
    _list_arguments(r)
    r.set_defaults(run=cmd_late_list)


def _list_arguments(parser: argparse.ArgumentParser) -> None:
    period_arguments(parser)
    parser.add_argument("--class", dest="class_name")
    parser.add_argument("--pupil")
    parser.add_argument("--format", choices=tuple(export.FORMATS), default="table")


def _code_id(kiosk: Kiosk, text: str) -> str:
    rules = absences.rules(kiosk)
    code = rules.code(text) or rules.by_key(text.lower())
    if code is None:
        raise UsageError(_("unknown absence code {code!r} (known: {known})").format(
            code=text, known=", ".join(f"{c.key} = {c.id}" for c in rules.codes)))
    return code.id


def cmd_absences_add(kiosk: Kiosk, args: argparse.Namespace) -> int:
    pupil = absences.find_pupil(kiosk, args.pupil)
    start, end = period(kiosk, args)
    logged = absences.log_absences(
        kiosk, [pupil], code=_code_id(kiosk, args.code), start=start, end=end, part=args.part,
        note=args.note, via=args.via, who=acting(kiosk, args.by))
    say(export.plain_table(ABSENCE_COLUMNS, [_absence_row(kiosk, a, pupil) for a in logged.entries]))
    for p, w in logged.warnings:
        warn(warning_text(kiosk, p, w))
    return 0


def _absence_row(kiosk: Kiosk, a: Absence, pupil: Pupil) -> list[Cell]:
    code = absences.rules(kiosk).code(a.code)
    return [a.id, pupil.id, pupil.first_name, pupil.last_name, pupil.class_name, a.start.isoformat(),
            a.end.isoformat(), a.part, a.code, bool(code and code.justified), a.reported_via, a.note,
            a.by_staff]


def _late_row(late: LateArrival, pupil: Pupil) -> list[Cell]:
    return [late.id, pupil.id, pupil.first_name, pupil.last_name, pupil.class_name,
            late.date.isoformat(), f"{late.time:%H:%M}", late.announced, late.reason, late.by_staff]


def _filter(kiosk: Kiosk, args: argparse.Namespace, records: list[Any]) -> list[tuple[Any, Pupil]]:
    pupils = {p.id: p for p in list_pupils(kiosk, include_left=True)}
    wanted = absences.find_pupil(kiosk, args.pupil).id if args.pupil else None
    klass = known_class(kiosk, args.class_name) if args.class_name else None
    return [(r, pupils[r.pupil_id]) for r in records
            if r.pupil_id in pupils and (wanted is None or r.pupil_id == wanted)
            and (klass is None or pupils[r.pupil_id].class_name == klass)]


def cmd_absences_list(kiosk: Kiosk, args: argparse.Namespace) -> int:
    start, end = period(kiosk, args)
    found = _filter(kiosk, args, absences.absences_between(kiosk, start, end))
    rows = [_absence_row(kiosk, a, p) for a, p in found]
    return emit(kiosk, args.format, "absences", ABSENCE_COLUMNS, rows)


def cmd_late_add(kiosk: Kiosk, args: argparse.Namespace) -> int:
    pupil = absences.find_pupil(kiosk, args.pupil)
    time = entry.read_time(args.time) if args.time is not None else None
    day = day_argument(kiosk, args.date, today(kiosk))
    late, this_month = absences.add_late(kiosk, pupil, who=acting(kiosk, args.by), time=time, day=day,
                                         reason=args.reason)
    say(export.plain_table(LATE_COLUMNS, [_late_row(late, pupil)]))
    if this_month >= absences.rules(kiosk).late_flag_per_month:
        warn(_("{name} was late {n} times this month").format(name=pupil.full_name, n=this_month))
    return 0


def cmd_late_list(kiosk: Kiosk, args: argparse.Namespace) -> int:
    start, end = period(kiosk, args)
    found = _filter(kiosk, args, absences.lates_between(kiosk, start, end))
    rows = [_late_row(x, p) for x, p in found]
    return emit(kiosk, args.format, "lates", LATE_COLUMNS, rows)
