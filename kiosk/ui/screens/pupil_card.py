"""One pupil at a glance: guardians by household (phone numbers on screen, for staff only),
photo consent, external care partners, and one timeline of the school year's
conversations, follow-ups, absences and late arrivals, as far as this viewer may see them.
A note's text is shown on demand (Enter), never in the list someone may read along."""

from __future__ import annotations

import itertools

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Footer, Static

from kiosk.domain.calendar import school_year_label, school_year_of
from kiosk.domain.models import Absence, FollowUp, LateArrival, Note, Pupil
from kiosk.domain.notes import Access, edits_care_partners, is_overdue
from kiosk.i18n import N_, _
from kiosk.services import absences, notes, staff
from kiosk.services.labels import absence_period, day_label, late_label, level_label, moment_label, place_label
from kiosk.services.messages import code_label
from kiosk.services.notes import TimelineItem
from kiosk.ui.actions import KioskAction, bindings
from kiosk.ui.base import KioskModal
from kiosk.ui.feedback import show_saved
from kiosk.ui.text import literal, literal_cell
from kiosk.ui.widgets.action_bar import ActionBar

ACTIONS = (
    KioskAction("enter", "details", N_("Read"), N_("The whole entry, a note's text included")),
    KioskAction("g", "conversation", N_("Conversation"), N_("Note a talk with the parents")),
    KioskAction("z", "care_partner", N_("Care partner"), N_("Add an external care partner (care staff, head)")),
    KioskAction("left", "year(-1)", N_("Year before"), N_("The school year before"), priority=True),
    KioskAction("right", "year(1)", N_("Year after"), N_("The next school year"), priority=True),
    KioskAction("escape", "dismiss", N_("Close"), N_("Back")),
)


class PupilCardScreen(KioskModal[None]):
    CSS_PATH = "../styles/cards.tcss"
    BINDINGS = bindings(ACTIONS)
    ACTIONS = ACTIONS

    def __init__(self, pupil: Pupil) -> None:
        super().__init__()
        self.pupil = pupil
        self.year = school_year_of(self.kiosk.clock.now().date())
        self.items: list[TimelineItem] = []

    def compose(self) -> ComposeResult:
        p = self.pupil
        with Vertical(id="pupil-card", classes="dialog"):
            yield Static(literal(f"{p.full_name} · {p.class_name}"), classes="title", id="card-name")
            consent = _("photos allowed") if p.photo_consent else _("NO photos")
            yield Static(literal(_("Home language: {language} · {consent}").format(language=p.home_language,
                                                                                   consent=consent)), id="card-consent")
            for household, members in itertools.groupby(sorted(p.guardians, key=lambda g: g.household),
                                                         key=lambda g: g.household):
                people = "; ".join(" · ".join(x for x in (g.name, g.phone, g.email) if x) for g in members)
                yield Static(literal(_("Household {n}: {people}").format(n=household, people=people)),
                             classes="guardian")
            yield Static(id="care-partners")
            yield Static(id="card-counts")
            table: DataTable[object] = DataTable(id="history", cursor_type="row")
            table.add_columns(_("Date"), _("What"), _("Details"))
            yield table
            yield Static(id="card-detail")
            yield ActionBar(ACTIONS, id="card-actions")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#do-care_partner").display = edits_care_partners(self.user)  # not a dead button
        self.refresh_card()
        self.follow_data(self.refresh_card)

    def refresh_card(self) -> None:
        self._show_care_partners()
        self._show_counts()
        self._show_timeline()

    def _show_care_partners(self) -> None:
        partners = notes.care_partners(self.kiosk, self.user, self.pupil)
        box = self.query_one("#care-partners", Static)
        box.display = partners is not None
        if partners is None:
            return
        lines = [" · ".join(x for x in (c.discipline, c.who, c.frequency, c.goal,
                                          _("since {day}").format(day=f"{c.since:%d/%m/%Y}") if c.since else "") if x)
                 for c in partners]
        box.update(literal(_("Care partners: {partners}").format(partners="; ".join(lines) or _("none"))))

    def _show_counts(self) -> None:
        history = absences.pupil_history(self.kiosk, self.pupil, self.year)
        rules = absences.rules(self.kiosk)
        months = ", ".join(f"{m[5:]}/{m[:4]}: {n}" for m, n in history.lates_by_month.items()) or "0"
        self.query_one("#card-counts", Static).update(literal(_(
            "School year {year}: {justified} justified half days · {problematic} problematic half days · "
            "parent's notes {notes}/{max} · late per month: {lates}").format(
            year=school_year_label(self.year), justified=history.justified_half_days,
            problematic=history.problematic_half_days, notes=history.parent_notes,
            max=rules.parent_note_max_per_year, lates=months)))

    def _show_timeline(self) -> None:
        self.items = notes.timeline(self.kiosk, self.user, self.pupil, self.year)
        table = self.query_one("#history", DataTable)
        table.clear()
        for item in self.items:
            table.add_row(*(literal_cell(cell) for cell in self._row(item)))
        self.query_one("#card-detail", Static).update("")

    def _row(self, item: TimelineItem) -> tuple[str, str, str]:
        record = item.record
        names = staff.staff_names(self.kiosk)
        if isinstance(record, Absence):
            return absence_period(record), code_label(self.kiosk, record.code), record.note
        if isinstance(record, LateArrival):
            return day_label(record.date), late_label(record), record.reason
        if isinstance(record, Note):
            what = _("Conversation {where}").format(where=place_label(record.where))
            return moment_label(record.at), what, f"{level_label(record.level)} · ⏎" \
                if item.access == Access.READ else _("{level}: not shown to you").format(
                    level=level_label(record.level))
        assert isinstance(record, FollowUp)
        if record.done_at:
            state = _("answered {moment}").format(moment=moment_label(record.done_at))
        elif is_overdue(record, self.kiosk.clock.now()):
            state = _("OVERDUE")
        else:
            state = _("open")
        return moment_label(record.opened), _("Follow-up: {owner}, due {due}").format(
            owner=names.get(record.owner, record.owner), due=moment_label(record.due)), state

    # -- keys -------------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "care_partner":
            return edits_care_partners(self.user)
        if action == "year" and parameters:
            return self.year + int(str(parameters[0])) <= school_year_of(self.kiosk.clock.now().date())
        return True

    @on(DataTable.RowSelected)
    def _enter(self) -> None:
        self.action_details()

    def action_details(self) -> None:
        table = self.query_one("#history", DataTable)
        if not self.items:
            return
        item = self.items[table.cursor_row]
        record = item.record
        text = " · ".join(self._row(item))
        if isinstance(record, Note) and item.access == Access.READ:
            text = f"{moment_label(record.at)} · {', '.join(record.guardians)}\n{record.text}"
        elif isinstance(record, FollowUp) and record.answer:
            text += "\n" + _("Answered: {answer}").format(answer=record.answer)
        self.query_one("#card-detail", Static).update(literal(text))

    def action_year(self, step: int) -> None:
        self.year += step
        self.refresh_card()

    def action_conversation(self) -> None:
        from kiosk.ui.screens.note import NoteScreen

        self.app.push_screen(NoteScreen(self.pupil), self._noted)

    def _noted(self, result: object) -> None:
        show_saved(self.kiosk_app, result)
        self.refresh_card()

    def action_care_partner(self) -> None:
        from kiosk.ui.screens.care_partner import CarePartnerScreen

        self.app.push_screen(CarePartnerScreen(self.pupil), lambda _result: self.refresh_card())
