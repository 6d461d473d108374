"""`kiosk` command line: argparse in, one service call, plain text out. No business logic.

Every input ends in one clear line on stderr and a non-zero exit code, never a traceback:
odd bytes in arguments, impossible dates, a port in use, a damaged or full disk."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from kiosk import i18n
from kiosk.cli import absences as cli_absences
from kiosk.cli import invites as cli_invites
from kiosk.cli import meetings as cli_meetings
from kiosk.cli import notes as cli_notes
from kiosk.cli import sms as cli_sms
from kiosk.cli.common import UsageError, emit, note, port, positive, say, school_year, warn, web_address, who
from kiosk.config import load_config
from kiosk.domain.models import Pupil, Role
from kiosk.errors import KioskError
from kiosk.i18n import N_, _, ngettext
from kiosk.output import export
from kiosk.output.export import Cell, Column
from kiosk.services import audit_view, demo, maintenance, pupils, staff
from kiosk.services.context import Kiosk
from kiosk.services.labels import ROLES

# argparse's own words ("usage:", "options", its errors), in the kiosk's language
ARGPARSE_STRINGS = (
    N_("usage: "), N_("options"), N_("positional arguments"), N_("show this help message and exit"),
    N_("the following arguments are required: %s"), N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"), N_("expected one argument"),
    N_("argument %(argument_name)s: %(message)s"), N_("invalid %(type)s value: %(value)r"),
    N_("%(prog)s: error: %(message)s\n"), N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("one of the arguments %s is required"), N_("not allowed with argument %s"),
)


class ArgumentParser(argparse.ArgumentParser):
    """A wrong option is one clear line like every other error (argparse would add its usage)."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(_("{message} (see: {prog} --help)").format(message=message, prog=self.prog))


def _parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(prog="kiosk", description=_("Schoolpoort kiosk"))
    parser.add_argument("--config", type=Path, help=_("config.toml to use (or KIOSK_CONFIG)"))
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("demo", help=_("create an invented demo school"))
    p.add_argument("--pupils", type=positive, default=300)
    p.add_argument("--years", type=positive, default=1)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--force", action="store_true", help=_("replace existing data (backup first)"))
    p.add_argument("--if-empty", action="store_true", help=_("do nothing when data exists"))
    p.set_defaults(run=cmd_demo)

    p = sub.add_parser("import", help=_("import data"))
    isub = p.add_subparsers(dest="what", required=True)
    r = isub.add_parser("roster", help=_("the pupil list (CSV) from the administration package"))
    r.add_argument("file", type=Path)
    r.add_argument("--dry-run", action="store_true", help=_("check and report, change nothing"))
    r.add_argument("--allow-many-leaving", action="store_true",
                   help=_("accept that many pupils are marked as left (a new school year)"))
    r.set_defaults(run=cmd_import_roster)

    p = sub.add_parser("pupils", help=_("pupils"))
    psub = p.add_subparsers(dest="what", required=True)
    r = psub.add_parser("list", help=_("list pupils"))
    r.add_argument("--class", dest="class_name")
    r.add_argument("--format", choices=("table", "csv", "json"), default="table")
    r.set_defaults(run=cmd_pupils_list)

    _staff_parsers(sub)
    cli_absences.add_parsers(sub)
    cli_sms.add_parsers(sub)
    cli_notes.add_parsers(sub)
    cli_meetings.add_parsers(sub)
    cli_invites.add_parsers(sub)

    p = sub.add_parser("serve", help=_("serve the kiosk to a browser (gate tablet)"))
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=port, default=8000)
    p.add_argument("--public-url", type=web_address, help=_("the address tablets use, e.g. http://kiosk.school.lan:8000"))
    p.set_defaults(run=cmd_serve)

    p = sub.add_parser("check", help=_("verify every data file"))
    p.set_defaults(run=cmd_check)
    p = sub.add_parser("backup", help=_("take a backup now"))
    p.add_argument("--list", action="store_true", help=_("list backups instead"))
    p.set_defaults(run=cmd_backup)
    p = sub.add_parser("restore", help=_("restore a backup (the current data is kept as a backup)"))
    p.add_argument("backup", help=_("backup name (or its start) or folder"))
    p.set_defaults(run=cmd_restore)
    p = sub.add_parser("audit", help=_("show the audit trail of a school year"))
    p.add_argument("--year", type=school_year, help=_("first calendar year of the school year"))
    p.add_argument("--format", choices=("table", "csv", "json"), default="table",
                   help=_("json keeps the stored actions and facts, for scripts"))
    p.set_defaults(run=cmd_audit)
    return parser


