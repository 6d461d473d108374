"""Change the time or reason of a late arrival."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Footer, Input, Static

from kiosk.domain.models import LateArrival, Pupil
from kiosk.i18n import _
from kiosk.services import absences
from kiosk.services.context import Kiosk
from kiosk.ui.actions import KioskAction, bindings
from kiosk.ui.screens.form import ERROR_ID, KioskForm
from kiosk.ui.text import literal

ACTIONS = (KioskAction("escape", "dismiss", _("Cancel"), _("Close without saving")),)


class LateEditScreen(KioskForm):
    """Dismisses with the changed LateArrival, or None."""

    BINDINGS = bindings(ACTIONS)

    def __init__(self, kiosk: Kiosk, pupil: Pupil, late: LateArrival, who: str) -> None:
        super().__init__()
        self.kiosk, self.pupil, self.late, self.who = kiosk, pupil, late, who

    def compose(self) -> ComposeResult:
        with Vertical(id="late-edit", classes="dialog"):
            yield Static(literal(_("Late: {name} · {klass}").format(
                name=self.pupil.full_name, klass=self.pupil.class_name)), classes="title")
            yield Input(f"{self.late.time:%H:%M}", id="edit-time")
            yield Input(self.late.reason, placeholder=_("reason (optional)"), id="edit-reason")
            yield Static(id=ERROR_ID)
        yield Footer()

    @on(Input.Submitted)
    def _save(self) -> None:
        time = self.read_time("#edit-time")
        if time is None:
            return
        reason = self.query_one("#edit-reason", Input).value
        changed = self.attempt(lambda: absences.update_late(self.kiosk, self.late, self.who, time=time,
                                                            reason=reason))
        if changed:
            self.dismiss(changed)
