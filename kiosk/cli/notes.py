"""`kiosk notes …`, `kiosk followups …`, `kiosk export pupil`, `kiosk purge`.

The command line is the administrator's: it lists every note, but never the text of a
personal note (that is its author's alone)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from kiosk.cli.common import UsageError, acting, emit, out_file, say, today, who
from kiosk.domain.models import FollowUp, Note, Pupil, Role, Staff
from kiosk.domain.notes import LEVELS, PLACES, is_overdue
from kiosk.domain.text import printable
from kiosk.errors import KioskError
from kiosk.i18n import N_, _, ngettext
from kiosk.output import export
from kiosk.output.export import Cell, Column
from kiosk.services import absences, entry, notes, privacy, staff
from kiosk.services.context import Kiosk
from kiosk.services.labels import LEVELS as LEVEL_WORDS
from kiosk.services.labels import PLACES as PLACE_WORDS

STATES = {"open": N_("open"), "overdue": N_("overdue"), "done": N_("done")}

NOTE_COLUMNS = [
    Column("id", N_("note"), is_id=True), Column("at", N_("when")), Column("pupil_ids", N_("pupil id"), is_id=True),
    Column("pupils", N_("pupils")), Column("where", N_("where"), words=PLACE_WORDS),
    Column("level", N_("who may read it"), words=LEVEL_WORDS),
    Column("by", N_("by")), Column("text", N_("text")),
]
FOLLOW_UP_COLUMNS = [
    Column("id", N_("follow-up"), is_id=True), Column("due", N_("due")), Column("state", N_("state"), words=STATES),
    Column("pupil_ids", N_("pupil id"), is_id=True), Column("pupils", N_("pupils")), Column("owner", N_("owner")),
    Column("note_id", N_("note"), is_id=True), Column("answer", N_("answer")),
]
ADMIN = Staff("cli", "cli", Role.HEAD)
"""The command line sees follow-ups as the head does."""


def minute(moment: dt.datetime) -> str:
    return f"{moment:%Y-%m-%dT%H:%M}"


def moment_argument(kiosk: Kiosk, text: str | None) -> dt.datetime | None:
    """--at / --due: 2026-11-23T08:15 (or with a space)."""
    if text is None:
        return None
    try:
        return dt.datetime.fromisoformat(text.strip()).replace(second=0, microsecond=0, tzinfo=None)
    except ValueError:
        raise KioskError(_("{text!r} is not a date and time like 2026-11-23T07:45").format(text=text)) from None


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("notes", help=_("conversations with parents"))
    nsub = p.add_subparsers(dest="what", required=True)
    r = nsub.add_parser("add", help=_("note a conversation (and a follow-up)"))
    r.add_argument("--pupil", required=True, action="append", help=_("pupil id, or name and/or class (repeatable)"))
    r.add_argument("--text", required=True)
    r.add_argument("--where", choices=PLACES, default="gate")
    r.add_argument("--level", choices=LEVELS, default="class")
    r.add_argument("--guardian", action="append", default=[], help=_("a guardian who took part (repeatable)"))
    r.add_argument("--follow-up", dest="owner", help=_("staff member who owes the answer"))
    r.add_argument("--due", help=_("due time (YYYY-MM-DDTHH:MM; default by the 48-hour rule)"))
    r.add_argument("--allow-quiet", action="store_true", help=_("plan the follow-up in a quiet moment anyway"))
    r.add_argument("--by", help=_("staff member who had the conversation"))
    r.add_argument("--at", help=_("when it took place (YYYY-MM-DDTHH:MM, default now)"))
    r.set_defaults(run=cmd_notes_add)
    r = nsub.add_parser("list", help=_("list conversations"))
    r.add_argument("--pupil")
    r.add_argument("--by", help=_("only the notes of this staff member"))
    r.add_argument("--format", choices=tuple(export.FORMATS), default="table")
    r.set_defaults(run=cmd_notes_list)

    p = sub.add_parser("followups", help=_("follow-ups: answers owed to parents"))
    fsub = p.add_subparsers(dest="what", required=True)
    r = fsub.add_parser("list", help=_("open follow-ups by due time"))
    r.add_argument("--owner")
    r.add_argument("--overdue", action="store_true")
    r.add_argument("--format", choices=tuple(export.FORMATS), default="table")
    r.set_defaults(run=cmd_followups_list)
    r = fsub.add_parser("done", help=_("mark a follow-up done"))
    r.add_argument("id")
    r.add_argument("--answer", required=True, help=_("what was answered"))
    r.add_argument("--by")
    r.set_defaults(run=cmd_followups_done)
    r = fsub.add_parser("handover", help=_("hand a follow-up over to a colleague"))
    r.add_argument("id")
    r.add_argument("--to", required=True)
    r.add_argument("--by")
    r.set_defaults(run=cmd_followups_handover)

    p = sub.add_parser("export", help=_("everything held on one pupil (a parent's access request)"))
    esub = p.add_subparsers(dest="what", required=True)
    r = esub.add_parser("pupil", help=_("write one pupil's data to a new JSON file"))
    r.add_argument("pupil", help=_("pupil id, or name and/or class"))
    r.add_argument("--out", required=True, type=out_file)
    r.set_defaults(run=cmd_export_pupil)

    r = sub.add_parser("purge", help=_("delete history older than the school keeps it (backup first)"))
    r.add_argument("--before",
                   help=_("delete what is older than this date (default: the retention settings in config.toml)"))
    r.add_argument("--dry-run", action="store_true", help=_("only count"))
    r.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))
    r.set_defaults(run=cmd_purge)


def _names(pupils: list[Pupil]) -> str:
    return ", ".join(f"{p.full_name} ({p.class_name})" for p in pupils)


def _note_row(kiosk: Kiosk, note: Note, text: str | None) -> list[Cell]:
    pupils = notes.pupils_of(kiosk, note.pupil_ids)
    return [note.id, minute(note.at), ",".join(note.pupil_ids), _names(pupils), note.where, note.level,
            staff.staff_names(kiosk).get(note.by_staff, note.by_staff),
            text if text is not None else _("(personal: only its author reads it)")]


def _follow_up_row(kiosk: Kiosk, follow_up: FollowUp, pupils: list[Pupil]) -> list[Cell]:
    if follow_up.done_at:
        state = "done"
    elif is_overdue(follow_up, kiosk.clock.now()):
        state = "overdue"
    else:
        state = "open"
    names = staff.staff_names(kiosk)
    return [follow_up.id, minute(follow_up.due), state, ",".join(follow_up.pupil_ids), _names(pupils),
            names.get(follow_up.owner, follow_up.owner), follow_up.note_id, follow_up.answer]


def cmd_notes_add(kiosk: Kiosk, args: argparse.Namespace) -> int:
    if args.due and not args.owner:
        raise UsageError(_("--due needs --follow-up (who owes the answer)"))
    if args.level == "personal" and not args.by:
        raise UsageError(_("a personal note needs --by: only its author may read it"))
    pupils = list({p.id: p for p in (absences.find_pupil(kiosk, text) for text in args.pupil)}.values())
    owner = staff.find_staff(kiosk, args.owner).id if args.owner else None
    noted = notes.add_note(kiosk, pupils, args.text, acting(kiosk, args.by), at=moment_argument(kiosk, args.at),
                           where=args.where, level=args.level, guardians=dict.fromkeys(args.guardian),
                           owner=owner, due=moment_argument(kiosk, args.due), allow_quiet=args.allow_quiet)
    say(export.plain_table(NOTE_COLUMNS, [_note_row(kiosk, noted.note, noted.note.text)]))
    if noted.follow_up:
        say(_("follow-up {id}: {owner} answers by {due}").format(
            id=noted.follow_up.id, owner=staff.staff_names(kiosk).get(noted.follow_up.owner, ""),
            due=minute(noted.follow_up.due)))
    return 0


def cmd_notes_list(kiosk: Kiosk, args: argparse.Namespace) -> int:
    pupil = absences.find_pupil(kiosk, args.pupil) if args.pupil else None
    author = staff.find_staff(kiosk, args.by).id if args.by else None
    rows = []
    for start_year in reversed(kiosk.store.year_starts()):
        for note in kiosk.repos.notes.in_year(start_year):
            if (pupil and pupil.id not in note.pupil_ids) or (author and note.by_staff != author):
                continue
            # a personal note: that it exists, not what it says
            rows.append(_note_row(kiosk, note, None if note.level == "personal" else note.text))
    rows.sort(key=lambda row: str(row[1]), reverse=True)
    return emit(kiosk, args.format, "notes", NOTE_COLUMNS, rows)


def cmd_followups_list(kiosk: Kiosk, args: argparse.Namespace) -> int:
    owner = staff.find_staff(kiosk, args.owner).id if args.owner else None
    found = notes.follow_ups(kiosk, ADMIN, owner=owner, overdue=args.overdue)
    rows = [_follow_up_row(kiosk, r.follow_up, r.pupils) for r in found]
    return emit(kiosk, args.format, "follow-ups", FOLLOW_UP_COLUMNS, rows)


def cmd_followups_done(kiosk: Kiosk, args: argparse.Namespace) -> int:
    done = notes.mark_done(kiosk, notes.find_follow_up(kiosk, args.id), args.answer, acting(kiosk, args.by))
    say(export.plain_table(FOLLOW_UP_COLUMNS, [_follow_up_row(kiosk, done, notes.pupils_of(kiosk, done.pupil_ids))]))
    return 0


def cmd_followups_handover(kiosk: Kiosk, args: argparse.Namespace) -> int:
    to = staff.find_staff(kiosk, args.to).id
    moved = notes.hand_over(kiosk, notes.find_follow_up(kiosk, args.id), to, acting(kiosk, args.by))
    say(export.plain_table(FOLLOW_UP_COLUMNS, [_follow_up_row(kiosk, moved, notes.pupils_of(kiosk, moved.pupil_ids))]))
    return 0


def cmd_export_pupil(kiosk: Kiosk, args: argparse.Namespace) -> int:
    pupil = absences.find_pupil(kiosk, args.pupil)
    path, counts = privacy.export_pupil(kiosk, pupil, args.out, who())
    say(ngettext("{name}: {n} record written to {path} (only you can read it; it holds the guardians' phone "
                 "numbers: hand it to the parents who asked, then delete it)",
                 "{name}: {n} records written to {path} (only you can read it; it holds the guardians' phone "
                 "numbers: hand it to the parents who asked, then delete it)", sum(counts.values())).format(
        name=pupil.full_name, n=sum(counts.values()), path=path))
    return 0


def cmd_purge(kiosk: Kiosk, args: argparse.Namespace) -> int:
    notes_before, absences_before = privacy.retention_dates(kiosk)
    if args.before is not None:
        # keep more than the school must, never less: a date within what it keeps for the one
        # kind is refused (by the service), for the other kind its own date holds
        before = entry.read_day(args.before, today(kiosk))
        if before > max(notes_before, absences_before):
            notes_before = absences_before = before
        else:
            notes_before, absences_before = min(before, notes_before), min(before, absences_before)
    counted = privacy.purge(kiosk, who(), notes_before=notes_before, absences_before=absences_before, dry_run=True)
    say(_("older than {notes_before}: {notes} conversation notes, {follow_ups} follow-ups; older than "
          "{absences_before}: {absences} absences, {lates} late arrivals").format(
        notes_before=notes_before.isoformat(), notes=counted.notes, follow_ups=counted.follow_ups,
        absences_before=absences_before.isoformat(), absences=counted.absences, lates=counted.late_arrivals))
    if args.dry_run or not counted.total:
        say(_("nothing deleted") if not counted.total else _("dry run: nothing deleted"))
        return 0
    if not args.yes and not _confirmed(counted.total):
        raise KioskError(_("not confirmed: nothing deleted"))
    done = privacy.purge(kiosk, who(), notes_before=notes_before, absences_before=absences_before, dry_run=False)
    say(ngettext("deleted {n} record; a backup was taken first (kiosk backup --list)",
                 "deleted {n} records; a backup was taken first (kiosk backup --list)",
                 done.total).format(n=done.total))
    return 0


def _confirmed(total: int) -> bool:
    """Asks on a terminal; without one, --yes is required."""
    if not sys.stdin.isatty():
        raise KioskError(_("not confirmed: nothing deleted (add --yes to delete without a terminal to confirm on)"))
    answer = input(printable(ngettext("Delete this record for good? Type yes: ",
                                      "Delete these {n} records for good? Type yes: ", total).format(n=total)))
    return answer.strip().casefold() in ("yes", _("yes").casefold())
