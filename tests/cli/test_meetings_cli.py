"""`kiosk meetings …` through a real subprocess on the small demo school (the clock frozen on
Monday 23 November 2026): plan, reply slips, book, a clash refused, fill, unbooked, the evening."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.cli import test_absences_cli as absences_cli
from tests.cli.runner import as_text, run_kiosk
from tests.cli.test_absences_cli import kiosk_cmd, ok, one_line_error, pupils, snapshot

demo_template = absences_cli.demo_template
cfg = absences_cli.cfg
ROUND = ("--round", "proefavond")


def plan(cfg: Path) -> dict[str, str]:
    ok(cfg, "meetings", "plan", "--name", "Proefavond december", "--date", "2026-12-17", "--from", "16:00",
       "--to", "18:00", "--slot", "10", "--break", "17:00-17:15")
    [round_] = [r for r in json.loads(ok(cfg, "meetings", "rounds", "--format", "json").stdout)
                if r["name"] == "Proefavond december"]
    return round_


def on_the_evening(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**absences_cli.CLI_ENV, "KIOSK_NOW": "2026-12-17T19:30"}
    return as_text(run_kiosk(["--config", str(config), *args], env=env))


def meetings(cfg: Path, *args: str) -> list[dict[str, str]]:
    return json.loads(ok(cfg, "meetings", "list", *ROUND, *args, "--format", "json").stdout)


def unbooked(cfg: Path, class_name: str) -> list[dict[str, str]]:
    return json.loads(ok(cfg, "meetings", "unbooked", *ROUND, "--class", class_name, "--format", "json").stdout)


def test_plan_reply_book_and_a_clash_refused_with_the_reason(cfg):
    round_ = plan(cfg)
    assert (round_["name"], round_["kind"], round_["days"]) == ("Proefavond december", "parent_evening",
                                                                "2026-12-17")
    everyone = pupils(cfg)
    first = everyone[0]
    second = next(p for p in everyone[1:] if p["class"] == first["class"] and p["last_name"] != first["last_name"])
    said = ok(cfg, "meetings", "reply", *ROUND, "--pupil", first["id"], "--available", "na 16:30").stdout
    assert "16:30" in said
    booked = ok(cfg, "meetings", "book", *ROUND, "--pupil", first["id"]).stdout
    assert "16:30" in booked  # the first time that suits the parents
    [meeting] = meetings(cfg)
    assert (meeting["start"], meeting["end"], meeting["pupil_id"]) == ("16:30", "16:40", first["id"])
    assert "0000" not in json.dumps(meetings(cfg))  # no phone numbers in a schedule

    before = snapshot(cfg)
    clash = kiosk_cmd(cfg, "meetings", "book", *ROUND, "--pupil", second["id"], "--slot", "16:30")
    assert meeting["staff"] in one_line_error(clash)  # the same teacher at the same time
    outside = kiosk_cmd(cfg, "meetings", "book", *ROUND, "--pupil", second["id"], "--slot", "17:05")  # the break
    assert "17:05" in one_line_error(outside)
    ok(cfg, "meetings", "reply", *ROUND, "--pupil", second["id"], "--available", "na 17:15")
    too_early = kiosk_cmd(cfg, "meetings", "book", *ROUND, "--pupil", second["id"], "--slot", "16:40")
    assert "cannot" in one_line_error(too_early)  # the parents said: after 17:15
    after_slip = snapshot(cfg)
    ok(cfg, "meetings", "book", *ROUND, "--pupil", second["id"])  # the first time that suits
    assert [m["start"] for m in meetings(cfg) if m["pupil_id"] == second["id"]] == ["17:15"]
    assert after_slip != before


def test_a_plan_that_cannot_work_and_a_quiet_evening_are_refused(cfg):
    before = snapshot(cfg)
    for args, words in ((("--from", "18:00", "--to", "17:00"), "17:00"),
                        (("--from", "16:00", "--to", "18:00", "--break", "15:00-15:30"), "15:00"),
                        (("--from", "16:00", "--to", "16:20", "--slot", "30"), "30"),
                        (("--from", "19:00", "--to", "21:00"), "--allow-quiet")):
        result = kiosk_cmd(cfg, "meetings", "plan", "--name", "x", "--date", "2026-12-15", *args)
        assert words in one_line_error(result), args
    assert snapshot(cfg) == before
    bad_slip = kiosk_cmd(cfg, "meetings", "reply", "--round", "x", "--pupil", "P00001", "--available", "na 18u")
    assert one_line_error(bad_slip)  # no round x


def test_fill_a_class_dry_run_then_for_real_and_the_unbooked_list_shrinks(cfg):
    plan(cfg)
    everyone = pupils(cfg)
    class_name = everyone[0]["class"]
    in_class = [p for p in everyone if p["class"] == class_name]
    for pupil in in_class[:-1]:  # the last family has not replied yet
        ok(cfg, "meetings", "reply", *ROUND, "--pupil", pupil["id"], "--available", "altijd")
    states = {row["pupil_id"]: row["state"] for row in unbooked(cfg, class_name)}
    assert states[in_class[-1]["id"]] == "no_reply" and states[in_class[0]["id"]] == "not_booked"

    before = snapshot(cfg)
    dry = ok(cfg, "meetings", "fill", *ROUND, "--class", class_name, "--dry-run").stdout
    assert "dry run" in dry and snapshot(cfg) == before
    ok(cfg, "meetings", "fill", *ROUND, "--class", class_name)
    placed = meetings(cfg)
    assert {m["pupil_id"] for m in placed} == {p["id"] for p in in_class[:-1]}
    assert [row["pupil_id"] for row in unbooked(cfg, class_name)] == [in_class[-1]["id"]]
    times = sorted((m["staff"], m["start"]) for m in placed)
    assert len(times) == len(set(times))  # nobody twice at once

    meeting = placed[0]["id"]
    early = kiosk_cmd(cfg, "meetings", "mark", *ROUND, meeting, "--status", "no_show")
    assert "17/12" in one_line_error(early)  # not before the evening
    marked = on_the_evening(cfg, "meetings", "mark", *ROUND, meeting, "--status", "no_show")
    assert marked.returncode == 0 and "did not come" in marked.stdout, marked.stderr
    ok(cfg, "meetings", "cancel", *ROUND, meeting)
    assert meeting not in {m["id"] for m in meetings(cfg)}
    audit = {e["action"] for e in json.loads(ok(cfg, "audit", "--format", "json").stdout)}
    assert {"round-plan", "reply-add", "round-fill", "booking-mark", "booking-cancel"} <= audit


def test_calendar_files_for_a_teacher_and_a_household_read_back_with_icalendar(cfg, tmp_path):
    from icalendar import Calendar

    plan(cfg)
    first = pupils(cfg)[0]
    ok(cfg, "meetings", "reply", *ROUND, "--pupil", first["id"], "--available", "na 17:15")
    ok(cfg, "meetings", "book", *ROUND, "--pupil", first["id"])
    [meeting] = meetings(cfg)
    teacher_file, household_file = tmp_path / "teacher.ics", tmp_path / "household.ics"
    ok(cfg, "meetings", "ics", *ROUND, "--teacher", meeting["staff"], "--out", str(teacher_file))
    ok(cfg, "meetings", "ics", *ROUND, "--pupil", first["id"], "--out", str(household_file))
    for path in (teacher_file, household_file):
        raw = path.read_bytes()
        assert b"0000 " not in raw  # never a phone number
        [event] = Calendar.from_ical(raw).walk("VEVENT")
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        assert (start.isoformat(), end.isoformat()) == ("2026-12-17T17:15:00+01:00", "2026-12-17T17:25:00+01:00")
        assert str(start.tzinfo) == "Europe/Brussels"
        attendees = [str(a) for a in event.get("attendee", [])]
        assert attendees and all(a.startswith("mailto:") and "@" in a for a in attendees)
        assert first["last_name"] in str(event["summary"])
    again = kiosk_cmd(cfg, "meetings", "ics", *ROUND, "--pupil", first["id"], "--out", str(household_file))
    assert "household.ics" in one_line_error(again)  # never written over


def test_letters_and_a_schedule_read_back_from_the_pdf(cfg, tmp_path):
    from pypdf import PdfReader

    plan(cfg)
    everyone = pupils(cfg)
    pupil = everyone[0]
    ok(cfg, "meetings", "book", *ROUND, "--pupil", pupil["id"])
    [meeting] = meetings(cfg)
    letters, schedule = tmp_path / "letters.pdf", tmp_path / "schedule.pdf"
    ok(cfg, "meetings", "print", *ROUND, "--pupil", pupil["id"], "--out", str(letters))
    ok(cfg, "meetings", "print", *ROUND, "--teacher", meeting["staff"], "--out", str(schedule))
    pages = [page.extract_text() for page in PdfReader(letters).pages]
    households = meeting["guardians"].split(", ")
    assert 1 <= len(pages) <= len(households)  # one letter per household
    for page in pages:
        assert f"{meeting['start']}–{meeting['end']}" in page and pupil["first_name"] in page
        assert "0000" not in page  # never a phone number
    assert all(any(name in page for page in pages) for name in households)  # every guardian has a letter
    [table] = [page.extract_text() for page in PdfReader(schedule).pages]
    assert meeting["staff"] in table and pupil["last_name"] in table and "0000" not in table
    others = [p for p in everyone if p["class"] != pupil["class"]]
    assert not any(p["last_name"] in "".join(pages) for p in others[:10] if p["last_name"] != pupil["last_name"])

    invitations = tmp_path / "class.pdf"
    ok(cfg, "meetings", "print", *ROUND, "--class", pupil["class"], "--out", str(invitations))
    texts = [page.extract_text() for page in PdfReader(invitations).pages]
    in_class = [p for p in everyone if p["class"] == pupil["class"]]
    assert len(texts) >= len(in_class)  # a page per household, separated parents one each
    assert sum("☐" in t or "(time)" in t or "(uur)" in t for t in texts) >= len(in_class) - 1  # the slips



def test_a_teacher_with_other_hours_is_named_and_checked(cfg):
    before = snapshot(cfg)
    for extra, words in ((("--hours", "Niemand Hier=17:00-19:00"), "Niemand Hier"),
                         (("--hours", "zonder-uren"), "zonder-uren"), (("--room", "=zaal"), "=zaal")):
        result = kiosk_cmd(cfg, "meetings", "plan", "--name", "x", "--date", "2026-12-17", "--from", "16:00",
                           "--to", "18:00", *extra)
        assert words in one_line_error(result, code=result.returncode)
    assert snapshot(cfg) == before
