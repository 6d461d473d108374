"""Type in the code the class app gave a class (it replaces the class's current code)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Footer, Static

from kiosk.domain.invites import grouped
from kiosk.domain.models import ClassCode
from kiosk.i18n import N_, _
from kiosk.services import invites
from kiosk.ui.actions import KioskAction, bindings
from kiosk.ui.screens.form import ERROR_ID, StepForm
from kiosk.ui.text import literal
from kiosk.ui.widgets.action_bar import ActionBar
from kiosk.ui.widgets.confirm import ConfirmScreen

ACTIONS = (
    KioskAction("ctrl+s", "save", N_("Save"), N_("Save the class code"), priority=True),
    KioskAction("escape", "cancel", N_("Cancel"), N_("Close without saving")),
)


class ClassCodeForm(StepForm):
    """Dismisses with the new ClassCode, or None."""

    CSS_PATH = "../styles/touch.tcss"
    BINDINGS = bindings(ACTIONS)
    ACTIONS = ACTIONS
    FIELDS = ("class-code",)
    AUTO_FOCUS = "#class-code"

    def __init__(self, class_name: str) -> None:
        super().__init__()
        self.class_name = class_name

    def compose(self) -> ComposeResult:
        length = self.kiosk.config.invites.code_length
        with Vertical(id="class-code-form", classes="dialog"):
            yield Static(literal(_("Class code of {class_name}").format(class_name=self.class_name)), classes="title")
            yield from self.inputs((_("{n} characters, as the class app shows it").format(n=length),))
            yield Static(literal(_("Letters with an older code are outdated once you save.")))
            yield Static(id=ERROR_ID)
            yield ActionBar(ACTIONS, id="class-code-actions")
        yield Footer()

    def action_save(self) -> None:
        """A code that replaces one is asked about first: a typo would outdate every letter."""
        typed = self.attempt(lambda: invites.read_code(self.kiosk, self.values()["class-code"]))
        if typed is None:
            return
        current = invites.current_code(self.kiosk, self.class_name)
        if current is None:
            self._save(typed)
            return
        question = _("Replace the code of class {class_name} ({old}) by {new}? Letters with {old} are then "
                     "outdated.").format(class_name=self.class_name, old=grouped(current.code), new=grouped(typed))
        self.app.push_screen(ConfirmScreen(question), lambda yes: self._save(typed) if yes else None)

    def _save(self, typed: str) -> None:
        self.write(lambda: invites.set_code(self.kiosk, self.class_name, self.user.id, typed=typed), self._saved)

    def _saved(self, code: ClassCode) -> None:
        self.dismiss(code)
