"""Helpers shared by the store tests (not a test module)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson

from tests.cli.runner import as_text, run_kiosk

ROOT = Path(__file__).resolve().parents[2]
WORKERS = "tests.store.workers"


def worker_popen(*args: str | Path) -> subprocess.Popen[str]:
    """A writer process (tests/store/workers.py) with the current environment."""
    return subprocess.Popen(
        [sys.executable, "-m", WORKERS, *map(str, args)],
        cwd=ROOT, env=os.environ.copy(), text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )


def kiosk_cli(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`python -m kiosk --config CONFIG ...` as the office would run it (a child process:
    tests/cli/runner.py)."""
    env = os.environ.copy()
    env.pop("KIOSK_DEBUG", None)
    return as_text(run_kiosk(["--config", str(config), *args], env=env))


def load(path: Path) -> dict[str, Any]:
    return orjson.loads(path.read_bytes())


def without(data: dict[str, Any], *tables: str) -> dict[str, Any]:
    return {name: table for name, table in data.items() if name not in tables}


def tree_bytes(directory: Path) -> dict[str, bytes]:
    """Every data file below `directory` (relative name → content), temp files excluded."""
    return {
        str(path.relative_to(directory)): path.read_bytes()
        for path in sorted(directory.rglob("*.json"))
        if "backups" not in path.relative_to(directory).parts
    }
