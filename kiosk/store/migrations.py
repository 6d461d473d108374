"""Schema versions of the data files and the explicit steps between them.

Each file carries `_meta: {"1": {"schema": N, "kind": ...}}`. Older files are upgraded in
memory when read and written back at their next change; newer files are refused.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SCHEMA_VERSION = 1
META_TABLE = "_meta"

Data = dict[str, Any]

# version N → function that turns a version-N file into version N+1.
MIGRATIONS: dict[int, Callable[[Data], Data]] = {}


def schema_of(data: Data) -> int:
    meta = data.get(META_TABLE, {}).get("1", {})
    version = meta.get("schema", SCHEMA_VERSION) if isinstance(meta, dict) else None
    if not isinstance(version, int):
        raise ValueError("schema version is missing or not a number")
    return version


def migrate(data: Data) -> Data:
    version = schema_of(data)
    if version > SCHEMA_VERSION:
        raise ValueError(
            f"written by a newer kiosk (schema {version}, this kiosk knows {SCHEMA_VERSION})"
        )
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    return data
