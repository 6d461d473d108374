"""Typed repositories over TinyDB tables. Screens and services never build queries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TypeVar

from tinydb import Query
from tinydb.table import Table

from kiosk.domain.calendar import school_year_of
from kiosk.domain.models import (
    Absence,
    AuditEntry,
    Booking,
    CarePartner,
    ClassCode,
    FollowUp,
    Invitation,
    LateArrival,
    Note,
    Pupil,
    Reply,
    Round,
    Staff,
)
from kiosk.errors import CorruptFile, NotFound
from kiosk.i18n import _
from kiosk.store.codec import BadRecord, from_doc, to_doc
from kiosk.store.layout import SCHOOL_FILE
from kiosk.store.storage import Store

PUPILS, STAFF, CARE_PARTNERS, FOLLOW_UPS = "pupils", "staff", "care_partners", "follow_ups"
ABSENCES, LATES, NOTES, AUDIT = "absences", "lates", "notes", "audit"
ROUNDS, REPLIES, BOOKINGS = "rounds", "replies", "bookings"
CLASS_CODES, INVITATIONS = "class_codes", "invitations"
# The record type of every table: each record is checked against it when a file is read.
SCHOOL_TABLES: dict[str, type] = {PUPILS: Pupil, STAFF: Staff, CARE_PARTNERS: CarePartner, FOLLOW_UPS: FollowUp,
                                   CLASS_CODES: ClassCode, INVITATIONS: Invitation}
YEAR_TABLES: dict[str, type] = {ABSENCES: Absence, LATES: LateArrival, NOTES: Note, AUDIT: AuditEntry,
                                 ROUNDS: Round, REPLIES: Reply, BOOKINGS: Booking}

T = TypeVar("T")


def _bad_record(path: Path, table: str, doc_id: object, problem: object) -> str:
    return _("record {n} of {table} is not valid ({problem})").format(n=doc_id, table=table, problem=problem)


def convert(store: Store, path: Path, table: str, cls: type[T], docs: Iterable[Any]) -> list[T]:
    """Records as dataclasses; one that does not fit makes the whole file damaged (named)."""
    out = []
    for doc in docs:
        try:
            out.append(from_doc(cls, doc))
        except BadRecord as exc:
            raise store.corrupt(path, _bad_record(path, table, getattr(doc, "doc_id", "?"), exc)) from None
    return out


def validate_file(path: Path, data: dict[str, Any]) -> None:
    """Every record of every known table of a decoded data file; raises CorruptFile."""
    tables = SCHOOL_TABLES if path.name == SCHOOL_FILE else YEAR_TABLES
    for name, cls in tables.items():
        for doc_id, doc in data.get(name, {}).items():
            try:
                from_doc(cls, doc)
            except BadRecord as exc:
                raise CorruptFile(path, _bad_record(path, name, doc_id, exc)) from None


class PupilRepo:
    """All pupils, converted once per change of school.json."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._table = store.school.table(PUPILS)
        self._cache: tuple[Any, dict[str, Pupil]] | None = None
        self.revision = 0
        """Grows each time the pupils were reloaded; lets callers rebuild derived data."""

    def _by_id(self) -> dict[str, Pupil]:
        storage = self.store.storage_of(self.store.school)
        storage.read()  # notices another process's write
        version = storage.version
        if self._cache is None or version is None or self._cache[0] != version:
            pupils = convert(self.store, storage.path, PUPILS, Pupil, self._table.all())
            self._cache = (version, {p.id: p for p in pupils})
            self.revision += 1
        return self._cache[1]

    def all(self, *, include_left: bool = False) -> list[Pupil]:
        pupils = self._by_id().values()
        return [p for p in pupils if include_left or p.active]

    def get(self, pupil_id: str) -> Pupil | None:
        return self._by_id().get(pupil_id)

    def save_many(self, pupils: Iterable[Pupil]) -> None:
        """Insert or update by pupil id, in one read-modify-write of the table."""
        docs = {p.id: to_doc(p) for p in pupils}
        if not docs:
            return

        def update(table: dict[int, Any]) -> None:
            for doc_id, doc in list(table.items()):
                if doc["id"] in docs:
                    table[doc_id] = docs.pop(doc["id"])
            next_id = max(table, default=0) + 1
            for offset, doc in enumerate(docs.values()):
                table[next_id + offset] = doc

        with self.store.transaction():
            self._table._update_table(update)


class StaffRepo:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._table = store.school.table(STAFF)

    def all(self) -> list[Staff]:
        path = self.store.storage_of(self.store.school).path
        staff = convert(self.store, path, STAFF, Staff, self._table.all())
        return sorted(staff, key=lambda s: s.name.casefold())

    def get(self, staff_id: str) -> Staff | None:
        doc = self._table.get(Query().id == staff_id)
        if not isinstance(doc, dict):
            return None
        path = self.store.storage_of(self.store.school).path
        return convert(self.store, path, STAFF, Staff, [doc])[0]

    def save(self, staff: Staff) -> None:
        with self.store.transaction():
            self._table.upsert(to_doc(staff), Query().id == staff.id)


