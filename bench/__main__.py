"""`python -m bench`: build the demo schools once, then print every figure as a ratio."""

from __future__ import annotations

import shutil
import sys
import time

from bench import gate, invites, meetings, notes, sms, startup, writes
from bench.fixtures import PUPILS, make_school, workdir


def main() -> int:
    root = workdir()
    try:
        began = time.perf_counter()
        print(f"Building demo schools ({PUPILS} pupils, 1 and 10 school years)…", flush=True)
        one_year = make_school(root / "one-year", years=1)
        ten_years = make_school(root / "ten-years", years=10)
        print(f"  built in {time.perf_counter() - began:.1f} s", flush=True)
        results = (writes.run(one_year, ten_years, root) + gate.run(one_year, ten_years) + sms.run(ten_years)
                   + notes.run(one_year, ten_years) + meetings.run(one_year) + invites.run(one_year, root)
                   + startup.run(ten_years))
    finally:
        shutil.rmtree(root, ignore_errors=True)
    width = max(len(name) for name, *_ in results)
    for name, value, unit, ok in results:
        print(f"{name.ljust(width)}  {value:8.2f}{unit}  {'OK' if ok else 'MISSED'}")
    return 0 if all(ok for *_, ok in results) else 1


if __name__ == "__main__":
    sys.exit(main())
