"""`kiosk invites …`: a class's code, its letters, who was invited and who joined, its QR."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from kiosk.cli.common import UsageError, acting, emit, note, out_file, positive, say
from kiosk.domain.invites import Standing, grouped
from kiosk.i18n import LETTER_LANGUAGES, N_, _, ngettext
from kiosk.output.export import Cell, Column
from kiosk.services import absences, invites
from kiosk.services.context import Kiosk

STATE_WORDS = {"joined": N_("joined"), "outdated": N_("letter with an old code"), "invited": N_("invited"),
               "not_invited": N_("no letter yet")}
STATUS_COLUMNS = [
    Column("household", N_("household")), Column("pupil_ids", N_("pupil ids"), is_id=True),
    Column("pupils", N_("pupils")), Column("guardians", N_("guardians")), Column("language", N_("language")),
    Column("printed_on", N_("letter printed")), Column("code_version", N_("code version")),
    Column("joined_on", N_("joined")), Column("state", N_("state"), words=STATE_WORDS),
]
# Light background, dark glyphs: a QR must be dark on light to scan, whatever the terminal's colours.
DARK_ON_LIGHT, RESET = "\x1b[30;107m", "\x1b[0m"


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("invites", help=_("class codes and invitation letters for the class app"))
    isub = p.add_subparsers(dest="what", required=True)
    r = _class_parser(isub, "code", _("show the class's code, or set or replace it"))
    choice = r.add_mutually_exclusive_group()
    choice.add_argument("--set", dest="typed", metavar="CODE", help=_("the code as the class app shows it"))
    choice.add_argument("--regenerate", action="store_true", help=_("a new code (the old one leaked)"))
    r.set_defaults(run=cmd_code)

    r = _class_parser(isub, "print", _("the letters: one page per household, as PDF"))
    r.add_argument("--out", type=out_file, required=True)
    r.add_argument("--lang", choices=LETTER_LANGUAGES, help=_("every letter in this language (default: each "
                                                             "household's own)"))
    r.add_argument("--pupil", help=_("only this pupil's household(s)"))
    r.add_argument("--household", type=positive, help=_("with --pupil: only this household"))
    r.add_argument("--outdated", action="store_true",
                   help=_("only the households that need a new letter (none yet, or an old code)"))
    r.set_defaults(run=cmd_print)

    r = _class_parser(isub, "status", _("per household: invited (when, which code) and joined"))
    r.add_argument("--format", choices=("table", "csv", "json"), default="table")
    r.set_defaults(run=cmd_status)

    r = _class_parser(isub, "joined", _("tick a household as joined (after approving it in the app)"))
    r.add_argument("--pupil", required=True)
    r.add_argument("--household", type=positive)
    r.add_argument("--undo", action="store_true", help=_("untick it"))
    r.set_defaults(run=cmd_joined)

    r = _class_parser(isub, "qr", _("show the class's QR code in the terminal"))
    r.set_defaults(run=cmd_qr)


def _class_parser(isub: Any, name: str, help_text: str) -> argparse.ArgumentParser:
    r: argparse.ArgumentParser = isub.add_parser(name, help=help_text)
    r.add_argument("--class", dest="class_name", required=True)
    r.add_argument("--by", help=_("the staff member acting (default: the administrator)"))
    return r


def cmd_code(kiosk: Kiosk, args: argparse.Namespace) -> int:
    by = acting(kiosk, args.by)
    if args.typed is not None or args.regenerate:
        code = invites.set_code(kiosk, args.class_name, by, typed=args.typed)
        outdated = sum(s.outdated for s in invites.standings(kiosk, code.class_name, by))
        if outdated:
            note(ngettext("{n} household has a letter with the old code: `kiosk invites print --outdated`",
                          "{n} households have a letter with the old code: `kiosk invites print --outdated`",
                          outdated).format(n=outdated))
    else:
        code = invites.code_of(kiosk, args.class_name, by)
    say(grouped(code.code))
    return 0


def cmd_print(kiosk: Kiosk, args: argparse.Namespace) -> int:
    by = acting(kiosk, args.by)
    only = None
    if args.pupil is not None:
        pupil = absences.find_pupil(kiosk, args.pupil)
        only = [h for _n, h in invites.pupil_households(kiosk, args.class_name, pupil, args.household, by)]
    elif args.household is not None:
        raise UsageError(_("--household goes with --pupil"))
    if args.outdated:
        only = [s.household for s in invites.standings(kiosk, args.class_name, by)
                if s.needs_letter and (only is None or s.household in only)]
        if not only:
            say(_("every household has a letter with the current code, or has joined"))
            return 0

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

    path, count = invites.print_letters(kiosk, args.class_name, args.out, by, language=args.lang, only=only,
                                        progress=progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    say(ngettext("{n} letter written to {path}", "{n} letters written to {path}", count).format(n=count, path=path))
    return 0


def state(standing: Standing) -> str:
    if standing.joined:
        return "joined"
    if standing.outdated:
        return "outdated"
    return "invited" if standing.invitation and standing.invitation.printed_on else "not_invited"


def cmd_status(kiosk: Kiosk, args: argparse.Namespace) -> int:
    rows: list[list[Cell]] = []
    for s in invites.standings(kiosk, args.class_name, acting(kiosk, args.by)):
        invitation = s.invitation
        rows.append([s.household.number, ",".join(p.id for p in s.household.pupils),
                     ", ".join(p.full_name for p in s.household.pupils), s.household.names,
                     invites.letter_language(s.household),
                     invitation.printed_on.isoformat() if invitation and invitation.printed_on else "",
                     invitation.code_version if invitation and invitation.printed_on else "",
                     invitation.joined_on.isoformat() if invitation and invitation.joined_on else "", state(s)])
    return emit(kiosk, args.format, "invitations", STATUS_COLUMNS, rows)


def cmd_joined(kiosk: Kiosk, args: argparse.Namespace) -> int:
    by = acting(kiosk, args.by)
    pupil = absences.find_pupil(kiosk, args.pupil)
    household = invites.household_of(kiosk, args.class_name, pupil, args.household, by)
    invites.set_joined(kiosk, args.class_name, household, by, joined=not args.undo)
    text = _("{names}: not joined") if args.undo else _("{names}: joined")
    say(text.format(names=household.names or pupil.full_name))
    return 0


def cmd_qr(kiosk: Kiosk, args: argparse.Namespace) -> int:
    code, lines = invites.qr_lines(kiosk, args.class_name, acting(kiosk, args.by))
    colour = sys.stdout.isatty()
    for line in lines:
        print(f"{DARK_ON_LIGHT}{line}{RESET}" if colour else line)
    say(f"{code.class_name}: {grouped(code.code)}  {invites.join_link(kiosk, code)}")
    return 0
