"""What the CLI modules share: who is acting, reading dates, and printing safely."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import sys
import urllib.parse
from collections.abc import Sequence
from pathlib import Path

from kiosk.domain.text import printable
from kiosk.errors import KioskError
from kiosk.i18n import _
from kiosk.output import export
from kiosk.output.export import Cell, Column
from kiosk.services import entry, staff
from kiosk.services.context import Kiosk

FIRST_YEAR, LAST_YEAR = 2000, 2099


def who() -> str:
    """The audit trail's 'who' for command-line changes: the operating-system user."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"


class UsageError(KioskError):
    """Options that do not go together: exit code 2, as argparse's own usage errors."""

    exit_code = 2


def acting(kiosk: Kiosk, by: str | None) -> str:
    """The staff member named with --by, or the operating-system user."""
    return staff.find_staff(kiosk, by).id if by else who()


def say(text: str) -> None:
    """One line (or a table) on stdout, harmless whatever it holds."""
    print(printable(text, multiline=True))


def warn(text: str) -> None:
    print(printable(_("warning: {text}").format(text=text)), file=sys.stderr)


def note(text: str) -> None:
    print(printable(text), file=sys.stderr)


def emit(kiosk: Kiosk, fmt: str, name: str, columns: Sequence[Column], rows: Sequence[Sequence[Cell]]) -> int:
    """Print a list; an export (CSV or JSON) only after its audit line is committed."""
    text = export.render(fmt, columns, rows)
    if fmt != "table":
        kiosk.audit(who(), "export", what=name, format=fmt, count=len(rows))
    sys.stdout.write(text)
    return 0


def today(kiosk: Kiosk) -> dt.date:
    return kiosk.clock.now().date()


def day_argument(kiosk: Kiosk, text: str | None, default: dt.date) -> dt.date:
    """A date option: absent means `default`; given but empty is refused, never 'today'."""
    return default if text is None else entry.read_day(text, today(kiosk))


def period_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--date", help=_("one day (default today)"))
    parser.add_argument("--from", dest="start", help=_("first day of a period"))
    parser.add_argument("--to", dest="end", help=_("last day of a period"))


def period(kiosk: Kiosk, args: argparse.Namespace) -> tuple[dt.date, dt.date]:
    if args.date is not None and (args.start is not None or args.end is not None):
        raise UsageError(_("use --date or --from/--to, not both"))
    if args.date is not None:
        day = day_argument(kiosk, args.date, today(kiosk))
        return day, day
    start = day_argument(kiosk, args.start, today(kiosk))
    end = day_argument(kiosk, args.end, start)
    entry.check_period(start, end)
    return start, end


def school_year(text: str) -> int:
    """--year: the first calendar year of a school year, within reason."""
    if not text.isascii() or not text.isdigit() or not FIRST_YEAR <= int(text) <= LAST_YEAR:
        raise argparse.ArgumentTypeError(
            _("{text!r} is not a school year (its first year, {first}–{last})").format(
                text=text, first=FIRST_YEAR, last=LAST_YEAR))
    return int(text)


def positive(text: str) -> int:
    if not text.isascii() or not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(_("{text!r} is not a whole number of at least 1").format(text=text))
    return int(text)


def out_file(text: str) -> Path:
    """--out: a file name (an empty one would name the folder it is typed in)."""
    if not text.strip():
        raise argparse.ArgumentTypeError(_("a file name is needed"))
    return Path(text)


def web_address(text: str) -> str:
    """--public-url: an address a tablet's browser can open, e.g. http://kiosk.school.lan:8000."""
    try:
        parts = urllib.parse.urlsplit(text.strip())
        _port = parts.port  # raises ValueError for a port that is not a number
        valid = parts.scheme in ("http", "https") and bool(parts.hostname) and text.isprintable()
    except ValueError:
        valid = False
    if not valid:
        raise argparse.ArgumentTypeError(_("{text!r} is not a web address like http://kiosk.school.lan:8000").format(
            text=text))
    return text.strip()


def port(text: str) -> int:
    if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(_("{text!r} is not a port number (1–65535)").format(text=text))
    return int(text)
