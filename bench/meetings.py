"""Filling the parent evening of the whole demo school from its reply slips (2,000 pupils,
siblings, separated households): the time against a 2-second budget, and how many are
placed next to a greedy one-by-one booking of the same replies (the fill must place at
least as many)."""

from __future__ import annotations

import datetime as dt
import random
import time
from pathlib import Path

from bench.fixtures import open_school
from kiosk.domain import meetings as rules
from kiosk.domain.meetings import Availability, Board, Wanted
from kiosk.domain.models import Round, Session

BUDGET = 2.0  # seconds
EVENINGS = (dt.date(2026, 12, 15), dt.date(2026, 12, 17))


def _round(kiosk_staff: list[str]) -> Round:
    sessions = tuple(Session(s, day, dt.time(16, 0), dt.time(20, 0)) for day in EVENINGS for s in kiosk_staff)
    return Round("Oudercontact", "parent_evening", sessions, slot_minutes=10, id="bench")


def _wanted(school: Path) -> tuple[Round, list[Wanted], Board]:
    kiosk = open_school(school)
    rng = random.Random(7)
    pupils = kiosk.repos.pupils.all()
    teachers = {c: s.id for s in kiosk.repos.staff.all() for c in s.classes}
    round_ = _round(sorted(set(teachers.values())))
    wanted = []
    for pupil in pupils:
        if pupil.class_name not in teachers:
            continue
        after = rng.choice((None, None, dt.time(17, 0), dt.time(18, 30)))
        not_days = frozenset(rng.sample(EVENINGS, k=rng.choice((0, 0, 1))))
        wanted.append(Wanted(pupil, teachers[pupil.class_name], Availability(after, not_days)))
    return round_, wanted, Board.of([], {p.id: p for p in pupils})


def run(school: Path) -> list[tuple[str, float, str, bool]]:
    round_, wanted, board = _wanted(school)
    start = time.perf_counter()
    filled = rules.fill(round_, wanted, board)
    took = time.perf_counter() - start
    one_by_one = rules.greedy(round_, wanted, board)
    share = len(filled.placed) / max(one_by_one, 1)
    print(f"  fill: {len(wanted)} meetings wanted, {len(filled.placed)} placed "
          f"({len(filled.apart)} apart from a sibling) in {took:.2f} s; greedy one by one: {one_by_one}")
    return [
        (f"fill a parent evening, {len(wanted)} pupils, vs {BUDGET:.0f} s (target <= 1)", took / BUDGET, "x",
         took <= BUDGET),
        ("pupils placed by the fill vs greedy one by one (target >= 1)", share, "x", share >= 1),
    ]
