"""The text-message reader at the edges of its rules: each test pins one decision the reader
makes (a boundary, a doubt, a fallback) so that a change to that decision shows up here.
Invented school; the messages are read as if they arrived at 7:30 unless said otherwise."""

from __future__ import annotations

import datetime as dt

import pytest

from kiosk.domain.absences import AbsenceRules
from kiosk.domain.calendar import SchoolCalendar
from kiosk.domain.models import Guardian, Pupil, Role, Staff
from kiosk.domain.sms import Proposal, School, read_message
from tests.unit.test_sms import (  # the same invented school
    ANN,
    CAL,
    FRIDAY,
    KIM,
    MONDAY,
    NEXT_MONDAY,
    PUPILS,
    RULES,
    THURSDAY,
    TOM,
    TUESDAY,
    WEDNESDAY,
    D,
    ids,
)

SATURDAY, SUNDAY = (MONDAY + dt.timedelta(days=n) for n in range(5, 7))
LAST_FRIDAY = D(2026, 11, 20)


def parse(text: str, today: dt.date = MONDAY, pupils: list[Pupil] | None = None, rules: AbsenceRules = RULES,
          at: dt.time = dt.time(7, 30), staff: list[Staff] | None = None,
          calendar: SchoolCalendar = CAL) -> Proposal:
    school = School(PUPILS if pupils is None else pupils, staff or ())
    return read_message(text, school, dt.datetime.combine(today, at), calendar, rules)


# -- kind ------------------------------------------------------------------------------------------
def test_thanks_is_another_kind_and_sure() -> None:
    proposal = parse("Bedankt voor de kaart toen Seppe ziek was")
    assert proposal.kind == "other" and "kind" not in proposal.doubts


@pytest.mark.parametrize(("text", "kind"), [
    ("Seppe komt om 7u", "late"),                      # 7 and 12 o'clock are still the morning
    ("Seppe komt om 12u", "late"),
    ("Seppe komt om 6u", "other"),                     # not a school hour
    ("Seppe komt om 13u", "other"),                    # the afternoon: no late arrival
    ("Seppe komt om 9u, zijn boekentas ligt nog thuis", "other"),  # something to bring: not late
])
def test_a_late_arrival_is_in_the_morning(text: str, kind: str) -> None:
    assert parse(text).kind == kind


def test_a_late_arrival_after_the_doctor_is_late_but_in_doubt() -> None:
    proposal = parse("Seppe is afwezig tot 10u, hij komt om 10u na de tandarts")
    assert proposal.kind == "absence"
    proposal = parse("Seppe komt om 10u, hij is er niet bij het begin")
    assert proposal.kind == "late" and "kind" in proposal.doubts


def test_an_absence_with_a_late_arrival_that_misses_the_day_is_an_absence() -> None:
    proposal = parse("Seppe is ziek en blijft thuis, hij komt om 10u niet")
    assert proposal.kind == "absence"


def test_ill_and_back_is_a_sure_absence() -> None:
    proposal = parse("Seppe is ziek, hij komt maandag terug")
    assert proposal.kind == "absence" and "kind" not in proposal.doubts


def test_a_return_notice_is_sure() -> None:
    proposal = parse("Seppe is terug beter")
    assert proposal.kind == "return" and "kind" not in proposal.doubts


@pytest.mark.parametrize(("text", "doubt"), [
    ("De begrafenis van opa is vrijdag, Noor gaat mee", False),
    ("De begrafenis van opa is vrijdag, mag Noor mee?", True),
    ("De begrafenis van opa is vrijdag, misschien gaat Noor mee", True),
])
def test_an_appointment_is_an_absence_in_doubt_when_undecided(text: str, doubt: bool) -> None:
    proposal = parse(text)
    assert proposal.kind == "absence" and ("kind" in proposal.doubts) == doubt


def test_illness_alone_is_an_absence_in_doubt() -> None:
    proposal = parse("Seppe voelt zich misselijk")
    assert proposal.kind == "absence" and "kind" in proposal.doubts


# -- the proposal: unusual periods ---------------------------------------------------------------
def test_a_start_on_a_weekend_day_is_in_doubt() -> None:
    proposal = parse("Seppe is zaterdag afwezig")
    assert proposal.start == SATURDAY and "start" in proposal.doubts


@pytest.mark.parametrize(("text", "unusual"), [
    ("Seppe is op 7/12 afwezig, trouwfeest", False),     # two weeks ahead: still usual
    ("Seppe is op 8/12 afwezig, trouwfeest", True),      # a day more: far away
    ("Seppe was op 9/11 afwezig, trouwfeest", False),    # two weeks ago
    ("Seppe was op 8/11 afwezig, trouwfeest", True),
])
def test_a_start_more_than_two_weeks_away_is_unusual(text: str, unusual: bool) -> None:
    proposal = parse(text)
    assert proposal.unusual == unusual and ("start" in proposal.doubts) == unusual


@pytest.mark.parametrize(("text", "unusual"), [
    ("Seppe is ziek van maandag tem vrijdag", False),               # five school days
    ("Seppe is ziek van maandag tem volgende week maandag", True),  # six
])
def test_more_than_five_school_days_is_unusual(text: str, unusual: bool) -> None:
    proposal = parse(text)
    assert proposal.unusual == unusual and ("end" in proposal.doubts) == unusual


