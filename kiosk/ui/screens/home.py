"""After login: today, the areas of the kiosk, and a pupil search."""

from __future__ import annotations

import datetime as dt

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Static

from kiosk.domain.calendar import SchoolCalendar
from kiosk.domain.models import Role, Staff
from kiosk.i18n import _
from kiosk.ui.actions import KioskAction, bindings
from kiosk.ui.screens.audit import AuditScreen
from kiosk.ui.screens.pupil_card import PupilCardScreen
from kiosk.ui.text import literal
from kiosk.ui.widgets.pupil_picker import PupilPicker

AREAS = (
    ("absences", "f2", _("Absences"), _("Absences and late arrivals")),
    ("conversations", "f3", _("Conversations"), _("Notes of talks at the gate")),
    ("meetings", "f4", _("Meetings"), _("Parent evenings and care meetings")),
    ("invitations", "f5", _("Invitations"), _("Class codes and letters")),
)
ACTIONS = (
    *(KioskAction(key, f"area('{name}')", label, help) for name, key, label, help in AREAS),
    KioskAction("f6", "audit", _("Audit trail"), _("Who changed what (head only)")),
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

    def compose(self) -> ComposeResult:
        kiosk = self.app.kiosk  # type: ignore[attr-defined]
        with Horizontal(id="topbar"):
            yield Static(literal(kiosk.config.school.name), id="school")
            yield Static(literal(describe_day(kiosk.calendar, kiosk.clock.now())), id="today")
            yield Static(literal(self.staff.name), id="user")
        with Vertical(id="home"):
            yield PupilPicker(self.app.finder.index, id="picker")  # type: ignore[attr-defined]
            with Grid(id="tiles"):
                for name, key, label, _help in AREAS:
                    yield Button(literal(f"{label}  ({key.upper()})"), id=f"tile-{name}",
                                 classes="tile")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(PupilPicker).reset()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "audit":
            return self.staff.role is Role.HEAD
        return True

    def action_area(self, area: str) -> None:
        self.notify(_("{area}: arrives in a later version of the kiosk.").format(area=AREA_LABELS[area]))

    def action_audit(self) -> None:
        self.app.push_screen(AuditScreen())

    @on(Button.Pressed, ".tile")
    def _tile(self, event: Button.Pressed) -> None:
        assert event.button.id
        self.action_area(event.button.id.removeprefix("tile-"))

    @on(PupilPicker.Selected)
    def _pupil(self, event: PupilPicker.Selected) -> None:
        self.app.push_screen(PupilCardScreen(event.pupil))
