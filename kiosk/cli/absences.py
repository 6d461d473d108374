"""`kiosk absences …` and `kiosk late …`: for scripts, tests and the office."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from kiosk.cli.common import who
from kiosk.domain.dates import parse_day, parse_time
from kiosk.domain.models import Absence, LateArrival, Pupil
from kiosk.errors import KioskError
from kiosk.i18n import _
from kiosk.output import export
from kiosk.services import absences, staff
from kiosk.services.context import Kiosk
from kiosk.services.messages import not_a_date, not_a_time, warning_text

ABSENCE_COLUMNS = ["id", "pupil_id", "first_name", "last_name", "class", "from", "to", "part",
                   "code", "justified", "reported_via", "note", "by"]
LATE_COLUMNS = ["id", "pupil_id", "first_name", "last_name", "class", "date", "time", "reason", "by"]


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("absences", help=_("absences"))
    asub = p.add_subparsers(dest="what", required=True)
    r = asub.add_parser("add", help=_("log an absence"))
    r.add_argument("--pupil", required=True, help=_("pupil id, or name and/or class"))
    r.add_argument("--code", required=True, help=_("absence code id or its key letter"))
    _period_arguments(r)
    r.add_argument("--part", choices=("day", "am", "pm"), default="day")
    r.add_argument("--note", default="")
    r.add_argument("--via", default="sms", help=_("sms, phone, agenda, email or in_person"))
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


def _period_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--date", help=_("one day (default today)"))
    parser.add_argument("--from", dest="start", help=_("first day of a period"))
    parser.add_argument("--to", dest="end", help=_("last day of a period"))


def _list_arguments(parser: argparse.ArgumentParser) -> None:
    _period_arguments(parser)
    parser.add_argument("--class", dest="class_name")
    parser.add_argument("--pupil")
    parser.add_argument("--format", choices=tuple(export.FORMATS), default="table")


def _day(kiosk: Kiosk, text: str | None, default: dt.date) -> dt.date:
    if not text:
        return default
    try:
        return parse_day(text, kiosk.clock.now().date())
    except ValueError:
        raise KioskError(not_a_date(text)) from None


def _period(kiosk: Kiosk, args: argparse.Namespace) -> tuple[dt.date, dt.date]:
    today = kiosk.clock.now().date()
    if args.date and (args.start or args.end):
        raise KioskError(_("use --date or --from/--to, not both"))
    if args.date:
        day = _day(kiosk, args.date, today)
        return day, day
    start = _day(kiosk, args.start, today)
    return start, _day(kiosk, args.end, start)


def _who(kiosk: Kiosk, by: str | None) -> str:
    return staff.find_staff(kiosk, by).id if by else who()


def _code_id(kiosk: Kiosk, text: str) -> str:
    rules = absences.rules(kiosk)
    code = rules.code(text) or rules.by_key(text.lower())
    return code.id if code else text  # an unknown code is refused by the service, with the list


def _warn(warnings: list[str]) -> None:
    for warning in warnings:
        print(_("warning: {text}").format(text=warning), file=sys.stderr)


def cmd_absences_add(kiosk: Kiosk, args: argparse.Namespace) -> int:
    pupil = absences.find_pupil(kiosk, args.pupil)
    start, end = _period(kiosk, args)
    logged = absences.log_absences(
        kiosk, [pupil], code=_code_id(kiosk, args.code), start=start, end=end, part=args.part,
        note=args.note, via=args.via, who=_who(kiosk, args.by))
    print(export.plain_table(ABSENCE_COLUMNS, [_absence_row(kiosk, a, pupil) for a in logged.entries]))
    _warn([warning_text(kiosk, p, w) for p, w in logged.warnings])
    return 0


def _absence_row(kiosk: Kiosk, a: Absence, pupil: Pupil) -> list[str]:
    code = absences.rules(kiosk).code(a.code)
    return [a.id, pupil.id, pupil.first_name, pupil.last_name, pupil.class_name, a.start.isoformat(),
            a.end.isoformat(), a.part, a.code, "ja" if code and code.justified else "nee",
            a.reported_via, a.note, a.by_staff]


def _late_row(late: LateArrival, pupil: Pupil) -> list[str]:
    return [late.id, pupil.id, pupil.first_name, pupil.last_name, pupil.class_name,
            late.date.isoformat(), f"{late.time:%H:%M}", late.reason, late.by_staff]


def _filter(kiosk: Kiosk, args: argparse.Namespace, records: list[Any]) -> list[tuple[Any, Pupil]]:
    pupils = {p.id: p for p in kiosk.repos.pupils.all(include_left=True)}
    wanted = absences.find_pupil(kiosk, args.pupil).id if args.pupil else None
    klass = args.class_name.strip().upper() if args.class_name else None
    return [(r, pupils[r.pupil_id]) for r in records
            if r.pupil_id in pupils and (wanted is None or r.pupil_id == wanted)
            and (klass is None or pupils[r.pupil_id].class_name == klass)]


def _print_list(kiosk: Kiosk, args: argparse.Namespace, name: str, columns: list[str],
                rows: list[list[str]]) -> int:
    sys.stdout.write(export.render(args.format, columns, rows))
    if args.format != "table":
        kiosk.audit(who(), "export", f"{name} {args.format} ({len(rows)})")
    return 0


def cmd_absences_list(kiosk: Kiosk, args: argparse.Namespace) -> int:
    start, end = _period(kiosk, args)
    found = _filter(kiosk, args, absences.absences_between(kiosk, start, end))
    rows = [_absence_row(kiosk, a, p) for a, p in found]
    return _print_list(kiosk, args, "absences", ABSENCE_COLUMNS, rows)


def cmd_late_add(kiosk: Kiosk, args: argparse.Namespace) -> int:
    pupil = absences.find_pupil(kiosk, args.pupil)
    try:
        time = parse_time(args.time) if args.time else None
    except ValueError:
        raise KioskError(not_a_time(args.time)) from None
    day = _day(kiosk, args.date, kiosk.clock.now().date())
    late, this_month = absences.add_late(kiosk, pupil, who=_who(kiosk, args.by), time=time, day=day,
                                         reason=args.reason)
    print(export.plain_table(LATE_COLUMNS, [_late_row(late, pupil)]))
    if this_month >= absences.rules(kiosk).late_flag_per_month:
        _warn([_("{name} was late {n} times this month").format(name=pupil.full_name, n=this_month)])
    return 0


def cmd_late_list(kiosk: Kiosk, args: argparse.Namespace) -> int:
    start, end = _period(kiosk, args)
    found = _filter(kiosk, args, absences.lates_between(kiosk, start, end))
    rows = [_late_row(x, p) for x, p in found]
    return _print_list(kiosk, args, "late arrivals", LATE_COLUMNS, rows)
