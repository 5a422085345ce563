"""Requests whose ``Host`` header names another site are refused (400), before any route runs.

The rule (which names are allowed) is :func:`argmap.jobs.hosts.host_allowed`; ``Settings.allowed_hosts`` holds the
names, and an empty list turns the check off (as in the tests' client, which calls itself ``testserver``).

>>> from argmap.corpus.load import bundled_maps_dir
>>> from argmap_api import Settings, create_app
>>> from argmap_api.client import asgi_get
>>> app = create_app(Settings(maps_dir=bundled_maps_dir(), reload_interval=0, allowed_hosts=("localhost",)))
>>> asgi_get(app, "/version", headers={"host": "evil.example"})[0], asgi_get(app, "/version")[0]
(400, 200)
"""

from __future__ import annotations

from typing import Any

from argmap.jobs.hosts import host_allowed

from .problems import problem_response

__all__ = ["HostCheck"]


class HostCheck:
    """Pure ASGI middleware: a request whose ``Host`` is not in ``allowed`` gets a 400 problem."""

    def __init__(self, app: Any, allowed: frozenset[str]) -> None:
        self.app = app
        self.allowed = allowed

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http" and self.allowed:
            host = next((v.decode("latin-1") for k, v in scope.get("headers", ()) if k == b"host"), None)
            if not host_allowed(host, self.allowed):
                response = problem_response(
                    400, f"this server does not answer for the host {host!r}; "
                         "it answers for the address it listens on and the names it is served under",
                    scope.get("path", "/"))
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
