"""Shown instead of the login screen when the data cannot be read: never a silent reset."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Footer, Static

from kiosk.errors import CorruptFile
from kiosk.i18n import N_, _
from kiosk.ui.actions import KioskAction, bindings
from kiosk.ui.base import KioskScreen
from kiosk.ui.text import literal

ACTIONS = (KioskAction("q", "app.quit", N_("Quit"), N_("Close the kiosk")),)


class StoreErrorScreen(KioskScreen[None]):
    CSS_PATH = "../styles/cards.tcss"
    BINDINGS = bindings(ACTIONS)
    ACTIONS = ACTIONS

    def __init__(self, error: CorruptFile) -> None:
        super().__init__()
        self.error = error

    def compose(self) -> ComposeResult:
        with Vertical(id="store-error"):
            yield Static(literal(_("The kiosk's data cannot be read")), classes="title")
            yield Static(literal(_("File: {path}").format(path=self.error.path)), id="error-file")
            yield Static(literal(_("Problem: {reason}").format(reason=self.error.reason)))
            if self.error.backup:
                yield Static(literal(
                    _("Latest backup: {path}").format(path=self.error.backup)), id="error-backup")
                yield Static(literal(_("Restore it with: kiosk restore {name}").format(
                    name=self.error.backup.name)))
            else:
                yield Static(literal(_("No backup found. Ask for help before changing anything.")))
            yield Static(literal(_("Nothing was changed. Quit with q.")))
        yield Footer()
