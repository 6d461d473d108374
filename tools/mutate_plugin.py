"""pytest plugin of `make mutate` (loaded with `-p tools.mutate_plugin`), two jobs:

- KIOSK_MUTATE_COVERAGE=<file>: record which test runs which line of kiosk/domain (coverage
  with the test's node id as context; code run at import has the empty context);
- KIOSK_MUTATE_ONLY=<file>: run only the tests whose node ids the file lists, in its order.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import coverage
import pytest


def _start() -> coverage.Coverage | None:
    """Started on import (`-p` plugins load before any conftest imports the kiosk), so that
    code run at import is seen too, with the empty context."""
    data_file = os.environ.get("KIOSK_MUTATE_COVERAGE")
    if not data_file:
        return None
    started = coverage.Coverage(data_file=data_file, source=["kiosk.domain"], branch=False)
    started.start()
    return started


_coverage = _start()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Iterator[None]:
    if _coverage is not None:
        _coverage.switch_context(item.nodeid)  # its fixtures too: they may build a school
    yield
    if _coverage is not None:
        _coverage.switch_context("")


def pytest_unconfigure(config: pytest.Config) -> None:
    if _coverage is not None:
        _coverage.stop()
        _coverage.save()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    only = os.environ.get("KIOSK_MUTATE_ONLY")
    if not only:
        return
    order = {nodeid: n for n, nodeid in enumerate(Path(only).read_text(encoding="utf-8").splitlines())}
    chosen = sorted((item for item in items if item.nodeid in order), key=lambda item: order[item.nodeid])
    config.hook.pytest_deselected(items=[item for item in items if item.nodeid not in order])
    items[:] = chosen
