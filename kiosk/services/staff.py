"""Staff accounts, PINs and logging in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from kiosk.domain import auth
from kiosk.domain.models import Role, Staff
from kiosk.domain.text import fold
from kiosk.errors import Ambiguous, KioskError, NotFound
from kiosk.i18n import _
from kiosk.services.context import Kiosk


def add_staff(kiosk: Kiosk, name: str, role: Role, classes: tuple[str, ...], who: str) -> Staff:
    name = name.strip()
    if not name:
        raise KioskError(_("a staff member needs a name"))
    staff = Staff(id=auth.staff_id_for(name), name=name, role=role, classes=classes)
    with kiosk.store.transaction():
        if kiosk.repos.staff.get(staff.id):
            raise KioskError(_("staff member {name!r} already exists").format(name=name))
        kiosk.repos.staff.save(staff)
        kiosk.audit(who, "staff-add", f"{staff.id} ({role.value})")
    return staff


def list_staff(kiosk: Kiosk) -> list[Staff]:
    """Everyone, by name."""
    return kiosk.repos.staff.all()


def matching(everyone: list[Staff], typed: str) -> list[Staff]:
    """The names containing what was typed (accents and case ignored)."""
    wanted = fold(typed.strip())
    return [s for s in everyone if wanted in fold(s.name)]


def find_staff(kiosk: Kiosk, text: str) -> Staff:
    """By id, exact name, or a unique start of the name."""
    wanted = fold(text.strip())
    everyone = kiosk.repos.staff.all()
    exact = [s for s in everyone if wanted in (s.id, fold(s.name))]
    matches = exact or [s for s in everyone if fold(s.name).startswith(wanted)]
    if not matches or not wanted:
        raise NotFound(_("no staff member called {text!r}").format(text=text))
    if len(matches) > 1:
        names = ", ".join(s.name for s in matches)
        raise Ambiguous(_("{text!r} matches several staff members: {names}").format(text=text, names=names))
    return matches[0]


def set_pin(kiosk: Kiosk, staff: Staff, pin: str, who: str) -> None:
    if not auth.valid_pin(pin):
        raise KioskError(_("a PIN is 4 to 8 digits"))
    pin_hash = auth.hash_pin(pin)  # slow: before taking the lock
    with kiosk.store.transaction():
        current = kiosk.repos.staff.get(staff.id) or staff  # what another kiosk changed meanwhile
        kiosk.repos.staff.save(replace(auth.after_success(current), pin_hash=pin_hash))
        kiosk.audit(who, "pin-set", staff.id)


@dataclass(frozen=True)
class LoginResult:
    staff: Staff | None
    """Set when the PIN was right."""
    locked_until: dt.datetime | None = None
    attempts_left: int = 0


def login(kiosk: Kiosk, staff_id: str, pin: str) -> LoginResult:
    """Check a PIN; count wrong tries across every kiosk process (the count is stored)."""
    security = kiosk.config.security
    now = kiosk.clock.now()
    with kiosk.store.transaction():
        staff = kiosk.repos.staff.get(staff_id)
        if staff is None:
            raise NotFound(_("no staff member {id!r}").format(id=staff_id))
        if auth.is_locked(staff, now):
            return LoginResult(None, locked_until=staff.locked_until)
        if staff.pin_hash and auth.verify_pin(pin, staff.pin_hash):
            if staff.failed_attempts or staff.locked_until:
                kiosk.repos.staff.save(auth.after_success(staff))
            kiosk.audit(staff.id, "login")
            return LoginResult(staff)
        lockout = dt.timedelta(minutes=security.lockout_minutes)
        updated = auth.after_failure(staff, now, security.max_pin_attempts, lockout)
        kiosk.repos.staff.save(updated)
        kiosk.audit(staff.id, "login-locked" if updated.locked_until else "login-failed")
        return LoginResult(
            None,
            locked_until=updated.locked_until,
            attempts_left=security.max_pin_attempts - updated.failed_attempts,
        )
