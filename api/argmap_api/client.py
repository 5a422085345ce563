"""One request through the app without a server (``argmap serve --get``), with no HTTP client library.

>>> from fastapi import FastAPI
>>> app = FastAPI()
>>> @app.get("/hi")
... async def hi(name: str = "you") -> dict[str, str]:
...     return {"hello": name}
>>> asgi_get(app, "/hi?name=Ada")[::2]
(200, b'{"hello":"Ada"}')
"""

from __future__ import annotations

import asyncio
from typing import Any
from urllib.parse import unquote

__all__ = ["asgi_get"]


def asgi_get(app: Any, target: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    """GET ``target`` (a path with an optional query string) from the ASGI ``app``: status, headers, body."""
    path, _, query = target.partition("?")
    if not path.startswith("/"):
        path = "/" + path
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
        "path": unquote(path), "raw_path": path.encode("utf-8"), "query_string": query.encode("utf-8"),
        "root_path": "", "client": ("127.0.0.1", 0), "server": ("localhost", 80),
        "headers": [(k.lower().encode(), v.encode()) for k, v in {"host": "localhost", **{
            k.lower(): v for k, v in (headers or {}).items()}}.items()],
    }
    status = 500
    started = False
    out_headers: dict[str, str] = {}
    chunks: list[bytes] = []

    async def run() -> None:
        nonlocal status
        done = asyncio.Event()
        requested = False

        async def receive() -> dict[str, Any]:
            nonlocal requested
            if not requested:
                requested = True
                return {"type": "http.request", "body": b"", "more_body": False}
            await done.wait()
            return {"type": "http.disconnect"}

        async def send(message: dict[str, Any]) -> None:
            nonlocal status, started
            if message["type"] == "http.response.start":
                status, started = message["status"], True
                out_headers.update((k.decode("latin-1"), v.decode("latin-1")) for k, v in message.get("headers", []))
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body"):
                    done.set()

        try:
            await app(scope, receive, send)
        except Exception:
            if not started:  # the app answered nothing: a bug to show, not to hide
                raise
            # Starlette re-raises a 500's exception after sending the response; the response is the answer.

    asyncio.run(run())
    return status, out_headers, b"".join(chunks)
