"""The documentation pages (/docs, /redoc) may load nothing from another host.

Their files come from fastapi-offline; but ReDoc's bundle still draws its maker's logo from a CDN in the sidebar.
A Content-Security-Policy on the two pages lets them load only from the service itself (and inline data), so the
browser never reaches out, with or without a network; ReDoc leaves the logo out when the image cannot load.
"""

from __future__ import annotations

from typing import Any

__all__ = ["DOCS_CSP", "SameOriginDocs"]

DOCS_CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            "script-src 'self' 'unsafe-inline'; worker-src 'self' blob:; connect-src 'self'")
_PAGES = {"/docs", "/redoc"}


class SameOriginDocs:
    """ASGI middleware: the CSP header on the documentation pages."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["path"] not in _PAGES:
            await self.app(scope, receive, send)
            return

        async def with_csp(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = [*message.get("headers", []), (b"content-security-policy", DOCS_CSP.encode())]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_csp)
