"""The morning gate with the real keys: absences, half days, periods, siblings, SMS, late,
undo, the rule warnings and the day view."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import DataTable, Input, Static

from kiosk.domain.models import Absence, Guardian, Pupil, Role
from kiosk.i18n import _
from kiosk.services import absences, staff
from kiosk.services.context import Kiosk
from kiosk.store import Store
from kiosk.ui.screens.absence_dialog import AbsenceDialog
from kiosk.ui.screens.day_view import DayViewScreen
from kiosk.ui.screens.home import HomeScreen
from tests.conftest import MONDAY_MORNING
from tests.ui.conftest import session, wait_until

TODAY = MONDAY_MORNING.date()
PARENT = Guardian("Mona Testveld", phone="0000 12 12 12", email="mona@example.org")
QUINTEN = Pupil("T1", "Quinten", "Testveld", "3B", guardians=(PARENT,))
XENA = Pupil("T2", "Xena", "Testveld", "1A", guardians=(PARENT,))


@pytest.fixture(autouse=True)
def family(kiosk: Kiosk) -> None:
    kiosk.repos.pupils.save_many([QUINTEN, XENA])


def today_of(kiosk: Kiosk, pupil: Pupil) -> list[Absence]:
    return [a for a in absences.absences_between(kiosk, TODAY, TODAY) if a.pupil_id == pupil.id]


def notes(app, severity: str | None = None) -> list[str]:
    return [n.message for n in app._notifications if severity in (None, n.severity)]


async def test_same_day_absence_takes_two_keys_after_the_search(app, kiosk):
    async with session(app) as pilot:
        await pilot.press(*"quinten")
        await pilot.press("enter", "enter")  # pick the pupil, save with the default code
        await pilot.pause()
        [entry] = today_of(kiosk, QUINTEN)
        assert (entry.code, entry.start, entry.end, entry.part) == ("sick_note", TODAY, TODAY, "day")
        assert entry.by_staff == "greet-klaprooswijk"
        assert isinstance(app.screen, HomeScreen)
        assert "Quinten Testveld" in notes(app)[-1]
        summary = str(app.screen.query_one("#today-summary", Static).render())
        absent_today = sum(absences.day_view(kiosk, TODAY).counts.values())
        assert absent_today >= 1 and f"Vandaag: {absent_today} afwezig" in summary
        await pilot.press(*"xena", "enter", "m")  # a code letter saves with that code
        await pilot.pause()
        assert [a.code for a in today_of(kiosk, XENA)] == ["sick_certificate"]
        await pilot.press(*"quinten", "enter", "m")  # the same half day twice is refused
        assert isinstance(app.screen, AbsenceDialog)
        assert "Quinten" in str(app.screen.query_one("#form-error", Static).render())
        await pilot.press("escape")
        assert [a.code for a in today_of(kiosk, QUINTEN)] == ["sick_note"]


async def test_undo_takes_back_the_last_entry_with_one_key(app, kiosk):
    async with session(app) as pilot:
        await pilot.press(*"quinten", "enter", "z")
        await pilot.press(*"xena", "enter", "r")
        await pilot.pause()
        assert today_of(kiosk, XENA) and today_of(kiosk, QUINTEN)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert not today_of(kiosk, XENA) and today_of(kiosk, QUINTEN)
        actions = [e.action for e in kiosk.repos.audit.in_year(2026)]
        assert actions.count("absence-add") >= 2 and "absence-undo" in actions


async def test_half_day_morning(app, kiosk):
    async with session(app) as pilot:
        await pilot.press(*"quinten", "enter", "d", "enter")
        await pilot.pause()
        [entry] = today_of(kiosk, QUINTEN)
        assert entry.part == "am"


async def test_wednesday_afternoon_is_never_offered(app, kiosk, clock):
    clock.advance(days=2)  # Wednesday 25 November
    async with session(app) as pilot:
        await pilot.press(*"quinten", "enter", "d")
        assert app.screen.part == "am"
        await pilot.press("d")
        assert app.screen.part == "day"


async def test_period_over_a_weekend_counts_school_half_days_only(app, kiosk):
    async with session(app) as pilot:
        await pilot.press(*"quinten", "enter", "p", *"1/12", "enter", "m")
        await pilot.pause()
    [entry] = today_of(kiosk, QUINTEN)
    assert (entry.start, entry.end) == (TODAY, dt.date(2026, 12, 1))
    history = absences.pupil_history(kiosk, QUINTEN)
    # Mon 23 – Tue 1 Dec: 7 school days, 14 half days, minus Wednesday 25 afternoon
    assert history.justified_half_days == 13


async def test_a_wrong_date_is_explained_and_nothing_saved(app, kiosk):
    async with session(app) as pilot:
        await pilot.press(*"quinten", "enter", "p", *"31/02", "enter")
        assert isinstance(app.screen, AbsenceDialog)
        assert "31/02" in str(app.screen.query_one("#form-error", Static).render())
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, HomeScreen)
    assert not today_of(kiosk, QUINTEN)


async def test_siblings_at_once(app, kiosk):
    async with session(app) as pilot:
        await pilot.press(*"quinten", "enter", "s", "enter")
        await pilot.pause()
        assert today_of(kiosk, QUINTEN) and today_of(kiosk, XENA)
        await pilot.press("ctrl+z")  # one undo takes back both
        await pilot.pause()
        assert not today_of(kiosk, QUINTEN) and not today_of(kiosk, XENA)


async def test_late_arrival_with_the_current_time(app, kiosk):
    async with session(app) as pilot:
        await pilot.press(*"xena", "enter", "t", *"bus", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    [late] = [x for x in absences.lates_between(kiosk, TODAY, TODAY) if x.pupil_id == XENA.id]
    assert (late.time, late.reason) == (dt.time(8, 20), "bus")


async def test_fifth_parent_note_warns_and_suggests_a_certificate(app, kiosk):
    for day in (dt.date(2026, 9, 8), dt.date(2026, 9, 22), dt.date(2026, 10, 6), dt.date(2026, 10, 20)):
        absences.log_absences(kiosk, [QUINTEN], code="sick_note", start=day, who="test")
    async with session(app) as pilot:
        await pilot.press(*"quinten", "enter", "enter")
        await pilot.pause()
        warnings = notes(app, "warning")
        assert warnings and "5" in warnings[-1]
        certificate = _(absences.rules(kiosk).code("sick_certificate").label)
        assert certificate in warnings[-1]


async def test_five_problematic_half_days_flag_the_pupil_for_the_clb(app, kiosk):
    for day in (dt.date(2026, 10, 5), dt.date(2026, 10, 12)):
        absences.log_absences(kiosk, [QUINTEN], code="problematic", start=day, who="test")
    async with session(app) as pilot:
        assert "Quinten" not in str(app.screen.query_one("#flags", Static).render())
        await pilot.press(*"quinten", "enter", "d", "b")  # a fifth half day
        await pilot.pause()
        assert any("CLB" in w for w in notes(app, "warning"))
        assert "Quinten Testveld" in str(app.screen.query_one("#flags", Static).render())
        await pilot.press("f2")
        assert isinstance(app.screen, DayViewScreen)
        table = app.screen.query_one(DataTable)
        row = [str(c) for c in table.get_row_at(next(
            i for i, r in enumerate(app.screen.rows) if r.pupil.id == QUINTEN.id))]
        assert "CLB" in row[2]


async def test_day_view_puts_the_teachers_own_class_first_and_follows_other_kiosks(
        app, kiosk, config, monkeypatch):
    teacher = staff.add_staff(kiosk, "Wout Proefhout", Role.TEACHER, ("1A",), who="test")
    staff.set_pin(kiosk, teacher, "1234", who="test")
    absences.log_absences(kiosk, [QUINTEN], code="sick_note", start=TODAY, who="test")
    absences.log_absences(kiosk, [XENA], code="unknown", start=TODAY, who="test")
    other = Kiosk(config, Store(config.data_dir), kiosk.clock)  # the gate tablet
    async with session(app, teacher.id) as pilot:
        await pilot.press("f2")
        screen = app.screen
        assert isinstance(screen, DayViewScreen)
        classes = [r.pupil.class_name for r in screen.rows]
        assert classes[0] == "1A" and "3B" in classes
        unexplained = len(absences.day_view(kiosk, TODAY).unexplained)
        assert unexplained >= 2  # the demo's own unexplained ones and Xena
        assert f"onverklaard: {unexplained}" in str(screen.query_one("#day-counts", Static).render())
        late_pupil = kiosk.repos.pupils.all()[0]
        absences.add_late(other, late_pupil, who="gate")
        shown = lambda: any(r.late and r.pupil.id == late_pupil.id for r in screen.rows)  # noqa: E731
        assert await wait_until(pilot, shown)


async def test_edit_and_delete_from_the_day_view_are_audited(app, kiosk):
    absences.log_absences(kiosk, [QUINTEN], code="sick_note", start=TODAY, who="test")
    async with session(app) as pilot:
        await pilot.press("f2")
        screen = app.screen
        index = next(i for i, r in enumerate(screen.rows) if r.pupil.id == QUINTEN.id)
        screen.query_one(DataTable).move_cursor(row=index)
        await pilot.press("e", "m")
        await pilot.pause()
        assert [a.code for a in today_of(kiosk, QUINTEN)] == ["sick_certificate"]
        index = next(i for i, r in enumerate(screen.rows) if r.pupil.id == QUINTEN.id)
        screen.query_one(DataTable).move_cursor(row=index)
        await pilot.press("delete")
        await pilot.press("n")  # no: kept
        assert today_of(kiosk, QUINTEN)
        await pilot.press("delete", "y")
        await pilot.pause()
        assert not today_of(kiosk, QUINTEN)
    actions = [e.action for e in kiosk.repos.audit.in_year(2026)]
    assert "absence-edit" in actions and "absence-delete" in actions


async def test_typing_a_long_name_stays_a_search(app, kiosk):
    long_name = Pupil("T3", "Noor", "Van de Hazelakker", "L6B")
    kiosk.repos.pupils.save_many([long_name])
    async with session(app) as pilot:
        await pilot.press(*["space" if c == " " else c for c in "noor van de hazelakker l6b"])
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("enter")
        assert isinstance(app.screen, AbsenceDialog) and app.screen.pupil == long_name


async def test_enter_in_the_day_view_opens_the_pupil(app, kiosk):
    from kiosk.ui.screens.pupil_card import PupilCardScreen

    absences.log_absences(kiosk, [QUINTEN], code="sick_note", start=TODAY, who="test")
    async with session(app) as pilot:
        await pilot.press("f2")
        index = next(i for i, r in enumerate(app.screen.rows) if r.pupil.id == QUINTEN.id)
        app.screen.query_one(DataTable).move_cursor(row=index)
        await pilot.press("enter")
        assert isinstance(app.screen, PupilCardScreen) and app.screen.pupil == QUINTEN


async def test_a_late_arrival_can_be_corrected_from_the_day_view(app, kiosk):
    from kiosk.ui.screens.late_edit import LateEditScreen

    absences.add_late(kiosk, XENA, who="test", time=dt.time(8, 10))
    async with session(app) as pilot:
        await pilot.press("f2")
        index = next(i for i, r in enumerate(app.screen.rows) if r.late and r.pupil.id == XENA.id)
        app.screen.query_one(DataTable).move_cursor(row=index)
        await pilot.press("e")
        assert isinstance(app.screen, LateEditScreen)
        app.screen.query_one("#edit-time", Input).value = "8:41"  # later than now (8:20): refused
        await pilot.press("enter")
        assert isinstance(app.screen, LateEditScreen)
        app.screen.query_one("#edit-time", Input).value = "8:15"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DayViewScreen)
    [late] = [x for x in absences.lates_between(kiosk, TODAY, TODAY) if x.pupil_id == XENA.id]
    assert late.time == dt.time(8, 15)
    assert "late-edit" in [e.action for e in kiosk.repos.audit.in_year(2026)]


async def test_a_file_damaged_while_the_home_screen_polls_shows_the_error_screen(
        app, kiosk, config, monkeypatch):
    from kiosk.ui.screens.store_error import StoreErrorScreen

    async with session(app) as pilot:
        year_file = config.data_dir / "years" / "2026-2027.json"
        year_file.write_bytes(year_file.read_bytes()[:300])
        assert await wait_until(pilot, lambda: isinstance(app.screen, StoreErrorScreen))
        assert app.is_running and app.user is None


async def test_editing_an_entry_another_kiosk_removed_says_so(app, kiosk, config):
    [entry] = absences.log_absences(kiosk, [QUINTEN], code="sick_note", start=TODAY, who="test").entries
    other = Kiosk(config, Store(config.data_dir), kiosk.clock)
    async with session(app) as pilot:
        await pilot.press("f2")
        index = next(i for i, r in enumerate(app.screen.rows) if r.pupil.id == QUINTEN.id)
        app.screen.query_one(DataTable).move_cursor(row=index)
        await pilot.press("e")
        absences.delete_absences(other, [entry], "gate")
        await pilot.press("m")
        assert isinstance(app.screen, AbsenceDialog)
        assert "bestaat niet meer" in str(app.screen.query_one("#form-error", Static).render())
