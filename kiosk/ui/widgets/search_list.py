"""Type a few letters, the list narrows; arrows move, Enter or a tap chooses.

One widget for every "pick a name" in the kiosk (login, pupil search, staff pickers), so
they all behave the same way with keys, mouse and touch."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from kiosk.i18n import N_
from kiosk.ui.base import translate_bindings

ItemT = TypeVar("ItemT")


class SearchList(Vertical, Generic[ItemT]):
    """`search(text)` returns the items to show; `describe(item)` their line. Posts Chosen."""

    BINDINGS = [
        Binding("down", "move(1)", N_("Next"), show=False),
        Binding("up", "move(-1)", N_("Previous"), show=False),
    ]

    @dataclass
    class Chosen(Message):
        search_list: SearchList[Any]
        item: Any

        @property
        def control(self) -> SearchList[Any]:
            return self.search_list

    def __init__(self, search: Callable[[str], Sequence[ItemT]], describe: Callable[[ItemT], Content], *,
                 placeholder: str, show_empty: bool = False, id: str | None = None,
                 input_widget: Input | None = None) -> None:
        super().__init__(id=id)
        translate_bindings(self)
        self._search, self._describe = search, describe
        self._placeholder = placeholder
        self._show_empty = show_empty
        self._input = input_widget
        self.items: list[ItemT] = []

    def compose(self) -> ComposeResult:
        field = self._input or Input()
        field.placeholder = self._placeholder
        field.add_class("search-input")
        yield field
        yield OptionList(classes="search-matches")

    def on_mount(self) -> None:
        self.show("")

    @property
    def input(self) -> Input:
        return self.query_one(".search-input", Input)

    @property
    def options(self) -> OptionList:
        return self.query_one(".search-matches", OptionList)

    def show(self, text: str) -> None:
        self.items = list(self._search(text)) if text.strip() or self._show_empty else []
        options = self.options
        options.set_options(Option(self._describe(item), id=str(n)) for n, item in enumerate(self.items))
        options.display = bool(self.items)
        if self.items:
            options.highlighted = 0

    @on(Input.Changed, ".search-input")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self.show(event.value)

    def action_move(self, step: int) -> None:
        if self.items:
            current = self.options.highlighted or 0
            self.options.highlighted = max(0, min(len(self.items) - 1, current + step))

    @property
    def highlighted(self) -> ItemT | None:
        index = self.options.highlighted
        return self.items[index] if self.items and index is not None and index < len(self.items) else None

    @on(Input.Submitted, ".search-input")
    def _entered(self, event: Input.Submitted) -> None:
        event.stop()
        item = self.highlighted
        if item is not None:
            self.post_message(self.Chosen(self, item))

    @on(OptionList.OptionSelected, ".search-matches")
    def _tapped(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Chosen(self, self.items[event.option_index]))

    def clear(self) -> None:
        self.input.value = ""
        self.show("")

    def reset(self) -> None:
        self.clear()
        self.input.focus()