@pytest.mark.parametrize(("text", "unusual"), [
    ("Seppe is afwezig van 18/12 tem 1/1, trouwfeest", False),  # two weeks, one school day
    ("Seppe is afwezig van 18/12 tem 2/1, trouwfeest", True),   # a day more than two weeks
])
def test_a_period_longer_than_two_weeks_is_unusual_even_over_a_holiday(text: str, unusual: bool) -> None:
    proposal = parse(text, today=D(2026, 12, 14))
    assert proposal.start == D(2026, 12, 18)
    assert proposal.unusual == unusual and ("end" in proposal.doubts) == unusual


# -- reasons ---------------------------------------------------------------------------------------
def test_the_parents_own_illness_is_unknown_and_sure() -> None:
    proposal = parse("Ik ben zelf ziek, Seppe blijft vandaag thuis")
    assert proposal.code == "unknown" and "code" not in proposal.doubts


# -- words and names -------------------------------------------------------------------------------
def test_a_capitalised_typo_in_a_name_is_read_in_doubt() -> None:
    proposal = parse("Vandaag is Sepe ziek")
    assert ids(proposal.pupils) == ["P7"] and "pupils" in proposal.doubts


def test_a_message_opening_with_brackets_keeps_the_signature_apart() -> None:
    proposal = parse("(K3) Noor is ziek. Groetjes Kim (mama van Noor en Emile)")
    assert ids(proposal.pupils) == ["P6"]


def test_illness_in_a_question_is_another_kind_and_sure() -> None:
    proposal = parse("Seppe voelt zich misselijk, mag hij binnen blijven?")
    assert proposal.kind == "other" and "kind" not in proposal.doubts


# -- the day words, month names and numbers of the lexicon -----------------------------------------
WEEKDAY_WORDS = {
    0: ("maandag", "lundi", "monday"), 1: ("dinsdag", "mardi", "tuesday"), 2: ("woensdag", "mercredi", "wednesday"),
    3: ("donderdag", "jeudi", "thursday"), 4: ("vrijdag", "vendredi", "friday"), 5: ("zaterdag", "samedi", "saturday"),
    6: ("zondag", "dimanche", "sunday"),
}


@pytest.mark.parametrize(("word", "weekday"), [(w, n) for n, words in WEEKDAY_WORDS.items() for w in words])
def test_a_weekday_word_is_that_day_this_week(word: str, weekday: int) -> None:
    proposal = parse(f"Seppe is {word} afwezig")
    assert proposal.start == MONDAY + dt.timedelta(days=weekday)


@pytest.mark.parametrize(("word", "weekday"), [
    ("ma", 7), ("di", 1), ("wo", 2), ("woe", 2), ("do", 3), ("don", 3), ("vr", 4), ("vrij", 4), ("za", 5), ("zo", 6),
    ("mon", 7), ("tue", 1), ("wed", 2), ("thu", 3), ("fri", 4),
])
def test_a_short_weekday_after_tem_is_the_last_day(word: str, weekday: int) -> None:
    proposal = parse(f"Seppe is ziek van maandag tem {word}")
    assert (proposal.start, proposal.end) == (MONDAY, MONDAY + dt.timedelta(days=weekday))


@pytest.mark.parametrize(("text", "start"), [
    ("Seppe is vandaag afwezig", WEDNESDAY), ("Seppe is absent today", WEDNESDAY),
    ("Seppe est absent aujourd'hui", WEDNESDAY), ("Seppe est absent aujourdhui", WEDNESDAY),
    ("Seppe is morgen afwezig", THURSDAY), ("Seppe is absent tomorrow", THURSDAY),
    ("Seppe est absent demain", THURSDAY), ("Seppe is overmorgen afwezig", FRIDAY),
    ("Seppe was gisteren afwezig", TUESDAY), ("Seppe was absent yesterday", TUESDAY),
])
def test_a_relative_day_word_counts_from_the_message(text: str, start: dt.date) -> None:
    assert parse(text, today=WEDNESDAY).start == start


MONTH_WORDS = {
    1: ("januari", "jan", "janvier", "january"), 2: ("februari", "feb", "fevrier", "february"),
    3: ("maart", "mars", "march"), 4: ("april", "avril"), 5: ("mei", "mai", "may"), 6: ("juni", "juin", "june"),
    7: ("juli", "juillet", "july"), 8: ("augustus", "aout", "august"), 9: ("september", "sept", "septembre"),
    10: ("oktober", "okt", "octobre", "october"), 11: ("november", "nov", "novembre"),
    12: ("december", "dec", "decembre"),
}


@pytest.mark.parametrize(("word", "month"), [(w, n) for n, words in MONTH_WORDS.items() for w in words])
def test_a_month_name_gives_the_month(word: str, month: int) -> None:
    start = parse(f"Seppe is afwezig op 3 {word}").start
    assert start is not None and (start.month, start.day) == (month, 3)


@pytest.mark.parametrize(("word", "month"), [("januari", 1), ("juni", 6), ("december", 12)])
def test_days_in_a_month_name_give_the_first_day_in_that_month(word: str, month: int) -> None:
    proposal = parse(f"Seppe is afwezig van 11 tem 12 {word}")
    assert proposal.start is not None and proposal.end is not None
    assert (proposal.start.month, proposal.start.day, proposal.end.month, proposal.end.day) == (month, 11, month, 12)


