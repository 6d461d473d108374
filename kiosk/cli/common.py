"""What the CLI modules share."""

from __future__ import annotations

import getpass


def who() -> str:
    """The audit trail's 'who' for command-line changes: the operating-system user."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"
