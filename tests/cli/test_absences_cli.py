"""`kiosk absences …` and `kiosk late …` in a child process (tests/cli/runner.py), on an invented demo school.

The CLI reads the real system clock, so "today" is datetime.date.today() here too."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import shutil
import subprocess
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from kiosk.domain.calendar import SchoolCalendar, school_year_bounds, school_year_of
from tests.cli.runner import as_text, run_kiosk
from tests.conftest import MONDAY_MORNING, write_config

# the CLI runs on the same Monday as the other tests, at the end of the school day
CLI_ENV = {**os.environ, "KIOSK_NOW": MONDAY_MORNING.replace(hour=16).isoformat()}

CODES = ("sick_note", "sick_certificate", "justified", "problematic", "unknown")
PRIVATE = ("0000 ", "@example.org")


def kiosk_cmd(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    result = as_text(run_kiosk(["--config", str(config), *args], env=CLI_ENV))
    assert "Traceback" not in result.stderr, result.stderr
    return result


def ok(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    result = kiosk_cmd(config, *args)
    assert result.returncode == 0, result.stderr
    for fragment in PRIVATE:
        assert fragment not in result.stdout and fragment not in result.stderr
    return result


def one_line_error(result: subprocess.CompletedProcess[str], code: int = 1) -> str:
    assert result.returncode == code, (result.stdout, result.stderr)
    assert result.stdout == ""
    assert result.stderr.startswith("kiosk: ")
    assert result.stderr.strip().count("\n") == 0, result.stderr
    return result.stderr


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("absences-demo")
    cfg = write_config(root, language="en")
    result = kiosk_cmd(cfg, "demo", "--pupils", "40", "--seed", "3")
    assert result.returncode == 0, result.stderr
    return root / "data"


@pytest.fixture
def cfg(tmp_path: Path, demo_template: Path) -> Path:
    shutil.copytree(demo_template, tmp_path / "data")
    return write_config(tmp_path, language="en")


# -- helpers -------------------------------------------------------------------------------------
TODAY = MONDAY_MORNING.date()  # the CLI runs with KIOSK_NOW
YEAR = school_year_of(TODAY)
YEAR_START, YEAR_END = school_year_bounds(YEAR)
CAL = SchoolCalendar()


def school_days_of_month(day: dt.date) -> list[dt.date]:
    first = day.replace(day=1)
    days = (first + dt.timedelta(days=n) for n in range(31))
    return [d for d in days if d.month == day.month and CAL.is_school_day(d)]


def school_days(n: int) -> list[dt.date]:
    """The first n school days of the current school year (past or future: same school year)."""
    found, day = [], YEAR_START
    while len(found) < n:
        if CAL.is_school_day(day):
            found.append(day)
        day += dt.timedelta(days=1)
    return found


def snapshot(cfg: Path) -> dict[str, bytes]:
    """The stored data (not the backups): to show that a refused command changed nothing."""
    data = cfg.parent / "data"
    return {str(f.relative_to(data)): f.read_bytes() for f in sorted(data.rglob("*.json"))
            if "backups" not in f.relative_to(data).parts}


def pupils(cfg: Path) -> list[dict[str, str]]:
    return json.loads(ok(cfg, "pupils", "list", "--format", "json").stdout)


def absences_json(cfg: Path, *args: str) -> list[dict[str, str]]:
    return json.loads(ok(cfg, "absences", "list", *args, "--format", "json").stdout)


def year_absences(cfg: Path, *args: str) -> list[dict[str, str]]:
    return absences_json(cfg, "--from", YEAR_START.isoformat(), "--to", YEAR_END.isoformat(), *args)


def lates_json(cfg: Path, *args: str) -> list[dict[str, str]]:
    return json.loads(ok(cfg, "late", "list", *args, "--format", "json").stdout)


def quiet_pupil(cfg: Path) -> dict[str, str]:
    """A pupil without any absence this school year."""
    busy = {a["pupil_id"] for a in year_absences(cfg)}
    return next(p for p in pupils(cfg) if p["id"] not in busy)


def printed_entry(stdout: str) -> list[str]:
    """The table `absences add` prints: a header and one row."""
    lines = stdout.strip().splitlines()
    assert len(lines) == 2, stdout
    assert lines[0].split()[:4] == ["entry", "pupil", "id", "first"]  # people's words (English here)
    return lines[1].split()


def added_id(result: subprocess.CompletedProcess[str]) -> str:
    return printed_entry(result.stdout)[0]


def stored(cfg: Path, entry_id: str, *args: str) -> dict[str, str]:
    found = [a for a in year_absences(cfg, *args) if a["id"] == entry_id]
    assert len(found) == 1, entry_id
    return found[0]


# -- absences add --------------------------------------------------------------------------------
def test_add_by_id_prints_the_stored_entry(cfg: Path):
    pupil = quiet_pupil(cfg)
    before = snapshot(cfg)
    result = ok(cfg, "absences", "add", "--pupil", pupil["id"], "--code", "sick_certificate",
                "--note", "griep", "--via", "phone")
    assert snapshot(cfg) != before                            # (the snapshot does see a change)
    row = printed_entry(result.stdout)
    assert row[1:3] == [pupil["id"], pupil["first_name"]]
    assert TODAY.isoformat() in row and "sick_certificate" in row and "griep" in row
    entry = stored(cfg, row[0])
    assert entry == {
        "id": row[0], "pupil_id": pupil["id"], "first_name": pupil["first_name"],
        "last_name": pupil["last_name"], "class": pupil["class"], "from": TODAY.isoformat(),
        "to": TODAY.isoformat(), "part": "day", "code": "sick_certificate", "justified": True,
        "reported_via": "phone", "note": "griep", "by": entry["by"],
    }
    assert entry["by"].startswith("cli")
    assert entry in absences_json(cfg)                       # the default period is today


def test_add_by_staff_member_and_by_full_name(cfg: Path):
    pupil = quiet_pupil(cfg)
    name = f"{pupil['first_name']} {pupil['last_name']}"
    entry_id = added_id(ok(cfg, "absences", "add", "--pupil", name, "--code", "justified", "--by", "greet"))
    entry = stored(cfg, entry_id)
    assert entry["pupil_id"] == pupil["id"] and entry["by"] == "greet-klaprooswijk"
    assert entry["code"] == "justified" and entry["justified"] is True
    unknown_staff = kiosk_cmd(cfg, "absences", "add", "--pupil", pupil["id"], "--code", "m", "--by", "nobody")
    assert unknown_staff.returncode == 1 and "nobody" in unknown_staff.stderr


def shared_first_name(cfg: Path) -> tuple[str, list[str]]:
    by_first: dict[str, list[str]] = defaultdict(list)
    for p in pupils(cfg):
        by_first[p["first_name"]].append(p["id"])
    first, found = next((f, ids) for f, ids in sorted(by_first.items()) if len(ids) >= 2)
    return first, found


def test_ambiguous_pupil_exits_2_with_candidates(cfg: Path):
    first, found = shared_first_name(cfg)
    before = snapshot(cfg)
    result = kiosk_cmd(cfg, "absences", "add", "--pupil", first, "--code", "z")
    error = one_line_error(result, code=2)
    for pupil_id in found:
        assert pupil_id in error
    assert first in error
    assert snapshot(cfg) == before
    listed = kiosk_cmd(cfg, "absences", "list", "--pupil", first)
    assert listed.returncode == 2 and all(pupil_id in listed.stderr for pupil_id in found)


def test_name_and_class_narrow_an_ambiguous_first_name(cfg: Path):
    first, found = shared_first_name(cfg)
    everyone = {p["id"]: p for p in pupils(cfg)}
    classes = Counter(everyone[i]["class"] for i in found)
    pupil_id = next(i for i in found if classes[everyone[i]["class"]] == 1)
    text = f"{first} {everyone[pupil_id]['class']}"
    entry_id = added_id(ok(cfg, "absences", "add", "--pupil", text, "--code", "z"))
    assert stored(cfg, entry_id)["pupil_id"] == pupil_id


def test_unknown_pupil_exits_1(cfg: Path):
    before = snapshot(cfg)
    error = one_line_error(kiosk_cmd(cfg, "absences", "add", "--pupil", "Zyxwvut", "--code", "z"))
    assert "Zyxwvut" in error
    assert one_line_error(kiosk_cmd(cfg, "late", "add", "--pupil", "P99999"))
    assert snapshot(cfg) == before


@pytest.mark.parametrize("code", ["x", "ziek", "sick", "Sick_Note"])
def test_unknown_code_is_a_usage_error_listing_the_codes(cfg: Path, code: str):
    before = snapshot(cfg)
    error = one_line_error(kiosk_cmd(cfg, "absences", "add", "--pupil", "P00001", "--code", code), code=2)
    assert repr(code) in error
    for known in CODES:
        assert known in error
    assert snapshot(cfg) == before


@pytest.mark.parametrize(("code", "expected", "justified"), [
    ("z", "sick_note", True), ("m", "sick_certificate", True), ("r", "justified", True),
    ("b", "problematic", False), ("o", "unknown", False), ("M", "sick_certificate", True),
    ("problematic", "problematic", False),
])
def test_key_letter_or_id_as_code(cfg: Path, code: str, expected: str, justified: str):
    pupil = quiet_pupil(cfg)
    day = school_days(1)[0].isoformat()
    entry = stored(cfg, added_id(ok(cfg, "absences", "add", "--pupil", pupil["id"], "--code", code,
                                    "--date", day)))
    assert (entry["code"], entry["justified"], entry["from"], entry["to"]) == (expected, justified, day, day)


def test_from_to_period(cfg: Path):
    pupil = quiet_pupil(cfg)
    start, end = TODAY + dt.timedelta(days=1), TODAY + dt.timedelta(days=9)
    result = ok(cfg, "absences", "add", "--pupil", pupil["id"], "--code", "m", "--from", start.isoformat(),
                "--to", end.isoformat())
    entry = stored(cfg, added_id(result))
    assert (entry["from"], entry["to"], entry["part"]) == (start.isoformat(), end.isoformat(), "day")
    # listed on every day it covers, not outside it
    for day, present in ((start, True), (end, True), (start + dt.timedelta(days=4), True),
                         (start - dt.timedelta(days=1), False), (end + dt.timedelta(days=1), False)):
        assert (entry in absences_json(cfg, "--date", day.isoformat())) is present
    # Belgian day/month/year works as well
    other = quiet_pupil(cfg)
    entry = stored(cfg, added_id(ok(cfg, "absences", "add", "--pupil", other["id"], "--code", "m",
                                    "--from", f"{start:%d/%m/%Y}", "--to", f"{end:%d/%m/%Y}")))
    assert (entry["from"], entry["to"]) == (start.isoformat(), end.isoformat())


def test_from_without_to_is_one_day_and_period_errors(cfg: Path):
    pupil = quiet_pupil(cfg)
    day = TODAY + dt.timedelta(days=2)
    entry = stored(cfg, added_id(ok(cfg, "absences", "add", "--pupil", pupil["id"], "--code", "m",
                                    "--from", day.isoformat())))
    assert entry["from"] == entry["to"] == day.isoformat()
    before = snapshot(cfg)
    backwards = kiosk_cmd(cfg, "absences", "add", "--pupil", pupil["id"], "--code", "m",
                          "--from", day.isoformat(), "--to", TODAY.isoformat())
    assert "ends before it starts" in one_line_error(backwards)
    both = kiosk_cmd(cfg, "absences", "add", "--pupil", pupil["id"], "--code", "m",
                     "--date", day.isoformat(), "--from", day.isoformat())
    assert "--date" in one_line_error(both, code=2)
    assert snapshot(cfg) == before


def test_part_am_and_pm(cfg: Path):
    pupil = quiet_pupil(cfg)
    day = school_days(1)[0].isoformat()
    am = stored(cfg, added_id(ok(cfg, "absences", "add", "--pupil", pupil["id"], "--code", "m",
                                 "--date", day, "--part", "am")))
    assert (am["part"], am["from"], am["to"]) == ("am", day, day)
    pm = stored(cfg, added_id(ok(cfg, "absences", "add", "--pupil", pupil["id"], "--code", "m",
                                 "--date", day, "--part", "pm")))
    assert pm["part"] == "pm"
    two_days = kiosk_cmd(cfg, "absences", "add", "--pupil", pupil["id"], "--code", "m", "--part", "am",
                         "--from", TODAY.isoformat(), "--to", (TODAY + dt.timedelta(days=1)).isoformat())
    assert "half day" in one_line_error(two_days)
    wrong = kiosk_cmd(cfg, "absences", "add", "--pupil", pupil["id"], "--code", "m", "--part", "evening")
    assert wrong.returncode == 2 and "Traceback" not in wrong.stderr  # argparse's own usage error


@pytest.mark.parametrize("args", [
    ("absences", "add", "--pupil", "P00001", "--code", "z", "--date", "31/02"),
    ("absences", "add", "--pupil", "P00001", "--code", "z", "--date", "morgenvroeg"),
    ("absences", "add", "--pupil", "P00001", "--code", "z", "--from", "2026-13-01"),
    ("absences", "add", "--pupil", "P00001", "--code", "z", "--from", "vandaag", "--to", "32/1"),
    ("absences", "list", "--date", "nope"),
    ("late", "list", "--from", "1/1", "--to", "x"),
    ("late", "add", "--pupil", "P00001", "--time", "25:99"),
    ("late", "add", "--pupil", "P00001", "--time", "kwart over acht"),
    ("late", "add", "--pupil", "P00001", "--time", "8:5"),
    ("late", "add", "--pupil", "P00001", "--date", "gisteravond"),
])
def test_bad_date_or_time_is_one_line_without_traceback(cfg: Path, args: tuple[str, ...]):
    before = snapshot(cfg)
    error = one_line_error(kiosk_cmd(cfg, *args))
    assert "is not a date" in error or "is not a time" in error
    assert snapshot(cfg) == before


# -- warnings ------------------------------------------------------------------------------------
def test_fifth_parent_note_warns_and_suggests_the_certificate(cfg: Path):
    pupil = quiet_pupil(cfg)
    days = school_days(5)
    for n, day in enumerate(days, start=1):
        result = ok(cfg, "absences", "add", "--pupil", pupil["id"], "--code", "z", "--date", day.isoformat())
        assert stored(cfg, added_id(result))["code"] == "sick_note"
        if n < 5:
            assert "warning" not in result.stderr, (n, result.stderr)
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1, result.stderr
    assert "certificate" in warnings[0] and pupil["last_name"] in warnings[0]
    assert "5" in warnings[0] and "4" in warnings[0]
    assert len(year_absences(cfg, "--pupil", pupil["id"])) == 5      # saved anyway: staff decide


def test_parent_note_over_three_days_warns(cfg: Path):
    pupil = quiet_pupil(cfg)
    start = school_days(1)[0]
    result = ok(cfg, "absences", "add", "--pupil", pupil["id"], "--code", "z", "--from", start.isoformat(),
                "--to", (start + dt.timedelta(days=3)).isoformat())
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "certificate" in warnings[0] and "3" in warnings[0] and "4" in warnings[0]
    three = ok(cfg, "absences", "add", "--pupil", quiet_pupil(cfg)["id"], "--code", "z",
               "--from", start.isoformat(), "--to", (start + dt.timedelta(days=2)).isoformat())
    assert "warning" not in three.stderr


def test_problematic_half_days_warn_then_flag_for_clb(cfg: Path):
    pupil = quiet_pupil(cfg)
    full_days = [d for d in school_days(15) if d.weekday() != 2]          # not Wednesday: 2 half days
    first = ok(cfg, "absences", "add", "--pupil", pupil["id"], "--code", "b", "--date",
               full_days[0].isoformat())
    assert "warning" not in first.stderr                                  # 2 half days
    third = ok(cfg, "absences", "add", "--pupil", pupil["id"], "--code", "b", "--date",
               full_days[1].isoformat(), "--part", "am")
    assert "3 problematic half days" in third.stderr and "CLB" not in third.stderr
    fourth = ok(cfg, "absences", "add", "--pupil", pupil["id"], "--code", "b", "--date",
                full_days[1].isoformat(), "--part", "pm")
    assert "4 problematic half days" in fourth.stderr and "CLB" not in fourth.stderr
    fifth = ok(cfg, "absences", "add", "--pupil", pupil["id"], "--code", "b", "--date",
               full_days[2].isoformat(), "--part", "am")
    assert "5 problematic half days" in fifth.stderr and "CLB" in fifth.stderr


def test_no_school_day_is_refused(cfg: Path):
    saturday = YEAR_START + dt.timedelta(days=(5 - YEAR_START.weekday()) % 7)
    pupil = quiet_pupil(cfg)["id"]
    for when in (["--date", saturday.isoformat()], ["--date", "2026-11-11"],
                 ["--date", "2026-11-25", "--part", "pm"]):  # weekend, Armistice, Wednesday pm
        error = one_line_error(kiosk_cmd(cfg, "absences", "add", "--pupil", pupil, "--code", "m", *when))
        assert "no school" in error
    late = one_line_error(kiosk_cmd(cfg, "late", "add", "--pupil", pupil, "--date", saturday.isoformat()))
    assert "no school" in late
    assert one_line_error(kiosk_cmd(cfg, "late", "add", "--pupil", pupil, "--date", "morgen"))
    assert absences_json(cfg, "--pupil", pupil, "--from", YEAR_START.isoformat(),
                         "--to", YEAR_END.isoformat()) == []


def test_a_second_entry_for_the_same_half_day_is_refused(cfg: Path):
    pupil = quiet_pupil(cfg)["id"]
    ok(cfg, "absences", "add", "--pupil", pupil, "--code", "z", "--from", TODAY.isoformat(), "--to", "vr")
    error = one_line_error(kiosk_cmd(cfg, "absences", "add", "--pupil", pupil, "--code", "m", "--date", "wo",
                                     "--part", "am"))
    assert "already absent" in error
    ok(cfg, "late", "add", "--pupil", pupil, "--time", "8:40")
    assert "already" in one_line_error(kiosk_cmd(cfg, "late", "add", "--pupil", pupil, "--time", "8:45"))


# -- absences list -------------------------------------------------------------------------------
def test_list_formats_and_filters_never_show_contact_details(cfg: Path):
    absent_today = {a["pupil_id"] for a in absences_json(cfg)}  # the demo's own morning
    everyone = [p for p in pupils(cfg) if p["id"] not in absent_today]
    for pupil, code in zip(everyone[:6], "zmrbo" + "z", strict=True):
        ok(cfg, "absences", "add", "--pupil", pupil["id"], "--code", code, "--note", "via de agenda")
    period = ("--from", YEAR_START.isoformat(), "--to", YEAR_END.isoformat())
    as_json = absences_json(cfg, *period)
    assert len(as_json) >= 6
    assert {a["pupil_id"] for a in absences_json(cfg)} >= {p["id"] for p in everyone[:6]}
    table = ok(cfg, "absences", "list", *period).stdout
    raw_csv = ok(cfg, "absences", "list", *period, "--format", "csv").stdout
    assert raw_csv.startswith("\ufeff")
    header, *rows = list(csv.reader(io.StringIO(raw_csv.lstrip("\ufeff")), delimiter=";"))
    assert header == ["entry", "pupil id", "first name", "last name", "class", "from", "to", "part", "code",
                      "justified", "reported via", "note", "by"]  # for people: the kiosk's language
    assert list(as_json[0]) == ["id", "pupil_id", "first_name", "last_name", "class", "from", "to", "part",
                                "code", "justified", "reported_via", "note", "by"]  # for scripts: stable
    assert len(rows) == len(as_json)
    for row, record in zip(rows, as_json, strict=True):
        # an id a spreadsheet would read as a number (all digits, or digits with an e) stays text
        assert row[0] in (record["id"], f'="{record["id"]}"') and row[2] == record["first_name"]
        assert row[9] == ("yes" if record["justified"] else "no") and isinstance(record["justified"], bool)
    assert len(table.strip().splitlines()) == len(as_json) + 1
    assert table.splitlines()[0].startswith("entry")
    for output in (table, raw_csv, json.dumps(as_json)):
        for fragment in PRIVATE:
            assert fragment not in output

    klass = everyone[0]["class"]
    in_class = absences_json(cfg, *period, "--class", klass.lower())
    assert in_class and all(a["class"] == klass for a in in_class)
    assert in_class == [a for a in as_json if a["class"] == klass]
    class_csv = ok(cfg, "absences", "list", *period, "--class", klass, "--format", "csv").stdout
    assert len(class_csv.strip().splitlines()) == len(in_class) + 1

    pupil = everyone[1]
    mine = absences_json(cfg, *period, "--pupil", pupil["id"])
    assert mine == [a for a in as_json if a["pupil_id"] == pupil["id"]]
    by_name = absences_json(cfg, *period, "--pupil", f"{pupil['first_name']} {pupil['last_name']}")
    assert by_name == mine
    other_class = next(p["class"] for p in everyone if p["class"] != pupil["class"])
    assert absences_json(cfg, *period, "--pupil", pupil["id"], "--class", other_class) == []
    assert absences_json(cfg, "--date", (YEAR_END + dt.timedelta(days=400)).isoformat()) == []
    assert "export" in ok(cfg, "audit").stdout


def test_every_add_is_in_the_audit_trail(cfg: Path):
    def audit_lines() -> list[dict[str, dict[str, str]]]:
        entries = json.loads(ok(cfg, "audit", "--format", "json").stdout)
        return [e for e in entries if e["action"] == "absence-add"]

    before = audit_lines()
    absent_today = {a["pupil_id"] for a in absences_json(cfg)}  # the demo's own morning
    everyone = [p for p in pupils(cfg) if p["id"] not in absent_today]
    ids = [added_id(ok(cfg, "absences", "add", "--pupil", p["id"], "--code", code, *extra))
           for p, code, extra in zip(everyone[:4], "zmbo", ([], ["--part", "am"], [],
                                     ["--from", TODAY.isoformat(), "--to",
                                      (TODAY + dt.timedelta(days=2)).isoformat()]), strict=True)]
    after = audit_lines()
    assert len(after) == len(before) + 4
    for entry_id, pupil in zip(ids, everyone[:4], strict=True):
        line = next(line for line in after if line["facts"]["entry"] == entry_id)
        assert line["facts"]["pupil"] == pupil["id"]
    words = ok(cfg, "audit").stdout  # for people: names and plain words, no ids
    assert f"{everyone[0]['first_name']} {everyone[0]['last_name']}" in words and "absence logged" in words
    assert ids[0] not in words
    # refused adds leave no absence-add line
    kiosk_cmd(cfg, "absences", "add", "--pupil", everyone[0]["id"], "--code", "x")
    kiosk_cmd(cfg, "absences", "add", "--pupil", "Zyxwvut", "--code", "z")
    assert len(audit_lines()) == len(after)


# -- late arrivals -------------------------------------------------------------------------------
def test_late_add_with_time_and_list(cfg: Path):
    everyone = pupils(cfg)
    first, second = everyone[0], everyone[5]
    result = ok(cfg, "late", "add", "--pupil", first["id"], "--time", "8:47", "--reason", "bus te laat")
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 2 and lines[0].split()[:3] == ["entry", "pupil", "id"]
    late_id = lines[1].split()[0]
    assert "08:47" in lines[1] and TODAY.isoformat() in lines[1]
    ok(cfg, "late", "add", "--pupil", second["id"], "--time", "9h05")
    today = lates_json(cfg)
    mine = next(x for x in today if x["id"] == late_id)
    assert mine == {"id": late_id, "pupil_id": first["id"], "first_name": first["first_name"],
                    "last_name": first["last_name"], "class": first["class"], "date": TODAY.isoformat(),
                    "time": "08:47", "announced": False, "reason": "bus te laat", "by": mine["by"]}
    assert any(x["pupil_id"] == second["id"] and x["time"] == "09:05" for x in today)
    assert lates_json(cfg, "--pupil", first["id"]) == [x for x in today if x["pupil_id"] == first["id"]]
    in_class = lates_json(cfg, "--class", second["class"])
    assert in_class and all(x["class"] == second["class"] for x in in_class)
    raw_csv = ok(cfg, "late", "list", "--format", "csv").stdout
    assert raw_csv.startswith("\ufeff") and ";08:47;" in raw_csv
    table = ok(cfg, "late", "list").stdout
    assert late_id in table and len(table.strip().splitlines()) == len(today) + 1
    audit = json.loads(ok(cfg, "audit", "--format", "json").stdout)
    assert any(e["action"] == "late-add" and e["facts"]["entry"] == late_id for e in audit)
    friday = TODAY - dt.timedelta(days=3)  # the last school day before this Monday
    ok(cfg, "late", "add", "--pupil", first["id"], "--time", "8:50", "--date", friday.isoformat())
    assert [x["time"] for x in lates_json(cfg, "--date", friday.isoformat(), "--pupil", first["id"])] == [
        "08:50"]


def test_late_flag_from_the_threshold(cfg: Path):
    month_start = TODAY.replace(day=1)
    busy = {x["pupil_id"] for x in lates_json(cfg, "--from", month_start.isoformat(),
                                              "--to", (month_start + dt.timedelta(days=31)).isoformat())}
    pupil = next(p for p in pupils(cfg) if p["id"] not in busy)
    days = [d for d in school_days_of_month(TODAY) if d <= TODAY][-3:]
    for n, (day, time) in enumerate(zip(days, ("8:35", "8:40", "8:45"), strict=True), start=1):
        result = ok(cfg, "late", "add", "--pupil", pupil["id"], "--time", time, "--date", day.isoformat())
        if n < 3:
            assert "warning" not in result.stderr
    assert "late 3 times this month" in result.stderr and pupil["last_name"] in result.stderr


@pytest.mark.parametrize(("args", "words"), [
    (("absences", "add", "--pupil", "P00001", "--code", "z", "--via", "fax"), "fax"),
    (("absences", "list", "--date", "2026-11-23", "--from", "2026-11-20"), "--date"),
    (("late", "add", "--pupil", "P00001", "--time", "٠٨:١٠"), "٠٨:١٠"),
    (("serve", "--public-url", "notaurl"), "notaurl"),
])
def test_options_that_cannot_work_are_usage_errors_and_change_nothing(cfg, args, words):
    before = snapshot(cfg)
    result = kiosk_cmd(cfg, *args)
    code = 1 if args[0] == "late" else 2  # a time is a value, not an option that cannot work
    assert words in one_line_error(result, code=code)
    assert snapshot(cfg) == before


def test_a_class_the_school_does_not_have_is_named_not_listed_empty(cfg):
    result = kiosk_cmd(cfg, "absences", "list", "--class", "3B")
    assert "3B" in one_line_error(result) and "L3B" not in result.stdout
    assert kiosk_cmd(cfg, "pupils", "list", "--class", "nope").returncode == 1