@pytest.mark.parametrize(("word", "end"), [
    ("een", MONDAY), ("1", MONDAY), ("twee", TUESDAY), ("2", TUESDAY), ("drie", WEDNESDAY), ("3", WEDNESDAY),
    ("vier", THURSDAY), ("4", THURSDAY), ("vijf", FRIDAY), ("5", FRIDAY), ("two", TUESDAY), ("three", WEDNESDAY),
    ("deux", TUESDAY), ("trois", WEDNESDAY),
])
def test_a_number_of_days_counts_school_days(word: str, end: dt.date) -> None:
    proposal = parse(f"Seppe is {word} dagen ziek")
    assert (proposal.start, proposal.end) == (MONDAY, end)


BO = [Guardian(f"Bo {name}", phone=f"0000 66 66 6{n}") for n, name in enumerate(("Akkerveld", "Beukhove", "Cederhof"))]
FAMILIES = [Pupil(f"F{size}{n}", f"Kind{size}{n}", BO[size - 2].name.split()[1], "2A", guardians=(BO[size - 2],))
            for size in (2, 3, 4) for n in range(size)]


@pytest.mark.parametrize(("count", "size"), [
    ("twee", 2), ("beide", 2), ("allebei de", 2), ("2", 2), ("deux", 2), ("two", 2), ("both", 2),
    ("drie", 3), ("3", 3), ("trois", 3), ("three", 3), ("vier", 4), ("4", 4),
])
def test_the_number_of_children_picks_the_family_of_that_size(count: str, size: int) -> None:
    proposal = parse(f"De {count} kinderen zijn ziek. Groetjes Bo", pupils=FAMILIES)
    assert sorted(ids(proposal.pupils)) == [f"F{size}{n}" for n in range(size)]


# -- when: day words -------------------------------------------------------------------------------
def test_a_short_weekday_is_no_day_without_tem() -> None:
    proposal = parse("Seppe is ziek. Groetjes, ma", today=TUESDAY)     # "ma" is the mother here, not Monday
    assert (proposal.start, proposal.end) == (TUESDAY, TUESDAY)


@pytest.mark.parametrize(("text", "today", "start"), [
    ("Seppe was vrijdag ziek", MONDAY, LAST_FRIDAY),
    ("Seppe was maandag ziek", TUESDAY, MONDAY),
    ("Seppe was maandag ziek", MONDAY, MONDAY - dt.timedelta(days=7)),   # said on a Monday: last week's
    ("Seppe was dinsdag ziek", MONDAY, MONDAY - dt.timedelta(days=6)),
])
def test_a_weekday_in_the_past_is_the_last_one(text: str, today: dt.date, start: dt.date) -> None:
    assert parse(text, today=today).start == start


@pytest.mark.parametrize(("at", "text", "start", "doubt"), [
    (dt.time(0, 40), "Seppe blijft morgen thuis", TUESDAY, True),      # just after midnight: the day begun
    (dt.time(4, 59), "Seppe blijft morgen thuis", TUESDAY, True),
    (dt.time(5, 0), "Seppe blijft morgen thuis", WEDNESDAY, False),    # from five o'clock: tomorrow
    (dt.time(0, 40), "Seppe blijft overmorgen thuis", THURSDAY, False),
    (dt.time(0, 40), "Seppe blijft vandaag thuis", TUESDAY, False),
])
def test_morgen_in_the_night(at: dt.time, text: str, start: dt.date, doubt: bool) -> None:
    proposal = parse(text, today=TUESDAY, at=at)
    assert proposal.start == start and ("start" in proposal.doubts) == doubt


@pytest.mark.parametrize(("text", "start", "end"), [
    ("Seppe is vandaag wel op school, morgen niet", WEDNESDAY, WEDNESDAY),  # today he is there
    ("Seppe is ziek sinds vrijdag", TUESDAY, TUESDAY),                      # told before: from today on
    ("Seppe is ziek tot woensdag inclusief", TUESDAY, WEDNESDAY),
])
def test_days_that_are_not_the_absence(text: str, start: dt.date, end: dt.date) -> None:
    proposal = parse(text, today=TUESDAY)
    assert (proposal.start, proposal.end) == (start, end)


def test_tot_a_weekday_leaves_that_day_in_doubt_unless_inclusive() -> None:
    assert "end" in parse("Seppe is ziek tot woensdag", today=TUESDAY).doubts
    assert "end" not in parse("Seppe is ziek tot woensdag inclusief", today=TUESDAY).doubts
    assert "end" not in parse("Seppe is ziek tem woensdag", today=TUESDAY).doubts


# -- when: no day in the message -------------------------------------------------------------------
@pytest.mark.parametrize(("today", "at", "start", "doubt"), [
    (MONDAY, dt.time(12, 59), MONDAY, False),           # the morning of a school day: today
    (MONDAY, dt.time(13, 0), TUESDAY, True),            # the afternoon: tomorrow, a guess
    (MONDAY, dt.time(14, 0), TUESDAY, True),
    (SATURDAY, dt.time(9, 0), NEXT_MONDAY, True),       # the weekend: the next school day
    (FRIDAY, dt.time(15, 0), NEXT_MONDAY, True),
])
def test_without_a_day_the_reader_guesses_the_next_school_morning(today: dt.date, at: dt.time, start: dt.date,
                                                                  doubt: bool) -> None:
    proposal = parse("Seppe is ziek", today=today, at=at)
    assert (proposal.start, proposal.end) == (start, start)
    assert ({"start", "end"} <= proposal.doubts) == doubt


