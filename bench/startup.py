"""Time to the login screen, as a ratio to a bare Textual app started the same way.

Each start is a fresh `python -m bench.startup {bare|kiosk CONFIG}` process, headless,
that exits as soon as its first screen is on display.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from textual.pilot import Pilot

ROUNDS = 9


async def _exit_when_shown(pilot: Pilot[object]) -> None:
    await pilot.pause()
    pilot.app.exit(type(pilot.app.screen).__name__)


def _bare() -> str:
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Input

    class Bare(App[str]):
        def compose(self) -> ComposeResult:
            yield Input()
            yield Footer()

    return Bare().run(headless=True, auto_pilot=_exit_when_shown) or ""


def _kiosk(config_path: str) -> str:
    from kiosk import i18n
    from kiosk.config import load_config
    from kiosk.services.context import Kiosk

    config = load_config(Path(config_path))
    i18n.set_language(config.school.language)
    from kiosk.ui.app import KioskApp

    return KioskApp(Kiosk.open(config)).run(headless=True, auto_pilot=_exit_when_shown) or ""


def _start(*args: str) -> float:
    begin = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "bench.startup", *args], capture_output=True,
                            text=True, env=os.environ.copy(), check=False)
    elapsed = time.perf_counter() - begin
    if result.returncode != 0:
        raise RuntimeError(f"startup run failed: {result.stderr.strip()[-400:]}")
    return elapsed


def run(ten_years: Path) -> list[tuple[str, float, str, bool]]:
    _start("kiosk", str(ten_years))  # warm-up: the first start also compiles and caches files
    bare, kiosk = [], []
    for _ in range(ROUNDS):
        bare.append(_start("bare"))
        kiosk.append(_start("kiosk", str(ten_years)))
    # the fastest of several starts: a start this short is only ever slowed down by noise
    ratio = min(kiosk) / min(bare)
    return [("start to login screen, kiosk (10 years) vs bare Textual app (target <= 1.5)",
             ratio, "x", ratio <= 1.5)]


if __name__ == "__main__":
    shown = _bare() if sys.argv[1] == "bare" else _kiosk(sys.argv[2])
    expected = "Screen" if sys.argv[1] == "bare" else "LoginScreen"
    sys.exit(0 if shown == expected else f"showed {shown!r}, expected {expected}")
