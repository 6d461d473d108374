"""A damaged data file is reported with the backup to restore, never silently replaced."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.config import load_config
from kiosk.domain.models import LateArrival, Role, Staff
from kiosk.errors import CorruptFile
from kiosk.services import maintenance
from kiosk.services.context import Kiosk
from kiosk.store import Store
from kiosk.store.backup import BEFORE_RESTORE, check_store, latest_backup
from tests.conftest import write_config
from tests.store.util import kiosk_cli, load, without

DAMAGES: dict[str, Callable[[bytes], bytes]] = {
    "truncated": lambda raw: raw[: len(raw) // 2],
    "garbage": lambda raw: b"\x00\x9c\xffNOT JSON AT ALL " * 64,
}


def replace_file(path: Path, content: bytes) -> None:
    """Damage as another program would by writing a new file over the old name."""
    tmp = path.with_name(path.name + ".damaged")
    tmp.write_bytes(content)
    os.replace(tmp, path)


def victim_of(data_dir: Path, target: str) -> Path:
    if target == "school":
        return data_dir / "school.json"
    years = sorted((data_dir / "years").glob("*.json"))
    assert years, "the demo wrote no year file"
    return years[-1]  # the current school year: the file written every day


def backup_folders(data_dir: Path) -> list[Path]:
    root = data_dir / "backups"
    return sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []


@pytest.fixture(scope="module")
def cli_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cli-school")
    config = write_config(root)
    made = kiosk_cli(config, "demo", "--pupils", "30")
    assert made.returncode == 0, made.stderr
    return root


@pytest.fixture
def school(cli_template: Path, tmp_path: Path) -> Path:
    """A copy of a demo school made by the CLI: tmp_path/config.toml and tmp_path/data."""
    shutil.copytree(cli_template, tmp_path, dirs_exist_ok=True)
    return tmp_path


def take_backup(root: Path) -> Path:
    made = kiosk_cli(root / "config.toml", "backup")
    assert made.returncode == 0, made.stderr
    (backup,) = backup_folders(root / "data")
    return backup


@pytest.mark.parametrize("damage", sorted(DAMAGES))
@pytest.mark.parametrize("target", ["school", "year"])
def test_check_names_file_and_backup_and_restore_brings_the_data_back(
    school: Path, target: str, damage: str
):
    config, data_dir = school / "config.toml", school / "data"
    backup = take_backup(school)
    at_backup = {p.relative_to(backup): load(p) for p in backup.rglob("*.json")}
    school_bytes_at_backup = (backup / "school.json").read_bytes()
    victim = victim_of(data_dir, target)
    damaged = DAMAGES[damage](victim.read_bytes())
    replace_file(victim, damaged)

    check = kiosk_cli(config, "check")
    assert check.returncode != 0
    assert str(victim) in check.stderr
    assert str(backup) in check.stderr
    assert f"kiosk restore {backup.name}" in check.stderr
    assert "Traceback" not in check.stderr + check.stdout
    assert victim.read_bytes() == damaged, "check must not touch the damaged file"

    restore = kiosk_cli(config, "restore", backup.name)
    assert restore.returncode == 0, restore.stderr
    assert "Traceback" not in restore.stderr + restore.stdout

    again = kiosk_cli(config, "check")
    assert again.returncode == 0, again.stderr
    # the data as it was at backup time; the restore itself adds an audit entry
    assert (data_dir / "school.json").read_bytes() == school_bytes_at_backup
    now_files = {p.relative_to(data_dir) for p in [data_dir / "school.json", *data_dir.glob("years/*.json")]}
    assert now_files == set(at_backup)
    for relative, old in at_backup.items():
        new = load(data_dir / relative)
        assert without(new, "audit") == without(old, "audit"), relative
        old_audit = list(old.get("audit", {}).values())
        new_audit = list(new.get("audit", {}).values())
        assert new_audit[: len(old_audit)] == old_audit
        # the audit trail is append-only: entries since the backup (here the backup's own) are kept
        assert {entry["action"] for entry in new_audit[len(old_audit):]} <= {"backup", "restore"}
    # the damaged data was kept, not thrown away
    (kept,) = [p for p in backup_folders(data_dir) if p.name.endswith(BEFORE_RESTORE)]
    assert (kept / victim.relative_to(data_dir)).read_bytes() == damaged
    # the CLI works on the restored data again
    listed = kiosk_cli(config, "pupils", "list", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.count('"id"') == 30


def test_a_file_truncated_in_place_can_still_be_restored(school: Path):
    config, data_dir = school / "config.toml", school / "data"
    backup = take_backup(school)
    victim = data_dir / "school.json"
    size = victim.stat().st_size
    with open(victim, "r+b") as handle:  # what `truncate -s`, `cp x school.json` or `: >` do
        handle.truncate(size // 2)

    assert kiosk_cli(config, "check").returncode != 0
    restore = kiosk_cli(config, "restore", backup.name)
    assert restore.returncode == 0, restore.stderr
    assert kiosk_cli(config, "check").returncode == 0


# -- in-process -----------------------------------------------------------------------------

@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_opening_a_damaged_school_file_raises_and_never_rewrites_it(
    kiosk: Kiosk, damage: str
):
    with kiosk.store.transaction():
        backup = maintenance.make_backup(kiosk, "test")
    victim = kiosk.store.data_dir / "school.json"
    damaged = DAMAGES[damage](victim.read_bytes())
    replace_file(victim, damaged)
    before = victim.stat()

    opened = Kiosk(kiosk.config, Store(kiosk.store.data_dir), kiosk.clock)
    with pytest.raises(CorruptFile) as info:
        opened.store.check_readable()
    message = str(info.value)
    assert str(victim) in message
    assert str(backup) in message and f"kiosk restore {backup.name}" in message
    assert info.value.path == victim and info.value.backup == backup

    # nothing that reads or writes school.json may "repair" it into an empty school
    with pytest.raises(CorruptFile):
        opened.repos.pupils.all()
    with pytest.raises(CorruptFile):
        opened.repos.staff.save(Staff(id="new", name="Nieuw", role=Role.TEACHER))
    with pytest.raises(CorruptFile):
        maintenance.daily_backup(opened)  # a damaged file is never put in a backup
    after = victim.stat()
    assert victim.read_bytes() == damaged
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert latest_backup(kiosk.store.data_dir) == backup
    assert [p.path for p in check_store(opened.store)] == [victim]


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_a_damaged_year_file_raises_names_the_backup_and_is_kept(kiosk: Kiosk, damage: str):
    with kiosk.store.transaction():
        backup = maintenance.make_backup(kiosk, "test")
    start_year = kiosk.store.year_starts()[-1]
    victim = kiosk.store.year_path(start_year)
    damaged = DAMAGES[damage](victim.read_bytes())
    replace_file(victim, damaged)

    opened = Kiosk(kiosk.config, Store(kiosk.store.data_dir), kiosk.clock)
    opened.store.check_readable()  # school.json itself is fine
    with pytest.raises(CorruptFile) as info:
        opened.repos.lates.in_year(start_year)
    assert str(victim) in str(info.value) and backup.name in str(info.value)
    late = LateArrival(pupil_id="P00001", date=dt.date(start_year, 11, 23), time=dt.time(8, 45))
    with pytest.raises(CorruptFile):
        opened.repos.lates.add(late)
    assert victim.read_bytes() == damaged
    # other years stay usable
    older = kiosk.store.year_starts()[0]
    assert older != start_year
    assert opened.repos.lates.in_year(older)


def test_check_on_a_config_without_backups_says_so(tmp_path: Path):
    config = write_config(tmp_path, language="en")
    Kiosk.open(load_config(config)).repos.staff.save(Staff(id="a", name="A", role=Role.HEAD))
    replace_file(tmp_path / "data" / "school.json", b"{")
    check = kiosk_cli(config, "check")
    assert check.returncode != 0
    assert "school.json" in check.stderr and "No backup found" in check.stderr
    assert "Traceback" not in check.stderr
