"""One persisted write with 1 and 10 school years of history, and with stock TinyDB."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

import orjson
from tinydb import TinyDB
from tinydb.storages import JSONStorage

from bench.fixtures import NOW, open_school
from kiosk.domain.models import Absence
from kiosk.services.context import Kiosk
from kiosk.store.codec import to_doc
from kiosk.store.migrations import META_TABLE

ROUNDS = 15


def absence(kiosk: Kiosk) -> Absence:
    pupil = kiosk.repos.pupils.all()[0]
    return Absence(pupil_id=pupil.id, start=NOW.date(), end=NOW.date(), code="sick_note",
                   created_at=NOW)


def stock_tinydb_copy(kiosk: Kiosk, target: Path) -> TinyDB:
    """All of the school's history in one file, as plain TinyDB would keep it."""
    merged: dict[str, dict[str, object]] = {}
    for path in kiosk.store.data_files():
        for table, docs in orjson.loads(path.read_bytes()).items():
            if table == META_TABLE:
                continue
            into = merged.setdefault(table, {})
            for doc in docs.values():
                into[str(len(into) + 1)] = doc
    target.write_bytes(orjson.dumps(merged))
    return TinyDB(target, storage=JSONStorage)


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def run(one_year: Path, ten_years: Path, workdir: Path) -> list[tuple[str, float, str, bool]]:
    small, large = open_school(one_year), open_school(ten_years)
    stock = stock_tinydb_copy(large, workdir / "stock.json").table("absences")
    records = {name: absence(k) for name, k in (("small", small), ("large", large))}
    writes: dict[str, Callable[[], object]] = {
        "small": lambda: small.repos.absences.add(records["small"]),
        "large": lambda: large.repos.absences.add(records["large"]),
        "stock": lambda: stock.insert(to_doc(records["large"])),
    }
    for write in writes.values():  # warm-up: first reads and caches are not what we time
        write()
    times: dict[str, list[float]] = {name: [] for name in writes}
    order = list(writes)
    for _ in range(ROUNDS):  # interleaved and rotated, so that machine noise hits all alike
        for name in order:
            times[name].append(timed(writes[name]))
        order = order[1:] + order[:1]
    median = {name: statistics.median(values) for name, values in times.items()}
    growth = median["large"] / median["small"]
    versus_stock = median["stock"] / median["large"]
    return [
        ("write, 10 years vs 1 year of history (target <= 1.2)", growth, "x", growth <= 1.2),
        ("write, stock TinyDB vs kiosk at 10 years (target >= 20)", versus_stock, "x",
         versus_stock >= 20),
    ]
