"""Conversations with parents and their follow-ups: noting, reading as each role may,
marking done, handing over; external care partners; a pupil's timeline.

Notes are kept per school year; follow-ups, few and needed until answered whatever the
school year, in the school file: the lists cost the same after ten years as after one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace

from kiosk.domain import notes as rules_
from kiosk.domain.calendar import school_year_of
from kiosk.domain.models import Absence, CarePartner, FollowUp, LateArrival, Note, Pupil, Role, Staff
from kiosk.domain.notes import Access
from kiosk.domain.sms.message import with_line_breaks
from kiosk.domain.text import MAX_MESSAGE, MAX_NAME, MAX_SHORT, clean_name, clean_text
from kiosk.errors import KioskError, NotFound
from kiosk.i18n import _
from kiosk.services import absences
from kiosk.services.context import Kiosk
from kiosk.services.labels import level_label, moment_label

MAX_NOTE_TEXT = MAX_MESSAGE
"""A note is a few sentences, but a parent's text message noted as a conversation must fit
whole; a longer text belongs in a report."""


MAX_DAYS_BACK = 31
"""A conversation noted later than this is most likely a typing error in its date."""


class QuietMoment(KioskError):
    """A planned moment falls in a quiet moment: staff must confirm it (nothing is planned
    there silently)."""

    cli_option = "--allow-quiet"

    def __init__(self, moment: dt.datetime) -> None:
        self.moment = moment
        super().__init__(_("{moment} is a quiet moment (evening, weekend or holiday): "
                           "confirm to plan it anyway").format(moment=moment_label(moment)))


@dataclass(frozen=True)
class Noted:
    note: Note
    follow_up: FollowUp | None


@dataclass(frozen=True)
class FollowUpRow:
    """A follow-up as one viewer sees it: the note's text only when they may read it."""

    follow_up: FollowUp
    pupils: list[Pupil]
    note: Note | None
    access: Access

    @property
    def text(self) -> str | None:
        return self.note.text if self.note and self.access == Access.READ else None


def pupils_of(kiosk: Kiosk, ids: Iterable[str]) -> list[Pupil]:
    pupils = [kiosk.repos.pupils.get(pupil_id) for pupil_id in ids]
    return [p for p in pupils if p is not None]


def _staff(kiosk: Kiosk, staff_id: str) -> Staff:
    member = kiosk.repos.staff.get(staff_id)
    if member is None:
        raise NotFound(_("no staff member {id!r}").format(id=staff_id))
    return member


def _new_owner(kiosk: Kiosk, staff_id: str, note: Note | None, pupils: list[Pupil]) -> Staff:
    member = _staff(kiosk, staff_id)
    if not member.active:
        raise KioskError(_("{name} no longer works here").format(name=member.name))
    if note is not None and not rules_.may_own(member, note, pupils):
        raise KioskError(_("{name} may not read this conversation (who reads it: {level}): choose someone "
                           "who may, or change who reads it").format(name=member.name, level=level_label(note.level)))
    return member


def default_due(kiosk: Kiosk, at: dt.datetime) -> dt.datetime:
    return rules_.due_time(at, kiosk.calendar, kiosk.config.communication)


def is_quiet(kiosk: Kiosk, moment: dt.datetime) -> bool:
    return rules_.is_quiet(moment, kiosk.calendar, kiosk.config.communication)


def check_planned(kiosk: Kiosk, moment: dt.datetime, *, allow_quiet: bool) -> None:
    """Raises QuietMoment for a moment in a quiet moment, unless staff confirmed it."""
    if is_quiet(kiosk, moment) and not allow_quiet:
        raise QuietMoment(moment)


