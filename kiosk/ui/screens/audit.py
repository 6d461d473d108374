"""The audit trail of this school year, for the head."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Static

from kiosk.i18n import N_, _
from kiosk.services import maintenance, staff
from kiosk.ui.actions import KioskAction, bindings
from kiosk.ui.base import KioskScreen
from kiosk.ui.text import literal_cell

ACTIONS = (KioskAction("escape", "app.pop_screen", N_("Back"), N_("Back to the home screen")),)
WHAT = {
    "login": N_("logged in"),
    "login-failed": N_("wrong PIN"),
    "login-locked": N_("locked after wrong PINs"),
    "roster-import": N_("pupil list imported"),
    "staff-add": N_("staff member added"),
    "pin-set": N_("PIN set"),
    "export": N_("exported"),
    "backup": N_("backup"),
    "restore": N_("backup restored"),
    "demo": N_("demo school made"),
    "absence-add": N_("absence logged"),
    "absence-edit": N_("absence changed"),
    "absence-delete": N_("absence deleted"),
    "absence-undo": N_("absence undone"),
    "late-add": N_("late arrival logged"),
    "late-edit": N_("late arrival changed"),
    "late-delete": N_("late arrival deleted"),
    "late-undo": N_("late arrival undone"),
}


class AuditScreen(KioskScreen[None]):
    BINDINGS = bindings(ACTIONS)
    ACTIONS = ACTIONS

    def compose(self) -> ComposeResult:
        yield Static(_("Audit trail of this school year (newest first)"), classes="title")
        yield DataTable(id="audit", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(_("When"), _("Who"), _("What"), _("Detail"))
        names = {s.id: s.name for s in staff.list_staff(self.kiosk)}
        for e in reversed(maintenance.audit_trail(self.kiosk)):
            what = _(WHAT[e.action]) if e.action in WHAT else e.action
            cells = (f"{e.at:%d-%m %H:%M}", names.get(e.who, e.who), what, e.detail)
            table.add_row(*(literal_cell(cell) for cell in cells))
        table.focus()
