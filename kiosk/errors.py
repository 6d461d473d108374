"""Errors that reach the user as one clear line (CLI) or a message (app).

Every layer raises these; the screens and the CLI import them from here, never from the
store, so the user interface does not depend on how data is kept.
"""

from __future__ import annotations

import errno
from pathlib import Path

from kiosk.i18n import _


class KioskError(Exception):
    """A problem the user can act on; its message is shown as is."""

    exit_code = 1
    cli_option = ""
    """The command-line option that answers it (the screens ask instead)."""


class ConfigError(KioskError):
    """config.toml is missing, unreadable or has a wrong key or value."""


class NotFound(KioskError):
    """A pupil, staff member or backup that does not exist."""


class Ambiguous(KioskError):
    """A search text that matches more than one record."""

    exit_code = 2


class TextRefused(KioskError):
    """Typed or imported text that cannot be stored (control characters, too long, empty)."""


class StoreError(KioskError):
    """The data directory cannot be used, or a write failed (nothing was saved)."""


class StoreBusy(StoreError):
    """Another kiosk held the data for longer than a screen may wait: nothing was saved yet."""


def write_failed(exc: OSError, data_dir: Path) -> str:
    """Why a write failed, in words staff can act on; nothing was saved."""
    reasons = {
        errno.ENOSPC: _("the disk is full: free some space, then try again"),
        errno.EDQUOT: _("the disk quota is used up: free some space, then try again"),
        errno.EROFS: _("the disk with the data folder {dir} is read-only: ask for help"),
        errno.EACCES: _("the kiosk may not write in the data folder {dir}: ask for help"),
        errno.EPERM: _("the kiosk may not write in the data folder {dir}: ask for help"),
    }
    reason = reasons.get(exc.errno or 0, _("the disk reported an error ({error}): try again, "
                                           "and ask for help if it keeps failing"))
    return _("Nothing was saved: {reason}.").format(
        reason=reason.format(dir=data_dir, error=exc.strerror or exc))


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
