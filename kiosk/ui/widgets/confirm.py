"""Yes/no before anything destructive."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from kiosk.i18n import _
from kiosk.ui.actions import KioskAction, bindings
from kiosk.ui.text import literal

ACTIONS = (
    KioskAction("y", "answer(True)", _("Yes"), _("Yes, do it")),
    KioskAction("j", "answer(True)", _("Yes"), _("Yes, do it"), show=False),
    KioskAction("n", "answer(False)", _("No"), _("No, keep it")),
    KioskAction("escape", "answer(False)", _("Cancel"), _("No, keep it"), show=False),
)


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS = bindings(ACTIONS)

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm", classes="dialog"):
            yield Static(literal(self.question), id="question")
            yield Static(_("y = yes · n = no"))
        yield Footer()

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
