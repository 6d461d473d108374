"""What a user sees: the main screens in Dutch and English, on a classic 80×24 terminal and
on a larger one, with the fixed clock and the demo school. Reviewed by eye once; a change in
any of them fails here until it is looked at again (`pytest --snapshot-update`)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from kiosk import i18n
from kiosk.services import staff
from kiosk.services.context import Kiosk
from kiosk.ui.app import KioskApp
from tests.ui.conftest import HEAD_ID

SIZES = {"80x24": (80, 24), "120x40": (120, 40)}
Steps = Callable[[Pilot[None]], Awaitable[None]]


async def logged_in(pilot: Pilot[None]) -> None:
    app = pilot.app
    assert isinstance(app, KioskApp)
    app.start_session(staff.find_staff(app.kiosk, HEAD_ID))
    await pilot.pause()


def then(*keys: str) -> Steps:
    async def steps(pilot: Pilot[None]) -> None:
        await logged_in(pilot)
        await pilot.press(*keys)
        await pilot.pause()

    return steps


async def at_login(pilot: Pilot[None]) -> None:
    await pilot.press(*"gre")


async def text_message(pilot: Pilot[None]) -> None:
    """A message the reader is unsure of: which pupil, and the last day, are marked."""
    await logged_in(pilot)
    await pilot.press("f7")
    pilot.app.screen.query_one("#sms-text", Input).value = "Goeiemorgen juf, Lotte is ziek tot woensdag. Groetjes"
    await pilot.press("enter")
    await pilot.pause()


SCREENS: dict[str, Steps] = {
    "login": at_login,
    "home": then(),
    "absence_dialog": then(*"lotte", "enter"),
    "day_view": then("f2"),
    "pupil_card": then(*"lotte", "enter", "i"),
    "audit": then("f6"),
    "text_message": text_message,
    "note": then(*"lotte", "enter", "g", *"Vraagt naar de zwemles", "tab", "f"),
    "follow_ups": then("f3"),
    "meetings": then("f4"),
    "invitations": then("f5", "right", "down"),
    "class_qr": then("f5", "q"),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("screen", SCREENS)
def test_screen(snap_compare, kiosk: Kiosk, screen: str, language: str, size: str) -> None:
    i18n.set_language(language)
    app = KioskApp(kiosk, maintenance_on_start=False, idle_check_seconds=3600, watch_seconds=3600)
    assert snap_compare(app, terminal_size=SIZES[size], run_before=SCREENS[screen])