def owner_suggestions(kiosk: Kiosk, pupils: list[Pupil], who: str, level: str = "class") -> list[Staff]:
    """Who usually owes the answer: the one noting it, the class teachers, care staff, the head
    (only those who may read a note of this level)."""
    draft = Note(pupil_ids=tuple(p.id for p in pupils), text="-", at=kiosk.clock.now(), by_staff=who, level=level)
    active = [s for s in kiosk.repos.staff.all() if rules_.may_own(s, draft, pupils)]
    classes = {p.class_name for p in pupils}
    ordered = ([s for s in active if s.id == who]
               + [s for s in active if s.role == Role.TEACHER and classes & set(s.classes)]
               + [s for s in active if s.role == Role.CARE] + [s for s in active if s.role == Role.HEAD])
    return list({s.id: s for s in ordered}.values())


# -- noting -------------------------------------------------------------------------------------
def add_note(kiosk: Kiosk, pupils: list[Pupil], text: str, who: str, *, at: dt.datetime | None = None,
             where: str = "gate", level: str = "class", guardians: Iterable[str] = (),
             owner: str | None = None, due: dt.datetime | None = None, allow_quiet: bool = False) -> Noted:
    """The note and, with an owner, its follow-up (due by the 48-hour rule unless given),
    saved and audited together. The audit holds who, whom and when: never the text."""
    now = kiosk.clock.now().replace(second=0, microsecond=0)
    at = at or now
    if not pupils:
        raise KioskError(_("choose the pupil first"))
    # a pasted message's lines (joined with ⏎ in the one-line field) are kept as lines
    text = clean_text(with_line_breaks(text), _("the note"), max_length=MAX_NOTE_TEXT, multiline=True, required=True)
    if where not in rules_.PLACES:
        raise KioskError(_("where must be one of: {places}").format(places=", ".join(rules_.PLACES)))
    if level not in rules_.LEVELS:
        raise KioskError(_("level must be one of: {levels}").format(levels=", ".join(rules_.LEVELS)))
    if at > now + dt.timedelta(minutes=5):
        raise KioskError(_("a conversation cannot be in the future"))
    if at < now - dt.timedelta(days=MAX_DAYS_BACK):
        raise KioskError(_("{moment} is more than a month ago: check the date").format(moment=moment_label(at)))
    present = tuple(guardians)
    known = {g.name for p in pupils for g in p.guardians}
    unknown = [name for name in present if name not in known]
    if unknown:
        raise KioskError(_("{name} is not a guardian of this pupil").format(name=unknown[0]))
    note = Note(pupil_ids=tuple(p.id for p in pupils), text=text, at=at, by_staff=who, where=where, level=level,
                guardians=present, created_at=now)
    follow_up = None
    if owner is not None:
        member = _new_owner(kiosk, owner, note, pupils)
        due = due or default_due(kiosk, at)
        if due <= at:
            raise KioskError(_("the follow-up is due before the conversation"))
        check_planned(kiosk, due, allow_quiet=allow_quiet)
        follow_up = FollowUp(note_id=note.id, pupil_ids=note.pupil_ids, owner=member.id, opened=at, due=due,
                             by_staff=who)
    with kiosk.store.transaction():
        kiosk.repos.notes.add(note)
        kiosk.audit(who, "note-add", note=note.id, pupils=",".join(note.pupil_ids), level=level)
        if follow_up:
            kiosk.repos.follow_ups.add(follow_up)
            kiosk.audit(who, "follow-up-add", follow_up=follow_up.id, pupils=",".join(note.pupil_ids),
                        owner=follow_up.owner, due=f"{follow_up.due:%Y-%m-%dT%H:%M}")
    return Noted(note, follow_up)


