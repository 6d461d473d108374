"""Where things live in a data directory; shared by the storage and the backups."""

from __future__ import annotations

from pathlib import Path

SCHOOL_FILE = "school.json"
YEARS_DIR = "years"
BACKUPS_DIR = "backups"
LOCK_FILE = ".lock"
BEFORE_RESTORE = "-before-restore"


def backups_dir(data_dir: Path) -> Path:
    return data_dir / BACKUPS_DIR


def list_backups(data_dir: Path) -> list[Path]:
    """Complete backups, oldest first (names start with a timestamp)."""
    root = backups_dir(data_dir)
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if p.is_dir() and (p / SCHOOL_FILE).exists())


def latest_backup(data_dir: Path) -> Path | None:
    """The newest backup worth restoring (a pre-restore copy may hold damaged files)."""
    backups = [p for p in list_backups(data_dir) if not p.name.endswith(BEFORE_RESTORE)]
    return backups[-1] if backups else None
