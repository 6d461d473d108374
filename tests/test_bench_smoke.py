"""`python -m bench` must keep running: its parts on a tiny school (no timing is checked)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import gate, invites, meetings, notes, sms, writes
from bench.fixtures import make_school


@pytest.fixture(scope="module")
def schools(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("bench")
    return make_school(root / "one", years=1, pupils=80), make_school(root / "three", years=3, pupils=80)


def test_write_and_gate_figures_run(schools, tmp_path, monkeypatch):
    monkeypatch.setattr(writes, "ROUNDS", 2)
    monkeypatch.setattr(gate, "BLOCKS", 1)
    monkeypatch.setattr(gate, "ROUNDS", 2)
    monkeypatch.setattr(gate, "QUERIES", ("l3",))
    monkeypatch.setattr(sms, "ROUNDS", 1)
    monkeypatch.setattr(notes, "BLOCKS", 1)
    monkeypatch.setattr(notes, "ROUNDS", 1)
    monkeypatch.setattr(invites, "HOUSEHOLDS", 3)
    results = (writes.run(*schools, tmp_path) + gate.run(*schools) + sms.run(schools[1]) + notes.run(*schools)
               + meetings.run(schools[0]) + invites.run(schools[0], tmp_path))
    assert len(results) == 11
    for name, ratio, unit, _ok in results:
        assert name and unit == "x" and ratio > 0
