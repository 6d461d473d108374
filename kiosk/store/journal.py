"""All-or-nothing renames over several files.

A transaction that changed several files writes each to a synced temp file first. Before
the first rename, a journal names every file, its temp file and a hard link to its
version as it was. Only when every rename is done (and synced) is the journal removed.
A failure between two renames rolls back at once; a crash (kill -9, power) leaves the
journal, and the next open rolls back under the lock: the store is then exactly as
before the transaction, which was never acknowledged to its caller.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import orjson

from kiosk.store.files import atomic_write, fsync_dir, write_temp

JOURNAL = ".journal"


@dataclass(frozen=True)
class Entry:
    path: Path
    tmp: Path
    old: Path | None
    """A hard link to the file as it was; None when the file is new."""


def _relative(root: Path, path: Path | None) -> str | None:
    return None if path is None else str(path.relative_to(root))


def _keep_old(path: Path) -> Path | None:
    """Keep the current version under a second name (a hard link costs nothing)."""
    if not path.exists():
        return None
    old = path.with_name(f".{path.name}.{os.getpid()}.old")
    old.unlink(missing_ok=True)
    try:
        os.link(path, old)
    except OSError:  # a file system without hard links: a synced copy instead
        tmp, _stat = write_temp(old, path.read_bytes())
        os.replace(tmp, old)
    return old


def commit_all(root: Path, renames: list[tuple[Path, Path]], commit: Callable[[Path, Path], None]) -> None:
    """Rename each (tmp, path) with `commit`; all or nothing across the files."""
    entries = [Entry(path, tmp, _keep_old(path)) for tmp, path in renames]
    journal = [{"path": _relative(root, e.path), "tmp": _relative(root, e.tmp), "old": _relative(root, e.old)}
               for e in entries]
    atomic_write(root / JOURNAL, orjson.dumps(journal))
    try:
        for entry in entries:
            commit(entry.tmp, entry.path)
    except BaseException:
        roll_back(root, entries)
        raise
    (root / JOURNAL).unlink()
    fsync_dir(root)
    for entry in entries:
        if entry.old:
            entry.old.unlink(missing_ok=True)


def roll_back(root: Path, entries: list[Entry]) -> None:
    """Every file back to its version before the transaction; then the journal goes."""
    dirs = {root}
    for entry in entries:
        if entry.old is not None and entry.old.exists():
            os.replace(entry.old, entry.path)
        elif entry.old is None:
            entry.path.unlink(missing_ok=True)  # created by the transaction
        entry.tmp.unlink(missing_ok=True)
        dirs.add(entry.path.parent)
    for directory in dirs:
        fsync_dir(directory)
    (root / JOURNAL).unlink(missing_ok=True)
    fsync_dir(root)


def recover(root: Path) -> bool:
    """At open, under the lock: roll back a transaction a crash left halfway. True if it did."""
    journal = root / JOURNAL
    if not journal.exists():
        return False
    try:
        raw = orjson.loads(journal.read_bytes())
    except orjson.JSONDecodeError:
        # the journal itself was being written when the process died: no rename happened yet
        journal.unlink()
        fsync_dir(root)
        return False
    entries = [Entry(root / e["path"], root / e["tmp"], root / e["old"] if e["old"] else None) for e in raw]
    roll_back(root, entries)
    return True
