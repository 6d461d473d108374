"""Login, wrong-PIN lockout, idle lock and ctrl+l, driven with the real keys."""

from __future__ import annotations

from textual.widgets import Input, OptionList, Static

from kiosk.ui.screens.absence_dialog import AbsenceDialog
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screens.login import LoginScreen
from tests.ui.conftest import login, session, wait_until


def message(app) -> str:
    return str(app.screen.query_one("#login-message", Static).render())


async def test_login_with_name_and_pin(app):
    async with app.run_test() as pilot:
        assert isinstance(app.screen, LoginScreen)
        await login(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert app.user.name == "Greet Klaprooswijk"
        assert "Greet Klaprooswijk" in str(app.screen.query_one("#user", Static).render())


async def test_typing_filters_names_and_arrows_choose(app):
    async with app.run_test() as pilot:
        await pilot.press(*"lindev")
        names = app.screen.query_one("#staff .search-matches", OptionList)
        assert names.option_count == 1
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace", "backspace")
        await pilot.press("down", "down", "up", "enter")
        assert app.screen.selected.name == app.kiosk.repos.staff.all()[1].name


async def test_wrong_pin_counts_down_then_locks_the_name(app, clock):
    async with app.run_test() as pilot:
        await login(pilot, pin="0000")
        assert isinstance(app.screen, LoginScreen)
        assert "4" in message(app)
        for _ in range(4):
            await pilot.press(*"0000", "enter")
        assert "12:" not in message(app) and "08:25" in message(app)
        await pilot.press(*"1111", "enter")  # the right PIN does not help while locked
        assert isinstance(app.screen, LoginScreen)
        assert "08:25" in message(app)
        audit = [e.action for e in app.kiosk.repos.audit.in_year(2026)]
        assert audit.count("login-failed") == 4 and audit.count("login-locked") == 1
        assert "login" not in audit
        clock.advance(minutes=5)
        await pilot.press(*"1111", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_idle_lock_returns_to_login_and_hides_everything(app, clock):
    async with session(app) as pilot:
        await pilot.press(*"lot")
        clock.advance(minutes=2)
        await pilot.pause(0.2)
        assert isinstance(app.screen, HomeScreen)  # 2 minutes: not yet
        clock.advance(minutes=1, seconds=1)
        assert await wait_until(pilot, lambda: isinstance(app.screen, LoginScreen))
        await pilot.pause()  # the lock resets the login screen right after showing it
        assert app.user is None
        assert len(app.screen_stack) == 1
        assert app.screen.query_one("#name", Input).value == ""
        assert app.screen.query_one("#pin", Input).value == ""


async def test_activity_postpones_the_idle_lock(app, clock):
    async with session(app) as pilot:
        clock.advance(minutes=2, seconds=50)
        await pilot.press("l")
        clock.advance(minutes=2, seconds=50)
        await pilot.pause(0.2)
        assert isinstance(app.screen, HomeScreen)


async def test_ctrl_l_locks_at_once_even_from_a_dialog(app):
    async with session(app) as pilot:
        await pilot.press(*"lotte", "enter")
        assert isinstance(app.screen, AbsenceDialog)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, LoginScreen)
        assert app.user is None


async def test_the_kiosk_cannot_be_closed_from_the_login_screen(app):
    async with app.run_test() as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, LoginScreen)
        commands = [c.title for c in app.get_system_commands(app.screen)]
        assert "Quit" not in commands and "Screenshot" not in commands
        await login(pilot)
        assert "Afsluiten" in [c.title for c in app.get_system_commands(app.screen)]
