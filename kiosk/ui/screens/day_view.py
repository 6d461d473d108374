"""The gate view: one day's absences and late arrivals by class; follows other kiosks' writes."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from kiosk.domain.models import Absence, Staff
from kiosk.errors import KioskError
from kiosk.i18n import _
from kiosk.services import absences
from kiosk.services.messages import code_label
from kiosk.ui.actions import KioskAction, bindings
from kiosk.ui.labels import CHANNEL_LABELS, PART_LABELS, day_label, period_label
from kiosk.ui.messages import DataChanged
from kiosk.ui.text import literal, literal_cell
from kiosk.ui.widgets.confirm import ConfirmScreen

ACTIONS = (
    KioskAction("left", "day(-1)", _("Previous day"), _("Show the day before"), priority=True),
    KioskAction("right", "day(1)", _("Next day"), _("Show the day after"), priority=True),
    KioskAction("v", "today", _("Today"), _("Back to today")),
    KioskAction("e", "edit", _("Edit"), _("Change the selected entry")),
    KioskAction("delete", "delete", _("Delete"), _("Delete the selected entry")),
    KioskAction("i", "card", _("Pupil"), _("The pupil's card and history (also Enter)")),
    KioskAction("escape", "app.pop_screen", _("Back"), _("Back to the home screen")),
)
REFRESH_SECONDS = 2.0


class DayViewScreen(Screen[None]):
    BINDINGS = bindings(ACTIONS)
    ACTIONS = ACTIONS

    def __init__(self, staff: Staff) -> None:
        super().__init__()
        self.staff = staff
        self.day = dt.date.min  # set on mount, from the kiosk's clock
        self.rows: list[absences.DayRow] = []
        self._signature: object = None

    def compose(self) -> ComposeResult:
        yield Static(id="day-title", classes="title")
        yield Static(id="day-counts")
        yield DataTable(id="day-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    @property
    def kiosk(self):
        return self.app.kiosk  # type: ignore[attr-defined]

    def on_mount(self) -> None:
        self.day = self.kiosk.clock.now().date()
        table = self.query_one(DataTable)
        table.add_columns(_("Class"), _("Pupil"), _("What"), _("Period"), _("Via"), _("Note"), _("Signal"))
        self.reload()
        table.focus()
        self.set_interval(REFRESH_SECONDS, lambda: self.reload(only_if_changed=True))

    def reload(self, *, only_if_changed: bool = False) -> None:
        """Polled: another kiosk (the gate tablet) may have written; redraw only then."""
        try:
            view = absences.day_view(self.kiosk, self.day, self.staff)
        except KioskError as exc:  # e.g. a file damaged meanwhile
            self.app.report(exc)  # type: ignore[attr-defined]
            return
        entries = [(r.absence or r.late) for _c, rows in view.classes for r in rows]
        signature = (view.clb, view.late_flags, entries)
        if only_if_changed and signature == self._signature:
            return
        self._signature = signature
        title = _("Absences and late arrivals · {day}").format(day=day_label(self.day))
        if not self.kiosk.calendar.is_school_day(self.day):
            title += f" · {_('no school')}"
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
            period = period_label(a.start, a.end)
            return [row.pupil.class_name, row.pupil.full_name, code_label(self.kiosk, a.code),
                    f"{period} {PART_LABELS[a.part]}", CHANNEL_LABELS.get(a.reported_via, a.reported_via),
                    a.note, " ".join(signals)]
        assert row.late
        late = _("late {time}").format(time=f"{row.late.time:%H:%M}")
        return [row.pupil.class_name, row.pupil.full_name, late, "", "", row.late.reason, " ".join(signals)]

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
        from kiosk.ui.screens.home import show_saved

        row = self._selected()
        if row and row.absence:
            dialog = AbsenceDialog(self.kiosk, row.pupil, self.staff.id, editing=row.absence)
            self.app.push_screen(dialog, lambda result: (show_saved(self, result), self.reload()))
        elif row and row.late:
            from kiosk.ui.screens.late_edit import LateEditScreen

            self.app.push_screen(LateEditScreen(self.kiosk, row.pupil, row.late, self.staff.id),
                                 lambda _result: self.reload())

    def action_delete(self) -> None:
        row = self._selected()
        if row is None:
            return
        if row.absence:
            a = row.absence
            period = period_label(a.start, a.end)
            what = f"{row.pupil.full_name}: {code_label(self.kiosk, a.code)}, {period}"
        else:
            what = f"{row.pupil.full_name}: " + _("late {time}").format(time=f"{row.late.time:%H:%M}")

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            try:
                if isinstance(row.absence, Absence):
                    absences.delete_absences(self.kiosk, [row.absence], self.staff.id)
                elif row.late:
                    absences.delete_lates(self.kiosk, [row.late], self.staff.id)
            except KioskError as exc:
                self.app.report(exc)  # type: ignore[attr-defined]
                return
            self.notify(_("Deleted: {what}").format(what=what), markup=False)
            self.reload()

        self.app.push_screen(ConfirmScreen(_("Delete {what}?").format(what=what)), confirmed)

    def on_data_table_row_selected(self) -> None:
        self.action_card()  # Enter or a click on a row

    def on_data_changed(self, message: DataChanged) -> None:
        self.reload()
