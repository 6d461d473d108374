"""Time to the login screen, as a ratio to a bare Textual app started the same way.

Measured from outside, as a person sees it: each start is a fresh process in a terminal
(a pseudo-terminal of 120×40), timed from the start of the process until the screen's
text (the school's name) has been drawn. The median of several starts each, interleaved.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

ROUNDS = 5
MARKER = b"Bench school"  # the school's name: on the login screen, and on the bare app's screen
TIMEOUT = 30.0
BARE = (
    "from textual.app import App\n"
    "from textual.widgets import Footer, Input, Static\n"
    "class Bare(App):\n"
    "    def compose(self):\n"
    "        yield Static('Bench school')\n"
    "        yield Input()\n"
    "        yield Footer()\n"
    "Bare().run()\n"
)


def _time_to_screen(command: list[str]) -> float:
    """Seconds from starting `command` in a terminal until MARKER is on it."""
    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40"}
    begin = time.perf_counter()
    process = subprocess.Popen(command, stdin=terminal, stdout=terminal, stderr=terminal, env=env,
                               start_new_session=True)
    os.close(terminal)
    seen = b""
    try:
        while MARKER not in seen:
            if time.perf_counter() - begin > TIMEOUT:
                raise RuntimeError(f"nothing shown within {TIMEOUT} s: {seen[-300:]!r}")
            ready, _, _ = select.select([controller], [], [], 0.5)
            if ready:
                try:
                    seen += os.read(controller, 65536)
                except OSError:  # the process ended
                    raise RuntimeError(f"the process ended before showing its screen: {seen[-300:]!r}") from None
        return time.perf_counter() - begin
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        os.close(controller)


def run(ten_years: Path, rounds: int = ROUNDS) -> list[tuple[str, float, str, bool]]:
    kiosk = [sys.executable, "-m", "kiosk", "--config", str(ten_years)]
    bare = [sys.executable, "-c", BARE]
    _time_to_screen(kiosk)  # warm-up: the first start also compiles and caches files
    _time_to_screen(bare)
    kiosk_times, bare_times = [], []
    for _ in range(rounds):  # interleaved, so that machine noise hits both alike
        bare_times.append(_time_to_screen(bare))
        kiosk_times.append(_time_to_screen(kiosk))
    ratio = statistics.median(kiosk_times) / statistics.median(bare_times)
    return [("start to login screen in a terminal, kiosk (10 years) vs bare Textual app, median of "
             f"{rounds} (target <= 1.5)", ratio, "x", ratio <= 1.5)]


if __name__ == "__main__":
    for name, value, unit, ok in run(Path(sys.argv[1])):
        print(f"{name}: {value:.2f}{unit} {'OK' if ok else 'MISSED'}")
