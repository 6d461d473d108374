"""KIOSK_NOW sets the clock to another moment; it runs on from there (the idle lock needs it)."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from kiosk.clock import StartedClock, clock_from_env
from kiosk.errors import ConfigError


def test_kiosk_now_starts_the_clock_there_and_it_runs_on(monkeypatch):
    monkeypatch.setenv("KIOSK_NOW", "2026-11-23T08:20")
    clock = clock_from_env()
    assert isinstance(clock, StartedClock)
    start = dt.datetime(2026, 11, 23, 8, 20)
    assert start <= clock.now() < start + dt.timedelta(minutes=1)
    before = clock.monotonic()
    monkeypatch.setattr(time, "monotonic", lambda: before + 300)  # five minutes later
    assert clock.monotonic() == before + 300
    assert start + dt.timedelta(minutes=5) <= clock.now() < start + dt.timedelta(minutes=6)


def test_a_kiosk_now_that_is_not_a_moment_is_refused(monkeypatch):
    monkeypatch.setenv("KIOSK_NOW", "gisteren")
    with pytest.raises(ConfigError, match="KIOSK_NOW"):
        clock_from_env()
