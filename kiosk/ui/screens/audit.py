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


class AuditScreen(Screen[None]):
    BINDINGS = bindings(ACTIONS)

    def compose(self) -> ComposeResult:
        yield Static(_("Audit trail of this school year (newest first)"), classes="title")
        yield DataTable(id="audit", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(_("When"), _("Who"), _("What"), _("Detail"))
        entries = maintenance.audit_trail(self.app.kiosk)  # type: ignore[attr-defined]
        for e in reversed(entries):
            cells = (f"{e.at:%d-%m %H:%M}", e.who, e.action, e.detail)
            table.add_row(*(literal_cell(cell) for cell in cells))
        table.focus()
