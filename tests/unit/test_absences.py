"""Absence rules on the pure domain: half days, the parent-note limit, problematic absence,
the CLB flag, late arrivals and custom codes in config.toml."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiosk.config import load_config
from kiosk.domain.absences import (
    RESERVED_KEYS,
    AbsenceCode,
    AbsenceRules,
    Warning,
    calendar_days,
    check_absence,
    clb_flagged,
    default_codes,
    expand_half_days,
    late_flagged,
    lates_per_month,
    parent_notes_used,
    problematic_half_days,
)
from kiosk.domain.calendar import SchoolCalendar
from kiosk.domain.models import Absence, LateArrival
from kiosk.errors import ConfigError
from tests.conftest import write_config

D = dt.date
CAL = SchoolCalendar()
RULES = AbsenceRules()

# The week of Monday 23 November 2026 (school year 2026-2027): an ordinary school week.
MON, TUE, WED, THU, FRI, SAT, SUN = (D(2026, 11, 23) + dt.timedelta(days=n) for n in range(7))
NEXT_MON = D(2026, 11, 30)
ARMISTICE = D(2026, 11, 11)            # a Wednesday
AUTUMN = (D(2026, 11, 2), D(2026, 11, 8))  # 1 Nov 2026 is a Sunday: from Monday 2 Nov


def absence(start: dt.date, end: dt.date | None = None, code: str = "sick_note", part: str = "day",
            pupil: str = "P1") -> Absence:
    return Absence(pupil_id=pupil, start=start, end=end or start, code=code, part=part)


def school_days(start: dt.date, n: int) -> list[dt.date]:
    """The first `n` school days from `start`."""
    found: list[dt.date] = []
    day = start
    while len(found) < n:
        if CAL.is_school_day(day):
            found.append(day)
        day += dt.timedelta(days=1)
    return found


# -- codes ---------------------------------------------------------------------------------------
def test_default_codes_follow_the_issue():
    codes = {c.key: c for c in default_codes()}
    assert set(codes) == {"z", "m", "r", "b", "o"}
    assert (codes["z"].id, codes["z"].justified, codes["z"].parent_note) == ("sick_note", True, True)
    assert (codes["m"].id, codes["m"].justified, codes["m"].parent_note) == ("sick_certificate", True, False)
    assert (codes["r"].id, codes["r"].justified) == ("justified", True)
    assert (codes["b"].id, codes["b"].justified, codes["b"].problematic) == ("problematic", False, True)
    assert (codes["o"].id, codes["o"].justified, codes["o"].unexplained) == ("unknown", False, True)
    assert not set(codes) & RESERVED_KEYS
    assert RULES.default_code == "sick_note"
    assert RULES.certificate_code().id == "sick_certificate"
    assert RULES.by_key("b").id == "problematic" and RULES.code("unknown").key == "o"
    assert RULES.code("nope") is None and RULES.by_key("q") is None


# -- expand_half_days ----------------------------------------------------------------------------
@pytest.mark.parametrize(("start", "end", "part", "expected"), [
    (MON, MON, "day", [(MON, "am"), (MON, "pm")]),
    (MON, MON, "am", [(MON, "am")]),
    (MON, MON, "pm", [(MON, "pm")]),
    (WED, WED, "day", [(WED, "am")]),                  # no lessons on Wednesday afternoon
    (WED, WED, "am", [(WED, "am")]),
    (WED, WED, "pm", []),
    (SAT, SUN, "day", []),
    (SAT, SAT, "am", []),
    (FRI, NEXT_MON, "day", [(FRI, "am"), (FRI, "pm"), (NEXT_MON, "am"), (NEXT_MON, "pm")]),
    (MON, SUN, "day", [(MON, "am"), (MON, "pm"), (TUE, "am"), (TUE, "pm"), (WED, "am"),
                       (THU, "am"), (THU, "pm"), (FRI, "am"), (FRI, "pm")]),
    (ARMISTICE, ARMISTICE, "day", []),                 # 11 November
    (D(2026, 11, 9), D(2026, 11, 13), "day",           # a week with 11 November in it
     [(D(2026, 11, 9), "am"), (D(2026, 11, 9), "pm"), (D(2026, 11, 10), "am"), (D(2026, 11, 10), "pm"),
      (D(2026, 11, 12), "am"), (D(2026, 11, 12), "pm"), (D(2026, 11, 13), "am"), (D(2026, 11, 13), "pm")]),
    (*AUTUMN, "day", []),                              # the autumn holiday
    (D(2026, 10, 30), D(2026, 11, 9), "day",           # Friday, holiday week, Monday
     [(D(2026, 10, 30), "am"), (D(2026, 10, 30), "pm"), (D(2026, 11, 9), "am"), (D(2026, 11, 9), "pm")]),
    (D(2026, 12, 21), D(2027, 1, 3), "day", []),       # Christmas holiday
    (D(2027, 7, 1), D(2027, 7, 31), "day", []),        # summer
    (TUE, MON, "day", []),                             # end before start: nothing
])
def test_expand_half_days(start, end, part, expected):
    assert expand_half_days(CAL, start, end, part) == expected


def test_expand_half_days_skips_the_schools_own_free_day():
    calendar = SchoolCalendar([THU])
    assert expand_half_days(calendar, WED, FRI, "day") == [(WED, "am"), (FRI, "am"), (FRI, "pm")]


@pytest.mark.parametrize(("start", "end", "days"), [(MON, MON, 1), (MON, WED, 3), (FRI, NEXT_MON, 4)])
def test_calendar_days(start, end, days):
    assert calendar_days(absence(start, end)) == days


# -- the parent's note ---------------------------------------------------------------------------
SEPT = school_days(D(2026, 9, 1), 10)


@pytest.mark.parametrize(("earlier", "expected"), [
    ([], []),
    ([absence(d) for d in SEPT[:3]], []),                              # 4th note: fine
    ([absence(d) for d in SEPT[:4]], [Warning("parent_note_count", 5, "sick_certificate")]),
    ([absence(d) for d in SEPT[:6]], [Warning("parent_note_count", 7, "sick_certificate")]),
    # only parent's notes count, not other codes
    ([absence(d, code="sick_certificate") for d in SEPT[:4]], []),
    ([absence(d, code=c) for d, c in zip(SEPT, ("justified", "problematic", "unknown", "sick_note"),
                                         strict=False)], []),
    # last school year's notes do not count (2025-2026 ends 31 August 2026)
    ([absence(d) for d in school_days(D(2026, 3, 2), 4)], []),
    ([absence(d) for d in school_days(D(2026, 6, 1), 3)] + [absence(D(2026, 8, 31))], []),
    ([absence(d) for d in school_days(D(2026, 6, 1), 4)] + [absence(d) for d in SEPT[:3]], []),
    # half-day notes are notes too
    ([absence(d, part="am") for d in SEPT[:4]], [Warning("parent_note_count", 5, "sick_certificate")]),
])
def test_parent_note_count(earlier, expected):
    assert check_absence(RULES, CAL, absence(MON), earlier) == expected


def test_the_new_entry_is_not_counted_twice_when_already_stored():
    new = absence(MON)
    earlier = [absence(d) for d in SEPT[:3]] + [new]
    assert check_absence(RULES, CAL, new, earlier) == []
    assert check_absence(RULES, CAL, new, [*earlier, absence(SEPT[5])]) == [
        Warning("parent_note_count", 5, "sick_certificate")]


@pytest.mark.parametrize(("start", "end", "expected"), [
    (MON, MON, []),
    (MON, WED, []),                                                          # 3 calendar days
    (MON, THU, [Warning("parent_note_days", 4, "sick_certificate")]),
    (MON, FRI, [Warning("parent_note_days", 5, "sick_certificate")]),
    (FRI, NEXT_MON, [Warning("parent_note_days", 4, "sick_certificate")]),  # calendar, not school days
    (THU, SAT, []),
])
def test_parent_note_days(start, end, expected):
    assert check_absence(RULES, CAL, absence(start, end), []) == expected


def test_fifth_long_note_gets_both_warnings():
    got = check_absence(RULES, CAL, absence(MON, THU), [absence(d) for d in SEPT[:4]])
    assert got == [Warning("parent_note_count", 5, "sick_certificate"),
                   Warning("parent_note_days", 4, "sick_certificate")]


def test_other_codes_have_no_day_limit():
    for code in ("sick_certificate", "justified", "unknown"):
        assert check_absence(RULES, CAL, absence(MON, FRI, code=code), []) == []


def test_parent_note_limits_follow_the_rules():
    rules = AbsenceRules(parent_note_max_per_year=2, parent_note_max_days=1)
    got = check_absence(rules, CAL, absence(MON, TUE), [absence(d) for d in SEPT[:2]])
    assert got == [Warning("parent_note_count", 3, "sick_certificate"),
                   Warning("parent_note_days", 2, "sick_certificate")]


def test_parent_notes_used():
    items = [absence(d) for d in SEPT[:3]] + [absence(SEPT[4], code="sick_certificate")]
    assert parent_notes_used(RULES, items) == 3


# -- problematic absence -------------------------------------------------------------------------
def problematic(start, end=None, part="day", pupil="P1"):
    return absence(start, end, code="problematic", part=part, pupil=pupil)


@pytest.mark.parametrize(("new", "earlier", "expected"), [
    (problematic(MON, part="am"), [], []),                                               # 1
    (problematic(MON), [], []),                                                          # 2
    (problematic(MON), [problematic(SEPT[0], part="pm")], [Warning("problematic", 3)]),  # 3
    (problematic(MON), [problematic(SEPT[0])], [Warning("problematic", 4)]),             # 4
    (problematic(MON, TUE), [problematic(SEPT[0], part="am")], [Warning("clb", 5)]),     # 5
    (problematic(MON, FRI), [], [Warning("clb", 9)]),                                    # a week: 9
    # Tue 1, Wed 2 (morning only), Thu 3, Fri 4 September + Monday: 2 + 1 + 2 + 2 + 2
    (problematic(MON), [problematic(d) for d in SEPT[:4]], [Warning("clb", 9)]),
    # Wednesday counts one half day
    (problematic(WED), [problematic(SEPT[0])], [Warning("problematic", 3)]),
    # the same half day logged twice counts once
    (problematic(MON, part="am"), [problematic(MON), problematic(TUE, part="am")],
     [Warning("problematic", 3)]),
    # other codes and last school year's problematic days do not count
    (problematic(MON), [absence(d, code=c) for d, c in zip(SEPT, ("sick_note", "justified", "unknown",
                                                                 "sick_certificate"), strict=False)], []),
    (problematic(MON), [problematic(d) for d in school_days(D(2026, 5, 4), 5)], []),
    (problematic(MON), [problematic(D(2026, 6, 29), D(2026, 6, 30))], []),
])
def test_problematic_half_days_warn_and_flag_for_clb(new, earlier, expected):
    assert check_absence(RULES, CAL, new, earlier) == expected


def test_problematic_on_a_day_without_school():
    assert check_absence(RULES, CAL, problematic(SAT), []) == [Warning("no_school")]
    assert check_absence(RULES, CAL, problematic(WED, part="pm"), []) == [Warning("no_school")]


def test_problematic_thresholds_follow_the_rules():
    rules = AbsenceRules(problematic_warn_half_days=1, problematic_clb_half_days=2)
    assert check_absence(rules, CAL, problematic(MON, part="am"), []) == [Warning("problematic", 1)]
    assert check_absence(rules, CAL, problematic(MON), []) == [Warning("clb", 2)]


def test_no_school_warning_and_unknown_code():
    assert check_absence(RULES, CAL, absence(SAT, SUN), []) == [Warning("no_school")]
    assert check_absence(RULES, CAL, absence(ARMISTICE), []) == [Warning("no_school")]
    assert check_absence(RULES, CAL, absence(MON, code="nope"), []) == []
    assert check_absence(RULES, CAL, absence(SAT, code="nope"), []) == [Warning("no_school")]


def test_problematic_half_days_counts_only_problematic_school_halves():
    items = [problematic(MON, TUE), problematic(TUE, WED), absence(THU), problematic(SAT)]
    assert problematic_half_days(RULES, CAL, items) == 5  # Mon am/pm, Tue am/pm, Wed am


@pytest.mark.parametrize(("items", "expected"), [
    ([], {}),
    ([problematic(MON, TUE, pupil="A")], {}),                                         # 4
    ([problematic(MON, TUE, pupil="A"), problematic(THU, part="am", pupil="A")], {"A": 5}),
    ([problematic(MON, FRI, pupil="A"), problematic(MON, TUE, pupil="B")], {"A": 9}),
    ([problematic(MON, TUE, pupil="A"), problematic(MON, TUE, pupil="B"),
      problematic(THU, pupil="B")], {"B": 6}),
    ([absence(MON, FRI, pupil="A"), absence(MON, FRI, code="unknown", pupil="B")], {}),
    ([problematic(SAT, SUN, pupil="A"), problematic(WED, part="pm", pupil="A")], {}),
    ([problematic(MON, pupil="A"), problematic(MON, pupil="A"), problematic(MON, pupil="A")], {}),  # 2
])
def test_clb_flagged(items, expected):
    assert clb_flagged(RULES, CAL, items) == expected


def test_clb_flagged_threshold_follows_the_rules():
    items = [problematic(MON, part="am", pupil="A"), problematic(MON, pupil="B")]
    assert clb_flagged(AbsenceRules(problematic_clb_half_days=2), CAL, items) == {"B": 2}


# -- late arrivals -------------------------------------------------------------------------------
def late(day: dt.date, pupil: str = "P1", time: str = "08:40") -> LateArrival:
    return LateArrival(pupil_id=pupil, date=day, time=dt.time.fromisoformat(time))


NOV = [D(2026, 11, d) for d in (3, 10, 17, 24)]


@pytest.mark.parametrize(("threshold", "lates", "month", "expected"), [
    (3, [], MON, {}),
    (3, [late(d) for d in NOV[:2]], MON, {}),
    (3, [late(d) for d in NOV[:3]], MON, {"P1": 3}),
    (3, [late(d) for d in NOV], D(2026, 11, 1), {"P1": 4}),         # any day of the month
    (3, [late(d) for d in NOV[:3]], D(2026, 12, 1), {}),             # another month
    (3, [late(d) for d in NOV[:2]] + [late(D(2026, 10, 20))], MON, {}),
    (3, [late(d) for d in NOV[:2]] + [late(D(2025, 11, 20))], MON, {}),  # same month, other year
    (3, [late(d, "A") for d in NOV[:3]] + [late(d, "B") for d in NOV[:2]], MON, {"A": 3}),
    (3, [late(MON, time="08:35"), late(MON, time="13:10"), late(TUE)], MON, {"P1": 3}),  # twice a day
    (2, [late(d, "A") for d in NOV[:2]] + [late(NOV[0], "B")], MON, {"A": 2}),
    (1, [late(NOV[0], "A"), late(NOV[1], "B")], MON, {"A": 1, "B": 1}),
    (5, [late(d) for d in NOV], MON, {}),
])
def test_late_flagged(threshold, lates, month, expected):
    assert late_flagged(AbsenceRules(late_flag_per_month=threshold), lates, month) == expected


def test_lates_per_month_counts_per_pupil_and_month():
    counted = lates_per_month([late(NOV[0]), late(NOV[1]), late(D(2026, 12, 1)), late(NOV[0], "B")])
    assert counted == {("P1", "2026-11"): 2, ("P1", "2026-12"): 1, ("B", "2026-11"): 1}


def test_default_late_threshold_is_configurable(tmp_path: Path):
    assert load_config(write_config(tmp_path)).absences.late_flag_per_month == 3
    config = load_config(write_config(tmp_path, extra="[absences]\nlate_flag_per_month = 2\n"))
    assert config.absences.late_flag_per_month == 2
    assert late_flagged(config.absences, [late(d) for d in NOV[:2]], MON) == {"P1": 2}


# -- custom codes in config.toml -----------------------------------------------------------------
CUSTOM = """
[absences]
default_code = "ziek"
parent_note_max_per_year = 3

