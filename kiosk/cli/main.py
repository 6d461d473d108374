"""`kiosk` command line: argparse in, one service call, plain text out. No business logic."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from kiosk import i18n
from kiosk.cli import absences as cli_absences
from kiosk.cli.common import who
from kiosk.config import Config, load_config
from kiosk.domain.models import Pupil, Role
from kiosk.errors import KioskError
from kiosk.i18n import _
from kiosk.output import export
from kiosk.services import demo, maintenance, pupils, staff
from kiosk.services.context import Kiosk


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk", description=_("Schoolpoort kiosk"))
    parser.add_argument("--config", type=Path, help=_("config.toml to use (or KIOSK_CONFIG)"))
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("demo", help=_("create an invented demo school"))
    p.add_argument("--pupils", type=int, default=300)
    p.add_argument("--years", type=int, default=1)
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

    p = sub.add_parser("staff", help=_("staff members and PINs"))
    ssub = p.add_subparsers(dest="what", required=True)
    r = ssub.add_parser("add", help=_("add a staff member"))
    r.add_argument("name")
    r.add_argument("--role", choices=[role.value for role in Role], required=True)
    r.add_argument("--classes", default="", help=_("comma-separated, e.g. 3A,3B"))
    r.set_defaults(run=cmd_staff_add)
    r = ssub.add_parser("set-pin", help=_("set a PIN (read from stdin when not a terminal)"))
    r.add_argument("name")
    r.set_defaults(run=cmd_staff_set_pin)
    r = ssub.add_parser("list", help=_("list staff members"))
    r.set_defaults(run=cmd_staff_list)

    cli_absences.add_parsers(sub)

    p = sub.add_parser("serve", help=_("serve the kiosk to a browser (gate tablet)"))
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
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
    p.add_argument("--year", type=int, help=_("first calendar year of the school year"))
    p.set_defaults(run=cmd_audit)
    return parser


def _config_path(argv: Sequence[str] | None) -> Path | None:
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--config", type=Path)
    config: Path | None = early.parse_known_args(argv)[0].config
    return config


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args_list = list(sys.argv[1:] if argv is None else argv)
        if {"-h", "--help"} & set(args_list) and not _config_path(args_list):
            _parser().parse_args(args_list)  # help needs no config; exits
        config = load_config(_config_path(args_list))
        i18n.set_language(config.school.language)  # before the parser: its help is translated
        args = _parser().parse_args(args_list)
        if args.command is None:
            return run_app(config)
        run: Callable[[Kiosk, argparse.Namespace], int] = args.run
        return run(Kiosk.open(config), args)
    except KioskError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 1
    except Exception as exc:  # the one place that turns a bug into one line, not a traceback
        if os.environ.get("KIOSK_DEBUG"):
            raise
        print(f"kiosk: {_('unexpected error')}: {exc!r} (KIOSK_DEBUG=1)", file=sys.stderr)
        return 70


def run_app(config: Config) -> int:
    from kiosk.ui.app import run

    return run(config)


LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


def cmd_serve(kiosk: Kiosk, args: argparse.Namespace) -> int:
    """Each browser gets its own kiosk process on the same store, with its own login."""
    import shlex

    from textual_serve.server import Server

    if args.host not in LOCAL_HOSTS:
        print(_("WARNING: serving on {host}: anyone on that network can reach the login screen. "
                "Use it only on the school's own network.").format(host=args.host), file=sys.stderr)
    command = shlex.join([sys.executable, "-m", "kiosk", "--config", str(kiosk.config.path)])
    print(_("Kiosk at http://{host}:{port}/ (ctrl+c stops)").format(host=args.host, port=args.port),
          file=sys.stderr, flush=True)
    Server(command, host=args.host, port=args.port, title=kiosk.config.school.name).serve()
    return 0


def cmd_demo(kiosk: Kiosk, args: argparse.Namespace) -> int:
    if args.if_empty and not kiosk.store.is_empty():
        return 0
    if kiosk.store.is_empty() or args.force:
        print(_("Creating the demo school…"), file=sys.stderr)
    s = demo.build_demo(kiosk, pupils=args.pupils, years=args.years, seed=args.seed, force=args.force)
    print(_("Demo school: {pupils} pupils in {classes} classes, {staff} staff, "
            "{years} school year(s) of history ({absences} absences, {lates} late arrivals).")
          .format(**s.__dict__))
    return 0


def cmd_import_roster(kiosk: Kiosk, args: argparse.Namespace) -> int:
    report = pupils.import_roster(kiosk, pupils.read_upload(args.file), who=who(), dry_run=args.dry_run,
                                  allow_many_leaving=args.allow_many_leaving)
    for column in report.parsed.ignored_columns:
        print(_("note: column {name!r} is not used").format(name=column), file=sys.stderr)
    if not report.ok:
        for error in report.parsed.errors:
            print(f"{args.file}:{error.line}: {error.message}", file=sys.stderr)
        print(_("Nothing imported: {n} error(s).").format(n=len(report.parsed.errors)), file=sys.stderr)
        return 1
    c = report.changes
    counts = _("added {a}, changed {c}, left {l}, returned {r}, unchanged {u}").format(
        a=len(c.added), c=len(c.changed), l=len(c.left), r=len(c.returned), u=c.unchanged
    )
    print((_("Dry run, nothing saved: ") if args.dry_run else _("Imported: ")) + counts)
    if not report.parsed.has_guardians:
        print(_("note: the file has no guardian columns; known guardians were kept"), file=sys.stderr)
    if report.many_leaving and args.dry_run:
        print(_("warning: {n} pupils would be marked as left; a real import needs "
                "--allow-many-leaving").format(n=len(c.left)), file=sys.stderr)
    return 0


PUPIL_COLUMNS = ("id", "first_name", "last_name", "class", "birth_date", "home_language",
                 "photo_consent")


def _pupil_row(p: Pupil) -> list[str]:
    """Export row: no guardian contact details, ever."""
    birth = p.birth_date.isoformat() if p.birth_date else ""
    return [p.id, p.first_name, p.last_name, p.class_name, birth, p.home_language,
            "ja" if p.photo_consent else "nee"]


def cmd_pupils_list(kiosk: Kiosk, args: argparse.Namespace) -> int:
    rows = [_pupil_row(p) for p in pupils.list_pupils(kiosk, args.class_name)]
    sys.stdout.write(export.render(args.format, list(PUPIL_COLUMNS), rows))
    if args.format != "table":
        kiosk.audit(who(), "export", f"pupils {args.format} ({len(rows)})")
    return 0


def cmd_staff_add(kiosk: Kiosk, args: argparse.Namespace) -> int:
    classes = tuple(c.strip().upper() for c in args.classes.split(",") if c.strip())
    unknown = sorted(set(classes) - set(pupils.class_names(kiosk)))
    if unknown:
        print(_("warning: no pupils in class(es) {classes} yet").format(classes=", ".join(unknown)),
              file=sys.stderr)
    member = staff.add_staff(kiosk, args.name, Role(args.role), classes, who=who())
    print(_("Added {name} ({role}); set a PIN with: kiosk staff set-pin {id}").format(
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
    print(_("PIN set for {name}.").format(name=member.name))
    return 0


def cmd_staff_list(kiosk: Kiosk, args: argparse.Namespace) -> int:
    rows = [[s.id, s.name, s.role.value, ",".join(s.classes)] for s in kiosk.repos.staff.all()]
    print(export.plain_table(["id", "name", "role", "classes"], rows))
    return 0


def cmd_check(kiosk: Kiosk, args: argparse.Namespace) -> int:
    problems = maintenance.check(kiosk)
    files = [p for p in kiosk.store.data_files() if p.exists()]
    if not problems:
        print(_("OK: {n} data file(s) in {dir} read correctly.").format(
            n=len(files), dir=kiosk.store.data_dir))
        return 0
    for problem in problems:
        print(_("DAMAGED: {problem}").format(problem=problem), file=sys.stderr)
    latest = maintenance.latest_backup(kiosk)
    if latest:
        print(_("Latest backup: {path}. Restore it with: kiosk restore {name}").format(
            path=latest, name=latest.name), file=sys.stderr)
    else:
        print(_("No backup found."), file=sys.stderr)
    return 3


def cmd_backup(kiosk: Kiosk, args: argparse.Namespace) -> int:
    if args.list:
        for path in maintenance.list_backups(kiosk):
            print(path.name)
        return 0
    with kiosk.store.transaction():
        path = maintenance.make_backup(kiosk, who())
    print(_("Backup written: {path}").format(path=path))
    return 0


def cmd_restore(kiosk: Kiosk, args: argparse.Namespace) -> int:
    source, saved = maintenance.restore(kiosk, args.backup, who())
    print(_("Restored {source}. The data as it was is kept in {saved}.").format(
        source=source.name, saved=saved))
    return 0


def cmd_audit(kiosk: Kiosk, args: argparse.Namespace) -> int:
    rows = [[e.at.isoformat(sep=" "), e.who, e.action, e.detail]
            for e in maintenance.audit_trail(kiosk, args.year)]
    print(export.plain_table(["at", "who", "action", "detail"], rows))
    return 0
