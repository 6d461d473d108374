"""`kiosk notes …`, `kiosk followups …`, `kiosk export pupil`, `kiosk purge` through a real
subprocess (the clock frozen on Monday 23 November 2026, 16:00)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
from pathlib import Path

from tests.cli import test_absences_cli as absences_cli
from tests.cli.runner import as_text, run_kiosk
from tests.cli.test_absences_cli import kiosk_cmd, ok, one_line_error, pupils, snapshot

demo_template = absences_cli.demo_template  # the same small demo school as the absences commands
cfg = absences_cli.cfg
HEAD, CARE = "Greet Klaprooswijk", "Bram Lindeveld"


def pupil_with_phone(config: Path) -> dict[str, str]:
    return pupils(config)[0]


def follow_ups(config: Path, *args: str) -> list[dict[str, str]]:
    return json.loads(ok(config, "followups", "list", "--format", "json", *args).stdout)


def test_a_note_with_a_follow_up_by_the_48_hour_rule(cfg):
    pupil = pupil_with_phone(cfg)
    result = ok(cfg, "notes", "add", "--pupil", pupil["id"], "--text", "Vraagt naar de zwemles", "--follow-up",
                HEAD, "--by", HEAD, "--at", "2026-11-20T15:00")
    assert "Vraagt naar de zwemles" in result.stdout
    assert "2026-11-24T15:00" in result.stdout  # Friday 15:00 → Tuesday 15:00
    [mine] = [f for f in follow_ups(cfg, "--owner", HEAD) if f["pupil_ids"] == pupil["id"]]
    assert (mine["due"], mine["state"], mine["owner"]) == ("2026-11-24T15:00", "open", HEAD)
    assert set(mine) == {"id", "due", "state", "pupil_ids", "pupils", "owner", "note_id", "answer"}
    listed = json.loads(ok(cfg, "notes", "list", "--pupil", pupil["id"], "--format", "json").stdout)
    assert [n["text"] for n in listed if n["id"] == mine["note_id"]] == ["Vraagt naar de zwemles"]
    assert listed[0]["where"] == "gate" and listed[0]["level"] == "class"  # codes in JSON, words in tables


def test_done_and_handover_are_audited(cfg):
    pupil = pupil_with_phone(cfg)
    ok(cfg, "notes", "add", "--pupil", pupil["id"], "--text", "Factuur", "--follow-up", HEAD, "--by", HEAD)
    [open_] = [f for f in follow_ups(cfg) if f["pupil_ids"] == pupil["id"] and f["state"] == "open"]
    ok(cfg, "followups", "handover", open_["id"], "--to", CARE, "--by", HEAD)
    assert [f["owner"] for f in follow_ups(cfg, "--owner", CARE) if f["id"] == open_["id"]] == [CARE]
    done = ok(cfg, "followups", "done", open_["id"], "--answer", "Gebeld en uitgelegd", "--by", CARE)
    assert "Gebeld en uitgelegd" in done.stdout
    assert open_["id"] not in [f["id"] for f in follow_ups(cfg)]  # open ones only
    again = kiosk_cmd(cfg, "followups", "done", open_["id"], "--answer", "nog eens")
    assert "already" in one_line_error(again)
    audit = json.loads(ok(cfg, "audit", "--format", "json").stdout)
    assert {"follow-up-handover", "follow-up-done"} <= {e["action"] for e in audit}
    assert not any("Factuur" in json.dumps(e) for e in audit)  # the audit never holds a note's text


def test_overdue_and_quiet_moments(cfg):
    pupil = pupil_with_phone(cfg)
    ok(cfg, "notes", "add", "--pupil", pupil["id"], "--text", "Oud", "--follow-up", HEAD, "--at", "2026-11-16T09:00")
    assert any(f["pupil_ids"] == pupil["id"] for f in follow_ups(cfg, "--overdue"))
    before = snapshot(cfg)
    quiet = kiosk_cmd(cfg, "notes", "add", "--pupil", pupil["id"], "--text", "Avond", "--follow-up", HEAD,
                      "--due", "2026-11-24T21:00")
    assert "quiet" in one_line_error(quiet) and snapshot(cfg) == before  # nothing planned there silently
    ok(cfg, "notes", "add", "--pupil", pupil["id"], "--text", "Avond", "--follow-up", HEAD, "--due",
       "2026-11-24T21:00", "--allow-quiet")


def test_bad_input_changes_nothing(cfg):
    pupil = pupil_with_phone(cfg)
    before = snapshot(cfg)
    for args, words in ((("--text", ""), "empty"), (("--text", "x" * 2001), "longer"),
                        (("--text", "ok", "--due", "2026-11-25T10:00"), "--follow-up"),
                        (("--text", "ok", "--level", "personal"), "--by"),
                        (("--text", "ok", "--at", "2025-11-23T10:00"), "month"),
                        (("--text", "ok", "--follow-up", HEAD, "--due", "2026-11-28T10:00"), "--allow-quiet"),
                        (("--text", "a\x1bb"), "U+001B"), (("--text", "ok", "--at", "gisteren"), "2026-11-23"),
                        (("--text", "ok", "--follow-up", "Niemand Hier"), "Niemand"),
                        (("--text", "ok", "--guardian", "Iemand Anders"), "Iemand Anders"),
                        (("--text", "ok", "--at", "2026-11-30T10:00"), "future")):
        result = kiosk_cmd(cfg, "notes", "add", "--pupil", pupil["id"], *args)
        assert words in one_line_error(result, code=result.returncode), args
    assert snapshot(cfg) == before


def test_a_personal_note_is_listed_without_its_text(cfg):
    pupil = pupil_with_phone(cfg)
    ok(cfg, "notes", "add", "--pupil", pupil["id"], "--text", "Alleen voor mij", "--level", "personal", "--by", HEAD)
    listed = ok(cfg, "notes", "list", "--pupil", pupil["id"]).stdout
    assert "Alleen voor mij" not in listed and "personal" in listed


def test_export_pupil_holds_everything_and_is_owner_only(cfg, tmp_path):
    pupil = pupil_with_phone(cfg)
    ok(cfg, "notes", "add", "--pupil", pupil["id"], "--text", "Gesprek over lezen", "--follow-up", HEAD)
    out = tmp_path / "export.json"
    result = ok(cfg, "export", "pupil", pupil["id"], "--out", str(out))
    assert str(out) in result.stdout
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["pupil"]["id"] == pupil["id"]
    assert data["pupil"]["guardians"][0]["phone"].startswith("0000")  # the parents' own access request
    assert "Gesprek over lezen" in [n["text"] for n in data["conversations"]]
    assert len(data["follow_ups"]) >= 1 and data["staff"]
    assert all(a["pupil_id"] == pupil["id"] for a in data["absences"])
    again = kiosk_cmd(cfg, "export", "pupil", pupil["id"], "--out", str(out))
    assert "exists" in one_line_error(again)  # never written over
    audit = json.loads(ok(cfg, "audit", "--format", "json").stdout)
    assert [e for e in audit if e["action"] == "export-pupil"]


def seven_years_on(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The same school in October 2033: the demo's school year is past what it keeps."""
    env = {**absences_cli.CLI_ENV, "KIOSK_NOW": "2033-10-05T16:00"}
    result = as_text(run_kiosk(["--config", str(config), *args], env=env))
    assert "Traceback" not in result.stderr, result.stderr
    return result


