"""Change the time or reason of a late arrival."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Footer, Input, Static

from kiosk.domain.models import LateArrival, Pupil
from kiosk.i18n import N_, _
from kiosk.services import absences, entry
from kiosk.ui.actions import KioskAction, bindings
from kiosk.ui.screens.form import ERROR_ID, KioskForm
from kiosk.ui.text import literal

ACTIONS = (KioskAction("escape", "cancel", N_("Cancel"), N_("Close without saving")),)


class LateEditScreen(KioskForm):
    """Dismisses with the changed LateArrival, or None."""

    BINDINGS = bindings(ACTIONS)
    ACTIONS = ACTIONS

    def __init__(self, pupil: Pupil, late: LateArrival) -> None:
        super().__init__()
        self.pupil, self.late = pupil, late

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
        time_text = self.query_one("#edit-time", Input).value
        reason = self.query_one("#edit-reason", Input).value
        self.write(lambda: absences.update_late(
            self.kiosk, self.late, self.user.id, time=entry.read_time(time_text), reason=reason), self.dismiss)
