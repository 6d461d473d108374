"""Staff, for the head: who is locked out after wrong PINs (unlock at once), and who left
(disabled: no login, but their name stays in the history)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Static

from kiosk.domain.auth import is_locked
from kiosk.domain.models import Staff
from kiosk.i18n import N_, _
from kiosk.services import staff as staff_service
from kiosk.services.labels import role_label
from kiosk.ui.actions import KioskAction, bindings
from kiosk.ui.base import KioskScreen
from kiosk.ui.text import literal, literal_cell
from kiosk.ui.widgets.action_bar import ActionBar
from kiosk.ui.widgets.confirm import ConfirmScreen

ACTIONS = (
    KioskAction("u", "unlock", N_("Unlock"), N_("Lift the wrong-PIN lock of the selected name")),
    KioskAction("x", "toggle_active", N_("Disable/enable"), N_("A colleague who left: no login, history kept")),
    KioskAction("escape", "app.pop_screen", N_("Back"), N_("Back to the home screen")),
)


class StaffScreen(KioskScreen[None]):
    CSS_PATH = ['../styles/tables.tcss', '../styles/touch.tcss']
    BINDINGS = bindings(ACTIONS)
    ACTIONS = ACTIONS

    def __init__(self) -> None:
        super().__init__()
        self.members: list[Staff] = []

    def compose(self) -> ComposeResult:
        yield Static(literal(_("Staff")), classes="title")
        yield DataTable(id="staff-table", cursor_type="row", zebra_stripes=True)
        yield ActionBar(ACTIONS, id="staff-actions")
        yield Footer()

    def on_mount(self) -> None:
        table: DataTable[object] = self.query_one(DataTable)
        table.add_columns(_("Name"), _("Role"), _("Classes"), _("Status"))
        self.reload()
        self.follow_data(self.reload)
        table.focus()

    def _status(self, member: Staff) -> str:
        if not member.active:
            return _("disabled")
        if is_locked(member, self.kiosk.clock.now()) and member.locked_until:
            return _("locked until {time}").format(time=f"{member.locked_until:%d/%m %H:%M}")
        return _("can log in")

    def reload(self) -> None:
        members = self.attempt(lambda: staff_service.list_staff(self.kiosk, include_inactive=True))
        if members is None:
            return
        table: DataTable[object] = self.query_one(DataTable)
        row = table.cursor_row
        self.members = members
        table.clear()
        for m in members:
            cells = (m.name, role_label(m.role.value), ", ".join(m.classes), self._status(m))
            table.add_row(*(literal_cell(c) for c in cells))
        if members:
            table.move_cursor(row=min(row, len(members) - 1))

    def _selected(self) -> Staff | None:
        row = self.query_one(DataTable).cursor_row
        return self.members[row] if 0 <= row < len(self.members) else None

    def action_unlock(self) -> None:
        member = self._selected()
        if member:
            self.write(lambda: staff_service.unlock(self.kiosk, member, self.user.id), self._unlocked)

    def _unlocked(self, member: Staff) -> None:
        self.notify(_("{name} can log in again.").format(name=member.name))
        self.kiosk_app.announce_change()

    def action_toggle_active(self) -> None:
        member = self._selected()
        if member is None or member.id == self.user.id:
            return
        question = (_("Disable {name}? They can no longer log in; their history stays.") if member.active
                    else _("Enable {name} again?")).format(name=member.name)

        def confirmed(yes: bool | None) -> None:
            if yes and member:
                self.write(lambda: staff_service.set_active(self.kiosk, member, not member.active, self.user.id),
                           lambda _changed: self.kiosk_app.announce_change())

        self.app.push_screen(ConfirmScreen(question), confirmed)
