"""Backups, integrity check and restore.

A backup is a folder of synced copies of the data files, checked before they are copied.
Copies, not hard links: a file damaged in place (a disk error, a tool writing over it)
must not damage its backups too.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from kiosk.errors import Ambiguous, CorruptFile, NotFound
from kiosk.i18n import _
from kiosk.store.files import copy_durably, ensure_private_dir, fsync_dir
from kiosk.store.layout import (
    BEFORE_RESTORE,
    SCHOOL_FILE,
    YEARS_DIR,
    backups_dir,
    latest_backup,
    list_backups,
)
from kiosk.store.repo import validate_file
from kiosk.store.storage import Store, decode_file

DAILY_SUFFIX = "-daily"


@dataclass(frozen=True)
class FileProblem:
    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def check_files(paths: list[Path]) -> list[FileProblem]:
    """Each file decoded and each of its records checked; a problem per damaged file."""
    problems = []
    for path in paths:
        try:
            validate_file(path, decode_file(path, path.read_bytes()))
        except CorruptFile as exc:
            problems.append(FileProblem(path, exc.reason))
        except OSError as exc:
            problems.append(FileProblem(path, _("read error ({reason})").format(reason=exc.strerror)))
    return problems


def check_store(store: Store) -> list[FileProblem]:
    existing = [p for p in store.data_files() if p.exists()]
    problems = check_files(existing)
    if not (store.data_dir / SCHOOL_FILE).exists() and existing:
        problems.append(FileProblem(store.data_dir / SCHOOL_FILE, _("the file is missing")))
    return problems


def _relative_files(store: Store) -> list[Path]:
    return [p.relative_to(store.data_dir) for p in store.data_files() if p.exists()]


def create_backup(store: Store, now: dt.datetime, *, label: str = "manual", keep: int = 14,
                  verify: bool = True, only_if_due: bool = False) -> Path | None:
    """Snapshot every data file; a damaged file is refused, never saved over good backups.

    The lock is held only while copying: the copies are checked afterwards, so a kiosk
    saving an absence waits for a file copy, not for ten years of files to be decoded.
    With `only_if_due`, nothing happens when today's backup exists (decided under the lock,
    so several kiosks starting together take one)."""
    root = backups_dir(store.data_dir)
    with store.lock:
        if only_if_due and not daily_backup_due(store, now.date()):
            return None
        target = _unique(root, f"{now:%Y-%m-%dT%H%M%S}-{label}")
        partial = root / f".{target.name}.partial"
        shutil.rmtree(partial, ignore_errors=True)
        try:
            _copy_files(store, partial)
        except BaseException:  # a full disk: no half backup is left to be mistaken for one
            shutil.rmtree(partial, ignore_errors=True)
            raise
    problems = check_files([p for p in partial.rglob("*.json")]) if verify else []
    if problems:
        shutil.rmtree(partial, ignore_errors=True)
        damaged = store.data_dir / problems[0].path.relative_to(partial)
        raise CorruptFile(damaged, problems[0].reason, latest_backup(store.data_dir))
    os.replace(partial, target)
    fsync_dir(root)
    _rotate(root, keep)
    return target


def _unique(root: Path, name: str) -> Path:
    """Two backups within one second get -2, -3, …: a backup never overwrites another."""
    ensure_private_dir(root)
    target, n = root / name, 1
    while target.exists():
        n += 1
        target = root / f"{name}-{n}"
    return target


def _copy_files(store: Store, target: Path) -> None:
    ensure_private_dir(target)
    ensure_private_dir(target / YEARS_DIR)
    for relative in _relative_files(store):
        copy_durably(store.data_dir / relative, target / relative)
    fsync_dir(target)


BACKUP_NAME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{6}-[a-z-]+(-\d+)?$")


def _rotate(root: Path, keep: int, spare: Path | None = None) -> None:
    """Keep the newest `keep` backups (and `spare`, the one just restored). Only the kiosk's
    own backups are ever removed: a folder someone put there by hand stays."""
    backups = sorted(p for p in root.iterdir() if p.is_dir() and BACKUP_NAME.match(p.name)
                     and (p / SCHOOL_FILE).exists())
    for old in backups[:-keep]:
        if spare is None or old.resolve() != spare.resolve():
            shutil.rmtree(old, ignore_errors=True)


def daily_backup_due(store: Store, today: dt.date) -> bool:
    latest = [p for p in list_backups(store.data_dir) if p.name.endswith(DAILY_SUFFIX)]
    return not store.is_empty() and not (latest and latest[-1].name.startswith(today.isoformat()))


def daily_backup(store: Store, now: dt.datetime, keep: int, *, verify: bool = True) -> Path | None:
    """The first start of each day takes a backup; later starts do nothing."""
    return create_backup(store, now, label=DAILY_SUFFIX.lstrip("-"), keep=keep, verify=verify,
                         only_if_due=True)


def find_backup(data_dir: Path, name: str) -> Path:
    """A backup by its name, a unique start of its name, or its folder."""
    candidate = Path(name)
    if not candidate.is_dir():
        candidate = backups_dir(data_dir) / name
    if not candidate.is_dir():
        matches = [p for p in list_backups(data_dir) if p.name.startswith(name)]
        if not matches:
            raise NotFound(_("no backup called {name!r}; see: kiosk backup --list").format(name=name))
        if len(matches) > 1:
            names = ", ".join(p.name for p in matches)
            raise Ambiguous(_("{name!r} fits several backups: {names}").format(name=name, names=names))
        candidate = matches[0]
    if candidate.resolve() == data_dir.resolve() or not (candidate / SCHOOL_FILE).exists():
        raise NotFound(_("{path} is not a kiosk backup").format(path=candidate))
    return candidate


def restore_backup(store: Store, backup: Path, now: dt.datetime, keep: int) -> Path:
    """Replace the data with a backup; the data as it was is kept as a backup first."""
    files = [backup / SCHOOL_FILE, *sorted((backup / YEARS_DIR).glob("*.json"))]
    problems = check_files(files)
    if problems:
        raise CorruptFile(problems[0].path, problems[0].reason)
    with store.transaction():
        saved = _save_current(store, now)
        wanted = {p.relative_to(backup) for p in files}
        for relative in wanted:
            copy_durably(backup / relative, store.data_dir / relative)
        for relative in set(_relative_files(store)) - wanted:
            (store.data_dir / relative).unlink()
        fsync_dir(store.data_dir / YEARS_DIR)
        _rotate(backups_dir(store.data_dir), keep + 1, spare=backup)
    return saved


def _save_current(store: Store, now: dt.datetime) -> Path:
    """Back up the current files even when some are damaged: restoring must not lose them."""
    target = _unique(backups_dir(store.data_dir), f"{now:%Y-%m-%dT%H%M%S}{BEFORE_RESTORE}")
    _copy_files(store, target)
    return target
