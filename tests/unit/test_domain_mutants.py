"""Domain helpers at the edges of their rules (the text-message reader has its own file,
test_sms_mutants.py): each test pins one decision so that a change to it shows up here."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from kiosk.domain.dates import parse_day, weekday_number

WEDNESDAY = dt.date(2026, 11, 25)


@pytest.mark.parametrize(("typed", "expected"), [
    ("vandaag", WEDNESDAY), ("today", WEDNESDAY), ("morgen", dt.date(2026, 11, 26)),
    ("tomorrow", dt.date(2026, 11, 26)), ("overmorgen", dt.date(2026, 11, 27)),
    ("gisteren", dt.date(2026, 11, 24)), ("yesterday", dt.date(2026, 11, 24)),
])
def test_a_relative_day_typed_by_staff(typed: str, expected: dt.date) -> None:
    assert parse_day(typed, WEDNESDAY) == expected


@pytest.mark.parametrize(("typed", "number"), [
    ("ma", 0), ("Maandag", 0), ("tue", 1), ("woensdag", 2), ("thursday", 3), ("vr", 4), ("zaterdag", 5),
    ("sun", 6), ("maart", None),
])
def test_weekday_number(typed: str, number: int | None) -> None:
    assert weekday_number(typed) == number


def test_a_leap_day_without_a_year_is_the_nearest_leap_day() -> None:
    assert parse_day("29/02", dt.date(2027, 12, 20)) == dt.date(2028, 2, 29)
    with pytest.raises(ValueError, match="31/11"):
        parse_day("31/11", WEDNESDAY)


def _value_objects() -> list[object]:
    from kiosk.domain.calendar import Holiday
    from kiosk.domain.invites import Household, Standing
    from kiosk.domain.meetings import Conflict, Slip, Slot, Wanted
    from kiosk.domain.notes import CommunicationRules
    from kiosk.domain.roster import RosterError
    from kiosk.domain.search import _Entry

    slot = Slot(WEDNESDAY, dt.time(18), dt.time(18, 15), "staff-1")
    household = Household("key", 1, (), ())
    anything: Any = object()  # the fields' contents do not matter here
    return [slot, Slip(None, (), False), Conflict("staff", "staff-1", anything), Wanted(anything, "staff-1"),
            household, Standing(household, None, None, None), Holiday("autumn", WEDNESDAY, WEDNESDAY),
            CommunicationRules(), object.__new__(_Entry), RosterError(2, "leeg")]


@pytest.mark.parametrize("value", _value_objects(), ids=lambda v: type(v).__name__)
def test_values_shared_between_lists_cannot_be_changed_in_one_place(value: object) -> None:
    """A slot, a slip or a household is handed to several lists and caches at once."""
    name = dataclasses.fields(value)[0].name  # type: ignore[arg-type]
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(value, name, "changed")


RECORDS = ("Guardian", "Pupil", "Staff", "Absence", "LateArrival", "Note", "FollowUp", "CarePartner", "AuditEntry",
           "Break", "Session", "Round", "Reply", "Booking", "ClassCode", "Invitation")


@pytest.mark.parametrize("name", RECORDS)
def test_a_stored_record_is_changed_only_by_writing_a_new_one(name: str) -> None:
    """Records are shared by the store's cache and every screen: a change in place would
    show data that was never written (a change is a new record, saved atomically)."""
    from kiosk.domain import models

    cls = getattr(models, name)
    record = object.__new__(cls)  # no field values needed: assigning is what is refused
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(record, dataclasses.fields(cls)[0].name, "changed")


def test_records_written_before_a_field_existed_read_as_nothing_said() -> None:
    """Data files of earlier versions lack the later fields: they read as the neutral answer."""
    from kiosk.domain.models import Invitation, LateArrival, Reply, Round
    from kiosk.store.codec import from_doc

    late = from_doc(LateArrival, {"pupil_id": "p", "date": "2026-11-23", "time": "09:10"})
    assert late.announced is False  # not announced: the time is when the child came
    evening = from_doc(Round, {"name": "Oudercontact", "kind": "parent_evening", "sessions": []})
    assert (evening.slot_minutes, evening.quiet_confirmed) == (10, False)
    reply = from_doc(Reply, {"round_id": "r", "pupil_id": "p", "household": 1, "day": "2026-11-23"})
    assert (reply.wants, reply.care_wish) == (True, False)  # a slip handed in asks for a meeting
    letter = from_doc(Invitation, {"class_name": "3A", "household_key": "k", "pupil_ids": ["p"], "language": "nl",
                                   "by_staff": "s"})
    assert letter.code_version == 0


@pytest.mark.parametrize(("start", "evening"), [(dt.time(12, 0), True), (dt.time(11, 59), False),
                                                (dt.time(18, 0), True), (dt.time(8, 30), False)])
def test_a_round_is_an_evening_when_every_session_starts_from_noon(start: dt.time, evening: bool) -> None:
    from kiosk.domain.models import Round, Session

    sessions = (Session("s", WEDNESDAY, dt.time(18, 0), dt.time(20, 0)), Session("t", WEDNESDAY, start, dt.time(20, 0)))
    assert Round("Oudercontact", "parent_evening", sessions).evening is evening


def test_slots_sort_by_day_then_time() -> None:
    from kiosk.domain.meetings import Slot

    late = Slot(WEDNESDAY, dt.time(19), dt.time(19, 15), "a")
    early_next_day = Slot(WEDNESDAY + dt.timedelta(days=1), dt.time(16), dt.time(16, 15), "a")
    early = Slot(WEDNESDAY, dt.time(16), dt.time(16, 15), "b")
    assert sorted([early_next_day, late, early]) == [early, late, early_next_day]


# -- auth ------------------------------------------------------------------------------------------
def test_wrong_pins_on_one_screen_count_for_fifteen_minutes() -> None:
    from kiosk.domain.auth import ScreenGuard

    start = dt.datetime(2026, 11, 23, 8, 0)
    guard = ScreenGuard(2, dt.timedelta(minutes=5))
    guard.wrong(start)
    guard.wrong(start + dt.timedelta(minutes=15))  # exactly fifteen minutes on: the first is gone
    assert not guard.locked(start + dt.timedelta(minutes=15))
    guard = ScreenGuard(2, dt.timedelta(minutes=5))
    guard.wrong(start)
    guard.wrong(start + dt.timedelta(minutes=14, seconds=59))
    assert guard.locked(start + dt.timedelta(minutes=15))


def test_the_doubling_of_lockouts_stops_after_twenty_in_a_row() -> None:
    """Past 2**20 times the base the number would only grow (and overflow a time span)."""
    from kiosk.domain.auth import MAX_LOCKOUT, lockout_length

    tiny = dt.timedelta(microseconds=1)
    assert lockout_length(tiny, 19) == tiny * 2**19
    assert lockout_length(tiny, 20) == lockout_length(tiny, 10**9) == tiny * 2**20
    assert lockout_length(dt.timedelta(seconds=0.1), 20) == MAX_LOCKOUT == dt.timedelta(days=1)  # not 29 hours


def test_an_unlocked_name_has_every_try_again() -> None:
    from kiosk.domain import auth
    from kiosk.domain.models import Role, Staff

    now = dt.datetime(2026, 11, 23, 8, 0)
    staff = Staff("an", "An", Role.TEACHER)
    for _ in range(2):
        staff = auth.after_failure(staff, now, 3, dt.timedelta(minutes=5))
    staff = auth.unlocked(staff)
    for _ in range(2):
        staff = auth.after_failure(staff, now, 3, dt.timedelta(minutes=5))
    assert staff.locked_until is None and staff.failed_attempts == 2


def test_a_taken_staff_id_gets_the_next_free_number() -> None:
    from kiosk.domain.auth import staff_id_for

    assert staff_id_for("Ann Mol") == "ann-mol"
    assert staff_id_for("Ann Mol", {"ann-mol"}) == "ann-mol-2"
    assert staff_id_for("Ann Mol", {"ann-mol", "ann-mol-2"}) == "ann-mol-3"
    assert staff_id_for("محمد", set()) == "staff"


def test_only_a_whole_scrypt_hash_of_this_kiosk_opens() -> None:
    import base64
    import hashlib

    from kiosk.domain.auth import hash_pin, verify_pin

    good = hash_pin("1234")
    assert verify_pin("1234", good)
    assert not verify_pin("1234", good.replace("scrypt", "scrypt2", 1))  # another scheme, even with the same numbers
    assert not verify_pin("1234", good + "!!")  # stray characters are not skipped

    salt = b"0123456789abcdef"

    def stored(length: int) -> str:
        digest = hashlib.scrypt(b"1234", salt=salt, n=2**14, r=8, p=1, dklen=length)
        encoded = [base64.b64encode(raw).decode() for raw in (salt, digest)]
        return "$".join(["scrypt", "16384", "8", "1", *encoded])

    assert verify_pin("1234", stored(16))  # 128 bits: enough
    assert not verify_pin("1234", stored(15))  # shorter: too easy to match by chance
