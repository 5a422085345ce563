"""Reliability probes on the service: no burst of requests runs more ``dot`` processes than the limit, heavy results
are computed once per snapshot and shared, failures are remembered, reloads wait for finished files, and /healthz
tells about skipped and vanished maps.  ``dot`` processes are counted by a wrapper put first on PATH."""

from __future__ import annotations

import shutil
import stat
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from argmap_api import Settings, create_app
from fastapi.testclient import TestClient

from argmap.errors import RenderTimeout
from argmap.files.atomic import write_atomic

MINI = Path(__file__).resolve().parent / "fixtures" / "mini"
REAL_DOT = shutil.which("dot")
needs_dot = pytest.mark.skipif(REAL_DOT is None, reason="Graphviz's dot is not installed")


@pytest.fixture
def maps(tmp_path: Path) -> Path:
    shutil.copytree(MINI, tmp_path / "maps")
    return tmp_path / "maps"


@pytest.fixture
def dot_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A ``dot`` that records how many ``dot`` processes run, each time one starts (one line per start)."""
    bin_dir, live, log = tmp_path / "bin", tmp_path / "live", tmp_path / "dot.log"
    bin_dir.mkdir()
    live.mkdir()
    log.touch()
    wrapper = bin_dir / "dot"
    wrapper.write_text(f"""#!{sys.executable}
import os, subprocess, sys, time
mark = os.path.join({str(live)!r}, str(os.getpid()))
open(mark, "w").close()
with open({str(log)!r}, "a") as fh:
    fh.write(f"{{len(os.listdir({str(live)!r}))}}\\n")
time.sleep(0.05)  # long enough for overlapping renders to see each other
try:
    sys.exit(subprocess.run([{REAL_DOT!r}, *sys.argv[1:]]).returncode)
finally:
    os.unlink(mark)