def _staff_parsers(sub: argparse._SubParsersAction[ArgumentParser]) -> None:
    p = sub.add_parser("staff", help=_("staff members and PINs"))
    ssub = p.add_subparsers(dest="what", required=True)
    r = ssub.add_parser("add", help=_("add a staff member"))
    r.add_argument("name")
    r.add_argument("--role", choices=[role.value for role in Role], required=True)
    r.add_argument("--classes", default="", help=_("comma-separated, e.g. 3A,3B"))
    r.add_argument("--email", default="", help=_("school e-mail address (printed on letters)"))
    r.set_defaults(run=cmd_staff_add)
    r = ssub.add_parser("set-pin", help=_("set a PIN (read from stdin when not a terminal)"))
    r.add_argument("name")
    r.set_defaults(run=cmd_staff_set_pin)
    r = ssub.add_parser("list", help=_("list staff members"))
    r.add_argument("--all", action="store_true", help=_("also staff who left"))
    r.set_defaults(run=cmd_staff_list)
    for name, help_text, run in (
            ("unlock", _("lift a wrong-PIN lock"), cmd_staff_unlock),
            ("disable", _("a staff member who left: no login, history kept"), cmd_staff_disable),
            ("enable", _("allow a disabled staff member to log in again"), cmd_staff_enable)):
        r = ssub.add_parser(name, help=help_text)
        r.add_argument("name")
        r.set_defaults(run=run)


def _config_path(argv: Sequence[str] | None) -> Path | None:
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--config", type=Path)
    config: Path | None = early.parse_known_args(argv)[0].config
    return config


def _translate_argparse() -> None:
    """argparse looks its words up through gettext at call time: give it the kiosk's."""
    argparse._ = i18n._  # type: ignore[attr-defined]
    argparse.ngettext = i18n.ngettext  # type: ignore[attr-defined]


def run_command(args_list: list[str]) -> int:
    _translate_argparse()
    if {"-h", "--help"} & set(args_list) and not _config_path(args_list):
        _parser().parse_args(args_list)  # help needs no config; exits
    config = load_config(_config_path(args_list))
    i18n.set_language(config.school.language)  # before the parser: its help is translated
    args = _parser().parse_args(args_list)
    if args.command is None:
        from kiosk.ui.app import run

        return run(config)
    run_it: Callable[[Kiosk, argparse.Namespace], int] = args.run
    kiosk = Kiosk.open(config)
    kiosk.store.lock.on_wait = lambda: note(_("waiting for another kiosk to finish saving…"))
    return run_it(kiosk, args)


LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


def cmd_serve(kiosk: Kiosk, args: argparse.Namespace) -> int:
    """Each browser gets its own kiosk process on the same store, with its own login."""
    from kiosk.cli.serve import serve

    if args.host not in LOCAL_HOSTS:
        warn(_("serving on {host}: anyone on that network can reach the login screen. "
               "Use it only on the school's own network.").format(host=args.host))
    return serve(kiosk, host=args.host, port=args.port, public_url=args.public_url)


