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
from kiosk.domain.text import clean_name, clean_text, fold
from kiosk.errors import TextRefused
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
# How errors name a column: its Dutch header, as the administration package writes it.
COLUMN_LABELS = {field: names[0] for field, names in PUPIL_COLUMNS.items()} | {
    "name": "ouder_naam", "phone": "ouder_telefoon", "email": "ouder_email", "household": "ouder_gezin",
    "language": "ouder_taal"}
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
# Longest text per column (the administration package's fields are shorter still).
MAX_LENGTHS = {"id": 40, "email": 120, "phone": 40, "household": 3, "language": 5}


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
    columns: frozenset[str] = frozenset()
    """The pupil fields the file has columns for; a re-import keeps the others as known."""
    encoding: str = ""
    delimiter: str = ""


class MixedEncoding(ValueError):
    """Some lines are UTF-8 and others are not: importing it would garble names."""

    def __init__(self, lines: list[int]) -> None:
        super().__init__(lines)
        self.lines = lines


def decode(raw: bytes) -> tuple[str, str]:
    """UTF-8 (with or without BOM) first; cp1252 is what Excel on Windows saves. A file with
    both (lines of UTF-8 and lines that are not) raises MixedEncoding with the bad lines."""
    try:
        return raw.decode("utf-8-sig"), "utf-8-sig"
    except UnicodeDecodeError:
        pass
    lines = raw.split(b"\n")
    utf8_lines = [n for n, line in enumerate(lines, 1) if not line.isascii() and _is_utf8(line)]
    other_lines = [n for n, line in enumerate(lines, 1) if not _is_utf8(line)]
    if utf8_lines and other_lines:
        raise MixedEncoding(other_lines)
    return raw.decode("cp1252", errors="replace"), "cp1252"


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


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
    """All or nothing: every pupil, or every bad line with its number and reason."""
    try:
        text, encoding = decode(raw)
    except MixedEncoding as exc:
        result = ParsedRoster()
        for line in exc.lines:
            result.errors.append(RosterError(line, _(
                "this line is not UTF-8 while others are: save the whole file again as "
                "UTF-8 (CSV UTF-8 in Excel)")))
        return result
    if "\x00" in text:
        return ParsedRoster(errors=[RosterError(1, _("this is not a text (CSV) file"))])
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
    result.columns = frozenset(target[1] for target in mapping.values() if target[0] == "pupil")
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
        key = pupil.id.casefold() if pupil else ""
        if pupil and key in seen:  # ids are unique whatever their case: p1 is P1
            errors.append(_("pupil id {id} also on line {line}").format(id=pupil.id, line=seen[key]))
        if errors:
            result.errors.extend(RosterError(line, message) for message in errors)
        elif pupil:
            seen[key] = line
            result.pupils.append(pupil)
    if not result.pupils and not result.errors:
        result.errors.append(RosterError(2, _("no pupils in the file")))
    return result


def _parse_row(row: list[str], mapping: dict[int, tuple[str, ...]]) -> tuple[Pupil | None, list[str]]:
    errors: list[str] = []
    values: dict[str, str] = {}
    guardians: dict[str, dict[str, str]] = {}
    refused: set[str] = set()
    for index, target in mapping.items():
        try:
            cell = _cell(row[index], target[-1])
        except TextRefused as exc:
            errors.append(str(exc))
            refused.add(target[-1])
            continue
        if target[0] == "pupil":
            values[target[1]] = cell
        elif cell:
            guardians.setdefault(target[1], {})[target[2]] = cell
    for name in REQUIRED:
        if not values.get(name) and name not in refused:
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


def _cell(value: str, field: str) -> str:
    """One cell, cleaned: names and other text refuse control and invisible characters."""
    label = COLUMN_LABELS.get(field, field)
    if field in MAX_LENGTHS:
        return clean_text(value, label, max_length=MAX_LENGTHS[field])
    return clean_name(value, label, required=False)


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


OPTIONAL_FIELDS = ("birth_date", "home_language", "photo_consent")


def compare_roster(existing: Iterable[Pupil], incoming: list[Pupil], today: dt.date, *,
                   keep_guardians: bool = False, columns: frozenset[str] | None = None) -> RosterChanges:
    """Update by pupil id (whatever its case); pupils missing from the file are marked as
    left, never deleted. A file without guardian columns (`keep_guardians`) or without an
    optional column (not in `columns`) keeps what is known of it."""
    current = {p.id.casefold(): p for p in existing}
    changes = RosterChanges()
    for pupil in incoming:
        old = current.pop(pupil.id.casefold(), None)
        if old is not None:
            kept: dict[str, object] = {name: getattr(old, name) for name in OPTIONAL_FIELDS
                                       if columns is not None and name not in columns}
            if keep_guardians:
                kept["guardians"] = old.guardians
            pupil = replace(pupil, id=old.id, **kept)  # type: ignore[arg-type]
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
