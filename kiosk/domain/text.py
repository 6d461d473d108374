"""Text from outside: folding for search, refusing what must not be stored, and making
what is shown harmless.

Names, notes and messages come from roster files, keyboards and parents' phones. What
could steer a terminal or a spreadsheet is refused where it enters (`clean`), with the
field named, and neutralised again wherever text leaves (`printable`): a second wall for
anything stored before these rules existed.
"""

from __future__ import annotations

import unicodedata

from kiosk.errors import TextRefused
from kiosk.i18n import _

ZERO_WIDTH_JOINER = "\u200d"  # part of emoji such as 👨‍👩‍👧: allowed in free text, not in names
REPLACEMENT = "\ufffd"
# Unicode categories that never belong in a name or a note: control characters (C0, C1,
# DEL, NUL), format characters (bidi overrides, zero-width spaces, BOM, soft hyphen),
# surrogates (undecodable bytes), and line/paragraph separators (they forge table rows).
_REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})

_DIRECTION_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u061c"), None)
"""Left-to-right, right-to-left and Arabic letter marks: phones put them in messages
unasked. They are invisible and steer nothing on their own (unlike bidi overrides)."""

MAX_NAME = 80
MAX_NOTE = 500
MAX_SHORT = 200
MAX_MESSAGE = 2000


def fold(text: str) -> str:
    """Lower case without accents, so 'Émile' is found by typing 'emile'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def without_direction_marks(text: str) -> str:
    """A pasted message without the direction marks a phone added (the rest is checked)."""
    return text.translate(_DIRECTION_MARKS)


def _refused(ch: str, *, multiline: bool, joiners: bool) -> bool:
    if ch == "\n":
        return not multiline
    if ch == ZERO_WIDTH_JOINER:
        return not joiners
    return unicodedata.category(ch) in _REFUSED_CATEGORIES


def _describe(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X}" + (f" {name}" if name else "")


def _clean(text: str, field: str, max_length: int, *, multiline: bool, joiners: bool,
           required: bool) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n")).strip()
    bad = next((ch for ch in text if _refused(ch, multiline=multiline, joiners=joiners)), None)
    if bad is not None:
        raise TextRefused(_("{field} contains a control or invisible character ({char}): "
                            "type it again without it").format(field=field, char=_describe(bad)))
    if len(text) > max_length:
        raise TextRefused(_("{field} is longer than {n} characters ({length})").format(
            field=field, n=max_length, length=len(text)))
    if required and not text:
        raise TextRefused(_("{field} is empty").format(field=field))
    return text


def clean_name(text: str, field: str, *, required: bool = True) -> str:
    """A name: NFC, stripped, at most MAX_NAME characters, nothing invisible or steering.
    Raises TextRefused naming `field` and the first offending character."""
    return _clean(text, field, MAX_NAME, multiline=False, joiners=False, required=required)


def clean_text(text: str, field: str, *, max_length: int = MAX_NOTE, multiline: bool = False,
               required: bool = False) -> str:
    """Free text (a note, a reason): as a name, but longer, and emoji joiners are allowed."""
    return _clean(text, field, max_length, multiline=multiline, joiners=True, required=required)


def printable(text: str, *, multiline: bool = False) -> str:
    """The text with anything that could steer a terminal or forge a line made visible and
    harmless: line breaks become spaces (unless `multiline`), other such characters �."""
    if text.isprintable() and (multiline or "\n" not in text):
        return text  # the common case: nothing to do
    out = []
    for ch in text:
        if ch in "\n\r\t" and not (multiline and ch == "\n"):
            out.append(" ")
        elif ch == "\n" or ch == ZERO_WIDTH_JOINER or ch.isprintable() or ch == " ":
            out.append(ch)
        elif unicodedata.category(ch) in _REFUSED_CATEGORIES:
            out.append(REPLACEMENT)
        else:
            out.append(ch)  # e.g. unassigned code points (new emoji): shown as they are
    return "".join(out)
