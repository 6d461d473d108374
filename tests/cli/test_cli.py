"""The CLI through a real subprocess, as the office or a script would use it."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from tests.cli.runner import as_text, run_kiosk
from tests.conftest import MONDAY_MORNING, write_config

# the CLI runs on the same Monday as the other tests, at the end of the school day
CLI_ENV = {**os.environ, "KIOSK_NOW": MONDAY_MORNING.replace(hour=16).isoformat()}


def kiosk_cmd(config: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return as_text(run_kiosk(["--config", str(config), *args], env=CLI_ENV, stdin=(stdin or "").encode()))


@pytest.fixture
def cfg(tmp_path: Path) -> Path:
    return write_config(tmp_path, language="en")


@pytest.fixture
def demo_cfg(cfg: Path) -> Path:
    result = kiosk_cmd(cfg, "demo", "--pupils", "40", "--seed", "3")
    assert result.returncode == 0, result.stderr
    return cfg


def test_demo_refuses_to_overwrite_without_force(demo_cfg: Path):
    again = kiosk_cmd(demo_cfg, "demo")
    assert again.returncode == 1
    assert "--force" in again.stderr and "Traceback" not in again.stderr
    forced = kiosk_cmd(demo_cfg, "demo", "--pupils", "10", "--force")
    assert forced.returncode == 0, forced.stderr
    assert "10 pupils" in forced.stdout
    backups = kiosk_cmd(demo_cfg, "backup", "--list").stdout
    assert "before-demo" in backups


def test_demo_if_empty_keeps_existing_data(demo_cfg: Path):
    assert kiosk_cmd(demo_cfg, "demo", "--if-empty", "--pupils", "5").returncode == 0
    listed = json.loads(kiosk_cmd(demo_cfg, "pupils", "list", "--format", "json").stdout)
    assert len(listed) == 40


def test_pupils_list_formats_never_show_phones(demo_cfg: Path):
    table = kiosk_cmd(demo_cfg, "pupils", "list")
    as_json = json.loads(kiosk_cmd(demo_cfg, "pupils", "list", "--format", "json").stdout)
    raw_csv = kiosk_cmd(demo_cfg, "pupils", "list", "--format", "csv").stdout
    assert raw_csv.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(raw_csv.lstrip("\ufeff")), delimiter=";"))
    assert len(rows) == len(as_json) == 40
    assert len(table.stdout.strip().splitlines()) == 41
    for output in (table.stdout, raw_csv, json.dumps(as_json)):
        assert "0000 " not in output and "@example.org" not in output
    one_class = as_json[0]["class"]
    filtered = json.loads(kiosk_cmd(demo_cfg, "pupils", "list", "--class", one_class.lower(),
                                    "--format", "json").stdout)
    assert filtered and all(p["class"] == one_class for p in filtered)
    audit = kiosk_cmd(demo_cfg, "audit").stdout
    assert "export" in audit


ROSTER = (
    "leerling_id;voornaam;achternaam;klas;ouder1_naam;ouder1_telefoon\n"
    "N1;[bold]Jan[/];Mol;3B;Ann Mol;0000 11 22 33\n"
    "N2;Lien;[@click=app.quit]x[/];K2;;\n"
)


def test_import_roster_all_or_nothing(demo_cfg: Path, tmp_path: Path):
    bad = tmp_path / "bad.csv"
    bad.write_text(ROSTER + ";Geen;Id;3B;;\nN4;Te;Veel;3B;;;;\n", encoding="utf-8")
    result = kiosk_cmd(demo_cfg, "import", "roster", str(bad))
    assert result.returncode == 1
    assert f"{bad}:4:" in result.stderr and f"{bad}:5:" in result.stderr
    assert "Traceback" not in result.stderr
    listed = json.loads(kiosk_cmd(demo_cfg, "pupils", "list", "--format", "json").stdout)
    assert len(listed) == 40 and not any(p["id"].startswith("N") for p in listed)


def test_import_roster_dry_run_then_real_then_reimport(demo_cfg: Path, tmp_path: Path):
    good = tmp_path / "roster.csv"
    good.write_bytes(ROSTER.encode("cp1252"))
    dry = kiosk_cmd(demo_cfg, "import", "roster", str(good), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "added 2" in dry.stdout and "left 40" in dry.stdout
    assert len(json.loads(kiosk_cmd(demo_cfg, "pupils", "list", "--format", "json").stdout)) == 40

    assert "--allow-many-leaving" in dry.stderr
    partial = kiosk_cmd(demo_cfg, "import", "roster", str(good))  # 40 of 40 would leave: refused
    assert partial.returncode == 1 and "--allow-many-leaving" in partial.stderr
    assert len(json.loads(kiosk_cmd(demo_cfg, "pupils", "list", "--format", "json").stdout)) == 40
    real = kiosk_cmd(demo_cfg, "import", "roster", str(good), "--allow-many-leaving")
    assert real.returncode == 0, real.stderr
    listed = json.loads(kiosk_cmd(demo_cfg, "pupils", "list", "--format", "json").stdout)
    assert {(p["first_name"], p["last_name"]) for p in listed} == {("[bold]Jan[/]", "Mol"),
                                                                     ("Lien", "[@click=app.quit]x[/]")}
    good.write_text(ROSTER.replace("N1;[bold]Jan[/];Mol;3B", "N1;[bold]Jan[/];Mol;4B"), encoding="utf-8")
    again = kiosk_cmd(demo_cfg, "import", "roster", str(good))
    assert "changed 1" in again.stdout and "unchanged 1" in again.stdout and "left 0" in again.stdout
    assert "roster-import" in kiosk_cmd(demo_cfg, "audit", "--format", "json").stdout


def test_staff_add_set_pin_from_stdin(demo_cfg: Path):
    added = kiosk_cmd(demo_cfg, "staff", "add", "Wim Dauwveld", "--role", "teacher", "--classes", "3a,3b")
    assert added.returncode == 0, added.stderr
    assert kiosk_cmd(demo_cfg, "staff", "add", "Wim Dauwveld", "--role", "teacher").returncode == 1
    assert kiosk_cmd(demo_cfg, "staff", "set-pin", "wim", stdin="12\n").returncode == 1
    ok = kiosk_cmd(demo_cfg, "staff", "set-pin", "wim", stdin="4321\n")
    assert ok.returncode == 0, ok.stderr
    listing = kiosk_cmd(demo_cfg, "staff", "list").stdout
    assert "wim-dauwveld" in listing and "3A,3B" in listing
    # not as a word of its own: random record ids may hold the digits ("…3b4b194fec4321")
    assert not re.search(r"\b4321\b", (demo_cfg.parent / "data" / "school.json").read_text())
    unknown = kiosk_cmd(demo_cfg, "staff", "set-pin", "nobody", stdin="1234\n")
    assert unknown.returncode == 1 and "nobody" in unknown.stderr


def test_errors_are_one_line_without_traceback(tmp_path: Path):
    missing = kiosk_cmd(tmp_path / "nope.toml", "check")
    assert missing.returncode == 1
    assert missing.stderr.strip().count("\n") == 0 and "nope.toml" in missing.stderr
    cfg = write_config(tmp_path, language="en")
    no_file = kiosk_cmd(cfg, "import", "roster", str(tmp_path / "absent.csv"))
    assert no_file.returncode == 1 and "absent.csv" in no_file.stderr
    assert "Traceback" not in no_file.stderr


def test_check_and_backup_on_healthy_store(demo_cfg: Path):
    check = kiosk_cmd(demo_cfg, "check")
    assert check.returncode == 0 and "OK" in check.stdout
    backup = kiosk_cmd(demo_cfg, "backup")
    assert backup.returncode == 0
    assert len(kiosk_cmd(demo_cfg, "backup", "--list").stdout.split()) == 1


def test_dutch_is_the_default_language(tmp_path: Path):
    cfg = write_config(tmp_path, language="nl")
    result = kiosk_cmd(cfg, "check")
    assert result.returncode == 0
    assert "OK" in result.stdout and "read correctly" not in result.stdout


def test_restore_keeps_the_audit_trail_since_the_backup(demo_cfg: Path):
    kiosk_cmd(demo_cfg, "backup")
    name = kiosk_cmd(demo_cfg, "backup", "--list").stdout.split()[0]
    kiosk_cmd(demo_cfg, "staff", "add", "Wim Dauwveld", "--role", "teacher")
    kiosk_cmd(demo_cfg, "pupils", "list", "--format", "csv")
    restored = kiosk_cmd(demo_cfg, "restore", name)
    assert restored.returncode == 0, restored.stderr
    assert "wim-dauwveld" not in kiosk_cmd(demo_cfg, "staff", "list").stdout  # the data went back
    audit = kiosk_cmd(demo_cfg, "audit", "--format", "json").stdout
    assert '"staff-add"' in audit and '"export"' in audit and '"restore"' in audit  # the trail did not


def test_reimporting_an_export_without_guardian_columns_keeps_the_guardians(demo_cfg: Path, tmp_path: Path):
    export = tmp_path / "export.csv"
    export.write_text(kiosk_cmd(demo_cfg, "pupils", "list", "--format", "csv").stdout, encoding="utf-8")
    school = demo_cfg.parent / "data" / "school.json"
    phones_before = school.read_text().count("0000 ")
    result = kiosk_cmd(demo_cfg, "import", "roster", str(export))
    assert result.returncode == 0, result.stderr
    assert "changed 0" in result.stdout and "guardian" in result.stderr
    assert school.read_text().count("0000 ") == phones_before > 0


def test_csv_export_never_lets_excel_run_a_name_as_a_formula(demo_cfg: Path, tmp_path: Path):
    roster = tmp_path / "r.csv"
    roster.write_text("id;voornaam;achternaam;klas\nF1;=HYPERLINK(\"x\");Mol;3B\n", encoding="utf-8")
    assert kiosk_cmd(demo_cfg, "import", "roster", str(roster), "--allow-many-leaving").returncode == 0
    exported = kiosk_cmd(demo_cfg, "pupils", "list", "--format", "csv").stdout
    assert ";'=HYPERLINK(\"\"x\"\");" in exported or "'=HYPERLINK" in exported
    assert ";=HYPERLINK" not in exported
