"""KioskApp: the screens, the idle lock, the one data-changed broadcast and the palette."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Iterable
from functools import cached_property
from typing import TYPE_CHECKING, Any

from textual import events, work
from textual.app import App, SystemCommand
from textual.command import CommandPalette
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.signal import Signal
from textual.worker import Worker, WorkerState

from kiosk.config import Config
from kiosk.domain.auth import ScreenGuard
from kiosk.domain.models import Staff
from kiosk.domain.text import printable
from kiosk.errors import CorruptFile, KioskError, StoreBusy
from kiosk.i18n import N_, _
from kiosk.services.context import Kiosk
from kiosk.ui.actions import KioskAction, bindings
from kiosk.ui.base import translate_bindings, write_or_wait
from kiosk.ui.screens.login import LoginScreen
from kiosk.ui.screens.store_error import StoreErrorScreen
from kiosk.ui.undo import UndoStep

if TYPE_CHECKING:
    from kiosk.services.pupils import PupilFinder
    from kiosk.services.sms import Reader

APP_ACTIONS = (
    KioskAction("ctrl+l", "lock", N_("Lock"), N_("Lock the screen now"), priority=True),
    KioskAction("ctrl+z", "undo", N_("Undo"), N_("Take back the last entry"), priority=True),
)
MAINTENANCE_DELAY = 1.0  # seconds
LOCK_WAIT_SECONDS = 0.3
"""The screens wait this long for another kiosk's save before showing that they wait."""
TERMINAL_CHECK_SECONDS = 2.0
HANGUP_EXIT = 129  # as if ended by SIGHUP (128 + 1), the signal that did not reach it
HIDDEN_SYSTEM_COMMANDS = {"Screenshot", "Theme"}  # a screenshot file would leak pupil data
# Textual's own palette entries and footer label, in the kiosk's language.
TEXTUAL_STRINGS = (
    N_("Keys"), N_("Show help for the focused widget and a summary of available keys"),
    N_("Hide the keys and widget help panel"), N_("Maximize"), N_("Maximize the focused widget"),
    N_("Minimize"), N_("Minimize the widget and restore to normal size"), N_("Quit"),
    N_("Quit the application as soon as possible"), N_("palette"), N_("Open the command palette"),
)


