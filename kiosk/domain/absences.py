"""Absence rules: codes, half days, the parent-note limit, problematic absence, late arrivals."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from kiosk.domain.calendar import SchoolCalendar, school_year_of
from kiosk.domain.models import Absence, LateArrival

PARTS = ("day", "am", "pm")
CHANNELS = ("sms", "phone", "agenda", "email", "in_person")
# Keys the absence dialog uses for its options; absence codes may not take them.
RESERVED_KEYS = frozenset("dpnwstig")  # the absence dialog's option keys


@dataclass(frozen=True)
class AbsenceCode:
    id: str
    key: str
    """One letter: pressing it in the absence dialog saves with this code."""
    label: str
    justified: bool = True
    parent_note: bool = False
    """Illness justified by the parent's own note: limited per school year."""
    problematic: bool = False
    """Counted in half days towards the pupil guidance centre (CLB) signal."""
    unexplained: bool = False
    """Still waiting for a reason; listed as unexplained in the day view."""


def default_codes() -> tuple[AbsenceCode, ...]:
    """Common Flemish practice; a school can replace them in config.toml."""
    from kiosk.i18n import N_

    return (
        AbsenceCode("sick_note", "z", N_("Sick, parent's note"), parent_note=True),
        AbsenceCode("sick_certificate", "m", N_("Sick, medical certificate")),
        AbsenceCode("justified", "r", N_("Other justified reason")),
        AbsenceCode("problematic", "b", N_("Problematic (unjustified)"), justified=False,
                    problematic=True),
        AbsenceCode("unknown", "o", N_("Reason not known yet"), justified=False, unexplained=True),
    )


@dataclass(frozen=True)
class AbsenceRules:
    """The [absences] section of config.toml, with Flemish defaults."""

    codes: tuple[AbsenceCode, ...] = field(default_factory=default_codes)
    """[[absences.codes]] tables: id, key, label, justified, parent_note, problematic,
    unexplained."""
    default_code: str = "sick_note"
    """The code saved by Enter in the absence dialog."""
    parent_note_max_per_year: int = 4
    """Times per school year a parent's own note may justify illness."""
    parent_note_max_days: int = 3
    """Consecutive calendar days one parent's note may cover."""
    problematic_warn_half_days: int = 3
    """Problematic half days per school year from which the kiosk warns."""
    problematic_clb_half_days: int = 5
    """Problematic half days from which the pupil is flagged for the CLB."""
    late_flag_per_month: int = 3
    """Late arrivals in one month from which a pupil is flagged."""

    def code(self, code_id: str) -> AbsenceCode | None:
        return next((c for c in self.codes if c.id == code_id), None)

    def by_key(self, key: str) -> AbsenceCode | None:
        return next((c for c in self.codes if c.key == key), None)

    def certificate_code(self) -> AbsenceCode | None:
        """The code to suggest when a parent's note is not enough: `sick_certificate`, or
        else the first plain justified code."""
        return self.code("sick_certificate") or next(
            (c for c in self.codes if c.justified and not (c.parent_note or c.problematic or c.unexplained)),
            None)


def expand_half_days(calendar: SchoolCalendar, start: dt.date, end: dt.date,
                     part: str) -> list[tuple[dt.date, str]]:
    """The school half days an absence covers: weekends, holidays, Wednesday pm skipped."""
    halves = []
    for day in calendar.school_days(start, end):
        if part in ("day", "am"):
            halves.append((day, "am"))
        if part in ("day", "pm") and calendar.has_afternoon(day):
            halves.append((day, "pm"))
    return halves


def next_part(calendar: SchoolCalendar, day: dt.date, part: str) -> str:
    """Whole day → morning → afternoon → whole day; no afternoon when there are no lessons."""
    options = ["day", "am"] + (["pm"] if calendar.has_afternoon(day) else [])
    return options[(options.index(part) + 1) % len(options)] if part in options else "day"


def calendar_days(absence: Absence) -> int:
    return (absence.end - absence.start).days + 1


