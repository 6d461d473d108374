"""Time as the kiosk sees it; tests inject a FixedClock."""

from __future__ import annotations

import datetime as dt
import time
from typing import Protocol


class Clock(Protocol):
    def now(self) -> dt.datetime: ...

    def monotonic(self) -> float: ...


class SystemClock:
    def now(self) -> dt.datetime:
        return dt.datetime.now().replace(microsecond=0)

    def monotonic(self) -> float:
        return time.monotonic()


class FixedClock:
    """A clock that only moves when told to."""

    def __init__(self, now: dt.datetime) -> None:
        self._now = now
        self._monotonic = 1000.0

    def now(self) -> dt.datetime:
        return self._now

    def monotonic(self) -> float:
        return self._monotonic

    def advance(self, **delta: float) -> None:
        step = dt.timedelta(**delta)
        self._now += step
        self._monotonic += step.total_seconds()


class StartedClock:
    """A clock set to another moment that runs on from there, like a wall clock."""

    def __init__(self, start: dt.datetime) -> None:
        self._start = start
        self._started = time.monotonic()

    def now(self) -> dt.datetime:
        return (self._start + dt.timedelta(seconds=time.monotonic() - self._started)).replace(microsecond=0)

    def monotonic(self) -> float:
        return time.monotonic()


def clock_from_env() -> Clock:
    """KIOSK_NOW=2026-11-23T08:20 sets the kiosk's clock to that moment, and it runs on from
    there (the idle lock too): for tests and for trying out what the kiosk does on another
    day. Without it, the system clock."""
    import os

    frozen = os.environ.get("KIOSK_NOW")
    if not frozen:
        return SystemClock()
    try:
        return StartedClock(dt.datetime.fromisoformat(frozen))
    except ValueError:
        from kiosk.errors import ConfigError

        raise ConfigError(f"KIOSK_NOW={frozen!r} is not a date and time like 2026-11-23T08:20") from None
