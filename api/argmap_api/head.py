"""HEAD for every GET route: the request runs as a GET, and the answer goes out with the GET's headers and no body.

FastAPI routes answer only the methods they declare, so without this a HEAD gets 405.  The middleware is pure
ASGI (no buffering): it passes the GET's start message through unchanged (``Content-Length`` included, as
RFC 9110 allows for HEAD) and drops the body chunks.
"""

from __future__ import annotations

from typing import Any

__all__ = ["HeadAsGet", "allow_with_head"]

Scope = dict[str, Any]
Message = dict[str, Any]


def allow_with_head(allow: str) -> str:
    """An ``Allow`` header's methods, with HEAD wherever GET is (this middleware serves it).

    >>> allow_with_head("GET"), allow_with_head("POST"), allow_with_head("GET, HEAD")
    ('GET, HEAD', 'POST', 'GET, HEAD')
    """
    methods = [m.strip() for m in allow.split(",") if m.strip()]
    if "GET" in methods and "HEAD" not in methods:
        methods.insert(methods.index("GET") + 1, "HEAD")
    return ", ".join(methods)


class HeadAsGet:
    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return
        ended = False

        async def send_headers_only(message: Message) -> None:
            nonlocal ended
            if message["type"] == "http.response.body":
                if ended:
                    return
                if message.get("more_body", False):
                    return
                ended = True
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_headers_only)
