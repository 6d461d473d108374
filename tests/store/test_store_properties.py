"""Properties of the store: privacy, transactions, cache freshness, schema, daily backups."""

from __future__ import annotations

import dataclasses
import datetime as dt
import errno
import stat
from pathlib import Path
from types import SimpleNamespace

import orjson
import pytest

from kiosk import i18n
from kiosk.clock import FixedClock
from kiosk.domain.models import AuditEntry, LateArrival, Role, Staff
from kiosk.errors import CorruptFile, KioskError, StoreError, write_failed
from kiosk.services import maintenance
from kiosk.services.context import SYSTEM, Kiosk
from kiosk.store import Store, backup, files, storage
from kiosk.store.repo import Repos
from tests.conftest import MONDAY_MORNING
from tests.store.util import tree_bytes

DAY = MONDAY_MORNING.date()
YEAR = 2026


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def late(n: int = 0, pupil: str = "P00001") -> LateArrival:
    return LateArrival(pupil_id=pupil, date=DAY, time=dt.time(8, 40), reason=f"r{n}")


def fresh(data_dir: Path) -> Repos:
    """What another process sees: a new Store with empty caches."""
    return Repos(Store(data_dir))


# -- permissions -----------------------------------------------------------------------------

def test_data_files_are_0600_and_directories_0700(tmp_path: Path):
    data_dir = tmp_path / "data"
    (data_dir / "years").mkdir(parents=True, mode=0o755)
    data_dir.chmod(0o755)
    school = data_dir / "school.json"
    school.write_bytes(b"{}")
    school.chmod(0o644)  # e.g. copied in by hand

    store = Store(data_dir)
    repos = Repos(store)
    with store.transaction():
        repos.staff.save(Staff(id="a", name="A", role=Role.HEAD))
        repos.lates.add(late())
    made = backup.create_backup(store, MONDAY_MORNING)

    assert mode(data_dir) == 0o700
    assert mode(data_dir / "years") == 0o700
    assert mode(data_dir / "backups") == 0o700
    data_files = [school, store.year_path(YEAR), data_dir / ".lock"]
    assert all(path.exists() for path in data_files)
    assert {path.name: mode(path) for path in data_files} == {path.name: 0o600 for path in data_files}
    copies = list(made.rglob("*.json"))
    assert len(copies) == 2
    assert {mode(path) for path in copies} == {0o600}


def test_backup_folders_are_0700_too(kiosk: Kiosk):
    with kiosk.store.transaction():
        made = maintenance.make_backup(kiosk, "test")
    _, saved = maintenance.restore(kiosk, made.name, "test")
    assert {mode(made), mode(saved)} == {0o700}


# -- transactions ----------------------------------------------------------------------------

def test_writing_outside_a_transaction_raises_and_changes_no_file(kiosk: Kiosk):
    store = kiosk.store
    before = tree_bytes(store.data_dir)
    with pytest.raises(RuntimeError, match="outside a transaction"):
        store.school.table("staff").insert({"id": "intruder", "name": "X", "role": "head"})
    with pytest.raises(RuntimeError, match="outside a transaction"):
        store.year(YEAR).table("lates").insert({"id": "intruder"})
    with pytest.raises(RuntimeError, match="outside a transaction"):
        store.wipe()
    assert tree_bytes(store.data_dir) == before
    assert fresh(store.data_dir).staff.get("intruder") is None


def test_a_refused_write_leaves_no_trace_in_this_process(kiosk: Kiosk):
    repos = kiosk.repos
    assert repos.staff.all()  # the cache of school.json is warm, as in the running app
    with pytest.raises(RuntimeError):
        kiosk.store.school.table("staff").insert({"id": "intruder", "name": "X", "role": "head"})
    repos.staff.save(Staff(id="legit", name="Legit", role=Role.OFFICE))
    assert fresh(kiosk.store.data_dir).staff.get("intruder") is None
    assert repos.staff.get("intruder") is None


class Boom(Exception):
    pass


