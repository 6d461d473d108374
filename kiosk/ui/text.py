"""User data is always shown literally and harmlessly: a name like "[bold]Jan[/]" stays as
typed (never markup), and a control character stored before the entry checks existed is
shown as � instead of reaching the terminal."""

from __future__ import annotations

from rich.text import Text
from textual.content import Content

from kiosk.domain.text import printable


def literal(text: str) -> Content:
    return Content(printable(text, multiline=True))


def literal_cell(text: str, max_width: int | None = None) -> Text:
    """For DataTable cells: Rich Text measures its width correctly in the table; one line,
    cut short with "…" at `max_width` (one long name must not push the other columns away)."""
    cell = Text(printable(text))
    if max_width is not None:
        cell.truncate(max_width, overflow="ellipsis")
    return cell
