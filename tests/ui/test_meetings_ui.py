"""Meetings with the real keys: plan a round, enter a reply slip, book a pupil whose parents
are separated, the clash message for a double booking, the unbooked list shrinking, a no-show."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import DataTable, Input, Static

from kiosk.domain.models import Guardian, Pupil, Role, Round, Staff
from kiosk.i18n import _
from kiosk.services import meetings
from kiosk.services.context import Kiosk
from kiosk.ui.screens.meeting_pupil import MeetingPupilScreen
from kiosk.ui.screens.meetings import MeetingsScreen
from kiosk.ui.screens.plan_round import PlanRoundScreen
from kiosk.ui.widgets.confirm import ConfirmScreen
from tests.ui.conftest import HEAD_ID, session, wait_until

MUM = Guardian("Mona Testveld", phone="0000 12 12 12", email="mona@example.org")
DAD = Guardian("Dirk Testveld", phone="0000 13 13 13", email="dirk@example.org", household=2)
QUINTEN = Pupil("T1", "Quinten", "Testveld", "3B", guardians=(MUM, DAD))
ROOS = Pupil("T2", "Roos", "Akkerveld", "3B", guardians=(Guardian("Ilse Akkerveld", phone="0000 14 14 14"),))
TEACHER_3B = Staff("juf-3b", "Juf Drie Bee", Role.TEACHER, classes=("3B",))
EVENING = dt.date(2026, 12, 15)


@pytest.fixture(autouse=True)
def class_3b(kiosk: Kiosk) -> None:
    kiosk.repos.pupils.save_many([QUINTEN, ROOS])
    kiosk.repos.staff.save(TEACHER_3B)
    kiosk.repos.rounds.remove(meetings.rounds(kiosk))  # not the demo's rounds: only what each test plans
    kiosk.repos.bookings.remove(kiosk.repos.bookings.in_year(2026))


def planned(kiosk: Kiosk) -> Round:
    return meetings.plan_round(kiosk, HEAD_ID, name="Oudercontact december", kind="parent_evening", days=[EVENING],
                               start=dt.time(16, 0), end=dt.time(18, 0), slot_minutes=10,
                               staff_ids=[TEACHER_3B.id])


def text(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def open_pupil(pilot, name: str) -> MeetingPupilScreen:
    await pilot.press("s", *name, "enter")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, MeetingPupilScreen)
    return screen


async def test_plan_a_round_with_the_form(app, kiosk):
    async with session(app) as pilot:
        await pilot.press("f4")
        assert isinstance(app.screen, MeetingsScreen)
        assert _("No round planned yet: p plans one.") in text(app, "#meetings-title")
        await pilot.press("p")
        assert isinstance(app.screen, PlanRoundScreen)
        for typed in ("Oudercontact december", "15/12", "16:00-20:30", "15", "18:00-18:15"):
            await pilot.press(*typed, "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)  # 20:00 onwards is a quiet moment: asked, never silent
        await pilot.press("y")
        assert await wait_until(pilot, lambda: isinstance(app.screen, MeetingsScreen))
        assert "Oudercontact december" in text(app, "#meetings-title")
    [round_] = meetings.rounds(kiosk)
    assert (round_.slot_minutes, round_.quiet_confirmed, round_.days) == (15, True, [EVENING])
    assert round_.sessions[0].breaks[0].start == dt.time(18, 0)


async def test_a_plan_that_cannot_work_says_why_and_plans_nothing(app, kiosk):
    async with session(app) as pilot:
        await pilot.press("f4", "p")
        for typed in ("Te kort", "15/12", "16:00-16:20", "30"):
            await pilot.press(*typed, "enter")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlanRoundScreen)
        assert "30" in text(app, "#form-error")
    assert meetings.rounds(kiosk) == []


async def test_reply_slips_of_separated_parents_then_the_booking_suits_both(app, kiosk):
    round_ = planned(kiosk)
    async with session(app) as pilot:
        await pilot.press("f4")
        screen = await open_pupil(pilot, "quinten")
        await pilot.press(*"na 16:30", "enter")  # household 1
        await pilot.press("tab", "h")
        await pilot.press("tab", *"na 17:00, zorg", "enter")  # household 2, the father
        await pilot.press("tab", "b")
        assert await wait_until(pilot, lambda: "17:00–17:10" in text(app, "#meeting-state"))
        assert TEACHER_3B.name in text(app, "#meeting-state")
        assert screen.query_one("#form-error", Static).display is False
    [booking] = meetings.bookings_of(kiosk, round_)
    assert (booking.pupil_id, booking.start) == (QUINTEN.id, dt.time(17, 0))
    assert {r.household for r in meetings.replies_of(kiosk, round_)} == {1, 2}


async def test_a_double_booking_is_refused_with_who_is_busy(app, kiosk):
    round_ = planned(kiosk)
    meetings.book(kiosk, round_, QUINTEN, HEAD_ID, start=dt.time(16, 30))
    async with session(app) as pilot:
        await pilot.press("f4")
        await open_pupil(pilot, "roos")
        await pilot.press("tab", "t", *"16:30", "enter")
        assert await wait_until(pilot, lambda: "Quinten Testveld" in text(app, "#form-error"))
        assert TEACHER_3B.name in text(app, "#form-error")
    assert [b.pupil_id for b in meetings.bookings_of(kiosk, round_)] == [QUINTEN.id]


async def test_the_unbooked_list_shrinks_and_a_no_show_is_marked(app, kiosk, clock):
    round_ = planned(kiosk)
    meetings.record_reply(kiosk, round_, ROOS, 1, HEAD_ID)
    clock.advance(days=22, hours=9)  # the evening itself, 17:20 (before the login: the idle lock counts too)
    async with session(app) as pilot:
        await pilot.press("f4")
        await pilot.press("u")
        screen = app.screen
        assert isinstance(screen, MeetingsScreen)
        before = len(screen.rows)
        assert before >= 2
        await pilot.press("f")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        assert await wait_until(pilot, lambda: len(screen.rows) == before - 1)  # Roos is booked
        await pilot.press("u")  # the schedule again
        table = screen.query_one(DataTable)

        def roos_row() -> int:
            return next((i for i, b in enumerate(screen.rows) if getattr(b, "pupil_id", "") == ROOS.id), -1)

        assert await wait_until(pilot, lambda: roos_row() >= 0)
        table.move_cursor(row=roos_row())
        await pilot.pause()
        await pilot.press("n")
        assert await wait_until(pilot, lambda: roos_row() >= 0
                                and _("did not come") in str(table.get_row_at(roos_row())[-1]))
    [booking] = [b for b in meetings.bookings_of(kiosk, round_) if b.pupil_id == ROOS.id]
    assert booking.status == "no_show"


async def test_esc_leaves_the_search_then_the_screen(app, kiosk):
    planned(kiosk)
    async with session(app) as pilot:
        await pilot.press("f4", "s")
        assert app.screen.query_one("#meetings-picker-input", Input).has_focus
        await pilot.press("escape")
        assert isinstance(app.screen, MeetingsScreen) and app.screen.query_one(DataTable).has_focus
        await pilot.press("escape")
        assert not isinstance(app.screen, MeetingsScreen)


async def test_from_june_the_head_is_reminded_of_septembers_information_evenings(app, kiosk, clock):
    clock.advance(days=192)  # 2 June 2027
    async with session(app) as pilot:
        reminder = app.screen.query_one("#reminder", Static)
        assert reminder.display and "september" in str(reminder.render()).lower()
        meetings.plan_round(kiosk, HEAD_ID, name="Infoavond", kind="information", days=[dt.date(2027, 9, 7)],
                            start=dt.time(19, 0), end=dt.time(20, 0), slot_minutes=10)
        app.announce_change()
        assert await wait_until(pilot, lambda: not reminder.display)


async def test_a_meeting_is_moved_with_the_same_checks(app, kiosk):
    round_ = planned(kiosk)
    meetings.book(kiosk, round_, QUINTEN, HEAD_ID, start=dt.time(16, 30))
    meetings.book(kiosk, round_, ROOS, HEAD_ID, start=dt.time(16, 40))
    async with session(app) as pilot:
        await pilot.press("f4")
        await open_pupil(pilot, "roos")
        await pilot.press("tab", "t", *"16:30", "enter")  # Quinten's time: refused
        assert await wait_until(pilot, lambda: "Quinten Testveld" in text(app, "#form-error"))
        field = app.screen.query_one("#meeting-time", Input)
        field.value = "17:20"
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: "17:20–17:30" in text(app, "#meeting-state"))
    assert {b.pupil_id: b.start for b in meetings.bookings_of(kiosk, round_)} == {
        QUINTEN.id: dt.time(16, 30), ROOS.id: dt.time(17, 20)}


async def test_the_outcome_of_a_meeting_and_its_action_points_become_follow_ups(app, kiosk, clock):
    from kiosk.services import notes

    round_ = planned(kiosk)
    booking = meetings.book(kiosk, round_, ROOS, HEAD_ID, start=dt.time(16, 30))
    clock.advance(days=22, hours=9)  # the evening, after the meeting
    async with session(app) as pilot:
        await pilot.press("f4")
        screen = app.screen
        assert isinstance(screen, MeetingsScreen)
        screen.query_one(DataTable).move_cursor(row=next(i for i, b in enumerate(screen.rows)
                                                         if getattr(b, "id", "") == booking.id))
        await pilot.press("o", *"Lezen gaat beter", "enter", *"Juf Drie Bee: leesboekjes meegeven @ 8/1", "enter",
                          "enter", "enter")
        assert await wait_until(pilot, lambda: isinstance(app.screen, MeetingsScreen))
    [note] = [n for n in kiosk.repos.notes.in_year(2026) if n.text == "Lezen gaat beter"]
    assert (note.pupil_ids, note.where) == ((ROOS.id,), "appointment")
    [follow_up] = [r.follow_up for r in notes.follow_ups(kiosk, kiosk.repos.staff.get(HEAD_ID))
                   if r.follow_up.note_id == note.id]
    assert (follow_up.owner, follow_up.what, follow_up.due.date()) == (TEACHER_3B.id, "leesboekjes meegeven",
                                                                       dt.date(2027, 1, 8))
