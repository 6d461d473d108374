"""What the kiosk's small forms share: an error line, and Esc that first leaves a field."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from textual import on
from textual.widgets import Input, Static

from kiosk.ui.base import KioskModal
from kiosk.ui.text import literal

ERROR_ID = "form-error"


class KioskForm(KioskModal[object]):
    """Compose a `Static(id=ERROR_ID)`; refusals of `attempt()` are shown there."""

    OPTIONAL_FIELDS: ClassVar[tuple[str, ...]] = ()
    """Selectors of fields opened by a key: Esc closes them before it closes the form."""

    def show_error(self, text: str) -> None:
        error = self.query_one(f"#{ERROR_ID}", Static)
        error.update(literal(text))
        error.display = bool(text)
        if text:
            error.scroll_visible()

    def typing(self) -> bool:
        return isinstance(self.focused, Input)

    def action_cancel(self) -> None:
        """Esc leaves an open field first; a second Esc closes without saving."""
        if self.typing() and self.close_fields():
            return
        self.dismiss(None)

    def close_fields(self) -> bool:
        """Hide the optional fields; False when none was open (then Esc closes the form)."""
        fields = [self.query_one(selector) for selector in self.OPTIONAL_FIELDS]
        if not any(f.display for f in fields):
            return False
        for field in fields:
            field.display = False
        self.set_focus(None)
        self.fields_closed()
        return True

    def fields_closed(self) -> None:
        """Redraw what the fields changed (a summary line)."""


class StepForm(KioskForm):
    """Fields filled in order: Enter moves to the next one; Enter in the last (or ctrl+s)
    runs `action_save`; Esc closes the form, as every field is part of it."""

    FIELDS: ClassVar[tuple[str, ...]] = ()
    """The ids of the fields, in order."""

    def inputs(self, placeholders: tuple[str, ...]) -> Iterator[Input]:
        """The form's fields, in order, each with its placeholder."""
        for field_id, placeholder in zip(self.FIELDS, placeholders, strict=True):
            yield Input(placeholder=placeholder, id=field_id)

    def values(self) -> dict[str, str]:
        return {field_id: self.query_one(f"#{field_id}", Input).value for field_id in self.FIELDS}

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    def _next(self, event: Input.Submitted) -> None:
        index = self.FIELDS.index(event.input.id or "")
        if index + 1 < len(self.FIELDS):
            self.query_one(f"#{self.FIELDS[index + 1]}", Input).focus()
        else:
            self.action_save()

    def action_save(self) -> None:
        raise NotImplementedError
