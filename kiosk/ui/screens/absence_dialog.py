"""Log (or edit) an absence for the picked pupil: one key per code, options without the mouse.

Enter saves with the default code, so a same-day absence costs the search letters plus
two keys (Enter to pick, Enter or the code letter to save)."""

from __future__ import annotations

import datetime as dt

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Footer, Input, Static

from kiosk.domain.absences import CHANNELS, next_part
from kiosk.domain.models import Absence, Pupil
from kiosk.i18n import N_, _
from kiosk.services import absences, entry
from kiosk.services.labels import channel_label, part_label, period_label
from kiosk.ui.actions import KioskAction, bindings
from kiosk.ui.feedback import LateResult
from kiosk.ui.screens.form import ERROR_ID, KioskForm
from kiosk.ui.text import literal
from kiosk.ui.widgets.action_bar import ActionBar, touch_button

OPTIONS = (
    KioskAction("d", "cycle_part", N_("Day/half"), N_("Whole day, morning or afternoon")),
    KioskAction("p", "edit_period", N_("Period"), N_("From and to date")),
    KioskAction("n", "edit_note", N_("Note"), N_("A short note")),
    KioskAction("w", "cycle_via", N_("Reported via"), N_("Text, phone, agenda, e-mail, in person")),
    KioskAction("s", "toggle_siblings", N_("Siblings"), N_("Also for brothers and sisters")),
    KioskAction("t", "late", N_("Late"), N_("A late arrival instead")),
    KioskAction("i", "card", N_("Pupil"), N_("The pupil's card and history")),
    KioskAction("g", "conversation", N_("Conversation"), N_("Note a talk with the parents")),
    KioskAction("escape", "cancel", N_("Cancel"), N_("Close without saving")),
)
ACTIONS = (KioskAction("enter", "save_default", N_("Save"), N_("Save with the default code")), *OPTIONS)


