"""Text helpers shared by search and import."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Lower case without accents, so 'Émile' is found by typing 'emile'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