# -- when: dates -----------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "today", "start", "end"), [
    ("Seppe is afwezig op 17 en 18/12", D(2026, 12, 14), D(2026, 12, 17), D(2026, 12, 18)),
    ("Seppe is afwezig op 4/1/27", D(2026, 12, 14), D(2027, 1, 4), D(2027, 1, 4)),       # a year in two digits
    ("Seppe is afwezig op 4/1/2027", D(2026, 12, 14), D(2027, 1, 4), D(2027, 1, 4)),
    ("Seppe is afwezig op 4/1/2028", D(2026, 12, 14), D(2028, 1, 4), D(2028, 1, 4)),     # as written
    ("Seppe is op 4/1 afwezig", D(2026, 12, 14), D(2027, 1, 4), D(2027, 1, 4)),          # next year's
    ("Seppe was op 21/12 afwezig", D(2027, 1, 4), D(2026, 12, 21), D(2026, 12, 21)),     # last year's
    ("Seppe is afwezig op 29/2", D(2027, 12, 20), D(2028, 2, 29), D(2028, 2, 29)),       # the next leap day
    ("Tot 27/11 blijft Seppe thuis, hij is ziek", MONDAY, MONDAY, FRIDAY),
    ("Morgen blijft Seppe thuis", MONDAY, TUESDAY, TUESDAY),
    ("Sorry.Was vrijdag vergeten te melden: Seppe was ziek", MONDAY, LAST_FRIDAY, LAST_FRIDAY),
    ("Seppe voelde zich gisteren niet lekker", TUESDAY, MONDAY, MONDAY),
    ("Seppe blijft vandaag en morgen thuis, na een dag koorts", MONDAY, MONDAY, TUESDAY),
    ("Seppe blijft vrijdag thuis, 26/11", MONDAY, THURSDAY, THURSDAY),   # a day right by a date: the date says it
    ("Seppe is vrijdag afwezig 26/11", MONDAY, THURSDAY, FRIDAY),        # further apart: two days
    ("Seppe is ziek tem donderdagvoormiddag 26/11", MONDAY, MONDAY, THURSDAY),
    ("Seppe is ziek, maandag mag ze eindelijk terug", WEDNESDAY, WEDNESDAY, FRIDAY),
    ("Terug op school op maandag, tot dan is Seppe ziek", WEDNESDAY, WEDNESDAY, FRIDAY),
    ("Volgende week op dinsdag is Seppe afwezig", MONDAY, D(2026, 12, 1), D(2026, 12, 1)),
])
def test_dates_in_the_message(text: str, today: dt.date, start: dt.date, end: dt.date) -> None:
    proposal = parse(text, today=today)
    assert (proposal.start, proposal.end) == (start, end)


@pytest.mark.parametrize(("text", "today", "start"), [
    ("Seppe is volgende week dinsdag afwezig", MONDAY, D(2026, 12, 1)),
    ("Seppe is volgende week op dinsdag afwezig", MONDAY, D(2026, 12, 1)),
    ("Seppe is volgende week maandag afwezig", MONDAY, NEXT_MONDAY),
    ("Seppe is volgende week zondag afwezig", MONDAY, D(2026, 12, 6)),
    ("Seppe is volgende week dinsdag afwezig", WEDNESDAY, D(2026, 12, 1)),
])
def test_a_weekday_of_next_week(text: str, today: dt.date, start: dt.date) -> None:
    assert parse(text, today=today).start == start


@pytest.mark.parametrize("today", [MONDAY, WEDNESDAY])
def test_next_week_without_a_day_is_its_monday_in_doubt(today: dt.date) -> None:
    proposal = parse("Seppe is volgende week afwezig, op reis", today=today)
    assert proposal.start == NEXT_MONDAY and {"start", "end"} <= proposal.doubts


def test_the_day_before_the_return_skips_a_holiday() -> None:
    proposal = parse("Seppe is ziek, hij komt donderdag terug", today=D(2026, 11, 9))   # 11 November is free
    assert (proposal.start, proposal.end) == (D(2026, 11, 9), D(2026, 11, 10))


def test_better_again_on_a_day_is_the_return_day() -> None:
    proposal = parse("Seppe is ziek, hij is maandag terug beter", today=WEDNESDAY)
    assert (proposal.start, proposal.end) == (WEDNESDAY, FRIDAY) and "end" not in proposal.doubts


@pytest.mark.parametrize(("text", "doubt"), [
    ("Seppe is vandaag nog wel op school, morgen blijft hij thuis", False),   # today he is there
    ("Seppe blijft morgen thuis. Vandaag is er een toets", True),        # what about today?
    ("Seppe blijft vandaag thuis. Gisteren was er een toets", False),    # the past: nothing to ask
])
def test_another_day_mentioned_puts_the_end_in_doubt(text: str, doubt: bool) -> None:
    assert ("end" in parse(text).doubts) == doubt