def cmd_demo(kiosk: Kiosk, args: argparse.Namespace) -> int:
    if args.if_empty and not kiosk.store.is_empty():
        return 0
    if kiosk.store.is_empty() or args.force:
        note(_("Creating the demo school…"))
    s = demo.build_demo(kiosk, pupils=args.pupils, years=args.years, seed=args.seed, force=args.force)
    say(ngettext("Demo school: {pupils} pupils in {classes} classes, {staff} staff, "
                 "{years} school year of history ({absences} absences, {lates} late arrivals, "
                 "{notes} conversation notes, {follow_ups} follow-ups).",
                 "Demo school: {pupils} pupils in {classes} classes, {staff} staff, "
                 "{years} school years of history ({absences} absences, {lates} late arrivals, "
                 "{notes} conversation notes, {follow_ups} follow-ups).", s.years).format(**s.__dict__))
    return 0


def cmd_import_roster(kiosk: Kiosk, args: argparse.Namespace) -> int:
    report = pupils.import_roster(kiosk, pupils.read_upload(args.file), who=who(), dry_run=args.dry_run,
                                  allow_many_leaving=args.allow_many_leaving)
    for column in report.parsed.ignored_columns:
        note(_("note: column {name!r} is not used").format(name=column))
    if not report.ok:
        for error in report.parsed.errors:
            note(f"{args.file}:{error.line}: {error.message}")
        errors = len(report.parsed.errors)
        note(ngettext("Nothing imported: {n} error.", "Nothing imported: {n} errors.", errors).format(n=errors))
        return 1
    c = report.changes
    counts = _("added {a}, changed {c}, left {l}, returned {r}, unchanged {u}").format(
        a=len(c.added), c=len(c.changed), l=len(c.left), r=len(c.returned), u=c.unchanged
    )
    say((_("Dry run, nothing saved: ") if args.dry_run else _("Imported: ")) + counts)
    if not report.parsed.has_guardians:
        note(_("note: the file has no guardian columns; known guardians were kept"))
    if report.many_leaving and args.dry_run:
        warn(_("{n} pupils would be marked as left; a real import needs --allow-many-leaving").format(
            n=len(c.left)))
    return 0


PUPIL_COLUMNS = [
    Column("id", N_("pupil id"), is_id=True), Column("first_name", N_("first name")),
    Column("last_name", N_("last name")),
    Column("class", N_("class")),
    Column("birth_date", N_("birth date")),
    Column("home_language", N_("home language")), Column("photo_consent", N_("photo consent")),
]


def _pupil_row(p: Pupil) -> list[Cell]:
    """Export row: no guardian contact details, ever."""
    birth = p.birth_date.isoformat() if p.birth_date else ""
    return [p.id, p.first_name, p.last_name, p.class_name, birth, p.home_language, p.photo_consent]


def cmd_pupils_list(kiosk: Kiosk, args: argparse.Namespace) -> int:
    class_name = pupils.known_class(kiosk, args.class_name) if args.class_name else None
    rows = [_pupil_row(p) for p in pupils.list_pupils(kiosk, class_name)]
    return emit(kiosk, args.format, "pupils", PUPIL_COLUMNS, rows)


def cmd_staff_add(kiosk: Kiosk, args: argparse.Namespace) -> int:
    classes = tuple(c.strip().upper() for c in args.classes.split(",") if c.strip())
    unknown = sorted(set(classes) - set(pupils.class_names(kiosk)))
    member = staff.add_staff(kiosk, args.name, Role(args.role), classes, who=who(), email=args.email)
    if unknown:
        warn(_("no pupils in class(es) {classes} yet").format(classes=", ".join(unknown)))
    say(_("Added {name} ({role}); set a PIN with: kiosk staff set-pin {id}").format(
        name=member.name, role=member.role.value, id=member.id))
    return 0


def _read_pin() -> str:
    if not sys.stdin.isatty():
        return sys.stdin.readline().strip()
    first = getpass.getpass(_("New PIN: "))
    if getpass.getpass(_("PIN again: ")) != first:
        raise KioskError(_("the two PINs differ; nothing changed"))
    return first


