"""Ranked pupil search for the picker: a few letters of first name, last name or class."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kiosk.domain.models import Pupil
from kiosk.domain.text import fold


@dataclass(frozen=True)
class _Entry:
    pupil: Pupil
    first: str
    last_words: tuple[str, ...]
    last: str
    klass: str
    sort_key: tuple[str, str, str]


class PupilIndex:
    """Pre-folds every name once so that each keystroke only compares short strings."""

    def __init__(self, pupils: Iterable[Pupil]) -> None:
        self._entries = [
            _Entry(
                pupil=p,
                first=fold(p.first_name),
                last_words=tuple(fold(p.last_name).split()),
                last=fold(p.last_name).replace(" ", ""),
                klass=fold(p.class_name),
                sort_key=(fold(p.last_name), fold(p.first_name), p.class_name),
            )
            for p in pupils
        ]

    def __len__(self) -> int:
        return len(self._entries)

    def search(self, query: str, limit: int = 20) -> list[Pupil]:
        tokens = fold(query).split()
        if not tokens:
            return []
        scored = []
        for entry in self._entries:
            score = _score(entry, tokens)
            if score:
                scored.append((-score, entry.sort_key, entry.pupil))
        scored.sort(key=lambda item: (item[0], item[1]))
        return [pupil for _, _, pupil in scored[:limit]]


def _score(entry: _Entry, tokens: list[str]) -> int:
    """0 when a token matches nothing; higher for exact and first-name matches."""
    total = 0
    for token in tokens:
        best = _token_score(entry, token)
        if not best:
            return 0
        total += best
    return total


def _token_score(entry: _Entry, token: str) -> int:
    if token == entry.klass:
        return 6
    if token == entry.first:
        return 5
    if entry.first.startswith(token):
        return 4
    if token in entry.last_words or token == entry.last:
        return 4
    if entry.last.startswith(token) or any(w.startswith(token) for w in entry.last_words):
        return 3
    level_less = len(token) >= 2 and token[0].isdigit() and entry.klass.endswith(token)
    if entry.klass.startswith(token) or level_less:  # "3a" also finds class L3A
        return 2
    if len(token) >= 3 and (token in entry.first or token in entry.last):
        return 1
    return 0
