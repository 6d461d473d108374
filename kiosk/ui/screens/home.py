"""After login: today, a pupil search that logs absences, and the areas of the kiosk."""

from __future__ import annotations

import datetime as dt

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Static

from kiosk.domain.calendar import SchoolCalendar
from kiosk.domain.models import Absence, Role, Staff
from kiosk.errors import KioskError
from kiosk.i18n import _
from kiosk.services import absences
from kiosk.services.messages import code_label, warning_text
from kiosk.ui.actions import KioskAction, bindings
from kiosk.ui.messages import DataChanged
from kiosk.ui.screens.absence_dialog import AbsenceDialog, LateResult
from kiosk.ui.text import literal
from kiosk.ui.widgets.pupil_picker import PupilPicker

AREAS = (
    ("absences", "f2", _("Absences"), _("Today's absences and late arrivals by class")),
    ("conversations", "f3", _("Conversations"), _("Notes of talks at the gate")),
    ("meetings", "f4", _("Meetings"), _("Parent evenings and care meetings")),
    ("invitations", "f5", _("Invitations"), _("Class codes and letters")),
)
ACTIONS = (
    # the tiles show their keys; the footer keeps room for what is used every morning
    *(KioskAction(key, f"area('{name}')", label, help, show=name == "absences")
      for name, key, label, help in AREAS),
    KioskAction("f6", "audit", _("Audit trail"), _("Who changed what (head only)")),
    KioskAction("f7", "sms", _("Paste text"), _("Read a parent's text message")),
)
AREA_LABELS = {name: label for name, _key, label, _help in AREAS}
WEEKDAYS = (_("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday"),
            _("Saturday"), _("Sunday"))
HOLIDAYS = {
    "autumn": _("autumn holiday"), "christmas": _("Christmas holiday"),
    "carnival": _("carnival holiday"), "easter": _("Easter holiday"),
    "summer": _("summer holiday"), "armistice": _("Armistice Day"),
    "labour": _("Labour Day"), "ascension": _("Ascension"), "whit": _("Whit Monday"),
    "free_day": _("school free day"),
}
REFRESH_SECONDS = 2.0


def describe_day(calendar: SchoolCalendar, now: dt.datetime) -> str:
    today = now.date()
    date = f"{WEEKDAYS[today.weekday()]} {today:%d-%m-%Y}"
    holiday = calendar.holiday(today)
    if holiday:
        return f"{date} · {_('no school')}: {HOLIDAYS[holiday.key]}"
    if today.weekday() >= 5:
        return f"{date} · {_('weekend')}"
    if not calendar.has_afternoon(today):
        return f"{date} · {_('school day, no lessons in the afternoon')}"
    return f"{date} · {_('school day')}"