[[absences.codes]]
id = "ziek"
key = "z"
label = "Ziek (briefje)"
parent_note = true

[[absences.codes]]
id = "attest"
key = "a"
label = "Ziek met attest"

[[absences.codes]]
id = "spijbelen"
key = "x"
label = "Spijbelen"
justified = false
problematic = true

[[absences.codes]]
id = "onbekend"
key = "o"
label = "Nog niet gekend"
justified = false
unexplained = true
"""


def test_custom_codes_replace_the_defaults(tmp_path: Path):
    rules = load_config(write_config(tmp_path, extra=CUSTOM)).absences
    assert [c.id for c in rules.codes] == ["ziek", "attest", "spijbelen", "onbekend"]
    assert rules.codes[0] == AbsenceCode("ziek", "z", "Ziek (briefje)", parent_note=True)
    assert rules.by_key("x") == AbsenceCode("spijbelen", "x", "Spijbelen", justified=False, problematic=True)
    assert rules.code("onbekend").unexplained and not rules.code("onbekend").justified
    assert rules.code("sick_note") is None
    assert rules.default_code == "ziek" and rules.parent_note_max_per_year == 3
    assert rules.certificate_code().id == "attest"
    earlier = [absence(d, code="ziek") for d in SEPT[:3]]
    assert check_absence(rules, CAL, absence(MON, code="ziek"), earlier) == [
        Warning("parent_note_count", 4, "attest")]
    assert check_absence(rules, CAL, absence(MON, code="spijbelen"),
                         [absence(SEPT[0], code="spijbelen")]) == [Warning("problematic", 4)]


def test_no_codes_means_the_defaults(tmp_path: Path):
    rules = load_config(write_config(tmp_path)).absences
    assert rules.codes == default_codes()


def code_table(key: str = "q", id_: str = "eigen", extra: str = "") -> str:
    return f'[[absences.codes]]\nid = "{id_}"\nkey = "{key}"\nlabel = "Eigen code"\n{extra}'


OWN = '[absences]\ndefault_code = "eigen"\n'
TWO = '[absences]\ndefault_code = "a"\n'


@pytest.mark.parametrize(("text", "named"), [
    # a key the absence dialog uses itself
    *[(OWN + code_table(key), "absences.codes[0].key") for key in "dpnwstig"],
    (TWO + code_table("q", "a") + code_table("d", "b"), "absences.codes[1].key"),
    # not one lower-case letter
    (OWN + code_table("Q"), "absences.codes[0].key"),
    (OWN + code_table("qq"), "absences.codes[0].key"),
    (OWN + code_table("1"), "absences.codes[0].key"),
    (OWN + code_table(""), "absences.codes[0].key"),
    # two codes with one key or one id
    (TWO + code_table("q", "a") + code_table("q", "b"), "same key"),
    (TWO + code_table("q", "a") + code_table("r", "a"), "same id"),
    # the default code must be one of the codes
    ('[absences]\ndefault_code = "nope"\n', "absences.default_code 'nope'"),
    (code_table("q"), "absences.default_code 'sick_note'"),   # custom codes without sick_note
    # fields of a code
    (OWN + code_table(extra="colour = 'red'\n"), "absences.codes[0].colour"),
    (OWN + code_table(extra="justified = 'yes'\n"), "absences.codes[0].justified"),
    ('[absences]\ndefault_code = "eigen"\n[[absences.codes]]\nid = "eigen"\nkey = "q"\n',
     "absences.codes[0].label"),
    ('[absences]\ncodes = ["z"]\n', "absences.codes[0]"),
    ('[absences]\nparent_note_max_per_year = "vier"\n', "absences.parent_note_max_per_year"),
    ('[absences]\nlate_flag_per_month = true\n', "absences.late_flag_per_month"),
])
def test_invalid_custom_codes_name_the_key(tmp_path: Path, text: str, named: str):
    path = write_config(tmp_path, extra=text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert named in str(caught.value)


@pytest.mark.parametrize("key", sorted(RESERVED_KEYS))
def test_reserved_key_message_lists_the_reserved_letters(tmp_path: Path, key: str):
    path = write_config(tmp_path, extra=OWN + code_table(key))
    with pytest.raises(ConfigError, match=r"absences\.codes\[0\]\.key") as caught:
        load_config(path)
    assert key in str(caught.value).rsplit("other than", 1)[1]


def test_one_valid_custom_code_is_enough(tmp_path: Path):
    config = load_config(write_config(tmp_path, extra=OWN + code_table()))
    assert config.absences.codes == (AbsenceCode("eigen", "q", "Eigen code"),)
    assert config.absences.certificate_code().id == "eigen"


def test_next_part_cycles_and_skips_a_missing_afternoon():
    from kiosk.domain.absences import next_part

    calendar = SchoolCalendar()
    monday, wednesday = dt.date(2026, 11, 23), dt.date(2026, 11, 25)
    assert [next_part(calendar, monday, p) for p in ("day", "am", "pm")] == ["am", "pm", "day"]
    assert [next_part(calendar, wednesday, p) for p in ("day", "am")] == ["am", "day"]
    assert next_part(calendar, wednesday, "pm") == "day"  # no afternoon: back to the whole day
    assert next_part(calendar, monday, "nonsense") == "day"


def test_overlapping_finds_only_the_same_pupils_shared_half_days():
    from kiosk.domain.absences import covers, overlapping

    calendar = SchoolCalendar()
    day = dt.date(2026, 11, 23)
    morning = Absence("P1", day, day, "sick_note", part="am")
    afternoon = Absence("P1", day, day, "sick_note", part="pm")
    whole = Absence("P1", day, day, "sick_note")
    other_pupil = Absence("P2", day, day, "sick_note")
    week = Absence("P1", dt.date(2026, 11, 16), dt.date(2026, 11, 24), "sick_note")
    assert overlapping(calendar, afternoon, [morning, other_pupil]) == []
    assert overlapping(calendar, whole, [morning, afternoon, other_pupil, whole]) == [morning, afternoon]
    assert overlapping(calendar, morning, [week]) == [week]
    assert overlapping(calendar, Absence("P1", dt.date(2026, 11, 25), dt.date(2026, 11, 25), "sick_note"),
                       [week]) == []
    assert covers(week, dt.date(2026, 11, 16)) and covers(week, dt.date(2026, 11, 24))
    assert not covers(week, dt.date(2026, 11, 15)) and not covers(week, dt.date(2026, 11, 25))


def test_the_certificate_code_is_suggested_or_the_first_plain_justified_one():
    rules = AbsenceRules()
    assert rules.certificate_code().id == "sick_certificate"
    custom = AbsenceRules(codes=(
        AbsenceCode("note", "z", "Note", parent_note=True),
        AbsenceCode("bad", "b", "Bad", justified=False, problematic=True),
        AbsenceCode("plain", "p", "Plain"),
    ), default_code="note")
    assert custom.certificate_code().id == "plain"
    assert AbsenceRules(codes=(AbsenceCode("note", "z", "Note", parent_note=True),),
                        default_code="note").certificate_code() is None
    assert rules.by_key("m").id == "sick_certificate" and rules.by_key("x") is None and rules.code("x") is None


def test_rules_and_codes_are_immutable_and_hashable():
    import dataclasses

    rules = AbsenceRules()
    assert hash(rules.codes[0]) == hash(dataclasses.replace(rules.codes[0]))
    with pytest.raises(dataclasses.FrozenInstanceError):
        rules.default_code = "x"  # type: ignore[misc]
    from kiosk.domain.absences import Warning as RuleWarning

    assert RuleWarning("clb").count == 0 and RuleWarning("clb").suggest_code == ""
    assert hash(RuleWarning("clb")) == hash(RuleWarning("clb"))
