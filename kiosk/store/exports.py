"""Files the kiosk hands out on request (a pupil's data for a parent's access request):
written whole or not at all, readable by the owner only, never over an existing file."""

from __future__ import annotations

import errno
from pathlib import Path

from kiosk.errors import KioskError, write_failed
from kiosk.i18n import _
from kiosk.store.files import DIR_MODE, atomic_write


def write_private(path: Path, payload: bytes) -> Path:
    """Raises KioskError (nothing written) when the file exists or cannot be written."""
    path = path.expanduser().resolve()
    if path.exists():
        raise KioskError(_("{path} already exists: choose another name").format(path=path))
    if not path.parent.is_dir():
        raise KioskError(_("the folder {folder} does not exist").format(folder=path.parent))
    try:
        atomic_write(path, payload)
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EPERM):
            raise KioskError(_("the kiosk may not write in {folder}").format(folder=path.parent)) from None
        raise KioskError(write_failed(exc, path.parent)) from None
    return path


def remove_private(path: Path) -> None:
    """Takes back a file just written (its audit line could not be written)."""
    path.unlink(missing_ok=True)


def new_file_in(folder: Path, stem: str, suffix: str) -> Path:
    """A name for a new file in `folder` (made, owner-only, when missing): `stem` + suffix,
    or stem-2, stem-3, ... when that exists already."""
    folder = folder.expanduser().resolve()
    try:
        folder.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)  # an existing folder keeps its own mode
    except OSError as exc:
        raise KioskError(_("the folder {folder} cannot be made ({reason}): choose another in config.toml").format(
            folder=folder, reason=exc.strerror or exc)) from None
    path, n = folder / f"{stem}{suffix}", 1
    while path.exists():
        n += 1
        path = folder / f"{stem}-{n}{suffix}"
    return path
