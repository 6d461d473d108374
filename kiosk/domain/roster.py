"""The pupil list as a school exports it from its administration package (CSV).

Parsing is all-or-nothing: the caller gets every pupil or a list of errors with line
numbers, never half a roster.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from kiosk.domain.models import Guardian, Pupil
from kiosk.domain.text import fold
from kiosk.i18n import _

# Accepted headers (folded, spaces and dashes as "_"), Dutch and English.
PUPIL_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("leerling_id", "stamnummer", "id", "pupil_id"),
    "first_name": ("voornaam", "first_name", "firstname"),
    "last_name": ("achternaam", "familienaam", "last_name", "lastname", "surname"),
    "class_name": ("klas", "class", "group"),
    "birth_date": ("geboortedatum", "birth_date", "date_of_birth"),
    "home_language": ("thuistaal", "taal", "home_language", "language"),
    "photo_consent": ("foto_toestemming", "fototoestemming", "photo_consent"),
}
REQUIRED = ("id", "first_name", "last_name", "class_name")
GUARDIAN_FIELDS: dict[str, tuple[str, ...]] = {
    "name": ("naam", "name"),
    "phone": ("telefoon", "gsm", "phone"),
    "email": ("email", "e_mail", "mail"),
    "household": ("gezin", "household"),
    "language": ("taal", "language"),
}
_GUARDIAN_RE = re.compile(r"^(ouder|verzorger|guardian|parent)_?(\d)_(\w+)$")
_CLASS_RE = re.compile(r"^[A-Z0-9]{1,6}$")
_LANG_RE = re.compile(r"^[a-z]{2}$")
_YES = {"ja", "j", "yes", "y", "1", "true", "x"}
_NO = {"nee", "n", "no", "0", "false", ""}
ENCODINGS = ("utf-8-sig", "cp1252")


@dataclass(frozen=True)
class RosterError:
    line: int
    message: str

    def __str__(self) -> str:
        return _("line {line}: {message}").format(line=self.line, message=self.message)


@dataclass
class ParsedRoster:
    pupils: list[Pupil] = field(default_factory=list)
    errors: list[RosterError] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    has_guardians: bool = False
    """False when the file has no guardian columns at all: it says nothing about them."""
    encoding: str = ""
    delimiter: str = ""


def decode(raw: bytes) -> tuple[str, str]:
    """UTF-8 (with or without BOM) first; cp1252 is what Excel on Windows saves."""
    for encoding in ENCODINGS:
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise AssertionError("cp1252 decodes almost anything")  # pragma: no cover


def _normalise_header(header: str) -> str:
    return re.sub(r"[\s\-]+", "_", fold(header.strip()))


def _column_map(headers: list[str]) -> tuple[dict[int, tuple[str, ...]], list[str], list[str]]:
    """Map column index → ("pupil", field) or ("guardian", n, field); list unknown/missing."""
    mapping: dict[int, tuple[str, ...]] = {}
    ignored: list[str] = []
    for index, header in enumerate(headers):
        key = _normalise_header(header)
        pupil_field = next((f for f, names in PUPIL_COLUMNS.items() if key in names), None)
        match = _GUARDIAN_RE.match(key)
        guardian_field = match and next(
            (f for f, names in GUARDIAN_FIELDS.items() if match.group(3) in names), None
        )
        if pupil_field:
            mapping[index] = ("pupil", pupil_field)
        elif match and guardian_field:
            mapping[index] = ("guardian", match.group(2), guardian_field)
        else:
            ignored.append(header)
    found = {target[1] for target in mapping.values() if target[0] == "pupil"}
    missing = [f for f in REQUIRED if f not in found]
    return mapping, ignored, missing


def parse_roster(raw: bytes) -> ParsedRoster:
    text, encoding = decode(raw)
    result = ParsedRoster(encoding=encoding)
    if not text.strip():
        result.errors.append(RosterError(1, _("the file is empty")))
        return result
    first_line = text.splitlines()[0]
    result.delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=result.delimiter)
    headers = next(rows)
    mapping, result.ignored_columns, missing = _column_map(headers)
    result.has_guardians = any(target[0] == "guardian" for target in mapping.values())
    if missing:
        names = ", ".join(PUPIL_COLUMNS[f][0] for f in missing)
        result.errors.append(RosterError(1, _("missing column(s): {names}").format(names=names)))
        return result
    seen: dict[str, int] = {}
    for row in rows:
        line = rows.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(headers):
            result.errors.append(
                RosterError(line, _("expected {expected} fields, found {found}").format(
                    expected=len(headers), found=len(row)))
            )
            continue
        pupil, errors = _parse_row(row, mapping)
        if pupil and pupil.id in seen:
            errors.append(_("pupil id {id} also on line {line}").format(id=pupil.id, line=seen[pupil.id]))
        if errors:
            result.errors.extend(RosterError(line, message) for message in errors)
        elif pupil:
            seen[pupil.id] = line
            result.pupils.append(pupil)
    if not result.pupils and not result.errors:
        result.errors.append(RosterError(2, _("no pupils in the file")))
    return result


def _parse_row(row: list[str], mapping: dict[int, tuple[str, ...]]) -> tuple[Pupil | None, list[str]]:
    errors: list[str] = []
    values: dict[str, str] = {}
    guardians: dict[str, dict[str, str]] = {}
    for index, target in mapping.items():
        cell = row[index].strip()
        if target[0] == "pupil":
            values[target[1]] = cell
        elif cell:
            guardians.setdefault(target[1], {})[target[2]] = cell
    for name in REQUIRED:
        if not values.get(name):
            errors.append(_("{column} is empty").format(column=PUPIL_COLUMNS[name][0]))
    class_name = values.get("class_name", "").upper().replace(" ", "")
    if class_name and not _CLASS_RE.match(class_name):
        errors.append(_("class {text!r} is not a class name like 3B or K2").format(text=values["class_name"]))
    birth_date = _parse_date(values.get("birth_date", ""), errors)
    consent = _parse_consent(values.get("photo_consent", ""), errors)
    language = values.get("home_language", "").lower() or "nl"
    if not _LANG_RE.match(language):
        errors.append(
            _("home language {text!r} is not a two-letter code like nl or fr").format(text=language))
    parsed_guardians = [_parse_guardian(n, g, errors) for n, g in sorted(guardians.items())]
    if errors:
        return None, errors
    pupil = Pupil(
        id=values["id"],
        first_name=values["first_name"],
        last_name=values["last_name"],
        class_name=class_name,
        birth_date=birth_date,
        home_language=language,
        photo_consent=consent,
        guardians=tuple(g for g in parsed_guardians if g),
    )
    return pupil, errors


def _parse_date(value: str, errors: list[str]) -> dt.date | None:
    if not value:
        return None
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    errors.append(_("birth date {text!r} is not a date (DD/MM/YYYY or YYYY-MM-DD)").format(text=value))
    return None


def _parse_consent(value: str, errors: list[str]) -> bool:
    folded = fold(value)
    if folded in _YES:
        return True
    if folded not in _NO:
        errors.append(_("photo consent {text!r} must be ja or nee").format(text=value))
    return False


def _parse_guardian(number: str, values: dict[str, str], errors: list[str]) -> Guardian | None:
    if not values.get("name"):
        errors.append(_("guardian {n} has details but no name").format(n=number))
        return None
    email = values.get("email", "")
    if email and ("@" not in email or " " in email):
        errors.append(
            _("guardian {n} e-mail {email!r} is not an e-mail address").format(n=number, email=email))
    household = values.get("household", "1")
    if not household.isdigit():
        errors.append(_("guardian {n} household {text!r} must be a number").format(n=number, text=household))
        household = "1"
    return Guardian(
        name=values["name"],
        phone=values.get("phone", ""),
        email=email,
        household=int(household),
        language=values.get("language", "nl").lower(),
    )


@dataclass
class RosterChanges:
    """What a re-import does, for the report and for the audit trail."""

    added: list[Pupil] = field(default_factory=list)
    changed: list[Pupil] = field(default_factory=list)
    left: list[Pupil] = field(default_factory=list)
    returned: list[Pupil] = field(default_factory=list)
    unchanged: int = 0

    @property
    def to_save(self) -> list[Pupil]:
        return self.added + self.changed + self.left + self.returned


def compare_roster(existing: Iterable[Pupil], incoming: list[Pupil], today: dt.date, *,
                   keep_guardians: bool = False) -> RosterChanges:
    """Update by pupil id; pupils missing from the file are marked as left, never deleted.
    With `keep_guardians` (a file without guardian columns) known guardians stay."""
    current = {p.id: p for p in existing}
    changes = RosterChanges()
    for pupil in incoming:
        old = current.pop(pupil.id, None)
        if old is not None and keep_guardians:
            pupil = replace(pupil, guardians=old.guardians)
        if old is None:
            changes.added.append(pupil)
        elif old.left_on is not None:
            changes.returned.append(pupil)
        elif old != pupil:
            changes.changed.append(pupil)
        else:
            changes.unchanged += 1
    changes.left = [replace(p, left_on=today) for p in current.values() if p.left_on is None]
    return changes
