"""`kiosk serve`: the kiosk in a browser through textual-serve. Only 127.0.0.1 traffic; every
server started here is terminated, and every wait is bounded."""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import shutil
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


async def terminal_output(url: str, wanted: str, timeout: float = 20.0, origin: str | None = None) -> str:
    """What the kiosk process sends to the browser, without escape codes, until `wanted` shows."""
    import aiohttp

    received = b""
    origin = origin or "http://" + url.split("/")[2]  # the page's own origin, as a browser sends it
    async with aiohttp.ClientSession() as session, session.ws_connect(url, timeout=aiohttp.ClientWSTimeout(
            ws_close=5), headers={"Origin": origin}) as ws:
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
        assert "warning" not in stderr                       # localhost: no warning
        assert "<title>" + SCHOOL + "</title>" in html and 'name="viewport"' in html
        assert "Session ended" not in html and "The kiosk was closed" in html  # the kiosk's words
        assert_only_own_host(html, f"127.0.0.1:{served.port}")

        # The page's websocket: the server starts a kiosk process and streams its screen.
        screen = asyncio.run(terminal_output(f"{ws_url}?width=100&height=30", "Greet Klaprooswijk"))
        assert SCHOOL in screen
        assert "Greet Klaprooswijk" in screen                 # the login screen lists the staff
        # Leaving the page ends that kiosk process.
        deadline = time.monotonic() + 10
        while served.children() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert served.children() == []
        assert served.process.poll() is None                  # the server itself keeps serving
        assert OPENER.open(served.url, timeout=5).status == 200


def assert_only_own_host(html: str, host: str) -> None:
    """Every address in the page is the kiosk's own: no font, script or image from elsewhere."""
    urls = re.findall(r'(?:src|href|url)\s*[=(]\s*"?([^")\s>]+)', html)
    urls += re.findall(r"(?:https?|wss?)://[^\s\"'<>)]+", html)
    assert urls, html
    for url in urls:
        if "://" in url:
            assert url.split("://", 1)[1].startswith(host + "/"), url
    assert "googleapis" not in html and "@import" not in html


@pytest.mark.parametrize("host", ["0.0.0.0"])
def test_serve_on_all_interfaces_warns_and_works_from_another_address(cfg: Path, tmp_path: Path, host: str):
    with serve(cfg, tmp_path, "--host", host) as served:
        stderr = wait_for_stderr(served, "Kiosk at")
        warnings = [line for line in stderr.splitlines() if "warning" in line]
        assert len(warnings) == 1, stderr
        assert host in warnings[0] and "network" in warnings[0]
        assert stderr.index("warning") < stderr.index("Kiosk at")   # before the server starts
        assert "Traceback" not in stderr
        wait_for_page(served)
        # a tablet reaches the server by another address: the page sends it back there
        other = f"127.0.0.2:{served.port}"
        with OPENER.open(f"http://{other}/", timeout=5) as response:
            html = response.read().decode("utf-8")
        assert f'data-session-websocket-url="ws://{other}/ws"' in html
        assert "0.0.0.0" not in html
        assert_only_own_host(html, other)
        screen = asyncio.run(terminal_output(f"ws://{other}/ws?width=100&height=30", SCHOOL))
        assert SCHOOL in screen


def test_serve_localhost_name_does_not_warn(cfg: Path, tmp_path: Path):
    with serve(cfg, tmp_path, "--host", "localhost") as served:
        stderr = wait_for_stderr(served, "Kiosk at")
        assert "Kiosk at http://localhost:" in stderr
        assert "warning" not in stderr


def test_the_websocket_refuses_pages_of_other_sites(cfg: Path, tmp_path: Path):
    import aiohttp

    async def handshake(url: str, headers: dict[str, str]) -> int:
        async with aiohttp.ClientSession() as session:
            try:
                async with session.ws_connect(url, headers=headers):
                    return 101
            except aiohttp.WSServerHandshakeError as exc:
                return exc.status

    with serve(cfg, tmp_path) as served:
        wait_for_page(served)
        url = f"ws://127.0.0.1:{served.port}/ws"
        assert asyncio.run(handshake(url, {"Origin": "http://evil.example"})) == 403
        assert asyncio.run(handshake(url, {})) == 403
    assert served.children() == []


def test_sessions_are_capped_with_a_clear_page(tmp_path: Path, cfg: Path):
    capped = write_config(tmp_path, language="en", extra="[serve]\nmax_sessions = 1\n")
    shutil.copytree(cfg.parent / "data", tmp_path / "data")

    async def one_open_and_ask_another(url: str, page: str) -> tuple[int, str]:
        import aiohttp

        async with aiohttp.ClientSession() as session, session.ws_connect(
                url, headers={"Origin": page.rstrip("/")}) as ws:
            await ws.receive(timeout=20)  # the first kiosk is running
            async with session.get(page) as response:
                return response.status, await response.text()

    with serve(capped, tmp_path) as served:
        wait_for_page(served)
        status, html = asyncio.run(one_open_and_ask_another(f"ws://127.0.0.1:{served.port}/ws", served.url))
        assert status == 503 and "already open on 1 screen," in html


def test_a_port_in_use_is_one_clear_line(cfg: Path, tmp_path: Path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "kiosk", "--config", str(cfg), "serve", "--port",
                                 str(port)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "port" in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("kiosk: ")
