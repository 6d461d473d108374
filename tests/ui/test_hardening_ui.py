"""The kiosk stays up and says what happened: failing disks, a busy store, hostile names,
wrong PINs from one screen, touch instead of keys, and a classic 80×24 terminal."""

from __future__ import annotations

import datetime as dt
import errno
from dataclasses import replace
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from kiosk.domain.models import Absence, AuditEntry, Guardian, LateArrival, Pupil, Role, Staff
from kiosk.services import absences, staff
from kiosk.services.context import Kiosk
from kiosk.store import Store, storage
from kiosk.ui.app import KioskApp
from kiosk.ui.base import WaitingScreen
from kiosk.ui.screens.absence_dialog import AbsenceDialog
from kiosk.ui.screens.day_view import DayViewScreen
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screens.login import LoginScreen
from kiosk.ui.screens.staff import StaffScreen
from kiosk.ui.widgets.search_list import SearchList
from tests.conftest import MONDAY_MORNING
from tests.hostile import HOSTILE, unsafe
from tests.ui.conftest import login, session, tap, wait_until

TODAY = MONDAY_MORNING.date()
PARENT = Guardian("Mona Testveld", phone="0000 12 12 12", email="mona@example.org")
QUINTEN = Pupil("T1", "Quinten", "Testveld", "3B", guardians=(PARENT,))


@pytest.fixture(autouse=True)
def family(kiosk: Kiosk) -> None:
    kiosk.repos.pupils.save_many([QUINTEN])


def mine(kiosk: Kiosk) -> list[Absence]:
    return [a for a in absences.absences_between(kiosk, TODAY, TODAY) if a.pupil_id == QUINTEN.id]


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: Path, payload: bytes, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(storage, "write_temp", refuse)


# -- a failing disk ---------------------------------------------------------------------------
async def test_a_full_disk_is_explained_where_it_happened_and_nothing_changes(app, kiosk, monkeypatch):
    async with session(app) as pilot:
        full_disk(monkeypatch)
        await pilot.press(*"quinten", "enter", "enter")           # absence: refused in the dialog
        assert isinstance(app.screen, AbsenceDialog)
        assert "Niets werd opgeslagen" in text_of(app, "#form-error") and "vol" in text_of(app, "#form-error")
        await pilot.press("t", *"bus", "enter")                    # a late arrival instead: the same
        assert isinstance(app.screen, AbsenceDialog)
        assert "Niets werd opgeslagen" in text_of(app, "#form-error")
        await pilot.press("escape")
        assert app.is_running and isinstance(app.screen, HomeScreen)
        monkeypatch.undo()
        await pilot.press(*"quinten", "enter", "enter")            # room again: it works
        await pilot.pause()
        assert len(mine(kiosk)) == 1
        full_disk(monkeypatch)
        await pilot.press("ctrl+z")                                # undo on a full disk: kept, told
        await pilot.pause()
        assert len(mine(kiosk)) == 1 and app.undo_stack
        await pilot.press("f2")                                    # delete in the day view: the same
        screen = app.screen
        assert isinstance(screen, DayViewScreen)
        index = next(i for i, r in enumerate(screen.rows) if r.pupil.id == QUINTEN.id)
        screen.query_one(DataTable).move_cursor(row=index)
        await pilot.press("delete", "y")
        await pilot.pause()
        assert app.is_running and len(mine(kiosk)) == 1
        assert any("Niets werd opgeslagen" in str(n.message) for n in app._notifications)