@dataclass(frozen=True)
class Warning:
    kind: str
    """parent_note_count, parent_note_days, problematic, clb, no_school."""
    count: int = 0
    suggest_code: str = ""


def check_absence(rules: AbsenceRules, calendar: SchoolCalendar, new: Absence,
                  earlier: Iterable[Absence]) -> list[Warning]:
    """Warnings for `new`, given the pupil's earlier absences of the same school year."""
    code = rules.code(new.code)
    warnings: list[Warning] = []
    if not expand_half_days(calendar, new.start, new.end, new.part):
        warnings.append(Warning("no_school"))
    if code is None:
        return warnings
    year = school_year_of(new.start)
    same_year = [a for a in earlier if school_year_of(a.start) == year and a.id != new.id]
    suggest = rules.certificate_code()
    suggest_id = suggest.id if suggest else ""
    if code.parent_note:
        notes = 1 + sum(1 for a in same_year if _is(rules, a, "parent_note"))
        if notes > rules.parent_note_max_per_year:
            warnings.append(Warning("parent_note_count", notes, suggest_id))
        if calendar_days(new) > rules.parent_note_max_days:
            warnings.append(Warning("parent_note_days", calendar_days(new), suggest_id))
    if code.problematic:
        total = problematic_half_days(rules, calendar, [*same_year, new])
        if total >= rules.problematic_clb_half_days:
            warnings.append(Warning("clb", total))
        elif total >= rules.problematic_warn_half_days:
            warnings.append(Warning("problematic", total))
    return warnings


def _is(rules: AbsenceRules, absence: Absence, flag: str) -> bool:
    code = rules.code(absence.code)
    return bool(code and getattr(code, flag))


def problematic_half_days(rules: AbsenceRules, calendar: SchoolCalendar,
                          absences: Iterable[Absence]) -> int:
    halves = {
        half
        for a in absences if _is(rules, a, "problematic")
        for half in expand_half_days(calendar, a.start, a.end, a.part)
    }
    return len(halves)


def parent_notes_used(rules: AbsenceRules, absences: Iterable[Absence]) -> int:
    return sum(1 for a in absences if _is(rules, a, "parent_note"))


def clb_flagged(rules: AbsenceRules, calendar: SchoolCalendar,
                absences: Iterable[Absence]) -> dict[str, int]:
    """Pupil id → problematic half days, for pupils at or over the CLB threshold."""
    by_pupil: dict[str, list[Absence]] = {}
    for a in absences:
        if _is(rules, a, "problematic"):
            by_pupil.setdefault(a.pupil_id, []).append(a)
    counts = {pid: problematic_half_days(rules, calendar, items) for pid, items in by_pupil.items()}
    return {pid: n for pid, n in counts.items() if n >= rules.problematic_clb_half_days}


def lates_per_month(lates: Iterable[LateArrival]) -> Counter[tuple[str, str]]:
    """(pupil id, 'YYYY-MM') → number of late arrivals."""
    return Counter((late.pupil_id, f"{late.date:%Y-%m}") for late in lates)


def late_flagged(rules: AbsenceRules, lates: Iterable[LateArrival], month: dt.date) -> dict[str, int]:
    """Pupil id → late arrivals in `month`, for pupils at or over the threshold."""
    wanted = f"{month:%Y-%m}"
    return {pid: n for (pid, m), n in lates_per_month(lates).items()
            if m == wanted and n >= rules.late_flag_per_month}


def overlapping(calendar: SchoolCalendar, new: Absence, existing: Iterable[Absence]) -> list[Absence]:
    """The pupil's other entries that share a school half day with `new`."""
    halves = set(expand_half_days(calendar, new.start, new.end, new.part))
    return [a for a in existing
            if a.id != new.id and a.pupil_id == new.pupil_id and a.start <= new.end and a.end >= new.start
            and halves & set(expand_half_days(calendar, a.start, a.end, a.part))]


def covers(absence: Absence, day: dt.date) -> bool:
    return absence.start <= day <= absence.end
