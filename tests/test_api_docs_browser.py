"""/docs and /redoc render in real headless Chromium from the service alone: Swagger UI lists every operation and
ReDoc its sections, and the browser requests nothing from any other host (so they work with no network)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from argmap_api import Settings, create_app
from helpers import chromium_or_skip

from argmap.classroom.browser import Browser

MINI = Path(__file__).resolve().parent / "fixtures" / "mini"


@pytest.fixture(scope="module")
def service() -> Iterator[str]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(Settings(maps_dir=MINI, reload_interval=0)), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with Browser(chromium_or_skip(), timeout=60, window=(1400, 900)) as b:
        yield b


WAIT = """new Promise(done => {{
    const t0 = Date.now();
    (function poll() {{
        const n = document.querySelectorAll({selector!r}).length;
        if (n > 0 || Date.now() - t0 > 20000) done(n); else setTimeout(poll, 100);
    }})();
}})"""


@pytest.mark.parametrize(("page_path", "selector"), [("/docs", ".opblock"), ("/redoc", "[data-section-id]")])
def test_the_docs_render_from_the_service_alone(service: str, browser: Browser, page_path: str, selector: str) -> None:
    page = browser.open(service + page_path)
    rendered = page.evaluate(WAIT.format(selector=selector))
    assert rendered >= 10, f"{page_path} rendered {rendered} elements matching {selector}"
    time.sleep(3)  # late requests (the images drawn after the first render) are recorded too
    page.evaluate("0")  # read the events that arrived meanwhile
    sent = browser.events("Network.requestWillBeSent", page.session)
    blocked = {e["requestId"]: e.get("blockedReason") for e in browser.events("Network.loadingFailed", page.session)}
    urls = [e["request"]["url"] for e in sent if blocked.get(e["requestId"]) != "csp"]  # refused by the page's policy
    assert any(u.endswith("/openapi.json") for u in urls), urls
    assert all(u.startswith(service) or u.startswith(("data:", "blob:")) for u in urls), urls
    refused = [e["request"]["url"] for e in sent if blocked.get(e["requestId"]) == "csp"]
    print(f"{page_path}: {rendered} elements, {len(urls)} requests, all to {service}; refused by its policy: {refused}")
