"""PINs: slow salted hashing (stdlib scrypt) and the wrong-PIN lockout rule."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import os
import re
from dataclasses import replace

from kiosk.domain.models import Staff
from kiosk.domain.text import fold

_PIN_RE = re.compile(r"^\d{4,8}$")
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
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(
            pin.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
            dklen=len(expected),
        )
    except ValueError:
        return False
    return hmac.compare_digest(actual, expected)


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def is_locked(staff: Staff, now: dt.datetime) -> bool:
    return staff.locked_until is not None and now < staff.locked_until


def after_failure(staff: Staff, now: dt.datetime, max_attempts: int, lockout: dt.timedelta) -> Staff:
    failed = staff.failed_attempts + 1
    if failed >= max_attempts:
        return replace(staff, failed_attempts=0, locked_until=now + lockout)
    return replace(staff, failed_attempts=failed)


def after_success(staff: Staff) -> Staff:
    return replace(staff, failed_attempts=0, locked_until=None)


def staff_id_for(name: str) -> str:
    """A stable id from a display name: lower case, ascii letters and digits, dashes."""
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-") or "staff"
