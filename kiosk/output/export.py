"""Tables for the terminal, CSV for Excel (Belgian settings) and JSON. No phone numbers, ever:
callers pass only the columns they mean to export."""

from __future__ import annotations

import csv
import io
import json

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def excel_cell(value: str) -> str:
    """A name or note starting like a formula is shown as text by Excel, never run."""
    return "'" + value if value.startswith(FORMULA_START) else value


def excel_csv(header: list[str], rows: list[list[str]]) -> str:
    """Semicolon-separated with a BOM: what Excel with Belgian settings opens correctly."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerows([header, *([excel_cell(cell) for cell in row] for row in rows)])
    return out.getvalue()


def plain_table(header: list[str], rows: list[list[str]]) -> str:
    everything = [header, *rows]
    widths = [max(len(row[i]) for row in everything) for i in range(len(header))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in everything
    )


def as_json(header: list[str], rows: list[list[str]]) -> str:
    return json.dumps([dict(zip(header, row, strict=True)) for row in rows], ensure_ascii=False, indent=1)


FORMATS = {"table": plain_table, "csv": excel_csv, "json": as_json}


def render(fmt: str, header: list[str], rows: list[list[str]]) -> str:
    text = FORMATS[fmt](header, rows)
    return text if text.endswith("\n") else text + "\n"
