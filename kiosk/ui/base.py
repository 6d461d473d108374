"""What every screen of the kiosk shares: typed access to the app, translated keys, one way
to run a service call and report its refusal, and the one "data changed" broadcast."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast

from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.worker import Worker

from kiosk.domain.models import Staff
from kiosk.errors import KioskError
from kiosk.i18n import _
from kiosk.ui.actions import KioskAction

if TYPE_CHECKING:
    from kiosk.services.context import Kiosk
    from kiosk.ui.app import KioskApp

T = TypeVar("T")
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

    def attempt(self, call: Callable[[], T]) -> T | None:
        """Run a service call; None when it was refused. A damaged file stops the kiosk;
        any other refusal (including a failed write: nothing was saved) is shown here."""
        try:
            return call()
        except KioskError as exc:
            if not self.kiosk_app.report_damage(exc):
                self.show_error(str(exc))
        return None

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Worker messages do not bubble: every screen hands them to the app's one handler."""
        self.kiosk_app.worker_changed(event)

    def follow_data(self, callback: Callable[[], object]) -> None:
        """Call `callback` whenever data changed (here or on another kiosk); call in on_mount."""
        self.kiosk_app.data_changed.subscribe(cast(DOMNode, self), lambda _version: callback())


class KioskScreen(KioskBase, Screen[ResultT]):
    """A full screen."""


class KioskModal(KioskBase, ModalScreen[ResultT]):
    """A dialog over the current screen."""
