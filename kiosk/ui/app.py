"""KioskApp: the screens, the idle lock and the command palette."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property
from typing import TYPE_CHECKING

from textual import events, work
from textual.app import App, SystemCommand
from textual.screen import Screen

from kiosk.config import Config
from kiosk.domain.models import Absence, LateArrival, Staff
from kiosk.errors import KioskError
from kiosk.i18n import _
from kiosk.services.context import Kiosk
from kiosk.store import CorruptFile
from kiosk.ui.actions import KioskAction, bindings
from kiosk.ui.messages import DataChanged
from kiosk.ui.screens.login import LoginScreen
from kiosk.ui.screens.store_error import StoreErrorScreen

if TYPE_CHECKING:
    from kiosk.services.pupils import PupilFinder

APP_ACTIONS = (
    KioskAction("ctrl+l", "lock", _("Lock"), _("Lock the screen now"), priority=True),
    KioskAction("ctrl+z", "undo", _("Undo"), _("Take back the last entry"), priority=True),
)
MAINTENANCE_DELAY = 1.0  # seconds
HIDDEN_SYSTEM_COMMANDS = {"Screenshot", "Theme"}  # a screenshot file would leak pupil data


class KioskApp(App[None]):
    CSS_PATH = "kiosk.tcss"
    BINDINGS = bindings(APP_ACTIONS)
    ENABLE_COMMAND_PALETTE = True

    def __init__(self, kiosk: Kiosk, *, idle_check_seconds: float = 5.0,
                 maintenance_on_start: bool = True) -> None:
        super().__init__()
        self.kiosk = kiosk
        self.user: Staff | None = None
        self.undo_stack: list[tuple[str, list[Absence | LateArrival]]] = []
        """(what it was, entries) of this session, newest last."""
        self.title = kiosk.config.school.name
        self._idle_check_seconds = idle_check_seconds
        self._maintenance_on_start = maintenance_on_start
        self._last_activity = kiosk.clock.monotonic()
        self.theme = "textual-light"  # set before mount: a later change restyles everything

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
    def get_default_screen(self) -> Screen:
        """The login screen is the bottom of the stack; everything else goes on top of it."""
        try:
            self.kiosk.store.check_readable()
        except CorruptFile as exc:
            return StoreErrorScreen(exc)
        return LoginScreen()

    def on_mount(self) -> None:
        if not isinstance(self.screen, LoginScreen):
            return
        self.set_interval(self._idle_check_seconds, self.lock_if_idle)
        if self._maintenance_on_start:
            # after the login screen is up: checking ten years of files must not delay it
            self.set_timer(MAINTENANCE_DELAY, self.start_maintenance)

    @work(thread=True, exclusive=True, group="maintenance", exit_on_error=False)
    def start_maintenance(self) -> None:
        """Check every data file, then take the day's first backup; off the event loop."""
        from kiosk.services import maintenance

        problems = maintenance.check(self.kiosk)
        if problems:
            first = problems[0]
            damaged = CorruptFile(first.path, first.reason, maintenance.latest_backup(self.kiosk))
            self.call_from_thread(self.show_damaged, damaged)
            return
        try:
            maintenance.daily_backup(self.kiosk, verified=True)
        except CorruptFile as exc:  # damaged between the check and the backup
            self.call_from_thread(self.show_damaged, exc)
        except OSError as exc:  # a full disk: the kiosk goes on, the head is told
            self.call_from_thread(self.notify, _("The daily backup failed: {error}").format(
                error=exc.strerror or exc), severity="error", timeout=60, markup=False)

    def report(self, exc: KioskError) -> None:
        """A refused or failed action: a damaged file stops the kiosk, anything else is shown."""
        if isinstance(exc, CorruptFile):
            self.show_damaged(exc)
        else:
            self.notify(str(exc), severity="error", markup=False)

    def show_damaged(self, exc: CorruptFile) -> None:
        """A damaged file stops the kiosk with the file and the backup named: never a reset."""
        self.user = None
        self.undo_stack.clear()
        self.push_screen(StoreErrorScreen(exc))

    # -- session -----------------------------------------------------------------------
    def start_session(self, staff: Staff) -> None:
        from kiosk.ui.screens.home import HomeScreen  # not needed to show the login screen

        self.user = staff
        self.touch()
        self.push_screen(HomeScreen(staff))

    def remember(self, label: str, entries: list[Absence | LateArrival]) -> None:
        self.undo_stack.append((label, entries))

    def action_undo(self) -> None:
        if not self.undo_stack or self.user is None:
            return
        from kiosk.services import absences

        label, entries = self.undo_stack[-1]
        try:
            removed = absences.undo(self.kiosk, entries, self.user.id)
        except KioskError as exc:  # kept on the list: it can be tried again
            self.report(exc)
            return
        self.undo_stack.pop()
        if removed:
            self.notify(_("Undone: {what}").format(what=label), markup=False)
        else:
            self.notify(_("Nothing to undo: {what} was already removed").format(what=label),
                        severity="warning", markup=False)
        self.screen.post_message(DataChanged())

    async def action_lock(self) -> None:
        """Back to the login screen; nothing of the previous user stays on screen."""
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
            self.user = None  # at once, so that the next tick does not queue a second lock
            self.call_later(self.action_lock)

    # -- command palette ---------------------------------------------------------------
    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for command in super().get_system_commands(screen):
            if command.title not in HIDDEN_SYSTEM_COMMANDS and (
                    command.title != "Quit" or self.check_action("quit", ())):
                yield command
        for owner in (screen, self):
            for action in getattr(owner, "ACTIONS", APP_ACTIONS if owner is self else ()):
                if owner.check_action(action.action, ()):
                    yield SystemCommand(action.label, action.help,
                                        lambda o=owner, a=action: o.run_action(a.action))


def run(config: Config) -> int:
    KioskApp(Kiosk.open(config)).run()
    return 0