@pytest.mark.parametrize(("text", "today", "start", "end"), [
    ("Seppe is een paar dagen ziek", MONDAY, MONDAY, WEDNESDAY),                    # three school days
    ("Seppe is een paar dagen ziek", THURSDAY, THURSDAY, FRIDAY),                   # not past the week
    ("Seppe is volgende week een paar dagen afwezig", MONDAY, NEXT_MONDAY, D(2026, 12, 1)),  # two
])
def test_a_few_days_is_a_guess(text: str, today: dt.date, start: dt.date, end: dt.date) -> None:
    proposal = parse(text, today=today)
    assert (proposal.start, proposal.end) == (start, end) and "end" in proposal.doubts


def test_this_week_ends_on_the_last_school_day_before_a_free_friday() -> None:
    proposal = parse("Seppe is deze week ziek", calendar=SchoolCalendar([FRIDAY]))
    assert (proposal.start, proposal.end) == (MONDAY, THURSDAY)


@pytest.mark.parametrize(("text", "today", "calendar", "end"), [
    ("Seppe is ziek tot de kerstvakantie", D(2026, 12, 15), CAL, D(2026, 12, 18)),
    ("Seppe is ziek tot de kerstvakantie", D(2026, 12, 7), CAL, D(2026, 12, 18)),
    ("Seppe is ziek tot de vakantie", MONDAY, SchoolCalendar([FRIDAY]), THURSDAY),   # a free day counts
])
def test_until_the_holiday(text: str, today: dt.date, calendar: SchoolCalendar, end: dt.date) -> None:
    proposal = parse(text, today=today, calendar=calendar)
    assert (proposal.start, proposal.end) == (today, end)


# -- when: the half day ----------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "part", "doubt"), [
    ("Seppe is deze voormiddag wel op school, in de namiddag blijft hij thuis", "pm", False),  # the other half
    ("Seppe blijft thuis in de voormiddag, hij komt wel in de namiddag", "am", False),
    ("Seppe komt wel in de voormiddag, in de namiddag blijft hij thuis", "pm", False),
    ("Seppe komt na de middag", "am", False),
    ("Ik haal Seppe om 12u op", "pm", False),
    ("Seppe is in de namiddag afwezig", "pm", False),
    ("Seppe is in de voormiddag afwezig", "am", False),
    ("Seppe is een halve dag afwezig", "am", True),      # which half: a guess
    ("Seppe is vandaag 3/4 dag afwezig", "day", True),   # part of the day, which part: ask (not "4 days")
    ("Seppe is ziek", "day", False),
])
def test_the_half_day(text: str, part: str, doubt: bool) -> None:
    proposal = parse(text)
    assert proposal.kind == "absence" and proposal.part == part and ("part" in proposal.doubts) == doubt
    assert proposal.end == proposal.start == MONDAY


# -- when: the time of a late arrival --------------------------------------------------------------
@pytest.mark.parametrize(("text", "time", "doubt"), [
    ("De afspraak is om 8u15, Seppe komt om 9u30", dt.time(9, 30), False),   # the time after "komt om"
    ("Seppe komt later: tandarts 8u15, daarna om 9u30 naar school", dt.time(9, 30), False),  # after "om"
    ("Om 9u30 komt Seppe, hij is te laat door de tandarts van 8u15", dt.time(9, 30), False),
    ("Seppe komt later. Verwacht: 9u30", dt.time(9, 30), False),             # a bare time with its unit
    ("Seppe komt later. Verwacht: 10u", dt.time(10, 0), False),
    ("Seppe is er binnen 10 min", dt.time(7, 40), False),
    ("Seppe is er binnen 10 min, de afspraak was om 8u", dt.time(7, 40), False),
    ("Seppe is er binnen 10 min, hij komt om 8u", dt.time(7, 40), True),     # two arrival times: ask
    ("Seppe is 10 minuten later", dt.time(7, 40), True),
    ("Seppe komt om half 10", dt.time(9, 30), False),
    ("Seppe komt om half negen", dt.time(8, 30), False),
    ("Seppe komt om half tien", dt.time(9, 30), False),
    ("Seppe komt om half elf", dt.time(10, 30), False),
    ("Seppe komt om half twaalf", dt.time(11, 30), False),
    ("Seppe komt om half acht", dt.time(7, 30), False),       # from 7 on an hour is the morning's
    ("Seppe komt om half drie", dt.time(14, 30), False),      # ... before 7, the afternoon's
    ("Seppe komt om half vier", dt.time(15, 30), False),
    ("Seppe komt om half vijf", dt.time(16, 30), False),
    ("Seppe komt om half zes", dt.time(17, 30), False),
    ("Seppe komt om half zeven", dt.time(18, 30), False),     # six o'clock: the evening, never the night
    ("Seppe komt om half 13", None, True),                    # no such half hour: ask
    ("Seppe komt om kwart na drie", dt.time(15, 15), False),  # every hour in words, as for "half"
    ("Seppe komt om kwart voor een", dt.time(12, 45), False),
    ("Seppe komt om kwart na twaalf", dt.time(12, 15), False),
    ("Seppe komt om acht uur", dt.time(8, 0), False),
    ("Seppe komt rond negenen", dt.time(9, 0), False),
    ("Seppe komt om tien uur", dt.time(10, 0), False),
    ("Seppe komt rond tienen", dt.time(10, 0), False),
    ("Seppe komt tegen elf uur", dt.time(11, 0), False),
    ("Seppe komt om twaalf uur", dt.time(12, 0), False),
    ("Seppe komt om kwart na 9", dt.time(9, 15), False),
    ("Seppe komt om kwart voor tien", dt.time(9, 45), False),
    ("Seppe komt om 9u30 of om 10u", dt.time(9, 30), True),
    ("Seppe komt later, rond 8u59", dt.time(8, 59), False),
    ("Seppe komt later, rond 9u30 (tel. 0000 24.59.11)", dt.time(9, 30), False),   # not a time of day
    ("Seppe komt later, rond 9u30 (tel. 0000 23.60.11)", dt.time(9, 30), False),
])
def test_the_arrival_time(text: str, time: dt.time, doubt: bool) -> None:
    proposal = parse(text)
    assert proposal.kind == "late" and proposal.time == time and ("time" in proposal.doubts) == doubt


