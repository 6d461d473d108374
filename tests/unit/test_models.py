"""The records: ids, family keys, defaults, and that stored records cannot change in place."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from kiosk.domain.models import Absence, AuditEntry, Guardian, LateArrival, Pupil, Role, Staff, new_id


def test_new_ids_are_unique_hex_of_16():
    ids = {new_id() for _ in range(2000)}
    assert len(ids) == 2000
    assert all(len(i) == 16 and int(i, 16) >= 0 for i in ids)


def test_family_key_links_a_guardian_by_name_and_email_or_phone():
    by_mail = Guardian("Ann Mol", phone="0000 11 22 33", email="Ann@Example.org")
    assert by_mail.family_key == "ann mol|ann@example.org"
    by_phone = Guardian("Ann Mol", phone="0000 11-22 33")
    assert by_phone.family_key == "ann mol|0000112233"
    assert Guardian("Ann Mol").family_key == "ann mol|"
    assert Guardian("Ann Mol").household == 1 and Guardian("Ann Mol").language == "nl"


def test_defaults_of_the_records():
    pupil = Pupil("P1", "Ann", "Mol", "3B")
    assert pupil.full_name == "Ann Mol" and pupil.active
    assert (pupil.home_language, pupil.photo_consent, pupil.guardians) == ("nl", False, ())
    assert not dataclasses.replace(pupil, left_on=dt.date(2026, 11, 1)).active
    staff = Staff("an", "An", Role.TEACHER)
    assert (staff.failed_attempts, staff.lockouts, staff.active, staff.locked_until) == (0, 0, True, None)
    absence = Absence("P1", dt.date(2026, 11, 23), dt.date(2026, 11, 23), "sick_note")
    assert (absence.part, absence.reported_via, absence.note) == ("day", "sms", "")
    late = LateArrival("P1", dt.date(2026, 11, 23), dt.time(8, 40))
    assert late.reason == "" and late.id != LateArrival("P1", late.date, late.time).id


@pytest.mark.parametrize("record", [
    Pupil("P1", "Ann", "Mol", "3B"), Staff("an", "An", Role.HEAD), Guardian("Ann Mol"),
    Absence("P1", dt.date(2026, 11, 23), dt.date(2026, 11, 23), "sick_note"),
    LateArrival("P1", dt.date(2026, 11, 23), dt.time(8, 40)),
    AuditEntry(dt.datetime(2026, 11, 23, 8, 0), "an", "login"),
])
def test_records_are_immutable_and_hashable(record):
    assert hash(record) == hash(dataclasses.replace(record))
    field = dataclasses.fields(record)[0].name
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(record, field, getattr(record, field))


def test_audit_facts_are_looked_up_by_name():
    entry = AuditEntry(dt.datetime(2026, 11, 23, 8, 0), "an", "absence-add", facts=(("pupil", "P1"), ("code", "z")))
    assert entry.fact("pupil") == "P1" and entry.fact("code") == "z" and entry.fact("nothing") == ""
