"""Every command answers every input with output that is harmless, or one clear line."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import orjson
import pytest

from kiosk.clock import FixedClock
from kiosk.config import load_config
from kiosk.domain.models import Absence, Guardian, Pupil
from kiosk.services.context import Kiosk
from kiosk.store import Store
from tests.cli.runner import run_kiosk
from tests.conftest import MONDAY_MORNING, write_config
from tests.hostile import HOSTILE, unsafe

ENV = {**os.environ, "KIOSK_NOW": MONDAY_MORNING.isoformat()}


def run(config: Path, *args: str | bytes, stdin: str = "") -> subprocess.CompletedProcess[bytes]:
    result = run_kiosk(["--config", str(config), *args], env=ENV, stdin=stdin.encode())
    assert b"Traceback" not in result.stderr, result.stderr
    return result


def one_line(result: subprocess.CompletedProcess[bytes], code: int | None = None) -> str:
    err = result.stderr.decode()
    assert result.returncode != 0 and (code is None or result.returncode == code), (result.returncode, err)
    assert err.startswith("kiosk: ") and err.strip().count("\n") == 0, err
    assert unsafe(err.rstrip("\n")) == []
    return err


@pytest.fixture(scope="module")
def hostile_school(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Names stored before the entry checks existed (straight into the store)."""
    root = tmp_path_factory.mktemp("hostile")
    config_path = write_config(root, language="nl")
    kiosk = Kiosk(load_config(config_path), Store(root / "data"), FixedClock(MONDAY_MORNING))
    pupils = [Pupil(f"H{n}", f"Hq{text}", f"Mol{text}", "3B", guardians=(Guardian(f"O{text}", phone="0000 1"),))
              for n, text in enumerate(HOSTILE)]
    kiosk.repos.pupils.save_many(pupils)
    kiosk.repos.absences.add_many([Absence(p.id, MONDAY_MORNING.date(), MONDAY_MORNING.date(), "sick_note",
                                           note=text) for p, text in zip(pupils, HOSTILE, strict=True)])
    kiosk.audit("cli:x", "export", HOSTILE[0], what=HOSTILE[1])
    return config_path


@pytest.fixture
def cfg(tmp_path: Path, hostile_school: Path) -> Path:
    shutil.copytree(hostile_school.parent / "data", tmp_path / "data")
    return write_config(tmp_path, language="nl")


@pytest.mark.parametrize("args", [
    ("pupils", "list"), ("pupils", "list", "--format", "csv"), ("pupils", "list", "--format", "json"),
    ("absences", "list"), ("absences", "list", "--format", "csv"), ("absences", "list", "--format", "json"),
    ("audit",), ("audit", "--format", "csv"), ("audit", "--format", "json"), ("staff", "list"),
])
def test_stored_hostile_text_leaves_every_output_harmless(cfg: Path, args: tuple[str, ...]):
    result = run(cfg, *args)
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode().replace("\r\n", "\n").removeprefix("\ufeff")  # CSV: our BOM for Excel
    assert unsafe(out) == [], args
    lines = [line for line in out.splitlines() if line.strip()]
    if args[-1] != "json" and args[0] == "pupils":
        assert len(lines) == len(HOSTILE) + 1  # no forged rows
    if args[-1] == "json":
        json.loads(out)
    assert "0000 1" not in out  # and never a phone number


@pytest.mark.parametrize("text", [t for t in HOSTILE if "\x00" not in t])  # no OS passes a NUL on
def test_hostile_text_typed_in_a_command_is_refused_in_one_harmless_line(cfg: Path, text: str):
    one_line(run(cfg, "staff", "add", f"Eve{text}", "--role", "teacher"))
    one_line(run(cfg, "absences", "add", "--pupil", f"Quinten{text}", "--code", "z"))


def test_odd_bytes_in_arguments(cfg: Path):
    one_line(run(cfg, "absences", "add", "--pupil", b"\xff\xfe\x1b[2J", "--code", "z"))
    one_line(run(cfg, "staff", "add", b"Ann\xff", "--role", "teacher"))


@pytest.mark.parametrize("args", [
    ("audit", "--year", "99999"), ("audit", "--year", "-1"), ("audit", "--year", "٢٠٢٦"),
    ("absences", "list", "--date", ""), ("absences", "list", "--date", "31/02"),
    ("absences", "list", "--from", "2026-12-01", "--to", "2026-11-01"),
    ("late", "add", "--pupil", "H1", "--time", "٨:٣٠"), ("late", "add", "--pupil", "H1", "--time", ""),
    ("demo", "--pupils", "0"), ("serve", "--port", "99999"), ("nonsense",), ("pupils", "list", "--format", "xml"),
])
def test_impossible_arguments_are_one_line(cfg: Path, args: tuple[str, ...]):
    one_line(run(cfg, *args))


def test_a_pin_in_other_digits_is_refused(cfg: Path):
    run(cfg, "staff", "add", "Wim Dauwveld", "--role", "teacher")
    one_line(run(cfg, "staff", "set-pin", "wim", stdin="١٢٣٤\n"))


@pytest.mark.parametrize(("line", "key"), [
    ("[security]\nidle_lock_minutes = inf\n", "security.idle_lock_minutes"),
    ("[security]\nlockout_minutes = nan\n", "security.lockout_minutes"),
    ("[serve]\nmax_sessions = 0\n", "serve.max_sessions"),
])
def test_non_numbers_in_config_name_the_key(tmp_path: Path, line: str, key: str):
    assert key in one_line(run(write_config(tmp_path, extra=line), "check"))


def test_staff_who_leave_are_disabled_and_locks_lifted_from_the_cli(cfg: Path):
    assert run(cfg, "staff", "add", "Olena Koval", "--role", "teacher", "--classes", "3B").returncode == 0
    assert run(cfg, "staff", "add", "Олена Коваль", "--role", "teacher").returncode == 0
    assert run(cfg, "staff", "add", "Ольга Шевченко", "--role", "teacher").returncode == 0
    listed = run(cfg, "staff", "list").stdout.decode()
    assert "Олена Коваль" in listed and "Ольга Шевченко" in listed
    one_line(run(cfg, "staff", "add", "olena koval", "--role", "teacher"))  # the same name twice
    assert run(cfg, "staff", "disable", "Olena Koval").returncode == 0
    assert "Olena" not in run(cfg, "staff", "list").stdout.decode()
    assert "Olena" in run(cfg, "staff", "list", "--all").stdout.decode()
    assert run(cfg, "staff", "enable", "Olena Koval").returncode == 0
    assert run(cfg, "staff", "unlock", "Olena Koval").returncode == 0
    actions = [e["action"] for e in json.loads(run(cfg, "audit", "--format", "json").stdout)]
    assert {"staff-disable", "staff-enable", "staff-unlock"} <= set(actions)


def test_a_bad_record_is_a_damaged_file_named_with_the_record(cfg: Path):
    year_file = cfg.parent / "data" / "years" / "2026-2027.json"
    data = orjson.loads(year_file.read_bytes())
    first = next(iter(data["absences"]))
    data["absences"][first]["start"] = "not a date"
    year_file.write_bytes(orjson.dumps(data))
    check = run(cfg, "check")
    assert check.returncode == 3
    assert f"record {first}" in check.stderr.decode() and "absences" in check.stderr.decode()
    listed = run(cfg, "absences", "list")
    assert listed.returncode == 3 and b"2026-2027.json" in listed.stderr
    assert run(cfg, "backup").returncode == 3  # never backed up as good
