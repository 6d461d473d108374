"""The roster: import from the administration package's CSV, and listing."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kiosk.domain.models import Pupil
from kiosk.domain.roster import ParsedRoster, RosterChanges, compare_roster, parse_roster
from kiosk.domain.search import PupilIndex
from kiosk.errors import KioskError
from kiosk.i18n import _
from kiosk.services.context import Kiosk


@dataclass
class ImportReport:
    parsed: ParsedRoster
    changes: RosterChanges = field(default_factory=RosterChanges)
    saved: bool = False
    many_leaving: bool = False
    """More pupils leave than a normal re-import would make leave."""

    @property
    def ok(self) -> bool:
        return not self.parsed.errors


def read_upload(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise KioskError(_("cannot read {path}: {reason}").format(path=path, reason=exc.strerror)) from None


# More pupils than this leaving in one import is more likely a partial file than a new year.
MAX_LEAVING_SHARE = 0.25


def import_roster(kiosk: Kiosk, raw: bytes, *, who: str, dry_run: bool = False,
                  allow_many_leaving: bool = False) -> ImportReport:
    """All or nothing: with any error the store is not touched."""
    report = ImportReport(parse_roster(raw))
    if not report.ok:
        return report
    today = kiosk.clock.now().date()
    with kiosk.store.transaction():
        existing = kiosk.repos.pupils.all(include_left=True)
        report.changes = compare_roster(existing, report.parsed.pupils, today,
                                        keep_guardians=not report.parsed.has_guardians,
                                        columns=report.parsed.columns)
        active = sum(1 for p in existing if p.active)
        report.many_leaving = len(report.changes.left) > max(5, MAX_LEAVING_SHARE * active)
        if dry_run:
            return report
        if report.many_leaving and not allow_many_leaving:
            raise KioskError(_("{n} of {total} pupils are not in this file and would be marked as "
                               "left; is it the whole school? If so, add --allow-many-leaving").format(
                n=len(report.changes.left), total=active))
        kiosk.repos.pupils.save_many(report.changes.to_save)
        c = report.changes
        kiosk.audit(who, "roster-import", added=len(c.added), changed=len(c.changed), left=len(c.left),
                    returned=len(c.returned))
    report.saved = True
    return report


def list_pupils(kiosk: Kiosk, class_name: str | None = None, *, include_left: bool = False) -> list[Pupil]:
    """By class and name; pupils who left only with `include_left` (their history stays)."""
    pupils = kiosk.repos.pupils.all(include_left=include_left)
    if class_name:
        wanted = class_name.strip().upper()
        pupils = [p for p in pupils if p.class_name == wanted]
    return sorted(pupils, key=lambda p: (p.class_name, p.last_name.casefold(), p.first_name.casefold()))


def get_pupil(kiosk: Kiosk, pupil_id: str) -> Pupil | None:
    """A pupil by id, also one who has left (their history stays)."""
    return kiosk.repos.pupils.get(pupil_id)


def by_ids(kiosk: Kiosk, ids: list[str]) -> list[Pupil]:
    """The pupils with these ids, in that order (unknown ids are skipped)."""
    found = (kiosk.repos.pupils.get(pupil_id) for pupil_id in ids)
    return [p for p in found if p is not None]


def class_names(kiosk: Kiosk) -> list[str]:
    return sorted({p.class_name for p in kiosk.repos.pupils.all()})


def known_class(kiosk: Kiosk, class_name: str) -> str:
    """The class as stored ("l3b" → "L3B"); a class the school does not have is refused with
    the ones it has, rather than listed as empty."""
    wanted = class_name.strip().upper()
    known = sorted({p.class_name for p in kiosk.repos.pupils.all(include_left=True)})
    if wanted not in known:
        raise KioskError(_("there is no class {name!r}; the classes are: {classes}").format(
            name=class_name, classes=", ".join(known)))
    return wanted


class PupilFinder:
    """The search index over current pupils, rebuilt only when the roster changed."""

    def __init__(self, kiosk: Kiosk) -> None:
        self.kiosk = kiosk
        self._index: PupilIndex | None = None
        self._revision = -1

    def index(self) -> PupilIndex:
        pupils = self.kiosk.repos.pupils.all()
        if self._index is None or self._revision != self.kiosk.repos.pupils.revision:
            self._index = PupilIndex(pupils)
            self._revision = self.kiosk.repos.pupils.revision
        return self._index