def add_action_point(kiosk: Kiosk, note: Note, owner: str, what: str, due: dt.datetime, who: str, *,
                     allow_quiet: bool = False) -> FollowUp:
    """A follow-up agreed at a meeting: who does what by when (call inside the note's transaction)."""
    pupils = pupils_of(kiosk, note.pupil_ids)
    member = _new_owner(kiosk, owner, note, pupils)
    what = clean_text(what, _("the action point"), max_length=MAX_SHORT, required=True)
    if due <= note.at:
        raise KioskError(_("the follow-up is due before the conversation"))
    check_planned(kiosk, due, allow_quiet=allow_quiet)
    follow_up = FollowUp(note_id=note.id, pupil_ids=note.pupil_ids, owner=member.id, opened=note.at, due=due,
                         by_staff=who, what=what)
    kiosk.repos.follow_ups.add(follow_up)
    kiosk.audit(who, "follow-up-add", follow_up=follow_up.id, pupils=",".join(note.pupil_ids), owner=member.id,
                due=f"{due:%Y-%m-%dT%H:%M}")
    return follow_up


# -- reading ----------------------------------------------------------------------------------
def _owners_by_note(follow_ups: Iterable[FollowUp]) -> dict[str, set[str]]:
    owners: dict[str, set[str]] = {}
    for follow_up in follow_ups:
        owners.setdefault(follow_up.note_id, set()).add(follow_up.owner)
    return owners


def access(kiosk: Kiosk, viewer: Staff, note: Note, owners: Iterable[str] = ()) -> Access:
    return rules_.note_access(viewer, note, pupils_of(kiosk, note.pupil_ids), owners)


def notes_in_year(kiosk: Kiosk, viewer: Staff, start_year: int, *, pupil_id: str | None = None,
                  author: str | None = None) -> list[tuple[Note, Access]]:
    """The notes of one school year this viewer may know of, newest first."""
    owners = _owners_by_note(kiosk.repos.follow_ups.all())
    found = []
    for note in kiosk.repos.notes.in_year(start_year):
        if (pupil_id and pupil_id not in note.pupil_ids) or (author and note.by_staff != author):
            continue
        seen = access(kiosk, viewer, note, owners.get(note.id, ()))
        if seen != Access.NONE:
            found.append((note, seen))
    return sorted(found, key=lambda item: item[0].at, reverse=True)


def follow_ups(kiosk: Kiosk, viewer: Staff, *, owner: str | None = None, overdue: bool = False,
               include_done: bool = False) -> list[FollowUpRow]:
    """The follow-ups this viewer may see, by due time (open ones unless `include_done`)."""
    now = kiosk.clock.now()
    notes: dict[int, dict[str, Note]] = {}  # per school year, read only when a follow-up needs it

    def note_of(follow_up: FollowUp) -> Note | None:
        year = school_year_of(follow_up.opened.date())
        if year not in notes:
            notes[year] = {n.id: n for n in kiosk.repos.notes.in_year(year)}
        return notes[year].get(follow_up.note_id)

    rows = []
    for follow_up in kiosk.repos.follow_ups.all():
        if (follow_up.done_at and not include_done) or (owner and follow_up.owner != owner):
            continue
        if overdue and not rules_.is_overdue(follow_up, now):
            continue
        pupils = pupils_of(kiosk, follow_up.pupil_ids)
        if not rules_.sees_follow_up(viewer, follow_up, pupils):
            continue
        note = note_of(follow_up)
        seen = rules_.note_access(viewer, note, pupils, {follow_up.owner}) if note else Access.NONE
        rows.append(FollowUpRow(follow_up, pupils, note, seen))
    return sorted(rows, key=lambda r: (r.follow_up.due, r.follow_up.id))


def counts(kiosk: Kiosk, viewer: Staff) -> tuple[int, int]:
    """(open follow-ups this viewer owns, how many of them are overdue)."""
    mine = follow_ups(kiosk, viewer, owner=viewer.id)
    now = kiosk.clock.now()
    return len(mine), sum(rules_.is_overdue(r.follow_up, now) for r in mine)


def _stored(kiosk: Kiosk, follow_up_id: str) -> FollowUp | None:
    found: FollowUp | None = next((f for f in kiosk.repos.follow_ups.all() if f.id == follow_up_id), None)
    return found


def find_follow_up(kiosk: Kiosk, follow_up_id: str) -> FollowUp:
    found = _stored(kiosk, follow_up_id.strip())
    if found is None:
        raise NotFound(_("no follow-up {id!r}").format(id=follow_up_id))
    return found