def test_an_exception_inside_a_transaction_changes_nothing(kiosk: Kiosk):
    store, repos = kiosk.store, kiosk.repos
    pupil = repos.pupils.all()[0]
    lates_before = repos.lates.in_year(YEAR)
    staff_before = repos.staff.all()
    files_before = tree_bytes(store.data_dir)
    inodes_before = {p: (store.data_dir / p).stat().st_ino for p in files_before}

    with pytest.raises(Boom), store.transaction():
        repos.pupils.save_many([dataclasses.replace(pupil, class_name="ZZ")])
        repos.staff.save(Staff(id="half", name="Half", role=Role.CARE))
        repos.lates.add(late(1))
        kiosk.audit("test", "half-done")
        with store.transaction():  # a nested service call: still one transaction
            repos.absences.add_many([])
            repos.lates.add(late(2))
        raise Boom

    assert tree_bytes(store.data_dir) == files_before
    assert {p: (store.data_dir / p).stat().st_ino for p in files_before} == inodes_before
    for view in (repos, fresh(store.data_dir)):
        assert view.pupils.get(pupil.id) == pupil
        assert view.staff.all() == staff_before
        assert view.lates.in_year(YEAR) == lates_before
    # the next transaction writes its own change only, none of the discarded ones
    repos.staff.save(Staff(id="next", name="Next", role=Role.CARE))
    after = fresh(store.data_dir)
    assert [s.id for s in after.staff.all() if s.id in ("half", "next")] == ["next"]
    assert after.pupils.get(pupil.id) == pupil
    assert after.lates.in_year(YEAR) == lates_before


def failing_atomic_write(monkeypatch: pytest.MonkeyPatch, failing: Path) -> None:
    """The disk is full when `failing` is written; other files are written normally."""
    real = storage.write_temp

    def write_temp(path: Path, payload: bytes, **kwargs):
        if path == failing:
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return real(path, payload, **kwargs)

    monkeypatch.setattr(storage, "write_temp", write_temp)


def test_a_failed_flush_does_not_leave_half_a_transaction_behind(
    kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch
):
    store, repos = kiosk.store, kiosk.repos
    failing_atomic_write(monkeypatch, store.year_path(YEAR))  # flushed first, before school.json
    with pytest.raises(StoreError, match="schijf is vol"), store.transaction():
        repos.lates.add(late(1))
        repos.staff.save(Staff(id="half", name="Half", role=Role.CARE))
    monkeypatch.undo()
    assert repos.staff.get("half") is None
    repos.lates.add(late(2))  # the disk has room again; the kiosk goes on
    assert fresh(store.data_dir).staff.get("half") is None


def test_a_transaction_over_two_files_is_all_or_nothing(
    kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch
):
    store, repos = kiosk.store, kiosk.repos
    lates_before = repos.lates.in_year(YEAR)
    failing_atomic_write(monkeypatch, store.data_dir / "school.json")
    with pytest.raises(StoreError, match="schijf is vol"), store.transaction():
        repos.lates.add(late(1))
        repos.staff.save(Staff(id="half", name="Half", role=Role.CARE))
    monkeypatch.undo()
    assert fresh(store.data_dir).lates.in_year(YEAR) == lates_before


def test_a_failure_between_two_renames_rolls_back_both(kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch):
    """The second rename fails (a disk error): the first is undone, nothing half-commits."""
    store, repos = kiosk.store, kiosk.repos
    before = tree_bytes(store.data_dir)
    real, calls = storage.commit_temp, []

    def commit(tmp: Path, path: Path) -> None:
        calls.append(path)
        if len(calls) == 2:
            raise OSError(errno.EIO, "Input/output error", str(path))
        real(tmp, path)

    monkeypatch.setattr(storage, "commit_temp", commit)
    with pytest.raises(StoreError, match="error"), store.transaction():
        repos.lates.add(late(1))
        repos.staff.save(Staff(id="half", name="Half", role=Role.CARE))
    monkeypatch.undo()
    assert len(calls) == 2, "the failure was not between the two renames"
    assert tree_bytes(store.data_dir) == before
    assert fresh(store.data_dir).staff.get("half") is None
    assert repos.staff.get("half") is None
    assert not list(store.data_dir.rglob(".*.old")) and not (store.data_dir / ".journal").exists()


