"""Privacy requests (GDPR): everything held on one pupil, for a parent's access request, and
deleting history older than the school keeps it. Both are audited (counts, never content)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.domain.calendar import school_year_bounds, school_year_of
from kiosk.domain.models import AuditEntry, Booking, Invitation, Pupil, Reply
from kiosk.errors import KioskError
from kiosk.i18n import N_, _
from kiosk.services import absences
from kiosk.services.context import Kiosk
from kiosk.services.files import write_audited
from kiosk.store.backup import create_backup
from kiosk.store.codec import to_doc
from kiosk.store.repo import YearRecords


def pupil_data(kiosk: Kiosk, pupil: Pupil) -> dict[str, Any]:
    """Every record about the pupil, in every school year, with the guardians' contact
    details (this answers their own request) and the names of the staff involved."""
    years = kiosk.store.year_starts()
    repos = kiosk.repos

    family = {pupil.id, *(p.id for p in absences.siblings(kiosk, pupil))}

    def of_pupil(records: YearRecords) -> list[Any]:
        found = [r for year in years for r in records.in_year(year)
                 if getattr(r, "pupil_id", None) == pupil.id or pupil.id in getattr(r, "pupil_ids", ())]
        return [_without_others(to_doc(r), pupil, family) for r in found]

    audit = [_audit_doc(e, family) for year in years for e in repos.audit.in_year(year)
             if pupil.id in (e.fact("pupil"), *e.fact("pupils").split(","))]
    data = {
        "exported_at": kiosk.clock.now().isoformat(timespec="minutes"),
        "school": kiosk.config.school.name,
        "pupil": to_doc(pupil),
        "absences": of_pupil(repos.absences),
        "late_arrivals": of_pupil(repos.lates),
        "conversations": of_pupil(repos.notes),
        "follow_ups": [_without_others(to_doc(f), pupil, family) for f in repos.follow_ups.all()
                       if pupil.id in f.pupil_ids],
        "care_partners": [to_doc(p) for p in repos.care_partners.all() if p.pupil_id == pupil.id],
        "meeting_reply_slips": of_pupil(repos.replies),
        "meetings": of_pupil(repos.bookings),
        "class_app_invitations": [_invitation_doc(i, pupil, family) for i in repos.invitations.all()
                                  if pupil.id in i.pupil_ids],
        "audit_trail": audit,
    }
    mentioned = {value for record in _records(data) for key, value in record.items()
                 if key in ("by_staff", "owner", "done_by", "who") and isinstance(value, str)}
    data["staff"] = {s.id: s.name for s in repos.staff.all() if s.id in mentioned}
    return data


WITHHELD = N_("(withheld: also about a pupil of another family; the school reviews it before handing it out)")


def _audit_doc(entry: AuditEntry, family: set[str]) -> dict[str, Any]:
    """An audit line with only this family's pupils in it."""
    doc: dict[str, Any] = to_doc(entry)
    doc["facts"] = [[name, ",".join(i for i in value.split(",") if i in family) if name == "pupils" else value]
                    for name, value in entry.facts]
    return doc


def _invitation_doc(invitation: Invitation, pupil: Pupil, family: set[str]) -> dict[str, Any]:
    """When the household's letter was printed (code version, language) and when it joined;
    not the household key (the kiosk's own way of telling households apart)."""
    doc = _without_others(to_doc(invitation), pupil, family)
    doc.pop("household_key", None)
    return doc


def _without_others(doc: dict[str, Any], pupil: Pupil, family: set[str]) -> dict[str, Any]:
    """A record also about a child of another family: only this pupil's id, and no text
    (it may tell about that child; the school decides by hand what of it to hand out)."""
    ids = doc.get("pupil_ids")
    if not isinstance(ids, list) or set(ids) <= family:
        return doc
    doc = {**doc, "pupil_ids": [pupil.id]}
    if isinstance(doc.get("guardians"), list):
        doc["guardians"] = [name for name in doc["guardians"] if name in {g.name for g in pupil.guardians}]
    for key in ("text", "answer"):
        if doc.get(key):
            doc[key] = _(WITHHELD)
    return doc


