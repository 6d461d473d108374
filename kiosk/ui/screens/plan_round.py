"""Plan a round: its name, kind, evenings, hours, minutes per meeting and breaks; one evening
for every class teacher (a parent evening) or the care staff (care meetings). A plan that
cannot work is refused with the reason; an evening into a quiet moment is asked about."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Footer, Static

from kiosk.domain.meetings import KINDS
from kiosk.domain.models import Round
from kiosk.errors import KioskError
from kiosk.i18n import N_, _
from kiosk.services import entry, meetings
from kiosk.services.labels import moment_label
from kiosk.services.meetings import KIND_WORDS
from kiosk.services.notes import QuietMoment
from kiosk.ui.actions import KioskAction, bindings
from kiosk.ui.screens.form import ERROR_ID, StepForm
from kiosk.ui.text import literal
from kiosk.ui.widgets.action_bar import ActionBar
from kiosk.ui.widgets.confirm import ConfirmScreen

ACTIONS = (
    KioskAction("ctrl+s", "save", N_("Save"), N_("Plan the round"), priority=True),
    KioskAction("ctrl+k", "kind", N_("Kind"), N_("Parent evening, care meetings or information evening"),
                priority=True),
    KioskAction("escape", "cancel", N_("Cancel"), N_("Close without planning")),
)
FIELDS = ("plan-name", "plan-days", "plan-hours", "plan-slot", "plan-breaks")


class PlanRoundScreen(StepForm):
    """Dismisses with the Round planned, or None."""

    CSS_PATH = "../styles/touch.tcss"
    BINDINGS = bindings(ACTIONS)
    ACTIONS = ACTIONS
    FIELDS = FIELDS
    AUTO_FOCUS = "#plan-name"

    def __init__(self) -> None:
        super().__init__()
        self.kind = KINDS[0]

    def compose(self) -> ComposeResult:
        placeholders = (_("name, e.g. Oudercontact december"), _("evenings, e.g. 15/12 17/12"),
                        _("hours, e.g. 16:00-19:30"), _("minutes per meeting (10)"),
                        _("breaks, e.g. 17:30-17:45 (optional)"))
        with Vertical(id="plan-round", classes="dialog"):
            yield Static(literal(_("Plan a round")), classes="title")
            yield Static(id="plan-kind")
            yield from self.inputs(placeholders)
            yield Static(literal(_("Enter: next field; Enter in the last field (or ctrl+s) plans")))
            yield Static(id=ERROR_ID)
            yield ActionBar(ACTIONS, id="plan-actions")
        yield Footer()

    def on_mount(self) -> None:
        self._show_kind()

    def _show_kind(self) -> None:
        self.query_one("#plan-kind", Static).update(literal(_("Kind: {kind} (ctrl+k changes it)").format(
            kind=_(KIND_WORDS[self.kind]))))

    def action_kind(self) -> None:
        self.kind = KINDS[(KINDS.index(self.kind) + 1) % len(KINDS)]
        self._show_kind()

    def action_save(self, allow_quiet: bool = False) -> None:
        value = self.values()
        today = self.kiosk.clock.now().date()

        def plan() -> Round | QuietMoment:
            days = [entry.read_day(text, today) for text in value["plan-days"].split()]
            start, end = _hours(value["plan-hours"])
            breaks = [_hours(text) for text in value["plan-breaks"].split()]
            try:
                return meetings.plan_round(self.kiosk, self.user.id, name=value["plan-name"], kind=self.kind,
                                           days=days, start=start, end=end, slot_minutes=_slot(value["plan-slot"]),
                                           breaks=breaks, allow_quiet=allow_quiet)
            except QuietMoment as quiet:  # asked about below: never planned silently
                return quiet

        self.write(plan, self._planned)

    def _planned(self, result: Round | QuietMoment) -> None:
        if isinstance(result, Round):
            self.dismiss(result)
            return
        question = _("{moment} is a quiet moment (evening from 20:00, weekend, holiday): plan the meetings "
                     "anyway?").format(moment=moment_label(result.moment))
        self.app.push_screen(ConfirmScreen(question), self._quiet_answered)

    def _quiet_answered(self, yes: bool | None) -> None:
        if yes:
            self.action_save(allow_quiet=True)


def _hours(text: str) -> tuple[dt.time, dt.time]:
    start, sep, end = text.strip().partition("-")
    if not sep:
        raise KioskError(_("write hours as 16:00-19:30, not {text!r}").format(text=text))
    return entry.read_time(start), entry.read_time(end)


def _slot(text: str) -> int:
    text = text.strip()
    if not text:
        return 10
    if not (text.isascii() and text.isdigit()):
        raise KioskError(_("{text!r} is not a number of minutes").format(text=text))
    return int(text)
