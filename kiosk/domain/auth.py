"""PINs: slow salted hashing (stdlib scrypt) and the wrong-PIN lockout rule."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import os
import re
from dataclasses import dataclass, field, replace

from kiosk.domain.models import Staff
from kiosk.domain.text import fold

_PIN_RE = re.compile(r"^[0-9]{4,8}$")  # ASCII digits only: \d would also take ٣ or ३
# scrypt cost: about 50 ms per check on a school PC, enough to make guessing slow.
_N, _R, _P = 2**14, 8, 1


def valid_pin(pin: str) -> bool:
    return bool(_PIN_RE.match(pin))


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return "$".join(
        ["scrypt", str(_N), str(_R), str(_P), _b64(salt), _b64(digest)]
    )


def verify_pin(pin: str, stored: str) -> bool:
    """False for a wrong PIN, and for a hash of any scheme or cost this kiosk did not make."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt" or not valid_pin(pin):
            return False
        expected = base64.b64decode(digest, validate=True)
        if len(expected) < 16:
            return False
        actual = hashlib.scrypt(
            pin.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
            dklen=len(expected),
        )
    except ValueError:
        return False
    return hmac.compare_digest(actual, expected)


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


MAX_LOCKOUT = dt.timedelta(hours=24)
GUARD_WINDOW = dt.timedelta(minutes=15)


@dataclass
class ScreenGuard:
    """Wrong PINs typed on one screen, whatever the name: someone at one terminal cannot
    go through the list locking every colleague's name (each name allows a few tries)."""

    max_wrong: int
    lockout: dt.timedelta
    wrong_at: list[dt.datetime] = field(default_factory=list)
    locked_until: dt.datetime | None = None

    def wrong(self, now: dt.datetime) -> None:
        self.wrong_at = [t for t in self.wrong_at if now - t < GUARD_WINDOW] + [now]
        if len(self.wrong_at) >= self.max_wrong:
            self.locked_until = now + self.lockout
            self.wrong_at = []

    def locked(self, now: dt.datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until


def is_locked(staff: Staff, now: dt.datetime) -> bool:
    return staff.locked_until is not None and now < staff.locked_until


def lockout_length(base: dt.timedelta, lockouts: int) -> dt.timedelta:
    """The first lockout lasts `base`; each next one in a row twice as long, up to a day."""
    factor: int = 2 ** min(lockouts, 20)
    return min(base * factor, MAX_LOCKOUT)


def after_failure(staff: Staff, now: dt.datetime, max_attempts: int, lockout: dt.timedelta) -> Staff:
    failed = staff.failed_attempts + 1
    if failed >= max_attempts:
        return replace(staff, failed_attempts=0, lockouts=staff.lockouts + 1,
                       locked_until=now + lockout_length(lockout, staff.lockouts))
    return replace(staff, failed_attempts=failed)


def after_success(staff: Staff) -> Staff:
    return replace(staff, failed_attempts=0, locked_until=None, lockouts=0)


def unlocked(staff: Staff) -> Staff:
    """Lifted by the head: the name can try again at once (the escalation stays)."""
    return replace(staff, failed_attempts=0, locked_until=None)


def staff_id_for(name: str, taken: set[str] | frozenset[str] = frozenset()) -> str:
    """A stable id from a display name: lower case ASCII letters, digits and dashes. Names in
    another script, or a name whose id is taken, get a number: ids never collide."""
    base = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-") or "staff"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate
