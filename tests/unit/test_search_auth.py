import datetime as dt

import pytest

from kiosk.domain import auth
from kiosk.domain.models import Pupil, Role, Staff
from kiosk.domain.search import PupilIndex

PUPILS = [
    Pupil("1", "Lotte", "Van Wilgenbeek", "3B"),
    Pupil("2", "Lotte", "Mol", "1A"),
    Pupil("3", "Charlotte", "Dauw", "3B"),
    Pupil("4", "Émile", "Lotter", "K2"),
    Pupil("5", "Bram", "Van Lotenhove", "3A"),
]


@pytest.mark.parametrize(("query", "first_ids"), [
    ("lotte", ["2", "1"]),          # exact first names first, then by surname
    ("lotte 3b", ["1"]),            # class narrows it down
    ("emile", ["4"]),               # accents do not matter
    ("wilg", ["1"]),                # a word inside a compound surname
    ("3b", ["3", "1"]),             # a class lists its pupils
    ("zzz", []),
    ("", []),
])
def test_search_ranks(query, first_ids):
    result = [p.id for p in PupilIndex(PUPILS).search(query)]
    assert result[: len(first_ids)] == first_ids
    if not first_ids:
        assert result == []


def test_search_limit():
    many = [Pupil(str(i), "Lotte", f"Mol{i}", "1A") for i in range(100)]
    assert len(PupilIndex(many).search("lot", limit=12)) == 12


def test_pin_hash_is_salted_and_verifies():
    first, second = auth.hash_pin("1234"), auth.hash_pin("1234")
    assert first != second and "1234" not in first
    assert auth.verify_pin("1234", first)
    assert not auth.verify_pin("1235", first)
    assert not auth.verify_pin("1234", "garbage")


@pytest.mark.parametrize(("pin", "ok"), [("1234", True), ("12345678", True), ("123", False),
                                         ("123456789", False), ("12a4", False)])
def test_valid_pin(pin, ok):
    assert auth.valid_pin(pin) is ok


def test_lockout_after_max_attempts():
    now = dt.datetime(2026, 11, 23, 8, 0)
    staff = Staff("an", "An", Role.TEACHER)
    for _ in range(4):
        staff = auth.after_failure(staff, now, 5, dt.timedelta(minutes=5))
        assert not auth.is_locked(staff, now)
    staff = auth.after_failure(staff, now, 5, dt.timedelta(minutes=5))
    assert auth.is_locked(staff, now + dt.timedelta(minutes=4))
    assert not auth.is_locked(staff, now + dt.timedelta(minutes=5))
    assert auth.after_success(staff).locked_until is None


def test_a_class_can_be_typed_without_its_level_letter():
    pupils = [Pupil("1", "Ann", "Mol", "L3A"), Pupil("2", "Bo", "Mol", "L3B")]
    assert [p.id for p in PupilIndex(pupils).search("3a")] == ["1"]
