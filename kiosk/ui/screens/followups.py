"""My follow-ups: what is owed to parents, by due time; overdue and due-today ones stand out.

The list shows pupils, owners and due times, never a note's text: someone may read along.
Enter shows the text (when this viewer may read it); `k` marks done with the answer given,
`h` hands it over to a colleague (both audited)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Input, Static

from kiosk.domain.models import Role, Staff
from kiosk.domain.notes import Access, is_due_today, is_overdue
from kiosk.domain.text import printable
from kiosk.i18n import N_, _
from kiosk.services import notes, staff
from kiosk.services.labels import moment_label, place_label
from kiosk.services.notes import FollowUpRow
from kiosk.ui.actions import KioskAction, bindings
from kiosk.ui.base import KioskScreen
from kiosk.ui.text import literal, literal_cell
from kiosk.ui.widgets.action_bar import ActionBar

ACTIONS = (
    KioskAction("enter", "details", N_("Read"), N_("The conversation and what is owed")),
    KioskAction("k", "done", N_("Done"), N_("Mark it done, with the answer given")),
    KioskAction("h", "hand_over", N_("Hand over"), N_("A colleague answers instead")),
    KioskAction("a", "scope", N_("Whose"), N_("Mine, my classes', or all I may see")),
    KioskAction("escape", "back", N_("Back"), N_("Back to the home screen")),
)
SCOPES = {"mine": N_("my follow-ups"), "classes": N_("follow-ups of my classes"), "all": N_("all follow-ups")}


class FollowUpsScreen(KioskScreen[None]):
    CSS_PATH = ["../styles/tables.tcss", "../styles/touch.tcss"]
    BINDINGS = bindings(ACTIONS)
    ACTIONS = ACTIONS

    def __init__(self) -> None:
        super().__init__()
        self.scope = "mine"
        self.rows: list[FollowUpRow] = []
        self.answering: FollowUpRow | None = None
        """The follow-up `k` was pressed on: the list may refresh while the answer is typed."""

    def compose(self) -> ComposeResult:
        yield Static(id="followups-title", classes="title")
        yield DataTable(id="followups-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="followup-detail")
        yield Input(placeholder=_("what was answered (Enter saves)"), id="followup-answer")
        yield ActionBar(ACTIONS, id="followups-actions")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(_("Due"), _("State"), _("Pupil"), _("Owner"), _("Conversation"))
        self.query_one("#followup-answer").display = False
        self.reload()
        table.focus()
        self.follow_data(self.reload)

    def _scopes(self) -> list[str]:
        if self.user.role in (Role.HEAD, Role.CARE):
            return ["mine", "all"]
        return ["mine", "classes"] if self.user.role == Role.TEACHER and self.user.classes else ["mine"]

    def reload(self) -> None:
        found = self.attempt(lambda: notes.follow_ups(self.kiosk, self.user,
                                                      owner=self.user.id if self.scope == "mine" else None))
        if found is None:
            return
        if self.scope == "classes":
            found = [r for r in found if any(p.class_name in self.user.classes for p in r.pupils)]
        self.rows = found
        now = self.kiosk.clock.now()
        overdue = sum(is_overdue(r.follow_up, now) for r in found)
        self.query_one("#followups-title", Static).update(literal(
            _("{scope}: {n} open, {overdue} overdue").format(scope=_(SCOPES[self.scope]).capitalize(),
                                                            n=len(found), overdue=overdue)))
        table = self.query_one(DataTable)
        chosen = self._selected()
        cursor = table.cursor_row
        table.clear()
        names = staff.staff_names(self.kiosk)
        for row in found:
            table.add_row(*self._cells(row, names))
        ids = [row.follow_up.id for row in found]
        if found:  # the cursor stays on its follow-up when another kiosk changed the list
            table.move_cursor(row=ids.index(chosen.follow_up.id) if chosen and chosen.follow_up.id in ids
                              else min(cursor, len(found) - 1))
        if self.answering is not None:
            if self.answering.follow_up.id not in ids:
                self._stop_answering()
                self.notify(_("That follow-up was answered or handed over on another kiosk."), markup=False)
            return  # the answer line keeps saying whose answer is typed
        self.query_one("#followup-detail", Static).update(
            "" if found else literal(_("Nothing owed. A conversation is noted from a pupil: search, Enter, g.")))

    def _cells(self, row: FollowUpRow, names: dict[str, str]) -> list[Text]:
        follow_up, now = row.follow_up, self.kiosk.clock.now()
        if is_overdue(follow_up, now):
            state, style = _("OVERDUE"), "bold red"
        elif is_due_today(follow_up, now):
            state, style = _("today"), "bold"
        else:
            state, style = _("open"), ""
        pupils = ", ".join(f"{p.full_name} ({p.class_name})" for p in row.pupils)
        conversation = (f"{moment_label(row.note.at)} {place_label(row.note.where)}" if row.note else "")
        cells = [moment_label(follow_up.due), state, pupils, names.get(follow_up.owner, follow_up.owner),
                 conversation]
        return [Text(printable(cell), style=style) if n < 2 else literal_cell(cell) for n, cell in enumerate(cells)]

    @on(DataTable.RowSelected)
    def _enter(self) -> None:
        self.action_details()

    def _selected(self) -> FollowUpRow | None:
        table = self.query_one(DataTable)
        return self.rows[table.cursor_row] if self.rows and table.cursor_row < len(self.rows) else None

    # -- keys -------------------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if isinstance(self.focused, Input) and action != "back":
            return False
        if action in ("details", "done", "hand_over"):
            return self._selected() is not None
        if action == "scope":
            return len(self._scopes()) > 1
        return True

    def action_back(self) -> None:
        answer = self.query_one("#followup-answer", Input)
        if answer.display:
            self._stop_answering()
            return
        self.app.pop_screen()

    def action_scope(self) -> None:
        scopes = self._scopes()
        self.scope = scopes[(scopes.index(self.scope) + 1) % len(scopes)]
        self.reload()

    def action_details(self) -> None:
        row = self._selected()
        if row is None:
            return
        if row.text is not None:
            assert row.note
            guardians = ", ".join(row.note.guardians)
            text = (_("{moment} with {guardians}:").format(moment=moment_label(row.note.at), guardians=guardians)
                    if guardians else moment_label(row.note.at) + ":")
            text += "\n" + row.text
        elif row.access == Access.EXISTS:
            text = _("A conversation was noted; its text is not shown to you.")
        else:
            text = _("Its conversation is confidential: ask its owner.")
        self.query_one("#followup-detail", Static).update(literal(text))

    def action_done(self) -> None:
        self.answering = self._selected()
        if self.answering is None:
            return
        pupils = ", ".join(p.full_name for p in self.answering.pupils)
        self.query_one("#followup-detail", Static).update(literal(_("Answer for {pupils}:").format(pupils=pupils)))
        answer = self.query_one("#followup-answer", Input)
        answer.display = True
        answer.value = ""
        answer.focus()

    @on(Input.Submitted, "#followup-answer")
    def _answered(self, event: Input.Submitted) -> None:
        row = self.answering
        if row is None:
            return
        self.write(lambda: notes.mark_done(self.kiosk, row.follow_up, event.value, self.user.id), self._done)

    def _stop_answering(self) -> None:
        self.answering = None
        self.query_one("#followup-answer").display = False
        self.query_one(DataTable).focus()

    def _done(self, _result: object) -> None:
        self._stop_answering()
        self.notify(_("Marked done."))
        self.kiosk_app.announce_change()
        self.reload()

    def action_hand_over(self) -> None:
        from kiosk.ui.screens.staff_picker import StaffPickerScreen

        row = self._selected()
        if row is None:
            return
        choices = self.attempt(lambda: notes.hand_over_choices(self.kiosk, row.follow_up))
        if choices is None:
            return
        if not choices:
            self.notify(_("Nobody else may read this conversation: its author answers it, or the head or care "
                          "staff mark it done."), severity="warning", markup=False)
            return
        self.app.push_screen(StaffPickerScreen(_("Hand over to…"), choices),
                             lambda member: self._hand_over(row, member))

    def _hand_over(self, row: FollowUpRow, member: Staff | None) -> None:
        if member is None:
            return
        self.write(lambda: notes.hand_over(self.kiosk, row.follow_up, member.id, self.user.id),
                   lambda _moved: self._handed(member))

    def _handed(self, member: Staff) -> None:
        self.notify(_("Handed over to {name}.").format(name=member.name), markup=False)
        self.kiosk_app.announce_change()
        self.reload()