class SchoolRecords:
    """Records kept in the school file, whatever the school year: few, and needed until
    they are dealt with (a follow-up still owed, a care partner still working)."""

    def __init__(self, store: Store, table: str, cls: type) -> None:
        self.store, self.table_name, self.cls = store, table, cls
        self._table = store.school.table(table)
        self._cache: tuple[Any, list[Any]] | None = None

    def all(self) -> list[Any]:
        """Converted once per change of the school file."""
        storage = self.store.storage_of(self.store.school)
        storage.read()
        if self._cache is None or storage.version is None or self._cache[0] != storage.version:
            self._cache = (storage.version, convert(self.store, storage.path, self.table_name, self.cls,
                                                    self._table.all()))
        return list(self._cache[1])

    def add(self, record: Any) -> None:
        self.add_many([record])

    def add_many(self, records: Iterable[Any]) -> None:
        with self.store.transaction():
            self._table.insert_multiple(to_doc(r) for r in records)

    def replace(self, old: Any, new: Any) -> None:
        with self.store.transaction():
            if not self._table.remove(Query().id == old.id):
                raise NotFound(_("this entry no longer exists (removed on another kiosk?)"))
            self.add(new)

    def remove(self, records: Iterable[Any]) -> int:
        ids = [r.id for r in records]
        if not ids:
            return 0
        with self.store.transaction():
            return len(self._table.remove(Query().id.one_of(ids)))


class YearRecords:
    """Records that accumulate, each stored in the file of its own school year."""

    def __init__(self, store: Store, table: str, cls: type, date_field: str) -> None:
        self.store, self.table, self.cls, self.date_field = store, table, cls, date_field
        self._cache: dict[int, tuple[Any, list[Any]]] = {}

    def _table(self, start_year: int) -> Table:
        return self.store.year(start_year).table(self.table)

    def year_of(self, record: Any) -> int:
        day = getattr(record, self.date_field)
        return school_year_of(day.date() if isinstance(day, dt.datetime) else day)

    def add(self, record: Any) -> None:
        self.add_many([record])

    def add_many(self, records: Iterable[Any]) -> None:
        by_year: dict[int, list[dict[str, Any]]] = {}
        for record in records:
            by_year.setdefault(self.year_of(record), []).append(to_doc(record))
        with self.store.transaction():
            for start_year, docs in by_year.items():
                self._table(start_year).insert_multiple(docs)

    def replace(self, old: Any, new: Any) -> None:
        """Swap a record for its edited version (it may move to another school year)."""
        with self.store.transaction():
            if not self._table(self.year_of(old)).remove(Query().id == old.id):
                raise NotFound(_("this entry no longer exists (removed on another kiosk?)"))
            self.add(new)

    def remove(self, records: Iterable[Any]) -> int:
        removed = 0
        with self.store.transaction():
            for record in records:
                removed += len(self._table(self.year_of(record)).remove(Query().id == record.id))
        return removed

    def in_year(self, start_year: int) -> list[Any]:
        """Every record of one school year, converted once per change of its file."""
        storage = self.store.storage_of(self.store.year(start_year))
        if storage.read() is None:  # no file yet, and nothing written in this transaction
            return []
        cached = self._cache.get(start_year)
        if cached is None or storage.version is None or cached[0] != storage.version:
            records: list[Any] = convert(self.store, storage.path, self.table, self.cls,
                                         self._table(start_year).all())
            cached = (storage.version, records)
            self._cache[start_year] = cached
        return list(cached[1])


class Repos:
    """Every repository of one store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.pupils = PupilRepo(store)
        self.staff = StaffRepo(store)
        self.absences = YearRecords(store, ABSENCES, Absence, "start")
        self.lates = YearRecords(store, LATES, LateArrival, "date")
        self.notes = YearRecords(store, NOTES, Note, "at")
        self.follow_ups = SchoolRecords(store, FOLLOW_UPS, FollowUp)
        self.care_partners = SchoolRecords(store, CARE_PARTNERS, CarePartner)
        self.class_codes = SchoolRecords(store, CLASS_CODES, ClassCode)
        self.invitations = SchoolRecords(store, INVITATIONS, Invitation)
        self.audit = YearRecords(store, AUDIT, AuditEntry, "at")
        self.rounds = YearRecords(store, ROUNDS, Round, "first_day")
        self.replies = YearRecords(store, REPLIES, Reply, "day")
        self.bookings = YearRecords(store, BOOKINGS, Booking, "day")
