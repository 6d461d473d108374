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


def test_lockouts_in_a_row_last_twice_as_long_up_to_a_day():
    now = dt.datetime(2026, 11, 23, 8, 0)
    staff = Staff("an", "An", Role.TEACHER)
    lengths = []
    for _ in range(10):
        for _ in range(5):
            staff = auth.after_failure(staff, now, 5, dt.timedelta(minutes=5))
        assert staff.locked_until is not None
        lengths.append(staff.locked_until - now)
        now = staff.locked_until
    minutes = [int(length.total_seconds() // 60) for length in lengths]
    assert minutes[:5] == [5, 10, 20, 40, 80]
    assert max(lengths) == auth.MAX_LOCKOUT
    assert auth.after_success(staff).lockouts == 0
    unlocked = auth.unlocked(staff)
    assert unlocked.locked_until is None and unlocked.lockouts == staff.lockouts  # lifted, still counted


def test_wrong_attempts_count_from_zero_after_a_lockout_and_after_a_good_login():
    now = dt.datetime(2026, 11, 23, 8, 0)
    staff = Staff("an", "An", Role.TEACHER)
    for _ in range(5):
        staff = auth.after_failure(staff, now, 5, dt.timedelta(minutes=5))
    assert staff.failed_attempts == 0
    staff = auth.after_failure(staff, now, 5, dt.timedelta(minutes=5))
    assert staff.failed_attempts == 1 and auth.after_success(staff).failed_attempts == 0


@pytest.mark.parametrize("stored", [
    "md5$x$y", "scrypt$16384$8$1$AAAA$", "scrypt$16384$8$1$not base64!$AAAA",
    "plain1234", "", "scrypt$1$1$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA",
])
def test_a_hash_of_an_unknown_or_weak_form_accepts_no_pin(stored):
    assert not auth.verify_pin("1234", stored)


def test_pins_are_ascii_digits_only():
    assert not auth.valid_pin("١٢٣٤")  # Arabic-Indic digits
    assert not auth.valid_pin("１２３４")  # full-width digits
    good = auth.hash_pin("1234")
    assert not auth.verify_pin("١٢٣٤", good)


def test_staff_ids_never_collide_whatever_the_script():
    taken: set[str] = set()
    for name in ("Олена Коваль", "Ольга Шевченко", "محمد علي", "Ann Mol", "Ann-Mol"):
        new = auth.staff_id_for(name, taken)
        assert new not in taken and new.isascii()
        taken.add(new)
    assert len(taken) == 5


def test_one_screen_guard_locks_after_too_many_wrong_pins_in_a_window():
    now = dt.datetime(2026, 11, 23, 8, 0)
    guard = auth.ScreenGuard(3, dt.timedelta(minutes=5))
    guard.wrong(now)
    guard.wrong(now + dt.timedelta(minutes=16))  # the first one is out of the window
    guard.wrong(now + dt.timedelta(minutes=17))
    assert not guard.locked(now + dt.timedelta(minutes=17))
    guard.wrong(now + dt.timedelta(minutes=18))
    assert guard.locked(now + dt.timedelta(minutes=18))
    assert not guard.locked(now + dt.timedelta(minutes=23))


def _first(query: str, *pupils: Pupil) -> str:
    return PupilIndex(pupils).search(query)[0].id


# Each pair: the first pupil must come first; the second sorts earlier by name, so a tie
# (one score off by one) would put it first. Pins every score level against its neighbour.
@pytest.mark.parametrize(("query", "winner", "loser"), [
    ("3b", Pupil("W", "Zed", "Zz", "3B"), Pupil("L", "3b", "Aa", "K1")),        # class > first name
    ("ann", Pupil("W", "Ann", "Zz", "K1"), Pupil("L", "Anna", "Aa", "K1")),      # first name > its start
    ("ann", Pupil("W", "Ann", "Zz", "K1"), Pupil("L", "Bo", "Ann", "K1")),       # first name > last name
    ("mol", Pupil("W", "Bo", "Van Mol", "K1"), Pupil("L", "Bo", "Molenaar", "K1")),  # last word > its start
    ("mol", Pupil("W", "Bo", "Zmol", "K1"), Pupil("L", "Bo", "Aa", "K1")),       # substring > nothing
    ("mole", Pupil("W", "Bo", "Molenaar", "K1"), Pupil("L", "Bo", "Amolen", "K1")),  # start > substring
    ("3", Pupil("W", "Bo", "Zz", "3B"), Pupil("L", "Bo", "Aa", "43B")),           # class start > …
    ("3a", Pupil("W", "Bo", "Zz", "L3A"), Pupil("L", "Bo", "Aa", "L4A")),         # class without level letter
    ("mol", Pupil("W", "Bo", "Van Molenaar", "K1"), Pupil("L", "Bo", "Amolen", "K1")),  # a word's start > substring
    ("k", Pupil("W", "Bo", "Kastanje", "1A"), Pupil("L", "Bo", "Aa", "K1")),      # last name start > class start
    ("zon", Pupil("W", "Bo", "Zz", "ZONNE"), Pupil("L", "Azonia", "Aa", "K1")),   # class start > substring
])
def test_each_score_level_beats_the_next(query: str, winner: Pupil, loser: Pupil):
    ranked = [p.id for p in PupilIndex([loser, winner]).search(query)]
    assert ranked[0] == "W"


@pytest.mark.parametrize(("query", "first", "second"), [
    ("anna", Pupil("W", "Anna", "Zz", "K1"), Pupil("L", "Bo", "Anna", "K1")),  # first exact 5 > last exact 4
    ("ann", Pupil("W", "Anne", "Zz", "K1"), Pupil("L", "Bo", "Anneveld", "K1")),  # first start 4 > last start 3
])
def test_first_names_outrank_last_names_at_the_same_kind_of_match(query, first, second):
    assert _first(query, second, first) == "W"


def test_first_name_start_and_whole_last_name_tie_and_then_sort_by_name():
    a = Pupil("A", "Annabel", "Zz", "K1")   # first name starts with "ann": 4
    b = Pupil("B", "Bo", "Ann", "K1")       # whole last name "ann": 4
    assert [p.id for p in PupilIndex([a, b]).search("ann")] == ["B", "A"]  # tie: by last name
    c = Pupil("C", "Annabel", "Aa", "K1")
    assert [p.id for p in PupilIndex([b, c]).search("ann")] == ["C", "B"]


def test_a_short_token_is_no_substring_match():
    assert PupilIndex([Pupil("A", "Bo", "Zmo", "K1")]).search("mo") == []
    assert [p.id for p in PupilIndex([Pupil("A", "Bo", "Zmol", "K1")]).search("mol")] == ["A"]
    assert PupilIndex([Pupil("A", "Bo", "Zz", "L3A")]).search("3") == []  # L3A does not start with 3
    assert PupilIndex([Pupil("A", "Bo", "Zz", "K3")]).search("3") == []  # a toddler class is no third year
    assert [p.id for p in PupilIndex([Pupil("A", "Bo", "Zz", "3A")]).search("3")] == ["A"]


def test_every_word_must_match_and_the_default_limit_is_twenty():
    pupils = [Pupil(str(i), "Lotte", f"Mol{i:02}", "1A") for i in range(30)]
    index = PupilIndex(pupils)
    assert len(index) == 30
    assert len(index.search("lotte")) == 20
    assert index.search("lotte xyz") == []


def test_pin_hash_format_and_cost():
    stored = auth.hash_pin("1234", salt=b"0123456789abcdef")
    scheme, n, r, p, salt, digest = stored.split("$")
    assert (scheme, n, r, p) == ("scrypt", "16384", "8", "1")
    import base64
    assert base64.b64decode(salt) == b"0123456789abcdef" and len(base64.b64decode(digest)) == 32
    assert len(base64.b64decode(auth.hash_pin("1234").split("$")[4])) == 16
    assert auth.hash_pin("1234", salt=b"0123456789abcdef") == stored


def test_locked_exactly_until_the_end():
    now = dt.datetime(2026, 11, 23, 8, 0)
    staff = Staff("an", "An", Role.TEACHER, locked_until=now)
    assert not auth.is_locked(staff, now)
    assert auth.is_locked(staff, now - dt.timedelta(seconds=1))
    assert not auth.is_locked(Staff("bo", "Bo", Role.TEACHER), now)
