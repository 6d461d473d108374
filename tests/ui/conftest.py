"""Pilot fixtures: the app on a copy of the demo school with a fixed clock, and a session
that starts logged in (only the login tests type a PIN)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import pytest
from textual import _wait as textual_wait
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet
from textual.errors import NoWidget
from textual.message import Message
from textual.pilot import Pilot

from kiosk.services import staff
from kiosk.services.context import Kiosk
from kiosk.ui.app import KioskApp

HEAD = ("Greet", "1111")
HEAD_ID = "greet-klaprooswijk"
IDLE_CHECK = 0.05
WATCH = 0.05


@pytest.fixture(autouse=True)
def quick_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pilot waits after every key until the app is idle, in steps of 20 ms (twice a key): most
    of a UI test's time went to those sleeps. In steps of 10 ms (idle: under 1 ms of work in a
    step) it still waits for every key to be handled and the screen drawn, twice as soon.
    (4 ms steps were too short: a tap could land before the screen was redrawn.)"""
    monkeypatch.setattr(textual_wait, "SLEEP_GRANULARITY", 0.01)
    monkeypatch.setattr(textual_wait, "SLEEP_IDLE", 0.001)


_PARSED: dict[tuple[object, ...], list[RuleSet]] = {}
_parse_rules = Stylesheet._parse_rules


def _parse_rules_once(self: Stylesheet, css: str, read_from: tuple[str, str], is_default_rules: bool = False,
                      tie_breaker: int = 0, scope: str = "") -> list[RuleSet]:
    """Textual parses every app's CSS afresh (its cache is the stylesheet's own); a test
    process starts hundreds of apps with the same CSS and theme variables."""
    key = (css, read_from, is_default_rules, tie_breaker, scope, tuple(sorted(self._variables.items())))
    if key not in _PARSED:
        _PARSED[key] = _parse_rules(self, css, read_from, is_default_rules, tie_breaker, scope)
    return _PARSED[key]


@pytest.fixture(autouse=True)
def css_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Stylesheet, "_parse_rules", _parse_rules_once)


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


async def tap(pilot: Pilot[None], selector: str) -> None:
    """A finger on the middle of a button, once the screen shows it there: a tap where it is
    not yet drawn would land on whatever was there before."""

    def drawn() -> bool:
        found = pilot.app.screen.query(selector)
        if not found or not found.first().region.area:
            return False
        widget, region = found.first(), found.first().region
        try:
            at, _region = pilot.app.screen.get_widget_at(*region.center)
        except NoWidget:
            return False
        return at is widget or widget in at.ancestors

    assert await wait_until(pilot, drawn), f"{selector} is not on the screen"
    region = pilot.app.screen.query_one(selector).region
    await pilot.click(selector, offset=(region.width // 2, region.height // 2))


async def wait_until(pilot: Pilot[None], condition: Callable[[], object], timeout: float = 20.0) -> bool:
    """Pause until `condition()` holds (timers run in real time, and CI machines are slow)."""
    for _ in range(int(timeout / 0.05)):
        if condition():
            return True
        await pilot.pause(0.05)
    return bool(condition())
