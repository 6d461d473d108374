"""Pick or type your name, enter your PIN."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Footer, Input, Static

from kiosk.domain.models import Staff
from kiosk.i18n import N_, _, ngettext
from kiosk.services import staff as staff_service
from kiosk.services.labels import role_label
from kiosk.ui.actions import KioskAction, bindings
from kiosk.ui.base import KioskScreen
from kiosk.ui.text import literal
from kiosk.ui.widgets.search_list import SearchList

ACTIONS = (KioskAction("escape", "back", N_("Other name"), N_("Start again with another name")),)


def staff_line(member: Staff) -> Content:
    return literal(f"{member.name}  ({role_label(member.role.value)})")


class LoginScreen(KioskScreen[None]):
    BINDINGS = bindings(ACTIONS)
    ACTIONS = ACTIONS

    def __init__(self) -> None:
        super().__init__()
        self._everyone: list[Staff] = []
        self.selected: Staff | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="login"):
            yield Static(literal(self.app.title), classes="title")
            yield SearchList(self._names, staff_line, placeholder=_("Your name"), show_empty=True,
                             id="staff", input_widget=Input(id="name"))
            yield Input(placeholder=_("PIN"), password=True, id="pin", max_length=8)
            yield Static("", id="login-message")
        yield Footer()

    def on_mount(self) -> None:
        self.reset()

    def _names(self, typed: str) -> list[Staff]:
        return staff_service.matching(self._everyone, typed)

    def reset(self) -> None:
        """Clean slate for the next person (and the staff list as it is now)."""
        self._everyone = self.attempt(lambda: staff_service.list_staff(self.kiosk)) or []
        self.selected = None
        pin = self.query_one("#pin", Input)
        pin.value = ""
        pin.disabled = True
        self._message("")
        self.query_one(SearchList).reset()

    def _message(self, text: str) -> None:
        self.query_one("#login-message", Static).update(literal(text))

    show_error = _message

    @on(SearchList.Chosen, "#staff")
    def _choose(self, event: SearchList.Chosen) -> None:
        member: Staff = event.item
        self.selected = member
        self.query_one("#name", Input).value = member.name
        pin = self.query_one("#pin", Input)
        pin.disabled = False
        pin.value = ""
        pin.focus()
        self._message(_("PIN for {name}").format(name=member.name))

    def action_back(self) -> None:
        self.reset()

    @on(Input.Submitted, "#pin")
    def _pin_entered(self, event: Input.Submitted) -> None:
        pin = event.value
        event.input.value = ""
        selected = self.selected
        if selected is None:
            return
        result = self.attempt(lambda: staff_service.login(self.kiosk, selected.id, pin))
        if result is None:
            return
        if result.staff:
            self.kiosk_app.start_session(result.staff)
            self.reset()
        elif result.locked_until:
            self._message(_("Too many wrong PINs. {name} is locked until {time}.").format(
                name=selected.name, time=f"{result.locked_until:%H:%M}"))
        else:
            self._message(ngettext("Wrong PIN. {n} try left.", "Wrong PIN. {n} tries left.",
                                   result.attempts_left).format(n=result.attempts_left))
