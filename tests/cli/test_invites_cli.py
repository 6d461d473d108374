"""`kiosk invites …` through a real subprocess on the small demo school: a code typed in or
generated, the letters (every QR decoded), a replaced code, joined households, the terminal QR."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli import test_absences_cli as absences_cli
from tests.cli.test_absences_cli import kiosk_cmd, ok, one_line_error, pupils, snapshot
from tests.qr_util import as_printed, draw_blocks, page_images, page_texts, qr_texts

demo_template = absences_cli.demo_template
cfg = absences_cli.cfg
LINK = "https://classapp.example/join?code="


def status(cfg: Path, class_name: str) -> list[dict[str, str]]:
    return json.loads(ok(cfg, "invites", "status", "--class", class_name, "--format", "json").stdout)


def a_class(cfg: Path) -> str:
    return pupils(cfg)[0]["class"]


def test_a_code_letters_for_the_class_and_a_replaced_code(cfg: Path, tmp_path: Path) -> None:
    class_name = a_class(cfg)
    before = snapshot(cfg)
    wrong = kiosk_cmd(cfg, "invites", "code", "--class", class_name, "--set", "K7QM-R4Z0")
    assert "'0'" in one_line_error(wrong)
    assert snapshot(cfg) == before
    assert ok(cfg, "invites", "code", "--class", class_name, "--set", "k7qm-r4zd").stdout == "K7QM R4ZD\n"
    assert ok(cfg, "invites", "code", "--class", class_name.lower()).stdout == "K7QM R4ZD\n"

    out = tmp_path / "letters.pdf"
    said = ok(cfg, "invites", "print", "--class", class_name, "--out", str(out)).stdout
    households = status(cfg, class_name)
    assert f"{len(households)} letters" in said
    pdf = out.read_bytes()
    assert [qr_texts(as_printed(image)) for image in page_images(pdf)] == [[LINK + "K7QMR4ZD"]] * len(households)
    assert all("K7QM R4ZD" in text for text in page_texts(pdf))
    assert {h["state"] for h in households} <= {"invited", "joined"}  # the demo's households joined in September
    [version] = {h["code_version"] for h in households}
    waiting = [h for h in households if h["state"] == "invited"]
    assert waiting

    replaced = ok(cfg, "invites", "code", "--class", class_name, "--regenerate")
    new_code = replaced.stdout.strip()
    assert new_code != "K7QM R4ZD" and len(new_code) == 9
    assert f"{len(waiting)} household" in replaced.stderr and "--outdated" in replaced.stderr
    states = {h["pupil_ids"]: h["state"] for h in status(cfg, class_name)}
    assert states == {h["pupil_ids"]: "outdated" if h in waiting else "joined" for h in households}
    again = ok(cfg, "invites", "print", "--class", class_name, "--outdated", "--out", str(tmp_path / "new.pdf"))
    assert f"{len(waiting)} letter" in again.stdout
    assert {h["code_version"] for h in status(cfg, class_name) if h["state"] != "joined"} == {version + 1}
    nothing = ok(cfg, "invites", "print", "--class", class_name, "--outdated", "--out", str(tmp_path / "none.pdf"))
    assert not (tmp_path / "none.pdf").exists() and nothing.stdout.strip()


def test_a_household_joins_and_one_with_two_homes_is_asked_which(cfg: Path) -> None:
    everyone = pupils(cfg)
    class_name = a_class(cfg)
    def state_of_second_household(pupil_id: str) -> str:
        return next(r["state"] for r in status(cfg, class_name)
                    if r["household"] == 2 and pupil_id in r["pupil_ids"].split(","))

    apart = next((r for r in status(cfg, class_name) if r["household"] == 2), None)
    assert apart is not None, "the demo class has separated parents"
    pupil_id = apart["pupil_ids"].split(",")[0]
    asked = kiosk_cmd(cfg, "invites", "joined", "--class", class_name, "--pupil", pupil_id)
    assert "2" in one_line_error(asked)
    ok(cfg, "invites", "joined", "--class", class_name, "--pupil", pupil_id, "--household", "2", "--undo")
    assert state_of_second_household(pupil_id) != "joined"
    ok(cfg, "invites", "joined", "--class", class_name, "--pupil", pupil_id, "--household", "2")
    assert state_of_second_household(pupil_id) == "joined"
    ok(cfg, "invites", "joined", "--class", class_name, "--pupil", pupil_id, "--household", "2", "--undo")
    assert state_of_second_household(pupil_id) != "joined"
    elsewhere = next(p for p in everyone if p["class"] != class_name)
    wrong_class = kiosk_cmd(cfg, "invites", "joined", "--class", class_name, "--pupil", elsewhere["id"])
    assert class_name in one_line_error(wrong_class)


def test_the_terminal_qr_decodes_and_mistakes_are_named(cfg: Path) -> None:
    class_name = a_class(cfg)
    code = ok(cfg, "invites", "code", "--class", class_name, "--regenerate").stdout.strip().replace(" ", "")
    shown = ok(cfg, "invites", "qr", "--class", class_name).stdout.splitlines()
    assert "\x1b" not in "".join(shown), "no colours when the output is not a terminal"
    lines, last = shown[:-1], shown[-1]
    assert qr_texts(draw_blocks(lines)) == [LINK + code]
    assert LINK + code in last
    unknown = kiosk_cmd(cfg, "invites", "status", "--class", "9Z")
    assert class_name in one_line_error(unknown)  # the classes it has
    usage = kiosk_cmd(cfg, "invites", "print", "--class", class_name, "--household", "2", "--out", "x.pdf")
    assert usage.returncode == 2 and "--pupil" in usage.stderr
    elsewhere = next(p for p in pupils(cfg) if p["class"] != class_name)
    before = snapshot(cfg)
    out = cfg.parent / "other.pdf"
    other = kiosk_cmd(cfg, "invites", "print", "--class", class_name, "--pupil", elsewhere["id"], "--out", str(out))
    assert class_name in one_line_error(other) and not out.exists()  # not this class's letter for that child
    nobody = kiosk_cmd(cfg, "invites", "print", "--class", class_name, "--pupil", "", "--out", str(out))
    assert one_line_error(nobody) and not out.exists()  # not "everyone"
    no_name = kiosk_cmd(cfg, "invites", "print", "--class", class_name, "--out", "")
    assert no_name.returncode == 2 and "--out" in no_name.stderr
    assert snapshot(cfg) == before
