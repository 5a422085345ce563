"""``argmap preview``: a page on 127.0.0.1 that redraws a map each time its file is saved.

A watcher thread polls the map file, its essay and its claim registry (modification
time and size, every :data:`POLL_SECONDS`).  On a change it checks the map and
builds a :class:`PreviewState`: the diagram (SVG) when the map is valid, the
located errors and warnings, and the coverage of the essay.  The page listens on
a Server-Sent Events stream (``/events``) and replaces its content with each new
state; ``/state.json`` answers the current state.  Only the standard library is
used (``http.server``); the diagram needs Graphviz's ``dot`` like every diagram.

The page shows the essay beside the diagram: selecting a passage makes a node, and
relations, undercuts, claims and undo are a click away.  Those edits are posted to
``/edit`` and carried out by :mod:`argmap.jobs.preview_edit` (only from the page served,
with its per-session token, over loopback, and only to this one map file).

>>> from argmap.corpus.load import bundled_maps_dir
>>> state = preview_state(bundled_maps_dir() / "enforcer.yaml", version=1, render=False)
>>> state.ok, state.map, state.errors
(True, 'enforcer', [])
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from argmap.errors import ArgmapError
from argmap.jobs.hosts import allowed_hosts, host_allowed

__all__ = ["POLL_SECONDS", "PreviewServer", "PreviewState", "preview_state", "serve_preview"]

POLL_SECONDS = 0.2
_KEEPALIVE_SECONDS = 10.0
_PREVIEW_HOSTS = allowed_hosts("127.0.0.1")
_SOURCE_PATH = re.compile(r"^[ \t]+path:[ \t]*['\"]?([^'\"\n#]+)", re.M)  # no \s: a line at a time


@dataclass(frozen=True)
class PreviewState:
    """What the page shows after one save."""

    version: int
    ok: bool
    map: str | None = None
    title: str | None = None
    svg: str | None = None
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    coverage: list[str] = field(default_factory=list)
    essay: str | None = None
    """The essay's text, for selecting passages (None when the map names none or it cannot be read)."""
    quoted: list[tuple[int, int, str]] = field(default_factory=list)
    """The passages the nodes quote: (start, end, node id) in the essay's text."""
    nodes: list[dict[str, Any]] = field(default_factory=list)
    """Each node's id, kind, text, claim and suggested claims, read leniently from the file."""
    relations: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, str]] = field(default_factory=list)
    """The registry's claims (id, wording), to bind nodes to."""


def preview_state(map_file: Path, *, version: int, claims: Path | None = None, render: bool = True) -> PreviewState:
    """Check ``map_file`` and describe it for the page (``render=False`` skips the diagram)."""
    from argmap.corpus.load import check_corpus
    from argmap.queries.coverage import coverage_line, map_coverage

    corpus, diags = check_corpus([map_file], claims)
    errors = [str(d) for d in diags if d.severity == "error"]
    warnings = [str(d) for d in diags if d.severity == "warning"]
    from argmap.jobs.preview_edit import editing_state

    editing = editing_state(map_file, claims)
    if corpus is None or not corpus.maps:
        return PreviewState(version, False, errors=errors or [f"{map_file}: no map"], warnings=warnings, **editing)
    gm = next(iter(corpus.maps.values()))
    report = map_coverage(gm)
    cover = [coverage_line(report)] + [f"uncovered {report.mark}{p.number} (line {p.line}): {p.text[:90]}"
                                        for p in report.uncovered]
    svg = None
    if render:
        from argmap.render import map_svg

        try:
            svg = map_svg(gm).decode("utf-8")
        except ArgmapError as exc:
            errors.append(f"diagram: {exc.message}")
    return PreviewState(version, not errors, gm.id, gm.model.title, svg, errors, warnings, cover, **editing)


def _stamp(paths: list[Path]) -> tuple[tuple[int, int] | None, ...]:
    out: list[tuple[int, int] | None] = []
    for p in paths:
        try:
            st = p.stat()
            out.append((st.st_mtime_ns, st.st_size))
        except OSError:
            out.append(None)
    return tuple(out)


