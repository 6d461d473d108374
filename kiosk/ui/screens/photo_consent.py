"""Before a class activity: the pupils of a class whose parents gave no consent for photos."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Footer, Static

from kiosk.i18n import N_, _, ngettext
from kiosk.services import notes, pupils
from kiosk.ui.actions import KioskAction, bindings
from kiosk.ui.base import KioskModal
from kiosk.ui.text import literal
from kiosk.ui.widgets.action_bar import ActionBar

ACTIONS = (
    KioskAction("left", "step(-1)", N_("Class before"), N_("The class before"), priority=True),
    KioskAction("right", "step(1)", N_("Next class"), N_("The next class"), priority=True),
    KioskAction("escape", "dismiss", N_("Close"), N_("Back")),
)


class PhotoConsentScreen(KioskModal[None]):
    CSS_PATH = ["../styles/cards.tcss", "../styles/touch.tcss"]
    BINDINGS = bindings(ACTIONS)
    ACTIONS = ACTIONS

    def __init__(self) -> None:
        super().__init__()
        self.classes_list = pupils.class_names(self.kiosk)
        own = [c for c in self.user.classes if c in self.classes_list]
        self.index = self.classes_list.index(own[0]) if own else 0

    def compose(self) -> ComposeResult:
        with Vertical(id="photo-consent", classes="dialog"):
            yield Static(id="consent-title", classes="title")
            yield Static(id="consent-list")
            yield ActionBar(ACTIONS, id="consent-actions")
        yield Footer()

    def on_mount(self) -> None:
        self.show_class()

    def show_class(self) -> None:
        if not self.classes_list:
            self.query_one("#consent-title", Static).update(literal(_("No pupils yet.")))
            return
        class_name = self.classes_list[self.index]
        without = notes.without_photo_consent(self.kiosk, class_name)
        self.query_one("#consent-title", Static).update(literal(
            ngettext("Class {class_name}: no photos of this pupil", "Class {class_name}: no photos of these {n} pupils",
                     len(without)).format(class_name=class_name, n=len(without))))
        names = "\n".join(f"• {p.last_name}, {p.first_name}" for p in without) or _("Everyone may be photographed.")
        self.query_one("#consent-list", Static).update(literal(names))

    def action_step(self, step: int) -> None:
        if self.classes_list:
            self.index = (self.index + step) % len(self.classes_list)
            self.show_class()
