"""Note a conversation while the parent is still at the gate: type, Enter, done.

Defaults need no key: now, at the gate, the pupil's guardians, read by the class team, no
follow-up. Tab leaves the text; then one key per option (or a tap on the tablet). A
follow-up is due by the 48-hour rule; a due time typed into a quiet moment is asked about."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Footer, Input, Static

from kiosk.domain.models import Pupil, Staff
from kiosk.domain.notes import LEVELS, PLACES
from kiosk.i18n import N_, _
from kiosk.services import absences, entry, notes
from kiosk.services.labels import level_label, moment_label, place_label
from kiosk.ui.actions import KioskAction, bindings
from kiosk.ui.screens.form import ERROR_ID, KioskForm
from kiosk.ui.text import literal
from kiosk.ui.widgets.action_bar import ActionBar
from kiosk.ui.widgets.confirm import ConfirmScreen

ACTIONS = (
    KioskAction("enter", "save", N_("Save"), N_("Save the note")),
    KioskAction("tab", "switch", N_("Text/keys"), N_("Leave the text to use the option keys, or back"),
                priority=True),
    KioskAction("w", "cycle_where", N_("Where"), N_("Gate, end-of-day bell, phone, agenda, e-mail, appointment")),
    KioskAction("o", "cycle_guardians", N_("Parents"), N_("Which guardians took part")),
    KioskAction("b", "toggle_siblings", N_("Siblings"), N_("Also about brothers and sisters")),
    KioskAction("v", "cycle_level", N_("Who reads"), N_("Class team, care staff, or only you")),
    KioskAction("f", "toggle_follow_up", N_("Follow-up"), N_("Something is owed: an answer by a due time")),
    KioskAction("e", "cycle_owner", N_("Owner"), N_("Who owes the answer")),
    KioskAction("t", "edit_due", N_("Due"), N_("When the answer is due")),
    KioskAction("escape", "cancel", N_("Cancel"), N_("Close without saving")),
)
_TIME = re.compile(r"\d{1,2}([:.hu]\d{2})?", re.IGNORECASE)


@dataclass
class Draft:
    """A half-typed note: kept in memory when the kiosk locks, offered back to its author."""

    pupil: Pupil
    text: str = ""
    where: str = "gate"
    level: str = "class"
    guardians: tuple[str, ...] | None = None
    """None: every guardian of the pupil."""
    with_siblings: bool = False
    owner: str | None = None
    due: dt.datetime | None = None
    at: dt.datetime | None = None
    siblings: list[Pupil] = field(default_factory=list)
    also: list[Pupil] = field(default_factory=list)
    """Other pupils the conversation is about (a text message naming several)."""


class NoteScreen(KioskForm):
    """Dismisses with notes.Noted, or None."""

    CSS_PATH = "../styles/touch.tcss"
    BINDINGS = bindings(ACTIONS)
    ACTIONS = ACTIONS
    OPTIONAL_FIELDS = ("#note-due",)
    AUTO_FOCUS = "#note-text"

    def __init__(self, pupil: Pupil, draft: Draft | None = None) -> None:
        super().__init__()
        self.draft = draft or Draft(pupil)

    def compose(self) -> ComposeResult:
        d = self.draft
        with Vertical(id="note", classes="dialog"):
            title = _("Conversation about {name} ({class_name})").format(name=d.pupil.full_name,
                                                                         class_name=d.pupil.class_name)
            yield Static(literal(title), classes="title")
            yield Input(d.text, placeholder=_("what was said, what was agreed"), id="note-text",
                        max_length=notes.MAX_NOTE_TEXT, select_on_focus=False)  # a draft goes on, not over
            yield Input(placeholder=_("due: day and time, e.g. vr 10:00 or 27/11 15:30"), id="note-due")
            yield Static(id="note-summary")
            yield Static(id="note-hint")
            yield Static(id=ERROR_ID)  # above the buttons: seen on a short screen too
            yield ActionBar(ACTIONS, id="note-actions")
        yield Footer()

    def on_mount(self) -> None:
        d = self.draft
        d.at = d.at or self.kiosk.clock.now().replace(second=0, microsecond=0)
        d.siblings = absences.siblings(self.kiosk, d.pupil)
        self.query_one("#note-due").display = False
        self.refresh_summary()

    # -- what is shown ---------------------------------------------------------------------------
    @property
    def pupils(self) -> list[Pupil]:
        d = self.draft
        chosen = [d.pupil, *d.also, *(d.siblings if d.with_siblings else [])]
        return list({p.id: p for p in chosen}.values())

    def guardians(self) -> tuple[str, ...]:
        everyone = tuple(dict.fromkeys(g.name for p in self.pupils for g in p.guardians))
        return everyone if self.draft.guardians is None else self.draft.guardians

    def _owner(self) -> Staff | None:
        return self.kiosk.repos.staff.get(self.draft.owner) if self.draft.owner else None

    def refresh_summary(self) -> None:
        d = self.draft
        names = ", ".join(f"{p.full_name} ({p.class_name})" for p in self.pupils)
        lines = [_("About: {names}").format(names=names),
                 _("Where: {where} · Parents: {guardians}").format(
                     where=place_label(d.where), guardians=", ".join(self.guardians()) or "–"),
                 _("Who reads it: {level}").format(level=level_label(d.level))]
        owner = self._owner()
        if owner and d.due:
            quiet = " " + _("(a quiet moment!)") if notes.is_quiet(self.kiosk, d.due) else ""
            lines.append(_("Follow-up: {owner} answers by {due}").format(owner=owner.name, due=moment_label(d.due))
                         + quiet)
        else:
            lines.append(_("Follow-up: none (f adds one: an answer within 48 weekday hours)"))
        self.query_one("#note-summary", Static).update(literal("\n".join(lines)))
        hint = (_("Enter saves · Tab: the option keys") if self.typing()
                else _("Keys: w o b v f e t · Tab: back to the text · Enter saves"))
        self.query_one("#note-hint", Static).update(literal(hint))

    def on_descendant_focus(self) -> None:
        self.refresh_summary()

    def on_descendant_blur(self) -> None:
        self.refresh_summary()

    # -- options ----------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "toggle_siblings":
            return bool(self.draft.siblings)
        if action in ("cycle_owner", "edit_due"):
            return self.draft.owner is not None
        return True

    def action_switch(self) -> None:
        if self.typing():
            self.set_focus(None)
        else:
            self.close_fields()
            self.query_one("#note-text", Input).focus()
        self.refresh_summary()

    def action_cycle_where(self) -> None:
        self.draft.where = PLACES[(PLACES.index(self.draft.where) + 1) % len(PLACES)]
        self.refresh_summary()

    def action_cycle_level(self) -> None:
        d = self.draft
        d.level = LEVELS[(LEVELS.index(d.level) + 1) % len(LEVELS)]
        if d.owner and d.owner not in {s.id for s in self._owners()}:
            d.owner = self.user.id  # the new level hides the note from the chosen owner; the author may read it
        self.refresh_summary()

    def _owners(self) -> list[Staff]:
        return notes.owner_suggestions(self.kiosk, self.pupils, self.user.id, self.draft.level)

    def action_cycle_guardians(self) -> None:
        """Everyone → each guardian alone → everyone again."""
        everyone = tuple(dict.fromkeys(g.name for p in self.pupils for g in p.guardians))
        choices: list[tuple[str, ...] | None] = [None, *((name,) for name in everyone)]
        current = choices.index(self.draft.guardians) if self.draft.guardians in choices else 0
        self.draft.guardians = choices[(current + 1) % len(choices)]
        self.refresh_summary()

    def action_toggle_siblings(self) -> None:
        d = self.draft
        d.with_siblings = not d.with_siblings
        everyone = {g.name for p in self.pupils for g in p.guardians}
        if d.guardians is not None and not set(d.guardians) <= everyone:
            d.guardians = None  # the chosen guardian is not a parent of these children
        self.refresh_summary()

    def action_toggle_follow_up(self) -> None:
        d = self.draft
        if d.owner is None:
            assert d.at
            d.owner, d.due = self.user.id, notes.default_due(self.kiosk, d.at)
        else:
            d.owner, d.due = None, None
        self.refresh_bindings()
        self.refresh_summary()

    def action_cycle_owner(self) -> None:
        ids = [s.id for s in self._owners()]
        current = ids.index(self.draft.owner) if self.draft.owner in ids else -1
        self.draft.owner = ids[(current + 1) % len(ids)]
        self.refresh_summary()

    def action_edit_due(self) -> None:
        field = self.query_one("#note-due", Input)
        field.display = True
        field.value = f"{self.draft.due:%d/%m %H:%M}" if self.draft.due else ""
        field.focus()

    @on(Input.Submitted, "#note-due")
    def _due_entered(self, event: Input.Submitted) -> None:
        due = self.attempt(lambda: self._read_due(event.value))
        if due is None:
            return
        self.draft.due = due
        self.close_fields()
        self.show_error("")
        self.refresh_summary()

    def _read_due(self, text: str) -> dt.datetime:
        """"vr 10:00", "27/11 15:30", "10:00" (today), "vr" (the same hour)."""
        assert self.draft.due
        parts = text.split()
        today = self.kiosk.clock.now().date()
        times = [entry.read_time(p) for p in parts if _TIME.fullmatch(p)]
        days = [entry.read_day(p, today) for p in parts if not _TIME.fullmatch(p)]
        day = days[0] if days else (today if times else self.draft.due.date())
        return dt.datetime.combine(day, times[0] if times else self.draft.due.time())

    def fields_closed(self) -> None:
        self.refresh_summary()

    # -- saving -----------------------------------------------------------------------------------
    @on(Input.Submitted, "#note-text")
    def _text_entered(self) -> None:
        self.action_save()

    def action_save(self, allow_quiet: bool = False) -> None:
        d = self.draft
        d.text = self.query_one("#note-text", Input).value
        if d.due and notes.is_quiet(self.kiosk, d.due) and not allow_quiet:
            question = _("{due} is a quiet moment (evening, weekend or holiday): plan the follow-up "
                         "then anyway?").format(due=moment_label(d.due))
            self.app.push_screen(ConfirmScreen(question), self._quiet_answered)
            return
        self.write(lambda: notes.add_note(self.kiosk, self.pupils, d.text, self.user.id, at=d.at, where=d.where,
                                          level=d.level, guardians=self.guardians(), owner=d.owner, due=d.due,
                                          allow_quiet=allow_quiet), self.dismiss)

    def _quiet_answered(self, yes: bool | None) -> None:
        if yes:
            self.action_save(allow_quiet=True)
        else:
            self.action_edit_due()

    def action_cancel(self) -> None:
        """Esc closes an open field first; a typed note is not thrown away without asking."""
        if self.typing() and self.close_fields():
            return
        if not self.query_one("#note-text", Input).value.strip():
            self.dismiss(None)
            return
        self.app.push_screen(ConfirmScreen(_("Throw away the note you typed?")), self._throw_away)

    def _throw_away(self, yes: bool | None) -> None:
        if yes:
            self.dismiss(None)

    def unsaved(self) -> Draft | None:
        """What the idle lock keeps for its author: a note with text in it."""
        self.draft.text = self.query_one("#note-text", Input).value
        return self.draft if self.draft.text.strip() else None
