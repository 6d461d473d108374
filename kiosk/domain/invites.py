"""Class invitations: class codes, join links and who of a class was invited and joined.

A parent joins the class app only with the class's code; a code that leaked is replaced by
a new version, and every letter that carries an older version is then outdated.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote

from kiosk.domain.models import ClassCode, Guardian, Invitation, Pupil
from kiosk.errors import KioskError
from kiosk.i18n import _

# Uppercase letters and digits a parent cannot misread on paper: no 0/O and no 1/I.
ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_PLACEHOLDER = "{code}"


def generate_code(length: int) -> str:
    """An unguessable code (secrets: the class is invisible to whoever does not have it)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def parse_code(text: str, length: int) -> str:
    """A code as typed from the class app: case and the spaces or dashes of its grouping do
    not matter; any other character, or a wrong length, is refused with the reason."""
    code = "".join(ch for ch in text.upper() if ch not in " -")
    wrong = sorted({ch for ch in code if ch not in ALPHABET})
    if wrong:
        raise KioskError(_("a class code has only the letters A–Z without O and I, and the digits 2–9; "
                                "not: {chars}").format(chars=" ".join(repr(ch) for ch in wrong)))
    if len(code) != length:
        raise KioskError(_("a class code has {n} characters, this one has {found}").format(
            n=length, found=len(code)))
    return code


def grouped(code: str) -> str:
    """The code as printed: in groups of four, easier to type over ("K7QM R4ZD")."""
    return " ".join(code[i:i + 4] for i in range(0, len(code), 4))


def check_link_template(template: str) -> None:
    """The configured join link: https, with `{code}` once and no other placeholder."""
    if not template.startswith("https://"):
        raise KioskError(_("the join link must start with https://"))
    if template.count(CODE_PLACEHOLDER) != 1 or template.replace(CODE_PLACEHOLDER, "").count("{"):
        raise KioskError(_("the join link must hold {code} once, and no other braces"))


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
    """The guardians' household number on (the first of) its pupils' records."""
    guardians: tuple[Guardian, ...]
    pupils: tuple[Pupil, ...]

    @property
    def language(self) -> str:
        return self.guardians[0].language if self.guardians else "nl"

    @property
    def names(self) -> str:
        return ", ".join(g.name for g in self.guardians)


def households(pupils: Iterable[Pupil]) -> list[Household]:
    """Per household the guardians and their children in the class; twins share one letter,
    separated parents get one each. A pupil without guardians gets a household of its own
    (the letter goes home with the child)."""
    found: dict[str, Household] = {}
    for pupil in sorted(pupils, key=lambda p: (p.last_name.casefold(), p.first_name.casefold(), p.id)):
        numbers = sorted({g.household for g in pupil.guardians}) or [1]
        for number in numbers:
            guardians = tuple(g for g in pupil.guardians if g.household == number)
            key = "|".join(sorted(g.family_key for g in guardians)) or f"pupil:{pupil.id}"
            known = found.get(key)
            found[key] = Household(key, number, guardians, (*known.pupils, pupil) if known else (pupil,))
    return list(found.values())


@dataclass(frozen=True)
class Standing:
    """Where one household stands: invited with which code version, joined or not."""

    household: Household
    invitation: Invitation | None
    current_version: int

    @property
    def joined(self) -> bool:
        return self.invitation is not None and self.invitation.joined_on is not None

    @property
    def outdated(self) -> bool:
        """Holds a letter with a replaced code and has not joined: needs a new letter."""
        return (self.invitation is not None and self.invitation.printed_on is not None and not self.joined
                and self.invitation.code_version < self.current_version)

    @property
    def needs_letter(self) -> bool:
        return not self.joined and (self.invitation is None or self.outdated)


def standings(found: Iterable[Household], invitations: Iterable[Invitation], class_name: str,
              current: ClassCode | None) -> list[Standing]:
    by_key = {i.household_key: i for i in invitations if i.class_name == class_name}
    version = current.version if current else 0
    return [Standing(h, by_key.get(h.key), version) for h in found]
