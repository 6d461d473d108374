"""The text-message reader with the real keys: a sure proposal saves with Enter, an unsure
one only after its doubtful field is confirmed or corrected; late arrivals, return notices
and other messages each get their own proposal."""

from __future__ import annotations

import datetime as dt

import pytest
from textual import events
from textual.widgets import Input, SelectionList, Static

from kiosk.domain.models import Absence, Guardian, LateArrival, Pupil
from kiosk.domain.sms.message import one_line
from kiosk.i18n import _
from kiosk.services import absences
from kiosk.services.context import Kiosk
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screens.sms import SmsScreen
from kiosk.ui.widgets.confirm import ConfirmScreen
from tests.conftest import MONDAY_MORNING
from tests.ui.conftest import HEAD_ID, session, tap

TODAY = MONDAY_MORNING.date()
TUESDAY, WEDNESDAY, FRIDAY = (TODAY + dt.timedelta(days=n) for n in (1, 2, 4))
PARENT = Guardian("Mona Testveld", phone="0000 12 12 12", email="mona@example.org")
QUINTEN = Pupil("T1", "Quinten", "Testveld", "3B", guardians=(PARENT,))
XENA = Pupil("T2", "Xena", "Testveld", "1A", guardians=(PARENT,))
FAMILY = Guardian("Wiebe Proefhoeve", phone="0000 34 34 34")
ADA, BAS, CATO = (Pupil(f"F{n}", first, "Proefhoeve", cls, guardians=(FAMILY,))
                  for n, (first, cls) in enumerate((("Ada", "1A"), ("Bas", "3B"), ("Cato", "5A"))))
ROOS_A = Pupil("R1", "Roos", "Testakker", "2A")
ROOS_B = Pupil("R2", "Roos", "Proefveld", "4B")


@pytest.fixture(autouse=True)
def pupils(kiosk: Kiosk) -> None:
    kiosk.repos.pupils.save_many([QUINTEN, XENA, ADA, BAS, CATO, ROOS_A, ROOS_B])


def absences_of(kiosk: Kiosk, pupil: Pupil) -> list[Absence]:
    return [a for a in absences.absences_between(kiosk, TODAY, TODAY + dt.timedelta(days=30))
            if a.pupil_id == pupil.id]


def lates_of(kiosk: Kiosk, pupil: Pupil) -> list[LateArrival]:
    return [x for x in absences.lates_between(kiosk, TODAY, TODAY + dt.timedelta(days=7)) if x.pupil_id == pupil.id]


async def paste(pilot, message: str) -> SmsScreen:
    await pilot.press("f7")
    screen = pilot.app.screen
    assert isinstance(screen, SmsScreen)
    field = screen.query_one("#sms-text", Input)
    field.post_message(events.Paste(message))  # as a terminal or browser pastes: lines and all
    await pilot.pause()
    assert field.value == one_line(message)
    await pilot.press("enter")
    await pilot.pause()
    return screen


def shown(screen: SmsScreen) -> str:
    return str(screen.query_one("#proposal", Static).render())


def offered(screen: SmsScreen) -> list[str]:
    chooser = screen.query_one("#sms-pupils", SelectionList)
    return [str(chooser.get_option_at_index(i).prompt) for i in range(chooser.option_count)]


def doubtful_lines(screen: SmsScreen) -> list[str]:
    return [line for line in shown(screen).splitlines() if line.startswith("?")]


async def test_a_sure_message_saves_with_enter(app, kiosk):
    async with session(app) as pilot:
        screen = await paste(pilot, "Quinten van 3B is ziek, blijft vandaag en morgen thuis")
        assert not absences_of(kiosk, QUINTEN)  # nothing saved before Enter
        assert not doubtful_lines(screen)
        assert offered(screen) == ["1  Quinten Testveld (3B)"]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    [entry] = absences_of(kiosk, QUINTEN)
    assert (entry.code, entry.start, entry.end, entry.reported_via) == ("sick_note", TODAY, TUESDAY, "sms")


