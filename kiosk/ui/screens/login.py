"""Pick or type your name, enter your PIN (keys, or the keypad on the gate tablet)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical
from textual.content import Content
from textual.widgets import Footer, Input, Static

from kiosk.domain.models import Staff
from kiosk.i18n import N_, _, ngettext
from kiosk.services import staff as staff_service
from kiosk.services.labels import role_label
from kiosk.ui.actions import KioskAction, bindings
from kiosk.ui.base import KioskScreen
from kiosk.ui.text import literal
from kiosk.ui.widgets.action_bar import TouchKey
from kiosk.ui.widgets.search_list import SearchList

ACTIONS = (KioskAction("escape", "back", N_("Other name"), N_("Start again with another name")),)
KEYPAD = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "backspace", "0", "enter")


def staff_line(member: Staff) -> Content:
    return literal(f"{member.name}  ({role_label(member.role.value)})")


class LoginScreen(KioskScreen[None]):
    CSS_PATH = "../styles/login.tcss"
    BINDINGS = bindings(ACTIONS)
    ACTIONS = ACTIONS
    # The first screen must come up fast: no restyle for breakpoints, and the keypad is only
    # made when a name is chosen on a screen big enough for it (a tablet).
    HORIZONTAL_BREAKPOINTS = []
    VERTICAL_BREAKPOINTS = []
    KEYPAD_MIN_SIZE = (100, 30)

    def __init__(self) -> None:
        super().__init__()
        self._everyone: list[Staff] = []
        self.selected: Staff | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="login-row"), Vertical(id="login"):
            yield Static(literal(self.app.title), classes="title")
            yield SearchList(self._names, staff_line, placeholder=_("Your name"), show_empty=True,
                             id="staff", input_widget=Input(id="name"))
            yield Input(placeholder=_("PIN (digits)"), password=True, id="pin", max_length=8,
                        restrict=r"[0-9]*")
            yield Static("", id="login-message")
        yield Footer()

    def _show_keypad(self, show: bool) -> None:
        keypads = self.query("#keypad")
        big = self.size.width >= self.KEYPAD_MIN_SIZE[0] and self.size.height >= self.KEYPAD_MIN_SIZE[1]
        if show and big and not keypads:
            keys = [TouchKey({"backspace": "⌫", "enter": _("OK")}.get(key, key), f"keypad('{key}')",
                             classes="keypad-key") for key in KEYPAD]
            self.query_one("#login-row").mount(Grid(*keys, id="keypad"))
        for keypad in self.query("#keypad"):
            keypad.display = show and big

    def on_mount(self) -> None:
        self.query_one("#pin", Input).disabled = True
        self.query_one("#name", Input).focus()
        # the names come a moment after the screen is up (the first frame shows at once);
        # whatever was typed meanwhile is kept and searched
        self.call_after_refresh(self._load_names)

    def _load_names(self) -> None:
        self._everyone = self.attempt(lambda: staff_service.list_staff(self.kiosk)) or []
        names = self.query_one(SearchList)
        names.show(names.input.value)

    def _names(self, typed: str) -> list[Staff]:
        return staff_service.matching(self._everyone, typed)

    def reset(self) -> None:
        """Clean slate for the next person (and the staff list as it is now)."""
        self.selected = None
        pin = self.query_one("#pin", Input)
        pin.value = ""
        pin.disabled = True
        self._show_keypad(False)
        self._message("")
        self.query_one(SearchList).reset()
        self._load_names()

    def _message(self, text: str, *, error: bool = False) -> None:
        message = self.query_one("#login-message", Static)
        message.update(literal(text))
        message.set_class(error, "-error")

    def show_error(self, text: str) -> None:
        self._message(text, error=True)

    @on(SearchList.Chosen, "#staff")
    def _choose(self, event: SearchList.Chosen) -> None:
        member: Staff = event.item
        self.selected = member
        self.query_one("#name", Input).value = member.name
        pin = self.query_one("#pin", Input)
        pin.disabled = False
        pin.value = ""
        pin.focus()
        self._show_keypad(True)
        self._message(_("PIN for {name}").format(name=member.name))

    def action_back(self) -> None:
        self.reset()

    def action_keypad(self, key: str) -> None:
        """The on-screen keypad: the same as typing the digit, ⌫ or Enter."""
        pin = self.query_one("#pin", Input)
        if pin.disabled:
            return
        if key == "enter":
            self._check(pin.value)
        elif key == "backspace":
            pin.value = pin.value[:-1]
        elif len(pin.value) < 8:
            pin.value += key

    @on(Input.Submitted, "#pin")
    def _pin_entered(self, event: Input.Submitted) -> None:
        self._check(event.value)

    def _check(self, pin: str) -> None:
        self.query_one("#pin", Input).value = ""
        selected = self.selected
        if selected is None:
            return
        guard, now = self.kiosk_app.pin_guard, self.kiosk.clock.now()
        if guard.locked(now) and guard.locked_until:
            self.show_error(_("Too many wrong PINs on this screen. Try again after {time}.").format(
                time=f"{guard.locked_until:%H:%M}"))
            return
        self.write(lambda: staff_service.login(self.kiosk, selected.id, pin),
                   lambda result: self._checked(selected, result))

    def _checked(self, selected: Staff, result: staff_service.LoginResult) -> None:
        guard, now = self.kiosk_app.pin_guard, self.kiosk.clock.now()
        if result.staff:
            self.kiosk_app.start_session(result.staff)
            if result.unrecorded:
                self.notify(_("Logged in, but the login could not be written in the audit trail: {why}")
                            .format(why=result.unrecorded), severity="warning", timeout=30, markup=False)
            self.reset()
            return
        guard.wrong(now)
        if result.unrecorded:
            self.show_error(_("Wrong PIN (and it could not be recorded: {why})").format(why=result.unrecorded))
        elif result.locked_until:
            self.show_error(_("Too many wrong PINs. {name} is locked until {time}.").format(
                name=selected.name, time=f"{result.locked_until:%H:%M}"))
        else:
            self.show_error(ngettext("Wrong PIN. {n} try left.", "Wrong PIN. {n} tries left.",
                                   result.attempts_left).format(n=result.attempts_left))
