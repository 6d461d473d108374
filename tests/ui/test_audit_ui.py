"""The audit trail on screen: for the head only, with names and plain words."""

from __future__ import annotations

from textual.widgets import DataTable

from kiosk.ui.screens.audit import AuditScreen
from kiosk.ui.screens.home import HomeScreen
from tests.ui.conftest import login, session


async def test_head_reads_the_trail_with_names(app):
    async with app.run_test() as pilot:
        await login(pilot)
        await pilot.press("f6")
        assert isinstance(app.screen, AuditScreen)
        table = app.screen.query_one(DataTable)
        first = [str(cell) for cell in table.get_row_at(0)]
        assert first[1] == "Greet Klaprooswijk" and first[2] == "aangemeld"


async def test_a_teacher_cannot_open_the_trail(app, kiosk):
    teacher = next(s for s in kiosk.repos.staff.all() if s.role.value == "teacher")
    async with session(app, teacher.id) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("f6")
        assert isinstance(app.screen, HomeScreen)
        assert "Logboek" not in [c.title for c in app.get_system_commands(app.screen)]
