"""Debian's headless Chromium, driven over the DevTools protocol through a pipe.

``chromium --remote-debugging-pipe`` reads protocol messages on file descriptor 3
and writes its answers on 4, each a JSON object ended by a NUL byte.  That needs
nothing beyond the standard library (no websocket client, no browser driver), and
it is all argmap needs: printing the handout to PDF with the page's own A4 CSS
(``Page.printToPDF`` with ``preferCSSPageSize``), and, in the tests, opening the
site, clicking and taking screenshots.

The browser gets a fresh profile in a temporary folder and flags that keep it
from any background network traffic; it runs without its sandbox only as root
(where Chromium refuses to start otherwise).
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import re
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import Any

from argmap.errors import RenderError

__all__ = ["INSTALL_HINT", "Browser", "Page", "find_chromium", "fixed_pdf_dates", "html_to_pdf"]

INSTALL_HINT = "install it with `apt-get install chromium` (or run `make sysdeps-test`)"
_NAMES = ("chromium", "chromium-browser")
_FLAGS = (
    "--headless", "--disable-gpu", "--disable-quic", "--no-first-run", "--no-default-browser-check",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
    "--disable-default-apps", "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio",
    "--remote-debugging-pipe",
)


def find_chromium() -> str:
    """The Chromium executable: ``$ARGMAP_CHROMIUM``, else ``chromium`` on the PATH.

    Raises :class:`~argmap.errors.RenderError` naming the install step when there is none.
    """
    chosen = os.environ.get("ARGMAP_CHROMIUM")
    if chosen:
        if shutil.which(chosen) is None:
            raise RenderError(f"ARGMAP_CHROMIUM is set to '{chosen}', which is not an executable")
        return chosen
    for name in _NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise RenderError(f"Chromium was not found (it prints the PDF); {INSTALL_HINT}")


class Browser:
    """A headless Chromium for the length of a ``with`` block.

    >>> with Browser() as browser:  # doctest: +SKIP
    ...     page = browser.open("file:///tmp/page.html")
    ...     page.evaluate("document.title")
    """

    def __init__(self, executable: str | None = None, *, timeout: float = 60.0,
                 window: tuple[int, int] = (1280, 900)) -> None:
        self.timeout = timeout
        self._exe = executable or find_chromium()
        self._window = window
        self._next = 0
        self._buf = b""
        self._events: list[dict[str, Any]] = []
        self._proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Browser:
        self._profile = tempfile.mkdtemp(prefix="argmap-chromium-")
        self._log = tempfile.TemporaryFile()
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()
        # Copy the child's ends above 9 first, so moving them to 3 and 4 cannot clobber one another.
        high_r = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD, 10)
        high_w = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD, 10)
        os.close(to_browser_r)
        os.close(from_browser_w)

        def wire() -> None:
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)

        args = [self._exe, *_FLAGS, f"--user-data-dir={self._profile}",
                f"--window-size={self._window[0]},{self._window[1]}", "about:blank"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            args.insert(1, "--no-sandbox")
        try:
            self._proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                          stderr=self._log, pass_fds=(3, 4), preexec_fn=wire)
        except OSError as exc:
            self._cleanup()
            raise RenderError(f"could not start Chromium ({self._exe}): {exc.strerror}; {INSTALL_HINT}") from None
        finally:
            os.close(high_r)
            os.close(high_w)
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._proc is not None and self._proc.poll() is None:
            try:
                self._send("Browser.close", {}, None)
                self._proc.wait(timeout=5)
            except (OSError, subprocess.TimeoutExpired):
                self._proc.kill()
                self._proc.wait()
        self._cleanup()

    def _cleanup(self) -> None:
        for fd in (getattr(self, "_to_browser", None), getattr(self, "_from_browser", None)):
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self._to_browser = self._from_browser = None  # type: ignore[assignment]
        self._log.close()
        shutil.rmtree(self._profile, ignore_errors=True)

    def _died(self) -> RenderError:
        self._log.seek(0)
        lines = [x for x in self._log.read().decode("utf-8", "replace").splitlines() if "ERROR" in x or "FATAL" in x]
        hint = f": {lines[-1].strip()}" if lines else ""
        return RenderError(f"Chromium stopped unexpectedly{hint}")

    def _send(self, method: str, params: dict[str, Any], session: str | None) -> int:
        self._next += 1
        msg: dict[str, Any] = {"id": self._next, "method": method, "params": params}
        if session:
            msg["sessionId"] = session
        os.write(self._to_browser, json.dumps(msg).encode("utf-8") + b"\0")
        return self._next

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise RenderError(f"Chromium did not answer within {self.timeout:g} s")
            ready, _, _ = select.select([self._from_browser], [], [], left)
            if not ready:
                continue
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                raise self._died()
            self._buf += chunk
        raw, self._buf = self._buf.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message

    def call(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> dict[str, Any]:
        """Send one protocol command and return its result; events that arrive meanwhile are kept."""
        ident = self._send(method, params or {}, session)
        deadline = time.monotonic() + self.timeout
        while True:
            msg = self._read(deadline)
            if msg.get("id") == ident:
                if "error" in msg:
                    raise RenderError(f"Chromium: {method} failed: {msg['error'].get('message', msg['error'])}")
                result: dict[str, Any] = msg.get("result", {})
                return result
            if "method" in msg:
                self._events.append(msg)

    def wait_for(self, method: str, session: str | None = None) -> dict[str, Any]:
        """The next event named ``method`` (for ``session``), waiting up to the timeout."""
        deadline = time.monotonic() + self.timeout
        while True:
            for i, ev in enumerate(self._events):
                if ev["method"] == method and (session is None or ev.get("sessionId") == session):
                    del self._events[i]
                    params: dict[str, Any] = ev.get("params", {})
                    return params
            msg = self._read(deadline)
            if "method" in msg:
                self._events.append(msg)

    def events(self, method: str, session: str | None = None) -> list[dict[str, Any]]:
        """Every event named ``method`` received so far (and not waited for), in order."""
        return [e.get("params", {}) for e in self._events
                if e["method"] == method and (session is None or e.get("sessionId") == session)]

    def open(self, url: str) -> Page:
        """A new tab showing ``url``, once its load event has fired."""
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, session)
        self.call("Page.enable", session=session)
        self.call("Runtime.enable", session=session)
        self.call("Network.enable", session=session)
        page.navigate(url)
        return page


class Page:
    """One tab of a :class:`Browser`."""

    def __init__(self, browser: Browser, session: str) -> None:
        self.browser = browser
        self.session = session

    def call(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        return self.browser.call(method, params, self.session)

    def navigate(self, url: str) -> None:
        """Go to ``url`` and wait for its load event."""
        result = self.call("Page.navigate", {"url": url})
        if result.get("errorText"):
            raise RenderError(f"Chromium could not open {url}: {result['errorText']}")
        self.browser.wait_for("Page.loadEventFired", self.session)

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (promises are awaited)."""
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True})
        if "exceptionDetails" in result:
            detail = result["exceptionDetails"]
            text = detail.get("exception", {}).get("description") or detail.get("text")
            raise RenderError(f"JavaScript error: {text}")
        return result["result"].get("value")

    def click(self, x: float, y: float) -> None:
        """A real left click at viewport coordinates (pointer moved, pressed, released)."""
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            extra = {} if kind == "mouseMoved" else {"button": "left", "clickCount": 1}
            self.call("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, **extra})

    def screenshot(self, full_page: bool = False) -> bytes:
        """A PNG of the viewport (or of the whole page)."""
        params: dict[str, Any] = {"format": "png"}
        if full_page:
            params["captureBeyondViewport"] = True
            size = self.call("Page.getLayoutMetrics")["cssContentSize"]
            params["clip"] = {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}
        return base64.b64decode(self.call("Page.captureScreenshot", params)["data"])

    def pdf(self) -> bytes:
        """The page printed as the browser prints it, honouring its ``@page`` size and margins."""
        result = self.call("Page.printToPDF", {"printBackground": True, "preferCSSPageSize": True,
                                               "displayHeaderFooter": False})
        return base64.b64decode(result["data"])


def html_to_pdf(html: str, *, timeout: float = 60.0) -> bytes:
    """Print a self-contained HTML document to PDF with headless Chromium.

    Raises :class:`~argmap.errors.RenderError` when Chromium is missing (naming
    the install step), fails, or takes longer than ``timeout`` seconds.
    """
    exe = find_chromium()
    with tempfile.TemporaryDirectory(prefix="argmap-print-") as tmp:
        page_file = Path(tmp) / "handout.html"
        page_file.write_text(html, encoding="utf-8")
        with Browser(exe, timeout=timeout) as browser:
            page = browser.open(page_file.as_uri())
            page.evaluate("document.fonts.ready.then(() => true)")
            return fixed_pdf_dates(page.pdf())


_PDF_DATE = re.compile(rb"(/(?:CreationDate|ModDate) \()(D:\d{14}(?:[+-]\d\d'\d\d'|Z)?)(\))")


def fixed_pdf_dates(pdf: bytes, epoch: int | None = None) -> bytes:
    """``pdf`` with its creation and modification dates set to ``epoch`` (seconds, UTC), so prints are reproducible.

    Chromium stamps the current time, which was the only difference between two prints of
    the same handout.  ``epoch`` defaults to ``SOURCE_DATE_EPOCH`` (the reproducible-builds
    convention) or, without it, 1980-01-01.  Each date keeps its length, so the byte offsets
    in the PDF's cross-reference table stay right.

    >>> fixed_pdf_dates(b"<</CreationDate (D:20261122082748+00'00')>>", epoch=0)
    b"<</CreationDate (D:19700101000000+00'00')>>"
    >>> fixed_pdf_dates(b"/ModDate (D:20261122082748Z)")
    b'/ModDate (D:19800101000000Z)'
    """
    import datetime

    if epoch is None:
        env = os.environ.get("SOURCE_DATE_EPOCH", "")
        epoch = int(env) if env.isdigit() else 315532800  # 1980-01-01T00:00:00Z
    stamp = datetime.datetime.fromtimestamp(epoch, datetime.UTC).strftime("D:%Y%m%d%H%M%S").encode()

    def utc(m: re.Match[bytes]) -> bytes:
        old = m.group(2)
        new = stamp + (b"+00'00'" if len(old) == 23 else b"Z" if len(old) == 17 else b"")
        return m.group(1) + new + m.group(3)

    return _PDF_DATE.sub(utc, pdf)
