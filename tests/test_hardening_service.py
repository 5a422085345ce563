"""The running service under attack from one machine: slow and vanishing clients, a stop signal while work is in
flight, a Host header that names another site.  A real ``argmap serve`` on a loopback port, driven by sockets."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

MINI = Path(__file__).resolve().parent / "fixtures" / "mini"
BOUND = 30.0  # seconds: far above any real answer; what never ends fails here


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(self, proc: subprocess.Popen[bytes], port: int, log: Path) -> None:
        self.proc, self.port, self.log = proc, port, log

    def connect(self) -> socket.socket:
        s = socket.create_connection(("127.0.0.1", self.port), timeout=BOUND)
        return s

    def request(self, raw: bytes) -> bytes:
        with self.connect() as s:
            s.sendall(raw)
            chunks = []
            while chunk := s.recv(65536):
                chunks.append(chunk)
        return b"".join(chunks)


def _start(tmp_path: Path, env: dict[str, str] | None = None, *args: str) -> Server:
    maps = tmp_path / "maps"
    if not maps.exists():
        shutil.copytree(MINI, maps)
    port = _free_port()
    log = tmp_path / "server.log"
    proc = subprocess.Popen(
        [sys.executable, "-m", "argmap", "serve", "--port", str(port), "--maps", str(maps), *args],
        env={**os.environ, "ARGMAP_RELOAD_INTERVAL": "0", **(env or {})},
        stdout=subprocess.DEVNULL, stderr=log.open("wb"))
    deadline = time.monotonic() + BOUND
    while True:
        assert proc.poll() is None, log.read_text()
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            assert time.monotonic() < deadline, "the server never started"
            time.sleep(0.1)
    return Server(proc, port, log)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    srv = _start(tmp_path, {"ARGMAP_READ_TIMEOUT": "1"})
    yield srv
    if srv.proc.poll() is None:
        srv.proc.kill()
        srv.proc.wait()


def _get(path: str, host: str = "127.0.0.1") -> bytes:
    return f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode()


def test_sigterm_stops_the_service_while_a_client_holds_a_request_half_sent(tmp_path: Path) -> None:
    srv = _start(tmp_path)  # the default read timeout (10 s): the half-sent request is still open at the signal
    try:
        held = srv.connect()
        held.sendall(b"POST /validate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/yaml\r\n"
                     b"Content-Length: 1000\r\n\r\nid: ")
        time.sleep(0.3)
        srv.proc.send_signal(signal.SIGTERM)
        srv.proc.wait(timeout=BOUND)  # before: it waited for the body for ever
        held.close()
    finally:
        if srv.proc.poll() is None:
            srv.proc.kill()
            srv.proc.wait()


def test_a_slow_body_is_cut_off_at_the_read_timeout_and_logged_in_one_line(server: Server) -> None:
    with server.connect() as s:
        s.sendall(b"POST /validate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/yaml\r\n"
                  b"Content-Length: 1000\r\n\r\nid: ")
        s.settimeout(BOUND)
        assert s.recv(65536) == b""  # the server closed the connection (before: held open with no limit)
    assert server.request(_get("/version")).startswith(b"HTTP/1.1 200")  # the service still answers
    server.proc.send_signal(signal.SIGTERM)
    server.proc.wait(timeout=BOUND)
    log = server.log.read_text()
    assert "Traceback" not in log and "internal error" not in log
    lines = [line for line in log.splitlines() if "closed the connection before the body was complete" in line]
    assert len(lines) == 1 and len(lines[0]) < 300  # one short line (before: 8.5 KB of traceback)


def test_a_silent_connection_is_closed_at_the_read_timeout(server: Server) -> None:
    with server.connect() as s:
        s.settimeout(BOUND)
        assert s.recv(65536) == b""


def test_a_request_for_another_host_is_refused_and_never_redirected_there(server: Server) -> None:
    answer = server.request(_get("/maps/", host="evil.example"))
    assert answer.startswith(b"HTTP/1.1 400") and b"evil.example" not in answer.split(b"\r\n\r\n")[0]
    assert server.request(_get("/maps", host="localhost")).startswith(b"HTTP/1.1 200")
    assert server.request(_get("/maps", host=f"127.0.0.1:{server.port}")).startswith(b"HTTP/1.1 200")


def test_a_served_name_is_answered_when_given(tmp_path: Path) -> None:
    srv = _start(tmp_path, None, "--server-name", "maps.school.example")
    try:
        assert srv.request(_get("/version", host="maps.school.example")).startswith(b"HTTP/1.1 200")
        assert srv.request(_get("/version", host="other.example")).startswith(b"HTTP/1.1 400")
    finally:
        srv.proc.kill()
        srv.proc.wait()


def test_the_preview_answers_only_its_own_host(tmp_path: Path) -> None:
    import http.client

    from argmap.cli.preview_server import PreviewServer

    shutil.copytree(MINI, tmp_path / "maps")
    preview = PreviewServer(tmp_path / "maps" / "alpha.yaml", port=0, render=False)
    preview.start()
    try:
        port = int(preview.url.rstrip("/").rsplit(":", 1)[1])
        answers = {}
        for host in ("evil.example", "localhost", f"127.0.0.1:{port}"):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=BOUND)
            conn.request("GET", "/state.json", headers={"Host": host})
            answers[host] = conn.getresponse().status
            conn.close()
    finally:
        preview.stop()
    assert answers == {"evil.example": 400, "localhost": 200, f"127.0.0.1:{port}": 200}


def _app_client(tmp_path: Path, **settings: object) -> object:
    from argmap_api import Settings, create_app
    from fastapi.testclient import TestClient

    maps = tmp_path / "maps"
    if not maps.exists():
        shutil.copytree(MINI, maps)
    return TestClient(create_app(Settings(maps_dir=maps, reload_interval=0, **settings)))  # type: ignore[arg-type]


def test_the_teacher_pages_are_served_only_when_the_teacher_turns_them_on(tmp_path: Path) -> None:
    with _app_client(tmp_path) as c:  # type: ignore[attr-defined]
        index = c.get("/site/index.html")
        assert index.status_code == 200
        assert c.get("/site/teacher.html").status_code == 404
        handouts = [p for p in c.get("/site/nothing-here.html").json()["detail"].split() if "teacher" in p]
        assert handouts == []  # the 404's hint does not name them either
    with _app_client(tmp_path, teacher_pages=True) as c:  # type: ignore[attr-defined]
        assert c.get("/site/teacher.html").status_code == 200


def test_a_flood_of_diagnostics_is_capped_and_the_rest_counted(tmp_path: Path) -> None:
    nodes = "\n".join(f"  - {{id: 'bad id {i}', kind: premise, text: t, quote: q}}" for i in range(400))
    body = f"id: m\ntitle: t\nsource: {{path: x.txt, sha256: '{'0' * 64}'}}\nnodes:\n{nodes}\n"
    with _app_client(tmp_path, max_diagnostics=50) as c:  # type: ignore[attr-defined]
        answer = c.post("/validate", content=body, headers={"Content-Type": "application/yaml"}).json()
    listed = len(answer["errors"]) + len(answer["warnings"])
    assert listed == 50 and answer["omitted"] >= 350 and answer["valid"] is False


def test_the_schema_says_depth_needs_a_focus(tmp_path: Path) -> None:
    with _app_client(tmp_path) as c:  # type: ignore[attr-defined]
        schema = c.get("/openapi.json").json()
    depth = next(p for p in schema["paths"]["/maps/{map_id}/diagram.svg"]["get"]["parameters"] if p["name"] == "depth")
    assert "focus" in depth["description"] and "422" in depth["description"]


def test_one_clients_flood_of_heavy_work_leaves_a_place_for_another_client() -> None:
    """Two places; one client sends five computations that block until released; another client's one computation
    runs to the end while all five are still waiting or blocked (before: the flood held both places)."""
    import asyncio
    import threading

    from argmap_api.work import CLIENT, Gate

    release = threading.Event()
    events: list[str] = []

    async def main() -> None:
        gate = Gate(2)

        async def flood(i: int) -> None:
            CLIENT.set("10.0.0.66")
            await gate.run(lambda: (events.append(f"flood{i} start"), release.wait(BOUND)))

        async def honest() -> None:
            CLIENT.set("10.0.0.7")
            await asyncio.sleep(0.05)  # the flood is queued first
            await gate.run(lambda: events.append("honest done"))
            release.set()

        await asyncio.wait_for(asyncio.gather(*(flood(i) for i in range(5)), honest()), BOUND)

    asyncio.run(main())
    assert events.index("honest done") == 1, events  # only one flood computation had started before it


def test_the_layout_of_a_diagram_is_stopped_at_the_render_timeout(tmp_path: Path) -> None:
    """A layout that never ends (checking its time limit as the layout does) is a RenderTimeout, not a hang."""
    import asyncio

    from argmap_api.svg_cache import Renderer
    from argmap_api.work import Gate, Results

    from argmap.errors import RenderTimeout
    from argmap.files.limits import check_time

    def endless_layout() -> str:
        while True:
            check_time()

    class Snap:
        results = Results(Gate(1))

    async def draw() -> object:
        return await Renderer(timeout=0.2).svg(Snap(), ("endless",), endless_layout)  # type: ignore[arg-type]

    with pytest.raises(RenderTimeout, match=r"drawing the diagram took more than 0\.2 s"):
        asyncio.run(asyncio.wait_for(draw(), BOUND))


def test_every_computation_at_the_gate_runs_under_its_time_limit() -> None:
    import asyncio

    from argmap_api.work import Gate

    from argmap.errors import RenderTimeout
    from argmap.files.limits import check_time

    def endless() -> None:
        while True:
            check_time()

    with pytest.raises(RenderTimeout, match=r"took more than 0\.2 s"):
        asyncio.run(asyncio.wait_for(Gate(1, seconds=0.2).run(endless), BOUND))
