from __future__ import annotations

import pytest

from kiosk.services.context import Kiosk
from kiosk.ui.app import KioskApp

HEAD = ("Greet", "1111")
IDLE_CHECK = 0.05


@pytest.fixture
def app(kiosk: Kiosk) -> KioskApp:
    return KioskApp(kiosk, idle_check_seconds=IDLE_CHECK, maintenance_on_start=False)


async def login(pilot, name: str = HEAD[0], pin: str = HEAD[1]) -> None:
    await pilot.press(*name.lower())
    await pilot.press("enter")
    await pilot.press(*pin, "enter")
    await pilot.pause()


async def wait_until(pilot, condition, timeout: float = 5.0) -> bool:
    """Pause until `condition()` holds (timers run in real time, and CI machines are slow)."""
    for _ in range(int(timeout / 0.05)):
        if condition():
            return True
        await pilot.pause(0.05)
    return condition()
