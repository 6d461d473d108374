"""One pupil at a glance. Phone numbers appear here, on screen, for staff only."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from kiosk.domain.models import Pupil
from kiosk.i18n import _
from kiosk.ui.actions import KioskAction, bindings
from kiosk.ui.text import literal

ACTIONS = (KioskAction("escape", "dismiss", _("Close"), _("Back to the search")),)


class PupilCardScreen(ModalScreen[None]):
    BINDINGS = bindings(ACTIONS)

    def __init__(self, pupil: Pupil) -> None:
        super().__init__()
        self.pupil = pupil

    def compose(self) -> ComposeResult:
        p = self.pupil
        with Vertical(id="pupil-card"):
            yield Static(literal(f"{p.full_name} · {p.class_name}"), classes="title", id="card-name")
            consent = _("photos allowed") if p.photo_consent else _("NO photos")
            yield Static(literal(f"{_('Home language')}: {p.home_language} · {consent}"))
            for g in p.guardians:
                household = _("household {n}").format(n=g.household)
                yield Static(literal(f"{g.name} · {household} · {g.phone} · {g.email}"),
                             classes="guardian")
        yield Footer()
