"""Files handed out on request (a pupil's data, letters, calendars): written whole into a new
owner-only file, with its audit line. Both or neither: if the audit line cannot be written,
the file is taken back, so no copy exists that the audit trail does not know of."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kiosk.services.context import Kiosk
from kiosk.store.exports import remove_private, write_private


def write_audited(kiosk: Kiosk, out: Path, payload: bytes, who: str, action: str, *,
                  then: Callable[[], None] | None = None, **facts: object) -> Path:
    """`then` records what handing out the file means (letters printed), with the audit line."""
    path = write_private(out, payload)  # refused (nothing written, nothing audited) or whole
    try:
        with kiosk.store.transaction():
            kiosk.audit(who, action, "", **facts)
            if then is not None:
                then()
    except BaseException:
        remove_private(path)
        raise
    return path
