"""A damaged data file: the app names it and the latest backup, and changes nothing."""

from __future__ import annotations

from textual.widgets import Static

from kiosk.services import maintenance
from kiosk.services.context import Kiosk
from kiosk.store import Store
from kiosk.ui import app as app_module
from kiosk.ui.app import KioskApp
from kiosk.ui.screens.store_error import StoreErrorScreen
from tests.ui.conftest import wait_until


async def test_truncated_school_file_shows_file_and_backup(kiosk, config, clock):
    backup = maintenance.make_backup(kiosk, "test")
    school = config.data_dir / "school.json"
    damaged = school.read_bytes()[:100]
    school.write_bytes(damaged)
    app = KioskApp(Kiosk(config, Store(config.data_dir), clock), maintenance_on_start=False)
    async with app.run_test() as pilot:
        assert isinstance(app.screen, StoreErrorScreen)
        texts = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert str(school) in texts
        assert str(backup) in texts and f"kiosk restore {backup.name}" in texts
        await pilot.press("ctrl+l", "enter", "1")
        assert isinstance(app.screen, StoreErrorScreen)
    assert school.read_bytes() == damaged


async def test_damaged_year_file_is_reported_at_start(kiosk, config, clock, monkeypatch):
    monkeypatch.setattr(app_module, "MAINTENANCE_DELAY", 0.01)
    year_file = sorted((config.data_dir / "years").glob("*.json"))[0]
    year_file.write_bytes(b"{not json")
    app = KioskApp(Kiosk(config, Store(config.data_dir), clock))
    async with app.run_test() as pilot:
        assert await wait_until(pilot, lambda: isinstance(app.screen, StoreErrorScreen))
        await pilot.pause()
        assert str(year_file) in " ".join(str(w.render()) for w in app.screen.query(Static))
    assert year_file.read_bytes() == b"{not json"


async def test_login_on_a_damaged_year_file_shows_the_error_screen(kiosk, config, clock):
    app = KioskApp(Kiosk(config, Store(config.data_dir), clock), maintenance_on_start=False)
    async with app.run_test() as pilot:
        year_file = config.data_dir / "years" / "2026-2027.json"
        year_file.write_bytes(year_file.read_bytes()[:500])  # damaged while the kiosk runs
        await pilot.press(*"greet", "enter", *"1111", "enter")
        await pilot.pause()
        assert isinstance(app.screen, StoreErrorScreen)
        assert app.user is None


async def test_a_bad_record_shows_the_damage_screen_not_a_crash(kiosk, config, clock):
    import orjson

    school = config.data_dir / "school.json"
    data = orjson.loads(school.read_bytes())
    first = next(iter(data["staff"]))
    data["staff"][first]["role"] = 42  # not a role
    school.write_bytes(orjson.dumps(data))
    app = KioskApp(Kiosk(config, Store(config.data_dir), clock), maintenance_on_start=False)
    async with app.run_test() as pilot:
        assert await wait_until(pilot, lambda: isinstance(app.screen, StoreErrorScreen))
        texts = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert str(school) in texts and f"record {first}" in texts
        assert app.is_running
