"""Follow-up rules that a screen or a second kiosk must not be able to get round (in-process,
on the demo school)."""

from __future__ import annotations

import pytest

from kiosk.domain.models import Pupil, Role, Staff
from kiosk.errors import KioskError
from kiosk.services import notes
from kiosk.services.context import Kiosk


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
        with pytest.raises(KioskError, match="may not read"):
            notes.hand_over(kiosk, noted.follow_up, who, own.id)
        with pytest.raises(KioskError, match="may not read"):
            notes.add_note(kiosk, [pupil], "Nog een vraag", own.id, level=level, owner=who)
    assert {f.owner for f in kiosk.repos.follow_ups.all() if f.note_id == noted.note.id} == {own.id}
    assert {s.id for s in notes.owner_suggestions(kiosk, [pupil], own.id, level)} <= {
        own.id, *(who for who, allowed in expected.items() if allowed), member(kiosk, Role.HEAD).id}


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
    with pytest.raises(KioskError, match="since"):
        notes.undo_note(kiosk, noted, head.id)
    assert notes.find_follow_up(kiosk, noted.follow_up.id)
    assert any(n.id == noted.note.id for n, _ in notes.notes_in_year(kiosk, head, 2026))


def test_undo_right_after_saving_takes_back_both(kiosk):
    pupil = a_pupil(kiosk)
    head = member(kiosk, Role.HEAD)
    noted = notes.add_note(kiosk, [pupil], "Vraagt naar de opvang", head.id, owner=head.id)
    assert notes.undo_note(kiosk, noted, head.id) == 2
    assert noted.follow_up and noted.follow_up.id not in {f.id for f in kiosk.repos.follow_ups.all()}