def test_a_day_that_is_there_after_all_raises_no_question() -> None:
    proposal = parse("Seppe is vandaag nog wel op school, morgen blijft hij thuis")
    assert (proposal.start, proposal.end) == (TUESDAY, TUESDAY) and proposal.sure


# -- names -----------------------------------------------------------------------------------------
FIEN = Staff("S1", "Fien Beukenlaan", Role.TEACHER, classes=("4A",))


@pytest.mark.parametrize(("text", "pupils", "candidates", "doubt"), [
    ("Vandaag is Nor ziek", [], [], True),                      # three letters: too short for a typo
    ("Vandaag is Nooe ziek", ["P6"], [], True),                 # one letter off: Noor, in doubt
    ("Lotte is ziek. Groetjes Tom", ["P2"], [], False),         # the parent who signs tells them apart
    ("Lotte is ziek", [], ["P1", "P2"], True),
    ("Juf Fien, Lotte is ziek", ["P2"], [], False),             # the teacher addressed: her class
    ("Juf. Fien zegt dat Lotte ziek is", [], ["P1", "P2"], True),  # not addressed: a new sentence
    ("Lotte uit het derde leerjaar is ziek", ["P1"], [], False),
    ("Lotte van het vierde is ziek", ["P2"], [], False),
    ("Lotte Dennenhoud is ziek", ["P2"], [], False),            # a typo in a long surname
    ("Lotte en Jonas Zonnebeek zijn ziek", ["P1", "P3"], [], False),  # the surname of both
    ("This is Lotte, Seppe is sick", ["P7"], [], True),          # the sender introduces herself
    ("Lotte is ziek. Groetjes Ann (mama van Jonas)", ["P1"], [], False),
])
def test_who_the_message_is_about(text: str, pupils: list[str], candidates: list[str], doubt: bool) -> None:
    proposal = parse(text, staff=[FIEN])
    assert ids(proposal.pupils) == pupils and ids(proposal.candidates) == candidates
    assert ("pupils" in proposal.doubts) == doubt

MIRAS = [Pupil(f"M{n}", "Mira", f"Vlasveld{n}", f"{n}A") for n in range(1, 7)]


@pytest.mark.parametrize(("word", "level"), [
    ("eerste", 1), ("1ste", 1), ("tweede", 2), ("2de", 2), ("derde", 3), ("3de", 3), ("vierde", 4), ("4de", 4),
    ("vijfde", 5), ("5de", 5), ("zesde", 6), ("6de", 6),
    ("1e", 1), ("2e", 2), ("3e", 3), ("4e", 4), ("5e", 5), ("6e", 6),
])
def test_a_level_word_picks_the_pupil_of_that_year(word: str, level: int) -> None:
    assert ids(parse(f"Mira zit in het {word} leerjaar en is ziek", pupils=MIRAS).pupils) == [f"M{level}"]
    if not word[0].isdigit():  # "van het derde": a level in words needs no "leerjaar"
        assert ids(parse(f"Mira van het {word} is ziek", pupils=MIRAS).pupils) == [f"M{level}"]


@pytest.mark.parametrize(("text", "pupils", "candidates", "doubt"), [
    ("De kinderen Zonnebeek zijn ziek", ["P1", "P3"], [], False),            # a whole family by its surname
    ("De kinderen zijn ziek. Groetjes Kim", ["P5", "P6"], [], False),        # the children of the parent signing
    ("De kinderen zijn ziek. Groetjes Ann Zonnebeek", ["P1", "P3"], [], False),
    ("De kinderen zijn ziek", [], [], True),
    ("De kinderen zijn ziek. Groetjes Tom", [], ["P2"], True),               # one child on record: ask
    ("Lotte 3B en Jonas zijn ziek", ["P1", "P3"], [], False),                # Jonas: Lotte's brother
    ("Jonas en Lotte van 3B zijn ziek", ["P3", "P1"], [], False),
    ("Lotte en Seppe zijn ziek. Groetjes Tom", ["P2", "P7"], [], False),
])
def test_families(text: str, pupils: list[str], candidates: list[str], doubt: bool) -> None:
    proposal = parse(text)
    assert ids(proposal.pupils) == pupils and ids(proposal.candidates) == candidates
    assert ("pupils" in proposal.doubts) == doubt


