"""The pupil search: a few letters of a first name, last name or class; arrows and Enter pick.
A pasted text message (many words at once) is handed on to the text reader instead."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import Input

from kiosk.domain.models import Pupil
from kiosk.domain.search import PupilIndex
from kiosk.domain.text import printable
from kiosk.i18n import N_, _
from kiosk.ui.text import literal
from kiosk.ui.widgets.search_list import SearchList

MAX_MATCHES = 12
PASTED_MESSAGE_WORDS = 3  # a pasted name has a few words; a text message has more


def pupil_line(pupil: Pupil) -> Content:
    return Content.assemble((printable(pupil.class_name).ljust(5), "bold"), " ", literal(pupil.full_name))


class PasteAwareInput(Input):
    """A pasted text message (several words at once) is handed on instead of searched."""

    def _on_paste(self, event: events.Paste) -> None:
        # Textual then runs Input's own paste handler, unless the default is prevented
        if len(event.text.split()) > PASTED_MESSAGE_WORDS:
            event.stop()
            event.prevent_default()
            self.post_message(PupilPicker.LongText(event.text))


class PupilPicker(SearchList[Pupil]):
    """Posts SearchList.Chosen with the pupil, or PupilPicker.LongText for a pasted message."""

    BINDINGS = [Binding("escape", "clear", N_("Clear"), show=False)]

    @dataclass
    class LongText(Message):
        """Several sentences landed in the search (a pasted text message)."""

        text: str

    def __init__(self, index: Callable[[], PupilIndex], *, id: str | None = None) -> None:
        super().__init__(lambda text: index().search(text, limit=MAX_MATCHES), pupil_line,
                         placeholder=_("Pupil: type a name or class…"), id=id,
                         input_widget=PasteAwareInput(id=f"{id}-input" if id else None))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear":  # an empty search lets Esc through to the screen
            return bool(self.input.value)
        return True

    def action_clear(self) -> None:
        self.clear()
