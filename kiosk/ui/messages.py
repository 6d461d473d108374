"""Messages shared between screens."""

from __future__ import annotations

from textual.message import Message


class DataChanged(Message):
    """Something was saved or undone: screens that show data reload it."""
