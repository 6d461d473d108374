"""TinyDB storage that is atomic, durable, locked across processes and cached.

Files:
  school.json               roster, staff and settings (small, read at start)
  years/2025-2026.json      absences, late arrivals, audit ... of one school year
  backups/<name>/           checked copies (see backup.py)

Every change runs inside `Store.transaction()`: the lock file is held, TinyDB's writes
are collected in memory and flushed at the end, one atomic replace per file touched.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from kiosk.domain.calendar import school_year_label
from kiosk.errors import CorruptFile, StoreError, write_failed
from kiosk.i18n import _
from kiosk.store import journal
from kiosk.store.files import (
    FileLock,
    commit_temp,
    ensure_private_dir,
    fsync_dir,
    remove_stale_temps,
    write_temp,
)
from kiosk.store.layout import LOCK_FILE, SCHOOL_FILE, YEARS_DIR, latest_backup
from kiosk.store.migrations import META_TABLE, SCHEMA_VERSION, migrate


def decode_file(path: Path, raw: bytes) -> dict[str, Any]:
    """Parse and migrate one data file; raise CorruptFile naming it."""
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise CorruptFile(path, _("not valid JSON ({error})").format(error=exc)) from None
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        raise CorruptFile(path, _("not a kiosk data file"))
    try:
        return migrate(data)
    except ValueError as exc:
        raise CorruptFile(path, str(exc)) from None


class FreshTable(Table):
    """A TinyDB table without a query cache: another process may have changed the file."""

    default_query_cache_capacity = 0

    def forget_next_id(self) -> None:
        """The next id is only valid while the lock is held; recount it per transaction."""
        self._next_id = None


class KioskDB(TinyDB):
    table_class = FreshTable


class AtomicStorage(Storage):
    """Reads are cached until the file changes on disk; writes wait for `flush()`."""

    def __init__(self, path: Path, *, kind: str, in_transaction: Callable[[], bool],
                 on_corrupt: Callable[[Path, str], CorruptFile]) -> None:
        self.path = path
        self.kind = kind
        self._in_transaction = in_transaction
        self._on_corrupt = on_corrupt
        self._data: dict[str, Any] | None = None
        self._key: tuple[int, int, int] | None = None
        self._dirty = False
        self._pending_key: tuple[int, int, int] | None = None

    @property
    def version(self) -> tuple[int, int, int] | None:
        """Changes whenever the content changed; None while unflushed changes exist."""
        return None if self._dirty else self._key

    def read(self) -> dict[str, Any] | None:
        if self._dirty:
            return self._data
        try:
            with open(self.path, "rb") as handle:
                stat = os.fstat(handle.fileno())
                key = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
                if key == self._key:
                    return self._data
                raw = handle.read()
        except FileNotFoundError:
            self._data, self._key = None, None
            return None
        try:
            data = decode_file(self.path, raw)
        except CorruptFile as exc:
            raise self._on_corrupt(self.path, exc.reason) from None
        self._data, self._key = data, key
        return data

    def write(self, data: dict[str, Any]) -> None:
        if not self._in_transaction():
            self.forget()  # TinyDB already changed the cached dict: drop it, not save it later
            raise RuntimeError("kiosk store: write outside a transaction")
        self._data = data
        self._dirty = True

    def prepare(self) -> Path | None:
        """Write the pending changes to a synced temp file; None when there are none."""
        if not self._dirty or self._data is None:
            return None
        self._data[META_TABLE] = {"1": {"schema": SCHEMA_VERSION, "kind": self.kind}}
        previous = self._key[2] if self._key else 0
        tmp, stat = write_temp(self.path, orjson.dumps(self._data), min_mtime_ns=previous)
        self._pending_key = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
        return tmp

    def committed(self) -> None:
        """The temp file from `prepare()` is now the file."""
        self._key = self._pending_key
        self._dirty = False

    def forget(self) -> None:
        self._data, self._key, self._dirty = None, None, False



class Store:
    """One school's data directory."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        try:
            ensure_private_dir(self.data_dir)
            ensure_private_dir(self.data_dir / YEARS_DIR)
        except OSError as exc:
            raise StoreError(
                _("cannot use data directory {dir}: {error}").format(dir=self.data_dir, error=exc)
            ) from None
        self.lock = FileLock(self.data_dir / LOCK_FILE)
        try:
            with self.lock:
                journal.recover(self.data_dir)  # a transaction a crash left halfway: undone
                remove_stale_temps(self.data_dir)
                remove_stale_temps(self.data_dir / YEARS_DIR)
        except OSError as exc:
            raise StoreError(write_failed(exc, self.data_dir)) from None
        self._dbs: dict[Path, KioskDB] = {}
        self.school = self._db(self.data_dir / SCHOOL_FILE, "school")

    # -- files -------------------------------------------------------------------------
    def _db(self, path: Path, kind: str) -> KioskDB:
        if path not in self._dbs:
            self._dbs[path] = KioskDB(
                path,
                kind=kind,
                in_transaction=lambda: self.lock.held,
                on_corrupt=self.corrupt,
                storage=AtomicStorage,
            )
        return self._dbs[path]

    def year(self, start_year: int) -> KioskDB:
        """The file holding the records of one school year (created on first write)."""
        return self._db(self.year_path(start_year), "year")

    def year_path(self, start_year: int) -> Path:
        return self.data_dir / YEARS_DIR / f"{school_year_label(start_year)}.json"

    def year_starts(self) -> list[int]:
        """School years that have a file, oldest first."""
        names = (p.stem for p in (self.data_dir / YEARS_DIR).glob("*.json"))
        return sorted(int(name[:4]) for name in names if name[:4].isdigit())

    def data_files(self) -> list[Path]:
        files = [self.data_dir / SCHOOL_FILE]
        return files + sorted((self.data_dir / YEARS_DIR).glob("*.json"))

    def is_empty(self) -> bool:
        return not any(path.exists() for path in self.data_files())

    def storage_of(self, db: KioskDB) -> AtomicStorage:
        storage = db.storage
        assert isinstance(storage, AtomicStorage)
        return storage

    def corrupt(self, path: Path, reason: str) -> CorruptFile:
        """The error for a damaged file, naming the latest backup to restore."""
        return CorruptFile(path, reason, latest_backup(self.data_dir))

    # -- transactions --------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Hold the inter-process lock across the read-modify-write; flush at the end.
        A write that fails (full or read-only disk, no permission) raises StoreError:
        nothing was saved, and the message says why and what to do."""
        try:
            self.lock.acquire()
        except OSError as exc:
            raise StoreError(write_failed(exc, self.data_dir)) from None
        try:
            if self.lock.depth > 1:
                yield
                return
            for db in self._dbs.values():
                for table in db._tables.values():
                    assert isinstance(table, FreshTable)
                    table.forget_next_id()
            try:
                yield
                self._flush()
            except BaseException as exc:
                # TinyDB may have changed cached dicts in place before failing: reread all
                for db in self._dbs.values():
                    self.storage_of(db).forget()
                if isinstance(exc, OSError):
                    raise StoreError(write_failed(exc, self.data_dir)) from None
                raise
        finally:
            self.lock.release()

    def _flush(self) -> None:
        """Every touched file goes to a synced temp file first; only when all of them are
        written are they renamed into place (school.json last: year files refer to pupils).
        A full disk or an I/O error therefore changes nothing; renames over several files
        are all or nothing through a journal (see journal.py), also across a crash."""
        storages = sorted((self.storage_of(db) for db in self._dbs.values()),
                          key=lambda s: s is self.storage_of(self.school))
        prepared: list[tuple[AtomicStorage, Path]] = []
        try:
            for storage in storages:
                tmp = storage.prepare()
                if tmp is not None:
                    prepared.append((storage, tmp))
        except BaseException:
            for _storage, tmp in prepared:
                tmp.unlink(missing_ok=True)
            raise
        if len(prepared) == 1:
            storage, tmp = prepared[0]
            commit_temp(tmp, storage.path)  # one rename is atomic by itself
        elif prepared:
            journal.commit_all(self.data_dir, [(tmp, s.path) for s, tmp in prepared], commit_temp)
        for storage, _tmp in prepared:
            storage.committed()

    def wipe(self) -> None:
        """Delete every data file (callers take a backup first); only inside a transaction."""
        if not self.lock.held:
            raise RuntimeError("kiosk store: wipe outside a transaction")
        for path in self.data_files():
            path.unlink(missing_ok=True)
        for db in self._dbs.values():
            self.storage_of(db).forget()
        fsync_dir(self.data_dir / YEARS_DIR)
        fsync_dir(self.data_dir)

    def version(self) -> tuple[tuple[str, int, int, int], ...]:
        """(name, inode, size, mtime) of every data file: a stat each, nothing is read."""
        marks = []
        for path in self.data_files():
            try:
                stat = path.stat()
            except FileNotFoundError:
                continue
            marks.append((path.name, stat.st_ino, stat.st_size, stat.st_mtime_ns))
        return tuple(marks)

    def check_readable(self) -> None:
        """Raise CorruptFile when school.json cannot be read (cheap: it is cached after)."""
        self.storage_of(self.school).read()