def test_purge_keeps_what_the_school_keeps_and_what_is_still_owed(cfg):
    pupil = pupil_with_phone(cfg)
    ok(cfg, "notes", "add", "--pupil", pupil["id"], "--text", "Nog te beantwoorden", "--follow-up", HEAD)
    owed = [f["id"] for f in follow_ups(cfg)]
    refused = kiosk_cmd(cfg, "purge", "--before", "2026-10-01", "--dry-run")  # within what the school keeps
    assert "2025-09-01" in one_line_error(refused)
    nothing = ok(cfg, "purge", "--before", "2024-01-01", "--dry-run")  # kept longer: absences keep their date
    assert "2024-01-01" in nothing.stdout and "2022-09-01" in nothing.stdout
    assert "nothing deleted" in nothing.stdout  # the CLI of this config speaks English

    unconfirmed = seven_years_on(cfg, "purge")  # no terminal to confirm on: the counts, then no
    assert unconfirmed.returncode == 1 and "not confirmed" in unconfirmed.stderr
    absences_before = len(json.loads(ok(cfg, "absences", "list", "--from", "2026-09-01", "--to", "2026-09-30",
                                        "--format", "json").stdout))
    assert absences_before > 0 and f"{absences_before} absences" not in unconfirmed.stdout  # the whole year
    done = seven_years_on(cfg, "purge", "--yes")
    assert done.returncode == 0 and "backup" in done.stdout, done.stderr
    assert json.loads(ok(cfg, "absences", "list", "--from", "2026-09-01", "--to", "2026-09-30", "--format",
                         "json").stdout) == []
    assert [f["id"] for f in follow_ups(cfg)] == owed  # still owed: kept, with its note
    listed = json.loads(ok(cfg, "notes", "list", "--pupil", pupil["id"], "--format", "json").stdout)
    assert [n["text"] for n in listed] == ["Nog te beantwoorden"]
    assert "before-purge" in ok(cfg, "backup", "--list").stdout
    audit = json.loads(seven_years_on(cfg, "audit", "--format", "json").stdout)
    assert [e for e in audit if e["action"] == "purge"]
