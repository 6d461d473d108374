"""Paste a parent's text message; the kiosk proposes pupil(s), code and dates; staff confirm."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Footer, Input, Static

from kiosk.domain.absences import next_part
from kiosk.domain.sms import SmsProposal, parse_sms
from kiosk.i18n import N_, _
from kiosk.services import absences, entry, pupils
from kiosk.services.labels import part_label, period_label
from kiosk.services.messages import code_label
from kiosk.ui.actions import KioskAction, bindings
from kiosk.ui.screens.form import ERROR_ID, KioskForm
from kiosk.ui.text import literal

ACTIONS = (
    KioskAction("enter", "confirm", N_("Save"), N_("Save the proposal")),
    KioskAction("d", "cycle_part", N_("Day/half"), N_("Whole day, morning or afternoon")),
    KioskAction("p", "edit_end", N_("Period"), N_("Until which day")),
    KioskAction("escape", "cancel", N_("Cancel"), N_("Close without saving")),
)
MAX_CANDIDATES = 9


class SmsScreen(KioskForm):
    """Dismisses with absences.Logged, or None. Nothing is saved without Enter."""

    BINDINGS = bindings(ACTIONS)
    ACTIONS = ACTIONS
    AUTO_FOCUS = ""  # a pasted message goes straight to the proposal: code letters must work

    OPTIONAL_FIELDS = ("#sms-to",)

    def __init__(self, text: str = "") -> None:
        super().__init__()
        self.text = text
        self.proposal: SmsProposal | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="sms", classes="dialog"):
            yield Static(literal(_("Paste the text message and press Enter")), classes="title")
            yield Input(placeholder=_("text message"), id="sms-text")
            yield Static(id="proposal")
            yield Input(placeholder=_("to (e.g. vr, 27/11)"), id="sms-to")
            yield Static(id=ERROR_ID)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#sms-to").display = False
        field = self.query_one("#sms-text", Input)
        field.value = self.text
        if self.text:
            self.read(self.text)
        else:
            field.focus()

    @on(Input.Submitted, "#sms-text")
    def _submitted(self, event: Input.Submitted) -> None:
        self.read(event.value)

    def read(self, text: str) -> None:
        kiosk = self.kiosk
        self.proposal = parse_sms(text, pupils.list_pupils(kiosk), kiosk.clock.now().date(),
                                  kiosk.calendar, absences.rules(kiosk))
        self.set_focus(None)
        self.show()

    def show(self) -> None:
        p = self.proposal
        assert p is not None
        lines = []
        if p.pupils:
            lines.append(_("Pupil(s): {names}").format(
                names=", ".join(f"{x.full_name} ({x.class_name})" for x in p.pupils)))
        elif p.candidates:
            lines.append(_("Which pupil? Press a number:"))
            lines += [f"  {n}. {x.full_name} ({x.class_name})"
                      for n, x in enumerate(p.candidates[:MAX_CANDIDATES], start=1)]
        else:
            lines.append(_("No pupil recognised: Esc and use the search instead."))
        assert p.start and p.end
        period = period_label(p.start, p.end)
        lines.append(_("Code: {code}").format(code=code_label(self.kiosk, p.code)))
        lines.append(_("Period: {period}, {part}").format(period=period, part=part_label(p.part)))
        lines.append(_("Enter saves · a code letter changes the code · d day/half · p period · Esc cancels"))
        self.query_one("#proposal", Static).update(literal("\n".join(lines)))

    def on_key(self, event: events.Key) -> None:
        if self.typing() or self.proposal is None or not event.character:
            return
        if event.character.isdigit() and self.proposal.candidates:
            index = int(event.character) - 1
            if 0 <= index < min(len(self.proposal.candidates), MAX_CANDIDATES):
                self.proposal.pupils = [self.proposal.candidates[index]]
                self.proposal.candidates = []
                event.stop()
                self.show()
            return
        code = absences.rules(self.kiosk).by_key(event.character.lower())
        if code:
            self.proposal.code = code.id
            event.stop()
            self.show()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cancel":
            return True
        if self.typing() or self.proposal is None:
            return False
        return bool(self.proposal.pupils) if action == "confirm" else True

    def action_cycle_part(self) -> None:
        p = self.proposal
        assert p is not None and p.start is not None
        p.part = next_part(self.kiosk.calendar, p.start, p.part)
        if p.part != "day":
            p.end = p.start
        self.show()

    def action_edit_end(self) -> None:
        field = self.query_one("#sms-to", Input)
        field.display = True
        field.value = ""
        field.focus()

    @on(Input.Submitted, "#sms-to")
    def _end_entered(self, event: Input.Submitted) -> None:
        p = self.proposal
        assert p is not None and p.start is not None
        start = p.start
        period = self.attempt(lambda: entry.read_period(None, event.value, self.kiosk.clock.now().date(),
                                                        default_start=start))
        if period is None:
            return
        end = p.end = period[1]
        if end != p.start:
            p.part = "day"
        event.input.display = False
        self.set_focus(None)
        self.show_error("")
        self.show()

    def action_confirm(self) -> None:
        p = self.proposal
        if p is None or not p.pupils or p.start is None:
            return
        start = p.start
        self.write(lambda: absences.log_absences(
            self.kiosk, p.pupils, code=p.code, start=start, end=p.end, part=p.part, note=p.reason,
            via="sms", who=self.user.id), self.dismiss)

