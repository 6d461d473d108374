"""Buttons for a screen's actions, for a finger on the gate tablet: each runs the same action
as its key, and is disabled when the key would do nothing (the screen's check_action)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from textual import events
from textual.app import ComposeResult
from textual.containers import Grid
from textual.screen import Screen
from textual.widgets import Button, Static

from kiosk.i18n import _
from kiosk.ui.actions import KioskAction

KEY_NAMES = {"enter": "⏎", "escape": "Esc", "delete": "Del", "left": "←", "right": "→", "backspace": "⌫"}


def key_label(key: str) -> str:
    return KEY_NAMES.get(key, key.upper() if key.startswith("f") and key[1:].isdigit() else key)


def button_id(action: str) -> str:
    """`save('sick_note')` → `do-save-sick_note`: tests and styles find a button by its action."""
    return "do-" + re.sub(r"[^A-Za-z0-9_]+", "-", action.replace("-", "m")).strip("-")


def touch_button(label: str, action: str, tooltip: str = "", *, classes: str = "") -> Button:
    """A compact button that runs `action` on its screen (KioskBase.on_button_pressed). Not
    focusable: the keyboard has the keys, and Enter must keep doing what the screen says
    (not press the last tapped button)."""
    button = Button(label, name=action, id=button_id(action), compact=True,
                    classes=f"run-action {classes}".strip(), tooltip=tooltip or None)
    button.can_focus = False
    return button


class TouchKey(Static):
    """A key of an on-screen keypad. Unlike a Button it takes every tap, however quick: a
    Button ignores a second press while it still shows the first, and 1-1-1-1 would lose digits."""

    can_focus = False

    def __init__(self, label: str, action: str, *, classes: str = "") -> None:
        super().__init__(label, id=button_id(action), classes=f"touch-key {classes}".strip())
        self.action = action

    async def on_click(self, event: events.Click) -> None:
        event.stop()
        await self.screen.run_action(self.action)


class ActionBar(Grid):
    """One compact button per action; pressing it runs the action on the screen."""

    def __init__(self, actions: Sequence[KioskAction], *, id: str | None = None, classes: str = "") -> None:
        super().__init__(id=id, classes=f"action-bar {classes}".strip())
        self.actions = list(actions)

    def compose(self) -> ComposeResult:
        for action in self.actions:
            yield touch_button(f"{key_label(action.key)} {_(action.label)}", action.action, _(action.help),
                               classes="action-button")

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._update)
        self._update(self.screen)

    def _update(self, screen: Screen[object]) -> None:
        for button in self.query(Button):
            name = (button.name or "").split("(", 1)[0]
            button.disabled = screen.check_action(name, ()) is False


