"""One step that ctrl+z can take back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class UndoStep:
    label: str
    """What it was, for the confirmation ("Lotte Berk · sick")."""
    undo: Callable[[str], int]
    """Takes it back as the given staff member; returns how many entries were still there."""
