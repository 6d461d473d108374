"""The pupil picker: letters, ranked matches, arrows, Enter; names shown literally."""

from __future__ import annotations

from textual.widgets import OptionList, Static

from kiosk.domain.models import Pupil
from kiosk.ui.screens.absence_dialog import AbsenceDialog
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screens.pupil_card import PupilCardScreen
from kiosk.ui.widgets.pupil_picker import PupilPicker
from tests.ui.conftest import session, tap


async def test_type_arrows_enter_opens_the_pupil(app):
    async with session(app) as pilot:
        target = sorted(app.kiosk.repos.pupils.all(), key=lambda p: p.last_name)[0]
        await pilot.press(*target.last_name.lower()[:6])
        picker = app.screen.query_one(PupilPicker)
        assert target in picker.items
        index = picker.items.index(target)
        await pilot.press(*["down"] * index, "enter")
        assert isinstance(app.screen, AbsenceDialog)
        assert app.screen.pupil == target
        await pilot.press("i")
        assert isinstance(app.screen, PupilCardScreen) and app.screen.pupil == target
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, HomeScreen)


async def test_class_search_lists_the_class(app):
    async with session(app) as pilot:
        class_name = app.kiosk.repos.pupils.all()[0].class_name
        await pilot.press(*class_name.lower())
        picker = app.screen.query_one(PupilPicker)
        in_class = [p for p in app.kiosk.repos.pupils.all() if p.class_name == class_name]
        assert picker.items[: len(in_class)] == sorted(
            picker.items[: len(in_class)], key=lambda p: (p.last_name.casefold(), p.first_name.casefold()))
        assert {p.class_name for p in picker.items[: len(in_class)]} == {class_name}


async def test_markup_in_names_is_shown_literally_and_does_nothing(app):
    app.kiosk.repos.pupils.save_many([Pupil("X1", "[bold]Jan[/]", "[@click=app.quit]x[/]", "3B")])
    async with session(app) as pilot:
        await pilot.press(*"[bold]jan")
        options = app.screen.query_one("#picker .search-matches", OptionList)
        assert "[bold]Jan[/] [@click=app.quit]x[/]" in str(options.get_option_at_index(0).prompt)
        await pilot.press("enter", "i")
        card = app.screen.query_one("#card-name", Static)
        assert str(card.render()).startswith("[bold]Jan[/] [@click=app.quit]x[/]")
        await tap(pilot, "#card-name")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, PupilCardScreen)


async def test_picker_sees_a_roster_change_from_another_process(app, kiosk, config):
    from kiosk.services.context import Kiosk
    from kiosk.store import Store

    other = Kiosk(config, Store(config.data_dir), kiosk.clock)
    async with session(app) as pilot:
        other.repos.pupils.save_many([Pupil("NEW", "Quirina", "Dauwveld", "2A")])
        await pilot.press(*"quir")
        assert [p.id for p in app.screen.query_one(PupilPicker).items] == ["NEW"]
