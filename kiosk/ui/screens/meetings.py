"""A round of meetings (F4): its schedule, who has no meeting yet, and the evening itself.

`s` and a pupil's name open their reply slips and meeting; `f` fills the round from the slips
(your class, or the school for the head), after saying what it would do; on the evening
`a` marks arrived and `n` did not come; Del cancels a meeting (asked first)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Static

from kiosk.domain.meetings import Filled
from kiosk.domain.models import Booking, Pupil, Role, Round
from kiosk.i18n import N_, _, ngettext
from kiosk.services import meetings, staff
from kiosk.services.labels import day_label
from kiosk.services.meetings import KIND_WORDS, STATUS_WORDS, UNBOOKED_WORDS, WHY_WORDS
from kiosk.ui.actions import KioskAction, bindings
from kiosk.ui.base import KioskScreen
from kiosk.ui.text import literal, literal_cell
from kiosk.ui.widgets.action_bar import ActionBar
from kiosk.ui.widgets.confirm import ConfirmScreen
from kiosk.ui.widgets.pupil_picker import PupilPicker
from kiosk.ui.widgets.search_list import SearchList

ACTIONS = (
    KioskAction("left", "round(1)", N_("Earlier round"), N_("The round before this one"), priority=True),
    KioskAction("right", "round(-1)", N_("Later round"), N_("The round after this one"), priority=True),
    KioskAction("s", "search", N_("Pupil"), N_("A pupil's reply slips and meeting: type the name")),
    KioskAction("p", "plan", N_("Plan"), N_("Plan a new round")),
    KioskAction("f", "fill", N_("Fill"), N_("Book everyone whose parents replied, families back to back")),
    KioskAction("u", "unbooked", N_("Unbooked"), N_("Who has no meeting yet, or the schedule again")),
    KioskAction("a", "mark('arrived')", N_("Arrived"), N_("The parents are here")),
    KioskAction("n", "mark('no_show')", N_("Did not come"), N_("The parents did not come")),
    KioskAction("o", "outcome", N_("Outcome"), N_("After the meeting: what came out of it, and the action points")),
    KioskAction("delete", "cancel", N_("Cancel"), N_("Cancel the selected meeting")),
    KioskAction("escape", "back", N_("Back"), N_("Back to the home screen")),
)


class MeetingsScreen(KioskScreen[None]):
    CSS_PATH = ["../styles/tables.tcss", "../styles/touch.tcss"]
    BINDINGS = bindings(ACTIONS)
    ACTIONS = ACTIONS

    def __init__(self) -> None:
        super().__init__()
        self.rounds: list[Round] = []
        self.index = 0
        self.showing_unbooked = False
        self.rows: list[object] = []

    def compose(self) -> ComposeResult:
        yield Static(id="meetings-title", classes="title")
        yield PupilPicker(self.kiosk_app.finder.index, id="meetings-picker")
        yield Static(id="meetings-counts")
        yield DataTable(id="meetings-table", cursor_type="row", zebra_stripes=True)
        yield ActionBar(ACTIONS, id="meetings-actions")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(PupilPicker).reset()
        self.reload()
        self.query_one(DataTable).focus()  # the keys act on the schedule; s (or a tap) searches a pupil
        self.follow_data(self.reload)

    def action_search(self) -> None:
        self.query_one("#meetings-picker-input").focus()

    @property
    def round(self) -> Round | None:
        return self.rounds[self.index] if self.rounds else None

    def _own_classes(self) -> tuple[str, ...]:
        """A teacher sees their own classes; the head, care staff and the office the school."""
        return self.user.classes if self.user.role == Role.TEACHER else ()

    def reload(self) -> None:
        found = self.attempt(lambda: meetings.rounds(self.kiosk))
        if found is None:
            return
        current = self.round.id if self.round else None
        self.rounds = found
        ids = [r.id for r in found]
        self.index = ids.index(current) if current in ids else self._next_round()
        self._show()

    def _next_round(self) -> int:
        """The coming round first (the list runs newest first); else the latest one."""
        today = self.kiosk.clock.now().date()
        coming = [i for i, r in enumerate(self.rounds) if max(r.days) >= today]
        return coming[-1] if coming else 0

    def _show(self) -> None:
        title = self.query_one("#meetings-title", Static)
        table = self.query_one(DataTable)
        table.clear(columns=True)
        round_ = self.round
        if round_ is None:
            title.update(literal(_("No round planned yet: p plans one.")))
            self.query_one("#meetings-counts", Static).update("")
            self.rows = []
            self.refresh_bindings()
            return
        days = ", ".join(day_label(d) for d in round_.days)
        title.update(literal(f"{round_.name} · {_(KIND_WORDS[round_.kind])} · {days}"))
        if self.showing_unbooked:
            self._show_unbooked(round_, table)
        else:
            self._show_schedule(round_, table)
        self.refresh_bindings()

    def _show_schedule(self, round_: Round, table: DataTable[object]) -> None:
        names = staff.staff_names(self.kiosk)
        pupils = {p.id: p for p in self.kiosk.repos.pupils.all(include_left=True)}
        mine = self.user.id if self.user.role == Role.TEACHER else None
        bookings = self.attempt(lambda: meetings.bookings_of(self.kiosk, round_, mine)) or []
        table.add_columns(_("Day"), _("Time"), _("With"), _("Room"), _("Pupil"), _("Parents"), _("State"))
        for b in bookings:
            pupil = pupils.get(b.pupil_id)
            parents = ", ".join(g.name for g in pupil.guardians) if pupil else ""
            cells = (day_label(b.day), f"{b.start:%H:%M}–{b.end:%H:%M}", names.get(b.staff_id, b.staff_id), b.room,
                     f"{pupil.full_name} ({pupil.class_name})" if pupil else b.pupil_id, parents,
                     _(STATUS_WORDS[b.status]))
            table.add_row(*(literal_cell(c) for c in cells))
        self.rows = list(bookings)
        no_show = sum(b.status == "no_show" for b in bookings)
        self.query_one("#meetings-counts", Static).update(literal(ngettext(
            "{n} meeting · {arrived} arrived · {no_show} did not come",
            "{n} meetings · {arrived} arrived · {no_show} did not come", len(bookings)).format(
            n=len(bookings), arrived=sum(b.status == "arrived" for b in bookings), no_show=no_show)))

    def _show_unbooked(self, round_: Round, table: DataTable[object]) -> None:
        everyone = self.attempt(lambda: meetings.unbooked(self.kiosk, round_))
        found = [u for u in everyone or [] if not self._own_classes() or u.pupil.class_name in self._own_classes()]
        table.add_columns(_("Class"), _("Pupil"), _("State"))
        for item in found:
            table.add_row(*(literal_cell(c) for c in (item.pupil.class_name, item.pupil.full_name,
                                                       _(UNBOOKED_WORDS[item.state]))))
        self.rows = list(found)
        self.query_one("#meetings-counts", Static).update(literal(ngettext(
            "{n} pupil without a meeting ({no_reply} without a reply: ask at the gate)",
            "{n} pupils without a meeting ({no_reply} without a reply: ask at the gate)", len(found)).format(
            n=len(found), no_reply=sum(u.state == "no_reply" for u in found))))

    # -- keys -------------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "round" and parameters:
            return 0 <= self.index + int(str(parameters[0])) < len(self.rounds)
        if action in ("fill", "unbooked"):
            return self.round is not None
        if action == "plan":
            return self.user.role in (Role.HEAD, Role.CARE)
        if action in ("mark", "cancel", "outcome"):
            return not self.showing_unbooked and self._selected() is not None
        return True

    def _selected(self) -> Booking | None:
        table = self.query_one(DataTable)
        row = self.rows[table.cursor_row] if self.rows and table.cursor_row < len(self.rows) else None
        return row if isinstance(row, Booking) else None

    def action_back(self) -> None:
        if self.query_one("#meetings-picker-input").has_focus:  # leave the search for the schedule
            self.query_one(DataTable).focus()
            return
        self.app.pop_screen()

    def action_round(self, step: int) -> None:
        self.index += step
        self._show()

    def action_unbooked(self) -> None:
        self.showing_unbooked = not self.showing_unbooked
        self._show()

    def action_plan(self) -> None:
        from kiosk.ui.screens.plan_round import PlanRoundScreen

        self.app.push_screen(PlanRoundScreen(), self._planned)

    def _planned(self, round_: object) -> None:
        if not isinstance(round_, Round):
            return
        self.kiosk_app.announce_change()
        self.rounds = meetings.rounds(self.kiosk)
        self.index = next(i for i, r in enumerate(self.rounds) if r.id == round_.id)
        self._show()

    @on(SearchList.Chosen, "#meetings-picker")
    def _pupil(self, event: SearchList.Chosen) -> None:
        from kiosk.ui.screens.meeting_pupil import MeetingPupilScreen

        pupil: Pupil = event.item
        self.query_one(PupilPicker).reset()
        if self.round is None:
            self.show_error(_("Plan a round first (p)."))
            return
        self.app.push_screen(MeetingPupilScreen(self.round, pupil), self._pupil_done)

    def _pupil_done(self, _result: object) -> None:
        self.reload()
        self.action_search()  # the next reply slip: type the next name

    def action_fill(self) -> None:
        round_ = self.round
        if round_ is None:
            return
        classes = self._own_classes()
        preview = self.attempt(lambda: meetings.fill_round(self.kiosk, round_, self.user.id, classes=classes,
                                                           dry_run=True))
        if preview is None:
            return
        if not preview.placed and not preview.unplaced:
            self.notify(_("Nobody to book: every pupil whose parents replied has a meeting."), markup=False)
            return
        lines = [ngettext("Book {n} meeting?", "Book {n} meetings?", len(preview.placed)).format(
            n=len(preview.placed))]
        lines += [_("Not placed: {name} ({class_name}): {why}").format(
            name=item.pupil.full_name, class_name=item.pupil.class_name, why=_(WHY_WORDS[why]))
            for item, why in preview.unplaced[:8]]
        self.app.push_screen(ConfirmScreen("\n".join(lines)),
                             lambda yes: self._fill(round_, classes) if yes else None)

    def _fill(self, round_: Round, classes: tuple[str, ...]) -> None:
        self.write(lambda: meetings.fill_round(self.kiosk, round_, self.user.id, classes=classes),
                   self._filled)

    def _filled(self, filled: Filled) -> None:
        self.notify(ngettext("{n} meeting booked.", "{n} meetings booked.", len(filled.placed)).format(
            n=len(filled.placed)), markup=False)
        self.kiosk_app.announce_change()
        self.reload()

    def action_mark(self, status: str) -> None:
        booking, round_ = self._selected(), self.round
        if booking is None or round_ is None:
            return
        self.write(lambda: meetings.mark(self.kiosk, round_, booking, status, self.user.id), self._changed)

    def action_outcome(self) -> None:
        from kiosk.ui.screens.meeting_outcome import MeetingOutcomeScreen

        booking, round_ = self._selected(), self.round
        if booking is None or round_ is None:
            return
        pupil = self.kiosk.repos.pupils.get(booking.pupil_id)
        title = _("Outcome: {pupil}, {day} {time}").format(pupil=pupil.full_name if pupil else booking.pupil_id,
                                                           day=day_label(booking.day), time=f"{booking.start:%H:%M}")
        self.app.push_screen(MeetingOutcomeScreen(round_, booking, title), self._outcome_noted)

    def _outcome_noted(self, result: object) -> None:
        if not isinstance(result, tuple):
            return
        _note, follow_ups = result
        self.notify(ngettext("Outcome noted, {n} follow-up.", "Outcome noted, {n} follow-ups.",
                             len(follow_ups)).format(n=len(follow_ups)), markup=False)
        self.kiosk_app.announce_change()
        self.reload()

    def action_cancel(self) -> None:
        booking, round_ = self._selected(), self.round
        if booking is None or round_ is None:
            return
        pupil = self.kiosk.repos.pupils.get(booking.pupil_id)
        question = _("Cancel the meeting about {pupil} of {day} {time}?").format(
            pupil=pupil.full_name if pupil else booking.pupil_id, day=day_label(booking.day),
            time=f"{booking.start:%H:%M}")
        self.app.push_screen(ConfirmScreen(question), lambda yes: self.write(
            lambda: meetings.cancel(self.kiosk, round_, booking, self.user.id), self._changed) if yes else None)

    def _changed(self, _result: object) -> None:
        self.kiosk_app.announce_change()
        self.reload()
