"""Meetings in the domain: slots around breaks, plans that cannot work, every kind of clash,
separated parents in one meeting, siblings back to back, and a fill that cannot place all."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import replace

import pytest

from kiosk.domain.meetings import (
    Availability,
    Board,
    Wanted,
    availability,
    check_plan,
    families,
    fill,
    greedy,
    in_round,
    read_slip,
    round_slots,
    slots_of,
)
from kiosk.domain.models import Booking, Break, Guardian, Pupil, Reply, Round, Session
from kiosk.errors import KioskError
from kiosk.i18n import _

TUESDAY, WEDNESDAY = dt.date(2026, 12, 15), dt.date(2026, 12, 16)


def t(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


def session(staff: str = "juf-a", day: dt.date = TUESDAY, start: str = "18:00", end: str = "20:00",
            room: str = "", breaks: tuple[tuple[str, str], ...] = ()) -> Session:
    return Session(staff, day, t(start), t(end), room or f"lokaal-{staff}",
                   tuple(Break(t(a), t(b)) for a, b in breaks))


def starts(slots) -> list[str]:
    return [f"{s.start:%H:%M}" for s in slots]


# -- slots and plans ----------------------------------------------------------------------------------
def test_slots_go_round_a_break():
    assert starts(slots_of(session(breaks=(("19:00", "19:15"),)), 15)) == [
        "18:00", "18:15", "18:30", "18:45", "19:15", "19:30", "19:45"]


def test_a_break_that_cuts_a_slot_moves_the_next_slots_after_it():
    assert starts(slots_of(session(breaks=(("18:50", "19:05"),)), 15)) == [
        "18:00", "18:15", "18:30", "19:05", "19:20", "19:35"]


def test_a_care_round_has_longer_slots():
    assert starts(slots_of(session(start="16:00", end="18:00"), 40)) == ["16:00", "16:40", "17:20"]


@pytest.mark.parametrize(("round_", "words"), [
    (Round("x", "parent_evening", (session(start="20:00", end="18:00"),)), "20:00"),
    (Round("x", "parent_evening", (session(breaks=(("17:30", "18:15"),)),)), "17:30"),
    (Round("x", "parent_evening", (session(breaks=(("19:00", "18:50"),)),)), "19:00"),
    (Round("x", "parent_evening", (session(start="18:00", end="18:30"),), slot_minutes=45), "45"),
    (Round("x", "parent_evening", (session(),), slot_minutes=2), "5"),
    (Round("x", "parent_evening", ()), "a round needs at least one evening with a staff member"),
    (Round("x", "picnic", (session(),)), "a round is a parent evening, care meetings or an information evening"),
    (Round("x", "parent_evening", (session(), session())), "one evening per staff member per day"),
])
def test_a_plan_that_cannot_work_is_refused_with_the_reason(round_, words):
    with pytest.raises(KioskError, match=re.escape(_(words))):  # a time or number is its own translation
        check_plan(round_)


def test_a_plan_that_works_passes():
    check_plan(Round("Oudercontact", "parent_evening", (session(), session("meester-b"))))


# -- conflicts ------------------------------------------------------------------------------------------
MUM = Guardian("Mona Testveld", phone="0000 12 12 12")
DAD = Guardian("Dirk Testveld", phone="0000 13 13 13", household=2)
OTHER_MUM = Guardian("Ilse Beekhove", phone="0000 14 14 14")
ADA = Pupil("P1", "Ada", "Testveld", "L1A", guardians=(MUM, DAD))
BAS = Pupil("P2", "Bas", "Testveld", "L3A", guardians=(MUM, DAD))
CATO = Pupil("P3", "Cato", "Testveld", "L5A", guardians=(DAD,))  # dad's child from another relation
ZOE = Pupil("P4", "Zoë", "Beekhove", "L1A", guardians=(OTHER_MUM,))
PUPILS = {p.id: p for p in (ADA, BAS, CATO, ZOE)}


def booking(pupil: Pupil, staff: str, start: str, end: str, *, room: str = "", participants=(), partners=(),
            day: dt.date = TUESDAY) -> Booking:
    return Booking("r", pupil.id, staff, day, t(start), t(end), room or f"lokaal-{staff}",
                   participants=tuple(participants), partners=tuple(partners))


@pytest.mark.parametrize(("existing", "candidate", "kind"), [
    # the same teacher at the same time
    (booking(ADA, "juf-a", "18:00", "18:10"), booking(ZOE, "juf-a", "18:05", "18:15"), "staff"),
    # the same room, another teacher
    (booking(ADA, "juf-a", "18:00", "18:10", room="zaal"), booking(ZOE, "juf-b", "18:00", "18:10", room="zaal"),
     "room"),
    # the care coordinator takes part in one meeting and is asked for another
    (booking(ADA, "juf-a", "18:00", "18:30", participants=["zorg"]), booking(ZOE, "zorg", "18:15", "18:45"),
     "staff"),
    # an external partner in two care meetings at once
    (booking(ADA, "juf-a", "18:00", "18:30", partners=["logo-1"]),
     booking(ZOE, "juf-b", "18:00", "18:30", partners=["logo-1"]), "partner"),
    # the same parents at two teachers at once (siblings)
    (booking(ADA, "juf-a", "18:00", "18:10"), booking(BAS, "juf-b", "18:05", "18:15"), "guardian"),
    # the father of the other household, with a child from another relation
    (booking(ADA, "juf-a", "18:00", "18:10"), booking(CATO, "juf-c", "18:00", "18:10"), "guardian"),
    # the same pupil twice
    (booking(ADA, "juf-a", "18:00", "18:10"), booking(ADA, "juf-b", "18:00", "18:10"), "pupil"),
])
def test_every_kind_of_clash_is_found(existing, candidate, kind):
    board = Board.of([existing], PUPILS)
    conflict = board.conflict(candidate)
    assert conflict is not None and conflict.kind == kind and conflict.other == existing


@pytest.mark.parametrize("candidate", [
    booking(ZOE, "juf-a", "18:10", "18:20"),  # right after: no overlap
    booking(ZOE, "juf-a", "18:00", "18:10", day=WEDNESDAY),  # another evening
    booking(BAS, "juf-b", "18:10", "18:20"),  # the parents walk on to the next teacher
])
def test_back_to_back_and_other_evenings_do_not_clash(candidate):
    assert Board.of([booking(ADA, "juf-a", "18:00", "18:10")], PUPILS).conflict(candidate) is None


def test_moving_a_booking_is_not_a_clash_with_itself():
    own = booking(ADA, "juf-a", "18:00", "18:10")
    board = Board.of([own], PUPILS)
    assert board.conflict(own) is None


# -- availability -----------------------------------------------------------------------------------------
def test_separated_parents_meet_when_both_can():
    mum = Reply("r", ADA.id, 1, TUESDAY, after=t("18:30"))
    dad = Reply("r", ADA.id, 2, TUESDAY, not_days=(WEDNESDAY,))
    both = availability([mum, dad])
    assert both == Availability(t("18:30"), frozenset({WEDNESDAY}))
    evening = Round("r", "parent_evening", (session(), session(day=WEDNESDAY)), slot_minutes=15)
    allowed = [s for s in round_slots(evening)["juf-a"] if both.allows(s)]
    assert {s.day for s in allowed} == {TUESDAY} and starts(allowed) == ["18:30", "18:45", "19:00", "19:15",
                                                                         "19:30", "19:45"]


# -- filling ------------------------------------------------------------------------------------------------
def evening(*staff: str, start: str = "18:00", end: str = "20:00", minutes: int = 10) -> Round:
    return Round("Oudercontact", "parent_evening", tuple(session(s, start=start, end=end) for s in staff),
                 slot_minutes=minutes, id="r")


def test_three_children_with_three_teachers_are_placed_back_to_back():
    round_ = evening("juf-a", "juf-b", "juf-c")
    others = [booking(ZOE, "juf-a", "18:00", "18:10")]  # juf A's first slot is taken
    wanted = [Wanted(ADA, "juf-a"), Wanted(BAS, "juf-b"), Wanted(CATO, "juf-c")]
    filled = fill(round_, wanted, Board.of(others, PUPILS))
    assert not filled.unplaced and not filled.apart
    placed = sorted(filled.placed, key=lambda b: b.start)
    assert len({b.day for b in placed}) == 1
    assert all(a.end == b.start for a, b in itertools.pairwise(placed))  # back to back
    assert {b.staff_id for b in placed} == {"juf-a", "juf-b", "juf-c"}
    assert not any(b.staff_id == "juf-a" and b.start == t("18:00") for b in placed)


def test_siblings_with_the_same_teacher_get_two_slots_in_a_row():
    round_ = evening("juf-a")
    twins = [Wanted(ADA, "juf-a"), Wanted(BAS, "juf-a")]
    placed = sorted(fill(round_, twins, Board.of([], PUPILS)).placed, key=lambda b: b.start)
    assert starts(placed) == ["18:00", "18:10"]


def test_stated_availability_is_respected():
    round_ = evening("juf-a", "juf-b")
    late = Availability(t("19:30"))
    filled = fill(round_, [Wanted(ADA, "juf-a", late), Wanted(BAS, "juf-b", late)], Board.of([], PUPILS))
    assert all(b.start >= t("19:30") for b in filled.placed) and len(filled.placed) == 2


def test_a_fill_that_cannot_place_everyone_says_who_and_why():
    round_ = evening("juf-a", start="18:00", end="18:20")  # two slots
    crowd = [Pupil(f"X{n}", f"Kind{n}", "Proef", "L1A", guardians=(Guardian(f"Ouder {n}", phone=f"0000 0{n}"),))
             for n in range(4)]
    pupils = {p.id: p for p in crowd}
    wanted = [Wanted(p, "juf-a") for p in crowd[:3]] + [Wanted(crowd[3], "juf-a", Availability(t("21:00")))]
    filled = fill(round_, wanted, Board.of([], pupils))
    assert len(filled.placed) == 2
    reasons = {item.pupil.id: why for item, why in filled.unplaced}
    assert reasons["X3"] == "unavailable" and list(reasons.values()).count("full") == 1
    assert fill(round_, [Wanted(crowd[0], "meester-z")], Board.of([], pupils)).unplaced[0][1] == "no_session"


def test_the_fill_leaves_the_board_as_it_was_and_places_at_least_as_many_as_one_by_one():
    round_ = evening("juf-a", "juf-b", "juf-c", end="18:30")
    wanted = [Wanted(ZOE, "juf-a"), Wanted(ADA, "juf-a"), Wanted(BAS, "juf-b"), Wanted(CATO, "juf-c")]
    board = Board.of([], PUPILS)
    filled = fill(round_, wanted, board)
    assert board.busy == {} or all(not v for v in board.busy.values())
    assert len(filled.placed) >= greedy(round_, wanted, board) and len(filled.placed) == 4
    assert Board.of(filled.placed, PUPILS).conflict(filled.placed[0]) is None
    for placed in filled.placed:  # nobody in two places at once
        others = Board.of([b for b in filled.placed if b.id != placed.id], PUPILS)
        assert others.conflict(placed) is None


def test_families_join_pupils_who_share_a_guardian():
    groups = families([Wanted(ADA, "a"), Wanted(ZOE, "a"), Wanted(CATO, "c"), Wanted(BAS, "b")])
    assert sorted(sorted(w.pupil.id for w in g) for g in groups) == [["P1", "P2", "P3"], ["P4"]]


@pytest.mark.parametrize(("text", "after", "not_days", "care"), [
    ("na 18:00, niet dinsdag, zorg", "18:00", [TUESDAY], True),
    ("after 18.30 not on Wednesday", "18:30", [WEDNESDAY], False),
    ("vanaf 19u", "19:00", [], False),
    ("altijd", None, [], False),
    ("", None, [], False),
    ("niet woensdag en ook graag de zorgcoördinator", None, [WEDNESDAY], True),
])
def test_a_reply_slip_is_typed_as_it_is_ticked(text, after, not_days, care):
    slip = read_slip(text, [TUESDAY, WEDNESDAY])
    assert (slip.after, list(slip.not_days), slip.care_wish) == (t(after) if after else None, not_days, care)


@pytest.mark.parametrize("text", ["misschien", "niet donderdagavond", "na achttien uur", "na 25:00"])
def test_a_slip_the_kiosk_does_not_understand_is_refused_not_taken_as_any_time(text):
    with pytest.raises(KioskError):
        read_slip(text, [TUESDAY, WEDNESDAY])


def test_a_child_is_placed_next_to_a_brother_or_sister_booked_before():
    round_ = evening("juf-a", "juf-b")
    ada_booked = Booking("r", ADA.id, "juf-a", TUESDAY, t("19:00"), t("19:10"), "lokaal-juf-a")
    filled = fill(round_, [Wanted(BAS, "juf-b")], Board.of([ada_booked], PUPILS))
    [bas] = filled.placed
    assert bas.start in (t("19:10"), t("18:50")) and not filled.apart


def test_a_child_that_cannot_join_a_sibling_is_reported_apart():
    round_ = evening("juf-a", "juf-b", start="18:00", end="18:20")
    ada_booked = Booking("r", ADA.id, "juf-a", TUESDAY, t("18:00"), t("18:10"), "lokaal-juf-a")
    late_dad = Availability(t("18:10"))
    zoe_there = Booking("r", ZOE.id, "juf-b", TUESDAY, t("18:10"), t("18:20"), "lokaal-juf-b")
    filled = fill(round_, [Wanted(BAS, "juf-b", late_dad)], Board.of([ada_booked, zoe_there], PUPILS))
    assert filled.placed == [] and filled.unplaced[0][1] == "full"
    filled = fill(evening("juf-a", "juf-b"), [Wanted(BAS, "juf-b", Availability(t("19:30")))],
                  Board.of([ada_booked], PUPILS))
    assert [p.id for p in filled.apart] == [BAS.id]  # placed, but away from Ada: said so


@pytest.mark.parametrize(("text", "after"), [("na 6 uur", "18:00"), ("from 7", "19:00"), ("na 18:30", "18:30")])
def test_an_evening_slip_means_the_evening(text, after):
    assert read_slip(text, [TUESDAY]).after == t(after)
    assert read_slip("na 9", [TUESDAY], evening=False).after == t("09:00")  # a morning care meeting


@pytest.mark.parametrize("text", ["zorgeloos", "na 18:00 na 16:00", "geen gesprek"])
def test_slips_that_could_be_misread_are_refused(text):
    with pytest.raises(KioskError):
        read_slip(text, [TUESDAY])


# -- the edges: what lies exactly on a boundary ----------------------------------------------------------
def test_a_break_that_starts_when_a_slot_ends_leaves_that_slot():
    assert starts(slots_of(session(start="18:00", end="19:00", breaks=(("18:30", "18:45"),)), 15)) == [
        "18:00", "18:15", "18:45"]


@pytest.mark.parametrize(("minutes", "works"), [(4, False), (5, True), (120, True), (121, False)])
def test_the_slot_length_limits(minutes, works):
    round_ = Round("x", "parent_evening", (session(start="16:00", end="20:05"),), slot_minutes=minutes)
    if works:
        check_plan(round_)
    else:
        with pytest.raises(KioskError):
            check_plan(round_)


def test_a_break_may_start_and_end_with_the_evening():
    check_plan(Round("x", "parent_evening", (session(breaks=(("18:00", "18:15"), ("19:45", "20:00"))),)))


@pytest.mark.parametrize(("gap", "together"), [(0, True), (10, True), (11, False)])
def test_back_to_back_allows_a_walk_of_ten_minutes(gap, together):
    round_ = Round("r", "parent_evening", (session("juf-a", start="18:00", end="18:10"),
                                           session("juf-b", start=f"18:{10 + gap:02d}", end="19:00")),
                   slot_minutes=10, id="r")
    filled = fill(round_, [Wanted(ADA, "juf-a"), Wanted(BAS, "juf-b")], Board.of([], PUPILS))
    assert len(filled.placed) == 2
    assert (not filled.apart) == together



# -- more edges (each found by a mutant that no test noticed) -----------------------------------------
@pytest.mark.parametrize(("round_", "words"), [
    (Round("x", "parent_evening", (session(start="18:00", end="18:00"),)),  # an evening of no time
     _("the evening ends ({end}) before it starts ({start})").format(end="18:00", start="18:00")),
    (Round("x", "parent_evening", (session(breaks=(("19:00", "19:00"),)),)),  # a break of no time
     _("the break ends before it starts ({start}–{end})").format(start="19:00", end="19:00")),
])
def test_an_evening_or_a_break_of_no_time_is_refused(round_, words):
    with pytest.raises(KioskError, match=re.escape(words)):
        check_plan(round_)


@pytest.mark.parametrize(("text", "after"), [("na 11 uur", "23:00"), ("na 12 uur", "12:00"), ("na 12:30", "12:30")])
def test_on_an_evening_slip_only_hours_before_noon_move_to_the_evening(text, after):
    assert read_slip(text, [TUESDAY]).after == t(after)


def test_a_day_the_kiosk_does_not_know_is_named_alone():
    with pytest.raises(KioskError, match=r"^'zondagavondje' "):
        read_slip("niet zondagavondje", [TUESDAY])


def test_a_slot_is_in_a_round_only_with_its_own_staff_member():
    slots = round_slots(evening("juf-a", "juf-b"))
    first = slots["juf-a"][0]
    assert in_round(first, slots)
    assert not in_round(replace(first, staff_id="meester-z"), slots)
    assert not in_round(replace(first, start=t("17:00")), slots)


def test_three_children_back_to_back_when_a_meeting_is_longer_than_the_walk():
    """Each next meeting starts when the one before it ends, not the first one."""
    round_ = evening("juf-a", "juf-b", "juf-c", minutes=15)
    filled = fill(round_, [Wanted(ADA, "juf-a"), Wanted(BAS, "juf-b"), Wanted(CATO, "juf-c")], Board.of([], PUPILS))
    placed = sorted(filled.placed, key=lambda b: b.start)
    assert len(placed) == 3 and not filled.apart
    assert all(a.end == b.start for a, b in itertools.pairwise(placed))


def test_a_child_goes_right_next_to_a_sibling_rather_than_a_short_walk_away():
    round_ = Round("r", "parent_evening", (session("juf-a"), session("juf-b", start="18:00")), slot_minutes=10,
                   id="r")
    ada_booked = booking(ADA, "juf-a", "19:00", "19:10")
    [bas] = fill(round_, [Wanted(BAS, "juf-b")], Board.of([ada_booked], PUPILS)).placed
    assert bas.start in (t("18:50"), t("19:10"))  # no gap at all, though 18:40 is only ten minutes away


def test_of_two_equal_walks_the_first_is_taken():
    round_ = Round("r", "parent_evening", (session("juf-a"), session("juf-b", start="18:05")), slot_minutes=10,
                   id="r")
    ada_booked = booking(ADA, "juf-a", "19:00", "19:10")
    filled = fill(round_, [Wanted(BAS, "juf-b")], Board.of([ada_booked], PUPILS))
    [bas] = filled.placed
    assert bas.start == t("18:45") and not filled.apart  # five minutes before; 19:15 is five minutes after


def test_a_child_apart_from_a_sibling_still_comes_on_the_siblings_evening():
    round_ = Round("r", "parent_evening", (session("juf-a", day=WEDNESDAY), session("juf-b"),
                                           session("juf-b", day=WEDNESDAY)), slot_minutes=10, id="r")
    ada_booked = booking(ADA, "juf-a", "18:00", "18:10", day=WEDNESDAY)
    filled = fill(round_, [Wanted(BAS, "juf-b", Availability(t("19:30")))], Board.of([ada_booked], PUPILS))
    [bas] = filled.placed
    assert (bas.day, bas.start) == (WEDNESDAY, t("19:30")) and [p.id for p in filled.apart] == [BAS.id]


def test_a_child_without_brothers_or_sisters_is_never_reported_apart():
    filled = fill(evening("juf-a"), [Wanted(ZOE, "juf-a")], Board.of([], PUPILS))
    assert len(filled.placed) == 1 and filled.apart == []


def test_one_by_one_counts_what_it_places():
    round_ = evening("juf-a", start="18:00", end="18:30")  # three slots
    assert greedy(round_, [Wanted(ZOE, "juf-a"), Wanted(CATO, "juf-a")], Board.of([], PUPILS)) == 2
    assert greedy(round_, [Wanted(ZOE, "juf-a", Availability(t("21:00")))], Board.of([], PUPILS)) == 0


def test_a_sibling_exactly_a_walk_away_counts_as_together():
    round_ = Round("r", "parent_evening", (session("juf-a"), session("juf-b", start="18:00", end="18:50")),
                   slot_minutes=10, id="r")
    ada_booked = booking(ADA, "juf-a", "19:00", "19:10")
    filled = fill(round_, [Wanted(BAS, "juf-b")], Board.of([ada_booked], PUPILS))
    [bas] = filled.placed
    assert bas.start == t("18:40") and not filled.apart  # ten minutes before Ada's: a walk, not apart


def test_siblings_are_tried_in_every_order():
    """Four children whose teachers are free one after the other in the reverse order: only the
    last of the 24 orders fits back to back."""
    names = ["Eva", "Fien", "Gus", "Hugo"]
    family = [Pupil(f"S{n}", name, "Testveld", "L1A", guardians=(MUM,)) for n, name in enumerate(names)]
    pupils = {p.id: p for p in family}
    round_ = Round("r", "parent_evening", tuple(session(f"juf-{n}", start=f"19:{30 - 10 * n:02d}",
                                                        end=f"19:{40 - 10 * n:02d}") for n in range(4)),
                   slot_minutes=10, id="r")
    filled = fill(round_, [Wanted(p, f"juf-{n}") for n, p in enumerate(family)], Board.of([], pupils))
    assert len(filled.placed) == 4 and not filled.apart
    assert [b.pupil_id for b in sorted(filled.placed, key=lambda b: b.start)] == ["S3", "S2", "S1", "S0"]


def test_a_family_of_more_than_four_is_tried_only_in_its_own_order():
    """120 orders of five children would slow a fill of a whole school: a big family is placed
    in the order given, here one by one (apart), although 0-4-3-2-1 would fit back to back."""
    names = ["Eva", "Fien", "Gus", "Hugo", "Ida"]
    family = [Pupil(f"S{n}", name, "Testveld", "L1A", guardians=(MUM,)) for n, name in enumerate(names)]
    pupils = {p.id: p for p in family}
    minutes = [0, 40, 30, 20, 10]  # free from 19:00: juf-0, then juf-4, juf-3, juf-2, juf-1
    round_ = Round("r", "parent_evening", tuple(session(f"juf-{n}", start=f"19:{m:02d}", end=f"19:{m + 10:02d}")
                                                for n, m in enumerate(minutes)), slot_minutes=10, id="r")
    filled = fill(round_, [Wanted(p, f"juf-{n}") for n, p in enumerate(family)], Board.of([], pupils))
    assert len(filled.placed) == 5 and len(filled.apart) == 5
