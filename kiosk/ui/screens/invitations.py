"""Class invitations (F5): a class's code, who was invited and who joined the class app.

← → change the class; `q` shows the class's QR for a phone to scan; `p` prints the letters
still needed (no letter yet, or one with a replaced code), `a` every household's; `j` ticks
the selected household as joined (again: unticks); `t` types the code from the class app,
`n` replaces a code that leaked (asked first)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, ProgressBar, Static

from kiosk.domain.invites import Standing, grouped
from kiosk.domain.models import ClassCode
from kiosk.errors import KioskError, StoreBusy
from kiosk.i18n import N_, _, ngettext
from kiosk.services import invites
from kiosk.services.labels import day_label
from kiosk.ui.actions import KioskAction, bindings
from kiosk.ui.base import KioskScreen, write_or_wait
from kiosk.ui.text import literal, literal_cell
from kiosk.ui.widgets.action_bar import ActionBar
from kiosk.ui.widgets.confirm import ConfirmScreen

if TYPE_CHECKING:
    from kiosk.ui.app import KioskApp

ACTIONS = (
    KioskAction("left", "step(-1)", N_("Class before"), N_("The class before"), priority=True),
    KioskAction("right", "step(1)", N_("Next class"), N_("The next class"), priority=True),
    KioskAction("q", "qr", N_("QR"), N_("The class's QR code, for a parent's phone to scan")),
    KioskAction("j", "joined", N_("Joined"), N_("The selected household joined the class app (again: undo)")),
    KioskAction("p", "print(False)", N_("Print needed"), N_("Letters for who has none, or one with an old code")),
    KioskAction("a", "print(True)", N_("Print all"), N_("A letter for every household of the class")),
    KioskAction("t", "type_code", N_("Type code"), N_("The code the class app gave this class")),
    KioskAction("n", "new_code", N_("New code"), N_("Replace a code that leaked (asked first)")),
    KioskAction("escape", "back", N_("Back"), N_("Back to the home screen")),
)
NEEDS_CLASS = {"qr", "joined", "print", "type_code", "new_code"}
NAME_WIDTH = 30  # the state columns stay on an 80-column screen, whatever the names


class InvitationsScreen(KioskScreen[None]):
    CSS_PATH = ["../styles/tables.tcss", "../styles/touch.tcss"]
    BINDINGS = bindings(ACTIONS)
    ACTIONS = ACTIONS

    def __init__(self) -> None:
        super().__init__()
        self.class_names = invites.classes_for(self.kiosk, self.user.id)
        self.index = 0
        self.standings: list[Standing] = []
        self.code: ClassCode | None = None
        self.printing = False

    @property
    def class_name(self) -> str | None:
        return self.class_names[self.index] if self.class_names else None

    def compose(self) -> ComposeResult:
        yield Static(id="invites-title", classes="title")
        yield Static(id="invites-counts")
        yield ProgressBar(id="invites-progress", show_eta=False)
        yield DataTable(id="invites-table", cursor_type="row", zebra_stripes=True)
        yield ActionBar(ACTIONS, id="invites-actions")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(ProgressBar).display = False
        self.reload()
        self.query_one(DataTable).focus()
        self.follow_data(self.reload)

    def reload(self) -> None:
        table = self.query_one(DataTable)
        title = self.query_one("#invites-title", Static)
        chosen = self._selected()
        table.clear(columns=True)
        class_name = self.class_name
        if class_name is None:
            title.update(literal(_("The class teacher, the head or the office hands out the class app's "
                                   "invitations.")))
            self.refresh_bindings()
            return
        self.code = self.attempt(lambda: invites.current_code(self.kiosk, class_name))
        standings = self.attempt(lambda: invites.standings(self.kiosk, class_name, self.user.id))
        self.standings = standings or []
        code = (_("code {code} (version {n})").format(code=grouped(self.code.code), n=self.code.version)
                if self.code else _("no code yet: t types the class app's code, n makes one"))
        title.update(literal(_("Class {class_name} · {code}").format(class_name=class_name, code=code)))
        self._show_counts()
        self._show_table(table)
        keys = [s.household.key for s in self.standings]
        if chosen is not None and chosen.household.key in keys:  # the cursor stays on its household
            table.move_cursor(row=keys.index(chosen.household.key))
        self.refresh_bindings()

    def _show_counts(self) -> None:
        joined = sum(s.joined for s in self.standings)
        needed = sum(s.needs_letter for s in self.standings)
        outdated = sum(s.outdated for s in self.standings)
        line = ngettext("{n} household", "{n} households", len(self.standings)).format(n=len(self.standings))
        line += " · " + _("{joined} joined · {needed} need a letter ({outdated} with an old code)").format(
            joined=joined, needed=needed, outdated=outdated)
        self.query_one("#invites-counts", Static).update(literal(line))

    def _show_table(self, table: DataTable[object]) -> None:
        """Where each household stands first: the parents' names are the widest column."""
        table.add_columns(_("Pupils"), _("Letter"), _("Joined"), _("Language"), _("Parents"))
        for s in self.standings:
            joined = s.invitation.joined_on if s.invitation else None
            table.add_row(literal_cell(", ".join(p.full_name for p in s.household.pupils), NAME_WIDTH),
                          literal_cell(self._letter_state(s)), literal_cell(day_label(joined) if joined else "–"),
                          invites.letter_language(s.household), literal_cell(s.household.names or "–", NAME_WIDTH),
                          key=s.household.key)

    @staticmethod
    def _letter_state(standing: Standing) -> str:
        invitation = standing.invitation
        if invitation is None or invitation.printed_on is None:
            return _("none yet")
        printed = day_label(invitation.printed_on)
        return _("{day}, old code").format(day=printed) if standing.outdated else printed

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in NEEDS_CLASS and self.class_name is None:
            return False
        if action in ("qr", "print") and self.code is None:
            return False
        if action == "joined" and not self.standings:
            return False
        return not (action in ("print", "type_code", "new_code") and self.printing)

    def action_step(self, step: int) -> None:
        if self.class_names:
            self.index = (self.index + step) % len(self.class_names)
            self.reload()

    def action_back(self) -> None:
        self.dismiss()

    def action_qr(self) -> None:
        from kiosk.ui.screens.class_qr import ClassQrScreen

        if self.class_name:
            self.app.push_screen(ClassQrScreen(self.class_name))

    def _selected(self) -> Standing | None:
        table = self.query_one(DataTable)
        if not self.standings or not 0 <= table.cursor_row < len(self.standings):
            return None
        return self.standings[table.cursor_row]

    def action_joined(self) -> None:
        chosen, class_name = self._selected(), self.class_name
        if chosen is None or class_name is None:
            return
        joined = not chosen.joined
        self.write(lambda: invites.set_joined(self.kiosk, class_name, chosen.household, self.user.id, joined=joined),
                   lambda _i: self._after_joined(chosen, joined))

    def _after_joined(self, chosen: Standing, joined: bool) -> None:
        text = _("{names}: joined") if joined else _("{names}: not joined")
        self.notify(text.format(names=chosen.household.names or chosen.household.pupils[0].full_name), markup=False)
        self.reload()

    def action_type_code(self) -> None:
        from kiosk.ui.screens.class_code import ClassCodeForm

        if self.class_name:
            self.app.push_screen(ClassCodeForm(self.class_name), lambda _code: self.reload())

    def action_new_code(self) -> None:
        class_name = self.class_name
        if class_name is None:
            return
        question = _("Make a new code for class {class_name}? The old code stops working in the class app once "
                     "you enter the new one there; letters with the old code are then outdated.").format(
            class_name=class_name)

        def answered(yes: bool | None) -> None:
            if yes:
                self.write(lambda: invites.set_code(self.kiosk, class_name, self.user.id), self._after_new_code)

        self.app.push_screen(ConfirmScreen(question), answered)

    def _after_new_code(self, code: ClassCode) -> None:
        self.notify(_("New code for class {class_name}: {code}. Enter it in the class app.").format(
            class_name=code.class_name, code=grouped(code.code)), markup=False, timeout=30)
        self.reload()

    # -- letters, made in the background ---------------------------------------------------------
    def action_print(self, everyone: bool) -> None:
        class_name = self.class_name
        if class_name is None or self.printing:
            return
        self.reload()  # what another kiosk or the command line printed meanwhile counts
        chosen = None if everyone else [s.household for s in self.standings if s.needs_letter]
        if chosen == []:
            self.notify(_("Every household has a letter with the current code, or has joined."), markup=False)
            return
        prepared = self.attempt(lambda: (
            invites.prepare_letters(self.kiosk, class_name, self.user.id, only=chosen),
            invites.letters_path(self.kiosk, class_name)))  # a folder that cannot be made is said now
        if prepared is None:
            return
        job, out = prepared
        self.printing = True
        bar = self.query_one(ProgressBar)
        bar.update(total=len(job.households), progress=0)
        bar.display = True
        self.refresh_bindings()
        # the app's worker, not the screen's: the letters are saved even when the screen is
        # closed or the kiosk locks meanwhile
        app, kiosk, who = self.kiosk_app, self.kiosk, self.user.id

        def make() -> None:
            try:
                payload = invites.render_letters(job, lambda done, _total: app.call_from_thread(self._progress, done))
            finally:
                app.call_from_thread(self._done_printing)
            app.call_from_thread(save_letters, app, lambda: invites.save_letters(kiosk, job, payload, out, who),
                                 len(job.households))

        app.run_worker(make, thread=True, group="letters", exit_on_error=False)

    def _progress(self, done: int) -> None:
        if self.is_mounted:
            self.query_one(ProgressBar).update(progress=done)

    def _done_printing(self) -> None:
        self.printing = False
        if self.is_mounted:
            self.query_one(ProgressBar).display = False
            self.refresh_bindings()


def save_letters(app: KioskApp, save: Callable[[], Path], count: int) -> None:
    """On the app's thread once the PDF is made, whichever screen shows now: saved and said,
    or the refusal said (nothing saved)."""

    def show_error(text: str) -> None:
        app.notify(text, severity="error", markup=False, timeout=30)

    def attempt() -> Path | None:
        try:
            return save()
        except StoreBusy:
            raise  # write_or_wait waits for the other kiosk
        except KioskError as exc:
            if not app.report_damage(exc):
                show_error(str(exc))
            return None

    def saved(path: Path) -> None:
        app.notify(ngettext("{n} letter ready to print: {path}", "{n} letters ready to print: {path}", count)
                   .format(n=count, path=path), markup=False, timeout=30)

    write_or_wait(app, attempt, saved, show_error)
