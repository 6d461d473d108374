"""What every screen of the kiosk shares: typed access to the app, translated keys, one way
to run a service call and report its refusal, and the one "data changed" broadcast."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Footer, Static
from textual.worker import Worker

from kiosk.domain.models import Staff
from kiosk.errors import KioskError, StoreBusy
from kiosk.i18n import N_, _
from kiosk.ui.actions import KioskAction, bindings
from kiosk.ui.text import literal

if TYPE_CHECKING:
    from kiosk.services.context import Kiosk
    from kiosk.ui.app import KioskApp

T = TypeVar("T")
MAX_WAIT_SECONDS = 60.0
"""How long a screen waits for another kiosk before it gives up (nothing saved)."""
RETRY_SECONDS = 0.2
ResultT = TypeVar("ResultT")


def translate_bindings(node: DOMNode) -> None:
    """Key labels are marked with N_() where declared and translated here, when a screen is
    made: the footer and the palette speak the kiosk's language whenever it was chosen."""
    keys = node._bindings.key_to_bindings
    for key, items in keys.items():
        keys[key] = [replace(b, description=_(b.description), tooltip=_(b.tooltip) if b.tooltip else "")
                     for b in items]


class KioskBase:
    """Mixed into Screen and ModalScreen (below)."""

    ACTIONS: ClassVar[tuple[KioskAction, ...]] = ()
    """Declared once: bindings, footer, palette and touch buttons come from it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        translate_bindings(cast(DOMNode, self))
        self._session_user: Staff | None = self.kiosk_app.user
        """Who was logged in when this screen was made: a lock empties the app's user at
        once, and this screen keeps answering (disabled) until it is removed."""

    @property
    def kiosk_app(self) -> KioskApp:
        return cast("KioskApp", cast(DOMNode, self).app)

    @property
    def kiosk(self) -> Kiosk:
        return self.kiosk_app.kiosk

    @property
    def user(self) -> Staff:
        """The logged-in staff member (screens after login only)."""
        if self._session_user is None:
            raise RuntimeError("this screen was made before anyone logged in")
        return self._session_user

    def show_error(self, text: str) -> None:
        """Where a refusal is shown; forms override this with their error line."""
        self.kiosk_app.notify(text, severity="error", markup=False, timeout=10)

    def attempt(self, call: Callable[[], T], *, busy: bool = False) -> T | None:
        """Run a service call; None when it was refused. A damaged file stops the kiosk;
        any other refusal (including a failed write: nothing was saved) is shown here.
        With `busy`, StoreBusy is raised for `write()` to wait and try again."""
        try:
            return call()
        except StoreBusy:
            if busy:
                raise
            self.show_error(_("Nothing was saved: another kiosk is saving. Try again in a moment."))
        except KioskError as exc:
            if not self.kiosk_app.report_damage(exc):
                self.show_error(str(exc))
        return None

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        """A touch button (widgets.action_bar.touch_button) runs the action its key runs."""
        if event.button.has_class("run-action") and event.button.name:
            event.stop()
            await cast(Screen[object], self).run_action(event.button.name)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Worker messages do not bubble: every screen hands them to the app's one handler."""
        self.kiosk_app.worker_changed(event)

    def write(self, call: Callable[[], T], then: Callable[[T], object]) -> None:
        """A service call that saves, then `then(result)`; nothing happens after a refusal
        (shown as with `attempt`). See `write_or_wait` for another kiosk holding the data."""
        write_or_wait(self.kiosk_app, lambda: self.attempt(call, busy=True), then, self.show_error)

    def follow_data(self, callback: Callable[[], object]) -> None:
        """Call `callback` whenever data changed (here or on another kiosk); call in on_mount."""
        self.kiosk_app.data_changed.subscribe(cast(DOMNode, self), lambda _version: callback())


def write_or_wait(app: KioskApp, call: Callable[[], T | None], then: Callable[[T], object],
                  show_error: Callable[[str], None]) -> None:
    """Run `call` (None: refused, already shown) and then `then(result)`, at once.

    Only when another kiosk holds the data (StoreBusy) does it wait: a waiting screen goes
    on top at once, so keys typed meanwhile land there and never on the screen after the
    save; a worker tries again until it works, Esc gives up, the kiosk locks, or
    MAX_WAIT_SECONDS pass. The usual case stays synchronous, so typing ahead keeps its order."""
    try:
        result = call()
    except StoreBusy:
        waiting = WaitingScreen()
        app.push_screen(waiting)
        app.run_worker(_retry(app, waiting, call, then, show_error), group="write", exit_on_error=False)
        return
    if result is not None:
        then(result)


async def _retry(app: KioskApp, waiting: WaitingScreen, call: Callable[[], T | None],
                 then: Callable[[T], object], show_error: Callable[[str], None]) -> None:
    deadline = time.monotonic() + MAX_WAIT_SECONDS
    result: T | None = None
    try:
        while True:
            await asyncio.sleep(RETRY_SECONDS)
            if waiting.given_up or app.user is None or time.monotonic() > deadline:
                show_error(_("Nothing was saved: another kiosk kept the data busy. Try again in a moment."))
                return
            try:
                result = call()
                break
            except StoreBusy:
                continue
    finally:
        if app.screen is waiting:
            waiting.dismiss()
    if result is not None:
        then(result)


class KioskScreen(KioskBase, Screen[ResultT]):
    """A full screen."""


class KioskModal(KioskBase, ModalScreen[ResultT]):
    """A dialog over the current screen."""


WAITING_ACTIONS = (KioskAction("escape", "give_up", N_("Give up"), N_("Stop waiting; nothing is saved")),)


class WaitingScreen(KioskModal[None]):
    CSS_PATH = "styles/cards.tcss"
    BINDINGS = bindings(WAITING_ACTIONS)
    ACTIONS = WAITING_ACTIONS

    def __init__(self) -> None:
        super().__init__()
        self.given_up = False

    def compose(self) -> ComposeResult:
        with Vertical(id="waiting", classes="dialog"):
            yield Static(literal(_("Another kiosk is saving right now: waiting…")), classes="title")
            yield Static(literal(_("Nothing is lost: this is saved as soon as the other kiosk is done. "
                           "Esc stops waiting (then nothing is saved).")))
        yield Footer()

    def action_give_up(self) -> None:
        self.given_up = True
