"""A writer killed with SIGKILL at any moment never loses an acknowledged record."""

from __future__ import annotations

import datetime as dt
import random
import signal
import time
from pathlib import Path

from kiosk.domain.models import Role, Staff
from kiosk.store import Store
from kiosk.store.backup import check_store, create_backup
from kiosk.store.repo import Repos
from tests.store import workers
from tests.store.util import worker_popen

KILLS = 60
MAX_DELAY = 0.04  # seconds between "ready" and SIGKILL: the writer is in the middle of its loop


def temp_files(data_dir: Path) -> set[Path]:
    return {p for pattern in (".*.tmp", ".*.old", ".journal") for p in data_dir.rglob(pattern)
            if "backups" not in p.parts}


def run_and_kill(data_dir: Path, delay: float) -> tuple[list[str], str]:
    """Start a writer, SIGKILL it `delay` seconds after its first write; its acknowledged ids."""
    proc = worker_popen("forever", data_dir)
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert first == "ready\n", proc.communicate(timeout=60)[1]
        # wait for one acknowledged write, so a slow machine still kills mid-loop, not at start-up
        acked_first = proc.stdout.readline()
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    # killed while still writing, not crashed on its own
    assert proc.returncode == -signal.SIGKILL, err
    # only complete lines count: the transaction of a half-printed id returned too, but be strict
    lines = [acked_first, *out.splitlines(keepends=True)]
    return [line[:-1] for line in lines if line.endswith("\n")], err


def test_sigkill_at_random_moments_keeps_every_acknowledged_record(tmp_path: Path):
    data_dir = tmp_path / "data"
    Repos(Store(data_dir)).staff.save(Staff(id="seed", name="Seed", role=Role.HEAD))
    # temp files left by an earlier crash, full of garbage: they must never be read
    planted = {
        data_dir / ".school.json.4000000.1.tmp": b'{"staff": {"1": {"id": "tr',
        data_dir / "years" / ".2026-2027.json.4000000.1.tmp": b"\x00\xff garbage",
    }
    for path, content in planted.items():
        path.write_bytes(content)

    rng_seed = random.randrange(2**32)
    rng = random.Random(rng_seed)
    acked: list[str] = []
    left_behind: set[Path] = set()
    for kill in range(KILLS):
        new, _ = run_and_kill(data_dir, rng.uniform(0, MAX_DELAY))
        acked += new
        where = f"(seed {rng_seed}, kill {kill})"
        left_behind |= temp_files(data_dir) - set(planted)  # before a new Store cleans them up

        # the kiosk starting again after the crash: a fresh Store, as in a new process
        store = Store(data_dir)
        store.check_readable()
        repos = Repos(store)
        late_ids = {late.id for late in repos.lates.in_year(workers.START_YEAR)}
        staff_ids = {member.id for member in repos.staff.all()} - {"seed"}
        assert set(acked) <= late_ids, f"acknowledged late arrivals lost {where}"
        assert set(acked) <= staff_ids, f"acknowledged staff records lost {where}"
        # each transaction wrote both files: after a crash, both or neither (the journal)
        assert staff_ids == late_ids, where
        assert check_store(store) == [], where

    assert len(acked) == len(set(acked))
    assert len(acked) >= KILLS, "the writer hardly wrote anything before being killed"

    store = Store(data_dir)
    repos = Repos(store)
    late_ids = {late.id for late in repos.lates.in_year(workers.START_YEAR)}
    # evidence that kills landed in the middle of a transaction, not only between them:
    # records written but never acknowledged, or temp files of an interrupted write
    interrupted = (late_ids - set(acked)) | left_behind
    assert interrupted, "no kill interrupted a write; the test did not test anything"

    # stray temp files were never read as data and are removed by the next start (under the lock)
    assert not any(path.exists() for path in planted)
    assert temp_files(data_dir) == set()
    backup = create_backup(store, dt.datetime(2026, 11, 23, 8, 20))
    assert not list(backup.rglob("*.tmp"))
    assert sorted(p.name for p in backup.rglob("*.json")) == ["2026-2027.json", "school.json"]
    repos.staff.save(Staff(id="after", name="After", role=Role.CARE))
    assert Repos(Store(data_dir)).staff.get("after") is not None
    assert check_store(Store(data_dir)) == []



def test_a_kill_between_two_renames_is_rolled_back_at_the_next_start(tmp_path: Path):
    data_dir = tmp_path / "data"
    repos = Repos(Store(data_dir))
    repos.staff.save(Staff(id="seed", name="Seed", role=Role.HEAD))
    repos.lates.add_many([])
    school_before = (data_dir / "school.json").read_bytes()
    proc = worker_popen("die-between", data_dir)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL and "not reached" not in out, err
    # evidence that it died between the renames: one file new, the other old, a journal
    assert b"between" in (data_dir / "years" / "2026-2027.json").read_bytes()
    assert (data_dir / "school.json").read_bytes() == school_before
    assert (data_dir / ".journal").exists()

    store = Store(data_dir)  # the next start rolls the half transaction back
    repos = Repos(store)
    assert repos.staff.get("between") is None
    assert "between" not in {late.id for late in repos.lates.in_year(workers.START_YEAR)}
    assert temp_files(data_dir) == set()
    assert check_store(store) == []
    repos.staff.save(Staff(id="after", name="After", role=Role.CARE))
    assert Repos(Store(data_dir)).staff.get("after") is not None
