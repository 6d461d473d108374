"""A kiosk whose terminal goes away quits, even when no hangup signal reaches it (as under
`make run`, where make's process group keeps it): it used to read the closed terminal at full
speed until someone noticed."""

from __future__ import annotations

import fcntl
import os
import select
import signal
import subprocess
import sys
import termios
import time
from pathlib import Path

from kiosk.config import load_config
from kiosk.services.context import Kiosk
from kiosk.services.demo import build_demo
from kiosk.store.storage import Store
from tests.conftest import write_config


def _own_terminal_without_hangups() -> None:
    """In the child: the pty on stdin becomes its controlling terminal; SIGHUP is ignored, so
    only the kiosk's own check can notice the terminal is gone."""
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)


def _read_until(master: int, wanted: bytes, timeout: float) -> bytes:
    seen = b""
    deadline = time.monotonic() + timeout
    while wanted not in seen and time.monotonic() < deadline:
        if select.select([master], [], [], 0.2)[0]:
            seen += os.read(master, 65536)
    return seen


def test_the_kiosk_quits_when_its_terminal_is_closed(tmp_path: Path) -> None:
    config_file = write_config(tmp_path)
    config = load_config(config_file)
    build_demo(Kiosk(config, Store(config.data_dir)), pupils=20, years=1, seed=3)
    master, slave = os.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}
    process = subprocess.Popen([sys.executable, "-m", "kiosk", "--config", str(config_file)],
                               stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True,
                               preexec_fn=_own_terminal_without_hangups)
    os.close(slave)
    try:
        assert b"naam" in _read_until(master, b"naam", timeout=60), "the login screen never showed"
        assert process.poll() is None
        os.close(master)  # the window is closed
        assert process.wait(timeout=30) == 129  # as after a hangup signal
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
