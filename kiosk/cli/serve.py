"""`kiosk serve`: the kiosk in a browser (the gate tablet), through textual-serve.

What textual-serve leaves to the application, done here:
- the page points the browser at the websocket of the address the browser used (or
  `--public-url`), so a tablet can connect when the server listens on every interface;
- the page loads nothing from any other server (the font is textual-serve's own copy);
- it has a title and a viewport for tablets, and speaks the kiosk's language;
- the websocket only accepts pages of this server (Origin), and at most
  `serve.max_sessions` kiosks run at once (a clear page says so when more are asked).
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from aiohttp import web
from textual_serve.server import Server

from kiosk import i18n
from kiosk.cli.common import note
from kiosk.errors import KioskError
from kiosk.i18n import _, ngettext
from kiosk.services.context import Kiosk

TEMPLATES = Path(__file__).with_name("templates")
FONT_SIZE = 16


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


class KioskServer(Server):
    def __init__(self, command: str, *, host: str, port: int, title: str, public_url: str | None,
                 max_sessions: int) -> None:
        super().__init__(command, host=host, port=port, title=title, public_url=public_url)
        self.fixed_public_url = public_url
        self.max_sessions = max_sessions
        self.sessions = 0
        self.pages = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True)

    def initialize_logging(self) -> None:
        """textual-serve's rich logging would show tracebacks with local variables: keep quiet."""

    async def on_startup(self, app: web.Application) -> None:
        """textual-serve prints a banner with its command line; the kiosk said where it is."""

    def _base_url(self, request: web.Request) -> str:
        """The address the browser used, so the websocket works from any device."""
        if self.fixed_public_url:
            return self.fixed_public_url.rstrip("/")
        return f"{request.scheme}://{request.host}"

    def _page(self, name: str, **context: Any) -> web.Response:
        html = self.pages.get_template(name).render(language=i18n.language(), title=self.title, **context)
        return web.Response(text=html, content_type="text/html",
                            headers={"Content-Security-Policy": "default-src 'self'; style-src 'self' "
                                     "'unsafe-inline'; script-src 'self'; connect-src 'self' ws: wss:",
                                     "Cache-Control": "no-store"})

    def _full(self) -> web.Response:
        message = ngettext("The kiosk is already open on {n} screen, the most it allows. Close it on "
                           "another tablet or computer, then reload this page.",
                           "The kiosk is already open on {n} screens, the most it allows. Close it on "
                           "another tablet or computer, then reload this page.",
                           self.max_sessions).format(n=self.max_sessions)
        response = self._page("kiosk_full.html", message=message)
        response.set_status(503)
        return response

    async def handle_index(self, request: web.Request) -> web.Response:
        if self.sessions >= self.max_sessions:
            return self._full()
        base = self._base_url(request)
        websocket = ("wss" if base.startswith("https") else "ws") + base[base.index(":"):] + "/ws"
        return self._page("kiosk_page.html", static_url=f"{base}/static/", websocket_url=websocket,
                          font_size=FONT_SIZE, ended=_("The kiosk was closed or locked away."),
                          restart=_("Start again"))

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.router.add_get("/favicon.ico", lambda _request: _no_content())
        return app

    def _same_origin(self, request: web.Request) -> bool:
        origin = request.headers.get("Origin", "")
        if not origin:
            return False  # browsers always send one on a websocket; anything else is not the page
        return origin.lower() == _origin(self._base_url(request))

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        if not self._same_origin(request):
            raise web.HTTPForbidden(text=_("This kiosk only answers its own page."))
        if self.sessions >= self.max_sessions:
            raise web.HTTPServiceUnavailable(text=_("The kiosk is open on too many screens."))
        self.sessions += 1
        try:
            return await super().handle_websocket(request)
        finally:
            self.sessions -= 1


async def _no_content() -> web.Response:
    return web.Response(status=204)


def serve(kiosk: Kiosk, *, host: str, port: int, public_url: str | None) -> int:
    """Each browser gets its own kiosk process on the same store, with its own login."""
    config = kiosk.config
    command = shlex.join([sys.executable, "-m", "kiosk", "--config", str(config.path)])
    public = public_url or config.serve.public_url or None
    shown = public or f"http://{host}:{port}"
    server = KioskServer(command, host=host, port=port, title=config.school.name, public_url=public,
                         max_sessions=config.serve.max_sessions)
    note(_("Kiosk at {url}/ (ctrl+c stops)").format(url=shown.rstrip("/")))
    try:
        server.serve()
    except OSError as exc:
        raise KioskError(_("cannot serve on {host}:{port}: {reason} (is the port in use?)").format(
            host=host, port=port, reason=exc.strerror or exc)) from None
    return 0
