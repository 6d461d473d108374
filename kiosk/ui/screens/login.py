"""Pick or type your name, enter your PIN."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from kiosk.domain.models import Staff
from kiosk.domain.text import fold
from kiosk.errors import KioskError
from kiosk.i18n import _
from kiosk.services import staff as staff_service
from kiosk.store import CorruptFile
from kiosk.ui.labels import ROLE_LABELS
from kiosk.ui.text import literal


class LoginScreen(Screen[None]):
    BINDINGS = [
        Binding("down", "move(1)", _("Next name"), show=False),
        Binding("up", "move(-1)", _("Previous name"), show=False),
        Binding("escape", "back", _("Other name"), show=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._everyone: list[Staff] = []
        self._shown: list[Staff] = []
        self.selected: Staff | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="login"):
            yield Static(literal(self.app.title), classes="title")
            yield Input(placeholder=_("Your name"), id="name")
            yield OptionList(id="staff")
            yield Input(placeholder=_("PIN"), password=True, id="pin", max_length=8)
            yield Static("", id="login-message")
        yield Footer()

    def on_mount(self) -> None:
        self.reset()

    def reset(self) -> None:
        """Clean slate for the next person (and the staff list as it is now)."""
        self._everyone = self.app.kiosk.repos.staff.all()  # type: ignore[attr-defined]
        self.selected = None
        self.query_one("#pin", Input).value = ""
        self.query_one("#pin", Input).disabled = True
        self.query_one("#name", Input).value = ""
        self._show_names("")
        self._message("")
        self.query_one("#name", Input).focus()

    def _message(self, text: str) -> None:
        self.query_one("#login-message", Static).update(literal(text))

    def _show_names(self, typed: str) -> None:
        wanted = fold(typed.strip())
        self._shown = [s for s in self._everyone if wanted in fold(s.name)]
        names = self.query_one("#staff", OptionList)
        names.set_options(
            Option(literal(f"{s.name}  ({ROLE_LABELS[s.role.value]})"), id=s.id) for s in self._shown
        )
        if self._shown:
            names.highlighted = 0

    @on(Input.Changed, "#name")
    def _filter(self, event: Input.Changed) -> None:
        self._show_names(event.value)

    def action_move(self, step: int) -> None:
        names = self.query_one("#staff", OptionList)
        if self._shown:
            current = names.highlighted or 0
            names.highlighted = max(0, min(len(self._shown) - 1, current + step))

    @on(Input.Submitted, "#name")
    def _name_entered(self) -> None:
        highlighted = self.query_one("#staff", OptionList).highlighted
        if self._shown and highlighted is not None:
            self._choose(self._shown[highlighted])

    @on(OptionList.OptionSelected, "#staff")
    def _name_clicked(self, event: OptionList.OptionSelected) -> None:
        self._choose(self._shown[event.option_index])

    def _choose(self, staff: Staff) -> None:
        self.selected = staff
        self.query_one("#name", Input).value = staff.name
        pin = self.query_one("#pin", Input)
        pin.disabled = False
        pin.value = ""
        pin.focus()
        self._message(_("PIN for {name}").format(name=staff.name))

    def action_back(self) -> None:
        self.reset()

    @on(Input.Submitted, "#pin")
    def _pin_entered(self, event: Input.Submitted) -> None:
        pin = event.value
        event.input.value = ""
        if self.selected is None:
            return
        try:
            result = staff_service.login(self.app.kiosk, self.selected.id, pin)  # type: ignore[attr-defined]
        except CorruptFile as exc:
            self.app.show_damaged(exc)  # type: ignore[attr-defined]
            return
        except KioskError as exc:
            self._message(str(exc))
            return
        if result.staff:
            self.app.start_session(result.staff)  # type: ignore[attr-defined]
            self.reset()
        elif result.locked_until:
            self._message(_("Too many wrong PINs. {name} is locked until {time}.").format(
                name=self.selected.name, time=f"{result.locked_until:%H:%M}"))
        else:
            self._message(_("Wrong PIN. {n} tries left.").format(n=result.attempts_left))
