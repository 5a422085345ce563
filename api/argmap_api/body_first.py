"""A request's body arrives in full before any route runs: a slow body waits in one small coroutine, not in a route.

Measured with ``argmap serve`` (bench/README.md): a connection that sends the headers of a ``POST`` and a few bytes
of its body, then nothing, cost the service about 0.4 ms of CPU from its arrival to the read timeout, most of it
starting the route (the app's middleware, FastAPI's dependencies, the snapshot) and unwinding it on the
disconnect.  With the body read first, that work is done only for requests that arrive in full.  Bodies over
``max_bytes`` are not buffered: they go on to the route at once, which refuses them (413); a body whose
``Content-Length`` declares more than ``max_bytes`` goes on before any of it is read, so the 413 does not wait
for bytes that a client may never send.

>>> import asyncio
>>> async def app(scope, receive, send):
...     print(await receive())
>>> async def receive():
...     return {"type": "http.disconnect"}
>>> asyncio.run(BodyFirst(app, 100)({"type": "http", "method": "POST", "path": "/validate"}, receive, None))
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

__all__ = ["BodyFirst", "declared_length", "log_aborted"]

log = logging.getLogger("argmap_api")

Message = dict[str, Any]


def log_aborted(method: str, path: str, client: tuple[str, int] | None) -> None:
    """The one log line for a client that went away mid-body: no fault of the service, no traceback."""
    log.warning("%s %s: %s closed the connection before the body was complete", method, path,
                f"{client[0]}:{client[1]}" if client else "a client")


def declared_length(scope: Mapping[str, Any]) -> int | None:
    """The body size the request's ``Content-Length`` declares, or None (no header, or not a number: the server
    answers a malformed one with 400 before the app runs).

    >>> declared_length({"headers": [(b"content-length", b"300000")]}), declared_length({"headers": []})
    (300000, None)
    """
    for name, value in scope.get("headers", ()):
        if name.lower() == b"content-length":
            return int(value) if value.isdigit() else None
    return None


class BodyFirst:
    """Pure ASGI middleware: read the request's body (up to ``max_bytes``), then call the app with it."""

    def __init__(self, app: Any, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = declared_length(scope)
        if declared is not None and declared > self.max_bytes:
            await self.app(scope, receive, send)  # refused at once by the route (413), none of the body read
            return
        read: list[Message] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                log_aborted(scope["method"], scope.get("path", "/"), scope.get("client"))
                return  # nobody is left to read an answer
            read.append(message)
            size += len(message.get("body", b""))
            if not message.get("more_body", False) or size > self.max_bytes:
                break
        if not read[-1].get("more_body", False):
            read = [{"type": "http.request", "body": b"".join(m.get("body", b"") for m in read), "more_body": False}]

        async def replay() -> Message:
            return read.pop(0) if read else await receive()

        await self.app(scope, replay, send)
