"""Reading back what parents get: QR codes decoded by zxing-cpp from a PDF rendered at office
printer quality (also blurred and a little rotated), or from a picture of block characters."""

from __future__ import annotations

from collections.abc import Sequence

import pypdfium2 as pdfium
import zxingcpp
from PIL import Image, ImageDraw, ImageFilter
from pypdf import PdfReader

PRINTER_DPI = 150


def page_images(pdf: bytes, dpi: int = PRINTER_DPI) -> list[Image.Image]:
    document = pdfium.PdfDocument(pdf)
    try:
        return [page.render(scale=dpi / 72).to_pil().convert("L") for page in document]
    finally:
        document.close()


def page_texts(pdf: bytes) -> list[str]:
    from io import BytesIO

    return [page.extract_text() for page in PdfReader(BytesIO(pdf)).pages]


def qr_texts(image: Image.Image) -> list[str]:
    return [found.text for found in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]


def as_printed(image: Image.Image, *, blur: float = 1.0, degrees: float = 3.0) -> Image.Image:
    """A cheap printer and a crooked scan: softened edges, a few degrees off."""
    return image.filter(ImageFilter.GaussianBlur(blur)).rotate(degrees, expand=True, fillcolor=255)


# Each character holds two module rows: which halves are dark.
_DARK_HALVES = {" ": (False, False), "▀": (True, False), "▄": (False, True), "█": (True, True)}


def draw_blocks(lines: Sequence[str], *, cell: int = 8) -> Image.Image:
    """The block characters as a terminal shows them (dark glyph on light), `cell` pixels a module."""
    width = max(len(line) for line in lines)
    image = Image.new("L", (width * cell, len(lines) * 2 * cell), 255)
    draw = ImageDraw.Draw(image)
    for row, line in enumerate(lines):
        for column, char in enumerate(line):
            top, bottom = _DARK_HALVES[char]
            for half, dark in enumerate((top, bottom)):
                if dark:
                    y = (2 * row + half) * cell
                    draw.rectangle([column * cell, y, (column + 1) * cell - 1, y + cell - 1], fill=0)
    return image