def note_of(kiosk: Kiosk, follow_up: FollowUp) -> Note | None:
    """The conversation a follow-up answers (None once it was purged)."""
    return next((n for n in kiosk.repos.notes.in_year(school_year_of(follow_up.opened.date()))
                 if n.id == follow_up.note_id), None)


def _may_change(kiosk: Kiosk, follow_up: FollowUp, who: str) -> None:
    """Its owner, care staff and the head (and the command line, run by whoever administers
    the kiosk's files)."""
    member = kiosk.repos.staff.get(who)
    if member and member.id != follow_up.owner and member.role not in (Role.HEAD, Role.CARE):
        raise KioskError(_("only its owner, care staff or the head can change this follow-up"))
    if follow_up.done_at:
        raise KioskError(_("this follow-up was already marked done on {moment}").format(
            moment=moment_label(follow_up.done_at)))


def _current(kiosk: Kiosk, follow_up: FollowUp) -> FollowUp:
    """The follow-up as stored now: another kiosk may have changed it since it was shown."""
    stored = _stored(kiosk, follow_up.id)
    if stored is None:
        raise NotFound(_("this entry no longer exists (removed on another kiosk?)"))
    return stored


def mark_done(kiosk: Kiosk, follow_up: FollowUp, answer: str, who: str) -> FollowUp:
    answer = clean_text(answer, _("the answer"), max_length=MAX_NOTE_TEXT, multiline=True, required=True)
    with kiosk.store.transaction():
        current = _current(kiosk, follow_up)
        _may_change(kiosk, current, who)
        done: FollowUp = replace(current, done_at=kiosk.clock.now().replace(second=0, microsecond=0), done_by=who,
                       answer=answer)
        kiosk.repos.follow_ups.replace(current, done)
        kiosk.audit(who, "follow-up-done", follow_up=done.id, pupils=",".join(done.pupil_ids),
                    late=str(done.done_at is not None and done.done_at > done.due).lower())
    return done


def hand_over(kiosk: Kiosk, follow_up: FollowUp, to: str, who: str) -> FollowUp:
    with kiosk.store.transaction():
        current = _current(kiosk, follow_up)
        _may_change(kiosk, current, who)
        note = note_of(kiosk, current)
        member = _new_owner(kiosk, to, note, pupils_of(kiosk, current.pupil_ids))
        if member.id == current.owner:
            raise KioskError(_("{name} already owns this follow-up").format(name=member.name))
        moved: FollowUp = replace(current, owner=member.id)
        kiosk.repos.follow_ups.replace(current, moved)
        kiosk.audit(who, "follow-up-handover", follow_up=moved.id, pupils=",".join(moved.pupil_ids),
                    old_owner=current.owner, owner=member.id, note=current.note_id,
                    author=note.by_staff if note else "")
    return moved


def hand_over_choices(kiosk: Kiosk, follow_up: FollowUp) -> list[Staff]:
    """Colleagues this follow-up may go to: active, not its owner, allowed to read its note."""
    note = note_of(kiosk, follow_up)
    pupils = pupils_of(kiosk, follow_up.pupil_ids)
    return [s for s in kiosk.repos.staff.all() if s.active and s.id != follow_up.owner
            and (note is None or rules_.may_own(s, note, pupils))]


# -- the pupil's card -----------------------------------------------------------------------------
@dataclass(frozen=True)
class TimelineItem:
    at: dt.datetime
    record: Absence | LateArrival | Note | FollowUp
    access: Access = Access.READ


