"""User data is always shown literally: a name like "[bold]Jan[/]" stays as typed."""

from __future__ import annotations

from textual.content import Content


def literal(text: str) -> Content:
    return Content(text)
