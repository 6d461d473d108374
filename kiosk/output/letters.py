"""Class invitation letters: one A4 page per household with the class's QR code, the code in
large type, the link and a step-by-step guide, in the household's language with the Dutch
text beside it. Text is shaped by HarfBuzz (uharfbuzz), so Arabic is joined and right to
left; DejaVu Sans (shipped in kiosk/assets) covers Latin, Cyrillic and Arabic."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF

from kiosk.output.qr import modules

ASSETS = Path(__file__).resolve().parent.parent / "assets"
FONTS = ASSETS / "fonts"
LOGO = ASSETS / "logo.png"
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


@dataclass(frozen=True)
class InviteLetter:
    code: str
    """As printed: grouped for typing."""
    link: str
    sides: tuple[Side, ...]
    """The household's language first, then Dutch (one side for a Dutch-speaking household)."""
    footer: str


class _Letters(FPDF):
    def __init__(self, school: str) -> None:
        super().__init__(format="A4")
        self.school = school
        self.add_font("Sans", "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font("Sans", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.set_text_shaping(True)
        self.set_auto_page_break(auto=False)
        self.set_margins(MARGIN, MARGIN, MARGIN)

    def letterhead(self) -> None:
        if LOGO.exists():
            self.image(str(LOGO), x=MARGIN, y=MARGIN, h=16)
        self.set_xy(MARGIN + 20, MARGIN + 4)
        self.set_font("Sans", "B", 15)
        self.cell(0, 8, self.school)

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

    def code_block(self, letter: InviteLetter, x: float, y: float) -> None:
        width = self.w - MARGIN - x
        self.set_xy(x, y + 6)
        self.set_font("Sans", "", 11)
        self.multi_cell(width, 6, " · ".join(dict.fromkeys(s.code_label for s in letter.sides)),
                        new_x="LEFT", new_y="NEXT")
        self.set_font("Sans", "B", 30)
        self.cell(width, 16, letter.code, new_x="LEFT", new_y="NEXT")
        self.set_font("Sans", "", 9)
        self.multi_cell(width, 5, letter.link, new_x="LEFT", new_y="NEXT")

    def column(self, side: Side, x: float, y: float, width: float) -> None:
        align = "R" if side.right_to_left else "L"
        self.set_xy(x, y)

        def block(text: str, size: float, *, bold: bool = False, after: float = 2.5) -> None:
            self.set_font("Sans", "B" if bold else "", size)
            self.set_x(x)
            self.multi_cell(width, size * 0.5, text, align=align, new_x="LEFT", new_y="NEXT")
            self.ln(after)

        block(side.title, 14, bold=True)
        block(side.class_line, 10.5, bold=True, after=4)
        block(side.greeting, 10.5)
        block(side.intro, 10.5, after=4)
        block(side.how, 12, bold=True)
        for number, step in enumerate(side.steps, start=1):
            self.step(number, step, x, width, side.right_to_left)
        self.ln(2)
        block(side.questions, 10.5, after=4)
        block(side.regards, 10.5, after=1)
        block(side.signature, 10.5)

    def step(self, number: int, text: str, x: float, width: float, right_to_left: bool) -> None:
        """The number in a cell of its own on the reading side, so it stands where that
        language starts a line (a "1." inside Arabic text would be reordered)."""
        top = self.get_y()
        self.set_font("Sans", "B", 10.5)
        self.set_xy(x + width - 7 if right_to_left else x, top)
        self.cell(7, 5.25, str(number), align="R" if right_to_left else "L")
        self.set_font("Sans", "", 10.5)
        self.set_xy(x if right_to_left else x + 7, top)
        self.multi_cell(width - 7, 5.25, text, align="R" if right_to_left else "L", new_x="LEFT", new_y="NEXT")
        self.ln(1.5)

    def footer_line(self, text: str) -> None:
        self.set_xy(MARGIN, self.h - MARGIN - 5)
        self.set_font("Sans", "", 8)
        self.cell(0, 5, text)


def _columns(sides: Sequence[Side], page_width: float) -> list[tuple[Side, float, float]]:
    """(side, x, width): the household's language on its reading side, Dutch beside it."""
    inner = page_width - 2 * MARGIN
    if len(sides) == 1:
        return [(sides[0], MARGIN, inner)]
    width = (inner - GAP) / 2
    first, second = sides[0], sides[1]
    if first.right_to_left:
        return [(second, MARGIN, width), (first, MARGIN + width + GAP, width)]
    return [(first, MARGIN, width), (second, MARGIN + width + GAP, width)]


def invitations(school: str, pages: Iterable[InviteLetter], *, total: int = 0,
                progress: Callable[[int, int], None] | None = None) -> bytes:
    """The letters as one PDF; `progress(done, total)` after each page."""
    doc = _Letters(school)
    for done, letter in enumerate(pages, start=1):
        doc.add_page()
        doc.letterhead()
        top = MARGIN + 26
        doc.qr(letter.link, MARGIN, top)
        doc.code_block(letter, MARGIN + QR_SIZE + 8, top)
        for side, x, width in _columns(letter.sides, doc.w):
            doc.column(side, x, top + QR_SIZE + 10, width)
        doc.footer_line(letter.footer)
        if progress:
            progress(done, total)
    return bytes(doc.output())