def cmd_staff_set_pin(kiosk: Kiosk, args: argparse.Namespace) -> int:
    member = staff.find_staff(kiosk, args.name)
    staff.set_pin(kiosk, member, _read_pin(), who=who())
    say(_("PIN set for {name}.").format(name=member.name))
    return 0


STAFF_COLUMNS = [Column("id", N_("id"), is_id=True), Column("name", N_("name")),
                 Column("role", N_("role"), words=ROLES), Column("classes", N_("classes")),
                 Column("active", N_("active"))]


def cmd_staff_list(kiosk: Kiosk, args: argparse.Namespace) -> int:
    rows: list[list[Cell]] = [[s.id, s.name, s.role.value, ",".join(s.classes), s.active]
                              for s in staff.list_staff(kiosk, include_inactive=args.all)]
    say(export.plain_table(STAFF_COLUMNS, rows))
    return 0


def cmd_staff_unlock(kiosk: Kiosk, args: argparse.Namespace) -> int:
    member = staff.unlock(kiosk, staff.find_staff(kiosk, args.name), who())
    say(_("{name} can log in again.").format(name=member.name))
    return 0


def cmd_staff_disable(kiosk: Kiosk, args: argparse.Namespace) -> int:
    member = staff.set_active(kiosk, staff.find_staff(kiosk, args.name), False, who())
    say(_("{name} can no longer log in; their history stays.").format(name=member.name))
    return 0


def cmd_staff_enable(kiosk: Kiosk, args: argparse.Namespace) -> int:
    member = staff.set_active(kiosk, staff.find_staff(kiosk, args.name), True, who())
    say(_("{name} can log in again.").format(name=member.name))
    return 0


def cmd_check(kiosk: Kiosk, args: argparse.Namespace) -> int:
    problems = maintenance.check(kiosk)
    files = [p for p in kiosk.store.data_files() if p.exists()]
    if not problems:
        say(ngettext("OK: {n} data file in {dir} read correctly.", "OK: {n} data files in {dir} read correctly.",
                     len(files)).format(n=len(files), dir=kiosk.store.data_dir))
        return 0
    for problem in problems:
        note(_("DAMAGED: {problem}").format(problem=problem))
    latest = maintenance.latest_backup(kiosk)
    if latest:
        note(_("Latest backup: {path}. Restore it with: kiosk restore {name}").format(
            path=latest, name=latest.name))
    else:
        note(_("No backup found."))
    return 3


def cmd_backup(kiosk: Kiosk, args: argparse.Namespace) -> int:
    if args.list:
        for path in maintenance.list_backups(kiosk):
            say(path.name)
        return 0
    path = maintenance.make_backup(kiosk, who())
    say(_("Backup written: {path}").format(path=path))
    return 0


def cmd_restore(kiosk: Kiosk, args: argparse.Namespace) -> int:
    source, saved = maintenance.restore(kiosk, args.backup, who())
    say(_("Restored {source}. The data as it was is kept in {saved}.").format(
        source=source.name, saved=saved))
    return 0


AUDIT_COLUMNS = [Column("at", N_("when")), Column("who", N_("who")), Column("action", N_("what")),
                 Column("detail", N_("detail"))]


def cmd_audit(kiosk: Kiosk, args: argparse.Namespace) -> int:
    """In plain words for people; JSON for scripts keeps the stored actions and facts."""
    if args.format == "json":
        entries = maintenance.audit_trail(kiosk, args.year)
        sys.stdout.write(json.dumps([{"at": e.at.isoformat(), "who": e.who, "action": e.action,
                                      "facts": dict(e.facts), "detail": e.detail} for e in entries],
                                    ensure_ascii=False, indent=1) + "\n")
        return 0
    rows: list[list[Cell]] = [[line.when, line.who, line.what, line.detail]
                              for line in audit_view.audit_lines(kiosk, args.year)]
    sys.stdout.write(export.render(args.format, AUDIT_COLUMNS, rows))
    return 0