""")
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{bin_dir}:{__import__('os').environ['PATH']}")
    return log


def _starts(log: Path) -> list[int]:
    return [int(x) for x in log.read_text().split()]


@needs_dot
def test_the_site_herd_runs_at_most_the_render_limit_of_dot_processes(maps: Path, dot_log: Path) -> None:
    """300 unique query strings evict the URL cache, then 32 concurrent first requests for the site."""
    with TestClient(create_app(Settings(maps_dir=maps, reload_interval=0, render_concurrency=2))) as c:
        assert c.get("/site/index.html").status_code == 200
        one_build = len(_starts(dot_log))
        assert one_build > 0
        for i in range(300):  # each answer is kept by its URL, pushing older entries out of that cache
            assert c.get("/shared-premises?" + "&".join(["maps=alpha"] * (i + 1))).status_code == 200
        with ThreadPoolExecutor(32) as pool:
            answers = list(pool.map(lambda i: c.get(f"/site/index.html?herd={i}").status_code, range(32)))
    assert answers == [200] * 32
    starts = _starts(dot_log)
    print(f"site herd: {len(starts)} dot process(es) in all, at most {max(starts)} at once")
    assert len(starts) == one_build  # the site was built once for the snapshot, not once per cache miss
    assert max(starts) <= 2


@needs_dot
def test_concurrent_cold_diagrams_share_the_gate_and_identical_ones_one_render(maps: Path, dot_log: Path) -> None:
    with TestClient(create_app(Settings(maps_dir=maps, reload_interval=0, render_concurrency=2))) as c:
        # query strings that differ but say the same (an unknown parameter would be a 422)
        def spelt(f: str) -> list[str]:
            coded = "".join(f"%{ord(ch):02X}" for ch in f)
            return [f, coded, f"{f}&focus={f}", f"{coded}&focus={f}"]

        urls = [f"/maps/{m}/diagram.svg?focus={v}" for m, f in (("alpha", "T"), ("alpha", "P1"), ("beta", "T"))
                for v in spelt(f)]
        urls += [f"/compare/diagram.svg?{pair}{extra}" for pair in ("left=alpha&right=beta", "right=beta&left=alpha",
                                                                    "maps=alpha&maps=beta")
                 for extra in ("", "&shared_only=false", "&full=false")][:8]
        with ThreadPoolExecutor(20) as pool:
            answers = list(pool.map(lambda u: c.get(u).status_code, urls))
    assert answers == [200] * len(urls)
    starts = _starts(dot_log)
    assert len(starts) == 4  # one render per distinct diagram, whatever the query string
    assert max(starts) <= 2


def test_a_slow_site_analysis_is_stopped_at_the_render_timeout_and_remembered(
        maps: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import argmap_api.site

    calls: list[int] = []

    def slow_site(corpus: object) -> dict[str, bytes]:
        from argmap.files.limits import check_time

        calls.append(1)
        while True:  # an analysis that would never end, checking its time limit as the analyses do
            check_time()
            time.sleep(0.01)

    monkeypatch.setattr(argmap_api.site, "load_site_builder", lambda: slow_site)
    with TestClient(create_app(Settings(maps_dir=maps, reload_interval=0, render_timeout=0.2))) as c:
        first = c.get("/site/index.html")
        assert first.status_code == 504 and "building the site took more than 0.2 s" in first.json()["detail"]
        assert c.get("/site/other.html?x=1").status_code == 504
    assert calls == [1]


def test_a_render_timeout_comes_from_the_renderer_not_from_a_clock(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    slow = tmp_path / "bin" / "dot"
    slow.parent.mkdir()
    slow.write_text("#!/bin/sh\nexec sleep 30\n")
    slow.chmod(0o755)
    monkeypatch.setenv("PATH", f"{slow.parent}:/usr/bin:/bin")
    from argmap.render import render_bytes

    started = time.monotonic()
    with pytest.raises(RenderTimeout, match=r"took more than 0\.3 s"):
        render_bytes("digraph { a }", "svg", timeout=0.3)
    assert time.monotonic() - started < 20  # killed, not waited for


# -- reload ------------------------------------------------------------------------------------------------------

def test_a_changed_file_is_loaded_only_once_it_has_settled(maps: Path) -> None:
    app = create_app(Settings(maps_dir=maps, reload_interval=0, reload_settle=0.3))
    store = app.state.store
    with TestClient(app) as c:
        text = (maps / "alpha.yaml").read_text(encoding="utf-8")
        # A save cut at a line boundary: still YAML, still a valid map, but not the whole file.
        cut = text[: text.index("relations:")] + "relations:\n  - P1 -> T\n"
        write_atomic(maps / "alpha.yaml", cut)
        assert store.check() is None  # just changed: wait
        write_atomic(maps / "alpha.yaml", text.replace("title: Alpha essay", "title: Alpha, finished"))
        assert store.check() is None  # changed again: wait again
        time.sleep(0.35)
        assert store.check() is True
        assert c.get("/maps/alpha").json()["title"] == "Alpha, finished"


def test_a_vanished_map_is_reported_on_healthz(maps: Path) -> None:
    app = create_app(Settings(maps_dir=maps, reload_interval=0, reload_settle=0))
    with TestClient(app) as c:
        (maps / "beta.yaml").unlink()
        assert app.state.store.check() is True
        health = c.get("/healthz").json()
        assert health["map_ids"] == ["alpha"] and health["ok"] is True
        assert [w["message"] for w in health["warnings"]] == [
            "map 'beta' was in service and its file has disappeared; it is no longer served"]
        shutil.copy(MINI / "beta.yaml", maps / "beta.yaml")
        assert app.state.store.check() is True
        assert c.get("/healthz").json()["warnings"] == []


def test_a_body_declared_over_the_limit_is_refused_before_it_is_read() -> None:
    import asyncio

    app = create_app(Settings(maps_dir=MINI, reload_interval=0, max_body_bytes=1000))
    sent: list[dict[str, object]] = []
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
             "path": "/validate", "raw_path": b"/validate", "query_string": b"", "root_path": "",
             "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 80),
             "headers": [(b"host", b"127.0.0.1"), (b"content-type", b"application/yaml"),
                         (b"content-length", b"300000")]}
    parts = [{"type": "http.request", "body": b"#" * 100, "more_body": True}]

    async def receive() -> dict[str, object]:
        if parts:
            return parts.pop()
        await asyncio.sleep(3600)  # the client declared 300,000 bytes and sends no more
        return {"type": "http.disconnect"}

    async def send(message: dict[str, object]) -> None:
        sent.append(message)

    asyncio.run(asyncio.wait_for(app(scope, receive, send), timeout=5))
    assert sent[0]["status"] == 413 and (b"content-type", b"application/problem+json") in sent[0]["headers"]
    assert b"300,000 bytes, over the limit of 1,000" in sent[1]["body"]