class HomeScreen(Screen[None]):
    BINDINGS = bindings(ACTIONS)
    ACTIONS = ACTIONS

    def __init__(self, staff: Staff) -> None:
        super().__init__()
        self.staff = staff

    @property
    def kiosk(self):
        return self.app.kiosk  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        with Horizontal(id="topbar"):
            yield Static(literal(self.kiosk.config.school.name), id="school")
            yield Static(literal(describe_day(self.kiosk.calendar, self.kiosk.clock.now())), id="today")
            yield Static(literal(self.staff.name), id="user")
        with Vertical(id="home"):
            yield PupilPicker(self.app.finder.index, id="picker")  # type: ignore[attr-defined]
            yield Static(id="today-summary")
            yield Static(id="flags")
            with Grid(id="tiles"):
                for name, key, label, _help in AREAS:
                    yield Button(literal(f"{label}  ({key.upper()})"), id=f"tile-{name}", classes="tile")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(PupilPicker).reset()
        self.refresh_today()
        self.set_interval(REFRESH_SECONDS, self.refresh_today)

    def on_screen_resume(self) -> None:
        self.refresh_today()

    def refresh_today(self) -> None:
        """Cheap when nothing changed: the store only rereads a file another kiosk wrote."""
        if self.app.screen is not self:
            return  # another screen is on top (and may poll itself)
        try:
            view = absences.day_view(self.kiosk, self.kiosk.clock.now().date(), self.staff)
        except KioskError as exc:  # e.g. a file damaged meanwhile
            self.app.report(exc)  # type: ignore[attr-defined]
            return
        absent = sum(view.counts.values())
        late = sum(1 for _c, rows in view.classes for r in rows if r.late)
        self.query_one("#today-summary", Static).update(literal(
            _("Today: {absent} absent · {late} late · {unexplained} unexplained").format(
                absent=absent, late=late, unexplained=len(view.unexplained))))
        pupils = self.kiosk.repos.pupils
        flagged = [f"{p.full_name} ({p.class_name}, {n})"
                   for pid, n in sorted(view.clb.items()) if (p := pupils.get(pid)) and p.active]
        flags = self.query_one("#flags", Static)
        flags.display = bool(flagged)
        flags.update(literal(_("Contact the CLB (problematic half days): {names}").format(
            names="; ".join(flagged))))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "audit":
            return self.staff.role is Role.HEAD
        return True

    def action_area(self, area: str) -> None:
        if area == "absences":
            from kiosk.ui.screens.day_view import DayViewScreen

            self.app.push_screen(DayViewScreen(self.staff))
            return
        self.notify(_("{area}: arrives in a later version of the kiosk.").format(area=AREA_LABELS[area]))

    def action_audit(self) -> None:
        from kiosk.ui.screens.audit import AuditScreen

        self.app.push_screen(AuditScreen())

    def action_sms(self, text: str = "") -> None:
        from kiosk.ui.screens.sms import SmsScreen

        self.app.push_screen(SmsScreen(self.staff, text), self.show_result)

    @on(PupilPicker.LongText)
    def _pasted(self, event: PupilPicker.LongText) -> None:
        self.action_sms(event.text)

    @on(Button.Pressed, ".tile")
    def _tile(self, event: Button.Pressed) -> None:
        assert event.button.id
        self.action_area(event.button.id.removeprefix("tile-"))

    @on(PupilPicker.Selected)
    def _pupil(self, event: PupilPicker.Selected) -> None:
        self.app.push_screen(AbsenceDialog(self.kiosk, event.pupil, self.staff.id), self.show_result)

    @on(DataChanged)
    def _changed(self) -> None:
        self.refresh_today()

    def show_result(self, result: object) -> None:
        """Confirm what was saved, offer undo, and show the rules' warnings."""
        show_saved(self, result)
        self.query_one(PupilPicker).reset()
        self.refresh_today()


def show_saved(screen: Screen, result: object) -> None:
    app, kiosk = screen.app, screen.app.kiosk  # type: ignore[attr-defined]
    if isinstance(result, absences.Logged) and result.entries:
        first = result.entries[0]
        pupils = {p.id: p for p in kiosk.repos.pupils.all()}
        names = ", ".join(pupils[e.pupil_id].full_name for e in result.entries if e.pupil_id in pupils)
        what = f"{names} · {code_label(kiosk, first.code)}"
        app.remember(what, list(result.entries))  # type: ignore[attr-defined]
        app.notify(_("Saved: {what}. ctrl+z undoes it.").format(what=what), markup=False)
        for pupil, warning in result.warnings:
            app.notify(warning_text(kiosk, pupil, warning), severity="warning", timeout=20, markup=False)
    elif isinstance(result, LateResult):
        time = f"{result.late.time:%H:%M}"
        what = _("{name} late at {time}").format(name=result.pupil.full_name, time=time)
        app.remember(what, [result.late])  # type: ignore[attr-defined]
        app.notify(_("Saved: {what}. ctrl+z undoes it.").format(what=what), markup=False)
        if result.this_month >= kiosk.config.absences.late_flag_per_month:
            flag = _("{name} was late {n} times this month").format(
                name=result.pupil.full_name, n=result.this_month)
            app.notify(flag, severity="warning", timeout=20, markup=False)
    elif isinstance(result, Absence):
        app.notify(_("Changed: {what}").format(what=code_label(kiosk, result.code)), markup=False)
