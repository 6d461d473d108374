"""Each action is declared once and reused for BINDINGS, the footer and the command palette."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding, BindingType


@dataclass(frozen=True)
class KioskAction:
    key: str
    action: str
    label: str
    help: str
    show: bool = True
    priority: bool = False

    def binding(self) -> Binding:
        return Binding(self.key, self.action, self.label, show=self.show, priority=self.priority,
                       tooltip=self.help)


def bindings(actions: tuple[KioskAction, ...]) -> list[BindingType]:
    return [action.binding() for action in actions]
