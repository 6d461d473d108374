"""Type a few letters of a first name, last name or class; arrows and Enter pick a pupil."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from kiosk.domain.models import Pupil
from kiosk.domain.search import PupilIndex
from kiosk.i18n import _

MAX_MATCHES = 12
PASTED_MESSAGE_WORDS = 3  # a pasted name has a few words; a text message has more


def pupil_line(pupil: Pupil) -> Content:
    return Content.assemble((pupil.class_name.ljust(5), "bold"), " ", Content(pupil.full_name))


class SearchInput(Input):
    """A pasted text message (several words at once) is handed on instead of searched."""

    def _on_paste(self, event: events.Paste) -> None:
        # Textual then runs Input's own paste handler, unless the default is prevented
        if len(event.text.split()) > PASTED_MESSAGE_WORDS:
            event.stop()
            event.prevent_default()
            self.post_message(PupilPicker.LongText(event.text))


class PupilPicker(Vertical):
    """Posts PupilPicker.Selected; the screen decides what happens next."""

    BINDINGS = [
        Binding("down", "move(1)", _("Next"), show=False),
        Binding("up", "move(-1)", _("Previous"), show=False),
        Binding("escape", "clear", _("Clear"), show=False),
    ]

    @dataclass
    class Selected(Message):
        picker: PupilPicker
        pupil: Pupil

    @dataclass
    class LongText(Message):
        """Several sentences landed in the search (a pasted text message)."""

        text: str

    def __init__(self, index: Callable[[], PupilIndex], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._index = index
        self._matches: list[Pupil] = []

    def compose(self) -> ComposeResult:
        yield SearchInput(placeholder=_("Pupil: type a name or class…"), id="picker-input")
        yield OptionList(id="picker-matches")

    def on_mount(self) -> None:
        self.query_one(OptionList).display = False

    @property
    def matches(self) -> list[Pupil]:
        return list(self._matches)

    @on(Input.Changed, "#picker-input")
    def _filter(self, event: Input.Changed) -> None:
        event.stop()
        self._matches = self._index().search(event.value, limit=MAX_MATCHES)
        options = self.query_one(OptionList)
        options.set_options(Option(pupil_line(p), id=p.id) for p in self._matches)
        options.display = bool(self._matches)
        if self._matches:
            options.highlighted = 0

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if self._matches:
            current = options.highlighted or 0
            options.highlighted = max(0, min(len(self._matches) - 1, current + step))

    def action_clear(self) -> None:
        self.query_one(Input).value = ""

    @on(Input.Submitted, "#picker-input")
    def _submit(self, event: Input.Submitted) -> None:
        event.stop()
        highlighted = self.query_one(OptionList).highlighted
        if self._matches and highlighted is not None:
            self._choose(self._matches[highlighted])

    @on(OptionList.OptionSelected, "#picker-matches")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(self._matches[event.option_index])

    def _choose(self, pupil: Pupil) -> None:
        self.post_message(self.Selected(self, pupil))

    def reset(self) -> None:
        self.action_clear()
        self.query_one(Input).focus()
