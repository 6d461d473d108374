"""Class invitations with the real keys: a new code (asked first), the QR on screen decoded as
a phone would, a household ticked as joined and unticked, the letters made in the background."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from kiosk.domain.models import Role
from kiosk.i18n import _
from kiosk.services import invites
from kiosk.services.context import Kiosk
from kiosk.ui.screens.class_code import ClassCodeForm
from kiosk.ui.screens.class_qr import ClassQrScreen
from kiosk.ui.screens.invitations import InvitationsScreen
from kiosk.ui.widgets.confirm import ConfirmScreen
from tests.qr_util import draw_blocks, page_images, qr_texts
from tests.ui.conftest import HEAD_ID, session, wait_until
from tests.unit.test_invites_service import clear_invitations

LINK = "https://classapp.example/join?code="


@pytest.fixture(autouse=True)
def no_invitations_yet(kiosk: Kiosk) -> None:
    clear_invitations(kiosk)


def teacher(kiosk: Kiosk) -> tuple[str, str]:
    member = next(s for s in kiosk.repos.staff.all() if s.role == Role.TEACHER and s.classes)
    return member.id, member.classes[0]


def title(app) -> str:
    return str(app.screen.query_one("#invites-title", Static).render())


async def test_a_new_code_is_asked_first_and_its_qr_scans_from_the_screen(app, kiosk):
    who, class_name = teacher(kiosk)
    async with session(app, who) as pilot:
        await pilot.press("f5")
        assert isinstance(app.screen, InvitationsScreen)
        assert title(app).startswith(_("Class {class_name} · {code}").format(class_name=class_name, code=""))
        assert _("no code yet: t types the class app's code, n makes one") in title(app)
        await pilot.press("q")  # no code, no QR
        assert isinstance(app.screen, InvitationsScreen)
        await pilot.press("n")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # no: nothing changes
        assert invites.current_code(kiosk, class_name) is None
        await pilot.press("n", "y")
        assert await wait_until(pilot, lambda: invites.current_code(kiosk, class_name) is not None)
        code = invites.current_code(kiosk, class_name)
        assert code is not None
        assert await wait_until(pilot, lambda: code.code[:4] in title(app))
        await pilot.press("q")
        assert isinstance(app.screen, ClassQrScreen)
        lines = str(app.screen.query_one("#qr", Static).render()).splitlines()
        assert qr_texts(draw_blocks(lines)) == [LINK + code.code]
        await pilot.press("escape")
        assert isinstance(app.screen, InvitationsScreen)


async def test_the_code_from_the_class_app_is_typed_in_and_a_wrong_one_explained(app, kiosk):
    who, class_name = teacher(kiosk)
    async with session(app, who) as pilot:
        await pilot.press("f5", "t")
        assert isinstance(app.screen, ClassCodeForm)
        await pilot.press(*"K7QM-R4Z0", "enter")
        error = str(app.screen.query_one("#form-error", Static).render())
        assert "'0'" in error and invites.current_code(kiosk, class_name) is None
        await pilot.press("backspace", "D", "enter")
        assert await wait_until(pilot, lambda: isinstance(app.screen, InvitationsScreen))
        code = invites.current_code(kiosk, class_name)
        assert code is not None and code.code == "K7QMR4ZD"
        assert "K7QM R4ZD" in title(app)


async def test_a_household_is_ticked_as_joined_and_unticked(app, kiosk):
    who, class_name = teacher(kiosk)
    invites.set_code(kiosk, class_name, who)
    async with session(app, who) as pilot:
        await pilot.press("f5")
        table = app.screen.query_one(DataTable)
        await pilot.press("down")
        chosen = invites.standings(kiosk, class_name, who)[table.cursor_row].household

        def joined() -> bool:
            return any(s.joined for s in invites.standings(kiosk, class_name, who) if s.household == chosen)

        await pilot.press("j")
        assert await wait_until(pilot, joined)
        assert await wait_until(pilot, lambda: "1 " in str(app.screen.query_one("#invites-counts", Static).render()))
        await pilot.press("j")
        assert await wait_until(pilot, lambda: not joined())


async def test_the_letters_are_made_in_the_background_and_recorded(app, kiosk):
    class_name = invites.classes_for(kiosk, HEAD_ID)[0]
    code = invites.set_code(kiosk, class_name, HEAD_ID)
    async with session(app) as pilot:
        await pilot.press("f5")
        assert class_name in title(app)
        await pilot.press("p")
        assert await wait_until(pilot, lambda: not any(
            s.needs_letter for s in invites.standings(kiosk, class_name, HEAD_ID)))
        [made] = sorted(Path(kiosk.config.letters_dir).glob(f"*{class_name}*.pdf"))
        households = invites.households(kiosk, class_name)
        pages = page_images(made.read_bytes())
        assert len(pages) == len(households)
        assert qr_texts(pages[0]) == [LINK + code.code]
        assert made.stat().st_mode & 0o077 == 0, "owner-only"
        await pilot.press("p")  # nothing needed any more: said, nothing made
        await pilot.pause()
        assert len(list(Path(kiosk.config.letters_dir).glob("*.pdf"))) == 1


async def test_care_staff_see_why_there_is_nothing_to_do(app, kiosk):
    care = next(s for s in kiosk.repos.staff.all() if s.role == Role.CARE)
    async with session(app, care.id) as pilot:
        await pilot.press("f5")
        assert isinstance(app.screen, InvitationsScreen)
        assert title(app) == _("The class teacher, the head or the office hands out the class app's invitations.")
        await pilot.press("n", "q", "p")
        assert isinstance(app.screen, InvitationsScreen)


async def test_a_code_typed_over_the_current_one_is_asked_about_first(app, kiosk):
    who, class_name = teacher(kiosk)
    first = invites.set_code(kiosk, class_name, who, typed="K7QMR4ZD")
    async with session(app, who) as pilot:
        await pilot.press("f5", "t", *"K7QM-R4ZX", "enter")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # a typo, seen in time
        assert invites.current_code(kiosk, class_name) == first
        assert isinstance(app.screen, ClassCodeForm)
        await pilot.press("enter", "y")
        assert await wait_until(pilot, lambda: isinstance(app.screen, InvitationsScreen))
        new = invites.current_code(kiosk, class_name)
        assert new is not None and (new.code, new.version) == ("K7QMR4ZX", 2)


async def test_the_letters_are_saved_when_the_screen_is_left_while_they_are_made(app, kiosk):
    class_name = invites.classes_for(kiosk, HEAD_ID)[0]
    invites.set_code(kiosk, class_name, HEAD_ID)
    async with session(app) as pilot:
        await pilot.press("f5")
        assert await wait_until(pilot, lambda: isinstance(app.screen, InvitationsScreen))
        await pilot.press("a", "escape")  # back home at once
        assert not isinstance(app.screen, InvitationsScreen)
        assert await wait_until(pilot, lambda: list(Path(kiosk.config.letters_dir).glob("*.pdf")))
        assert await wait_until(pilot, lambda: not any(
            s.needs_letter for s in invites.standings(kiosk, class_name, HEAD_ID)))
