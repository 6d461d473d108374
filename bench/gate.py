"""The morning gate in a headless app: keypress to absence persisted and shown, at 1 and
10 years of history, and the pupil picker's keystrokes against one 60 Hz frame."""

from __future__ import annotations

import asyncio
import statistics
import time
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.widgets import Input

from bench.fixtures import open_school
from kiosk.services import absences
from kiosk.services.context import Kiosk
from kiosk.ui.app import KioskApp
from kiosk.ui.screens.absence_dialog import AbsenceDialog
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.widgets.pupil_picker import PupilPicker

BLOCKS = 3
ROUNDS = 8
FRAME = 1 / 60
QUERIES = ("lot", "van d", "l3a", "emma de", "yusuf")


def _showing(app: KioskApp, screen: type[object]) -> bool:
    """A function, not an inline isinstance: the screen changes between two checks."""
    return isinstance(app.screen, screen)


async def _log_absences(kiosk: Kiosk, rounds: int, first: int) -> list[float]:
    """Logs `rounds` absences for pupils not yet absent today (a second one is refused)."""
    app = KioskApp(kiosk, maintenance_on_start=False)
    times = []
    async with app.run_test() as pilot:
        await pilot.press(*"greet", "enter", *"1111", "enter")
        await pilot.pause()
        today = kiosk.clock.now().date()
        absent = {a.pupil_id for a in absences.absences_between(kiosk, today, today)}
        pupils = [p for p in kiosk.repos.pupils.all() if p.id not in absent]
        for n in range(first, first + rounds):
            pupil = pupils[(n * 37) % len(pupils)]
            app.screen.query_one("#picker-input", Input).value = f"{pupil.full_name} {pupil.class_name}"
            await pilot.pause()
            await pilot.press("enter")  # the search is not what we time
            if not _showing(app, AbsenceDialog):
                raise RuntimeError(f"the picker did not open {pupil.full_name}")
            shown = len(app._notifications)
            start = time.perf_counter()
            await pilot.press("enter")  # save with the default code
            for _ in range(1000):
                if len(app._notifications) > shown and _showing(app, HomeScreen):
                    break
                await pilot.pause()
            else:
                raise RuntimeError("the absence was not shown as saved")
            times.append(time.perf_counter() - start)
    return times


async def _keystrokes(kiosk: Kiosk) -> tuple[list[float], list[float]]:
    """(time inside the picker's handler, whole pilot round trip) per keystroke."""
    round_trip = await _type_queries(KioskApp(kiosk, maintenance_on_start=False), login=True)
    handler = []
    app = KioskApp(kiosk, maintenance_on_start=False)
    async with app.run_test() as pilot:
        await pilot.press(*"greet", "enter", *"1111", "enter")
        await pilot.pause()
        picker = app.screen.query_one(PupilPicker)
        for query in QUERIES:
            for end in range(1, len(query) + 1):
                start = time.perf_counter()
                picker.show(query[:end])  # what one keystroke runs
                handler.append(time.perf_counter() - start)
    return handler, round_trip


async def _type_queries(app: App[Any], *, login: bool = False) -> list[float]:
    times = []
    async with app.run_test() as pilot:
        if login:
            await pilot.press(*"greet", "enter", *"1111", "enter")
            await pilot.pause()
        for query in QUERIES:
            for char in query:
                start = time.perf_counter()
                await pilot.press("space" if char == " " else char)
                await pilot.pause()
                times.append(time.perf_counter() - start)
            app.screen.query_one(Input).value = ""
    return times


class BareInput(App[None]):
    """The same keystrokes into a plain Input: what any Textual app costs."""

    def compose(self) -> ComposeResult:
        yield Input()


def run(one_year: Path, ten_years: Path) -> list[tuple[str, float, str, bool]]:
    small, large = open_school(one_year), open_school(ten_years)
    times: dict[str, list[float]] = {"small": [], "large": []}
    for block in range(BLOCKS):  # alternate blocks so that machine noise hits both alike
        times["small"] += asyncio.run(_log_absences(small, ROUNDS, block * ROUNDS))
        times["large"] += asyncio.run(_log_absences(large, ROUNDS, block * ROUNDS))
    growth = statistics.median(times["large"]) / statistics.median(times["small"])
    handler, round_trip = asyncio.run(_keystrokes(large))
    bare = asyncio.run(_type_queries(BareInput()))
    in_handler = statistics.median(handler) / FRAME
    versus_bare = statistics.median(round_trip) / statistics.median(bare)
    return [
        ("absence keypress → saved and shown, 10 vs 1 year (target <= 1.2)", growth, "x", growth <= 1.2),
        ("picker search+list per keystroke, 2000 pupils, vs one 60 Hz frame (target <= 0.5)",
         in_handler, "x", in_handler <= 0.5),
        ("picker keystroke round trip vs a plain Textual Input (target <= 1.5)", versus_bare, "x",
         versus_bare <= 1.5),
    ]
