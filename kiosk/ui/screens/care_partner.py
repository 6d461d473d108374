"""A pupil's external care partners (care staff and the head): add one (who, which
discipline, how often, the goal, since when; Enter moves on, Enter in the last field saves),
or remove one that ended (chosen in the list, Del, confirmed)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Footer, OptionList, Static

from kiosk.domain.models import CarePartner, Pupil
from kiosk.i18n import N_, _
from kiosk.services import entry, notes
from kiosk.ui.actions import KioskAction, bindings
from kiosk.ui.screens.form import ERROR_ID, StepForm
from kiosk.ui.text import literal
from kiosk.ui.widgets.action_bar import ActionBar
from kiosk.ui.widgets.confirm import ConfirmScreen

ACTIONS = (
    KioskAction("ctrl+s", "save", N_("Save"), N_("Save the care partner"), priority=True),
    KioskAction("delete", "remove", N_("Remove"), N_("Remove the care partner chosen in the list")),
    KioskAction("escape", "cancel", N_("Cancel"), N_("Close without saving")),
)
FIELDS = ("care-who", "care-discipline", "care-frequency", "care-goal", "care-since")


class CarePartnerScreen(StepForm):
    """Dismisses with the CarePartner saved, or None."""

    CSS_PATH = "../styles/touch.tcss"
    BINDINGS = bindings(ACTIONS)
    ACTIONS = ACTIONS
    FIELDS = FIELDS
    AUTO_FOCUS = "#care-who"

    def __init__(self, pupil: Pupil) -> None:
        super().__init__()
        self.pupil = pupil

    def compose(self) -> ComposeResult:
        placeholders = (_("who (a person or practice)"), _("discipline, e.g. speech therapy, physiotherapy"),
                        _("how often, e.g. twice a week"), _("goal"), _("since (date, e.g. 1/9)"))
        with Vertical(id="care-partner", classes="dialog"):
            yield Static(literal(_("Care partner of {name}").format(name=self.pupil.full_name)), classes="title")
            yield OptionList(id="care-existing")
            yield from self.inputs(placeholders)
            yield Static(literal(_("Enter: next field; Enter in the last field (or ctrl+s) saves")))
            yield Static(id=ERROR_ID)  # above the buttons: seen on a short screen too
            yield ActionBar(ACTIONS, id="care-actions")
        yield Footer()

    def on_mount(self) -> None:
        self._list_partners()

    def _list_partners(self) -> None:
        self.partners: list[CarePartner] = notes.partners_of(self.kiosk, self.pupil.id)
        existing = self.query_one("#care-existing", OptionList)
        existing.clear_options()
        existing.add_options([literal(f"{p.discipline} · {p.who}") for p in self.partners])
        existing.display = bool(self.partners)
        if self.partners:
            existing.highlighted = 0
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "remove":
            return self.query_one("#care-existing", OptionList).has_focus and bool(self.partners)
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def action_remove(self) -> None:
        index = self.query_one("#care-existing", OptionList).highlighted
        if index is None or index >= len(self.partners):
            return
        partner = self.partners[index]
        question = _("Remove {discipline} · {who} from the card of {name}?").format(
            discipline=partner.discipline, who=partner.who, name=self.pupil.full_name)
        self.app.push_screen(ConfirmScreen(question), lambda yes: self._remove(partner) if yes else None)

    def _remove(self, partner: CarePartner) -> None:
        self.write(lambda: notes.remove_care_partner(self.kiosk, partner, self.user.id),
                   lambda _result: self._list_partners())

    def action_save(self) -> None:
        value = self.values()
        today = self.kiosk.clock.now().date()

        def save() -> object:
            since = entry.read_day(value["care-since"], today) if value["care-since"].strip() else None
            return notes.add_care_partner(self.kiosk, self.pupil, self.user.id, name=value["care-who"],
                                          discipline=value["care-discipline"], frequency=value["care-frequency"],
                                          goal=value["care-goal"], since=since)

        self.write(save, self._saved)

    def _saved(self, partner: object) -> None:
        self.notify(_("Saved: care partner of {name}.").format(name=self.pupil.full_name), markup=False)
        self.dismiss(partner)
