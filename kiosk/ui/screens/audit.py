"""The audit trail of this school year, for the head: names and plain words."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Static

from kiosk.i18n import N_, _
from kiosk.services import audit_view
from kiosk.ui.actions import KioskAction, bindings
from kiosk.ui.base import KioskScreen
from kiosk.ui.text import literal, literal_cell

ACTIONS = (KioskAction("escape", "app.pop_screen", N_("Back"), N_("Back to the home screen")),)


class AuditScreen(KioskScreen[None]):
    CSS_PATH = "../styles/tables.tcss"
    BINDINGS = bindings(ACTIONS)
    ACTIONS = ACTIONS

    def compose(self) -> ComposeResult:
        yield Static(literal(_("Audit trail of this school year (newest first)")), classes="title")
        yield DataTable(id="audit", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        table: DataTable[object] = self.query_one(DataTable)
        table.add_columns(_("When"), _("Who"), _("What"), _("Detail"))
        lines = self.attempt(lambda: audit_view.audit_lines(self.kiosk)) or []
        for line in reversed(lines):
            table.add_row(*(literal_cell(cell) for cell in (line.when, line.who, line.what, line.detail)))
        table.focus()
