"""Tables for the terminal, CSV for people in a spreadsheet, JSON for scripts.

- Table and CSV speak the kiosk's language (headers, yes/no); JSON keeps stable English
  keys and real booleans, so scripts do not break when the language changes.
- CSV is what Excel with Belgian settings opens correctly (`;`, UTF-8 with BOM); a cell
  that starts like a formula is shown as text, never run; an id is never read as a number.
- Every text is made printable: a control character stored before the entry checks existed
  cannot steer the terminal or forge a row.
- No phone numbers, ever: callers pass only the columns they mean to export.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kiosk.domain.text import printable
from kiosk.i18n import _

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# What a spreadsheet would turn into a number or a date: 00123, 1/2, 3-4, 1e5, 12,5.
_LOOKS_NUMERIC = re.compile(r"^[\s\d.,/:+\-eE]+$")

Cell = str | bool | int | None


@dataclass(frozen=True)
class Column:
    key: str
    """The JSON key: stable English, for scripts."""
    label: str
    """The header people read (marked with N_, translated when exported)."""
    is_id: bool = False
    """An identifier: kept as text in a spreadsheet, even when it is all digits."""
    words: Mapping[str, str] | None = None
    """For a column of codes (gate, class, overdue): the words people read (marked with N_);
    JSON keeps the code."""


def _text(cell: Cell, column: Column | None = None) -> str:
    if isinstance(cell, bool):
        return _("yes") if cell else _("no")
    if column is not None and column.words and isinstance(cell, str) and cell in column.words:
        return _(column.words[cell])
    return "" if cell is None else printable(str(cell))


def excel_cell(value: str, *, is_id: bool = False) -> str:
    """A name or note starting like a formula is shown as text by Excel, never run; an id
    that looks like a number keeps its leading zeros."""
    if value.startswith(FORMULA_START):
        return "'" + value
    if is_id and value and _LOOKS_NUMERIC.match(value):
        return f'="{value}"'
    return value


def excel_csv(columns: Sequence[Column], rows: Sequence[Sequence[Cell]]) -> str:
    """Semicolon-separated with a BOM: what Excel with Belgian settings opens correctly."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([excel_cell(_(c.label)) for c in columns])
    for row in rows:
        cells = zip(columns, row, strict=True)
        writer.writerow([excel_cell(_text(cell, column), is_id=column.is_id) for column, cell in cells])
    return out.getvalue()


def plain_table(columns: Sequence[Column], rows: Sequence[Sequence[Cell]]) -> str:
    everything = [[_(c.label) for c in columns],
                  *([_text(cell, column) for column, cell in zip(columns, row, strict=True)] for row in rows)]
    widths = [max(len(row[i]) for row in everything) for i in range(len(columns))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in everything
    )


def _json_value(cell: Cell) -> object:
    return printable(cell) if isinstance(cell, str) else cell


def as_json(columns: Sequence[Column], rows: Sequence[Sequence[Cell]]) -> str:
    records = [{c.key: _json_value(cell) for c, cell in zip(columns, row, strict=True)} for row in rows]
    return json.dumps(records, ensure_ascii=False, indent=1)


FORMATS = {"table": plain_table, "csv": excel_csv, "json": as_json}


def render(fmt: str, columns: Sequence[Column], rows: Sequence[Sequence[Cell]]) -> str:
    text = FORMATS[fmt](columns, rows)
    return text if text.endswith("\n") else text + "\n"
