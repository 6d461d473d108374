"""Class invitations: class codes, join links and who of a class was invited and joined.

A parent joins the class app only with the class's code; a code that leaked is replaced by
a new version, and every letter that carries an older version is then outdated.
"""

from __future__ import annotations

import datetime as dt
import secrets
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from kiosk.domain.models import ClassCode, Guardian, Invitation, Pupil
from kiosk.errors import KioskError
from kiosk.i18n import _

# Uppercase letters and digits a parent cannot misread on paper: no 0/O and no 1/I.
ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_PLACEHOLDER = "{code}"
GROUPING = "-\u2010\u2011\u2012\u2013\u2014\u2212"  # dashes of every kind between groups of characters
MAX_LINK = 300
"""Characters in the join link: a short link makes a small QR code that any phone reads."""


def generate_code(length: int) -> str:
    """An unguessable code (secrets: the class is invisible to whoever does not have it)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def parse_code(text: str, length: int) -> str:
    """A code as typed from the class app: case and the spaces or dashes of its grouping do
    not matter; any other character, or a wrong length, is refused with the reason. Only
    ASCII is upper-cased: "ß" or "ﬀ" would become two letters, a Cyrillic "А" only looks Latin."""
    kept = [ch for ch in text if not ch.isspace() and ch not in GROUPING]
    code = "".join(ch.upper() if ch.isascii() else ch for ch in kept)
    wrong = sorted(set(code) - set(ALPHABET))
    if wrong:
        raise KioskError(_("a class code has only the letters A–Z without O and I, and the digits 2–9; "
                           "not: {chars}").format(chars=", ".join(_character(ch) for ch in wrong)))
    if len(code) != length:
        raise KioskError(_("a class code has {n} characters, this one has {found}").format(
            n=length, found=len(code)))
    return code


def _character(ch: str) -> str:
    """A refused character as the reader can find it: itself, and its name when it is not
    plain ASCII (a Cyrillic "А" looks like a Latin one)."""
    if ch.isascii() and ch.isprintable():
        return repr(ch)
    return f"{ch!r} ({unicodedata.name(ch, f'U+{ord(ch):04X}').lower()})"


def grouped(code: str) -> str:
    """The code as printed: in groups of four, easier to type over ("K7QM R4ZD")."""
    return " ".join(code[i:i + 4] for i in range(0, len(code), 4))


def check_link_template(template: str) -> None:
    """The configured join link: https to a named host, `{code}` once and no other braces,
    no spaces or control characters, short enough for a small QR code."""
    parts = urlsplit(template)
    if parts.scheme != "https" or not parts.netloc or "{" in parts.netloc:
        raise KioskError(_("the join link must start with https:// and the class app's address"))
    if template.count(CODE_PLACEHOLDER) != 1 or {"{", "}"} & set(template.replace(CODE_PLACEHOLDER, "")):
        raise KioskError(_("the join link must hold {code} once, and no other braces"))
    if any(ch.isspace() or not ch.isprintable() for ch in template):
        raise KioskError(_("the join link must not hold spaces or control characters"))
    if len(template) > MAX_LINK:
        raise KioskError(_("the join link is longer than {n} characters").format(n=MAX_LINK))


def join_link(template: str, code: str) -> str:
    return template.replace(CODE_PLACEHOLDER, quote(code, safe=""))


def next_code(current: ClassCode | None, class_name: str, code: str, at: dt.datetime, by: str) -> ClassCode:
    """The class's new code: one version up, so letters with the older one are outdated."""
    if current is not None and current.code == code:
        raise KioskError(_("class {class_name} has this code already").format(class_name=class_name))
    return ClassCode(class_name, code, (current.version if current else 0) + 1, at, by)


@dataclass(frozen=True)
class Household:
    """The guardians of a class's pupils who live together: one letter each."""

    key: str
    """Stable across years and reprints: the sorted family keys of its guardians."""
    number: int
    """The guardians' household number on its first pupil's record (a sibling's record may
    number the households the other way round)."""
    guardians: tuple[Guardian, ...]
    pupils: tuple[Pupil, ...]

    @property
    def language(self) -> str:
        return self.guardians[0].language if self.guardians else "nl"

    @property
    def names(self) -> str:
        return ", ".join(g.name for g in self.guardians)


def household_key(pupil: Pupil, number: int) -> str:
    """Which household of the pupil's record: its guardians with that number (the same
    guardians on a brother's record make the same household)."""
    return "|".join(sorted(g.family_key for g in pupil.guardians if g.household == number)) or f"pupil:{pupil.id}"


def households(pupils: Iterable[Pupil]) -> list[Household]:
    """Per household the guardians and their children in the class; twins share one letter,
    separated parents get one each. A pupil without guardians gets a household of its own
    (the letter goes home with the child)."""
    found: dict[str, Household] = {}
    for pupil in sorted(pupils, key=lambda p: (p.last_name.casefold(), p.first_name.casefold(), p.id)):
        numbers = sorted({g.household for g in pupil.guardians}) or [1]
        for number in numbers:
            guardians = tuple(g for g in pupil.guardians if g.household == number)
            key = household_key(pupil, number)
            known = found.get(key)
            found[key] = Household(key, known.number, guardians, (*known.pupils, pupil)) if known else \
                Household(key, number, guardians, (pupil,))
    return list(found.values())


@dataclass(frozen=True)
class Standing:
    """Where one household stands: invited with which code, joined or not."""

    household: Household
    invitation: Invitation | None
    printed_code: str | None
    """The code on the household's letter (None: no letter, or a version no longer known)."""
    current: ClassCode | None

    @property
    def joined(self) -> bool:
        return self.invitation is not None and self.invitation.joined_on is not None

    @property
    def outdated(self) -> bool:
        """Holds a letter whose code no longer works and has not joined: needs a new letter.
        A code typed wrongly and then back as it was leaves the letters as they were."""
        if self.invitation is None or self.invitation.printed_on is None or self.joined or self.current is None:
            return False
        if self.printed_code is not None:
            return self.printed_code != self.current.code
        return self.invitation.code_version < self.current.version

    @property
    def needs_letter(self) -> bool:
        return not self.joined and (self.invitation is None or self.outdated)


def current_code(codes: Iterable[ClassCode], class_name: str) -> ClassCode | None:
    """The class's code now: its latest version (earlier ones are kept to read old letters)."""
    return max((c for c in codes if c.class_name == class_name), key=lambda c: c.version, default=None)


def standings(found: Iterable[Household], invitations: Iterable[Invitation], class_name: str,
              codes: Iterable[ClassCode]) -> list[Standing]:
    own = [c for c in codes if c.class_name == class_name]
    versions = {c.version: c.code for c in own}
    current = current_code(own, class_name)
    by_key = {i.household_key: i for i in invitations if i.class_name == class_name}

    def standing(household: Household) -> Standing:
        invitation = by_key.get(household.key)
        printed = versions.get(invitation.code_version) if invitation else None
        return Standing(household, invitation, printed, current)

    return [standing(h) for h in found]
