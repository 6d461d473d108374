"""Errors that reach the user as one clear line (CLI) or a message (app).

Every layer raises these; the screens and the CLI import them from here, never from the
store, so the user interface does not depend on how data is kept.
"""

from __future__ import annotations

from pathlib import Path

from kiosk.i18n import _


class KioskError(Exception):
    """A problem the user can act on; its message is shown as is."""

    exit_code = 1


class ConfigError(KioskError):
    """config.toml is missing, unreadable or has a wrong key or value."""


class NotFound(KioskError):
    """A pupil, staff member or backup that does not exist."""


class Ambiguous(KioskError):
    """A search text that matches more than one record."""

    exit_code = 2


class StoreError(KioskError):
    """The data directory cannot be used, or a write failed (nothing was saved)."""


class CorruptFile(StoreError):
    """A data file that cannot be read; never silently replaced."""

    exit_code = 3

    def __init__(self, path: Path, reason: str, backup: Path | None = None) -> None:
        self.path, self.reason, self.backup = path, reason, backup
        if backup:
            hint = _("Latest backup: {path} (restore with: kiosk restore {name})").format(
                path=backup, name=backup.name)
        else:
            hint = _("No backup found.")
        super().__init__(
            _("data file {path} cannot be read: {reason}. {hint}").format(path=path, reason=reason, hint=hint)
        )
