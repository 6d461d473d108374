"""Pilot fixtures: the app on a copy of the demo school with a fixed clock, and a session
that starts logged in (only the login tests type a PIN)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import pytest
from textual.message import Message
from textual.pilot import Pilot

from kiosk.services import staff
from kiosk.services.context import Kiosk
from kiosk.ui.app import KioskApp

HEAD = ("Greet", "1111")
HEAD_ID = "greet-klaprooswijk"
IDLE_CHECK = 0.05
WATCH = 0.05


@pytest.fixture
def app(kiosk: Kiosk) -> KioskApp:
    return KioskApp(kiosk, idle_check_seconds=IDLE_CHECK, watch_seconds=WATCH, maintenance_on_start=False)


@asynccontextmanager
async def session(app: KioskApp, who: str = HEAD_ID, *, size: tuple[int, int] = (120, 40),
                  messages: list[Message] | None = None) -> AsyncIterator[Pilot[None]]:
    """The app running with `who` logged in (as after a right PIN) on the home screen."""
    hook = messages.append if messages is not None else None
    async with app.run_test(size=size, message_hook=hook) as pilot:
        app.start_session(staff.find_staff(app.kiosk, who))
        await pilot.pause()
        yield pilot


async def login(pilot: Pilot[None], name: str = HEAD[0], pin: str = HEAD[1]) -> None:
    await pilot.press(*name.lower())
    await pilot.press("enter")
    await pilot.press(*pin, "enter")
    await pilot.pause()


async def wait_until(pilot: Pilot[None], condition: Callable[[], object], timeout: float = 20.0) -> bool:
    """Pause until `condition()` holds (timers run in real time, and CI machines are slow)."""
    for _ in range(int(timeout / 0.05)):
        if condition():
            return True
        await pilot.pause(0.05)
    return bool(condition())