async def test_login_works_on_a_full_disk_and_says_it_was_not_recorded(app, kiosk, monkeypatch):
    async with app.run_test() as pilot:
        full_disk(monkeypatch)
        await login(pilot, pin="0000")
        assert isinstance(app.screen, LoginScreen) and "niet" in text_of(app, "#login-message")
        await pilot.press(*"1111", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert any("logboek" in str(n.message) for n in app._notifications)


# -- another kiosk holds the data ---------------------------------------------------------------
async def test_a_busy_store_shows_the_wait_and_keys_typed_meanwhile_land_there(app, kiosk, config):
    other = Store(config.data_dir)
    async with session(app) as pilot:
        await pilot.press(*"quinten", "enter")
        other.lock.acquire()                       # the gate tablet is saving, for a long time
        try:
            await pilot.press("enter")
            assert await wait_until(pilot, lambda: isinstance(app.screen, WaitingScreen))
            await pilot.press(*"lotte")            # typed while waiting: never reaches the search
        finally:
            other.lock.release()
        assert await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert len(mine(kiosk)) == 1
        assert app.screen.query_one("#picker-input", Input).value == ""


async def test_giving_up_the_wait_saves_nothing(app, kiosk, config):
    other = Store(config.data_dir)
    async with session(app) as pilot:
        await pilot.press(*"quinten", "enter")
        other.lock.acquire()
        try:
            await pilot.press("enter")
            assert await wait_until(pilot, lambda: isinstance(app.screen, WaitingScreen))
            await pilot.press("escape")
            assert await wait_until(pilot, lambda: isinstance(app.screen, AbsenceDialog))
            assert "Niets werd opgeslagen" in text_of(app, "#form-error")
        finally:
            other.lock.release()
    assert mine(kiosk) == []


# -- logins ------------------------------------------------------------------------------------
async def test_one_screen_cannot_lock_every_name(kiosk, monkeypatch):
    security = replace(kiosk.config.security, max_pin_attempts=3, max_pin_attempts_per_screen=4)
    monkeypatch.setattr(kiosk, "config", replace(kiosk.config, security=security))
    app = KioskApp(kiosk, maintenance_on_start=False)
    names = [s for s in kiosk.repos.staff.all() if s.role is Role.TEACHER][:3]

    async def wrong_pin(member: Staff) -> None:
        chosen = app.screen.query_one(SearchList)
        chosen.post_message(SearchList.Chosen(chosen, member))
        await pilot.pause()
        await pilot.press(*"0000", "enter")

    async with app.run_test() as pilot:
        await pilot.pause()
        await wrong_pin(names[0])
        await wrong_pin(names[0])
        await wrong_pin(names[1])
        assert not app.pin_guard.locked(kiosk.clock.now())
        await wrong_pin(names[1])                  # the 4th wrong PIN on this screen
        assert app.pin_guard.locked(kiosk.clock.now())
        await wrong_pin(names[2])                  # refused before the name's own count
        assert "dit scherm" in text_of(app, "#login-message")
        assert [s.failed_attempts for s in (kiosk.repos.staff.get(n.id) for n in names)] == [2, 2, 0]
        await login(pilot)                         # even the right PIN waits on this screen
        assert isinstance(app.screen, LoginScreen)
        kiosk.clock.advance(minutes=6)
        await pilot.press("escape")
        await login(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_the_keypad_logs_in_by_touch(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*"greet", "enter")
        keypad = app.screen.query_one("#keypad")
        assert keypad.display
        for key in "1111":
            await tap(pilot, f"#do-keypad-{key}")
        assert app.screen.query_one("#pin", Input).value == "1111"
        await tap(pilot, "#do-keypad-enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_the_pin_field_takes_digits_only(app):
    async with app.run_test() as pilot:
        await pilot.press(*"greet", "enter", *"1a1b1٣1", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_the_head_unlocks_a_name_and_disables_a_colleague_who_left(app, kiosk, clock):
    teacher = next(s for s in kiosk.repos.staff.all() if s.role is Role.TEACHER)
    for _ in range(5):
        staff.login(kiosk, teacher.id, "0000")
    assert kiosk.repos.staff.get(teacher.id).locked_until is not None
    async with session(app) as pilot:
        await pilot.press("f8")
        screen = app.screen
        assert isinstance(screen, StaffScreen)
        row = next(i for i, m in enumerate(screen.members) if m.id == teacher.id)
        screen.query_one(DataTable).move_cursor(row=row)
        await pilot.press("u")
        await pilot.pause()
        assert kiosk.repos.staff.get(teacher.id).locked_until is None
        await pilot.press("x", "y")
        await pilot.pause()
        assert kiosk.repos.staff.get(teacher.id).active is False
    assert teacher.id not in [s.id for s in staff.list_staff(kiosk)]
    actions = [e.action for e in kiosk.repos.audit.in_year(2026)]
    assert "staff-unlock" in actions and "staff-disable" in actions


async def test_a_teacher_has_no_staff_screen(app, kiosk):
    teacher = next(s for s in kiosk.repos.staff.all() if s.role is Role.TEACHER)
    async with session(app, teacher.id) as pilot:
        await pilot.press("f8")
        assert isinstance(app.screen, HomeScreen)


# -- touch ---------------------------------------------------------------------------------------
async def test_codes_and_options_are_buttons_too(app, kiosk):
    async with session(app, size=(120, 40)) as pilot:
        await pilot.press(*"quinten", "enter")
        assert await wait_until(pilot, lambda: isinstance(app.screen, AbsenceDialog))
        await tap(pilot, "#do-cycle_part")                      # the d key, by touch
        assert await wait_until(pilot, lambda: app.screen.part == "am")
        await tap(pilot, "#do-save-sick_certificate")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert [(a.code, a.part) for a in mine(kiosk)] == [("sick_certificate", "am")]


async def test_the_day_view_is_driven_by_touch(app, kiosk):
    async with session(app, size=(120, 40)) as pilot:
        await pilot.press("f2")
        assert await wait_until(pilot, lambda: isinstance(app.screen, DayViewScreen))
        before = app.screen.day
        await tap(pilot, "#do-day-1")
        assert await wait_until(pilot, lambda: app.screen.day == before + dt.timedelta(days=1))
        await tap(pilot, "#do-today")
        assert await wait_until(pilot, lambda: app.screen.day == before)


# -- 80×24 ---------------------------------------------------------------------------------------
def visible(app, selector: str) -> bool:
    """On screen, inside the terminal: not scrolled or pushed out of view."""
    widget = app.screen.query_one(selector)
    region = widget.region
    return widget.display and region.width > 0 and region.height > 0 and region.bottom <= app.size.height


async def test_a_classic_terminal_shows_what_each_screen_is_for(app, kiosk):
    absences.log_absences(kiosk, [QUINTEN], code="problematic", start=dt.date(2026, 10, 5), end=dt.date(2026, 10, 7),
                          who="test")
    absences.log_absences(kiosk, [QUINTEN], code="problematic", start=TODAY, who="test")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"greet", "enter")
        assert visible(app, "#pin") and not app.screen.query("#keypad")  # no room for a keypad
        await pilot.press(*"1111", "enter")
        await pilot.pause()
        assert "schooldag" in text_of(app, "#today") and visible(app, "#today")
        assert visible(app, "#flags") and "Quinten" in text_of(app, "#flags")
        await pilot.press(*"xyzzy")
        await pilot.press("escape", *"quinten", "enter")
        assert all(visible(app, sel) for sel in ("#codes", "#options", "#summary"))
        await pilot.press("escape", "f2")
        table = app.screen.query_one(DataTable)
        row = next(i for i, r in enumerate(app.screen.rows) if r.pupil.id == QUINTEN.id)
        cells = [str(c) for c in table.get_row_at(row)]
        assert "CLB" in cells[2]
        signal_x = sum(col.get_render_width(table) for col in list(table.columns.values())[:2])
        assert signal_x + 3 < 80  # the signal column starts on screen


# -- hostile names on every screen ------------------------------------------------------------------
async def test_hostile_text_never_reaches_the_terminal(app, kiosk):
    """Stored before the entry checks existed (straight into the store): shown harmlessly."""
    pupils = [Pupil(f"H{n}", f"Hq{text}", f"Mol{text}", "3B", guardians=(Guardian(f"Ouder{text}"),))
              for n, text in enumerate(HOSTILE)]
    kiosk.repos.pupils.save_many(pupils)
    kiosk.repos.staff.save(Staff("evil", f"Evil{HOSTILE[0]}Name", Role.TEACHER, ("3B",)))
    kiosk.repos.absences.add_many([Absence(p.id, TODAY, TODAY, "sick_note", note=text)
                                   for p, text in zip(pupils, HOSTILE, strict=True)])
    kiosk.repos.lates.add(LateArrival("H1", TODAY, dt.time(8, 5), reason=HOSTILE[1]))
    kiosk.repos.audit.add(AuditEntry(MONDAY_MORNING, "evil", "export", HOSTILE[2]))
    screens = []
    async with app.run_test(size=(120, 40)) as pilot:
        screens.append(app.export_screenshot())                 # login: the staff list
        await login(pilot)
        await pilot.press(*"hq")
        screens.append(app.export_screenshot())                 # home: the search
        await pilot.press("enter")
        screens.append(app.export_screenshot())                 # the absence dialog
        await pilot.press("i")
        screens.append(app.export_screenshot())                 # the pupil card
        await pilot.press("escape", "escape", "f2")
        screens.append(app.export_screenshot())                 # the day view
        await pilot.press("escape", "f6")
        screens.append(app.export_screenshot())                 # the audit trail
        app.notify(HOSTILE[0] + HOSTILE[2])
        await pilot.pause()
        screens.append(app.export_screenshot())                 # a toast
    for svg in screens:
        assert unsafe(svg.replace("\n", "")) == []