@pytest.mark.parametrize(("text", "pupils", "candidates", "doubt"), [
    ("Lotte is ziek. Groetjes, Tom Dennenhout", ["P2"], [], False),
    ("Lotte is ziek, groetjes van Tom", ["P2"], [], False),
    ("Lotte is ziek vandaag en morgen, ze blijft thuis met koorts. Groetjes Tom", ["P2"], [], False),
    ("Lotte is ziek. Tom", ["P2"], [], False),                    # a name alone at the end signs
    ("lotte is ziek. tom", ["P2"], [], False),                    # also without capitals
    ("Lotte is ziek. Papa Tom", ["P2"], [], False),
    ("Lotte is ziek. Tom en Ann", [], ["P1", "P2"], True),        # two parents of different families
    ("Lotte, de zus van Jonas 1A, is ziek", ["P1"], [], True),    # Jonas points at his sister
    ("Lotte 4A is ziek, haar broer Seppe niet", ["P2"], [], True),
    ("Seppe is ziek, hij is de broer van Lotte", ["P7"], [], True),
    ("Seppe en zijn zus Lotte zijn ziek", ["P7"], ["P1", "P2"], True),
    ("Seppe is ziek, mee met de mama van Lotte", ["P7"], [], True),   # another family's child
    ("Seppe blijft bij de oma, Noor is ziek", ["P7", "P6"], [], False),  # a comma ends "bij de oma"
    ("Hier is Tom, Seppe is ziek", ["P7"], [], False),
    ("Seppe is ziek, Noor gaat wel naar school", ["P7"], [], False),  # a sibling who comes anyway
    ("Seppe is ziek, Noor komt wel", ["P7"], [], False),
    ("Seppe is ziek, Noor gaat mee met de buurvrouw", ["P7"], [], False),
    ("Seppe is ziek, Noor gaat met de buren mee", ["P7"], [], False),
    ("Seppe is ziek, Noor gaat gewoon naar school", ["P7"], [], False),
    ("Seppe is ziek, Noor is er vandaag wel maar morgen niet", ["P7", "P6"], [], False),
])
def test_names_that_are_not_the_absent_pupil(text: str, pupils: list[str], candidates: list[str],
                                             doubt: bool) -> None:
    proposal = parse(text)
    assert ids(proposal.pupils) == pupils and ids(proposal.candidates) == candidates
    assert ("pupils" in proposal.doubts) == doubt


def test_a_surname_with_particles_is_found_without_them() -> None:
    pupils = [Pupil("V1", "Lotte", "Van de Vlierhove", "2A"), Pupil("V2", "Lotte", "Akkerhout", "2B")]
    assert ids(parse("Lotte Vlierhove is ziek", pupils=pupils).pupils) == ["V1"]


def test_a_surname_after_two_names_belongs_to_both() -> None:
    cousins = [Pupil("C1", "Lotte", "Zonnebeek", "2A", guardians=(ANN,)), Pupil("C2", "Lotte", "Akkerhout", "2B"),
               Pupil("C3", "Jonas", "Zonnebeek", "4B", guardians=(TOM,)), Pupil("C4", "Jonas", "Merelveld", "5A")]
    proposal = parse("Lotte en Jonas Zonnebeek zijn ziek", pupils=cousins)
    assert ids(proposal.pupils) == ["C1", "C3"] and proposal.sure


@pytest.mark.parametrize(("text", "pupils", "candidates", "doubt"), [
    ("Seppeee is ziek", ["P7"], [], False),                        # letters repeated for effect
    ("Sepe is ziek", [], [], True),                                # a typo at the start of a sentence: unsure
    ("Sepe Wilgenveld is ziek", ["P7"], [], False),                # ... unless the surname tells
    ("Lotte is ziek. Groetjes Fien (mama van Lotte 4A)", ["P2"], [], False),  # the Lotte signed for
    ("Lotte is ziek, groetjes aan juf Fien", ["P2"], [], False),   # the teacher greeted: her class
])
def test_spellings_and_references(text: str, pupils: list[str], candidates: list[str], doubt: bool) -> None:
    proposal = parse(text, staff=[FIEN])
    assert ids(proposal.pupils) == pupils and ids(proposal.candidates) == candidates
    assert ("pupils" in proposal.doubts) == doubt


# -- names: the rules that combine mentions ---------------------------------------------------------
BERK_MUM, BERK_DAD, VOS_MUM = Guardian("Emma Berk"), Guardian("Milan Berk"), Guardian("Emma Vos")
COUSINS = [
    Pupil("C1", "Lotte", "Van der Zonnebeek", "2A", guardians=(ANN,)),
    Pupil("C2", "Lotte", "Akkerhout", "2B"),
    Pupil("C3", "Jonas", "Van der Zonnebeek", "4B", guardians=(TOM,)),  # a cousin, not a brother
    Pupil("C4", "Jonas", "Merelveld", "5A"),
]


@pytest.mark.parametrize(("text", "pupils", "doubt"), [
    ("Lotte en Jonas Van der Zonnebeek zijn ziek", ["C1", "C3"], False),  # "van" ends Lotte's surname window
    ("Vandaag zijn Lote en Jonas Van der Zonnebeek ziek", ["C1", "C3"], False),  # the shared surname settles a typo
])
def test_a_surname_with_particles_after_two_names_belongs_to_both(text: str, pupils: list[str], doubt: bool) -> None:
    proposal = parse(text, pupils=COUSINS)
    assert ids(proposal.pupils) == pupils and ("pupils" in proposal.doubts) == doubt


