"""Printed paper for parents and staff: letters (one page per household) and schedules, as A4
PDF with an embedded font that covers every name (DejaVu Sans, shipped in kiosk/assets)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from fpdf import FPDF

FONTS = Path(__file__).resolve().parent.parent / "assets" / "fonts"
BOX = "\u2610"  # ☐ a box to tick on the reply slip


@dataclass(frozen=True)
class Letter:
    """One household's page: to whom, what, and (for an invitation) the slip to tick."""

    to: str
    title: str
    paragraphs: tuple[str, ...]
    slip_title: str = ""
    slip: tuple[str, ...] = field(default=())


def a4_document(doc: FPDF) -> None:
    """The kiosk's PDFs: A4 with "Sans" (DejaVu Sans, plain and bold) embedded."""
    doc.add_font("Sans", "", str(FONTS / "DejaVuSans.ttf"))
    doc.add_font("Sans", "B", str(FONTS / "DejaVuSans-Bold.ttf"))


class _Document(FPDF):
    def __init__(self, school: str) -> None:
        super().__init__(format="A4")
        self.school = school
        a4_document(self)
        self.set_auto_page_break(auto=True, margin=15)
        self.set_margins(20, 20, 20)

    def header(self) -> None:
        self.set_font("Sans", "B", 11)
        self.cell(0, 8, self.school, new_x="LMARGIN", new_y="NEXT")
        self.ln(4)

    def text_block(self, text: str, *, size: int = 11, bold: bool = False, gap: float = 3) -> None:
        self.set_font("Sans", "B" if bold else "", size)
        self.multi_cell(0, size * 0.55, text, align="L", new_x="LMARGIN", new_y="NEXT")
        self.ln(gap)


def letters(school: str, pages: Iterable[Letter]) -> bytes:
    doc = _Document(school)
    for letter in pages:
        doc.add_page()
        doc.text_block(letter.to)
        doc.text_block(letter.title, size=15, bold=True, gap=5)
        for paragraph in letter.paragraphs:
            doc.text_block(paragraph)
        if letter.slip:
            doc.ln(6)
            doc.set_dash_pattern(dash=2, gap=2)  # cut here: the slip goes back to school
            doc.line(doc.l_margin, doc.get_y(), doc.w - doc.r_margin, doc.get_y())
            doc.set_dash_pattern()
            doc.ln(6)
            doc.text_block(letter.slip_title, bold=True)
            for line in letter.slip:
                doc.text_block(f"{BOX}  {line}", gap=2)
    return bytes(doc.output())


def schedule(school: str, title: str, header: Sequence[str], rows: Sequence[Sequence[str]],
             widths: Sequence[float]) -> bytes:
    """A table over as many pages as it needs, its header on each."""
    doc = _Document(school)
    doc.add_page()
    doc.text_block(title, size=15, bold=True, gap=5)
    doc.set_font("Sans", "", 9)
    with doc.table(col_widths=tuple(widths), text_align="LEFT") as table:
        heading = table.row()
        for cell in header:
            heading.cell(cell)
        for values in rows:
            row = table.row()
            for value in values:
                row.cell(value)
    return bytes(doc.output())
