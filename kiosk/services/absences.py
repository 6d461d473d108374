"""Absences and late arrivals: logging, undo, edit, the day view and a pupil's history."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from kiosk.domain import absences as rules_
from kiosk.domain.absences import PARTS, AbsenceRules, Warning
from kiosk.domain.calendar import school_year_of
from kiosk.domain.models import Absence, LateArrival, Pupil, Role, Staff
from kiosk.domain.search import PupilIndex
from kiosk.domain.text import MAX_SHORT, clean_text, fold
from kiosk.errors import Ambiguous, KioskError, NotFound
from kiosk.i18n import _
from kiosk.services.context import Kiosk
from kiosk.services.labels import absence_period
from kiosk.store.repo import YearRecords

MAX_NOTE = MAX_SHORT


def rules(kiosk: Kiosk) -> AbsenceRules:
    return kiosk.config.absences


# -- finding pupils ------------------------------------------------------------------------
def find_pupil(kiosk: Kiosk, text: str) -> Pupil:
    """By id, or by name/class words that leave exactly one pupil."""
    wanted = text.strip().casefold()
    by_id = next((p for p in kiosk.repos.pupils.all() if p.id.casefold() == wanted), None)
    if by_id:
        return by_id
    matches = PupilIndex(kiosk.repos.pupils.all()).search(text, limit=50)
    exact = [p for p in matches if fold(p.full_name) == fold(text.strip())]
    if len(exact) == 1 or len(matches) == 1:
        return (exact or matches)[0]
    if not matches:
        raise NotFound(_("no pupil matches {text!r}").format(text=text))
    listed = "; ".join(f"{p.id} {p.full_name} ({p.class_name})" for p in matches[:10])
    if len(matches) > 10:
        listed += " …"
    raise Ambiguous(_("{text!r} matches several pupils: {listed}").format(text=text, listed=listed))


def siblings(kiosk: Kiosk, pupil: Pupil) -> list[Pupil]:
    """Current pupils who share a guardian with `pupil`."""
    keys = {g.family_key for g in pupil.guardians}
    return [p for p in kiosk.repos.pupils.all()
            if p.id != pupil.id and keys & {g.family_key for g in p.guardians}]


# -- absences ------------------------------------------------------------------------------
@dataclass
class Logged:
    entries: list[Absence] = field(default_factory=list)
    warnings: list[tuple[Pupil, Warning]] = field(default_factory=list)


def _validate(kiosk: Kiosk, absence: Absence) -> None:
    if rules(kiosk).code(absence.code) is None:
        known = ", ".join(c.id for c in rules(kiosk).codes)
        raise KioskError(_("unknown absence code {code!r} (known: {known})").format(
            code=absence.code, known=known))
    if absence.end < absence.start:
        raise KioskError(_("the period ends before it starts"))
    if absence.part not in PARTS:
        raise KioskError(_("part must be day, am or pm"))
    if absence.part != "day" and absence.start != absence.end:
        raise KioskError(_("a half day is one day: use the same from and to date"))
    if absence.reported_via not in rules_.CHANNELS:
        raise KioskError(_("unknown channel {via!r}").format(via=absence.reported_via))
    if school_year_of(absence.start) != school_year_of(absence.end):
        raise KioskError(_("a period cannot run into the next school year: enter it from 1 September"))
    if not rules_.expand_half_days(kiosk.calendar, absence.start, absence.end, absence.part):
        raise KioskError(_("there is no school then ({period}): nothing saved").format(
            period=absence_period(absence)))


def _refuse_overlap(kiosk: Kiosk, pupil: Pupil, absence: Absence) -> None:
    """One pupil, one entry per half day: a second would count the same absence twice."""
    clash = rules_.overlapping(kiosk.calendar, absence, absences_between(kiosk, absence.start, absence.end))
    if clash:
        from kiosk.services.messages import code_label

        raise KioskError(_("{name} is already absent then ({period}, {code}): change that entry "
                           "instead").format(name=pupil.full_name, period=absence_period(clash[0]),
                                             code=code_label(kiosk, clash[0].code)))


def pupil_absences(kiosk: Kiosk, pupil_id: str, start_year: int) -> list[Absence]:
    return [a for a in kiosk.repos.absences.in_year(start_year) if a.pupil_id == pupil_id]


def log_absences(kiosk: Kiosk, pupils: list[Pupil], *, code: str, start: dt.date,
                 end: dt.date | None = None, part: str = "day", note: str = "",
                 via: str = "sms", who: str) -> Logged:
    """One entry per pupil (siblings texted about together), saved and audited at once."""
    now = kiosk.clock.now()
    logged = Logged()
    note = clean_text(note, _("the note"), max_length=MAX_NOTE)
    entries = [Absence(pupil_id=p.id, start=start, end=end or start, code=code, part=part,
                       note=note, reported_via=via, by_staff=who, created_at=now)
               for p in pupils]
    for entry in entries:
        _validate(kiosk, entry)
    with kiosk.store.transaction():
        for pupil, entry in zip(pupils, entries, strict=True):
            _refuse_overlap(kiosk, pupil, entry)
            earlier = pupil_absences(kiosk, pupil.id, school_year_of(start))
            logged.warnings += [(pupil, w) for w in
                                rules_.check_absence(rules(kiosk), kiosk.calendar, entry, earlier)]
        kiosk.repos.absences.add_many(entries)
        for entry in entries:
            kiosk.audit(who, "absence-add", **_facts(entry))
    logged.entries = entries
    return logged


def _facts(absence: Absence) -> dict[str, str]:
    return {"entry": absence.id, "pupil": absence.pupil_id, "code": absence.code,
            "start": absence.start.isoformat(), "end": absence.end.isoformat(), "part": absence.part}


def update_absence(kiosk: Kiosk, old: Absence, who: str, **changes: object) -> Absence:
    if isinstance(changes.get("note"), str):
        changes["note"] = clean_text(str(changes["note"]), _("the note"), max_length=MAX_NOTE)
    new = replace(old, **changes)  # type: ignore[arg-type]
    _validate(kiosk, new)
    with kiosk.store.transaction():
        pupil = kiosk.repos.pupils.get(old.pupil_id)
        if pupil:
            _refuse_overlap(kiosk, pupil, new)
        kiosk.repos.absences.replace(old, new)
        kiosk.audit(who, "absence-edit", **_facts(new), **{f"old_{k}": v for k, v in _facts(old).items()})
    return new


def _delete(kiosk: Kiosk, records: YearRecords, entries: list[Any], who: str, action: str,
            facts: Callable[[Any], dict[str, str]]) -> int:
    with kiosk.store.transaction():
        gone = [e for e in entries if records.remove([e])]
        for entry in gone:  # only what was really there: a second undo records nothing
            kiosk.audit(who, action, **facts(entry))
    return len(gone)


def delete_absences(kiosk: Kiosk, entries: list[Absence], who: str, *, action: str = "absence-delete") -> int:
    return _delete(kiosk, kiosk.repos.absences, entries, who, action, _facts)


def absences_between(kiosk: Kiosk, start: dt.date, end: dt.date) -> list[Absence]:
    years = range(school_year_of(start), school_year_of(end) + 1)
    found = [a for y in years for a in kiosk.repos.absences.in_year(y)
             if a.start <= end and a.end >= start]
    return sorted(found, key=lambda a: (a.start, a.created_at or dt.datetime.min))


# -- late arrivals -------------------------------------------------------------------------
def _check_late(kiosk: Kiosk, late: LateArrival) -> None:
    if dt.datetime.combine(late.date, late.time) > kiosk.clock.now() and not late.announced:
        raise KioskError(_("a late arrival cannot be in the future"))
    if late.announced and late.date < kiosk.clock.now().date():
        raise KioskError(_("an announced late arrival is for today or a later day"))
    if not kiosk.calendar.is_school_day(late.date):
        raise KioskError(_("there is no school on {day}: nothing saved").format(day=f"{late.date:%d/%m}"))


def _late_facts(late: LateArrival) -> dict[str, str]:
    return {"entry": late.id, "pupil": late.pupil_id, "start": late.date.isoformat(),
            "time": f"{late.time:%H:%M}"}


def add_late(kiosk: Kiosk, pupil: Pupil, *, who: str, time: dt.time | None = None,
             day: dt.date | None = None, reason: str = "", announced: bool = False) -> tuple[LateArrival, int]:
    """Returns the entry and the pupil's late arrivals this month (for the flag). An
    announced one (a parent's message) may lie later today or on a later school day."""
    now = kiosk.clock.now()
    late = LateArrival(pupil_id=pupil.id, date=day or now.date(),
                       time=(time or now.time()).replace(second=0, microsecond=0),
                       reason=clean_text(reason, _("the reason"), max_length=MAX_NOTE), by_staff=who,
                       created_at=now, announced=announced)
    _check_late(kiosk, late)
    with kiosk.store.transaction():
        same_day = [x for x in lates_between(kiosk, late.date, late.date) if x.pupil_id == pupil.id]
        if same_day:
            raise KioskError(_("{name} was already noted late that day, at {time}").format(
                name=pupil.full_name, time=f"{same_day[0].time:%H:%M}"))
        kiosk.repos.lates.add(late)
        kiosk.audit(who, "late-add", **_late_facts(late))
        same_year = kiosk.repos.lates.in_year(school_year_of(late.date))
    month = rules_.lates_per_month(x for x in same_year if x.pupil_id == pupil.id)
    return late, month[(pupil.id, f"{late.date:%Y-%m}")]


def update_late(kiosk: Kiosk, old: LateArrival, who: str, *, time: dt.time, reason: str) -> LateArrival:
    new = replace(old, time=time.replace(second=0, microsecond=0),
                  reason=clean_text(reason, _("the reason"), max_length=MAX_NOTE))
    _check_late(kiosk, new)
    with kiosk.store.transaction():
        kiosk.repos.lates.replace(old, new)
        kiosk.audit(who, "late-edit", **_late_facts(new), old_time=f"{old.time:%H:%M}")
    return new


def delete_lates(kiosk: Kiosk, entries: list[LateArrival], who: str, *, action: str = "late-delete") -> int:
    return _delete(kiosk, kiosk.repos.lates, entries, who, action, _late_facts)


def lates_between(kiosk: Kiosk, start: dt.date, end: dt.date) -> list[LateArrival]:
    years = range(school_year_of(start), school_year_of(end) + 1)
    found = [x for y in years for x in kiosk.repos.lates.in_year(y) if start <= x.date <= end]
    return sorted(found, key=lambda x: (x.date, x.time))


# -- views ---------------------------------------------------------------------------------
@dataclass
class DayRow:
    pupil: Pupil
    absence: Absence | None = None
    late: LateArrival | None = None


@dataclass
class DayView:
    day: dt.date
    classes: list[tuple[str, list[DayRow]]]
    """Classes in display order: the teacher's own classes first."""
    counts: Counter[str]
    """Class → absent pupils."""
    clb: dict[str, int]
    """Pupil id → problematic half days, for pupils over the CLB threshold."""
    late_flags: dict[str, int]
    unexplained: list[DayRow]


def day_view(kiosk: Kiosk, day: dt.date, staff: Staff | None = None) -> DayView:
    pupils = {p.id: p for p in kiosk.repos.pupils.all(include_left=True)}
    year = school_year_of(day)
    year_absences = kiosk.repos.absences.in_year(year)
    year_lates = kiosk.repos.lates.in_year(year)
    rows = [DayRow(pupils[a.pupil_id], absence=a) for a in year_absences
            if rules_.covers(a, day) and a.pupil_id in pupils]
    rows += [DayRow(pupils[x.pupil_id], late=x) for x in year_lates
             if x.date == day and x.pupil_id in pupils]
    by_class: dict[str, list[DayRow]] = {}
    for row in sorted(rows, key=lambda r: (r.pupil.last_name.casefold(), r.pupil.first_name.casefold())):
        by_class.setdefault(row.pupil.class_name, []).append(row)
    own = set(staff.classes) if staff and staff.role is Role.TEACHER else set()
    order = sorted(by_class, key=lambda c: (c not in own, c))
    codes = rules(kiosk)
    unexplained = [r for r in rows if r.absence and (c := codes.code(r.absence.code)) and c.unexplained]
    counts = Counter(r.pupil.class_name for r in rows if r.absence)
    return DayView(
        day=day,
        classes=[(c, by_class[c]) for c in order],
        counts=counts,
        clb=rules_.clb_flagged(codes, kiosk.calendar, year_absences),
        late_flags=rules_.late_flagged(codes, year_lates, day),
        unexplained=unexplained,
    )


@dataclass
class History:
    pupil: Pupil
    absences: list[Absence]
    lates: list[LateArrival]
    justified_half_days: int
    problematic_half_days: int
    parent_notes: int
    lates_by_month: dict[str, int]


def pupil_history(kiosk: Kiosk, pupil: Pupil, start_year: int | None = None) -> History:
    year = start_year if start_year is not None else school_year_of(kiosk.clock.now().date())
    codes = rules(kiosk)
    absences = sorted(pupil_absences(kiosk, pupil.id, year), key=lambda a: a.start, reverse=True)
    lates = sorted((x for x in kiosk.repos.lates.in_year(year) if x.pupil_id == pupil.id),
                   key=lambda x: (x.date, x.time), reverse=True)
    justified = [a for a in absences if (c := codes.code(a.code)) and c.justified]
    half_days = {h for a in justified
                 for h in rules_.expand_half_days(kiosk.calendar, a.start, a.end, a.part)}
    return History(
        pupil=pupil,
        absences=absences,
        lates=lates,
        justified_half_days=len(half_days),
        problematic_half_days=rules_.problematic_half_days(codes, kiosk.calendar, absences),
        parent_notes=rules_.parent_notes_used(codes, absences),
        lates_by_month=dict(sorted(Counter(f"{x.date:%Y-%m}" for x in lates).items())),
    )




def undo(kiosk: Kiosk, entries: list[Absence | LateArrival], who: str) -> int:
    """Take back what was just logged; the audit trail keeps both the entry and the undo.
    Returns how many entries were still there to remove."""
    with kiosk.store.transaction():
        removed = delete_absences(kiosk, [e for e in entries if isinstance(e, Absence)], who,
                                  action="absence-undo")
        return removed + delete_lates(kiosk, [e for e in entries if isinstance(e, LateArrival)], who,
                                      action="late-undo")
