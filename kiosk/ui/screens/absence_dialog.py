"""Log (or edit) an absence for the picked pupil: one key per code, options without the mouse.

Enter saves with the default code, so a same-day absence costs the search letters plus
two keys (Enter to pick, Enter or the code letter to save)."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Input, Static

from kiosk.domain.absences import CHANNELS, next_part
from kiosk.domain.dates import parse_day
from kiosk.domain.models import Absence, LateArrival, Pupil
from kiosk.i18n import _
from kiosk.services import absences
from kiosk.services.context import Kiosk
from kiosk.services.messages import not_a_date
from kiosk.ui.actions import KioskAction, bindings
from kiosk.ui.labels import CHANNEL_LABELS, PART_LABELS, period_label
from kiosk.ui.screens.form import ERROR_ID, KioskForm
from kiosk.ui.text import literal

ACTIONS = (
    KioskAction("enter", "save_default", _("Save"), _("Save with the default code")),
    KioskAction("d", "cycle_part", _("Day/half"), _("Whole day, morning or afternoon")),
    KioskAction("p", "edit_period", _("Period"), _("From and to date")),
    KioskAction("n", "edit_note", _("Note"), _("A short note")),
    KioskAction("w", "cycle_via", _("Reported via"), _("Text, phone, agenda, e-mail, in person")),
    KioskAction("s", "toggle_siblings", _("Siblings"), _("Also for brothers and sisters")),
    KioskAction("t", "late", _("Late"), _("A late arrival instead")),
    KioskAction("i", "card", _("Pupil"), _("The pupil's card and history")),
    KioskAction("escape", "cancel", _("Cancel"), _("Close without saving")),
)


@dataclass
class LateResult:
    pupil: Pupil
    late: LateArrival
    this_month: int


class AbsenceDialog(KioskForm):
    """Dismisses with absences.Logged, LateResult, an edited Absence, or None."""

    BINDINGS = bindings(ACTIONS)
    ACTIONS = ACTIONS
    AUTO_FOCUS = ""  # nothing focused: keys go to the dialog, one letter per code

    def __init__(self, kiosk: Kiosk, pupil: Pupil, who: str, editing: Absence | None = None) -> None:
        super().__init__()
        self.kiosk, self.pupil, self.who, self.editing = kiosk, pupil, who, editing
        today = kiosk.clock.now().date()
        self.start = editing.start if editing else today
        self.end = editing.end if editing else today
        self.part = editing.part if editing else "day"
        self.via = editing.reported_via if editing else "sms"
        self.note = editing.note if editing else ""
        self.sibling_pupils = absences.siblings(kiosk, pupil) if not editing else []
        self.with_siblings = False
        self.mode = "codes"

    # -- layout --------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Vertical(id="absence-dialog", classes="dialog"):
            title = f"{self.pupil.full_name} · {self.pupil.class_name}"
            if self.editing:
                title = _("Change: {title}").format(title=title)
            yield Static(literal(title), classes="title", id="dialog-title")
            yield Static(id="summary")
            yield Static(id="siblings")
            with Horizontal(id="period-row", classes="form-row"):
                yield Input(placeholder=_("from"), id="from")
                yield Input(placeholder=_("to (e.g. vr, 27/11)"), id="to")
            yield Input(placeholder=_("note"), id="note", max_length=absences.MAX_NOTE)
            with Horizontal(id="late-row", classes="form-row"):
                yield Input(id="late-time", placeholder="08:35")
                yield Input(placeholder=_("reason (optional)"), id="late-reason")
            yield Static(id="codes")
            yield Static(id=ERROR_ID)
        yield Footer()

    def on_mount(self) -> None:
        for selector in ("#period-row", "#note", "#late-row"):
            self.query_one(selector).display = False
        self.refresh_summary()

    def refresh_summary(self) -> None:
        period = period_label(self.start, self.end)
        parts = [period, PART_LABELS[self.part], _("via {channel}").format(channel=CHANNEL_LABELS[self.via])]
        if self.note:
            parts.append(f"“{self.note}”")
        self.query_one("#summary", Static).update(literal(" · ".join(parts)))
        self._show_siblings()
        enter_code = self.enter_code()
        lines = [
            f"[{c.key}] {_(c.label)}" + (f"  ({_('Enter')})" if c.id == enter_code else "")
            for c in absences.rules(self.kiosk).codes
        ]
        self.query_one("#codes", Static).update(literal("\n".join(lines)))

    def _show_siblings(self) -> None:
        widget = self.query_one("#siblings", Static)
        if not self.sibling_pupils:
            widget.display = False
            return
        names = ", ".join(f"{p.first_name} ({p.class_name})" for p in self.sibling_pupils)
        label = _("Also for: {names}") if self.with_siblings else _("Siblings (s to add): {names}")
        widget.update(literal(label.format(names=names)))

    # -- keys ----------------------------------------------------------------------------
    def _typing(self) -> bool:
        return isinstance(self.focused, Input)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self._typing() and action != "cancel":
            return False
        return not (action in ("toggle_siblings", "late") and self.editing)

    def on_key(self, event: events.Key) -> None:
        if self._typing() or not event.character:
            return
        code = absences.rules(self.kiosk).by_key(event.character.lower())
        if code:
            event.stop()
            self.save(code.id)

    def enter_code(self) -> str:
        """Enter keeps an edited absence's code; a new one gets the default code."""
        return self.editing.code if self.editing else absences.rules(self.kiosk).default_code

    def action_save_default(self) -> None:
        self.save(self.enter_code())

    def action_cycle_part(self) -> None:
        self.part = next_part(self.kiosk.calendar, self.start, self.part)
        if self.part != "day":
            self.end = self.start
        self.refresh_summary()

    def action_cycle_via(self) -> None:
        self.via = CHANNELS[(CHANNELS.index(self.via) + 1) % len(CHANNELS)]
        self.refresh_summary()

    def action_toggle_siblings(self) -> None:
        if self.sibling_pupils:
            self.with_siblings = not self.with_siblings
            self.refresh_summary()

    def action_edit_period(self) -> None:
        self.query_one("#period-row").display = True
        self.query_one("#from", Input).value = f"{self.start:%d/%m/%Y}"
        to = self.query_one("#to", Input)
        to.value = ""
        to.focus()

    def action_edit_note(self) -> None:
        note = self.query_one("#note", Input)
        note.display = True
        note.value = self.note
        note.focus()

    def action_late(self) -> None:
        self.query_one("#late-row").display = True
        self.query_one("#codes").display = False
        self.query_one("#summary").display = False
        self.query_one("#siblings").display = False
        self.query_one("#dialog-title", Static).update(literal(_("Late: {name} · {klass}").format(
            name=self.pupil.full_name, klass=self.pupil.class_name)))
        time = self.query_one("#late-time", Input)
        time.value = f"{self.kiosk.clock.now():%H:%M}"
        self.mode = "late"
        self.query_one("#late-reason", Input).focus()

    def action_card(self) -> None:
        from kiosk.ui.screens.pupil_card import PupilCardScreen

        self.app.push_screen(PupilCardScreen(self.pupil))

    def action_cancel(self) -> None:
        """Esc leaves a field first; a second Esc closes the dialog (in late mode: at once)."""
        if self._typing() and self.mode == "codes":
            self._close_fields()
            return
        self.dismiss(None)

    def _close_fields(self) -> None:
        self.query_one("#period-row").display = False
        self.query_one("#note").display = False
        self.set_focus(None)
        self.refresh_summary()

    # -- inputs --------------------------------------------------------------------------
    @on(Input.Submitted, "#from, #to")
    def _period_entered(self) -> None:
        today = self.kiosk.clock.now().date()
        end_text = self.query_one("#to", Input).value
        try:
            start = parse_day(self.query_one("#from", Input).value or "vandaag", today)
            end = parse_day(end_text, today) if end_text else start
        except ValueError as exc:  # its text is what was typed
            self.error(not_a_date(str(exc)))
            return
        if end < start:
            self.error(_("the period ends before it starts"))
            return
        self.start, self.end = start, end
        if start != end:
            self.part = "day"
        self.error("")
        self._close_fields()

    @on(Input.Submitted, "#note")
    def _note_entered(self, event: Input.Submitted) -> None:
        self.note = event.value.strip()
        self._close_fields()

    @on(Input.Submitted, "#late-time, #late-reason")
    def _late_entered(self) -> None:
        time = self.read_time("#late-time")
        if time is None:
            return
        reason = self.query_one("#late-reason", Input).value
        added = self.attempt(lambda: absences.add_late(self.kiosk, self.pupil, who=self.who, time=time,
                                                       reason=reason))
        if added:
            self.dismiss(LateResult(self.pupil, *added))

    # -- save ----------------------------------------------------------------------------
    def save(self, code: str) -> None:
        result = self.attempt(lambda: self._store(code))
        if result is not None:
            self.dismiss(result)

    def _store(self, code: str) -> object:
        if self.editing:
            return absences.update_absence(
                self.kiosk, self.editing, self.who, code=code, start=self.start, end=self.end,
                part=self.part, note=self.note, reported_via=self.via)
        pupils = [self.pupil, *(self.sibling_pupils if self.with_siblings else [])]
        return absences.log_absences(
            self.kiosk, pupils, code=code, start=self.start, end=self.end, part=self.part,
            note=self.note, via=self.via, who=self.who)

