"""A corpus of hostile text: what a roster file, a keyboard or a pasted message could carry
to steer a terminal, forge a table row or hide characters. Used through every path."""

from __future__ import annotations

import re

HOSTILE = (
    "\x1b[2J\x1b[H",                 # clear the screen, cursor home
    "\x1b]0;owned\x07",              # retitle the window (OSC ... BEL)
    "\x1b]52;c;ZWNobyBoaQ==\x07",    # write the clipboard (OSC 52)
    "\x9b31m",                       # C1 CSI: red, without ESC
    "Jan\x00Mol",                    # NUL
    "Ann\rEve",                      # carriage return: overwrite the line
    "Bo\nP99;Fake;Row;3B",           # newline: a forged row
    "\u202eLIAMe\u202c",             # right-to-left override
    "Zo\u200bë",                     # zero-width space
    "Lo\u2028tte",                   # line separator
    "Ti\x08m",                       # backspace
    "Sam\x7f",                       # DEL
    "\ufeffBOM",                     # byte-order mark in the middle of data
)
# What must never reach a terminal or a file meant for people: C0 controls other than
# newline, DEL, C1 controls, bidi controls, zero-width and line-separator characters.
_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


def unsafe(text: str) -> list[str]:
    """The unsafe characters in `text` (empty when it is harmless)."""
    return [f"U+{ord(ch):04X}" for ch in _UNSAFE.findall(text)]


def name(n: int) -> str:
    return f"H{n}{HOSTILE[n % len(HOSTILE)]}x"
