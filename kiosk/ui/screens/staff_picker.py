"""Pick a colleague by typing a few letters (to hand a follow-up over)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Footer, Static

from kiosk.domain.models import Staff
from kiosk.i18n import N_, _
from kiosk.services import staff
from kiosk.ui.actions import KioskAction, bindings
from kiosk.ui.base import KioskModal
from kiosk.ui.screens.login import staff_line
from kiosk.ui.text import literal
from kiosk.ui.widgets.search_list import SearchList

ACTIONS = (KioskAction("escape", "dismiss", N_("Cancel"), N_("Choose nobody")),)


class StaffPickerScreen(KioskModal[Staff | None]):
    CSS_PATH = "../styles/cards.tcss"
    BINDINGS = bindings(ACTIONS)
    ACTIONS = ACTIONS

    def __init__(self, title: str, choices: list[Staff]) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(id="staff-picker", classes="dialog"):
            yield Static(literal(self.title_text), classes="title")
            yield SearchList(self._matching, staff_line, placeholder=_("name"), show_empty=True, id="colleagues")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(SearchList).reset()

    def _matching(self, text: str) -> list[Staff]:
        return staff.matching(self.choices, text)

    @on(SearchList.Chosen, "#colleagues")
    def _chosen(self, event: SearchList.Chosen) -> None:
        self.dismiss(event.item)
