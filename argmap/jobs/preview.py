"""``argmap preview``: a page on 127.0.0.1 that redraws a map each time its file is saved.

A watcher thread polls the map file, its essay and its claim registry (modification
time and size, every :data:`POLL_SECONDS`).  On a change it checks the map and
builds a :class:`PreviewState`: the diagram (SVG) when the map is valid, the
located errors and warnings, and the coverage of the essay.  The page listens on
a Server-Sent Events stream (``/events``) and replaces its content with each new
state; ``/state.json`` answers the current state.  Only the standard library is
used (``http.server``); the diagram needs Graphviz's ``dot`` like every diagram.

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


def preview_state(map_file: Path, *, version: int, claims: Path | None = None, render: bool = True) -> PreviewState:
    """Check ``map_file`` and describe it for the page (``render=False`` skips the diagram)."""
    from argmap.corpus.load import check_corpus
    from argmap.queries.coverage import coverage_line, map_coverage

    corpus, diags = check_corpus([map_file], claims)
    errors = [str(d) for d in diags if d.severity == "error"]
    warnings = [str(d) for d in diags if d.severity == "warning"]
    if corpus is None or not corpus.maps:
        return PreviewState(version, False, errors=errors or [f"{map_file}: no map"], warnings=warnings)
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
    return PreviewState(version, not errors, gm.id, gm.model.title, svg, errors, warnings, cover)


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
        self.map_file, self.claims, self.render = map_file, claims, render
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
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # quiet: the terminal is the user's
            return

        def do_GET(self) -> None:
            if not host_allowed(self.headers.get("Host"), _PREVIEW_HOSTS):  # DNS rebinding: see argmap.jobs.hosts
                self._send(400, "text/plain; charset=utf-8", b"this preview answers only 127.0.0.1 and localhost\n")
            elif self.path == "/":
                self._send(200, "text/html; charset=utf-8", _PAGE.encode("utf-8"))
            elif self.path == "/state.json":
                self._send(200, "application/json", json.dumps(asdict(server.state)).encode("utf-8"))
            elif self.path == "/events":
                self._events()
            else:
                self._send(404, "text/plain; charset=utf-8", b"not found\n")

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


_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>argmap preview</title>
<style>
body{font-family:system-ui,sans-serif;margin:1rem 2rem;color:#222}
h1{font-size:1.2rem;margin:0 0 .5rem} #status{font-size:.9rem;color:#555}
#errors li{color:#b00020;font-family:monospace;white-space:pre-wrap}
#warnings li{color:#8a6100;font-family:monospace;white-space:pre-wrap}
#coverage{font-family:monospace;font-size:.85rem;color:#444;white-space:pre-wrap}
#diagram svg{max-width:100%;height:auto} .stale{opacity:.35}
</style></head><body>
<h1 id="title">argmap preview</h1><div id="status">waiting for the map…</div>
<ul id="errors"></ul><ul id="warnings"></ul><div id="diagram"></div><pre id="coverage"></pre>
<script>
function items(id, list){const ul=document.getElementById(id);ul.replaceChildren(...list.map(t=>{
  const li=document.createElement('li');li.textContent=t;return li;}));}
function show(s){
  document.getElementById('title').textContent=s.title?s.title+' ['+s.map+']':'argmap preview';
  document.getElementById('status').textContent=(s.ok?'valid':'not valid')+' · save '+s.version;
  document.getElementById('status').dataset.version=s.version;
  items('errors', s.errors); items('warnings', s.warnings);
  const d=document.getElementById('diagram'); if(s.svg!==null){d.innerHTML=s.svg;}
  d.classList.toggle('stale', !s.ok);
  document.getElementById('coverage').textContent=s.coverage.join('\\n');
}
new EventSource('/events').onmessage=e=>show(JSON.parse(e.data));
</script></body></html>
"""
