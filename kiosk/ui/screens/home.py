"""After login: today, a pupil search that logs absences, and the areas of the kiosk."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical
from textual.widgets import Button, Footer, Static

from kiosk.domain.models import Pupil, Role
from kiosk.i18n import N_, _
from kiosk.services import absences, calendar_info, meetings, notes, pupils
from kiosk.ui.actions import KioskAction, bindings
from kiosk.ui.base import KioskScreen
from kiosk.ui.feedback import show_saved
from kiosk.ui.screens.absence_dialog import AbsenceDialog
from kiosk.ui.text import literal
from kiosk.ui.widgets.pupil_picker import PupilPicker
from kiosk.ui.widgets.search_list import SearchList

AREAS = (
    ("absences", "f2", N_("Absences"), N_("Today's absences and late arrivals by class")),
    ("conversations", "f3", N_("Follow-ups"), N_("Conversations with parents: what is owed, by when")),
    ("meetings", "f4", N_("Meetings"), N_("Parent evenings and care meetings")),
    ("invitations", "f5", N_("Invitations"), N_("Class codes and letters")),
)
ACTIONS = (
    # the tiles show their keys; the footer keeps room for what is used every morning
    *(KioskAction(key, f"area('{name}')", label, help, show=name in ("absences", "conversations"))
      for name, key, label, help in AREAS),
    KioskAction("f6", "audit", N_("Audit trail"), N_("Who changed what (head only)")),
    KioskAction("f7", "sms", N_("Paste text"), N_("Read a parent's text message")),
    KioskAction("f8", "staff", N_("Staff"), N_("Unlock a name, disable a colleague who left (head only)")),
    KioskAction("f9", "photos", N_("No photos"), N_("The pupils of a class without photo consent")),
)


class HomeScreen(KioskScreen[None]):
    CSS_PATH = "../styles/home.tcss"
    BINDINGS = bindings(ACTIONS)
    ACTIONS = ACTIONS

    def compose(self) -> ComposeResult:
        with Horizontal(id="topbar"):
            yield Static(literal(self.kiosk.config.school.name), id="school")
            yield Static(id="today")
            yield Static(literal(self.user.name), id="user")
        with Vertical(id="home"):
            yield PupilPicker(self.kiosk_app.finder.index, id="picker")
            yield Static(id="today-summary")
            yield Static(id="followups-summary")
            yield Static(id="flags")
            yield Static(id="reminder")
            with Grid(id="tiles"):
                for name, key, label, _help in AREAS:
                    yield Button(literal(f"{_(label)}  ({key.upper()})"), id=f"tile-{name}", classes="tile")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(PupilPicker).reset()
        self.refresh_today()
        self.follow_data(self.refresh_today)

    def on_screen_resume(self) -> None:
        self.refresh_today()

    def refresh_today(self) -> None:
        """Cheap when nothing changed: the store only rereads a file another kiosk wrote."""
        if self.app.screen is not self:
            return  # redrawn when it is shown again
        today = self.kiosk.clock.now()
        self.query_one("#today", Static).update(literal(calendar_info.describe_day(self.kiosk, today)))
        view = self.attempt(lambda: absences.day_view(self.kiosk, today.date(), self.user))
        if view is None:
            return
        absent = sum(view.counts.values())
        late = sum(1 for _c, rows in view.classes for r in rows if r.late)
        self.query_one("#today-summary", Static).update(literal(
            _("Today: {absent} absent · {late} late · {unexplained} unexplained").format(
                absent=absent, late=late, unexplained=len(view.unexplained))))
        self._show_follow_ups()
        remind = self.attempt(lambda: meetings.information_reminder(self.kiosk, self.user))
        reminder = self.query_one("#reminder", Static)
        reminder.display = bool(remind)
        reminder.update(literal(_("September's information evenings have no dates yet: the school announces "
                                  "them in June (F4, then p plans them).")))
        flagged = [f"{p.full_name} ({p.class_name}, {view.clb[p.id]})"
                   for p in pupils.by_ids(self.kiosk, sorted(view.clb)) if p.active]
        flags = self.query_one("#flags", Static)
        flags.display = bool(flagged)
        flags.update(literal(_("Contact the CLB (problematic half days): {names}").format(
            names="; ".join(flagged))))

    def _show_follow_ups(self) -> None:
        """Counts only: someone may be reading along."""
        counted = self.attempt(lambda: notes.counts(self.kiosk, self.user))
        if counted is None:
            return
        open_, overdue = counted
        line = self.query_one("#followups-summary", Static)
        line.update(literal(_("Your follow-ups: {n} open, {overdue} overdue (F3)").format(n=open_, overdue=overdue)))
        line.set_class(overdue > 0, "overdue")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("audit", "staff"):
            return self.user.role is Role.HEAD
        return True

    def action_area(self, area: str) -> None:
        if area == "absences":
            from kiosk.ui.screens.day_view import DayViewScreen

            self.app.push_screen(DayViewScreen())
            return
        if area == "conversations":
            from kiosk.ui.screens.followups import FollowUpsScreen

            self.app.push_screen(FollowUpsScreen())
            return
        if area == "meetings":
            from kiosk.ui.screens.meetings import MeetingsScreen

            self.app.push_screen(MeetingsScreen())
            return
        from kiosk.ui.screens.invitations import InvitationsScreen

        self.app.push_screen(InvitationsScreen())

    def action_audit(self) -> None:
        from kiosk.ui.screens.audit import AuditScreen

        self.app.push_screen(AuditScreen())

    def action_photos(self) -> None:
        from kiosk.ui.screens.photo_consent import PhotoConsentScreen

        self.app.push_screen(PhotoConsentScreen())

    def action_staff(self) -> None:
        from kiosk.ui.screens.staff import StaffScreen

        self.app.push_screen(StaffScreen())

    def action_sms(self, text: str = "") -> None:
        from kiosk.ui.screens.sms import SmsScreen

        self.app.push_screen(SmsScreen(text), self.show_result)

    @on(PupilPicker.LongText)
    def _pasted(self, event: PupilPicker.LongText) -> None:
        self.action_sms(event.text)

    @on(Button.Pressed, ".tile")
    def _tile(self, event: Button.Pressed) -> None:
        assert event.button.id
        self.action_area(event.button.id.removeprefix("tile-"))

    @on(SearchList.Chosen, "#picker")
    def _pupil(self, event: SearchList.Chosen) -> None:
        pupil: Pupil = event.item
        self.app.push_screen(AbsenceDialog(pupil), self.show_result)

    def show_result(self, result: object) -> None:
        show_saved(self.kiosk_app, result)
        self.query_one(PupilPicker).reset()
        self.refresh_today()
