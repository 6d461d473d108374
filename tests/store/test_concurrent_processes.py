"""Several OS processes writing into one data directory at the same time lose nothing."""

from __future__ import annotations

import time
from collections import Counter
from itertools import pairwise
from pathlib import Path

from kiosk.domain.models import Role, Staff
from kiosk.store import Store
from kiosk.store.backup import check_store
from kiosk.store.repo import AUDIT, LATES, Repos
from tests.store import workers
from tests.store.util import worker_popen

PROCESSES = 4
PER_PROCESS = 50


def seed(data_dir: Path) -> Store:
    """A data directory as a school has it: school.json exists (with a counter record)."""
    store = Store(data_dir)
    Repos(store).staff.save(Staff(id=workers.COUNTER_ID, name="Teller", role=Role.OFFICE))
    return store


def run_together(mode: str, data_dir: Path, barrier: Path) -> dict[str, list[str]]:
    """Start PROCESSES writers, release them at the same instant, return each one's acks."""
    barrier.mkdir()
    names = [f"w{n}" for n in range(PROCESSES)]
    procs = {name: worker_popen(mode, data_dir, barrier, name, PER_PROCESS) for name in names}
    try:
        deadline = time.monotonic() + 60  # hang guard only
        while not all((barrier / f"ready-{name}").exists() for name in names):
            crashed = {n: p.returncode for n, p in procs.items() if p.poll() is not None}
            assert not crashed, f"writers exited before the start: {crashed}"
            assert time.monotonic() < deadline, "writers never became ready"
            time.sleep(0.002)
        # Every writer is now polling for this file: they start writing together.
        (barrier / "go").touch()
        acks = {}
        for name, proc in procs.items():
            out, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, f"{name} failed:\n{err}"
            acks[name] = out.split()
    finally:
        for proc in procs.values():
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    return acks


def switches(owners: list[str]) -> int:
    """How often consecutive records (in storage order) come from different writers."""
    return sum(1 for a, b in pairwise(owners) if a != b)


def test_four_processes_adding_late_arrivals_lose_nothing(tmp_path: Path):
    data_dir = tmp_path / "data"
    seed(data_dir)
    acks = run_together("late", data_dir, tmp_path / "barrier")

    store = Store(data_dir)
    raw = store.year(workers.START_YEAR).table(LATES)
    docs = sorted(raw.all(), key=lambda d: d.doc_id)
    lates = Repos(store).lates.in_year(workers.START_YEAR)

    assert len(docs) == len(lates) == PROCESSES * PER_PROCESS
    assert len({late.id for late in lates}) == PROCESSES * PER_PROCESS
    assert len({doc.doc_id for doc in docs}) == PROCESSES * PER_PROCESS
    for name, acked in acks.items():
        mine = [late for late in lates if late.by_staff == name]
        assert len(acked) == PER_PROCESS
        assert {late.id for late in mine} == set(acked)
        assert sorted(int(late.reason) for late in mine) == list(range(PER_PROCESS))
    # The writers really ran at the same time: their records interleave in the file.
    assert switches([doc["by_staff"] for doc in docs]) > PROCESSES - 1
    assert check_store(store) == []


def test_four_processes_writing_audit_entries_lose_nothing(tmp_path: Path):
    data_dir = tmp_path / "data"
    seed(data_dir)
    acks = run_together("audit", data_dir, tmp_path / "barrier")

    store = Store(data_dir)
    docs = sorted(store.year(workers.START_YEAR).table(AUDIT).all(), key=lambda d: d.doc_id)
    entries = Repos(store).audit.in_year(workers.START_YEAR)

    assert len(docs) == len(entries) == PROCESSES * PER_PROCESS
    assert len({doc.doc_id for doc in docs}) == PROCESSES * PER_PROCESS
    assert len({(e.who, e.detail) for e in entries}) == PROCESSES * PER_PROCESS
    for name, acked in acks.items():
        assert acked == [f"{name}:{n}" for n in range(PER_PROCESS)]
        assert sorted(int(e.detail) for e in entries if e.who == name) == list(range(PER_PROCESS))
    assert switches([doc["who"] for doc in docs]) > PROCESSES - 1
    assert check_store(store) == []


def test_read_modify_write_from_four_processes_loses_no_update(tmp_path: Path):
    """Each increment reads the counter and writes it +1 in one transaction: no lost updates."""
    data_dir = tmp_path / "data"
    store = seed(data_dir)

    acks = run_together("increment", data_dir, tmp_path / "barrier")

    assert Counter(len(a) for a in acks.values()) == {PER_PROCESS: PROCESSES}
    # the same Store object, opened before the writers ran, must see their final result
    counter = Repos(store).staff.get(workers.COUNTER_ID)
    assert counter is not None
    assert counter.failed_attempts == PROCESSES * PER_PROCESS


def test_barrier_really_holds_writers_back(tmp_path: Path):
    """Guard for the helper itself: without the go file, nothing is written."""
    barrier = tmp_path / "barrier"
    barrier.mkdir()
    proc = worker_popen("late", tmp_path / "data", barrier, "w0", 1)
    try:
        deadline = time.monotonic() + 60
        while not (barrier / "ready-w0").exists():
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            assert time.monotonic() < deadline
            time.sleep(0.002)
        assert not Store(tmp_path / "data").year_path(workers.START_YEAR).exists()
        (barrier / "go").touch()
        out, _ = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0
    assert len(out.split()) == 1
    assert len(Repos(Store(tmp_path / "data")).lates.in_year(workers.START_YEAR)) == 1
