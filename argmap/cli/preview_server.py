"""``argmap preview``'s front end: the page and its HTTP server on 127.0.0.1, over a
:class:`~argmap.jobs.preview.PreviewSession` that keeps the page's state current.

The page listens on a Server-Sent Events stream (``/events``) and replaces its content with each new state;
``/state.json`` answers the current state; ``/edit`` takes the page's edits.  Only the standard library is used
(``http.server``); it answers only the Host names 127.0.0.1 and localhost (DNS rebinding, :mod:`argmap.jobs.hosts`).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import asdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from argmap.errors import ArgmapError
from argmap.jobs.hosts import allowed_hosts, host_allowed
from argmap.jobs.preview import PreviewSession, PreviewState

__all__ = ["PreviewServer", "serve_preview"]

_KEEPALIVE_SECONDS = 10.0
_PREVIEW_HOSTS = allowed_hosts("127.0.0.1")


class PreviewServer:
    """The page's HTTP server and the session it serves; ``start()`` runs both in threads, ``stop()`` ends them."""

    def __init__(self, map_file: Path, *, claims: Path | None = None, port: int = 0, render: bool = True) -> None:
        self.session = PreviewSession(map_file, claims=claims, render=render)
        self._http = ThreadingHTTPServer(("127.0.0.1", port), _handler(self))
        self._http.daemon_threads = True

    @property
    def port(self) -> int:
        return int(self._http.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    @property
    def token(self) -> str:
        return self.session.token

    @property
    def state(self) -> PreviewState:
        return self.session.state

    def wait_for(self, version: int, timeout: float) -> PreviewState:
        return self.session.wait_for(version, timeout)

    def start(self) -> None:
        self.session.start()
        threading.Thread(target=self._http.serve_forever, name="argmap-preview-http", daemon=True).start()

    def stop(self) -> None:
        self.session.stop()
        self._http.shutdown()
        self._http.server_close()


def _handler(server: PreviewServer) -> type[BaseHTTPRequestHandler]:
    from argmap.jobs.preview_page import PAGE

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # quiet: the terminal is the user's
            return

        def do_GET(self) -> None:
            if not host_allowed(self.headers.get("Host"), _PREVIEW_HOSTS):  # DNS rebinding: see argmap.jobs.hosts
                self._send(400, "text/plain; charset=utf-8", b"this preview answers only 127.0.0.1 and localhost\n")
            elif self.path == "/":
                self._send(200, "text/html; charset=utf-8", PAGE.replace("__TOKEN__", server.session.token).encode("utf-8"))
            elif self.path == "/state.json":
                self._send(200, "application/json", json.dumps(asdict(server.session.state)).encode("utf-8"))
            elif self.path == "/events":
                self._events()
            else:
                self._send(404, "text/plain; charset=utf-8", b"not found\n")

        def do_POST(self) -> None:
            from argmap.jobs.preview_edit import answer_edit

            if self.path != "/edit":
                self._send(404, "text/plain; charset=utf-8", b"not found\n")
                return
            status, body = answer_edit(server.session.editor, server.session.token, server.port,
                                       dict(self.headers.items()), self.client_address[0], self.rfile.read)
            self._answer(status, body)

        def _answer(self, status: int, body: dict[str, Any]) -> None:
            self._send(status, "application/json", json.dumps(body).encode("utf-8"))

        def _send(self, status: int, ctype: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def _events(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            seen = 0
            try:
                while not server.session.stopped:
                    state = server.session.wait_for(seen, _KEEPALIVE_SECONDS)
                    if state.version > seen:
                        seen = state.version
                        self.wfile.write(b"data: " + json.dumps(asdict(state)).encode("utf-8") + b"\n\n")
                    else:
                        self.wfile.write(b": keep-alive\n\n")
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                return

    return Handler


def serve_preview(map_file: Path, *, claims: Path | None = None, port: int = 8765, open_browser: bool = False,
                  announce: Callable[[str], None] = print) -> None:
    """Run the preview until Ctrl-C."""
    try:
        server = PreviewServer(map_file, claims=claims, port=port)
    except OSError as exc:
        raise ArgmapError(f"cannot listen on 127.0.0.1:{port}: {exc.strerror} (try --port)") from None
    server.start()
    announce(server.url)
    if open_browser:
        import webbrowser

        webbrowser.open(server.url)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
