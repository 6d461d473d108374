"""A text message made ready to read: folded and rewritten text for the patterns, and the
words with their sentence and whether the parent wrote them with a capital."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

from kiosk.domain.sms import lexicon
from kiosk.domain.text import fold, without_direction_marks

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
_ELISION = re.compile(r"^(d|l|qu|j|n|s|c)['’](?=\w)", re.IGNORECASE)  # "d'Olivia": Olivia
_SENTENCE_END = re.compile(r"[.!?;\n]+|\s[-–]\s|\(|\)")
_REWRITES = tuple((re.compile(pattern), replacement) for pattern, replacement in lexicon.REWRITES)


@dataclass(frozen=True)
class Word:
    raw: str
    folded: str
    index: int
    sentence: int
    in_brackets: bool
    gap: str
    """What stands between the previous word and this one (a comma, an emoji, …)."""

    @property
    def capitalised(self) -> bool:
        return self.raw[:1].isupper()


LINE_BREAK = " \u23ce "
"""⏎ joins the lines of a message pasted into a one-line field; read as the line break."""


def one_line(text: str) -> str:
    """The message on one line, without the direction marks phones add."""
    lines = without_direction_marks(text).splitlines()
    return LINE_BREAK.join(line.strip() for line in lines if line.strip())


def with_line_breaks(text: str) -> str:
    """The lines of a message that `one_line` joined."""
    return text.replace(LINE_BREAK, "\n")


def _has_symbol(text: str) -> bool:
    """An emoji or another symbol between two words ends a sentence: "ziek 🤒 groetjes"."""
    return any(unicodedata.category(ch) in ("So", "Sk", "Sm") for ch in text)


def rewrite(text: str) -> str:
    """Folded, with the lexicon's rewrites applied and spaces made single."""
    folded = "".join(" . " if unicodedata.category(ch) in ("So", "Sk", "Sm") else ch
                     for ch in fold(text).replace("’", "'"))  # an emoji ends a clause
    for pattern, replacement in _REWRITES:
        folded = pattern.sub(replacement, folded)
    return re.sub(r"[ \t]+", " ", folded)


class Message:
    def __init__(self, text: str) -> None:
        text = with_line_breaks(text)
        self.original = text
        self.text = rewrite(text)

    @cached_property
    def words(self) -> list[Word]:
        words: list[Word] = []
        sentence, depth, position = 0, 0, 0
        for match in _WORD.finditer(self.original):
            between = self.original[position:match.start()]
            if _SENTENCE_END.search(between) or _has_symbol(between):
                sentence += 1
            depth += between.count("(") - between.count(")")
            position = match.end()
            raw = _ELISION.sub("", _POSSESSIVE.sub("", match.group(0)))  # "Seppe's buikpijn": Seppe
            words.append(Word(raw, fold(raw).replace("’", "'"), len(words), sentence, depth > 0, between))
        return words

    def has(self, patterns: tuple[str, ...] | str) -> bool:
        return any(re.search(p, self.text) for p in ((patterns,) if isinstance(patterns, str) else patterns))

    def find(self, patterns: tuple[str, ...]) -> list[re.Match[str]]:
        return [m for p in patterns for m in re.finditer(p, self.text)]
