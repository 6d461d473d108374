"""Follow-up rules that a screen or a second kiosk must not be able to get round (in-process,
on the demo school)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from kiosk.domain.models import Pupil, Role, Staff
from kiosk.domain.notes import may_own
from kiosk.errors import KioskError
from kiosk.i18n import _
from kiosk.services import absences, audit_view, notes, privacy, staff
from kiosk.services.context import Kiosk
from kiosk.services.labels import level_label


def member(kiosk: Kiosk, role: Role, *, classes: tuple[str, ...] = ()) -> Staff:
    return next(s for s in kiosk.repos.staff.all() if s.role == role and (not classes or s.classes == classes))


def a_pupil(kiosk: Kiosk) -> Pupil:
    return kiosk.repos.pupils.all()[0]


@pytest.mark.parametrize(("level", "office", "other_teacher", "care"), [
    ("class", False, False, True),
    ("care", False, False, True),
    ("personal", False, False, False),
])
def test_a_follow_up_goes_only_to_colleagues_who_may_read_its_note(kiosk, level, office, other_teacher, care):
    pupil = a_pupil(kiosk)
    own = member(kiosk, Role.TEACHER, classes=(pupil.class_name,))
    other = next(s for s in kiosk.repos.staff.all() if s.role == Role.TEACHER and pupil.class_name not in s.classes)
    noted = notes.add_note(kiosk, [pupil], "Vraagt naar het zwemmen", own.id, level=level, owner=own.id)
    assert noted.follow_up
    choices = {s.id for s in notes.hand_over_choices(kiosk, noted.follow_up)}
    expected = {member(kiosk, Role.OFFICE).id: office, other.id: other_teacher, member(kiosk, Role.CARE).id: care}
    assert {who: who in choices for who in expected} == expected
    for who, allowed in expected.items():
        if allowed:
            continue
        refused = _("{name} may not read this conversation (who reads it: {level}): choose someone who may, "
                    "or change who reads it").format(name=kiosk.repos.staff.get(who).name, level=level_label(level))
        with pytest.raises(KioskError, match=re.escape(refused)):
            notes.hand_over(kiosk, noted.follow_up, who, own.id)
        with pytest.raises(KioskError, match=re.escape(refused)):
            notes.add_note(kiosk, [pupil], "Nog een vraag", own.id, level=level, owner=who)
    assert {f.owner for f in kiosk.repos.follow_ups.all() if f.note_id == noted.note.id} == {own.id}
    readers = {s.id for s in kiosk.repos.staff.all() if s.active and (
        s.id == own.id or (level != "personal" and s.role in (Role.HEAD, Role.CARE))
        or (level == "class" and pupil.class_name in s.classes))}
    assert {s.id for s in notes.owner_suggestions(kiosk, [pupil], own.id, level)} == readers
    assert (member(kiosk, Role.HEAD).id in readers) == (level != "personal")


def test_a_hand_over_is_audited_with_whose_note_it_was(kiosk):
    pupil = a_pupil(kiosk)
    head, care = member(kiosk, Role.HEAD), member(kiosk, Role.CARE)
    noted = notes.add_note(kiosk, [pupil], "Vraagt een zorggesprek", head.id, owner=head.id)
    assert noted.follow_up
    notes.hand_over(kiosk, noted.follow_up, care.id, head.id)
    entry = [e for e in kiosk.repos.audit.in_year(2026) if e.action == "follow-up-handover"][-1]
    facts = dict(entry.facts)
    assert (facts["author"], facts["note"], facts["owner"]) == (
        head.id, noted.note.id, care.id)


@pytest.mark.parametrize("change", ["done", "handed over"])
def test_undo_keeps_a_note_whose_follow_up_a_colleague_changed(kiosk, change):
    pupil = a_pupil(kiosk)
    head, care = member(kiosk, Role.HEAD), member(kiosk, Role.CARE)
    noted = notes.add_note(kiosk, [pupil], "Vraagt naar de opvang", head.id, owner=head.id)
    assert noted.follow_up
    if change == "done":
        notes.mark_done(kiosk, noted.follow_up, "Gebeld: geregeld", care.id)
    else:
        notes.hand_over(kiosk, noted.follow_up, care.id, head.id)
    with pytest.raises(KioskError, match=_("its follow-up was answered or handed over since: the note stays")):
        notes.undo_note(kiosk, noted, head.id)
    assert notes.find_follow_up(kiosk, noted.follow_up.id)
    assert any(n.id == noted.note.id for n, _ in notes.notes_in_year(kiosk, head, 2026))


def test_undo_right_after_saving_takes_back_both(kiosk):
    pupil = a_pupil(kiosk)
    head = member(kiosk, Role.HEAD)
    noted = notes.add_note(kiosk, [pupil], "Vraagt naar de opvang", head.id, owner=head.id)
    assert notes.undo_note(kiosk, noted, head.id) == 2
    assert noted.follow_up and noted.follow_up.id not in {f.id for f in kiosk.repos.follow_ups.all()}


def test_purge_keeps_what_is_still_owed_and_refuses_dates_the_school_keeps(kiosk, clock):
    pupil = a_pupil(kiosk)
    head = member(kiosk, Role.HEAD)
    owed = notes.add_note(kiosk, [pupil], "Nog te beantwoorden", head.id, owner=head.id)
    answered = notes.add_note(kiosk, [pupil], "Beantwoord", head.id, owner=head.id)
    assert owed.follow_up and answered.follow_up
    notes.mark_done(kiosk, answered.follow_up, "Gebeld", head.id)
    kept_notes, kept_absences = privacy.retention_dates(kiosk)
    with pytest.raises(KioskError, match=kept_notes.isoformat()):
        privacy.purge(kiosk, head.id, notes_before=kept_notes + dt.timedelta(days=1),
                      absences_before=kept_absences, dry_run=True)
    clock.advance(days=3 * 365)  # three school years on: the notes are past what the school keeps
    kept_notes, kept_absences = privacy.retention_dates(kiosk)
    done = privacy.purge(kiosk, head.id, notes_before=kept_notes, absences_before=kept_absences, dry_run=False)
    assert done.notes and done.follow_ups
    still_owed = {f.id for f in kiosk.repos.follow_ups.all()}
    assert owed.follow_up.id in still_owed and answered.follow_up.id not in still_owed
    assert all(f.done_at is None for f in kiosk.repos.follow_ups.all())
    kept = {n.id for n in kiosk.repos.notes.in_year(2026)}
    assert owed.note.id in kept and answered.note.id not in kept


def test_a_pupil_export_is_audited_only_when_written_and_never_left_unaudited(kiosk, tmp_path, monkeypatch):
    pupil = a_pupil(kiosk)
    head = member(kiosk, Role.HEAD)

    def exports() -> int:
        return sum(e.action == "export-pupil" for e in kiosk.repos.audit.in_year(2026))

    with pytest.raises(KioskError):
        privacy.export_pupil(kiosk, pupil, tmp_path / "missing-folder" / "out.json", head.id)
    assert exports() == 0

    def audit_fails(*args: object, **kwargs: object) -> None:
        raise KioskError("the audit file cannot be written")

    monkeypatch.setattr(type(kiosk), "audit", audit_fails)
    with pytest.raises(KioskError):
        privacy.export_pupil(kiosk, pupil, tmp_path / "out.json", head.id)
    assert not (tmp_path / "out.json").exists()
    monkeypatch.undo()
    privacy.export_pupil(kiosk, pupil, tmp_path / "out.json", head.id)
    assert (tmp_path / "out.json").exists() and exports() == 1


def test_the_audit_trail_names_pupils_and_owners_in_words(kiosk):
    pupil = a_pupil(kiosk)
    head, care = member(kiosk, Role.HEAD), member(kiosk, Role.CARE)
    noted = notes.add_note(kiosk, [pupil], "Vraagt naar de logopedie", head.id, owner=head.id, level="care")
    assert noted.follow_up
    moved = notes.hand_over(kiosk, noted.follow_up, care.id, head.id)
    notes.mark_done(kiosk, moved, "Gebeld", care.id)
    lines = [line for line in audit_view.audit_lines(kiosk, 2026) if line.at == kiosk.clock.now()]
    wanted = {_("conversation noted"), _("follow-up opened"), _("follow-up handed over"), _("follow-up done")}
    said = {line.what: line.detail for line in lines if line.what in wanted}
    assert set(said) == wanted
    assert all(pupil.full_name in detail for detail in said.values() if detail), said
    assert care.name in said[_("follow-up handed over")] and head.name in said[_("follow-up handed over")]
    assert "Vraagt" not in " ".join(said.values())  # never the text


def test_every_action_the_kiosk_audits_has_words() -> None:
    source = "\n".join(p.read_text(encoding="utf-8") for p in Path(audit_view.__file__).parents[1].rglob("*.py"))
    recorded = set(re.findall(r"audit\([^,()]+, \"([a-z-]+)\"", source))
    assert len(recorded) > 20 and recorded <= set(audit_view.WHAT), recorded - set(audit_view.WHAT)


def test_a_colleague_who_still_owes_answers_is_not_disabled_until_they_are_handed_over(kiosk):
    pupil = a_pupil(kiosk)
    head, care = member(kiosk, Role.HEAD), member(kiosk, Role.CARE)
    noted = notes.add_note(kiosk, [pupil], "Vraagt een gesprek", head.id, owner=care.id)
    assert noted.follow_up
    with pytest.raises(KioskError, match=re.escape(care.name)):
        staff.set_active(kiosk, care, False, head.id)
    assert kiosk.repos.staff.get(care.id).active
    notes.hand_over(kiosk, noted.follow_up, head.id, head.id)
    owed = [f for f in kiosk.repos.follow_ups.all() if f.owner == care.id and f.done_at is None]
    for follow_up in owed:  # the demo's own
        notes.hand_over(kiosk, follow_up, head.id, head.id)
    staff.set_active(kiosk, care, False, head.id)
    assert not kiosk.repos.staff.get(care.id).active


def test_a_pupils_export_leaves_out_what_a_joint_note_says_about_another_family(kiosk):
    head = member(kiosk, Role.HEAD)
    pupil = a_pupil(kiosk)
    family = {pupil.id, *(p.id for p in absences.siblings(kiosk, pupil))}
    other = next(p for p in kiosk.repos.pupils.all() if p.id not in family)
    notes.add_note(kiosk, [pupil, other], f"Ruzie met {other.first_name} op de speelplaats", head.id,
                   guardians=[pupil.guardians[0].name, other.guardians[0].name])
    notes.add_note(kiosk, [pupil], "Alleen over dit kind", head.id)
    data = privacy.pupil_data(kiosk, pupil)
    texts = [n["text"] for n in data["conversations"]]
    assert "Alleen over dit kind" in texts and _(privacy.WITHHELD) in texts and _(privacy.WITHHELD) != privacy.WITHHELD
    assert other.first_name not in json.dumps(data, ensure_ascii=False)
    assert other.id not in json.dumps(data, ensure_ascii=False)  # not in the audit lines either
    assert all(other.id not in n["pupil_ids"] for n in data["conversations"])
    assert all(g in {x.name for x in pupil.guardians} for n in data["conversations"] for g in n["guardians"])


def test_every_follow_up_of_the_demo_is_owned_by_someone_who_may_read_its_note(kiosk):
    follow_ups = kiosk.repos.follow_ups.all()
    assert len({f.owner for f in follow_ups}) >= 3  # not everything on the head's desk
    for follow_up in follow_ups:
        note = notes.note_of(kiosk, follow_up)
        owner = kiosk.repos.staff.get(follow_up.owner)
        assert note and owner and may_own(owner, note, notes.pupils_of(kiosk, follow_up.pupil_ids))


def test_a_care_partner_since_a_day_in_the_future_is_refused(kiosk):
    pupil = a_pupil(kiosk)
    care = member(kiosk, Role.CARE)
    with pytest.raises(KioskError, match="2030"):
        notes.add_care_partner(kiosk, pupil, care.id, name="Later", discipline="logopedie", since=dt.date(2030, 1, 1))
    assert notes.partners_of(kiosk, pupil.id) == [p for p in notes.partners_of(kiosk, pupil.id) if p.who != "Later"]
