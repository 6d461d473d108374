"""QR codes: the modules of a join link, drawn on paper (output/letters.py) or with block
characters on a screen, each with the quiet zone a phone's camera needs around it."""

from __future__ import annotations

from functools import lru_cache

import qrcode
from qrcode.constants import ERROR_CORRECT_M

QUIET_ZONE = 4
"""Modules of light margin on every side (the QR standard's minimum)."""
# Each character holds two rows of modules: the upper in the glyph's top half, the lower in
# its bottom half. Glyph = dark, background = light.
_HALVES = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}


@lru_cache(maxsize=64)
def modules(text: str) -> tuple[tuple[bool, ...], ...]:
    """Dark (True) and light modules, the quiet zone included. Error correction M: a
    creased or slightly smudged letter still scans. Kept: a class's letters all carry the
    same link, and choosing its mask is most of the work."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=QUIET_ZONE)
    code.add_data(text.encode("utf-8"))
    code.make(fit=True)
    return tuple(tuple(row) for row in code.get_matrix())


def block_lines(text: str, *, room: tuple[int, int] = (0, 0)) -> list[str]:
    """The QR as lines of block characters, two module rows per line (square on a terminal,
    whose cells are about twice as high as wide). Draw them dark on light. Where `room`
    (columns, lines) holds it, twice the size: two full cells per module, a line per row."""
    grid = modules(text)
    if 2 * len(grid) <= room[0] and len(grid) <= room[1]:
        return ["".join("██" if dark else "  " for dark in row) for row in grid]
    if len(grid) % 2:
        grid += ((False,) * len(grid[0]),)
    return ["".join(_HALVES[top, bottom] for top, bottom in zip(upper, lower, strict=True))
            for upper, lower in zip(grid[::2], grid[1::2], strict=True)]
