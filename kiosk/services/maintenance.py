"""Integrity check, backups and restore, with the audit trail."""

from __future__ import annotations

from pathlib import Path

from kiosk.domain.calendar import school_year_of
from kiosk.domain.models import AuditEntry
from kiosk.errors import CorruptFile, StoreError
from kiosk.i18n import _
from kiosk.services.context import SYSTEM, Kiosk
from kiosk.store import backup, layout


def check(kiosk: Kiosk) -> list[backup.FileProblem]:
    return backup.check_store(kiosk.store)


def check_or_raise(kiosk: Kiosk) -> None:
    """Raise CorruptFile for the first damaged file, with the latest backup named."""
    problems = check(kiosk)
    if problems:
        raise CorruptFile(problems[0].path, problems[0].reason, latest_backup(kiosk))


def make_backup(kiosk: Kiosk, who: str) -> Path:
    try:
        path = backup.create_backup(kiosk.store, kiosk.clock.now(), keep=kiosk.config.backup.keep)
    except OSError as exc:
        raise StoreError(_("The backup failed: {error}").format(error=exc.strerror or exc)) from None
    assert path is not None  # only a daily backup is ever skipped
    kiosk.audit(who, "backup", backup=path.name)
    return path


def daily_backup(kiosk: Kiosk, *, verified: bool = False) -> Path | None:
    """`verified`: the caller has just checked every file, so it is not decoded twice."""
    try:
        path = backup.daily_backup(kiosk.store, kiosk.clock.now(), kiosk.config.backup.keep, verify=not verified)
    except OSError as exc:  # a full disk: the kiosk goes on, the head is told
        raise StoreError(_("The daily backup failed: {error}").format(error=exc.strerror or exc)) from None
    if path is not None:
        kiosk.audit(SYSTEM, "backup", backup=path.name)
    return path


def list_backups(kiosk: Kiosk) -> list[Path]:
    return layout.list_backups(kiosk.store.data_dir)


def latest_backup(kiosk: Kiosk) -> Path | None:
    return layout.latest_backup(kiosk.store.data_dir)


def restore(kiosk: Kiosk, name: str, who: str) -> tuple[Path, Path]:
    """Returns (restored backup, backup of the data as it was before).

    The data goes back to the backup; the audit trail does not: it is append-only, so its
    entries since the backup (logins, exports, changes) are carried over."""
    source = backup.find_backup(kiosk.store.data_dir, name)
    with kiosk.store.transaction():
        trail = _readable_audit(kiosk)
        saved = backup.restore_backup(kiosk.store, source, kiosk.clock.now(), kiosk.config.backup.keep)
        for start_year, entries in trail.items():
            kept = set(kiosk.repos.audit.in_year(start_year))
            kiosk.repos.audit.add_many(e for e in entries if e not in kept)
        kiosk.audit(who, "restore", backup=source.name, saved=saved.name)
    return source, saved


def _readable_audit(kiosk: Kiosk) -> dict[int, list[AuditEntry]]:
    """The audit trail of every year file that can still be read (a damaged one cannot)."""
    trail = {}
    for start_year in kiosk.store.year_starts():
        try:
            trail[start_year] = kiosk.repos.audit.in_year(start_year)
        except CorruptFile:
            continue
    return trail


def audit_trail(kiosk: Kiosk, start_year: int | None = None) -> list[AuditEntry]:
    year = start_year if start_year is not None else school_year_of(kiosk.clock.now().date())
    entries = kiosk.repos.audit.in_year(year)
    return sorted(entries, key=lambda e: e.at)
