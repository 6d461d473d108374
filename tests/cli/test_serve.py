"""`kiosk serve`: the kiosk in a browser through textual-serve. Only 127.0.0.1 traffic; every
server started here is terminated, and every wait is bounded."""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import write_config

SCHOOL = "Basisschool Het Testbos"
START_TIMEOUT = 20.0
# Never through a proxy from the environment: the requests stay on this machine.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))
_ESCAPE = re.compile(rb"\x1b(?:\[[0-9;?<>=$]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def cfg(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("serve")
    path = write_config(root, language="en")
    demo = subprocess.run([sys.executable, "-m", "kiosk", "--config", str(path), "demo", "--pupils", "10"],
                          capture_output=True, text=True, timeout=120)
    assert demo.returncode == 0, demo.stderr
    return path


class Served:
    def __init__(self, process: subprocess.Popen[bytes], port: int, out: Path, err: Path) -> None:
        self.process, self.port, self.out, self.err = process, port, out, err

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def stderr(self) -> str:
        return self.err.read_text(encoding="utf-8", errors="replace")

    def stdout(self) -> str:
        return self.out.read_text(encoding="utf-8", errors="replace")

    def children(self) -> list[int]:
        """Processes the server started (one kiosk per browser), read from /proc."""
        path = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        if not path.exists():
            return []
        return [int(pid) for pid in path.read_text().split()]


@contextlib.contextmanager
def serve(cfg: Path, tmp_path: Path, *extra: str) -> Iterator[Served]:
    port = free_port()
    out, err = tmp_path / f"serve-{port}.out", tmp_path / f"serve-{port}.err"
    with out.open("wb") as stdout, err.open("wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "kiosk", "--config", str(cfg), "serve", "--port", str(port), *extra],
            stdin=subprocess.DEVNULL, stdout=stdout, stderr=stderr, env=os.environ.copy(),
        )
    try:
        yield Served(process, port, out, err)
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


def wait_for_page(served: Served) -> tuple[int, str]:
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        assert served.process.poll() is None, f"server stopped: {served.stderr()}"
        try:
            with OPENER.open(served.url, timeout=2) as response:
                return response.status, response.read().decode("utf-8")
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            if time.monotonic() > deadline:
                pytest.fail(f"no answer from {served.url} within {START_TIMEOUT}s: {served.stderr()}")
            time.sleep(0.2)


def wait_for_stderr(served: Served, text: str, timeout: float = 10.0) -> str:
    deadline = time.monotonic() + timeout
    while text not in served.stderr():
        if time.monotonic() > deadline or served.process.poll() is not None:
            break
        time.sleep(0.1)
    return served.stderr()


async def terminal_output(url: str, wanted: str, timeout: float = 20.0) -> str:
    """What the kiosk process sends to the browser, without escape codes, until `wanted` shows."""
    import aiohttp

    received = b""
    async with aiohttp.ClientSession() as session, session.ws_connect(url, timeout=aiohttp.ClientWSTimeout(
            ws_close=5)) as ws:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                message = await asyncio.wait_for(ws.receive(), timeout=max(0.1, deadline - time.monotonic()))
            except TimeoutError:
                break
            if message.type == aiohttp.WSMsgType.BINARY:
                received += message.data
            elif message.type != aiohttp.WSMsgType.TEXT:
                break
            if wanted in _ESCAPE.sub(b"", received).decode("utf-8", "replace"):
                break
        assert b"\x1b[" in received, "no terminal output came over the websocket"
    return _ESCAPE.sub(b"", received).decode("utf-8", "replace")


def test_serve_answers_and_streams_the_kiosk(cfg: Path, tmp_path: Path):
    with serve(cfg, tmp_path) as served:
        status, html = wait_for_page(served)
        assert status == 200
        assert SCHOOL in html
        assert "textual" in html.lower()
        match = re.search(r'data-session-websocket-url="(ws://[^"]+)"', html)
        assert match, html
        ws_url = match.group(1)
        assert ws_url.startswith(f"ws://127.0.0.1:{served.port}/")
        stderr = served.stderr()
        assert f"http://127.0.0.1:{served.port}/" in stderr
        assert "WARNING" not in stderr                       # localhost: no warning

        # The page's websocket: the server starts a kiosk process and streams its screen.
        screen = asyncio.run(terminal_output(f"{ws_url}?width=100&height=30", SCHOOL))
        assert SCHOOL in screen
        assert "Greet Klaprooswijk" in screen                 # the login screen lists the staff
        # Leaving the page ends that kiosk process.
        deadline = time.monotonic() + 10
        while served.children() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert served.children() == []
        assert served.process.poll() is None                  # the server itself keeps serving
        assert OPENER.open(served.url, timeout=5).status == 200


@pytest.mark.parametrize("host", ["0.0.0.0"])
def test_serve_on_another_host_warns(cfg: Path, tmp_path: Path, host: str):
    with serve(cfg, tmp_path, "--host", host) as served:
        stderr = wait_for_stderr(served, "Kiosk at")
        warnings = [line for line in stderr.splitlines() if "WARNING" in line]
        assert len(warnings) == 1, stderr
        assert host in warnings[0] and "network" in warnings[0]
        assert stderr.index("WARNING") < stderr.index("Kiosk at")   # before the server starts
        assert "Traceback" not in stderr


def test_serve_localhost_name_does_not_warn(cfg: Path, tmp_path: Path):
    with serve(cfg, tmp_path, "--host", "localhost") as served:
        stderr = wait_for_stderr(served, "Kiosk at")
        assert "Kiosk at http://localhost:" in stderr
        assert "WARNING" not in stderr
