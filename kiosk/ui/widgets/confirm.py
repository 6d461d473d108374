"""Yes/no before anything destructive."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Footer, Static

from kiosk.i18n import N_, _
from kiosk.ui.actions import KioskAction, bindings
from kiosk.ui.base import KioskModal
from kiosk.ui.text import literal

ACTIONS = (
    KioskAction("y", "answer(True)", N_("Yes"), N_("Yes, do it")),
    KioskAction("j", "answer(True)", N_("Yes"), N_("Yes, do it"), show=False),
    KioskAction("n", "answer(False)", N_("No"), N_("No, keep it")),
    KioskAction("escape", "answer(False)", N_("Cancel"), N_("No, keep it"), show=False),
)


class ConfirmScreen(KioskModal[bool]):
    CSS_PATH = "../styles/cards.tcss"
    BINDINGS = bindings(ACTIONS)
    ACTIONS = ACTIONS

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm", classes="dialog"):
            yield Static(literal(self.question), id="question")
            yield Static(literal(_("y = yes · n = no")))
        yield Footer()

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