class AbsenceDialog(KioskForm):
    CSS_PATH = "../styles/touch.tcss"
    """Dismisses with absences.Logged, LateResult, an edited Absence, or None."""

    BINDINGS = bindings(ACTIONS)
    ACTIONS = ACTIONS
    OPTIONAL_FIELDS = ("#period-row", "#note")
    AUTO_FOCUS = ""  # nothing focused: keys go to the dialog, one letter per code

    def __init__(self, pupil: Pupil, editing: Absence | None = None) -> None:
        super().__init__()
        self.pupil, self.editing = pupil, editing
        self.start = self.end = dt.date.min  # set on mount, from the kiosk's clock
        self.sibling_pupils: list[Pupil] = []
        self.part = editing.part if editing else "day"
        self.via = editing.reported_via if editing else "sms"
        self.note = editing.note if editing else ""
        self.with_siblings = False
        self.mode = "codes"

    def on_mount(self) -> None:
        today = self.kiosk.clock.now().date()
        self.start = self.editing.start if self.editing else today
        self.end = self.editing.end if self.editing else today
        self.sibling_pupils = [] if self.editing else absences.siblings(self.kiosk, self.pupil)
        for selector in ("#period-row", "#note", "#late-row"):
            self.query_one(selector).display = False
        self.refresh_summary()

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
            with Vertical(id="codes"):
                for code in absences.rules(self.kiosk).codes:
                    yield touch_button("", f"save('{code.id}')", classes="code-button")
            yield Static(id=ERROR_ID)  # above the buttons: seen on a short screen too
            yield ActionBar(OPTIONS, id="options")
        yield Footer()

    def refresh_summary(self) -> None:
        parts = [period_label(self.start, self.end), part_label(self.part),
                 _("via {channel}").format(channel=channel_label(self.via))]
        if self.note:
            parts.append(f"“{self.note}”")
        self.query_one("#summary", Static).update(literal(" · ".join(parts)))
        self._show_siblings()
        enter_code = self.enter_code()
        codes = absences.rules(self.kiosk).codes
        for button, code in zip(self.query(".code-button").results(Button), codes, strict=True):
            enter = "  (⏎ " + _("Enter") + ")" if code.id == enter_code else ""
            button.label = literal(f"{code.key}  {_(code.label)}{enter}")

    fields_closed = refresh_summary

    def _show_siblings(self) -> None:
        widget = self.query_one("#siblings", Static)
        if not self.sibling_pupils:
            widget.display = False
            return
        names = ", ".join(f"{p.first_name} ({p.class_name})" for p in self.sibling_pupils)
        label = _("Also for: {names}") if self.with_siblings else _("Siblings (s to add): {names}")
        widget.update(literal(label.format(names=names)))

    # -- keys ----------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.typing() and action != "cancel":
            return False
        if self.mode == "late" and action != "cancel":
            return False
        return not (action in ("toggle_siblings", "late", "conversation") and self.editing)

    def on_key(self, event: events.Key) -> None:
        if self.typing() or not event.character:
            return
        code = absences.rules(self.kiosk).by_key(event.character.lower())
        if code:
            event.stop()
            self.action_save(code.id)

    def enter_code(self) -> str:
        """Enter keeps an edited absence's code; a new one gets the default code."""
        return self.editing.code if self.editing else absences.rules(self.kiosk).default_code

    def action_save_default(self) -> None:
        self.action_save(self.enter_code())

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
        for selector in ("#codes", "#summary", "#siblings", "#options"):
            self.query_one(selector).display = False
        self.query_one("#dialog-title", Static).update(literal(_("Late: {name} · {klass}").format(
            name=self.pupil.full_name, klass=self.pupil.class_name)))
        self.query_one("#late-time", Input).value = f"{self.kiosk.clock.now():%H:%M}"
        self.mode = "late"
        self.query_one("#late-reason", Input).focus()

    def action_conversation(self) -> None:
        from kiosk.ui.screens.note import NoteScreen

        self.app.push_screen(NoteScreen(self.pupil), self._noted)

    def _noted(self, result: object) -> None:
        if result is not None:
            self.dismiss(result)  # the home screen shows what was saved

    def action_card(self) -> None:
        from kiosk.ui.screens.pupil_card import PupilCardScreen

        self.app.push_screen(PupilCardScreen(self.pupil))

    # -- inputs --------------------------------------------------------------------------
    @on(Input.Submitted, "#from, #to")
    def _period_entered(self) -> None:
        today = self.kiosk.clock.now().date()
        period = self.attempt(lambda: entry.read_period(
            self.query_one("#from", Input).value, self.query_one("#to", Input).value, today,
            default_start=today))
        if period is None:
            return
        self.start, self.end = period
        if self.start != self.end:
            self.part = "day"
        self.show_error("")
        self.close_fields()

    @on(Input.Submitted, "#note")
    def _note_entered(self, event: Input.Submitted) -> None:
        self.note = event.value.strip()
        self.close_fields()

    @on(Input.Submitted, "#late-time, #late-reason")
    def _late_entered(self) -> None:
        time_text = self.query_one("#late-time", Input).value
        reason = self.query_one("#late-reason", Input).value
        self.write(lambda: absences.add_late(
            self.kiosk, self.pupil, who=self.user.id, time=entry.read_time(time_text), reason=reason),
            lambda added: self.dismiss(LateResult(self.pupil, *added)))

    # -- save ----------------------------------------------------------------------------
    def action_save(self, code: str) -> None:
        self.write(lambda: self._store(code), self.dismiss)

    def _store(self, code: str) -> object:
        if self.editing:
            return absences.update_absence(
                self.kiosk, self.editing, self.user.id, code=code, start=self.start, end=self.end,
                part=self.part, note=self.note, reported_via=self.via)
        pupils = [self.pupil, *(self.sibling_pupils if self.with_siblings else [])]
        return absences.log_absences(
            self.kiosk, pupils, code=code, start=self.start, end=self.end, part=self.part,
            note=self.note, via=self.via, who=self.user.id)