def _watched(map_file: Path, claims: Path | None) -> list[Path]:
    """The map, its essay (when the map names one) and its registry."""
    from argmap.files.confine import read_regular
    from argmap.yaml.reader import Limits

    paths = [map_file, claims or map_file.parent / "claims.yaml"]
    try:  # a regular file only, within the map size limit: a FIFO swapped in never blocks the watcher
        raw = read_regular(map_file, Limits().max_bytes)
        found = _SOURCE_PATH.search(raw.decode("utf-8", errors="replace"))
    except OSError:
        found = None
    if found:
        paths.append(map_file.parent / found.group(1).strip())
    return paths


class PreviewServer:
    """The preview's HTTP server and file watcher; ``start()`` runs both in threads, ``stop()`` ends them."""

    def __init__(self, map_file: Path, *, claims: Path | None = None, port: int = 0, render: bool = True) -> None:
        from argmap.jobs.preview_edit import MapEditor, new_token

        self.map_file, self.claims, self.render = map_file, claims, render
        self.token = new_token()
        self.editor = MapEditor(map_file)
        self._cond = threading.Condition()
        self._stop = threading.Event()
        self._stamp = _stamp(_watched(map_file, claims))  # before reading: a save during the first check is seen
        self.state = preview_state(map_file, version=1, claims=claims, render=render)
        self._http = ThreadingHTTPServer(("127.0.0.1", port), _handler(self))
        self._http.daemon_threads = True
        self._threads: list[threading.Thread] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._http.server_address[1]}/"

    def start(self) -> None:
        for target in (self._http.serve_forever, self._watch):
            t = threading.Thread(target=target, daemon=True)
            t.start()
            self._threads.append(t)

    def stop(self) -> None:
        self._stop.set()
        self._http.shutdown()
        self._http.server_close()
        with self._cond:
            self._cond.notify_all()

    def wait_for(self, version: int, timeout: float) -> PreviewState:
        """The first state newer than ``version`` (or the current one after ``timeout`` seconds)."""
        with self._cond:
            self._cond.wait_for(lambda: self.state.version > version or self._stop.is_set(), timeout)
            return self.state

    def _watch(self) -> None:
        stamp = self._stamp
        while not self._stop.wait(POLL_SECONDS):
            now = _stamp(_watched(self.map_file, self.claims))
            if now == stamp:
                continue
            stamp = now
            state = preview_state(self.map_file, version=self.state.version + 1, claims=self.claims,
                                  render=self.render)
            if state.svg is None and self.state.svg is not None:  # keep the last good diagram on screen
                state = PreviewState(**{**asdict(state), "svg": self.state.svg})
            with self._cond:
                self.state = state
                self._cond.notify_all()


def _handler(server: PreviewServer) -> type[BaseHTTPRequestHandler]:
    from argmap.jobs.preview_page import PAGE

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # quiet: the terminal is the user's
            return

        def do_GET(self) -> None:
            if not host_allowed(self.headers.get("Host"), _PREVIEW_HOSTS):  # DNS rebinding: see argmap.jobs.hosts
                self._send(400, "text/plain; charset=utf-8", b"this preview answers only 127.0.0.1 and localhost\n")
            elif self.path == "/":
                self._send(200, "text/html; charset=utf-8", PAGE.replace("__TOKEN__", server.token).encode("utf-8"))
            elif self.path == "/state.json":
                self._send(200, "application/json", json.dumps(asdict(server.state)).encode("utf-8"))
            elif self.path == "/events":
                self._events()
            else:
                self._send(404, "text/plain; charset=utf-8", b"not found\n")

        def do_POST(self) -> None:
            from argmap.jobs.preview_edit import answer_edit

            if self.path != "/edit":
                self._send(404, "text/plain; charset=utf-8", b"not found\n")
                return
            status, body = answer_edit(server.editor, server.token, server._http.server_address[1],
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
                while not server._stop.is_set():
                    state = server.wait_for(seen, _KEEPALIVE_SECONDS)
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
