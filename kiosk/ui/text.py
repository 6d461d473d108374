"""User data is always shown literally: a name like "[bold]Jan[/]" stays as typed."""

from __future__ import annotations

from rich.text import Text
from textual.content import Content


def literal(text: str) -> Content:
    return Content(text)


def literal_cell(text: str) -> Text:
    """For DataTable cells: Rich Text measures its width correctly in the table."""
    return Text(text)
