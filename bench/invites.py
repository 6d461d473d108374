"""A class's invitation letters (30 households, each page with its QR, two languages side by
side, shaped text) against a 2-second budget, and the time per page beside a one-page PDF's
(most of a single letter's time is loading and subsetting the fonts, paid once per PDF)."""

from __future__ import annotations

import time
from pathlib import Path

from bench.fixtures import open_school
from kiosk.services import invites

BUDGET = 2.0  # seconds, on our 2-core machines
HOUSEHOLDS = 30
ADMIN = "bench"


def _print(school: Path, out: Path, households: int) -> float:
    """Seconds to print the letters of `households` households: read, make the PDF, save it."""
    kiosk = open_school(school)
    classes = invites.classes_for(kiosk, ADMIN)
    class_name = max(classes, key=lambda c: len(invites.households(kiosk, c)))
    if invites.current_code(kiosk, class_name) is None:
        invites.set_code(kiosk, class_name, ADMIN)
    chosen = [h for c in [class_name, *classes] for h in invites.households(kiosk, c)][:households]
    start = time.perf_counter()
    invites.print_letters(kiosk, class_name, out, ADMIN, only=chosen)
    return time.perf_counter() - start


def run(school: Path, root: Path) -> list[tuple[str, float, str, bool]]:
    _print(school, root / "warm-up.pdf", 1)  # imports and the first font parse, as a kiosk that ran a while
    one = _print(school, root / "one.pdf", 1)
    many = _print(school, root / "class.pdf", HOUSEHOLDS)
    per_page = many / HOUSEHOLDS
    print(f"  letters: {HOUSEHOLDS} households in {many:.2f} s ({per_page * 1000:.0f} ms a page); "
          f"one letter alone in {one * 1000:.0f} ms")
    return [
        (f"invitation letters for {HOUSEHOLDS} households vs {BUDGET:.0f} s (target <= 1)", many / BUDGET, "x",
         many <= BUDGET),
        ("time per page in a class's PDF vs a one-page PDF (target <= 1)", per_page / one, "x", per_page <= one),
    ]
