"""What the kiosk's small forms (absence, text message, late arrival) share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

from textual.screen import ModalScreen
from textual.widgets import Input, Static

from kiosk.domain.dates import parse_time
from kiosk.errors import KioskError
from kiosk.services.messages import not_a_time
from kiosk.store import CorruptFile
from kiosk.ui.text import literal

T = TypeVar("T")
ERROR_ID = "form-error"


class KioskForm(ModalScreen[object]):
    """Compose a `Static(id=ERROR_ID)`; `attempt` runs a service call and reports refusals."""

    def error(self, text: str) -> None:
        self.query_one(f"#{ERROR_ID}", Static).update(literal(text))

    def read_time(self, selector: str) -> dt.time | None:
        """The time typed in an Input, or None after showing why it is not a time."""
        try:
            return parse_time(self.query_one(selector, Input).value)
        except ValueError as exc:  # its text is what was typed
            self.error(not_a_time(str(exc)))
            return None

    def attempt(self, call: Callable[[], T]) -> T | None:
        """None when refused: a damaged file stops the kiosk, any other refusal is shown here."""
        try:
            return call()
        except CorruptFile as exc:
            self.app.show_damaged(exc)  # type: ignore[attr-defined]
        except KioskError as exc:
            self.error(str(exc))
        return None