def timeline(kiosk: Kiosk, viewer: Staff, pupil: Pupil, start_year: int) -> list[TimelineItem]:
    """One school year of conversations, follow-ups, absences and late arrivals of a pupil,
    as far as this viewer may see them, newest first."""
    items = [TimelineItem(dt.datetime.combine(a.start, dt.time()), a)
             for a in absences.pupil_absences(kiosk, pupil.id, start_year)]
    items += [TimelineItem(dt.datetime.combine(x.date, x.time), x)
              for x in kiosk.repos.lates.in_year(start_year) if x.pupil_id == pupil.id]
    items += [TimelineItem(note.at, note, seen)
              for note, seen in notes_in_year(kiosk, viewer, start_year, pupil_id=pupil.id)]
    items += [TimelineItem(f.opened, f) for f in kiosk.repos.follow_ups.all()
              if pupil.id in f.pupil_ids and school_year_of(f.opened.date()) == start_year
              and rules_.sees_follow_up(viewer, f, [pupil])]
    return sorted(items, key=lambda item: item.at, reverse=True)


def care_partners(kiosk: Kiosk, viewer: Staff, pupil: Pupil) -> list[CarePartner] | None:
    """None when this viewer may not see them."""
    if not rules_.sees_care_partners(viewer, pupil):
        return None
    return sorted(partners_of(kiosk, pupil.id), key=lambda p: (p.since or dt.date.min, p.who))


def partners_of(kiosk: Kiosk, pupil_id: str) -> list[CarePartner]:
    return [p for p in kiosk.repos.care_partners.all() if p.pupil_id == pupil_id]


def add_care_partner(kiosk: Kiosk, pupil: Pupil, who: str, *, name: str, discipline: str, frequency: str = "",
                     goal: str = "", since: dt.date | None = None) -> CarePartner:
    if not rules_.edits_care_partners(_staff(kiosk, who)):
        raise KioskError(_("only care staff and the head add care partners"))
    today = kiosk.clock.now().date()
    if since and not today - dt.timedelta(days=366 * 15) <= since <= today:
        raise KioskError(_("since {day}? Give the day the care began (not in the future, and while the pupil "
                           "is a child)").format(day=f"{since:%d/%m/%Y}"))
    partner = CarePartner(pupil_id=pupil.id, who=clean_name(name, _("the care partner"), required=True),
                          discipline=clean_name(discipline, _("the discipline"), required=True),
                          frequency=clean_text(frequency, _("how often"), max_length=MAX_NAME),
                          goal=clean_text(goal, _("the goal"), max_length=MAX_SHORT), since=since, by_staff=who)
    with kiosk.store.transaction():
        kiosk.repos.care_partners.add(partner)
        kiosk.audit(who, "care-partner-add", pupil=pupil.id, partner=partner.id)
    return partner


def remove_care_partner(kiosk: Kiosk, partner: CarePartner, who: str) -> None:
    if not rules_.edits_care_partners(_staff(kiosk, who)):
        raise KioskError(_("only care staff and the head remove care partners"))
    with kiosk.store.transaction():
        kiosk.repos.care_partners.remove([partner])
        kiosk.audit(who, "care-partner-remove", pupil=partner.pupil_id, partner=partner.id)


def without_photo_consent(kiosk: Kiosk, class_name: str) -> list[Pupil]:
    """Before a class activity: who must stay out of the pictures."""
    pupils = [p for p in kiosk.repos.pupils.all() if p.class_name == class_name and not p.photo_consent]
    return sorted(pupils, key=lambda p: (p.last_name.casefold(), p.first_name.casefold()))


def undo_note(kiosk: Kiosk, noted: Noted, who: str) -> int:
    """Take back a note just saved (and its follow-up); the audit trail keeps both.
    Returns how many records were still there to remove."""
    with kiosk.store.transaction():
        if noted.follow_up and _stored(kiosk, noted.follow_up.id) not in (None, noted.follow_up):
            raise KioskError(_("its follow-up was answered or handed over since: the note stays"))
        removed = kiosk.repos.notes.remove([noted.note])
        if noted.follow_up:
            removed += kiosk.repos.follow_ups.remove([noted.follow_up])
        if removed:
            kiosk.audit(who, "note-undo", note=noted.note.id, pupils=",".join(noted.note.pupil_ids))
    return removed
