"""Writer processes for the multi-process store tests; run as `python -m tests.store.workers MODE ...`.

Not a test module: the tests start it with `subprocess` so that each writer is a real OS
process with its own Store, its own caches and its own lock file descriptor.

Modes:
  late DATA_DIR BARRIER_DIR NAME COUNT       COUNT late arrivals, one transaction each
  audit DATA_DIR BARRIER_DIR NAME COUNT      COUNT audit entries through Kiosk.audit
  increment DATA_DIR BARRIER_DIR NAME COUNT  COUNT read-modify-write increments of one staff record
  forever DATA_DIR                           prints "ready", then writes until killed
  die-between DATA_DIR                       one transaction over two files, killed (SIGKILL)
                                             by itself right after the first of its two renames

Every mode prints one line per record after its transaction returned (flushed at once):
that line is the acknowledgement the parent relies on.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
import time
from pathlib import Path

from kiosk.clock import FixedClock
from kiosk.config import Config
from kiosk.domain.models import LateArrival, Role, Staff, new_id
from kiosk.services.context import Kiosk
from kiosk.store import Store
from kiosk.store.repo import Repos

DAY = dt.date(2026, 11, 23)
START_YEAR = 2026
COUNTER_ID = "counter"


def wait_for_barrier(barrier: Path, name: str) -> None:
    """Say we are ready, then wait for the parent's "go" so all writers start together."""
    (barrier / f"ready-{name}").touch()
    go = barrier / "go"
    deadline = time.monotonic() + 60  # a guard against hanging forever, not a measurement
    while not go.exists():
        if time.monotonic() > deadline:
            raise SystemExit(f"{name}: no go signal")
        time.sleep(0.0005)


def ack(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def run_lates(data_dir: Path, name: str, count: int) -> None:
    repos = Repos(Store(data_dir))
    for number in range(count):
        late = LateArrival(pupil_id=f"P-{name}", date=DAY, time=dt.time(8, 40), reason=str(number),
                           by_staff=name)
        repos.lates.add(late)
        ack(late.id)


def run_audit(data_dir: Path, name: str, count: int) -> None:
    kiosk = Kiosk(Config(), Store(data_dir), FixedClock(dt.datetime(2026, 11, 23, 8, 20)))
    for number in range(count):
        kiosk.audit(name, "concurrency-test", str(number))
        ack(f"{name}:{number}")


def run_increment(data_dir: Path, name: str, count: int) -> None:
    store = Store(data_dir)
    repos = Repos(store)
    for number in range(count):
        with store.transaction():
            counter = repos.staff.get(COUNTER_ID)
            assert counter is not None
            repos.staff.save(dataclasses.replace(counter, failed_attempts=counter.failed_attempts + 1))
        ack(f"{name}:{number}")


def run_forever(data_dir: Path) -> None:
    """Each transaction touches both files: a late arrival (year file) and a staff member
    (school.json) with the same id. Acknowledged means both must survive a SIGKILL."""
    store = Store(data_dir)
    repos = Repos(store)
    ack("ready")
    while True:
        record_id = new_id()
        with store.transaction():
            repos.lates.add(LateArrival(pupil_id="P-crash", date=DAY, time=dt.time(8, 45), id=record_id))
            repos.staff.save(Staff(id=record_id, name=f"Crash {record_id}", role=Role.TEACHER))
        ack(record_id)


def run_die_between(data_dir: Path) -> None:
    import os
    import signal

    from kiosk.store import storage

    real = storage.commit_temp

    def commit_then_die(tmp: Path, path: Path) -> None:
        real(tmp, path)
        os.kill(os.getpid(), signal.SIGKILL)

    storage.commit_temp = commit_then_die  # type: ignore[assignment]
    store = Store(data_dir)
    repos = Repos(store)
    with store.transaction():
        repos.lates.add(LateArrival(pupil_id="P-between", date=DAY, time=dt.time(8, 45), id="between"))
        repos.staff.save(Staff(id="between", name="Between", role=Role.TEACHER))
    ack("not reached")


def main(argv: list[str]) -> None:
    mode, data_dir = argv[0], Path(argv[1])
    if mode == "forever":
        run_forever(data_dir)
        return
    if mode == "die-between":
        run_die_between(data_dir)
        return
    barrier, name, count = Path(argv[2]), argv[3], int(argv[4])
    runner = {"late": run_lates, "audit": run_audit, "increment": run_increment}[mode]
    wait_for_barrier(barrier, name)
    runner(data_dir, name, count)


if __name__ == "__main__":
    main(sys.argv[1:])