@pytest.mark.parametrize(("error", "words"), [
    (errno.ENOSPC, "disk is full"), (errno.EROFS, "read-only"), (errno.EACCES, "may not write"),
    (errno.EIO, "reported an error")])
def test_a_failed_write_says_why_and_what_to_do(kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch,
                                                 error: int, words: str):
    def refuse(path: Path, payload: bytes, **kwargs: object) -> None:
        raise OSError(error, "simulated", str(path))

    monkeypatch.setattr(storage, "write_temp", refuse)
    i18n.set_language("en")
    with pytest.raises(StoreError) as info:
        kiosk.repos.staff.save(Staff(id="x", name="X", role=Role.CARE))
    assert str(info.value).startswith("Nothing was saved: ") and words in str(info.value)
    assert words in write_failed(OSError(error, "simulated"), kiosk.store.data_dir)
    monkeypatch.undo()
    assert kiosk.repos.staff.get("x") is None


# -- another process's writes ----------------------------------------------------------------

@pytest.mark.parametrize("clock", ["real", "frozen"])
def test_a_second_store_always_sees_the_latest_write(
    kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch, clock: str
):
    """Two Store objects = two processes. Same-size updates in quick succession (the
    failed-PIN counter) must never be hidden by the reader's cache, even when the file
    system clock does not move between writes ("frozen")."""
    if clock == "frozen":
        monkeypatch.setattr(files, "time", SimpleNamespace(time_ns=lambda: 1_800_000_000_000_000_000))
    data_dir = kiosk.store.data_dir
    writer, reader = Repos(Store(data_dir)), Repos(Store(data_dir))
    member = writer.staff.all()[0]
    pupil = writer.pupils.all()[0]
    assert reader.staff.get(member.id) == member  # warm the reader's caches
    school = data_dir / "school.json"
    sizes = set()

    for step in range(60):
        attempts = step % 9 + 1  # one digit: the file keeps its size
        writer.staff.save(dataclasses.replace(member, failed_attempts=attempts))
        sizes.add(school.stat().st_size)
        if step % 3 == 0:
            continue  # sometimes two writes land before the reader looks again
        seen = reader.staff.get(member.id)
        assert seen is not None and seen.failed_attempts == attempts, f"step {step}"
        # the reader writes too, from its own cache: nothing of the writer's may be lost
        if step % 5 == 0:
            reader.staff.save(dataclasses.replace(seen, locked_until=None))

    assert len(sizes) == 1, "the test meant same-size updates"
    # pupils are cached as objects per file version: that cache must follow as well
    revision = reader.pupils.revision
    for class_name in ("9X", "9Y", "9X"):
        writer.pupils.save_many([dataclasses.replace(pupil, class_name=class_name)])
        got = reader.pupils.get(pupil.id)
        assert got is not None and got.class_name == class_name
    assert reader.pupils.revision > revision


def test_a_second_store_sees_new_records_and_new_year_files(tmp_path: Path):
    data_dir = tmp_path / "data"
    first, second = Repos(Store(data_dir)), Repos(Store(data_dir))
    assert second.lates.in_year(YEAR) == []
    assert second.staff.all() == []
    first.lates.add(late(1))
    first.staff.save(Staff(id="a", name="A", role=Role.HEAD))
    assert [x.reason for x in second.lates.in_year(YEAR)] == ["r1"]
    assert [s.id for s in second.staff.all()] == ["a"]
    second.lates.add(late(2))
    assert sorted(x.reason for x in first.lates.in_year(YEAR)) == ["r1", "r2"]


# -- schema version --------------------------------------------------------------------------

