"""What the kiosk's small forms (absence, text message, late arrival) share."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from textual.screen import ModalScreen
from textual.widgets import Static

from kiosk.errors import KioskError
from kiosk.store import CorruptFile
from kiosk.ui.text import literal

T = TypeVar("T")
ERROR_ID = "form-error"


class KioskForm(ModalScreen[object]):
    """Compose a `Static(id=ERROR_ID)`; `attempt` runs a service call and reports refusals."""

    def error(self, text: str) -> None:
        self.query_one(f"#{ERROR_ID}", Static).update(literal(text))

    def attempt(self, call: Callable[[], T]) -> T | None:
        """None when refused: a damaged file stops the kiosk, any other refusal is shown here."""
        try:
            return call()
        except CorruptFile as exc:
            self.app.show_damaged(exc)  # type: ignore[attr-defined]
        except KioskError as exc:
            self.error(str(exc))
        return None
