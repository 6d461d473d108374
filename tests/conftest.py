"""Shared fixtures: an invented school built by the same generator as `kiosk demo`."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk import i18n
from kiosk.clock import FixedClock
from kiosk.config import Config, load_config
from kiosk.services.context import Kiosk
from kiosk.services.demo import build_demo
from kiosk.store import Store

i18n.set_language("nl")

# Monday 23 November 2026, 8:20: the gate is open.
MONDAY_MORNING = dt.datetime(2026, 11, 23, 8, 20)
DEMO_PUPILS = 60


def write_config(directory: Path, *, language: str = "nl", extra: str = "") -> Path:
    path = directory / "config.toml"
    path.write_text(
        "[school]\n"
        'name = "Basisschool Het Testbos"\n'
        f'language = "{language}"\n'
        'data_dir = "data"\n'
        f"{extra}",
        encoding="utf-8",
    )
    return path


@pytest.fixture(autouse=True)
def dutch() -> Iterator[None]:
    """Every test starts and ends in the kiosk's default language, whatever it switched to."""
    i18n.set_language("nl")
    yield
    i18n.set_language("nl")


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(MONDAY_MORNING)


@pytest.fixture
def config(tmp_path: Path) -> Config:
    return load_config(write_config(tmp_path))


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One small demo school per test run; each test gets its own copy."""
    root = tmp_path_factory.mktemp("demo")
    config = load_config(write_config(root))
    kiosk = Kiosk(config, Store(config.data_dir), FixedClock(MONDAY_MORNING))
    build_demo(kiosk, pupils=DEMO_PUPILS, years=2, seed=7)
    return config.data_dir


@pytest.fixture
def kiosk(config: Config, clock: FixedClock, demo_template: Path) -> Kiosk:
    shutil.copytree(demo_template, config.data_dir, dirs_exist_ok=True)
    return Kiosk(config, Store(config.data_dir), clock)


@pytest.fixture
def empty_kiosk(config: Config, clock: FixedClock) -> Kiosk:
    return Kiosk(config, Store(config.data_dir), clock)