class KioskApp(App[None]):
    CSS_PATH = "styles/app.tcss"
    BINDINGS = bindings(APP_ACTIONS)
    ENABLE_COMMAND_PALETTE = True
    # Screens get -narrow below 100 columns and -short below 30 lines (a classic 80×24
    # terminal): the keypad and the school's name make way for what the screen is for.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]

    def __init__(self, kiosk: Kiosk, *, idle_check_seconds: float = 5.0, watch_seconds: float = 1.0,
                 maintenance_on_start: bool = True) -> None:
        super().__init__()
        translate_bindings(self)
        self.kiosk = kiosk
        kiosk.store.lock.limit_waiting(LOCK_WAIT_SECONDS)  # never freeze the screen: see write_or_wait
        self.user: Staff | None = None
        security = kiosk.config.security
        self.pin_guard = ScreenGuard(security.max_pin_attempts_per_screen,
                                     dt.timedelta(minutes=security.lockout_minutes))
        """Wrong PINs on this screen (this browser tab or terminal), for any name."""
        self.undo_stack: list[UndoStep] = []
        self.drafts: dict[str, Any] = {}
        """Half-typed notes by staff id (ui.screens.note.Draft), kept over a lock."""
        """This session's entries that ctrl+z can take back, newest last."""
        self.data_changed: Signal[object] = Signal(self, "data-changed")
        """Published when any data file changed, here or on another kiosk."""
        self._data_version: object = None
        self.title = kiosk.config.school.name
        self._idle_check_seconds = idle_check_seconds
        self._watch_seconds = watch_seconds
        self._maintenance_on_start = maintenance_on_start
        self._last_activity = kiosk.clock.monotonic()
        self.theme = "textual-light"  # set before mount: a later change restyles everything

    @cached_property
    def sms_reader(self) -> Reader:
        from kiosk.services.sms import Reader  # not needed for the login screen

        return Reader(self.kiosk)

    @cached_property
    def finder(self) -> PupilFinder:
        from kiosk.services.pupils import PupilFinder  # not needed for the login screen

        return PupilFinder(self.kiosk)

    def _fatal_error(self) -> None:
        """A bug must not print a traceback with local variables: they can hold pupil data."""
        from rich.segment import Segments
        from rich.text import Text

        self.bell()
        error = self._exception
        line = _("The kiosk stopped on an unexpected error ({kind}). Nothing was saved halfway; "
                 "start it again.").format(kind=type(error).__name__ if error else "?")
        self._exit_renderables.append(Segments(self.console.render(Text(line), self.console.options)))
        self._close_messages_no_wait()

    # -- start -----------------------------------------------------------------------
    def get_default_screen(self) -> Screen[None]:
        """The login screen is the bottom of the stack; everything else goes on top of it."""
        try:
            self.kiosk.check_readable()
        except CorruptFile as exc:
            return StoreErrorScreen(exc)
        return LoginScreen()

    def on_mount(self) -> None:
        if not self.is_headless and not self.is_web and _terminal_alive():
            self.set_interval(TERMINAL_CHECK_SECONDS, self.quit_if_terminal_gone)
        if not isinstance(self.screen, LoginScreen):
            return
        self.set_interval(self._idle_check_seconds, self.lock_if_idle)
        self.set_interval(self._watch_seconds, self.watch_store)
        if self._maintenance_on_start:
            # after the login screen is up: checking ten years of files must not delay it
            self.set_timer(MAINTENANCE_DELAY, self.start_maintenance)

    def quit_if_terminal_gone(self) -> None:
        """A terminal window closed or a remote line dropped without a hangup signal reaching
        the kiosk (started by `make run`, make's process group keeps it): Textual would go on
        reading the closed terminal at full speed. Not `exit()`: Textual's output thread has
        died on the closed terminal, and its shutdown would wait forever to write. Ending the
        process here is safe: every save is atomic and durable (as after a power cut), and
        nobody is left to see a half-typed form."""
        if not _terminal_alive():
            os._exit(HANGUP_EXIT)

    @work(thread=True, exclusive=True, group="maintenance", exit_on_error=False)
    def start_maintenance(self) -> None:
        """Check every data file, then take the day's first backup; off the event loop.
        A failure ends in `on_worker_state_changed`, like every worker's."""
        from kiosk.services import maintenance

        maintenance.check_or_raise(self.kiosk)
        maintenance.daily_backup(self.kiosk, verified=True)

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Every toast shows its text literally and harmlessly: it often holds names."""
        super().notify(printable(message, multiline=True), title=printable(title), severity=severity,
                       timeout=timeout, markup=False)

    # -- one place for refusals, damage and failed background work ----------------------
    def report_damage(self, exc: KioskError) -> bool:
        """A damaged file stops the kiosk (True); anything else is for the caller to show."""
        if isinstance(exc, CorruptFile):
            self.show_damaged(exc)
            return True
        return False

    def report(self, exc: KioskError) -> None:
        if not self.report_damage(exc):
            self.notify(str(exc), severity="error", markup=False, timeout=10)

    def show_damaged(self, exc: CorruptFile) -> None:
        """A damaged file stops the kiosk with the file and the backup named: never a reset."""
        self.user = None
        self.undo_stack.clear()
        if not isinstance(self.screen, StoreErrorScreen):
            self.push_screen(StoreErrorScreen(exc))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        self.worker_changed(event)

    def worker_changed(self, event: Worker.StateChanged) -> None:
        """Every worker's failure ends here (screens forward theirs): shown, never dropped."""
        if event.state is not WorkerState.ERROR:
            return
        error = event.worker.error
        if isinstance(error, KioskError):
            self.report(error)
        elif isinstance(error, OSError):
            self.notify(_("Background work failed: {error}. Nothing was changed; try again, or "
                          "ask for help if it keeps failing.").format(error=error.strerror or error),
                        severity="error", timeout=60, markup=False)
        else:
            self.notify(_("Background work stopped on an unexpected error ({kind}).").format(
                kind=type(error).__name__), severity="error", timeout=60, markup=False)

    # -- data changed ------------------------------------------------------------------
    def watch_store(self) -> None:
        """One watcher for every screen (every `watch_seconds`, a stat of each data file):
        publish when a data file changed on disk."""
        try:
            version = self.kiosk.data_version()
        except OSError:
            return
        if version != self._data_version:
            self._data_version = version
            self.data_changed.publish(version)

    def announce_change(self) -> None:
        """Called after saving here: screens redraw at once instead of at the next tick."""
        self.watch_store()

    # -- session -----------------------------------------------------------------------
    def start_session(self, staff: Staff) -> None:
        from kiosk.ui.screens.home import HomeScreen  # not needed to show the login screen

        self.user = staff
        self.touch()
        self.push_screen(HomeScreen())
        draft = self.drafts.pop(staff.id, None)
        if draft is not None:
            self._offer_draft(draft)

    # -- a half-typed note survives the lock, for its author only (in memory, never on disk) -----
    def keep_drafts(self, user: Staff) -> None:
        for screen in self.screen_stack:
            unsaved = getattr(screen, "unsaved", None)
            draft = unsaved() if callable(unsaved) else None
            if draft is not None:
                self.drafts[user.id] = draft

    def _offer_draft(self, draft: Any) -> None:
        from kiosk.ui.feedback import show_saved
        from kiosk.ui.screens.note import NoteScreen
        from kiosk.ui.widgets.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes:
                self.push_screen(NoteScreen(draft.pupil, draft), lambda result: show_saved(self, result))

        question = _("The screen locked while you were noting a conversation about {name}. Continue it?").format(
            name=draft.pupil.full_name)
        self.push_screen(ConfirmScreen(question), answered)

    def remember(self, step: UndoStep) -> None:
        self.undo_stack.append(step)

    def action_undo(self) -> None:
        user = self.user
        if not self.undo_stack or user is None:
            return
        step = self.undo_stack[-1]

        def undo() -> int | None:
            try:
                return step.undo(user.id)
            except StoreBusy:
                raise
            except KioskError as exc:  # kept on the list: it can be tried again
                self.report(exc)
                return None

        def undone(removed: int) -> None:
            if self.undo_stack and self.undo_stack[-1] is step:
                self.undo_stack.pop()
            if removed:
                self.notify(_("Undone: {what}").format(what=step.label))
            else:
                self.notify(_("Nothing to undo: {what} was already removed").format(what=step.label),
                            severity="warning")
            self.announce_change()

        write_or_wait(self, undo, undone, lambda text: self.notify(text, severity="error"))

    async def action_lock(self) -> None:
        """Back to the login screen; nothing of the previous user stays on screen."""
        if self.user is not None:
            self.keep_drafts(self.user)
        self.user = None
        self.undo_stack.clear()
        self.clear_notifications()
        while len(self.screen_stack) > 1 and not isinstance(self.screen, LoginScreen):
            await self.pop_screen()
        if isinstance(self.screen, LoginScreen):
            self.screen.reset()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "lock":
            return self.user is not None
        if action == "undo":
            return self.user is not None and bool(self.undo_stack)
        if action == "quit":  # not from the login screen: a passer-by must not get the desktop
            return self.user is not None or isinstance(self.screen, StoreErrorScreen)
        return True

    # -- idle lock ---------------------------------------------------------------------
    def touch(self) -> None:
        self._last_activity = self.kiosk.clock.monotonic()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.MouseDown | events.MouseScrollDown
                      | events.MouseScrollUp | events.Paste):
            self.touch()
        await super().on_event(event)

    def lock_if_idle(self) -> None:
        idle = self.kiosk.clock.monotonic() - self._last_activity
        if self.user is not None and idle >= self.kiosk.config.security.idle_lock_minutes * 60:
            self.keep_drafts(self.user)
            self.user = None  # at once, so that the next tick does not queue a second lock
            self.call_later(self.action_lock)

    # -- command palette ---------------------------------------------------------------
    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(CommandPalette(id="--command-palette", placeholder=_("Search for commands…")))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            if command.title not in HIDDEN_SYSTEM_COMMANDS and (
                    command.title != "Quit" or self.check_action("quit", ())):
                yield SystemCommand(_(command.title), _(command.help), command.callback,
                                    command.discover)
        owners: tuple[tuple[App[None] | Screen[object], tuple[KioskAction, ...]], ...] = (
            (screen, getattr(screen, "ACTIONS", ())), (self, APP_ACTIONS))
        for owner, actions in owners:
            for action in actions:
                if owner.check_action(action.action, ()):
                    yield SystemCommand(_(action.label), _(action.help), _runner(owner, action.action))


def _terminal_alive() -> bool:
    """The kiosk's input is a terminal that is still there (a hung-up one has no foreground
    process group to give)."""
    stdin = sys.__stdin__
    try:
        return stdin is not None and os.tcgetpgrp(stdin.fileno()) > 0
    except (OSError, ValueError):  # not a terminal, hung up, or closed
        return False


def _runner(owner: App[None] | Screen[object], action: str) -> Callable[[], object]:
    async def run() -> None:
        await owner.run_action(action)

    return run


def run(config: Config) -> int:
    KioskApp(Kiosk.open(config)).run()
    return 0
