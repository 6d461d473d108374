"""Paste a parent's text message; the kiosk proposes what to save; staff confirm.

Each field the reader is not sure of is marked: Enter first walks through them (y confirms
the value shown, a key changes it), and saves only when none is left. A sure proposal is
saved with Enter at once."""

from __future__ import annotations

import datetime as dt

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Footer, Input, SelectionList, Static

from kiosk.domain.absences import next_part
from kiosk.domain.models import Pupil
from kiosk.domain.sms import FIELDS, KINDS, Proposal
from kiosk.domain.sms.message import one_line
from kiosk.i18n import N_, _, ngettext
from kiosk.services import entry, notes, sms
from kiosk.services.labels import field_label, kind_label, part_label, period_label
from kiosk.services.messages import code_label
from kiosk.ui.actions import KioskAction, bindings
from kiosk.ui.feedback import LateResult
from kiosk.ui.screens.form import ERROR_ID, KioskForm
from kiosk.ui.text import literal
from kiosk.ui.widgets.action_bar import ActionBar
from kiosk.ui.widgets.confirm import ConfirmScreen
from kiosk.ui.widgets.message_input import MessageInput

ACTIONS = (
    KioskAction("enter", "confirm", N_("Save"), N_("Save the proposal (first check what is marked)")),
    KioskAction("y", "yes", N_("Right"), N_("The marked field is right as shown")),
    KioskAction("k", "cycle_kind", N_("Kind"), N_("Absence, late arrival, return or something else")),
    KioskAction("d", "cycle_part", N_("Day/half"), N_("Whole day, morning or afternoon")),
    KioskAction("p", "edit_period", N_("Period"), N_("From and to date")),
    KioskAction("u", "edit_time", N_("Time"), N_("The time the pupil arrives")),
    KioskAction("escape", "cancel", N_("Cancel"), N_("Close without saving")),
)
DIGITS = "123456789"


