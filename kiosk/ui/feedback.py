"""What the kiosk says after saving at the gate: the confirmation, the undo, the warnings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kiosk.domain.models import Absence, LateArrival, Pupil
from kiosk.i18n import _
from kiosk.services import absences, notes, pupils, sms, staff
from kiosk.services.labels import late_label, moment_label
from kiosk.services.messages import code_label, warning_text
from kiosk.ui.undo import UndoStep

if TYPE_CHECKING:
    from kiosk.ui.app import KioskApp


@dataclass
class LateResult:
    pupil: Pupil
    late: LateArrival
    this_month: int


def show_saved(app: KioskApp, result: object) -> None:
    """Confirm what was saved, offer undo with ctrl+z, and show the rules' warnings."""
    kiosk = app.kiosk
    if isinstance(result, absences.Logged) and result.entries:
        entries: list[Absence | LateArrival] = list(result.entries)
        names = ", ".join(p.full_name for p in pupils.by_ids(kiosk, [e.pupil_id for e in entries]))
        what = f"{names} · {code_label(kiosk, result.entries[0].code)}"
        app.remember(UndoStep(what, lambda who: absences.undo(kiosk, entries, who)))
        app.notify(_("Saved: {what}. ctrl+z undoes it.").format(what=what), markup=False)
        for pupil, warning in result.warnings:
            app.notify(warning_text(kiosk, pupil, warning), severity="warning", timeout=20, markup=False)
    elif isinstance(result, LateResult):
        late = result.late
        what = f"{result.pupil.full_name}: {late_label(late)}"
        app.remember(UndoStep(what, lambda who: absences.undo(kiosk, [late], who)))
        app.notify(_("Saved: {what}. ctrl+z undoes it.").format(what=what), markup=False)
        if result.this_month >= kiosk.config.absences.late_flag_per_month:
            flag = _("{name} was late {n} times this month").format(
                name=result.pupil.full_name, n=result.this_month)
            app.notify(flag, severity="warning", timeout=20, markup=False)
    elif isinstance(result, notes.Noted):
        noted = result
        what = _("conversation about {names}").format(
            names=", ".join(p.full_name for p in pupils.by_ids(kiosk, list(noted.note.pupil_ids))))
        app.remember(UndoStep(what, lambda who: notes.undo_note(kiosk, noted, who)))
        if noted.follow_up:
            owner = staff.staff_names(kiosk).get(noted.follow_up.owner, "")
            what += " · " + _("{owner} answers by {due}").format(owner=owner, due=moment_label(noted.follow_up.due))
        app.notify(_("Saved: {what}. ctrl+z undoes it.").format(what=what), markup=False)
    elif isinstance(result, list):  # several announced late arrivals (a text message)
        for item in result:
            show_saved(app, item)
        return
    elif isinstance(result, Absence):
        app.notify(_("Changed: {what}").format(what=code_label(kiosk, result.code)), markup=False)
    elif isinstance(result, sms.Returned):
        names = ", ".join(p.full_name for p in result.pupils)
        if result.changed:
            app.notify(_("Back at school: {names}; the absence now ends the school day before.").format(names=names))
        else:
            app.notify(_("Back at school: {names}; there was no open absence to end.").format(names=names))
    if result is not None:
        app.announce_change()
