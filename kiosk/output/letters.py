"""Class invitation letters: one A4 page per household with the class's QR code, the code in
large type, the link and a step-by-step guide, in the household's language with the Dutch
text beside it. Text is shaped by HarfBuzz (uharfbuzz), so Arabic is joined and right to
left; DejaVu Sans (shipped in kiosk/assets) covers Latin, Cyrillic and Arabic."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from fpdf import FPDF

from kiosk.output.pdf import a4_document
from kiosk.output.qr import modules

LOGO = Path(__file__).resolve().parent.parent / "assets" / "logo.png"
MARGIN, GAP = 15.0, 6.0
QR_SIZE = 55.0  # mm: about 1.4 mm a module for a link of this length, easy for any phone


@dataclass(frozen=True)
class Side:
    """The letter's words in one language (a column of the page)."""

    language: str
    right_to_left: bool
    title: str
    class_line: str
    greeting: str
    intro: str
    how: str
    steps: tuple[str, ...]
    questions: str
    regards: str
    signature: str
    code_label: str
    footer: str


@dataclass(frozen=True)
class InviteLetter:
    code: str
    """As printed: grouped for typing."""
    link: str
    to: str
    """The household's guardians (separated parents each get their own letter)."""
    sides: tuple[Side, ...]
    """The household's language first, then Dutch (one side for a Dutch-speaking household)."""


class _Letters(FPDF):
    def __init__(self, school: str) -> None:
        super().__init__(format="A4")
        self.school = school
        a4_document(self)
        self.set_auto_page_break(auto=False)
        self.set_margins(MARGIN, MARGIN, MARGIN)

    def fitted(self, text: str, width: float, largest: float, smallest: float, style: str = "") -> None:
        """The largest type (down to `smallest`) in which `text` fits on one line of `width`."""
        size = largest
        self.set_font("Sans", style, size)
        while size > smallest and self.get_string_width(text) > width:
            size -= 1
            self.set_font("Sans", style, size)

    def letterhead(self, to: str) -> None:
        if LOGO.exists():
            self.image(str(LOGO), x=MARGIN, y=MARGIN, h=16)
        width = self.w - 2 * MARGIN - 20
        self.shaping(self.school, to)
        self.fitted(self.school, width, 15, 9, "B")
        self.set_xy(MARGIN + 20, MARGIN + 1)
        self.multi_cell(width, 5.5, self.school, new_x="LEFT", new_y="NEXT")  # a very long name wraps
        if to:
            self.fitted(to, width, 10, 7)
            self.multi_cell(width, 5, to)

    def qr(self, link: str, x: float, y: float) -> None:
        """Vector modules (sharp at any printer resolution), one rectangle per dark run."""
        grid = modules(link)
        size = QR_SIZE / len(grid)
        self.set_fill_color(0, 0, 0)
        for row, values in enumerate(grid):
            column = 0
            while column < len(values):
                if not values[column]:
                    column += 1
                    continue
                end = column
                while end < len(values) and values[end]:
                    end += 1
                self.rect(x + column * size, y + row * size, (end - column) * size, size, style="F")
                column = end

    def shaping(self, *texts: str) -> None:
        """HarfBuzz shapes right-to-left script (Arabic letters joined, in reading order),
        wherever it stands: a letter, or a name in any letter. Latin and Cyrillic need no
        shaping with this font, and line breaking is many times faster without it."""
        self.set_text_shaping(any(_right_to_left(text) for text in texts))

    def code_block(self, letter: InviteLetter, x: float, y: float) -> None:
        width = self.w - MARGIN - x
        self.shaping(*(side.code_label for side in letter.sides))
        self.set_xy(x, y + 6)
        self.set_font("Sans", "", 11)
        self.multi_cell(width, 6, " · ".join(dict.fromkeys(s.code_label for s in letter.sides)),
                        new_x="LEFT", new_y="NEXT")
        self.fitted(letter.code, width, 30, 12, "B")  # the whole code, always: parents type it over
        self.cell(width, 16, letter.code, new_x="LEFT", new_y="NEXT")
        self.set_font("Sans", "", 9)
        self.multi_cell(width, 5, letter.link, new_x="LEFT", new_y="NEXT")

    def column(self, side: Side, x: float, y: float, width: float, scale: float, *, dry: bool = False) -> float:
        """Draws the side's text (or with `dry` only measures it); returns where it ends."""
        align = "R" if side.right_to_left else "L"
        size = 10.5 * scale
        self.set_xy(x, y)

        def block(text: str, points: float, *, bold: bool = False, after: float = 2.5) -> None:
            # measured unshaped: Arabic's isolated letter forms are wider than its joined ones,
            # so the measure errs on the safe side, at a fraction of shaping's cost
            self.set_text_shaping(not dry and _right_to_left(text))
            self.set_font("Sans", "B" if bold else "", points)
            self.set_x(x)
            if dry:
                self.set_y(self.get_y() + self.height(width, points * 0.5, text))
            else:
                self.multi_cell(width, points * 0.5, text, align=align, new_x="LEFT", new_y="NEXT")
            self.ln(after * scale)

        block(side.title, 14 * scale, bold=True)
        block(side.class_line, size, bold=True, after=4)
        block(side.greeting, size)
        block(side.intro, size, after=4)
        block(side.how, 12 * scale, bold=True)
        for number, step in enumerate(side.steps, start=1):
            self.step(number, step, x, width, size, right_to_left=side.right_to_left, dry=dry)
        self.ln(2 * scale)
        block(side.questions, 9 * scale, after=4)  # smaller: a long e-mail address stays on one line
        block(side.regards, size, after=1)
        block(side.signature, size)
        return self.get_y()

    def step(self, number: int, text: str, x: float, width: float, size: float, *, right_to_left: bool,
             dry: bool) -> None:
        """The number in a cell of its own on the reading side, so it stands where that
        language starts a line (a "1." inside Arabic text would be reordered)."""
        top, line = self.get_y(), size * 0.5
        self.set_font("Sans", "", size)
        self.set_text_shaping(not dry and _right_to_left(text))  # measured unshaped: see block()
        if dry:
            self.set_y(top + self.height(width - 7, line, text))
        else:
            self.set_xy(x if right_to_left else x + 7, top)
            self.multi_cell(width - 7, line, text, align="R" if right_to_left else "L", new_x="LEFT", new_y="NEXT")
            bottom = self.get_y()
            self.set_font("Sans", "B", size)
            self.set_xy(x + width - 7 if right_to_left else x, top)
            self.cell(7, line, str(number), align="R" if right_to_left else "L")
            self.set_y(bottom)
        self.ln(1.5)

    def height(self, width: float, line: float, text: str) -> float:
        """How tall the text would be in a column of this width, in the current font."""
        return cast(float, self.multi_cell(width, line, text, dry_run=True, output="HEIGHT"))

    def footer_line(self, side: Side, x: float, width: float) -> None:
        self.shaping(side.footer)
        self.set_xy(x, self.h - MARGIN - 5)
        self.set_font("Sans", "", 7.5)
        self.multi_cell(width, 4, side.footer, align="R" if side.right_to_left else "L")