def test_the_child_signed_for_narrows_the_child_named() -> None:
    cousins = [*COUSINS, Pupil("C5", "Lotte", "Van der Zonnebeek", "5A", guardians=(KIM,))]
    proposal = parse("Lotte is ziek. Groetjes Fien (mama van Lotte Van der Zonnebeek)", pupils=cousins)
    assert ids(proposal.pupils) == [] and ids(proposal.candidates) == ["C1", "C5"]  # not Lotte Akkerhout


def test_a_class_in_the_text_outweighs_another_in_the_signature() -> None:
    proposal = parse("Lotte uit 3B is ziek. Groetjes Fien (mama van Lotte 4A)")
    assert ids(proposal.pupils) == ["P1"]


@pytest.mark.parametrize(("text", "pupils", "candidates"), [
    ("Lotte 3B is ziek. Ook Sepe", ["P1", "P7"], []),  # a typo as a sentence's second word: a name
    ("Lotte 3B is ziek. Sepe ook", ["P1"], []),        # ... as its first word it may be any word
])
def test_a_typo_in_a_name_and_where_it_stands(text: str, pupils: list[str], candidates: list[str]) -> None:
    proposal = parse(text)
    assert ids(proposal.pupils) == pupils and ids(proposal.candidates) == candidates


def test_a_typo_that_fits_two_names_is_left_alone() -> None:
    pupils = [Pupil("L1", "Lotte", "Akkerhout", "2A"), Pupil("L2", "Lore", "Berkhout", "3A")]
    proposal = parse("Vandaag is Lote ziek", pupils=pupils)  # Lotte or Lore: only a surname would tell
    assert proposal.pupils == [] and proposal.candidates == []


def test_two_parents_signing_point_at_the_child_of_both() -> None:
    pupils = [Pupil("B1", "Lotte", "Berk", "2A", guardians=(BERK_MUM, BERK_DAD)),
              Pupil("V1", "Lotte", "Vos", "3A", guardians=(VOS_MUM,))]
    proposal = parse("Lotte is ziek. Emma en Milan", pupils=pupils)
    assert ids(proposal.pupils) == ["B1"]


def test_a_signed_surname_is_found_without_its_particles() -> None:
    pupils = [Pupil("L1", "Lotte", "Lijsterwijk", "2A", guardians=(Guardian("Milan Lijsterwijk"),)),
              Pupil("L2", "Lotte", "Akker", "3A", guardians=(Guardian("Milan Akker"),))]
    proposal = parse("Lotte is ziek. Milan Van de Lijsterwijk", pupils=pupils)
    assert ids(proposal.pupils) == ["L1"]


@pytest.mark.parametrize(("text", "pupils", "candidates"), [
    ("De kinderen Zonnebeek zijn ziek. Groetjes Tom", ["P1", "P3"], []),  # the surname named, not the signer's
    ("Twee kinderen Zonnebeek zijn ziek", ["P1", "P3"], []),
    ("Drie kinderen Zonnebeek zijn ziek", [], []),                      # the family has two: which three?
    ("Drie van de kinderen Zonnebeek zijn ziek", [], []),               # some of them: which? (not all)
    ("Twee van de kinderen Zonnebeek zijn ziek", ["P1", "P3"], []),     # the two there are
    ("De kinderen van de familie Zonnebeek zijn ziek", ["P1", "P3"], []),  # the fourth word after "kinderen"
    ("De kinderen zijn ziek. Groetjes Ann Van Zonnebeek", ["P1", "P3"], []),  # the signed surname's last word
])
def test_a_whole_family(text: str, pupils: list[str], candidates: list[str]) -> None:
    proposal = parse(text)
    assert ids(proposal.pupils) == pupils and ids(proposal.candidates) == candidates


def test_a_child_who_left_is_not_in_the_family_any_more() -> None:
    left = Pupil("P9", "Mats", "Heidehove", "6A", guardians=(KIM,), left_on=D(2026, 6, 30))
    proposal = parse("De kinderen zijn ziek. Groetjes Kim", pupils=[*PUPILS, left])
    assert ids(proposal.pupils) == ["P5", "P6"]


def test_the_word_children_is_no_part_of_a_surname() -> None:
    """"kinderen" holds "eren": a family Eren is not meant by "de kinderen" (only words after it count)."""
    erens = [Pupil("E1", "Deniz", "Eren", "2A", guardians=(Guardian("Ayla Eren"),)),
             Pupil("E2", "Mert", "Eren", "4A", guardians=(Guardian("Ayla Eren"),))]
    proposal = parse("De kinderen zijn ziek. Groetjes Kim", pupils=[*PUPILS, *erens])
    assert ids(proposal.pupils) == ["P5", "P6"]


def test_a_kin_word_in_the_sentence_before_says_nothing_about_a_name() -> None:
    """Noor is no other family's child here: "met de mama" ends with its sentence."""
    assert ids(parse("Seppe gaat met de mama mee. Noor is ziek").pupils) == ["P7", "P6"]
    assert ids(parse("Seppe gaat met de mama. Noor is ziek").pupils) == ["P7", "P6"]
    assert ids(parse("Seppe gaat met de mama mee Noor is ziek").pupils) == ["P7", "P6"]  # no full stop typed


def test_the_father_named_after_with_the_dad_is_set_aside_whatever_follows() -> None:
    proposal = parse("Seppe gaat mee met de papa Jonas, hij is ziek")
    assert ids(proposal.pupils) == ["P7"] and proposal.candidates == []  # no Jonas to choose from