@pytest.mark.parametrize("target", ["school", "year"])
def test_a_file_from_a_newer_kiosk_is_refused_and_kept(kiosk: Kiosk, target: str):
    data_dir = kiosk.store.data_dir
    path = data_dir / "school.json" if target == "school" else kiosk.store.year_path(YEAR)
    content = orjson.loads(path.read_bytes())
    content["_meta"] = {"1": {"schema": 999}}
    raw = orjson.dumps(content)
    path.write_bytes(raw)

    repos = fresh(data_dir)
    with pytest.raises(CorruptFile, match="newer kiosk") as info:
        if target == "school":
            repos.staff.all()
        else:
            repos.lates.in_year(YEAR)
    assert str(path) in str(info.value)
    with pytest.raises(CorruptFile, match="newer kiosk"):
        if target == "school":
            repos.staff.save(Staff(id="new", name="New", role=Role.CARE))
        else:
            repos.lates.add(late(9))
    assert path.read_bytes() == raw
    problems = backup.check_store(repos.store)
    assert [(p.path, "newer kiosk" in p.reason) for p in problems] == [(path, True)]


def test_a_file_of_this_schema_version_opens(tmp_path: Path):
    """Counterpart of the newer-schema test: the _meta written by the store itself is fine."""
    data_dir = tmp_path / "data"
    Repos(Store(data_dir)).staff.save(Staff(id="a", name="A", role=Role.HEAD))
    meta = orjson.loads((data_dir / "school.json").read_bytes())["_meta"]
    assert meta == {"1": {"schema": 1, "kind": "school"}}
    assert [s.id for s in fresh(data_dir).staff.all()] == ["a"]


# -- daily backup and rotation ---------------------------------------------------------------

def daily_folders(data_dir: Path) -> list[str]:
    return [p.name for p in backup.list_backups(data_dir) if p.name.endswith("-daily")]


def test_daily_backup_is_taken_once_per_day(kiosk: Kiosk, clock: FixedClock):
    data_dir = kiosk.store.data_dir
    first = maintenance.daily_backup(kiosk)
    assert first is not None and first.name == "2026-11-23T082000-daily"
    assert (first / "school.json").read_bytes() == (data_dir / "school.json").read_bytes()

    for hours in (0, 1, 6, 8):  # later starts on the same day, 08:20 … 23:20
        clock.advance(hours=hours)
        assert maintenance.daily_backup(kiosk) is None
    with kiosk.store.transaction():
        maintenance.make_backup(kiosk, "test")  # a manual backup is not the daily one
    assert maintenance.daily_backup(kiosk) is None
    assert daily_folders(data_dir) == [first.name]

    clock.advance(hours=1)  # 00:20 the next day
    second = maintenance.daily_backup(kiosk)
    assert second is not None and second.name == "2026-11-24T002000-daily"
    assert maintenance.daily_backup(kiosk) is None
    assert daily_folders(data_dir) == [first.name, second.name]
    audited = [e.fact("backup") for e in kiosk.repos.audit.in_year(2026) if e.action == "backup" and e.who == SYSTEM]
    assert audited == [first.name, second.name]  # each daily backup in the trail, by "the kiosk"


def test_no_daily_backup_of_an_empty_school(empty_kiosk: Kiosk):
    assert maintenance.daily_backup(empty_kiosk) is None
    assert backup.list_backups(empty_kiosk.store.data_dir) == []


@pytest.mark.parametrize("keep", [1, 3])
def test_rotation_keeps_the_newest_keep_backups(kiosk: Kiosk, keep: int):
    store = kiosk.store
    start = MONDAY_MORNING
    names = []
    for day in range(keep + 4):
        made = backup.daily_backup(store, start + dt.timedelta(days=day), keep)
        assert made is not None
        names.append(made.name)
        assert len(backup.list_backups(store.data_dir)) == min(day + 1, keep)
    assert [p.name for p in backup.list_backups(store.data_dir)] == names[-keep:]
    assert backup.latest_backup(store.data_dir).name == names[-1]  # type: ignore[union-attr]
    # the kept ones are complete snapshots
    for name in names[-keep:]:
        assert not backup.check_files(list((store.data_dir / "backups" / name).rglob("*.json")))


