"""The gate view: one day's absences and late arrivals by class; follows other kiosks' writes."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Static

from kiosk.domain.models import Absence
from kiosk.i18n import N_, _
from kiosk.services import absences, calendar_info
from kiosk.services.labels import absence_period, channel_label, day_label, late_label
from kiosk.services.messages import code_label
from kiosk.ui.actions import KioskAction, bindings
from kiosk.ui.base import KioskScreen
from kiosk.ui.feedback import show_saved
from kiosk.ui.text import literal, literal_cell
from kiosk.ui.widgets.action_bar import ActionBar
from kiosk.ui.widgets.confirm import ConfirmScreen

ACTIONS = (
    KioskAction("left", "day(-1)", N_("Previous day"), N_("Show the day before"), priority=True),
    KioskAction("right", "day(1)", N_("Next day"), N_("Show the day after"), priority=True),
    KioskAction("v", "today", N_("Today"), N_("Back to today")),
    KioskAction("e", "edit", N_("Edit"), N_("Change the selected entry")),
    KioskAction("delete", "delete", N_("Delete"), N_("Delete the selected entry")),
    KioskAction("i", "card", N_("Pupil"), N_("The pupil's card and history (also Enter)")),
    KioskAction("escape", "app.pop_screen", N_("Back"), N_("Back to the home screen")),
)


class DayViewScreen(KioskScreen[None]):
    CSS_PATH = ['../styles/tables.tcss', '../styles/touch.tcss']
    BINDINGS = bindings(ACTIONS)
    ACTIONS = ACTIONS

    def __init__(self) -> None:
        super().__init__()
        self.day = dt.date.min  # set on mount, from the kiosk's clock
        self.rows: list[absences.DayRow] = []
        self._signature: object = None

    def compose(self) -> ComposeResult:
        yield Static(id="day-title", classes="title")
        yield Static(id="day-counts")
        yield DataTable(id="day-table", cursor_type="row", zebra_stripes=True)
        yield ActionBar(ACTIONS, id="day-actions")
        yield Footer()

    def on_mount(self) -> None:
        self.day = self.kiosk.clock.now().date()
        table = self.query_one(DataTable)
        # the signal right after the name: on an 80-column screen it must not fall off the edge
        table.add_columns(_("Class"), _("Pupil"), _("Signal"), _("What"), _("Period"), _("Via"), _("Note"))
        self.reload()
        table.focus()
        self.follow_data(lambda: self.reload(only_if_changed=True))

    def reload(self, *, only_if_changed: bool = False) -> None:
        """Also when another kiosk (the gate tablet) wrote; redraw only when something changed."""
        view = self.attempt(lambda: absences.day_view(self.kiosk, self.day, self.user))
        if view is None:
            return
        entries = [(r.absence or r.late) for _c, rows in view.classes for r in rows]
        signature = (view.clb, view.late_flags, entries)
        if only_if_changed and signature == self._signature:
            return
        self._signature = signature
        title = _("Absences and late arrivals · {day}").format(day=day_label(self.day))
        if not self.kiosk.calendar.is_school_day(self.day):
            title += f" · {calendar_info.school_status(self.kiosk, self.day)}"
        self.query_one("#day-title", Static).update(literal(title))
        counts = " · ".join(f"{c}: {n}" for c, n in sorted(view.counts.items())) or _("nobody absent")
        self.query_one("#day-counts", Static).update(literal(_(
            "Absent per class: {counts} · unexplained: {n}").format(counts=counts, n=len(view.unexplained))))
        table = self.query_one(DataTable)
        selected = self._selected()
        table.clear()
        self.rows = [row for _c, rows in view.classes for row in rows]
        for row in self.rows:
            table.add_row(*[literal_cell(cell) for cell in self._cells(row, view)])
        if self.rows:  # the same entry stays selected when another kiosk adds rows above it
            entries = [r.absence or r.late for r in self.rows]
            chosen = selected.absence or selected.late if selected else None
            table.move_cursor(row=entries.index(chosen) if chosen in entries
                              else min(table.cursor_row, len(self.rows) - 1))

    def _cells(self, row: absences.DayRow, view: absences.DayView) -> list[str]:
        signals = []
        if row.pupil.id in view.clb:
            signals.append(_("CLB ({n} half days)").format(n=view.clb[row.pupil.id]))
        if row.pupil.id in view.late_flags:
            signals.append(_("late {n}× this month").format(n=view.late_flags[row.pupil.id]))
        if row.absence:
            a = row.absence
            return [row.pupil.class_name, row.pupil.full_name, " ".join(signals), code_label(self.kiosk, a.code),
                    absence_period(a), channel_label(a.reported_via), a.note]
        assert row.late
        late = late_label(row.late)
        return [row.pupil.class_name, row.pupil.full_name, " ".join(signals), late, "", "", row.late.reason]

    def _selected(self) -> absences.DayRow | None:
        table = self.query_one(DataTable)
        return self.rows[table.cursor_row] if self.rows and 0 <= table.cursor_row < len(self.rows) else None

    def action_day(self, step: int) -> None:
        self.day += dt.timedelta(days=step)
        self.reload()

    def action_today(self) -> None:
        self.day = self.kiosk.clock.now().date()
        self.reload()

    def action_card(self) -> None:
        from kiosk.ui.screens.pupil_card import PupilCardScreen

        row = self._selected()
        if row:
            self.app.push_screen(PupilCardScreen(row.pupil))

    def action_edit(self) -> None:
        from kiosk.ui.screens.absence_dialog import AbsenceDialog

        row = self._selected()
        if row and row.absence:
            self.app.push_screen(AbsenceDialog(row.pupil, editing=row.absence), self._edited)
        elif row and row.late:
            from kiosk.ui.screens.late_edit import LateEditScreen

            self.app.push_screen(LateEditScreen(row.pupil, row.late), self._edited)

    def _edited(self, result: object) -> None:
        show_saved(self.kiosk_app, result)
        self.reload()

    def action_delete(self) -> None:
        row = self._selected()
        if row is None:
            return
        absence, late = row.absence, row.late
        if absence:
            what = f"{row.pupil.full_name}: {code_label(self.kiosk, absence.code)}, {absence_period(absence)}"
        elif late:
            what = f"{row.pupil.full_name}: " + late_label(late)

        def delete() -> int:
            if isinstance(absence, Absence):
                return absences.delete_absences(self.kiosk, [absence], self.user.id)
            return absences.delete_lates(self.kiosk, [late] if late else [], self.user.id)

        def deleted(_count: int) -> None:
            self.notify(_("Deleted: {what}").format(what=what))
            self.kiosk_app.announce_change()

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.write(delete, deleted)

        self.app.push_screen(ConfirmScreen(_("Delete {what}?").format(what=what)), confirmed)

    def on_data_table_row_selected(self) -> None:
        self.action_card()  # Enter or a click on a row