class SmsScreen(KioskForm):
    """Dismisses with what was saved (absences.Logged, LateResult, sms.Returned) or None."""

    BINDINGS = bindings(ACTIONS)
    ACTIONS = ACTIONS
    CSS_PATH = "../styles/touch.tcss"
    OPTIONAL_FIELDS = ("#sms-period", "#sms-time")
    AUTO_FOCUS = ""  # a pasted message goes straight to the proposal: code letters must work

    def __init__(self, text: str = "") -> None:
        super().__init__()
        self.text = text
        self.proposal: Proposal | None = None
        self.choices: list[Pupil] = []
        """The pupils offered: the proposal's, then the candidates."""

    def compose(self) -> ComposeResult:
        with Vertical(id="sms", classes="dialog"):
            yield Static(literal(_("Paste the text message and press Enter")), classes="title")
            yield MessageInput(placeholder=_("text message"), id="sms-text")
            yield Static(id="proposal")
            yield SelectionList[int](id="sms-pupils")
            yield Input(placeholder=_("from – to (e.g. vandaag, vr, 27/11)"), id="sms-period", select_on_focus=False)
            yield Input(placeholder="09:30", id="sms-time")
            yield Static(id=ERROR_ID)  # above the buttons: seen on a short screen too
            yield ActionBar(ACTIONS, id="sms-actions")  # every action a button on the tablet
        yield Footer()

    def on_mount(self) -> None:
        for selector in ("#sms-period", "#sms-time", "#sms-pupils", "#sms-actions"):
            self.query_one(selector).display = False
        field = self.query_one("#sms-text", Input)
        field.value = one_line(self.text)
        if self.text:
            self.read(self.text)
        else:
            field.focus()

    # -- reading --------------------------------------------------------------------------
    @on(Input.Submitted, "#sms-text")
    def _submitted(self, event: Input.Submitted) -> None:
        self.read(event.value)

    def read(self, text: str) -> None:
        proposal = self.attempt(lambda: self.kiosk_app.sms_reader.read(text))
        if proposal is None:
            return
        self.proposal = proposal
        self.choices = [*proposal.pupils, *(c for c in proposal.candidates if c not in proposal.pupils)]
        self._fill_pupils()
        self.query_one("#sms-actions").display = True
        self.set_focus(None)
        self.show()

    def _fill_pupils(self) -> None:
        assert self.proposal
        chooser = self.query_one("#sms-pupils", SelectionList)
        chooser.clear_options()
        for n, pupil in enumerate(self.choices):
            key = DIGITS[n] if n < len(DIGITS) else " "
            chooser.add_option((literal(f"{key}  {pupil.full_name} ({pupil.class_name})"), n,
                                pupil in self.proposal.pupils))
        chooser.display = bool(self.choices)

    # -- showing ----------------------------------------------------------------------------
    def _line(self, field: str, label: str, value: str) -> Content:
        p = self.proposal
        assert p
        doubt = field in p.doubts
        head = Content.assemble(("? " if doubt else "  ", "bold $error" if doubt else ""),
                                (f"{label}: ", "bold"))
        return head + Content.styled(value, "reverse" if doubt and field == self._asking() else "")

    def _asking(self) -> str | None:
        """The doubtful field staff are asked about now."""
        p = self.proposal
        return next((f for f in FIELDS if p and f in p.doubts), None)

    def show(self) -> None:
        p = self.proposal
        assert p is not None
        lines = [self._line("kind", _("Kind"), kind_label(p.kind))]
        chosen = len(p.pupils)
        count = _("{chosen} chosen of {offered}").format(chosen=chosen, offered=len(self.choices)) \
            if self.choices else _("no pupil recognised: Esc and use the search")
        lines.append(self._line("pupils", _("Pupils"), count))
        if p.kind == "absence" and p.code:
            lines.append(self._line("code", _("Reason"), code_label(self.kiosk, p.code)))
        if p.kind != "other" and p.start:
            period = period_label(p.start, (p.end or p.start) if p.kind == "absence" else p.start, with_year=p.unusual)
            field = "end" if "end" in p.doubts and "start" not in p.doubts else "start"
            lines.append(self._line(field, _("Day(s)"), period))
        if p.kind == "absence" and p.part:
            lines.append(self._line("part", _("Day or half"), part_label(p.part)))
        if p.kind == "late":
            lines.append(self._line("time", _("Expected at"), f"{p.time:%H:%M}" if p.time else "?"))
        if p.kind == "return" and p.start:
            lines.append(literal(self._return_summary(p.start)))
        asking = self._asking()
        hint = (_("Check {field}: y if it is right, or change it; then Enter").format(
            field=field_label(asking)) if asking else _("Enter saves"))
        lines.append(literal(hint + " · " + _("a code letter, d, p, u or k changes · digits choose pupils")))
        self.query_one("#proposal", Static).update(Content("\n").join(lines))

    def _return_summary(self, back: dt.date) -> str:
        p = self.proposal
        assert p
        ending = [a for pupil in p.pupils for a in sms.open_absences(self.kiosk, pupil, back)]
        if not ending:
            return _("No open absence to end: nothing to save.")
        return ngettext("Ends {n} absence: absent until the school day before.",
                        "Ends {n} absences: absent until the school day before.", len(ending)).format(n=len(ending))

    # -- keys --------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cancel":
            return True
        p = self.proposal
        if self.typing() or p is None:
            return False
        if action == "yes":
            return self._asking() not in (None, "pupils")
        if action in ("cycle_part",):
            return p.kind == "absence"
        if action == "edit_time":
            return p.kind == "late"
        if action == "edit_period":
            return p.kind in ("absence", "late", "return")
        return True

    def on_key(self, event: events.Key) -> None:
        p = self.proposal
        if self.typing() or p is None or not event.character:
            return
        if event.character in DIGITS:
            event.stop()
            self._toggle(DIGITS.index(event.character))
            return
        code = self.kiosk.config.absences.by_key(event.character.lower())
        if code and p.kind == "absence":
            event.stop()
            p.code = code.id
            self._answered("code")

    def _toggle(self, index: int) -> None:
        p = self.proposal
        if p is None or index >= len(self.choices):
            return
        pupil = self.choices[index]
        p.pupils = [x for x in p.pupils if x != pupil] if pupil in p.pupils else [*p.pupils, pupil]
        self.query_one("#sms-pupils", SelectionList).toggle(index)
        self._pupils_changed()

    @on(SelectionList.SelectedChanged, "#sms-pupils")
    def _picked(self, event: SelectionList.SelectedChanged[int]) -> None:
        p = self.proposal
        if p is None:
            return
        picked = [self.choices[i] for i in event.selection_list.selected]
        if picked != p.pupils:
            p.pupils = picked
            self._pupils_changed()

    def _pupils_changed(self) -> None:
        """Choosing pupils answers the doubt about them; choosing none brings it back."""
        assert self.proposal
        if self.proposal.pupils:
            self._answered("pupils")
        else:
            self.proposal.doubts.add("pupils")
            self.show()

    def _answered(self, field: str) -> None:
        assert self.proposal
        self.proposal.doubts.discard(field)
        self.show_error("")
        self.show()

    def action_yes(self) -> None:
        asking = self._asking()
        if asking and asking != "pupils":
            self._answered(asking)

    def action_cycle_kind(self) -> None:
        p = self.proposal
        assert p
        p.kind = KINDS[(KINDS.index(p.kind) + 1) % len(KINDS)]
        today = self.kiosk.clock.now().date()
        p.start = p.start or today
        p.end = p.end or p.start
        if p.kind == "absence":
            p.code = p.code or self.kiosk.config.absences.default_code
            p.part = p.part or "day"
        self._answered("kind")

    def action_cycle_part(self) -> None:
        p = self.proposal
        assert p is not None and p.start is not None
        p.part = next_part(self.kiosk.calendar, p.start, p.part or "day")
        if p.part != "day":
            p.end = p.start
        self._answered("part")

    def action_edit_period(self) -> None:
        p = self.proposal
        assert p
        field = self.query_one("#sms-period", Input)
        field.display = True
        # a single day is followed by a space, so typing "vr" makes it "from that day to Friday"
        field.value = (f"{p.start:%d/%m} " + (f"{p.end:%d/%m}" if p.end and p.end != p.start else "")
                       if p.start else "")
        field.cursor_position = len(field.value)
        field.focus()

    def action_edit_time(self) -> None:
        field = self.query_one("#sms-time", Input)
        field.display = True
        field.value = f"{self.proposal.time:%H:%M}" if self.proposal and self.proposal.time else ""
        field.focus()

    @on(Input.Submitted, "#sms-period")
    def _period_entered(self, event: Input.Submitted) -> None:
        p = self.proposal
        assert p is not None
        parts = event.value.replace("–", " ").replace(" - ", " ").split()
        today = self.kiosk.clock.now().date()
        period = self.attempt(lambda: entry.read_period(parts[0] if parts else None,
                                                        parts[1] if len(parts) > 1 else None, today,
                                                        default_start=p.start or today))
        if period is None:
            return
        p.start, p.end = period
        if p.start != p.end:
            p.part = "day"
        p.doubts -= {"start", "end"}
        self.close_fields()
        self.show_error("")

    @on(Input.Submitted, "#sms-time")
    def _time_entered(self, event: Input.Submitted) -> None:
        p = self.proposal
        assert p is not None
        time = self.attempt(lambda: entry.read_time(event.value))
        if time is None:
            return
        p.time = time
        p.doubts.discard("time")
        self.close_fields()
        self.show_error("")

    def fields_closed(self) -> None:
        if self.proposal:
            self.show()

    def action_confirm(self) -> None:
        p = self.proposal
        if p is None:
            return
        asking = self._asking()
        if asking == "pupils":
            self.show_error(_("Not saved yet: choose the pupil first (the digit before the name)."))
            self.show()
            return
        if asking:
            self.show_error(_("Not saved yet: check {field} first (y if it is right).").format(
                field=field_label(asking)))
            self.show()
            return
        if p.kind == "other" and p.pupils:
            question = _("Not about an absence. Note it as a conversation, with an answer due within 48 weekday "
                         "hours?")
            self.app.push_screen(ConfirmScreen(question), self._note_it)
            return
        if p.kind == "other":
            self.notify(_("Nothing to save: this message is not about an absence."))
            self.dismiss(None)
            return
        self.write(lambda: sms.save(self.kiosk, p, self.user.id), self._saved)

    def _note_it(self, yes: bool | None) -> None:
        """A question or a message for the school: a conversation by phone, its answer owed."""
        from kiosk.ui.screens.note import Draft, NoteScreen

        p = self.proposal
        if not yes or p is None:
            self.dismiss(None)
            return
        now = self.kiosk.clock.now().replace(second=0, microsecond=0)
        text = self.query_one("#sms-text", Input).value  # a note holds a whole message (MAX_NOTE_TEXT)
        draft = Draft(p.pupils[0], text=text, where="phone", owner=self.user.id,
                      due=notes.default_due(self.kiosk, now), at=now, also=list(p.pupils[1:]))
        self.app.push_screen(NoteScreen(p.pupils[0], draft), self.dismiss)

    def _saved(self, result: object) -> None:
        p = self.proposal
        assert p
        if isinstance(result, list):  # announced late arrivals
            results = [LateResult(pupil, late, count) for pupil, (late, count) in zip(p.pupils, result, strict=True)]
            self.dismiss(results[0] if len(results) == 1 else results)
        else:
            self.dismiss(result)
