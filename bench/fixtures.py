"""Demo schools for the benchmarks, built with the same generator as `kiosk demo`."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from kiosk.clock import FixedClock
from kiosk.config import load_config
from kiosk.services.context import Kiosk
from kiosk.services.demo import build_demo
from kiosk.store import Store

NOW = dt.datetime(2026, 11, 23, 8, 20)
PUPILS = 2000


def make_school(root: Path, years: int, pupils: int = PUPILS) -> Path:
    """Returns the config.toml of a fresh demo school in `root`."""
    root.mkdir(parents=True, exist_ok=True)
    config_path = root / "config.toml"
    config_path.write_text('[school]\nname = "Bench school"\ndata_dir = "data"\n', encoding="utf-8")
    config = load_config(config_path)
    kiosk = Kiosk(config, Store(config.data_dir), FixedClock(NOW))
    build_demo(kiosk, pupils=pupils, years=years, seed=42)
    return config_path


def open_school(config_path: Path) -> Kiosk:
    config = load_config(config_path)
    return Kiosk(config, Store(config.data_dir), FixedClock(NOW))


def workdir() -> Path:
    return Path(tempfile.mkdtemp(prefix="kiosk-bench-"))