def _right_to_left(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def _columns(sides: Sequence[Side], page_width: float) -> list[tuple[Side, float, float]]:
    """(side, x, width) in the order of the sides: the household's language on its reading
    side of the page (right for Arabic), Dutch beside it."""
    inner = page_width - 2 * MARGIN
    if len(sides) == 1:
        return [(sides[0], MARGIN, inner)]
    width = (inner - GAP) / 2
    left, right = MARGIN, MARGIN + width + GAP
    first, second = (right, left) if sides[0].right_to_left else (left, right)
    return [(sides[0], first, width), (sides[1], second, width)]


def _fitting_scale(doc: _Letters, columns: list[tuple[Side, float, float]], top: float) -> float:
    """The largest type size (of a few steps) at which every column ends above the footer:
    a long teacher's name or a wordy language never runs off the page."""
    bottom = doc.h - MARGIN - 8
    for scale in (1.0, 0.92, 0.85, 0.78, 0.7):
        if max(doc.column(side, x, top, width, scale, dry=True) for side, x, width in columns) <= bottom:
            return scale
    return 0.7


def invitations(school: str, pages: Iterable[InviteLetter], *, total: int = 0,
                progress: Callable[[int, int], None] | None = None) -> bytes:
    """The letters as one PDF; `progress(done, total)` after each page."""
    doc = _Letters(school)
    for done, letter in enumerate(pages, start=1):
        doc.add_page()
        doc.letterhead(letter.to)
        top = MARGIN + 26
        doc.qr(letter.link, MARGIN, top)
        doc.code_block(letter, MARGIN + QR_SIZE + 8, top)
        columns, text_top = _columns(letter.sides, doc.w), top + QR_SIZE + 10
        scale = _fitting_scale(doc, columns, text_top)
        for side, x, width in columns:
            doc.column(side, x, text_top, width, scale)
        for side, x, width in columns:
            doc.footer_line(side, x, width)
        if progress:
            progress(done, total)
    return bytes(doc.output())
