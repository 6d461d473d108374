"""Follow-ups and a pupil's timeline cost the same after ten school years as after one:
only the current (and, for open follow-ups, the previous) school year's file is read."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from bench.fixtures import open_school
from kiosk.services import notes

BLOCKS = 3
ROUNDS = 5


def _once(school: Path) -> float:
    """A fresh kiosk (nothing cached), as when the screen is opened on another machine."""
    kiosk = open_school(school)
    head = kiosk.repos.staff.get("greet-klaprooswijk")
    assert head is not None
    pupil = kiosk.repos.pupils.all()[0]
    year = kiosk.clock.now().year if kiosk.clock.now().month >= 9 else kiosk.clock.now().year - 1
    start = time.perf_counter()
    notes.follow_ups(kiosk, head)
    notes.timeline(kiosk, head, pupil, year)
    return time.perf_counter() - start


def run(one_year: Path, ten_years: Path) -> list[tuple[str, float, str, bool]]:
    times: dict[str, list[float]] = {"small": [], "large": []}
    for _block in range(BLOCKS):  # alternate, so that machine noise hits both alike
        times["small"] += [_once(one_year) for _ in range(ROUNDS)]
        times["large"] += [_once(ten_years) for _ in range(ROUNDS)]
    growth = statistics.median(times["large"]) / statistics.median(times["small"])
    return [("follow-ups + a pupil's timeline, 10 vs 1 school year (target <= 1.2)", growth, "x", growth <= 1.2)]
