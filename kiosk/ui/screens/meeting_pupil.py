"""One pupil in a round: the households' reply slips and the meeting, in a few keys.

Type the slip as it is ticked ("na 18:00, niet dinsdag, zorg", or Enter for any time);
`h` switches household (separated parents each return a slip); `x` the household wants no
meeting; `b` books the first time that suits every household; `t` books at a time typed, or
moves the meeting there."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Footer, Input, Static

from kiosk.domain.meetings import read_slip
from kiosk.domain.models import Pupil, Round
from kiosk.i18n import N_, _
from kiosk.services import entry, meetings, staff
from kiosk.services.labels import day_label
from kiosk.ui.actions import KioskAction, bindings
from kiosk.ui.screens.form import ERROR_ID, KioskForm
from kiosk.ui.text import literal
from kiosk.ui.widgets.action_bar import ActionBar

ACTIONS = (
    KioskAction("enter", "save_slip", N_("Slip"), N_("Save this household's reply slip")),
    KioskAction("tab", "switch", N_("Text/keys"), N_("Leave the slip to use the keys, or back"), priority=True),
    KioskAction("h", "household", N_("Household"), N_("The other household's slip (separated parents)")),
    KioskAction("x", "declines", N_("No meeting"), N_("This household wants no meeting")),
    KioskAction("b", "book", N_("Book"), N_("The first time that suits every household")),
    KioskAction("t", "at_time", N_("At…"), N_("Book at a time you type, or move the meeting there")),
    KioskAction("escape", "cancel", N_("Close"), N_("Back to the round")),
)


class MeetingPupilScreen(KioskForm):
    """Dismisses with None; every change is saved at once."""

    CSS_PATH = "../styles/touch.tcss"
    BINDINGS = bindings(ACTIONS)
    ACTIONS = ACTIONS
    OPTIONAL_FIELDS = ("#meeting-time",)
    AUTO_FOCUS = "#meeting-slip"

    def __init__(self, round_: Round, pupil: Pupil) -> None:
        super().__init__()
        self.round, self.pupil = round_, pupil
        self.households = sorted({g.household for g in pupil.guardians}) or [1]
        self.household = self.households[0]

    def compose(self) -> ComposeResult:
        with Vertical(id="meeting-pupil", classes="dialog"):
            yield Static(literal(f"{self.round.name}: {self.pupil.full_name} ({self.pupil.class_name})"),
                         classes="title")
            yield Static(id="meeting-state")
            yield Input(placeholder=_("reply slip: na 18:00, niet dinsdag, zorg (Enter: any time)"),
                        id="meeting-slip")
            yield Input(placeholder=_("time, e.g. 17:20 (Enter books)"), id="meeting-time")
            yield Static(id=ERROR_ID)
            yield ActionBar(ACTIONS, id="meeting-actions")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#meeting-time").display = False
        self.refresh_state()

    def refresh_state(self) -> None:
        lines = self.attempt(self._state_lines)
        if lines is not None:
            self.query_one("#meeting-state", Static).update(literal("\n".join(lines)))

    def _state_lines(self) -> list[str]:
        replies = {r.household: r for r in meetings.replies_of(self.kiosk, self.round) if r.pupil_id == self.pupil.id}
        lines = []
        for household in self.households:
            parents = ", ".join(g.name for g in self.pupil.guardians if g.household == household)
            reply = replies.get(household)
            said = _("no slip yet") if reply is None else meetings.slip_words(reply)
            marker = "▶ " if household == self.household else "  "
            lines.append(marker + _("Household {n} ({parents}): {said}").format(n=household, parents=parents,
                                                                              said=said))
        booked = [b for b in meetings.bookings_of(self.kiosk, self.round) if b.pupil_id == self.pupil.id]
        names = staff.staff_names(self.kiosk)
        lines += [_("Meeting: {day} {start}–{end} with {staff}, room {room}").format(
            day=day_label(b.day), start=f"{b.start:%H:%M}", end=f"{b.end:%H:%M}",
            staff=names.get(b.staff_id, b.staff_id), room=b.room or "–") for b in booked] or [_("No meeting yet.")]
        warning = meetings.slip_warning(self.kiosk, self.round, self.pupil)
        return lines + ([f"⚠ {warning}"] if warning else [])

    # -- keys -----------------------------------------------------------------------------------------
    def fields_closed(self) -> None:
        self.show_error("")  # the refusal was about the time typed, which is gone

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.typing() and action in ("household", "declines", "book", "at_time"):
            return False
        if action == "household":
            return len(self.households) > 1
        return True

    def action_switch(self) -> None:
        if self.typing():
            self.set_focus(None)
        else:
            self.close_fields()
            self.query_one("#meeting-slip", Input).focus()

    def action_household(self) -> None:
        index = self.households.index(self.household)
        self.household = self.households[(index + 1) % len(self.households)]
        self.refresh_state()

    @on(Input.Submitted, "#meeting-slip")
    def _slip_typed(self) -> None:
        self.action_save_slip()

    def action_save_slip(self) -> None:
        if self.query_one("#meeting-time").display:
            return
        text = self.query_one("#meeting-slip", Input).value

        def save() -> object:
            slip = read_slip(text, self.round.days, evening=self.round.evening)
            return meetings.record_reply(self.kiosk, self.round, self.pupil, self.household, self.user.id,
                                         after=slip.after, not_days=slip.not_days, care_wish=slip.care_wish)

        self.write(save, self._changed)

    def action_declines(self) -> None:
        self.write(lambda: meetings.record_reply(self.kiosk, self.round, self.pupil, self.household, self.user.id,
                                                 wants=False), self._changed)

    def action_book(self) -> None:
        self.write(lambda: meetings.book(self.kiosk, self.round, self.pupil, self.user.id), self._changed)

    def action_at_time(self) -> None:
        field = self.query_one("#meeting-time", Input)
        field.display = True
        field.value = ""
        field.focus()

    @on(Input.Submitted, "#meeting-time")
    def _time_typed(self, event: Input.Submitted) -> None:
        text = event.value
        booked = next((b for b in meetings.bookings_of(self.kiosk, self.round) if b.pupil_id == self.pupil.id), None)

        def book_or_move() -> object:
            start = entry.read_time(text)
            if booked is None:
                return meetings.book(self.kiosk, self.round, self.pupil, self.user.id, start=start)
            return meetings.move(self.kiosk, self.round, booked, self.user.id, start=start)

        self.write(book_or_move, self._changed)

    def _changed(self, _result: object) -> None:
        self.show_error("")
        self.close_fields()
        self.query_one("#meeting-slip", Input).value = ""
        self.kiosk_app.announce_change()
        self.refresh_state()