def test_two_manual_backups_in_the_same_second(kiosk: Kiosk):
    store = kiosk.store
    first = backup.create_backup(store, MONDAY_MORNING)
    try:
        second = backup.create_backup(store, MONDAY_MORNING)
    except KioskError:
        second = None  # a clear refusal would be acceptable too
    assert second is None or second != first
    assert not [p for p in (store.data_dir / "backups").iterdir() if p.name.endswith(".partial")]


def test_two_restores_in_the_same_second_keep_every_backup_intact(kiosk: Kiosk):
    store, repos = kiosk.store, kiosk.repos
    t = MONDAY_MORNING
    old = backup.create_backup(store, t - dt.timedelta(days=2), label="daily")
    repos.staff.save(Staff(id="b", name="B", role=Role.CARE))
    newer = backup.create_backup(store, t - dt.timedelta(days=1), label="daily")
    repos.staff.save(Staff(id="c", name="C", role=Role.CARE))
    today = backup.create_backup(store, t - dt.timedelta(minutes=1), label="daily")
    snapshot = {p: tree_bytes(p) for p in (old, newer, today)}
    assert len({bytes(v["school.json"]) for v in snapshot.values()}) == 3

    saved = backup.restore_backup(store, old, t, keep=14)
    backup.restore_backup(store, newer, t, keep=14)  # "oops, the other one", same second

    assert {p: tree_bytes(p) for p in snapshot} == snapshot
    kept = tree_bytes(saved)
    assert kept["school.json"] == snapshot[today]["school.json"]


def test_restore_keeps_the_current_data_and_audits(kiosk: Kiosk, clock: FixedClock):
    repos = kiosk.repos
    with kiosk.store.transaction():
        made = maintenance.make_backup(kiosk, "test")
    repos.staff.save(Staff(id="later", name="Later", role=Role.CARE))
    current = tree_bytes(kiosk.store.data_dir)
    clock.advance(minutes=5)
    source, saved = maintenance.restore(kiosk, made.name[:13], "test")  # by the start of its name
    assert source == made
    assert saved.name.endswith(backup.BEFORE_RESTORE)
    assert tree_bytes(saved) == current
    assert repos.staff.get("later") is None
    assert fresh(kiosk.store.data_dir).staff.get("later") is None
    trail = maintenance.audit_trail(kiosk, YEAR)
    assert isinstance(trail[-1], AuditEntry) and trail[-1].action == "restore"
    assert trail[-1].fact("backup") == made.name and trail[-1].fact("saved") == saved.name


def test_rotation_removes_only_the_kiosks_own_backups(kiosk: Kiosk):
    root = kiosk.store.data_dir / "backups"
    root.mkdir(exist_ok=True)
    mine_by_hand = root / "kopie van juni"
    (mine_by_hand / "years").mkdir(parents=True)
    (mine_by_hand / "school.json").write_bytes(b"{}")
    clock = FixedClock(MONDAY_MORNING)
    for _ in range(5):
        backup.create_backup(kiosk.store, clock.now(), keep=2)
        clock.advance(days=1)
    assert mine_by_hand.exists()
    assert len([p for p in root.iterdir() if p.name != mine_by_hand.name]) == 2


def test_a_failed_backup_leaves_no_partial_folder(kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch):
    def full(source: Path, target: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(target))

    monkeypatch.setattr(backup, "copy_durably", full)
    before = sorted(p.name for p in (kiosk.store.data_dir / "backups").glob("*")) if (
        kiosk.store.data_dir / "backups").exists() else []
    with pytest.raises(StoreError, match="back-up"):
        maintenance.make_backup(kiosk, "test")
    after = sorted(p.name for p in (kiosk.store.data_dir / "backups").glob("*"))
    assert after == before and not any(name.endswith(".partial") for name in after)