def _records(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [r for value in data.values() if isinstance(value, list) for r in value if isinstance(r, dict)]


def export_pupil(kiosk: Kiosk, pupil: Pupil, out: Path, who: str) -> tuple[Path, dict[str, int]]:
    """Writes the pupil's data as JSON to a new owner-only file; returns it and the counts."""
    data = pupil_data(kiosk, pupil)
    counts = {key: len(value) for key, value in data.items() if isinstance(value, list)}
    payload = json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")
    return write_audited(kiosk, out, payload, who, "export-pupil", pupil=pupil.id, records=sum(counts.values())), counts


# -- deleting old history ------------------------------------------------------------------------
@dataclass(frozen=True)
class Purge:
    notes_before: dt.date
    absences_before: dt.date
    notes: int = 0
    follow_ups: int = 0
    absences: int = 0
    late_arrivals: int = 0
    meetings: int = 0
    """Reply slips and meetings of parent evenings and care meetings, kept as long as absences."""
    invitations: int = 0
    """Class app letters and joins, kept as long as conversations."""

    @property
    def total(self) -> int:
        return self.notes + self.follow_ups + self.absences + self.late_arrivals + self.meetings + self.invitations


def retention_dates(kiosk: Kiosk) -> tuple[dt.date, dt.date]:
    """The first day kept for notes and for absences: the start of the oldest school year
    the school keeps (retention in config.toml)."""
    this_year = school_year_of(kiosk.clock.now().date())
    keep = kiosk.config.retention
    return (school_year_bounds(this_year - keep.notes_school_years + 1)[0],
            school_year_bounds(this_year - keep.absences_school_years + 1)[0])


def _older(records: YearRecords, years: list[int], before: dt.date, day_of: str) -> list[Any]:
    def day(record: Any) -> dt.date:
        value = getattr(record, day_of)
        return value.date() if isinstance(value, dt.datetime) else value

    return [r for year in years if year <= school_year_of(before) for r in records.in_year(year) if day(r) < before]


def purge(kiosk: Kiosk, who: str, *, notes_before: dt.date, absences_before: dt.date, dry_run: bool) -> Purge:
    """Delete conversations and answered follow-ups older than `notes_before`, absences and
    late arrivals older than `absences_before`; a backup first. With `dry_run`, only count.
    A follow-up still owed stays, with its note. Dates within what the school keeps are refused."""
    kept_notes, kept_absences = retention_dates(kiosk)
    for before, kept, what in ((notes_before, kept_notes, _("conversations")),
                               (absences_before, kept_absences, _("absences"))):
        if before > kept:
            raise KioskError(_("the school keeps {what} from {day} on (retention in config.toml): choose that day "
                               "or an earlier one").format(what=what, day=kept.isoformat()))
    years = kiosk.store.year_starts()
    repos = kiosk.repos
    still_owed = [f for f in repos.follow_ups.all() if f.done_at is None]  # kept, with their notes, until answered
    owed_notes = {f.note_id for f in still_owed}
    found = {
        "notes": [n for n in _older(repos.notes, years, notes_before, "at") if n.id not in owed_notes],
        "follow_ups": [f for f in repos.follow_ups.all() if f.opened.date() < notes_before and f.done_at],
        "absences": _older(repos.absences, years, absences_before, "start"),
        "late_arrivals": _older(repos.lates, years, absences_before, "date"),
        "meetings": [*_older(repos.replies, years, absences_before, "day"),
                     *_older(repos.bookings, years, absences_before, "day")],
        "invitations": [i for i in repos.invitations.all()
                        if (i.printed_on or i.joined_on or notes_before) < notes_before],
    }
    result = Purge(notes_before, absences_before, **{key: len(value) for key, value in found.items()})
    if dry_run or not result.total:
        return result
    create_backup(kiosk.store, kiosk.clock.now(), label="before-purge", keep=kiosk.config.backup.keep)
    with kiosk.store.transaction():
        repos.notes.remove(found["notes"])
        repos.follow_ups.remove(found["follow_ups"])
        repos.absences.remove(found["absences"])
        repos.lates.remove(found["late_arrivals"])
        repos.replies.remove([r for r in found["meetings"] if isinstance(r, Reply)])
        repos.bookings.remove([b for b in found["meetings"] if isinstance(b, Booking)])
        repos.invitations.remove(found["invitations"])
        kiosk.audit(who, "purge", notes_before=notes_before.isoformat(), absences_before=absences_before.isoformat(),
                    notes=result.notes, follow_ups=result.follow_ups, absences=result.absences,
                    late_arrivals=result.late_arrivals, meetings=result.meetings, invitations=result.invitations)
    return result
