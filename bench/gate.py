"""The morning gate in a headless app: keypress to absence persisted and shown, at 1 and
10 years of history, and the pupil picker's keystrokes against one 60 Hz frame."""

from __future__ import annotations

import asyncio
import statistics
import time
from pathlib import Path

from bench.fixtures import open_school
from kiosk.services.context import Kiosk
from kiosk.ui.app import KioskApp
from kiosk.ui.screens.home import HomeScreen

BLOCKS = 3
ROUNDS = 8
FRAME = 1 / 60
QUERIES = ("lot", "van d", "l3a", "emma de", "yusuf")


async def _log_absences(kiosk: Kiosk, rounds: int) -> list[float]:
    app = KioskApp(kiosk, maintenance_on_start=False)
    times = []
    async with app.run_test() as pilot:
        await pilot.press(*"greet", "enter", *"1111", "enter")
        await pilot.pause()
        pupils = kiosk.repos.pupils.all()
        for n in range(rounds):
            pupil = pupils[(n * 37) % len(pupils)]
            await pilot.press(*pupil.id.lower(), "enter")  # the search is not what we time
            await pilot.pause()
            shown = len(app._notifications)
            start = time.perf_counter()
            await pilot.press("enter")  # save with the default code
            while len(app._notifications) == shown or not isinstance(app.screen, HomeScreen):
                await pilot.pause()
            times.append(time.perf_counter() - start)
    return times


async def _keystrokes(kiosk: Kiosk) -> list[float]:
    app = KioskApp(kiosk, maintenance_on_start=False)
    times = []
    async with app.run_test() as pilot:
        await pilot.press(*"greet", "enter", *"1111", "enter")
        await pilot.pause()
        for query in QUERIES:
            for char in query:
                start = time.perf_counter()
                await pilot.press("space" if char == " " else char)
                await pilot.pause()
                times.append(time.perf_counter() - start)
            await pilot.press("escape")
    return times


def run(one_year: Path, ten_years: Path) -> list[tuple[str, float, str, bool]]:
    small, large = open_school(one_year), open_school(ten_years)
    times: dict[str, list[float]] = {"small": [], "large": []}
    for _ in range(BLOCKS):  # alternate blocks so that machine noise hits both alike
        times["small"] += asyncio.run(_log_absences(small, ROUNDS))
        times["large"] += asyncio.run(_log_absences(large, ROUNDS))
    growth = statistics.median(times["large"]) / statistics.median(times["small"])
    keystroke = statistics.median(asyncio.run(_keystrokes(large))) / FRAME
    return [
        ("absence keypress → saved and shown, 10 vs 1 year (target <= 1.2)", growth, "x", growth <= 1.2),
        ("picker keystroke, 2000 pupils, vs one 60 Hz frame (target <= 0.5)", keystroke, "x",
         keystroke <= 0.5),
    ]
