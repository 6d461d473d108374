"""After a meeting: what came out of it, and up to three action points ("Bram Lindeveld:
verslag opvragen @ 15/1") that become follow-ups with their owner and due time. The outcome
is a conversation note (care level for care meetings); all of it is saved or none."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Footer, Static

from kiosk.domain.models import Booking, Round
from kiosk.i18n import N_, _
from kiosk.services import meetings
from kiosk.ui.actions import KioskAction, bindings
from kiosk.ui.screens.form import ERROR_ID, StepForm
from kiosk.ui.text import literal
from kiosk.ui.widgets.action_bar import ActionBar

ACTIONS = (
    KioskAction("ctrl+s", "save", N_("Save"), N_("Save the outcome and its action points"), priority=True),
    KioskAction("escape", "cancel", N_("Cancel"), N_("Close without saving")),
)
FIELDS = ("outcome-text", "outcome-action-1", "outcome-action-2", "outcome-action-3")


class MeetingOutcomeScreen(StepForm):
    """Dismisses with (note, follow-ups), or None."""

    CSS_PATH = "../styles/touch.tcss"
    BINDINGS = bindings(ACTIONS)
    ACTIONS = ACTIONS
    FIELDS = FIELDS
    AUTO_FOCUS = "#outcome-text"

    def __init__(self, round_: Round, booking: Booking, title: str) -> None:
        super().__init__()
        self.round, self.booking, self.title_text = round_, booking, title

    def compose(self) -> ComposeResult:
        placeholders = (_("what came out of the meeting"),
                        *[_("action point, e.g. Bram Lindeveld: verslag opvragen @ 15/1")] * 3)
        with Vertical(id="meeting-outcome", classes="dialog"):
            yield Static(literal(self.title_text), classes="title")
            yield from self.inputs(placeholders)
            yield Static(literal(_("Enter: next field; Enter in the last field (or ctrl+s) saves")))
            yield Static(id=ERROR_ID)
            yield ActionBar(ACTIONS, id="outcome-actions")
        yield Footer()

    def action_save(self) -> None:
        value = self.values()

        def save() -> object:
            actions = [meetings.read_action(self.kiosk, value[f]) for f in FIELDS[1:] if value[f].strip()]
            return meetings.record_outcome(self.kiosk, self.round, self.booking, self.user.id, value[FIELDS[0]],
                                           actions)

        self.write(save, self.dismiss)
