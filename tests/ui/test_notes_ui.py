"""Conversations and follow-ups with the real keys: a note at the gate with a follow-up, seen
in "my follow-ups" and marked done; the overdue count; who sees a care note; the quiet-moment
question; a care partner on the card; a half-typed note kept over the lock."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import DataTable, Input, Static

from kiosk.domain.models import FollowUp, Guardian, Note, Pupil, Role, Staff
from kiosk.i18n import _
from kiosk.services import notes
from kiosk.services.context import Kiosk
from kiosk.ui.screens.absence_dialog import AbsenceDialog
from kiosk.ui.screens.care_partner import CarePartnerScreen
from kiosk.ui.screens.followups import FollowUpsScreen
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screens.note import NoteScreen
from kiosk.ui.screens.pupil_card import PupilCardScreen
from kiosk.ui.widgets.confirm import ConfirmScreen
from tests.conftest import MONDAY_MORNING
from tests.ui.conftest import HEAD_ID, session

NOW = MONDAY_MORNING
MUM = Guardian("Mona Testveld", phone="0000 12 12 12")
DAD = Guardian("Dirk Testveld", phone="0000 13 13 13", household=2)
QUINTEN = Pupil("T1", "Quinten", "Testveld", "3B", guardians=(MUM, DAD))
XENA = Pupil("T2", "Xena", "Testveld", "1A", guardians=(MUM,))
TEACHER_3B = Staff("juf-3b", "Juf Drie Bee", Role.TEACHER, classes=("3B",))
TEACHER_5A = Staff("meester-5a", "Meester Vijf A", Role.TEACHER, classes=("5A",))
CARE, OFFICE = "bram-lindeveld", "sofie-wilgendaal"


@pytest.fixture(autouse=True)
def family(kiosk: Kiosk) -> None:
    kiosk.repos.pupils.save_many([QUINTEN, XENA])
    for member in (TEACHER_3B, TEACHER_5A):
        kiosk.repos.staff.save(member)


def my_follow_ups(kiosk: Kiosk, who: str) -> list[FollowUp]:
    member = kiosk.repos.staff.get(who)
    assert member
    return [r.follow_up for r in notes.follow_ups(kiosk, member, owner=who, include_done=True)]


def quinten_notes(kiosk: Kiosk) -> list[Note]:
    return [n for n in kiosk.repos.notes.in_year(2026) if QUINTEN.id in n.pupil_ids]


async def open_note(pilot) -> NoteScreen:
    await pilot.press(*"quinten", "enter")
    assert isinstance(pilot.app.screen, AbsenceDialog)
    await pilot.press("g")
    screen = pilot.app.screen
    assert isinstance(screen, NoteScreen)
    return screen


async def test_a_gate_note_with_a_follow_up_is_seen_in_my_follow_ups_and_marked_done(app, kiosk):
    async with session(app) as pilot:
        screen = await open_note(pilot)
        assert screen.query_one("#note-text", Input).has_focus  # type at once
        await pilot.press(*"Vraagt naar de zwemles", "tab", "f", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        [note] = quinten_notes(kiosk)
        assert (note.text, note.where, note.level, note.at) == ("Vraagt naar de zwemles", "gate", "class", NOW)
        assert note.guardians == ("Mona Testveld", "Dirk Testveld")  # both households by default
        [follow_up] = [f for f in my_follow_ups(kiosk, HEAD_ID) if f.note_id == note.id]
        assert follow_up.due == dt.datetime(2026, 11, 25, 8, 20)  # 48 weekday hours
        await pilot.press("f3")
        assert isinstance(app.screen, FollowUpsScreen)
        table = app.screen.query_one(DataTable)
        index = next(i for i, row in enumerate(app.screen.rows) if row.follow_up.id == follow_up.id)
        assert "Quinten Testveld" in str(table.get_row_at(index)[2])
        assert "zwemles" not in " ".join(str(c) for c in table.get_row_at(index))  # no text in the list
        table.move_cursor(row=index)
        await pilot.press("enter")
        assert "Vraagt naar de zwemles" in str(app.screen.query_one("#followup-detail", Static).render())
        await pilot.press("k", *"Gebeld: vanaf januari", "enter")
        await pilot.pause()
    [done] = [f for f in my_follow_ups(kiosk, HEAD_ID) if f.id == follow_up.id]
    assert (done.done_at, done.done_by, done.answer) == (NOW, HEAD_ID, "Gebeld: vanaf januari")
    assert {"note-add", "follow-up-add", "follow-up-done"} <= {e.action for e in kiosk.repos.audit.in_year(2026)}


async def test_options_by_key_where_level_parents_siblings(app, kiosk):
    async with session(app) as pilot:
        await open_note(pilot)
        await pilot.press(*"Broer en zus", "tab", "w", "w", "v", "o", "b", "enter")
        await pilot.pause()
    [note] = quinten_notes(kiosk)
    assert (note.where, note.level, set(note.pupil_ids)) == ("phone", "care", {QUINTEN.id, XENA.id})
    assert note.guardians == ("Mona Testveld",)  # the chosen parent stays: she is the siblings' mother too


async def test_the_overdue_count_on_the_home_screen(app, kiosk):
    noted = notes.add_note(kiosk, [QUINTEN], "Vraag over de factuur", HEAD_ID, owner=HEAD_ID,
                           at=NOW - dt.timedelta(days=7))
    assert noted.follow_up and noted.follow_up.due < NOW
    notes.add_note(kiosk, [XENA], "Vraag over de turnles", HEAD_ID, owner=HEAD_ID)
    open_, overdue = notes.counts(kiosk, kiosk.repos.staff.get(HEAD_ID))
    async with session(app) as pilot:
        line = app.screen.query_one("#followups-summary", Static)
        assert str(line.render()) == _("Your follow-ups: {n} open, {overdue} overdue (F3)").format(
            n=open_, overdue=overdue)
        assert overdue >= 1 and line.has_class("overdue")
        await pilot.press("f3")
        first = app.screen.query_one(DataTable).get_row_at(0)
        assert str(first[1]) == _("OVERDUE")


async def test_a_care_note_is_invisible_to_a_teacher_of_another_class_and_to_the_office(app, kiosk):
    notes.add_note(kiosk, [QUINTEN], "Zorgen thuis", CARE, level="care", owner=CARE)
    notes.add_note(kiosk, [QUINTEN], "Vraag over de schoolreis", HEAD_ID, level="class", owner=TEACHER_3B.id)
    expected = {  # what each sees of the two notes on Quinten's card, and of their follow-ups
        TEACHER_5A.id: ([], 0), OFFICE: (["exists", "exists"], 0), TEACHER_3B.id: (["read"], 2),
        HEAD_ID: (["read", "read"], 2),
    }
    async with session(app) as pilot:
        for who, (shown, follow_ups) in expected.items():
            await app.action_lock()
            app.start_session(kiosk.repos.staff.get(who))
            await pilot.pause()
            app.push_screen(PupilCardScreen(QUINTEN))
            await pilot.pause()
            card = app.screen
            assert sorted(i.access.value for i in card.items if isinstance(i.record, Note)) == shown, who
            table = card.query_one(DataTable)
            details = []
            for index in range(table.row_count):  # Enter on every row: a text only for who may read it
                table.move_cursor(row=index)
                await pilot.press("enter")
                details.append(str(card.query_one("#card-detail", Static).render()))
            assert any("Zorgen thuis" in d for d in details) == (who == HEAD_ID), who
            assert not any("Zorgen thuis" in str(c) for i in range(table.row_count) for c in table.get_row_at(i))
            seen = [r for r in notes.follow_ups(kiosk, kiosk.repos.staff.get(who)) if QUINTEN in r.pupils]
            assert len(seen) == follow_ups, who


async def test_a_follow_up_in_a_quiet_moment_is_asked_about(app, kiosk):
    async with session(app) as pilot:
        screen = await open_note(pilot)
        await pilot.press(*"Belt terug", "tab", "f", "t")
        due = screen.query_one("#note-due", Input)
        assert due.has_focus
        due.value = "wo 21:00"
        await pilot.press("enter", "enter")  # the due time, then save
        assert isinstance(app.screen, ConfirmScreen)
        assert "21:00" in app.screen.question
        await pilot.press("n")  # no: the due time is offered again
        assert app.screen is screen and due.has_focus and not quinten_notes(kiosk)
        due.value = "wo 15:00"
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        [note] = quinten_notes(kiosk)
        [follow_up] = [f for f in my_follow_ups(kiosk, HEAD_ID) if f.note_id == note.id]
        assert follow_up.due == dt.datetime(2026, 11, 25, 15, 0)
        screen = await open_note(pilot)
        await pilot.press(*"Nog eens", "tab", "f", "t")
        screen.query_one("#note-due", Input).value = "za 10:00"
        await pilot.press("enter", "enter", "y")  # yes: planned in the quiet moment after all
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert dt.datetime(2026, 11, 28, 10, 0) in [f.due for f in my_follow_ups(kiosk, HEAD_ID)]


async def test_care_staff_add_a_care_partner_to_the_card(app, kiosk):
    async with session(app, CARE) as pilot:
        app.push_screen(PupilCardScreen(QUINTEN))
        await pilot.pause()
        await pilot.press("z")
        assert isinstance(app.screen, CarePartnerScreen)
        for text in ("Praktijk De Egel", "logopedie", "2x per week", "lezen", "1/9"):
            await pilot.press(*text, "enter")
        await pilot.pause()
        assert isinstance(app.screen, PupilCardScreen)
        shown = str(app.screen.query_one("#care-partners", Static).render())
        assert "logopedie · Praktijk De Egel · 2x per week · lezen · sinds 01/09/2026" in shown
        [partner] = notes.partners_of(kiosk, QUINTEN.id)
        assert (partner.since, partner.by_staff) == (dt.date(2026, 9, 1), CARE)
        await app.action_lock()
        app.start_session(kiosk.repos.staff.get(TEACHER_5A.id))  # another class: not even that there is one
        await pilot.pause()
        app.push_screen(PupilCardScreen(QUINTEN))
        await pilot.pause()
        assert not app.screen.query_one("#care-partners", Static).display
        assert not app.screen.check_action("care_partner", ())
        assert not app.screen.query_one("#do-care_partner").display  # no button that does nothing


async def test_care_staff_remove_a_care_partner_that_ended(app, kiosk):
    care = kiosk.repos.staff.get(CARE)
    assert care
    notes.add_care_partner(kiosk, QUINTEN, CARE, name="Praktijk De Egel", discipline="logopedie")
    notes.add_care_partner(kiosk, QUINTEN, CARE, name="Kine Noord", discipline="kinesitherapie")
    async with session(app, CARE) as pilot:
        app.push_screen(PupilCardScreen(QUINTEN))
        await pilot.pause()
        await pilot.press("z", "shift+tab", "down", "delete")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, CarePartnerScreen)
    assert [p.who for p in notes.partners_of(kiosk, QUINTEN.id)] == ["Praktijk De Egel"]
    assert "care-partner-remove" in {e.action for e in kiosk.repos.audit.in_year(2026)}


async def test_a_half_typed_note_is_kept_over_the_lock_for_its_author_only(app, kiosk):
    async with session(app) as pilot:
        await open_note(pilot)
        await pilot.press(*"Mama vraagt of")
        await app.action_lock()
        await pilot.pause()
        assert HEAD_ID in app.drafts
        app.start_session(kiosk.repos.staff.get(CARE))  # a colleague: nothing offered
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await app.action_lock()
        app.start_session(kiosk.repos.staff.get(HEAD_ID))
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and "Quinten Testveld" in app.screen.question
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        assert app.screen.query_one("#note-text", Input).value == "Mama vraagt of"
        await pilot.press(*" de zwemles", "enter")
        await pilot.pause()
    assert [n.text for n in quinten_notes(kiosk)] == ["Mama vraagt of de zwemles"]
    assert not app.drafts


async def test_undo_takes_back_a_note_and_its_follow_up(app, kiosk):
    async with session(app) as pilot:
        await open_note(pilot)
        await pilot.press(*"Per vergissing", "tab", "f", "enter")
        await pilot.pause()
        assert len(quinten_notes(kiosk)) == 1
        await pilot.press("ctrl+z")
        await pilot.pause()
    assert not quinten_notes(kiosk)
    assert not [f for f in my_follow_ups(kiosk, HEAD_ID) if QUINTEN.id in f.pupil_ids]


async def test_a_note_is_shown_literally_and_control_characters_are_refused(app, kiosk):
    notes.add_note(kiosk, [QUINTEN], "[bold red]niet vet[/]", HEAD_ID)
    async with session(app) as pilot:
        app.push_screen(PupilCardScreen(QUINTEN))
        await pilot.pause()
        await pilot.press("enter")
        assert "[bold red]niet vet[/]" in str(app.screen.query_one("#card-detail", Static).render())
        await pilot.press("g", *"oeps", "tab")
        app.screen.query_one("#note-text", Input).value = "oeps \x1b[31m"
        await pilot.press("enter")
        assert isinstance(app.screen, NoteScreen)  # refused, with the reason on the form
        assert "U+001B" in str(app.screen.query_one("#form-error", Static).render())
    assert [n.text for n in quinten_notes(kiosk)] == ["[bold red]niet vet[/]"]


async def test_the_answer_goes_to_the_follow_up_chosen_even_if_the_list_changes_meanwhile(app, kiosk):
    first = notes.add_note(kiosk, [XENA], "Vraag over de turnles", HEAD_ID, owner=HEAD_ID,
                           at=NOW - dt.timedelta(days=7)).follow_up
    second = notes.add_note(kiosk, [QUINTEN], "Vraag over de factuur", HEAD_ID, owner=HEAD_ID).follow_up
    third = notes.add_note(kiosk, [QUINTEN], "Vraag over de uitstap", HEAD_ID, owner=HEAD_ID,
                           due=NOW + dt.timedelta(days=3)).follow_up
    assert first and second and third
    async with session(app) as pilot:
        await pilot.press("f3")
        screen = app.screen
        assert isinstance(screen, FollowUpsScreen)
        table = screen.query_one(DataTable)
        table.move_cursor(row=next(i for i, r in enumerate(screen.rows) if r.follow_up.id == second.id))
        await pilot.press("k", *"Gebeld")
        notes.mark_done(kiosk, first, "Op een andere kiosk beantwoord", CARE)  # the rows shift up
        screen.reload()
        await pilot.press(*" over de factuur", "enter")
        await pilot.pause()
    done = {f.id: f.answer for f in my_follow_ups(kiosk, HEAD_ID)}
    assert done[second.id] == "Gebeld over de factuur"
    assert done[first.id] == "Op een andere kiosk beantwoord"
    assert done[third.id] == ""


async def test_esc_asks_before_a_typed_note_is_thrown_away(app, kiosk):
    async with session(app) as pilot:
        screen = await open_note(pilot)
        await pilot.press(*"Vraagt naar", "escape")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert app.screen is screen and screen.query_one("#note-text", Input).value == "Vraagt naar"
        await pilot.press("escape", "y")
        await pilot.pause()
        assert not isinstance(app.screen, NoteScreen)
    assert quinten_notes(kiosk) == []


async def test_a_follow_up_is_handed_over_only_to_colleagues_who_may_read_its_note(app, kiosk):
    from kiosk.ui.screens.staff_picker import StaffPickerScreen

    noted = notes.add_note(kiosk, [QUINTEN], "Zorgen thuis", HEAD_ID, level="care", owner=HEAD_ID)
    assert noted.follow_up
    async with session(app) as pilot:
        await pilot.press("f3")
        screen = app.screen
        assert isinstance(screen, FollowUpsScreen)
        index = next(i for i, r in enumerate(screen.rows) if r.follow_up.id == noted.follow_up.id)
        screen.query_one(DataTable).move_cursor(row=index)
        await pilot.press("h")
        picker = app.screen
        assert isinstance(picker, StaffPickerScreen)
        offered = {s.id for s in picker.choices}
        assert CARE in offered and OFFICE not in offered and TEACHER_3B.id not in offered


async def test_choosing_who_reads_gives_the_follow_up_back_to_the_author_when_its_owner_may_not(app, kiosk):
    async with session(app) as pilot:
        screen = await open_note(pilot)
        await pilot.press(*"Iets persoonlijks", "tab", "f", "e")  # the owner: the class teacher
        assert screen.draft.owner != HEAD_ID
        await pilot.press("v", "v")  # care, then personal: only the author may read it
        assert (screen.draft.level, screen.draft.owner) == ("personal", HEAD_ID)
