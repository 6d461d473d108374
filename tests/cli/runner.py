"""`kiosk …` as a real child process, without paying Python's start and the kiosk's imports
each time: children are forked from a server process (multiprocessing's forkserver) that has
imported the command line once. Each child gets its own environment, stdin, stdout and
stderr (files, at the file-descriptor level), runs `kiosk.cli.main` as `python -m kiosk`
does, and its exit code is the process's. Nothing of one command survives into the next: the
server itself never runs a command.

KIOSK_TEST_SUBPROCESS=1 runs every command with `python -m kiosk` instead (a fresh
interpreter each time, as a user's shell would): slower, the same results.
"""

from __future__ import annotations

import contextlib
import io
import multiprocessing
import os
import runpy
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Mapping, Sequence
from multiprocessing.context import ForkServerContext
from pathlib import Path

TIMEOUT = 120
# What `kiosk` imports for a command, loaded once in the server (babel's date and list
# modules are imported lazily by the kiosk: loaded here too). Not kiosk.cli.main itself: once
# imported, that module shadows the package's `main` function, which `python -m kiosk` calls.
PRELOAD = ["kiosk.cli", "kiosk.cli.absences", "kiosk.cli.invites", "kiosk.cli.meetings", "kiosk.cli.notes",
           "kiosk.cli.sms", "kiosk.services.audit_view", "kiosk.services.demo", "kiosk.services.maintenance",
           "babel.dates", "babel.lists"]
_context: ForkServerContext | None = None


def _server() -> ForkServerContext:
    global _context
    if _context is None:
        _context = multiprocessing.get_context("forkserver")
        _context.set_forkserver_preload(PRELOAD)
    return _context


def run_kiosk(args: Sequence[str | bytes], *, env: Mapping[str, str], stdin: bytes = b"",
              timeout: float = TIMEOUT) -> subprocess.CompletedProcess[bytes]:
    """Like `subprocess.run([python, -m, kiosk, *args], input=stdin, capture_output=True)`."""
    if os.environ.get("KIOSK_TEST_SUBPROCESS"):
        return subprocess.run([sys.executable, "-m", "kiosk", *args], input=stdin, capture_output=True,
                              env=dict(env), timeout=timeout)
    with tempfile.TemporaryDirectory(prefix="kiosk-cli-") as folder:
        paths = [Path(folder) / name for name in ("stdin", "stdout", "stderr")]
        paths[0].write_bytes(stdin)
        for path in paths[1:]:
            path.touch()
        child = _server().Process(target=_child, args=(list(args), dict(env), *map(str, paths)))
        child.start()
        child.join(timeout)
        if child.exitcode is None:
            child.kill()
            child.join()
            raise subprocess.TimeoutExpired(["kiosk", *map(str, args)], timeout)
        return subprocess.CompletedProcess(["kiosk", *args], child.exitcode, paths[1].read_bytes(),
                                           paths[2].read_bytes())


def _stream(fd: int, mode: str, like: io.TextIOWrapper | None) -> io.TextIOWrapper:
    """A text stream on `fd` with the encoding a fresh interpreter would give it."""
    raw = io.FileIO(fd, mode, closefd=False)
    buffered = io.BufferedReader(raw) if mode == "r" else io.BufferedWriter(raw)
    return io.TextIOWrapper(buffered, encoding=like.encoding if like else "utf-8",
                            errors=like.errors if like else "strict")


def _child(args: list[str | bytes], env: dict[str, str], stdin: str, stdout: str, stderr: str) -> None:
    """In the forked child: its own environment and standard streams, then `python -m kiosk`."""
    os.environ.clear()
    os.environ.update(env)
    for fd, path, flags in ((0, stdin, os.O_RDONLY), (1, stdout, os.O_WRONLY), (2, stderr, os.O_WRONLY)):
        opened = os.open(path, flags)
        os.dup2(opened, fd)
        os.close(opened)
    sys.stdin = _stream(0, "r", sys.__stdin__)
    sys.stdout = _stream(1, "w", sys.__stdout__)
    sys.stderr = _stream(2, "w", sys.__stderr__)
    sys.argv = [sys.executable, *(os.fsdecode(arg) for arg in args)]  # argv as the interpreter decodes it
    code: int
    try:
        runpy.run_module("kiosk", run_name="__main__", alter_sys=True)
        code = 0
    except SystemExit as exc:  # how `python -m kiosk` ends, and argparse's usage errors
        if isinstance(exc.code, str):
            print(exc.code, file=sys.stderr)
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:  # as the interpreter would: the traceback, exit code 1
        traceback.print_exc()
        code = 1
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError):
                stream.flush()
    os._exit(code)


def as_text(result: subprocess.CompletedProcess[bytes]) -> subprocess.CompletedProcess[str]:
    """As `subprocess.run(..., text=True)` gives it: decoded, universal newlines."""

    def text(data: bytes) -> str:
        return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", newline=None).read()

    return subprocess.CompletedProcess(result.args, result.returncode, text(result.stdout), text(result.stderr))
