"""One pupil at a glance, with this school year's absences and late arrivals.
Phone numbers appear here, on screen, for staff only."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Footer, Static

from kiosk.domain.models import Pupil
from kiosk.i18n import N_, _
from kiosk.services import absences
from kiosk.services.labels import absence_period, day_label, late_label
from kiosk.services.messages import code_label
from kiosk.ui.actions import KioskAction, bindings
from kiosk.ui.base import KioskModal
from kiosk.ui.text import literal, literal_cell

ACTIONS = (KioskAction("escape", "dismiss", N_("Close"), N_("Back")),)


class PupilCardScreen(KioskModal[None]):
    CSS_PATH = "../styles/cards.tcss"
    BINDINGS = bindings(ACTIONS)
    ACTIONS = ACTIONS

    def __init__(self, pupil: Pupil) -> None:
        super().__init__()
        self.pupil = pupil

    def compose(self) -> ComposeResult:
        p = self.pupil
        kiosk = self.kiosk
        history = absences.pupil_history(kiosk, p)
        rules = absences.rules(kiosk)
        with Vertical(id="pupil-card", classes="dialog"):
            yield Static(literal(f"{p.full_name} · {p.class_name}"), classes="title", id="card-name")
            consent = _("photos allowed") if p.photo_consent else _("NO photos")
            yield Static(literal(f"{_('Home language')}: {p.home_language} · {consent}"))
            for g in p.guardians:
                household = _("household {n}").format(n=g.household)
                yield Static(literal(f"{g.name} · {household} · {g.phone} · {g.email}"), classes="guardian")
            months = ", ".join(f"{m[5:]}/{m[:4]}: {n}" for m, n in history.lates_by_month.items()) or "0"
            yield Static(literal(_(
                "This school year: {justified} justified half days · {problematic} problematic half days · "
                "parent's notes {notes}/{max} · late per month: {lates}").format(
                justified=history.justified_half_days, problematic=history.problematic_half_days,
                notes=history.parent_notes, max=rules.parent_note_max_per_year, lates=months)),
                id="card-counts")
            table: DataTable[object] = DataTable(id="history", cursor_type="row")
            table.add_columns(_("Date"), _("What"), _("Note"))
            for a in history.absences:
                table.add_row(literal_cell(absence_period(a)),
                              literal_cell(code_label(kiosk, a.code)), literal_cell(a.note))
            for late in history.lates:
                late_text = late_label(late)
                table.add_row(literal_cell(day_label(late.date)), literal_cell(late_text),
                              literal_cell(late.reason))
            yield table
        yield Footer()
