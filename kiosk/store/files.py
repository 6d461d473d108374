"""Durable file primitives: atomic replace, owner-only permissions, an inter-process lock."""

from __future__ import annotations

import fcntl
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

from kiosk.errors import StoreBusy
from kiosk.i18n import _

FILE_MODE = 0o600
DIR_MODE = 0o700


def ensure_private_dir(path: Path) -> None:
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    os.chmod(path, DIR_MODE)


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_temp(path: Path, payload: bytes, *, min_mtime_ns: int = 0) -> tuple[Path, os.stat_result]:
    """Write and fsync a temp file beside `path`; `commit_temp` then renames it over `path`.

    The new file's mtime is forced above `min_mtime_ns` so that (inode, size, mtime)
    never repeats for one path: other processes rely on it to see that the file changed,
    even when two writes land within one tick of the file-system clock.
    """
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)
        view = memoryview(payload)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        mtime = max(time.time_ns(), min_mtime_ns + 1)
        os.utime(fd, ns=(mtime, mtime))
        os.fsync(fd)
        stat = os.fstat(fd)
    except BaseException:
        os.close(fd)
        tmp.unlink(missing_ok=True)
        raise
    os.close(fd)
    return tmp, stat


def commit_temp(tmp: Path, path: Path) -> None:
    os.replace(tmp, path)
    fsync_dir(path.parent)


def atomic_write(path: Path, payload: bytes, *, min_mtime_ns: int = 0) -> os.stat_result:
    """Temp file, fsync, rename over `path`, fsync the directory."""
    tmp, stat = write_temp(path, payload, min_mtime_ns=min_mtime_ns)
    commit_temp(tmp, path)
    return stat


def remove_stale_temps(directory: Path) -> None:
    """Temp files and old versions left by a killed writer (after the journal was rolled
    back); call only while holding the store's lock."""
    for pattern in (".*.tmp", ".*.old"):
        for tmp in directory.glob(pattern):
            tmp.unlink(missing_ok=True)


def copy_durably(source: Path, target: Path) -> None:
    """A real copy (never a hard link): damage to one file cannot reach the other."""
    atomic_write(target, source.read_bytes())


class FileLock:
    """An exclusive lock shared by threads of this process and by other processes.

    Re-entrant within a thread, so a service can call another service that also locks.
    With `limit_waiting()` (the kiosk's screens, on their own thread), waiting longer
    raises StoreBusy instead of freezing the screen; other threads (a background backup)
    still wait. `on_wait` is called once when another process holds it.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._thread_lock = threading.RLock()
        self._depth = 0
        self._fd: int | None = None
        self._owner: int | None = None
        self._wait_limit: tuple[int, float] | None = None
        self.on_wait: Callable[[], None] | None = None

    def limit_waiting(self, seconds: float) -> None:
        """From now on, the calling thread waits at most `seconds` for the lock."""
        self._wait_limit = (threading.get_ident(), seconds)

    def _lock_file(self, fd: int) -> None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        if self.on_wait:
            self.on_wait()
        limit = self._wait_limit
        if limit is None or limit[0] != threading.get_ident():
            fcntl.flock(fd, fcntl.LOCK_EX)
            return
        deadline = time.monotonic() + limit[1]
        while True:
            time.sleep(0.02)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise StoreBusy(_("another kiosk is saving right now")) from None

    def acquire(self) -> None:
        self._thread_lock.acquire()
        if self._depth == 0:
            fd = -1
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, FILE_MODE)
                self._lock_file(fd)
            except BaseException:
                if fd >= 0:
                    os.close(fd)
                self._thread_lock.release()
                raise
            self._fd = fd
            self._owner = threading.get_ident()
        self._depth += 1

    def __enter__(self) -> FileLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

    def release(self) -> None:
        self._depth -= 1
        if self._depth == 0 and self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
            self._owner = None
        self._thread_lock.release()

    @property
    def depth(self) -> int:
        return self._depth if self.held else 0

    @property
    def held(self) -> bool:
        """True when the calling thread holds the lock."""
        return self._owner == threading.get_ident()