async def test_an_unsure_pupil_is_marked_and_enter_saves_only_after_the_choice(app, kiosk):
    async with session(app) as pilot:
        screen = await paste(pilot, "Roos is ziek vandaag")
        assert offered(screen) == ["1  Roos Testakker (2A)", "2  Roos Proefveld (4B)"]  # by class, then name
        assert doubtful_lines(screen) == [f"? {_('Pupils')}: " + _("{chosen} chosen of {offered}").format(
            chosen=0, offered=2)]
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen  # not saved: the doubt is explained
        assert str(screen.query_one("#form-error", Static).render()) == _(
            "Not saved yet: choose the pupil first (the digit before the name).")
        assert not absences_of(kiosk, ROOS_A) and not absences_of(kiosk, ROOS_B)
        await pilot.press("2")  # staff know it is the Roos in 4B
        assert not doubtful_lines(screen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert not absences_of(kiosk, ROOS_A)
    assert [a.start for a in absences_of(kiosk, ROOS_B)] == [TODAY]


async def test_an_unsure_end_is_confirmed_with_y_or_corrected(app, kiosk):
    async with session(app) as pilot:
        screen = await paste(pilot, "Quinten is ziek tot woensdag")  # back on Wednesday, or away then too?
        [line] = doubtful_lines(screen)
        assert line.startswith(f"? {_('Day(s)')}")
        await pilot.press("enter")
        assert app.screen is screen and not absences_of(kiosk, QUINTEN)
        await pilot.press("p")  # correct it: from today to Tuesday
        period = screen.query_one("#sms-period", Input)
        assert period.has_focus and period.value == "23/11 25/11"
        period.value = "23/11 di"
        await pilot.press("enter")
        assert not doubtful_lines(screen)
        await pilot.press("enter")
        await pilot.pause()
        screen = await paste(pilot, "Xena is ziek tot woensdag")
        await pilot.press("y", "enter")  # or confirm what is shown
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert [(a.start, a.end) for a in absences_of(kiosk, QUINTEN)] == [(TODAY, TUESDAY)]
    assert [(a.start, a.end) for a in absences_of(kiosk, XENA)] == [(TODAY, WEDNESDAY)]


async def test_a_late_arrival_message_is_saved_as_an_announced_late_arrival(app, kiosk):
    async with session(app) as pilot:
        screen = await paste(pilot, "Goeiemorgen, Xena komt om half 10, ze moet eerst naar de tandarts")
        assert _("late arrival") in shown(screen) and "09:30" in shown(screen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    [late] = lates_of(kiosk, XENA)
    assert (late.date, late.time, late.announced) == (TODAY, dt.time(9, 30), True)
    assert not absences_of(kiosk, XENA)


async def test_two_of_three_siblings(app, kiosk):
    async with session(app) as pilot:
        screen = await paste(pilot, "Ada en Cato hebben griep, Bas komt wel naar school. Groetjes Wiebe")
        assert offered(screen) == ["1  Ada Proefhoeve (1A)", "2  Cato Proefhoeve (5A)"]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert [len(absences_of(kiosk, p)) for p in (ADA, BAS, CATO)] == [1, 0, 1]


async def test_staff_remove_a_proposed_pupil(app, kiosk):
    async with session(app) as pilot:
        await paste(pilot, "Ada en Cato zijn ziek")
        await pilot.press("2", "enter")  # only Ada after all
        await pilot.pause()
    assert [len(absences_of(kiosk, p)) for p in (ADA, CATO)] == [1, 0]


async def test_a_message_that_is_not_an_absence_saves_nothing(app, kiosk):
    before = (len(absences.absences_between(kiosk, TODAY, FRIDAY)), len(absences.lates_between(kiosk, TODAY, FRIDAY)))
    audit_before = len(kiosk.repos.audit.in_year(2026))
    async with session(app) as pilot:
        screen = await paste(pilot, "Mag Xena morgen haar zwemgerief in de klas laten liggen?")
        assert _("no absence: nothing to save") in shown(screen)
        await pilot.press("enter")
        assert isinstance(app.screen, ConfirmScreen)  # note it as a conversation? no
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    after = (len(absences.absences_between(kiosk, TODAY, FRIDAY)), len(absences.lates_between(kiosk, TODAY, FRIDAY)))
    assert after == before and len(kiosk.repos.audit.in_year(2026)) == audit_before


async def test_a_question_can_be_noted_as_a_conversation_with_its_answer_due(app, kiosk):
    from kiosk.services import notes
    from kiosk.ui.screens.note import NoteScreen

    async with session(app) as pilot:
        await paste(pilot, "Mag Xena morgen haar zwemgerief\nin de klas laten liggen?")
        await pilot.press("enter", "y")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    [note] = [n for n in kiosk.repos.notes.in_year(2026) if XENA.id in n.pupil_ids]
    assert (note.text, note.where) == ("Mag Xena morgen haar zwemgerief\nin de klas laten liggen?", "phone")
    [row] = [r for r in notes.follow_ups(kiosk, kiosk.repos.staff.get(HEAD_ID)) if r.follow_up.note_id == note.id]
    assert row.follow_up.due == dt.datetime(2026, 11, 25, 8, 20)


async def test_every_line_of_a_pasted_message_is_read(app, kiosk):
    async with session(app) as pilot:
        screen = await paste(pilot, "Goeiemorgen juf\n\u200fQuinten is ziek\n"
                                    "hij blijft vandaag en morgen thuis\nGroetjes")
        assert str(screen.query_one("#sms-text", Input).value).count("⏎") == 3
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert [(a.start, a.end) for a in absences_of(kiosk, QUINTEN)] == [(TODAY, TODAY + dt.timedelta(days=1))]


async def test_a_message_about_two_pupils_is_noted_about_both(app, kiosk):
    async with session(app) as pilot:
        await paste(pilot, "Mogen Ada en Cato morgen hun zwemgerief in de klas laten liggen?")
        await pilot.press("enter", "y")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    [note] = [n for n in kiosk.repos.notes.in_year(2026) if ADA.id in n.pupil_ids]
    assert set(note.pupil_ids) == {ADA.id, CATO.id}


async def test_a_return_notice_shortens_the_open_absence(app, kiosk):
    absences.log_absences(kiosk, [QUINTEN], code="sick_note", start=TODAY, end=FRIDAY, who="test")
    async with session(app) as pilot:
        screen = await paste(pilot, "Quinten is terug beter, hij komt woensdag terug naar school")
        assert _("back at school") in shown(screen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert [(a.start, a.end) for a in absences_of(kiosk, QUINTEN)] == [(TODAY, TUESDAY)]


async def test_kind_can_be_changed_by_hand(app, kiosk):
    async with session(app) as pilot:
        screen = await paste(pilot, "Xena komt om 9u15")
        await pilot.press("k")  # late → return → other → absence
        assert _("back at school") in shown(screen)
        await pilot.press("k", "k")
        assert screen.proposal is not None and screen.proposal.kind == "absence"
        await pilot.press("enter")
        await pilot.pause()
    assert [a.start for a in absences_of(kiosk, XENA)] == [TODAY]


async def test_a_period_far_away_shows_its_year_and_is_in_doubt(app, kiosk):
    async with session(app) as pilot:
        screen = await paste(pilot, "Quinten is afwezig op 15/01, trouwfeest van zijn tante")
        [line] = doubtful_lines(screen)
        assert "15/01/2027" in line
        await pilot.press("enter")
        assert app.screen is screen


async def test_paste_into_the_search_opens_the_text_reader(app, kiosk):
    async with session(app) as pilot:
        app.screen.query_one("#picker-input", Input).post_message(events.Paste("Xena is ziek vandaag, groetjes mama"))
        await pilot.pause()
        assert isinstance(app.screen, SmsScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
    assert not absences_of(kiosk, XENA)


async def test_a_pasted_message_takes_code_letters_at_once(app, kiosk):
    async with session(app) as pilot:
        app.screen.query_one("#picker-input", Input).post_message(events.Paste("Xena is ziek vandaag, groetjes mama"))
        await pilot.pause()
        await pilot.press("m", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert [a.code for a in absences_of(kiosk, XENA)] == ["sick_certificate"]


async def test_the_half_day_and_the_period_can_be_corrected(app, kiosk):
    async with session(app) as pilot:
        await paste(pilot, "Quinten is ziek")
        await pilot.press("p", *"vr", "enter", "enter")  # the field starts with today and a space
        await pilot.pause()
        await paste(pilot, "Xena is ziek")
        await pilot.press("d", "enter")
        await pilot.pause()
    assert [(a.start, a.end) for a in absences_of(kiosk, QUINTEN)] == [(TODAY, FRIDAY)]
    assert [a.part for a in absences_of(kiosk, XENA)] == ["am"]


async def test_a_hostile_message_is_shown_literally(app, kiosk):
    async with session(app) as pilot:
        screen = await paste(pilot, "[bold]Xena[/bold] \x1b[31mis ziek\x07")
        assert app.screen is screen
        assert "\x1b" not in shown(screen) and "\x07" not in shown(screen)


async def test_every_action_is_a_button_on_the_tablet(app, kiosk):
    async with session(app, size=(120, 40)) as pilot:
        await paste(pilot, "Xena is ziek tot woensdag")
        await tap(pilot, "#do-yes")
        await tap(pilot, "#do-confirm")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert [(a.start, a.end) for a in absences_of(kiosk, XENA)] == [(TODAY, WEDNESDAY)]
