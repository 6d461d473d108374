"""Staff accounts, PINs and logging in."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from kiosk.domain import auth
from kiosk.domain.models import Role, Staff
from kiosk.domain.text import clean_name, fold
from kiosk.errors import Ambiguous, KioskError, NotFound, StoreError
from kiosk.i18n import _, ngettext
from kiosk.services.context import Kiosk

_CLASS_RE = re.compile(r"^[A-Z0-9]{1,6}$")


def add_staff(kiosk: Kiosk, name: str, role: Role, classes: tuple[str, ...], who: str,
              email: str = "") -> Staff:
    name = clean_name(name, _("the name"))
    email = clean_name(email, _("the e-mail address"), required=False)
    if email and ("@" not in email or " " in email):
        raise KioskError(_("{email!r} is not an e-mail address").format(email=email))
    wrong = [c for c in classes if not _CLASS_RE.match(c)]
    if wrong:
        raise KioskError(_("class {text!r} is not a class name like 3B or K2").format(text=wrong[0]))
    with kiosk.store.transaction():
        everyone = kiosk.repos.staff.all()
        if any(fold(s.name) == fold(name) for s in everyone):
            raise KioskError(_("staff member {name!r} already exists: add a letter to tell them "
                               "apart").format(name=name))
        staff = Staff(id=auth.staff_id_for(name, {s.id for s in everyone}), name=name, role=role,
                      classes=classes, email=email)
        kiosk.repos.staff.save(staff)
        kiosk.audit(who, "staff-add", staff=staff.id, role=role.value)
    return staff


def list_staff(kiosk: Kiosk, *, include_inactive: bool = False) -> list[Staff]:
    """Everyone who can log in (or also those who left), by name."""
    return [s for s in kiosk.repos.staff.all() if include_inactive or s.active]


def staff_names(kiosk: Kiosk) -> dict[str, str]:
    """Id → name of everyone who ever worked here (the history names them)."""
    return {s.id: s.name for s in kiosk.repos.staff.all()}


def matching(everyone: list[Staff], typed: str) -> list[Staff]:
    """The names containing what was typed (accents and case ignored)."""
    wanted = fold(typed.strip())
    return [s for s in everyone if wanted in fold(s.name)]


def find_staff(kiosk: Kiosk, text: str) -> Staff:
    """By id, exact name, or a unique start of the name."""
    wanted = fold(text.strip())
    everyone = kiosk.repos.staff.all()  # also who left: their history can be looked up
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
        kiosk.audit(who, "pin-set", staff=staff.id)


@dataclass(frozen=True)
class LoginResult:
    staff: Staff | None
    """Set when the PIN was right."""
    locked_until: dt.datetime | None = None
    attempts_left: int = 0
    unrecorded: str = ""
    """Set when the attempt could not be written (a full or read-only disk): why."""


def login(kiosk: Kiosk, staff_id: str, pin: str) -> LoginResult:
    """Check a PIN; count wrong tries across every kiosk process (the count is stored).

    A right PIN logs in even when the audit line cannot be written (`unrecorded` says why):
    a full disk must not lock the head out of her kiosk."""
    member = kiosk.repos.staff.get(staff_id)
    if member is None or not member.active:
        raise NotFound(_("no staff member {id!r}").format(id=staff_id))
    right = bool(member.pin_hash) and auth.verify_pin(pin, member.pin_hash)  # slow: outside the lock
    try:
        return _record_login(kiosk, staff_id, right)
    except StoreError as exc:
        if right:
            return LoginResult(member, unrecorded=str(exc))
        return LoginResult(None, attempts_left=0, unrecorded=str(exc))


def _record_login(kiosk: Kiosk, staff_id: str, right: bool) -> LoginResult:
    security = kiosk.config.security
    now = kiosk.clock.now()
    with kiosk.store.transaction():
        staff = kiosk.repos.staff.get(staff_id)
        if staff is None or not staff.active:
            raise NotFound(_("no staff member {id!r}").format(id=staff_id))
        if auth.is_locked(staff, now):
            kiosk.audit(staff.id, "login-while-locked")
            return LoginResult(None, locked_until=staff.locked_until)
        if right:
            if staff.failed_attempts or staff.locked_until or staff.lockouts:
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


def _change(kiosk: Kiosk, member: Staff, who: str, action: str, **changes: object) -> Staff:
    with kiosk.store.transaction():
        current = kiosk.repos.staff.get(member.id) or member
        updated = replace(current, **changes)  # type: ignore[arg-type]
        kiosk.repos.staff.save(updated)
        kiosk.audit(who, action, staff=member.id)
    return updated


def unlock(kiosk: Kiosk, member: Staff, who: str) -> Staff:
    """The head lifts a wrong-PIN lock at once."""
    return _change(kiosk, member, who, "staff-unlock", failed_attempts=0, locked_until=None)


def set_active(kiosk: Kiosk, member: Staff, active: bool, who: str) -> Staff:
    """Staff who leave are disabled, never deleted: the history keeps their name. Checked and
    saved in one transaction: another kiosk cannot hand them a follow-up in between."""
    with kiosk.store.transaction():
        if not active:
            _may_leave(kiosk, member)
        return _change(kiosk, member, who, "staff-enable" if active else "staff-disable", active=active)


def _may_leave(kiosk: Kiosk, member: Staff) -> None:
    if member.role is Role.HEAD and sum(1 for s in list_staff(kiosk) if s.role is Role.HEAD) <= 1:
        raise KioskError(_("{name} is the only head: add another head first").format(name=member.name))
    owed = sum(1 for f in kiosk.repos.follow_ups.all() if f.owner == member.id and f.done_at is None)
    if owed:  # nobody would see them come due
        raise KioskError(ngettext(
            "{name} still owes {n} answer to parents: hand it over or mark it done first (F3, or kiosk "
            "followups handover/done)",
            "{name} still owes {n} answers to parents: hand them over or mark them done first (F3, or kiosk "
            "followups handover/done)", owed).format(name=member.name, n=owed))
