"""Covers the screen while another kiosk holds the data: keys typed meanwhile land here,
never on the screen that comes after the save."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Footer, Static

from kiosk.i18n import N_, _
from kiosk.ui.actions import KioskAction, bindings
from kiosk.ui.base import KioskModal
from kiosk.ui.text import literal

ACTIONS = (KioskAction("escape", "give_up", N_("Give up"), N_("Stop waiting; nothing is saved")),)


class WaitingScreen(KioskModal[None]):
    BINDINGS = bindings(ACTIONS)
    ACTIONS = ACTIONS

    def __init__(self) -> None:
        super().__init__()
        self.given_up = False

    def compose(self) -> ComposeResult:
        with Vertical(id="waiting", classes="dialog"):
            yield Static(literal(_("Another kiosk is saving right now: waiting…")), classes="title")
            yield Static(literal(_("Nothing is lost: this is saved as soon as the other kiosk is done. "
                           "Esc stops waiting (then nothing is saved).")))
        yield Footer()

    def action_give_up(self) -> None:
        self.given_up = True
