"""A class's QR code full-size, for a parent's phone to scan from the screen at the gate:
dark blocks on a light background with the quiet zone, whatever the kiosk's colours."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from kiosk.domain.invites import grouped
from kiosk.i18n import N_
from kiosk.services import invites
from kiosk.ui.actions import KioskAction, bindings
from kiosk.ui.base import KioskModal
from kiosk.ui.text import literal
from kiosk.ui.widgets.action_bar import touch_button

ACTIONS = (KioskAction("escape", "dismiss", N_("Close"), N_("Back")),)


class ClassQrScreen(KioskModal[None]):
    CSS_PATH = "../styles/qr.tcss"
    BINDINGS = bindings(ACTIONS)
    ACTIONS = ACTIONS

    def __init__(self, class_name: str) -> None:
        super().__init__()
        self.class_name = class_name

    def compose(self) -> ComposeResult:
        width, height = self.app.size
        room = (width - 4, height - 3)  # the code line and the close button stay on screen
        found = self.attempt(lambda: invites.qr_lines(self.kiosk, self.class_name, self.user.id, room=room))
        with Vertical(id="qr-box"):
            if found is not None:
                code, lines = found
                yield Static(literal("\n".join(lines)), id="qr")
                yield Static(literal(f"{code.class_name} · {grouped(code.code)}"), id="qr-code")
            yield touch_button("Esc", "dismiss", classes="qr-close")

    def on_mount(self) -> None:
        if not self.query("#qr"):
            self.dismiss()
            return
        self.app.clear_notifications()  # a message over the code would hide modules from the phone
