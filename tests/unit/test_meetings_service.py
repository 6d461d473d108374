"""Meetings through the services, on the demo school: a family's meetings back to back with
their teachers, separated parents in one meeting, a clash refused in words, a quiet evening."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest

from kiosk.domain.meetings import Board
from kiosk.domain.models import Pupil
from kiosk.errors import KioskError
from kiosk.i18n import _
from kiosk.services import absences, meetings
from kiosk.services import notes as notes_service
from kiosk.services.context import Kiosk
from kiosk.services.notes import QuietMoment

HEAD = "greet-klaprooswijk"
EVENING = dt.date(2026, 12, 17)  # a Thursday: the demo's December evening is on the 15th


def plan(kiosk: Kiosk, **kwargs: object) -> object:
    options: dict[str, object] = {"name": "Oudercontact", "kind": "parent_evening", "days": [EVENING],
                                  "start": dt.time(16, 0), "end": dt.time(19, 0), "slot_minutes": 10}
    return meetings.plan_round(kiosk, HEAD, **{**options, **kwargs})  # type: ignore[arg-type]


def family_in_several_classes(kiosk: Kiosk) -> list[Pupil]:
    for pupil in kiosk.repos.pupils.all():
        family = [pupil, *absences.siblings(kiosk, pupil)]
        if len({p.class_name for p in family}) >= 2:
            return family
    raise AssertionError("the demo has no family with children in several classes")


def test_a_family_is_seen_back_to_back_by_each_childs_teacher(kiosk):
    round_ = plan(kiosk)
    family = family_in_several_classes(kiosk)
    for child in family:
        for household in sorted({g.household for g in child.guardians}):
            meetings.record_reply(kiosk, round_, child, household, HEAD)
    filled = meetings.fill_round(kiosk, round_, HEAD)
    ours = sorted((b for b in filled.placed if b.pupil_id in {c.id for c in family}), key=lambda b: b.start)
    assert len(ours) == len(family) and not filled.apart
    for first, second in itertools.pairwise(ours):
        gap = dt.datetime.combine(EVENING, second.start) - dt.datetime.combine(EVENING, first.end)
        assert dt.timedelta(0) <= gap <= dt.timedelta(minutes=10)
    assert len({b.staff_id for b in ours}) == len({c.class_name for c in family})


def test_separated_parents_are_both_asked_and_a_clash_is_refused_in_words(kiosk):
    round_ = plan(kiosk)
    pupil = next(p for p in kiosk.repos.pupils.all() if len({g.household for g in p.guardians}) == 2)
    meetings.record_reply(kiosk, round_, pupil, 1, HEAD, after=dt.time(17, 0))
    meetings.record_reply(kiosk, round_, pupil, 2, HEAD, after=dt.time(18, 0))
    booking = meetings.book(kiosk, round_, pupil, HEAD)
    assert booking.start == dt.time(18, 0)  # when both households can
    classmate = next(p for p in kiosk.repos.pupils.all() if p.class_name == pupil.class_name and p.id != pupil.id
                     and not set(g.family_key for g in p.guardians) & {g.family_key for g in pupil.guardians})
    teacher = meetings.teacher_of(kiosk, pupil)
    assert teacher
    with pytest.raises(KioskError, match=teacher.name):
        meetings.book(kiosk, round_, classmate, HEAD, start=dt.time(18, 0))
    with pytest.raises(KioskError, match=re.escape(pupil.full_name)):
        meetings.book(kiosk, round_, pupil, HEAD, start=dt.time(18, 30))  # one meeting per pupil and teacher


def test_an_evening_into_a_quiet_moment_is_asked_about(kiosk):
    with pytest.raises(QuietMoment):
        plan(kiosk, end=dt.time(21, 0))
    round_ = plan(kiosk, end=dt.time(21, 0), allow_quiet=True)
    assert round_.quiet_confirmed


def test_the_demo_has_this_years_rounds_with_slips_and_meetings_without_a_clash(kiosk):
    rounds = meetings.rounds(kiosk)
    kinds = sorted(r.kind for r in rounds)
    assert kinds == ["care", "parent_evening", "parent_evening", "parent_evening"]
    december = next(r for r in rounds if r.name == "Oudercontact december")
    booked = meetings.bookings_of(kiosk, december)
    assert booked and meetings.replies_of(kiosk, december)
    assert any(u.state == "no_reply" for u in meetings.unbooked(kiosk, december))  # ask at the gate
    pupils = {p.id: p for p in kiosk.repos.pupils.all()}
    for booking in booked:
        assert Board.of([b for b in booked if b.id != booking.id], pupils).conflict(booking) is None


def test_a_care_meeting_with_partners_and_its_outcome_becomes_follow_ups(kiosk, clock):
    care_round = next(r for r in meetings.rounds(kiosk) if r.kind == "care")
    first = meetings.bookings_of(kiosk, care_round)[0]
    partner = notes_service.partners_of(kiosk, first.pupil_id)[0]
    with_head = meetings.set_participants(kiosk, care_round, first, HEAD, staff_ids=[HEAD],
                                          partner_ids=[partner.id], agenda="Leesproblemen bespreken")
    assert (with_head.participants, with_head.partners) == ((HEAD,), (partner.who,))  # the practice, by name
    # the same evening, another round: the head is not in two places at once
    with pytest.raises(KioskError, match="Klaprooswijk"):  # the head, by name
        meetings.plan_round(kiosk, HEAD, name="Gesprekken directie", kind="parent_evening", days=[first.day],
                            start=first.start, end=first.end, slot_minutes=10, staff_ids=[HEAD])
    with pytest.raises(KioskError, match=_("the meeting has not taken place yet")):
        meetings.record_outcome(kiosk, care_round, first, HEAD, "Te vroeg")
    clock.advance(days=20)
    care = next(s for s in kiosk.repos.staff.all() if s.id == first.staff_id)
    note, follow_ups = meetings.record_outcome(
        kiosk, care_round, first, HEAD, "Logopedie loopt goed; extra leesoefeningen thuis.",
        [meetings.ActionPoint(care.id, "Verslag logopedie opvragen"),
         meetings.ActionPoint(HEAD, "Ouders bellen na de kerstvakantie", dt.datetime(2027, 1, 12, 10, 0))])
    assert (note.level, note.where, note.pupil_ids) == ("care", "appointment", (first.pupil_id,))
    assert [(f.owner, f.what) for f in follow_ups] == [(care.id, "Verslag logopedie opvragen"),
                                                       (HEAD, "Ouders bellen na de kerstvakantie")]
    assert follow_ups[0].due == notes_service.default_due(kiosk, clock.now())  # 48 hours from when it is noted
    with pytest.raises(KioskError, match=_("the outcome of this meeting was noted already")):
        meetings.record_outcome(kiosk, care_round, first, HEAD, "Nog eens")


def test_separated_parents_each_get_a_letter_naming_the_same_meeting(kiosk, tmp_path):
    from pypdf import PdfReader

    round_ = plan(kiosk)
    pupil = next(p for p in kiosk.repos.pupils.all() if len({g.household for g in p.guardians}) == 2)
    booking = meetings.book(kiosk, round_, pupil, HEAD)
    path, pages = meetings.write_pdf(kiosk, round_, tmp_path / "letters.pdf", HEAD, pupil=pupil)
    texts = [page.extract_text() for page in PdfReader(path).pages]
    assert pages == len(texts) == 2
    when = f"{booking.start:%H:%M}–{booking.end:%H:%M}"
    for household, text in zip((1, 2), texts, strict=True):
        assert when in text
        assert all(g.name in text for g in pupil.guardians if g.household == household)
        assert not any(g.name in text for g in pupil.guardians if g.household != household)
        assert not any(g.phone and g.phone in text for g in pupil.guardians)


def test_information_evenings_are_announced_per_household_and_the_head_is_reminded_in_june(kiosk, clock, tmp_path):
    from pypdf import PdfReader

    head = kiosk.repos.staff.get(HEAD)
    assert head
    assert not meetings.information_reminder(kiosk, head)  # November: not yet
    clock.advance(days=192)  # Wednesday 2 June 2027
    assert meetings.information_reminder(kiosk, head)
    teacher = next(s for s in kiosk.repos.staff.all() if s.role.value == "teacher" and s.classes)
    assert not meetings.information_reminder(kiosk, teacher)  # the head's to plan
    info = meetings.plan_round(kiosk, HEAD, name="Infoavond september", kind="information",
                               days=[dt.date(2027, 9, 7)], start=dt.time(19, 0), end=dt.time(19, 45), slot_minutes=10)
    assert not meetings.information_reminder(kiosk, head)
    assert {s.class_name for s in info.sessions} >= {*teacher.classes, ""}  # every class, and the school
    with pytest.raises(KioskError, match=_("an information evening has no meetings to book: print its announcement")):
        meetings.book(kiosk, info, kiosk.repos.pupils.all()[0], HEAD)
    pupil = next(p for p in kiosk.repos.pupils.all() if p.class_name == teacher.classes[0])
    path, pages = meetings.write_pdf(kiosk, info, tmp_path / "info.pdf", HEAD, pupil=pupil)
    texts = [page.extract_text() for page in PdfReader(path).pages]
    assert len(texts) == pages == len({g.household for g in pupil.guardians})
    text = texts[0]
    assert teacher.name in text and head.name in text and "19:00" in text and pupil.class_name in text


def test_each_households_letter_is_in_its_language_where_the_kiosk_has_one(kiosk, tmp_path):
    from pypdf import PdfReader

    from kiosk.domain.models import Guardian

    round_ = plan(kiosk)
    classmate = kiosk.repos.pupils.all()[0]
    pupil = Pupil("T9", "Ada", "Proefhoeve", classmate.class_name, guardians=(
        Guardian("Emma Proefhoeve", language="en"), Guardian("Tom Proefhoeve", household=2, language="nl"),
        Guardian("Ayşe Proefhoeve", household=3, language="tr")))
    kiosk.repos.pupils.save_many([pupil])
    path, _pages = meetings.write_pdf(kiosk, round_, tmp_path / "letters.pdf", HEAD, pupil=pupil)
    english, dutch, turkish = [page.extract_text() for page in PdfReader(path).pages]
    assert "Dear parents" in english and "Emma Proefhoeve" in english
    assert "Beste ouders" in dutch and "Tom Proefhoeve" in dutch
    assert "Beste ouders" in turkish  # no Turkish catalog yet: the school's language
    assert _("Dear parents,") == "Beste ouders,"  # and the kiosk speaks Dutch again afterwards


def test_one_teacher_with_other_hours_and_another_room(kiosk):
    pupil = kiosk.repos.pupils.all()[0]
    teacher = meetings.teacher_of(kiosk, pupil)
    assert teacher
    round_ = plan(kiosk, hours={teacher.name: (dt.time(17, 0), dt.time(19, 0))}, rooms={teacher.name: "refter"})
    own = [s for s in round_.sessions if s.staff_id == teacher.id]
    others = [s for s in round_.sessions if s.staff_id != teacher.id]
    assert [(s.start, s.end, s.room) for s in own] == [(dt.time(17, 0), dt.time(19, 0), "refter")]
    assert all(s.start == dt.time(16, 0) and s.room in {c for t in kiosk.repos.staff.all() for c in t.classes}
               for s in others)
    booking = meetings.book(kiosk, round_, pupil, HEAD)
    assert (booking.start, booking.room) == (dt.time(17, 0), "refter")


def test_one_practice_is_never_in_two_care_meetings_at_once(kiosk):
    first, second = kiosk.repos.pupils.all()[:2]
    care_staff = [s.id for s in kiosk.repos.staff.all() if s.role.value == "care"]
    care = plan(kiosk, name="Zorg", kind="care", slot_minutes=30, staff_ids=care_staff[:1])
    head = plan(kiosk, name="Zorg directie", kind="care", slot_minutes=30, staff_ids=[HEAD])
    partners = [notes_service.add_care_partner(kiosk, p, HEAD, name="Praktijk De Vlinder", discipline="logopedie")
                for p in (first, second)]  # one practice, a record on each pupil's card
    with_care = meetings.book(kiosk, care, first, HEAD, start=dt.time(16, 0))
    with_head = meetings.book(kiosk, head, second, HEAD, start=dt.time(16, 0))
    meetings.set_participants(kiosk, care, with_care, HEAD, partner_ids=[partners[0].id])
    with pytest.raises(KioskError, match="Praktijk De Vlinder"):
        meetings.set_participants(kiosk, head, with_head, HEAD, partner_ids=[partners[1].id])


def test_what_the_parents_said_and_the_calendar_are_kept(kiosk, clock):
    round_ = plan(kiosk)
    pupil = kiosk.repos.pupils.all()[0]
    for household in sorted({g.household for g in pupil.guardians}):
        meetings.record_reply(kiosk, round_, pupil, household, HEAD, wants=False)
    with pytest.raises(KioskError, match=pupil.full_name):
        meetings.book(kiosk, round_, pupil, HEAD)  # every household said no
    with pytest.raises(KioskError):
        plan(kiosk, name="Gisteren", days=[dt.date(2026, 11, 20)])
    with pytest.raises(KioskError):
        plan(kiosk, name="Over de zomer", days=[dt.date(2027, 6, 29), dt.date(2027, 9, 7)])
    with pytest.raises(QuietMoment):
        plan(kiosk, name="Laat", start=dt.time(19, 5), end=dt.time(20, 20), slot_minutes=30)  # 19:35–20:05


def test_a_teacher_books_their_own_class_and_does_not_plan_rounds(kiosk):
    round_ = plan(kiosk)
    teacher = next(s for s in kiosk.repos.staff.all() if s.role.value == "teacher" and s.classes)
    other_class = next(p for p in kiosk.repos.pupils.all() if p.class_name not in teacher.classes)
    own_class = next(p for p in kiosk.repos.pupils.all() if p.class_name in teacher.classes)
    with pytest.raises(KioskError, match=other_class.full_name):
        meetings.book(kiosk, round_, other_class, teacher.id)
    assert meetings.book(kiosk, round_, own_class, teacher.id)
    with pytest.raises(KioskError):
        meetings.plan_round(kiosk, teacher.id, name="Mijn ronde", kind="parent_evening", days=[EVENING],
                            start=dt.time(13, 0), end=dt.time(14, 0), slot_minutes=10)


def test_a_households_letter_tells_only_of_its_own_children(kiosk, tmp_path):
    from pypdf import PdfReader

    from kiosk.domain.models import Guardian

    round_ = plan(kiosk)
    lore, hanne = Guardian("Lore Proefhoeve"), Guardian("Hanne Proefveld", household=2)
    classmates = [p for p in kiosk.repos.pupils.all() if meetings.teacher_of(kiosk, p)][:2]
    amira = Pupil("T1", "Amira", "Proefhoeve", classmates[0].class_name, guardians=(lore, hanne))
    yusuf = Pupil("T2", "Yusuf", "Proefhoeve", classmates[1].class_name, guardians=(lore,))  # Lore's child only
    kiosk.repos.pupils.save_many([amira, yusuf])
    meetings.book(kiosk, round_, yusuf, HEAD)
    meetings.book(kiosk, round_, amira, HEAD)
    path, _n = meetings.write_pdf(kiosk, round_, tmp_path / "amira.pdf", HEAD, pupil=amira)
    for_lore, for_hanne = [page.extract_text() for page in PdfReader(path).pages]
    assert "Yusuf" in for_lore and "Amira" in for_lore
    assert "Yusuf" not in for_hanne and "Amira" in for_hanne
