"""`kiosk` command line: argparse in, one service call, plain text out. No business logic.

`kiosk` alone (or with only --config) starts the full-screen kiosk without importing the
commands: the login screen must come up fast, and it needs none of them."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence

from kiosk.errors import KioskError


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    config_only = not args or (len(args) == 2 and args[0] == "--config") or (
        len(args) == 1 and args[0].startswith("--config="))
    if config_only:
        return guarded(lambda: _start_app(args))
    from kiosk.cli.main import run_command

    return guarded(lambda: run_command(args))


def _start_app(args: list[str]) -> int:
    from pathlib import Path

    from kiosk import i18n
    from kiosk.config import load_config

    path = args[1] if len(args) == 2 else (args[0].split("=", 1)[1] if args else None)
    config = load_config(Path(path) if path else None)
    i18n.set_language(config.school.language)
    from kiosk.ui.app import run

    return run(config)


def guarded(command: Callable[[], int]) -> int:
    """The one place that turns a refusal or a bug into one line on stderr, never a traceback
    (its local variables could hold pupil data)."""
    from kiosk.domain.text import printable
    from kiosk.i18n import _

    try:
        return command()
    except KioskError as exc:
        hint = " " + _("(add {option})").format(option=exc.cli_option) if exc.cli_option else ""
        print(printable(f"kiosk: {exc}{hint}"), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 1
    except Exception as exc:
        if os.environ.get("KIOSK_DEBUG"):
            raise
        print(printable("kiosk: " + _("unexpected error") + f": {type(exc).__name__} (KIOSK_DEBUG=1)"), file=sys.stderr)
        return 70
