"""The audit trail of this school year, for the head."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from kiosk.i18n import _
from kiosk.services import maintenance
from kiosk.ui.actions import KioskAction, bindings
from kiosk.ui.text import literal_cell

ACTIONS = (KioskAction("escape", "app.pop_screen", _("Back"), _("Back to the home screen")),)
WHAT = {
    "login": _("logged in"), "login-failed": _("wrong PIN"), "login-locked": _("locked after wrong PINs"),
    "roster-import": _("pupil list imported"), "staff-add": _("staff member added"),
    "pin-set": _("PIN set"), "export": _("exported"), "backup": _("backup"), "restore": _("backup restored"),
    "demo": _("demo school made"), "absence-add": _("absence logged"), "absence-edit": _("absence changed"),
    "absence-delete": _("absence deleted"), "absence-undo": _("absence undone"),
    "late-add": _("late arrival logged"), "late-edit": _("late arrival changed"),
    "late-delete": _("late arrival deleted"),
    "late-undo": _("late arrival undone"),
}


class AuditScreen(Screen[None]):
    BINDINGS = bindings(ACTIONS)

    def compose(self) -> ComposeResult:
        yield Static(_("Audit trail of this school year (newest first)"), classes="title")
        yield DataTable(id="audit", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(_("When"), _("Who"), _("What"), _("Detail"))
        kiosk = self.app.kiosk  # type: ignore[attr-defined]
        names = {s.id: s.name for s in kiosk.repos.staff.all()}
        for e in reversed(maintenance.audit_trail(kiosk)):
            cells = (f"{e.at:%d-%m %H:%M}", names.get(e.who, e.who), WHAT.get(e.action, e.action), e.detail)
            table.add_row(*(literal_cell(cell) for cell in cells))
        table.focus()
