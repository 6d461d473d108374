"""`kiosk sms read`: one message on stdin, the proposal on stdout, nothing saved."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.cli import test_absences_cli as absences_cli
from tests.cli.runner import run_kiosk
from tests.cli.test_absences_cli import CLI_ENV, one_line_error, pupils, snapshot

demo_template = absences_cli.demo_template  # the same small demo school as the absences commands
cfg = absences_cli.cfg

KEYS = ["kind", "pupils", "candidates", "code", "start", "end", "part", "time", "sure", "doubts"]


def read(config: Path, message: str | bytes, *args: str) -> subprocess.CompletedProcess[str]:
    data = message.encode() if isinstance(message, str) else message
    result = run_kiosk(["--config", str(config), "sms", "read", *args], env=CLI_ENV, stdin=data)
    out = subprocess.CompletedProcess(result.args, result.returncode, result.stdout.decode(), result.stderr.decode())
    assert "Traceback" not in out.stderr, out.stderr
    return out


def unique_pupil(config: Path) -> dict[str, str]:
    """A pupil whose first name no other pupil has."""
    everyone = pupils(config)
    firsts = [p["first_name"] for p in everyone]
    return next(p for p in everyone if firsts.count(p["first_name"]) == 1)


def test_json_has_the_documented_keys_and_saves_nothing(cfg):
    pupil = unique_pupil(cfg)
    before = snapshot(cfg)
    result = read(cfg, f"Goeiemorgen juf, {pupil['first_name']} is ziek tem woensdag, attest volgt. Groetjes",
                  "--at", "2026-11-23T07:40", "--format", "json")
    assert result.returncode == 0, result.stderr
    proposal = json.loads(result.stdout)
    assert list(proposal) == KEYS
    assert proposal == {"kind": "absence", "pupils": [pupil["id"]], "candidates": [], "code": "sick_certificate",
                        "start": "2026-11-23", "end": "2026-11-25", "part": "day", "time": None, "sure": True,
                        "doubts": []}
    assert snapshot(cfg) == before


def test_a_late_arrival_and_an_unsure_one(cfg):
    pupil = unique_pupil(cfg)
    late = json.loads(read(cfg, f"{pupil['first_name']} komt om kwart na 9", "--at", "2026-11-23T07:40",
                           "--format", "json").stdout)
    assert (late["kind"], late["time"], late["sure"]) == ("late", "09:15", True)
    unsure = json.loads(read(cfg, f"{pupil['first_name']} is ziek tot woensdag", "--at", "2026-11-23T07:40",
                             "--format", "json").stdout)
    assert (unsure["sure"], unsure["doubts"]) == (False, ["end"])


def test_the_table_is_in_words(cfg):
    pupil = unique_pupil(cfg)
    result = read(cfg, f"{pupil['first_name']} is ziek vandaag", "--at", "2026-11-23T07:40")
    assert result.returncode == 0, result.stderr
    lines = dict(line.split(None, 1) if " " in line.strip() else (line.strip(), "")
                 for line in result.stdout.splitlines())
    assert lines["kind"].strip() == "absence"
    assert f"{pupil['first_name']} {pupil['last_name']} ({pupil['class']}, {pupil['id']})" in result.stdout
    assert "Monday 23 November 2026" in result.stdout


def test_bad_input_is_one_line(cfg):
    assert "no message" in one_line_error(read(cfg, "   \n"))
    assert "UTF-8" in one_line_error(read(cfg, b"Lotte is \xff ziek"))
    assert "2026-11-23T07:45" in one_line_error(read(cfg, "Lotte is ziek", "--at", "gisteren"))
    assert "\x1b" not in read(cfg, "\x1b[31mLotte\x1b[0m is ziek").stdout
